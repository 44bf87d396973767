package verifier

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/skip2/go-qrcode"
)

// VerifyExtracted verifies what Extract found: its JWS; for an OB3 JSON
// credential without one, the registry's signed copy when the JSON equals
// it; for a certificate PDF, also that what the file shows (holder,
// certificate number, identifier, links and QR code) belongs to the
// credential it carries. A PDF whose visible content cannot be confirmed
// is never valid: it gets VerdictAltered.
func (v *Verifier) VerifyExtracted(ctx context.Context, x *Extracted) *Result {
	jws := x.JWS
	if jws == "" && x.DataIntegrity {
		return v.VerifyDataIntegrity(ctx, x.JSON)
	}
	if jws == "" && x.JSON != nil {
		stored, detail := v.fromRegistry(ctx, x)
		if stored == "" {
			r := &Result{}
			return r.fail("format", detail)
		}
		jws = stored
	}
	r := v.VerifyJWS(ctx, jws)
	if x.Document != nil {
		if r.Parsed == nil {
			return r
		}
		if problems := checkDocument(x.Document, r.Parsed); len(problems) > 0 {
			r.fail("document", "this file has been altered: "+strings.Join(problems, "; "))
			r.Verdict = VerdictAltered
			return r
		}
		r.add("document", true, "the holder, certificate number, identifier, links and QR code the file shows belong to the credential it carries")
	}
	return r
}

// fromRegistry returns the registry's signed copy of a JSON credential
// that carries no JWS, when the JSON equals its payload; else "" and why.
func (v *Verifier) fromRegistry(ctx context.Context, x *Extracted) (string, string) {
	const notHere = "the JSON carries no signed proof and is not in this registry; send the signed form (compact JWS)"
	if v.registry == nil {
		return "", notHere
	}
	var m map[string]any
	if len(x.JSON) > MaxCredentialBytes || json.Unmarshal(x.JSON, &m) != nil {
		return "", "the JSON is malformed"
	}
	issuerID, _ := m["issuer"].(string)
	if o, ok := m["issuer"].(map[string]any); ok {
		issuerID, _ = o["id"].(string)
	}
	stored, handled, err := v.registry.Lookup(ctx, issuerID, x.ID)
	if !handled || err != nil {
		return "", notHere
	}
	var sm map[string]any
	if err := json.Unmarshal(payloadOf(stored), &sm); err != nil {
		return "", notHere
	}
	for _, k := range []string{"iss", "jti", "sub", "nbf", "exp"} {
		delete(sm, k)
		if _, ok := m["proof"]; !ok {
			delete(m, k)
		}
	}
	a, _ := json.Marshal(sm)
	b, _ := json.Marshal(m)
	if !bytes.Equal(a, b) {
		return "", "the JSON differs from the credential " + x.ID + " in this registry: it was altered"
	}
	return stored, ""
}

// payloadOf decodes a stored JWS's payload without verifying it (the
// result is verified as a whole afterwards).
func payloadOf(jws string) []byte {
	parts := strings.Split(jws, ".")
	if len(parts) != 3 {
		return nil
	}
	b, _ := base64.RawURLEncoding.DecodeString(parts[1])
	return b
}

var (
	uuidAnyRE   = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	certNoRE    = regexp.MustCompile(`(?:№|no\.)([0-9]+)(?:[^0-9/.\-]|$)`)
	dropInTexts = strings.NewReplacer("\u00ad", "", "-", "", "\u2010", "", "\u2011", "")
)

// squash lowercases s and drops white space, so that text wrapped over
// lines or drawn in capitals still compares.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// checkDocument compares what a certificate PDF shows with the credential
// it carries, the way tanu draws certificates: the holder's name, the
// certificate number and the credential id are printed, every link opens
// the credential's page, and every QR code encodes that page's address.
// It returns what does not match; nothing means the file is consistent.
func checkDocument(doc *Document, p *Parsed) []string {
	var problems []string
	if doc.Revised {
		problems = append(problems, "the file was edited after it was issued")
	}
	if doc.Unreadable != "" {
		return append(problems, "its visible content cannot be confirmed ("+doc.Unreadable+")")
	}
	sum := summarize(p.Payload)
	id := strings.TrimPrefix(sum.ID, "urn:uuid:")
	pages := credentialPages(sum.IssuerID, id)
	if len(pages) == 0 || !uuidAnyRE.MatchString(id) {
		return append(problems, "its visible content cannot be confirmed (not a certificate as tanu issues them)")
	}
	page := pages[0]
	if len(doc.Links) > 0 && slices.Contains(pages, doc.Links[0]) {
		page = doc.Links[0]
	}
	visible := squash(strings.Join(doc.Visible, " "))
	all := squash(strings.Join(doc.Visible, " ") + " " + strings.Join(doc.Hidden, " "))
	loose := dropInTexts.Replace(visible)

	if sum.Holder == "" {
		problems = append(problems, "the credential names no holder to compare with the file")
	} else if !strings.Contains(loose, dropInTexts.Replace(squash(sum.Holder))) {
		problems = append(problems, "the file does not show the credential's holder")
	}
	if n := sum.CertificateNumber; n != "" && !strings.Contains(visible, squash(n)) {
		problems = append(problems, "the file does not show the credential's certificate number")
	}
	for _, m := range certNoRE.FindAllStringSubmatch(all, 16) {
		if m[1] != sum.CertificateNumber {
			problems = append(problems, "the file shows another certificate number (№ "+m[1]+")")
			break
		}
	}
	if !strings.Contains(visible, id) {
		problems = append(problems, "the file does not show the credential's identifier")
	}
	for _, u := range uuidAnyRE.FindAllString(all, 16) {
		if u != id {
			problems = append(problems, "the file shows another credential's identifier ("+u+")")
			break
		}
	}
	if len(doc.Links) == 0 {
		problems = append(problems, "the file has no link to the credential's page")
	}
	for _, l := range doc.Links {
		if !slices.Contains(pages, l) {
			problems = append(problems, "a link in the file opens "+l+", not the credential's page")
			break
		}
	}
	want, err := qrcode.New(page, qrcode.High)
	if err != nil || len(doc.QR) == 0 {
		problems = append(problems, "the file has no QR code that can be read")
	} else {
		want.DisableBorder = true
		m := want.Bitmap()
		for _, q := range doc.QR {
			if !slices.EqualFunc(q, m, slices.Equal) {
				problems = append(problems, "the QR code does not open the credential's page")
				break
			}
		}
	}
	return problems
}

// credentialPages are the addresses the credential page of credential id
// may have been printed under: {base}/c/{id}, where base is the Profile
// URL without /issuer, or the https (or, for a loopback host, http) base
// of a did:web issuer.
func credentialPages(issuerID, id string) []string {
	if base, ok := strings.CutSuffix(issuerID, "/issuer"); ok {
		return []string{base + "/c/" + id}
	}
	doc, err := DIDWebURL(issuerID)
	if err != nil {
		return nil
	}
	base := strings.TrimSuffix(strings.TrimSuffix(doc, "/did.json"), "/.well-known")
	pages := []string{base + "/c/" + id}
	if h := hostOf(issuerID); strings.HasPrefix(h, "127.") || strings.HasPrefix(h, "localhost") || strings.HasPrefix(h, "[::1]") {
		pages = append(pages, "http://"+strings.TrimPrefix(base, "https://")+"/c/"+id)
	}
	return pages
}

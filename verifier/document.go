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

	"github.com/tanu-edu/tanu/lang"
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
		stored, why := v.fromRegistry(ctx, x)
		if stored == "" {
			r := &Result{}
			return r.fail("format", lang.EN.Say(why), why.Key, why.Args...)
		}
		jws = stored
	}
	r := v.VerifyJWS(ctx, jws)
	if x.Document != nil {
		if r.Parsed == nil {
			return r
		}
		if problems := checkDocument(x.Document, r.Parsed); len(problems) > 0 {
			r.fail("document", lang.EN.T(lang.VerifyDocAltered, problems), lang.VerifyDocAltered, problems)
			r.Verdict = VerdictAltered
			return r
		}
		r.add("document", true, "the holder, certificate number, identifier, links and QR code the file shows belong to the credential it carries", lang.VerifyDocOK)
	}
	return r
}

// fromRegistry returns the registry's signed copy of a JSON credential
// that carries no JWS, when the JSON equals its payload; else "" and why.
func (v *Verifier) fromRegistry(ctx context.Context, x *Extracted) (string, lang.Phrase) {
	notHere := lang.Phrase{Key: lang.VerifyJSONUnknown}
	if v.registry == nil {
		return "", notHere
	}
	var m map[string]any
	if len(x.JSON) > MaxCredentialBytes || json.Unmarshal(x.JSON, &m) != nil {
		return "", lang.Phrase{Key: lang.VerifyBadJSON}
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
		return "", lang.Phrase{Key: lang.VerifyJSONAltered, Args: []any{x.ID}}
	}
	return stored, lang.Phrase{}
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
func checkDocument(doc *Document, p *Parsed) lang.List {
	var problems lang.List
	if doc.Revised {
		problems = append(problems, lang.Phrase{Key: lang.DocRevised})
	}
	if doc.Unreadable != "" {
		return append(problems, lang.Phrase{Key: lang.DocUnconfirmed})
	}
	sum := summarize(p.Payload)
	id := strings.TrimPrefix(sum.ID, "urn:uuid:")
	pages := credentialPages(sum.IssuerID, id)
	if len(pages) == 0 || !uuidAnyRE.MatchString(id) {
		return append(problems, lang.Phrase{Key: lang.DocNotTanu})
	}
	page := pages[0]
	if len(doc.Links) > 0 && slices.Contains(pages, doc.Links[0]) {
		page = doc.Links[0]
	}
	visible := squash(strings.Join(doc.Visible, " "))
	all := squash(strings.Join(doc.Visible, " ") + " " + strings.Join(doc.Hidden, " "))
	loose := dropInTexts.Replace(visible)

	if sum.Holder == "" {
		problems = append(problems, lang.Phrase{Key: lang.DocNoHolder})
	} else if !strings.Contains(loose, dropInTexts.Replace(squash(sum.Holder))) {
		problems = append(problems, lang.Phrase{Key: lang.DocHolder})
	}
	if n := sum.CertificateNumber; n != "" && !strings.Contains(visible, squash(n)) {
		problems = append(problems, lang.Phrase{Key: lang.DocNumber})
	}
	for _, m := range certNoRE.FindAllStringSubmatch(all, 16) {
		if m[1] != sum.CertificateNumber {
			problems = append(problems, lang.Phrase{Key: lang.DocOtherNumber, Args: []any{m[1]}})
			break
		}
	}
	if !strings.Contains(visible, id) {
		problems = append(problems, lang.Phrase{Key: lang.DocIdentifier})
	}
	for _, u := range uuidAnyRE.FindAllString(all, 16) {
		if u != id {
			problems = append(problems, lang.Phrase{Key: lang.DocOtherIdentifier, Args: []any{u}})
			break
		}
	}
	if len(doc.Links) == 0 {
		problems = append(problems, lang.Phrase{Key: lang.DocNoLink})
	}
	for _, l := range doc.Links {
		if !slices.Contains(pages, l) {
			problems = append(problems, lang.Phrase{Key: lang.DocOtherLink, Args: []any{l}})
			break
		}
	}
	want, err := qrcode.New(page, qrcode.High)
	if err != nil || len(doc.QR) == 0 {
		problems = append(problems, lang.Phrase{Key: lang.DocNoQR})
	} else {
		want.DisableBorder = true
		m := want.Bitmap()
		for _, q := range doc.QR {
			if !slices.EqualFunc(q, m, slices.Equal) {
				problems = append(problems, lang.Phrase{Key: lang.DocOtherQR})
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

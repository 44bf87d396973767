package verifier

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/tanu-edu/tanu/badge"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// What a credential may weigh, by the form it comes in. A real credential
// is a few KB; a baked badge or a certificate PDF some tens of KB.
const (
	// MaxCredentialBytes bounds a compact JWS or an OB3 JSON credential.
	MaxCredentialBytes = 64 << 10
	// MaxPNGBytes bounds a baked PNG badge.
	MaxPNGBytes = 2 << 20
	// MaxSVGBytes bounds a baked SVG badge.
	MaxSVGBytes = 512 << 10
	// MaxFileBytes is the largest file of any kind Extract accepts.
	MaxFileBytes = max(MaxPNGBytes, MaxPDFBytes, MaxSVGBytes, MaxCredentialBytes)
)

// Kinds of what Extract finds.
const (
	KindJWS       = "jws"       // compact JWS text
	KindJSON      = "json"      // OB3 JSON credential
	KindPNG       = "png"       // baked PNG badge
	KindSVG       = "svg"       // baked SVG badge
	KindPDF       = "pdf"       // certificate PDF
	KindReference = "reference" // text naming a credential: its URL, id or certificate number
)

// Errors of Extract; test with errors.Is.
var (
	// ErrNoCredential means the input holds no credential: an empty form,
	// a scan or a photo of a certificate, an image without a baked
	// credential, a PDF that lost its attachment. It is no verdict on any
	// credential.
	ErrNoCredential = errors.New("no credential found in this file: scan the QR code or type the certificate's identifier")
	// ErrTooLarge means the input weighs more than a credential of its kind may.
	ErrTooLarge = errors.New("the file is larger than a credential of its kind may be")
)

// Extracted is what Extract found.
type Extracted struct {
	// Kind is the form the credential came in (KindJWS, KindJSON, …).
	Kind string
	// JWS is the compact JWS found, if any.
	JWS string
	// JSON is an OB3 JSON credential that carries no JWS (it may be in
	// a registry, or carry another kind of proof), with its id.
	JSON []byte
	ID   string
	// DataIntegrity is set when JSON carries an embedded Data Integrity
	// proof (verified with VerifyDataIntegrity).
	DataIntegrity bool
	// Reference is text that names a credential without being one: a
	// credential page URL, a credential id or a certificate number (Kind is
	// KindReference). The caller looks it up.
	Reference string
	// Document is what a certificate PDF shows, to be checked against the
	// credential it carries.
	Document *Document
}

// Extract finds the credential in a file or text sent for verification:
// a compact JWS, OB3 JSON (a wrapper {"jws"|"jwt"|"credential"|
// "compactJwsString": …}, a credential with a JWT proof, or a bare
// credential), a baked PNG or SVG badge, or a certificate PDF. Text that
// is no credential but names one (a URL, an id, a certificate number) comes
// back as a Reference. It never reads more than the kind's limit: larger
// input fails with ErrTooLarge, input without a credential with
// ErrNoCredential; anything else is malformed (credential.CodeInvalid).
func Extract(ctx context.Context, body []byte) (*Extracted, error) {
	if IsPhoto(body) {
		return nil, ErrNoCredential
	}
	if len(body) > MaxFileBytes {
		return nil, tooLarge("file", MaxFileBytes)
	}
	switch {
	case IsPDF(body):
		f, err := readPDF(ctx, body)
		if errors.Is(err, errPDFBudget) {
			return nil, wrapm(credential.CodeTooLarge, fmt.Errorf("%w: %w", ErrTooLarge, err), lang.VerifyPDFTooLarge)
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, wrapm(credential.CodeInvalid, err, lang.VerifyPDFUnreadable)
		}
		jws, ok := f.credential()
		if !ok {
			return nil, ErrNoCredential
		}
		return &Extracted{Kind: KindPDF, JWS: jws, Document: f.readDocument(ctx)}, nil
	case badge.Sniff(body) == badge.KindPNG:
		if len(body) > MaxPNGBytes {
			return nil, tooLarge("PNG badge", MaxPNGBytes)
		}
		return fromBadge(KindPNG, badge.ExtractPNG, body)
	}
	text := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	switch {
	case len(text) == 0:
		return nil, ErrNoCredential
	case text[0] == '<':
		if len(text) > MaxSVGBytes {
			return nil, tooLarge("SVG badge", MaxSVGBytes)
		}
		if badge.Sniff(text) != badge.KindSVG {
			return nil, ErrNoCredential
		}
		return fromBadge(KindSVG, badge.ExtractSVG, text)
	case len(text) > MaxCredentialBytes:
		if !isText(text[:min(len(text), 512)]) {
			return nil, ErrNoCredential // a photo or another binary file
		}
		return nil, tooLarge("credential", MaxCredentialBytes)
	case text[0] == '{':
		return fromJSON(text)
	case text[0] == '"':
		var s string
		if json.Unmarshal(text, &s) == nil {
			return Extract(ctx, []byte(s))
		}
	}
	s := string(text)
	if checkJWS(s) == nil {
		return &Extracted{Kind: KindJWS, JWS: s}, nil
	}
	if ref, ok := Reference(s); ok {
		return &Extracted{Kind: KindReference, Reference: ref}, nil
	}
	if !isText(text[:min(len(text), 512)]) {
		return nil, ErrNoCredential
	}
	return nil, credential.Errorm(credential.CodeInvalid, lang.VerifyNotCredential)
}

func tooLarge(what string, limit int) error {
	e := credential.Errorm(credential.CodeTooLarge, lang.VerifyInputTooLarge, limit)
	e.Message, e.Err = fmt.Sprintf("the %s is larger than the %d bytes a credential may weigh", what, limit), ErrTooLarge
	return e
}

// wrapm is err as a catalog message key with args for people, its
// English message followed by err's.
func wrapm(code credential.Code, err error, key lang.Key, args ...any) error {
	e := credential.Errorm(code, key, args...)
	e.Message, e.Err = e.Message+": "+err.Error(), err
	return e
}

// IsPhoto reports whether b starts like an image format that never
// carries a credential (JPEG, GIF, WebP, HEIC/HEIF/AVIF, TIFF, BMP): a
// scan or a photo of a certificate. Sixteen bytes are enough to tell.
func IsPhoto(b []byte) bool {
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff}),
		bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")),
		bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")),
		bytes.HasPrefix(b, []byte("BM")) && len(b) >= 14 && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0:
		return true
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return true
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		switch string(b[8:12]) {
		case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif", "avis":
			return true
		}
	}
	return false
}

// isText reports whether b looks like text rather than binary data.
func isText(b []byte) bool {
	for _, c := range b {
		if c < ' ' && c != '\n' && c != '\r' && c != '\t' {
			return false
		}
	}
	return true
}

func fromBadge(kind string, extract func([]byte) (string, error), b []byte) (*Extracted, error) {
	jws, err := extract(b)
	switch {
	case errors.Is(err, badge.ErrNoCredential):
		return nil, ErrNoCredential
	case err != nil:
		return nil, wrapm(credential.CodeInvalid, err, lang.VerifyBadgeUnreadable, kind)
	}
	jws = strings.TrimSpace(jws)
	if len(jws) > MaxCredentialBytes {
		return nil, tooLarge("credential", MaxCredentialBytes)
	}
	if checkJWS(jws) != nil {
		// Open Badges may bake JSON; only signed credentials are verifiable here.
		if strings.HasPrefix(jws, "{") {
			x, err := fromJSON([]byte(jws))
			if err != nil {
				return nil, err
			}
			x.Kind = kind
			return x, nil
		}
		return nil, credential.Errorm(credential.CodeInvalid, lang.VerifyBadgeEmpty, kind)
	}
	return &Extracted{Kind: kind, JWS: jws}, nil
}

// jsonShape is the part of an OB3 JSON credential Extract reads.
type jsonShape struct {
	ID               string          `json:"id"`
	JWS              json.RawMessage `json:"jws"`
	JWT              json.RawMessage `json:"jwt"`
	Credential       json.RawMessage `json:"credential"`
	CompactJwsString json.RawMessage `json:"compactJwsString"`
	Proof            json.RawMessage `json:"proof"`
}

// proofShape is one proof of an OB3 credential.
type proofShape struct {
	Type             string `json:"type"`
	JWT              string `json:"jwt"`
	JWS              string `json:"jws"`
	CompactJwsString string `json:"compactJwsString"`
}

// fromJSON reads an OB3 JSON credential, at most MaxCredentialBytes.
func fromJSON(b []byte) (*Extracted, error) {
	var j jsonShape
	if err := json.Unmarshal(b, &j); err != nil {
		return nil, wrapm(credential.CodeInvalid, err, lang.VerifyBadJSON)
	}
	for _, raw := range []json.RawMessage{j.JWS, j.JWT, j.Credential, j.CompactJwsString} {
		var s string
		if len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &s) == nil && checkJWS(strings.TrimSpace(s)) == nil {
			return &Extracted{Kind: KindJSON, JWS: strings.TrimSpace(s)}, nil
		}
	}
	var proofs []proofShape
	if p := bytes.TrimSpace(j.Proof); len(p) > 0 {
		if p[0] == '{' {
			p = append(append([]byte("["), p...), ']')
		}
		_ = json.Unmarshal(p, &proofs) // other proof shapes are not JWTs
	}
	for _, p := range proofs {
		for _, s := range []string{p.JWT, p.CompactJwsString, p.JWS} {
			if s = strings.TrimSpace(s); checkJWS(s) == nil {
				return &Extracted{Kind: KindJSON, JWS: s}, nil
			}
		}
	}
	if j.ID == "" {
		return nil, credential.Errorm(credential.CodeInvalid, lang.VerifyJSONNotOB3)
	}
	x := &Extracted{Kind: KindJSON, JSON: b, ID: j.ID}
	for _, p := range proofs {
		x.DataIntegrity = x.DataIntegrity || p.Type == "DataIntegrityProof"
	}
	return x, nil
}

// checkJWS checks that s has the shape of a signed credential: a compact
// JWS (credential.CheckCompactJWS) with a payload, within the size limit.
func checkJWS(s string) error {
	if len(s) > MaxCredentialBytes {
		return fmt.Errorf("the JWS is longer than %d bytes", MaxCredentialBytes)
	}
	if err := credential.CheckCompactJWS(s); err != nil {
		return err
	}
	if strings.Contains(s, "..") {
		return errors.New("the JWS has no payload")
	}
	return nil
}

var (
	uuidRE   = regexp.MustCompile(`(?i)^(urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`)
	pageRE   = regexp.MustCompile(`(?i)^https?://[^\s/]+(/[^\s?#]*)?/c/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(/[^\s?#]*)?([?#]\S*)?$`)
	numberRE = regexp.MustCompile(`^(?:№|No\.?|N)?\s*([0-9]{1,12})$`)
)

// Reference reads text that names a credential: a credential page URL
// (…/c/{id}, also its .jwt or .pdf), a credential id (a UUID, with or
// without urn:uuid:), or a certificate number (digits, optionally after
// №). It returns "id:{uuid}" or "number:{digits}", with the page URL's
// origin kept as "url:{url}" so the caller can tell this registry's
// pages from others'.
func Reference(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 2048 {
		return "", false
	}
	if m := pageRE.FindStringSubmatch(s); m != nil {
		return "url:" + s, true
	}
	if m := uuidRE.FindStringSubmatch(s); m != nil {
		return "id:" + strings.ToLower(m[2]), true
	}
	if m := numberRE.FindStringSubmatch(s); m != nil {
		return "number:" + m[1], true
	}
	return "", false
}

// ReferenceID returns the credential id a page URL names.
func ReferenceID(pageURL string) string {
	if m := pageRE.FindStringSubmatch(strings.TrimSpace(pageURL)); m != nil {
		return strings.ToLower(m[2])
	}
	return ""
}

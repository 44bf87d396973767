package badge

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/tanu-edu/tanu/credential"
)

// maxCredentialLen bounds the credential text accepted for baking.
const maxCredentialLen = 16 << 20

// Kind is the kind of a request body as told by [Sniff].
type Kind int

// The kinds [Sniff] tells apart.
const (
	// KindUnknown is anything else.
	KindUnknown Kind = iota
	// KindPNG is a PNG image (possibly a baked badge).
	KindPNG
	// KindSVG is an SVG document (possibly a baked badge).
	KindSVG
	// KindJWS is a compact JWS, such as a VC-JWT credential.
	KindJWS
	// KindJSON is a JSON object, such as a credential with an embedded proof.
	KindJSON
)

// String returns a lower-case name for the kind: "png", "svg", "jws",
// "json" or "unknown".
func (k Kind) String() string {
	switch k {
	case KindPNG:
		return "png"
	case KindSVG:
		return "svg"
	case KindJWS:
		return "jws"
	case KindJSON:
		return "json"
	default:
		return "unknown"
	}
}

// sniffSVGLimit bounds how much of a body Sniff tokenizes looking for the
// root element.
const sniffSVGLimit = 64 << 10

// Sniff tells what a body sent for verification is: a PNG (by its
// signature), an SVG (XML whose root element is svg), a compact JWS (three
// base64url segments whose first decodes to a JSON object) or a JSON
// object. Leading and trailing white space and a UTF-8 byte order mark are
// ignored. Sniff looks only at the first 64 KiB to find an SVG root
// element, so it does not validate a whole document.
func Sniff(body []byte) Kind {
	if bytes.HasPrefix(body, []byte(pngSignature)) {
		return KindPNG
	}
	b := bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return KindUnknown
	case b[0] == '{':
		if json.Valid(b) {
			return KindJSON
		}
		return KindUnknown
	case b[0] == '<':
		if isSVGPrefix(b) {
			return KindSVG
		}
		return KindUnknown
	case checkCompactJWS(string(b)) == nil:
		return KindJWS
	}
	return KindUnknown
}

// isSVGPrefix reports whether the first element of an XML document is an
// svg element.
func isSVGPrefix(b []byte) bool {
	if len(b) > sniffSVGLimit {
		b = b[:sniffSVGLimit]
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charsetReader
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return isSVGRoot(se.Name)
		}
	}
}

// checkCompactJWS verifies that s has the shape of a compact JWS: three
// non-empty unpadded base64url segments (the payload may be empty), the
// first of which decodes to a JSON object.
func checkCompactJWS(s string) error {
	if len(s) > maxCredentialLen {
		return fmt.Errorf("%w: %d bytes is too long", ErrInvalidJWS, len(s))
	}
	if err := credential.CheckCompactJWS(s); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidJWS, err)
	}
	return nil
}

// charsetReader accepts the encodings that are byte-compatible with UTF-8
// for XML markup. Documents in other encodings are rejected.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return input, nil
	}
	return nil, fmt.Errorf("unsupported XML encoding %q", label)
}

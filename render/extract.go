package render

import (
	"bytes"
	"errors"
	"strings"

	"github.com/tanu-edu/tanu/credential"
)

// credentialFile is the name of the attachment that holds the signed
// credential in a certificate PDF.
const credentialFile = "credential.jwt"

// maxJWS bounds the attachment ExtractCredential accepts.
const maxJWS = 64 << 10

// IsPDF reports whether b starts like a PDF file.
func IsPDF(b []byte) bool { return bytes.HasPrefix(bytes.TrimLeft(b, "\x00\t\r\n "), []byte("%PDF-")) }

// ExtractCredential returns the signed credential (compact JWS) a
// certificate PDF carries as its credential.jwt attachment. It finds the
// attachment's uncompressed stream in the file's bytes, so it needs no PDF
// parser; what it returns is only a candidate, to be verified like any
// other token. A PDF that was re-saved by another program may have its
// attachments compressed or dropped: then there is nothing to extract.
func ExtractCredential(pdf []byte) (string, error) {
	marker := []byte("/Type /EmbeddedFile ")
	for rest := pdf; ; {
		i := bytes.Index(rest, marker)
		if i < 0 {
			return "", errors.New("the PDF carries no signed credential (a certificate re-saved by another program may have lost it): verify it by its QR code or the address printed on it")
		}
		rest = rest[i+len(marker):]
		s := bytes.Index(rest, []byte("stream"))
		if s < 0 {
			continue
		}
		body := rest[s+len("stream"):]
		body = bytes.TrimPrefix(bytes.TrimPrefix(body, []byte("\r")), []byte("\n"))
		e := bytes.Index(body, []byte("endstream"))
		if e < 0 || e > maxJWS {
			continue
		}
		jws := string(bytes.TrimSpace(body[:e]))
		if err := checkJWS(jws); err == nil {
			return jws, nil
		}
	}
}

// checkJWS checks that s has the shape of a signed credential: a compact
// JWS (credential.CheckCompactJWS) with a payload.
func checkJWS(s string) error {
	if err := credential.CheckCompactJWS(s); err != nil {
		return err
	}
	if strings.Contains(s, "..") { // the segments are non-empty but for the payload
		return errors.New("the JWS has no payload")
	}
	return nil
}

package issuer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// SignCLR signs a learner record as a VC-JWT, with the key and claims of
// every other credential (iss, jti, sub, nbf).
func (is *Issuer) SignCLR(c *credential.ClrCredential) (string, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(c); err != nil {
		return "", fmt.Errorf("issuer: encode learner record: %w", err)
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	from, err := time.Parse(time.RFC3339, c.ValidFrom)
	if err != nil {
		return "", fmt.Errorf("issuer: learner record validFrom: %w", err)
	}
	claims := fmt.Sprintf(`,"iss":%q,"jti":%q,"sub":%q,"nbf":%d}`, c.Issuer.ID, c.ID, c.CredentialSubject.ID, from.Unix())
	payload := append(b[:len(b)-1], claims...)
	jws, err := is.signer.Sign(payload)
	if err != nil {
		return "", fmt.Errorf("issuer: sign learner record: %w", err)
	}
	return jws, nil
}

// Now returns the issuer's clock reading.
func (is *Issuer) Now() time.Time { return is.now() }

// NewID returns a random urn:uuid: id from the issuer's source.
func (is *Issuer) NewID() (string, error) {
	b := make([]byte, 16)
	if _, err := io.ReadFull(is.rnd, b); err != nil {
		return "", fmt.Errorf("issuer: random id: %w", err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), nil
}

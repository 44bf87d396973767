package render

import (
	"errors"
	"strings"

	"github.com/tanu-edu/tanu/credential"
)

// credentialFile is the name of the attachment that holds the signed
// credential in a certificate PDF. verifier.Extract reads it back.
const credentialFile = "credential.jwt"

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

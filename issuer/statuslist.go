package issuer

import (
	"encoding/json"
	"fmt"
	"time"
)

// StatusListTTL is how long verifiers may cache a status list (its ttl).
const StatusListTTL = 5 * time.Minute

// StatusListLifetime is how long a signed status list stays valid when no
// validUntil is given: a list must be re-signed before then, or verifiers
// treat the status as unknown.
const StatusListLifetime = 24 * time.Hour

// StatusListCredential signs a W3C BitstringStatusListCredential for one
// purpose ("revocation" or "suspension") of list n, with the given indexes
// set, as a VC-JWT valid from now until until (zero: StatusListLifetime
// from now), with a ttl of StatusListTTL. StatusListDocument signs the
// same list with a Data Integrity proof.
func (is *Issuer) StatusListCredential(purpose string, list, size int, set []int, until time.Time) (string, error) {
	now := is.now().UTC().Truncate(time.Second)
	c, until, err := is.statusListDocument(purpose, list, size, set, now, until)
	if err != nil {
		return "", err
	}
	c["iss"], c["jti"], c["nbf"], c["iat"], c["exp"] = is.Identity().IssuerID(), c["id"], now.Unix(), now.Unix(), until.Unix()
	payload, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("issuer: status list: %w", err)
	}
	return is.signer.Sign(payload)
}

package issuer

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/statuslist"
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
// from now), with a ttl of StatusListTTL.
func (is *Issuer) StatusListCredential(purpose string, list, size int, set []int, until time.Time) (string, error) {
	bits, err := statuslist.New(size)
	if err != nil {
		return "", fmt.Errorf("issuer: status list: %w", err)
	}
	for _, i := range set {
		if i < 0 || i >= size {
			return "", fmt.Errorf("issuer: status list %d: index %d out of range", list, i)
		}
		bits.Set(i, true)
	}
	enc, err := bits.Encode()
	if err != nil {
		return "", fmt.Errorf("issuer: status list: %w", err)
	}
	now := is.now().UTC().Truncate(time.Second)
	if until.IsZero() {
		until = now.Add(StatusListLifetime)
	}
	until = until.UTC().Truncate(time.Second)
	if !until.After(now) {
		return "", fmt.Errorf("issuer: status list %d: validUntil %s is not after now", list, until.Format(time.RFC3339))
	}
	id := is.id.StatusListURL(purpose, list)
	c := map[string]any{
		"@context":  []string{credential.ContextVC2},
		"id":        id,
		"type":      []string{"VerifiableCredential", "BitstringStatusListCredential"},
		"issuer":    is.id.IssuerID(),
		"validFrom": now.Format(time.RFC3339), "validUntil": until.Format(time.RFC3339),
		"credentialSubject": map[string]any{
			"id": id + "#list", "type": "BitstringStatusList", "statusPurpose": purpose,
			"encodedList": enc, "ttl": StatusListTTL.Milliseconds(),
		},
		"iss": is.id.IssuerID(), "jti": id, "nbf": now.Unix(), "iat": now.Unix(), "exp": until.Unix(),
	}
	payload, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("issuer: status list: %w", err)
	}
	return is.signer.Sign(payload)
}

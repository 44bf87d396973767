package issuer

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/dataintegrity"
	"github.com/tanu-edu/tanu/statuslist"
)

// ProofKeys hands out the Ed25519 key that signs Data Integrity proofs.
type ProofKeys interface {
	// SignerAt returns a signer for the data-integrity key that was active
	// at t (the newest one if none was), whose verification method is
	// vm(kid).
	SignerAt(t time.Time, vm func(kid string) string) (dataintegrity.Signer, error)
}

// WithDataIntegrity enables Data Integrity proofs (eddsa-rdfc-2022).
func WithDataIntegrity(suite *dataintegrity.Suite, keys ProofKeys) Option {
	return func(i *Issuer) { i.suite, i.proofKeys = suite, keys }
}

// JWTClaims are the VC-JWT claims a payload adds to the credential.
var JWTClaims = []string{"iss", "jti", "sub", "nbf", "exp", "iat"}

// CredentialDocument returns the credential a stored JWS secures, as JSON
// (the payload without the JWT claims).
func CredentialDocument(jws string) (map[string]any, error) {
	var m map[string]any
	if err := credential.DecodePayload(jws, &m); err != nil {
		return nil, err
	}
	for _, k := range JWTClaims {
		delete(m, k)
	}
	return m, nil
}

// HasDataIntegrity reports whether the issuer makes Data Integrity proofs.
func (is *Issuer) HasDataIntegrity() bool { return is.suite != nil && is.proofKeys != nil }

// SecuredDocument returns a stored credential with an embedded
// DataIntegrityProof over the same content its VC-JWT secures, signed
// with the data-integrity key active when it was issued, dated its
// validFrom: the same bytes every time. Credentials issued before the
// issuer had a DID (issuer id = the Profile URL) get none: ok is false and
// the document is returned without a proof.
func (is *Issuer) SecuredDocument(rec *credential.Record) (doc map[string]any, ok bool, err error) {
	doc, err = CredentialDocument(rec.JWS)
	if err != nil {
		return nil, false, err
	}
	if !is.HasDataIntegrity() || issuerIDOf(doc) != is.Identity().DID() {
		return doc, false, nil
	}
	at := rec.ValidFrom
	if s, _ := doc["validFrom"].(string); s != "" {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			at = t
		}
	}
	signer, err := is.proofKeys.SignerAt(at, is.Identity().VerificationMethod)
	if err != nil {
		return nil, false, fmt.Errorf("issuer: data integrity key: %w", err)
	}
	p, err := is.suite.Sign(doc, signer, at)
	if err != nil {
		return nil, false, fmt.Errorf("issuer: data integrity proof of %s: %w", rec.ID, err)
	}
	// An array: the formal OB 3.0 schema wants proof as one.
	doc["proof"] = []any{p}
	return doc, true, nil
}

func issuerIDOf(doc map[string]any) string {
	switch x := doc["issuer"].(type) {
	case string:
		return x
	case map[string]any:
		s, _ := x["id"].(string)
		return s
	}
	return ""
}

// statusListDocument is the BitstringStatusListCredential of one purpose
// of list n, with the given indexes set, valid from now until until (zero:
// StatusListLifetime from now), which it returns.
func (is *Issuer) statusListDocument(purpose string, list, size int, set []int, now, until time.Time) (map[string]any, time.Time, error) {
	bits, err := statuslist.New(size)
	if err != nil {
		return nil, until, fmt.Errorf("issuer: status list: %w", err)
	}
	for _, i := range set {
		if i < 0 || i >= size {
			return nil, until, fmt.Errorf("issuer: status list %d: index %d out of range", list, i)
		}
		bits.Set(i, true)
	}
	enc, err := bits.Encode()
	if err != nil {
		return nil, until, fmt.Errorf("issuer: status list: %w", err)
	}
	if until.IsZero() {
		until = now.Add(StatusListLifetime)
	}
	until = until.UTC().Truncate(time.Second)
	if !until.After(now) {
		return nil, until, fmt.Errorf("issuer: status list %d: validUntil %s is not after now", list, until.Format(time.RFC3339))
	}
	id := is.Identity().StatusListURL(purpose, list)
	return map[string]any{
		"@context":  []any{credential.ContextVC2},
		"id":        id,
		"type":      []any{"VerifiableCredential", "BitstringStatusListCredential"},
		"issuer":    is.Identity().IssuerID(),
		"validFrom": now.Format(time.RFC3339), "validUntil": until.Format(time.RFC3339),
		"credentialSubject": map[string]any{
			"id": id + "#list", "type": "BitstringStatusList", "statusPurpose": purpose,
			"encodedList": enc, "ttl": StatusListTTL.Milliseconds(),
		},
	}, until, nil
}

// StatusListDocument signs the status list credential with a Data
// Integrity proof, as JSON, valid until until (zero: StatusListLifetime
// from now).
func (is *Issuer) StatusListDocument(purpose string, list, size int, set []int, until time.Time) ([]byte, error) {
	if !is.HasDataIntegrity() {
		return nil, credential.Errorf(credential.CodeUnavailable, "this issuer makes no Data Integrity proofs")
	}
	now := is.now().UTC().Truncate(time.Second)
	doc, _, err := is.statusListDocument(purpose, list, size, set, now, until)
	if err != nil {
		return nil, err
	}
	signer, err := is.proofKeys.SignerAt(now, is.Identity().VerificationMethod)
	if err != nil {
		return nil, fmt.Errorf("issuer: data integrity key: %w", err)
	}
	p, err := is.suite.Sign(doc, signer, now)
	if err != nil {
		return nil, fmt.Errorf("issuer: status list proof: %w", err)
	}
	doc["proof"] = p
	return json.Marshal(doc)
}

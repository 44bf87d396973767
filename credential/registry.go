package credential

import "time"

// StatusListSize is the number of entries of each status list: the minimum
// the Bitstring Status List specification allows, 2^17.
const StatusListSize = 131072

// Status actions a registrar can take.
const (
	Revoke    = "revoke"
	Suspend   = "suspend"
	Reinstate = "reinstate"
)

// ProgramSuperseded marks a version replaced by a newer one.
const ProgramSuperseded = "superseded"

// Stats is what the registry holds, counted: for metrics read at scrape
// time, the same on every instance.
type Stats struct {
	// Credentials counts credentials by program, program kind and status.
	Credentials []CredentialCount
	// Batches counts batches by status; BatchRows counts rows by state.
	Batches, BatchRows map[string]int64
	// Keys are the published signing keys.
	Keys []PublicKey
}

// CredentialCount is one group of Stats.Credentials.
type CredentialCount struct {
	Program, Kind, Status string
	Count                 int64
}

// PublicKey is a signing key as published: its kid, algorithm and public JWK.
type PublicKey struct {
	KID       string
	Alg       string
	JWK       []byte // the public JWK as JSON
	CreatedAt time.Time
	RetiredAt *time.Time
}

// KeyInfo describes one of the issuer's signing keys for the people who
// manage them; the private half never leaves the key store.
type KeyInfo struct {
	KID     string
	Alg     string
	Purpose string // "jws" (VC-JWTs, status lists) or "data-integrity"
	Created time.Time
	Retired *time.Time
	// Active: the key that signs what is issued now.
	Active bool
	// Example: a public example key that must not sign real credentials.
	Example bool
}

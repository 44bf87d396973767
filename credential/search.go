package credential

import "time"

// CredentialSearch selects credentials for the console's search: every
// field set narrows the result; a zero field does not filter.
type CredentialSearch struct {
	// Holder is a part of the holder's name (case-insensitive).
	Holder string
	// StudentID, Number (the certificate number) and Book (the book of
	// issued certificates' registration number) match exactly.
	StudentID string
	Number    int64
	Book      string
	// Program is a program's registration number; Status a credential
	// status (StatusValid, StatusRevoked, StatusSuspended).
	Program string
	Status  string
	// IssuedFrom and IssuedTo bound the issue time: From ≤ issued < To.
	IssuedFrom, IssuedTo time.Time
	// Limit (1–100) and Offset page the result, newest first.
	Limit, Offset int
}

// MaxSearchPage is the largest page a credential search returns.
const MaxSearchPage = 100

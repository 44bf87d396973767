package credential

import "time"

// States of an outbox message.
const (
	MessageQueued  = "queued"  // waiting for its next attempt
	MessageSending = "sending" // claimed by a sender (under a lease)
	MessageSent    = "sent"    // accepted by the SMTP server
	MessageFailed  = "failed"  // given up after the last attempt or a permanent refusal
	MessageSkipped = "skipped" // never sent (e.g. SMTP not configured)
)

// PurposeIssued is the purpose of the message telling a holder that a
// credential was issued to them.
const PurposeIssued = "issued"

// PurposeSignIn is the purpose of a message carrying a one-time link to
// the holder's page; it belongs to no credential.
const PurposeSignIn = "signin"

// PurposeTxCode is the purpose of a message carrying the transaction code
// of a wallet offer (OpenID4VCI) for a credential.
const PurposeTxCode = "txcode"

// Message is one e-mail to a credential's holder in the outbox: at most one
// per credential and purpose. Recipient is kept only while the message may
// still be sent, and is never shown.
type Message struct {
	ID            int64      `json:"id"`
	CredentialID  string     `json:"credential_id"`
	Purpose       string     `json:"purpose"`
	Language      string     `json:"language"`
	State         string     `json:"state"`
	Attempts      int        `json:"attempts"`
	NextAttemptAt *time.Time `json:"next_attempt_at,omitempty"`
	LastError     string     `json:"last_error,omitempty"`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`
	SentAt        *time.Time `json:"sent_at,omitempty"`
	Recipient     string     `json:"-"`
	// Payload is a secret the message carries (a sign-in link), kept,
	// like the address, only until the message is sent or given up.
	Payload string `json:"-"`
}

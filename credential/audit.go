package credential

import (
	"encoding/json"
	"time"
)

// Audit actions.
const (
	ActionProgramCreated      = "program.created"
	ActionProgramUpdated      = "program.updated"
	ActionCredentialIssued    = "credential.issued"
	ActionCredentialRevoked   = "credential.revoked"
	ActionCredentialSuspended = "credential.suspended"
	ActionCredentialReinstate = "credential.reinstated"
	ActionBatchUploaded       = "batch.uploaded"
	ActionBatchCellsPurged    = "batch.cells_purged" // retention cleared a finished batch's row cells
	ActionKeyPublished        = "key.published"
	ActionKeyRetired          = "key.retired"
	ActionKeyRotated          = "key.rotated" // an administrator made a new signing key active
	ActionTokenCreated        = "token.created"
	ActionTokenRevoked        = "token.revoked"
	ActionUserCreated         = "user.created"
	ActionUserChanged         = "user.changed"         // role, disabled, name or department
	ActionUserLinkIssued      = "user.link_issued"     // a password reset link
	ActionUserPasswordSet     = "user.password_set"    // through a setup or reset link
	ActionUserIdentityLinked  = "user.identity_linked" // a single sign-on identity
)

// AuditEntry is one record of the audit trail.
type AuditEntry struct {
	ID         int64           `json:"id"`
	At         time.Time       `json:"at"`
	Actor      string          `json:"actor"`
	Action     string          `json:"action"`
	ObjectType string          `json:"object_type"`
	ObjectID   string          `json:"object_id"`
	Reason     string          `json:"reason,omitempty"`
	Details    json.RawMessage `json:"details,omitempty"`
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	ObjectType, ObjectID, Action string
	From, To                     time.Time
	AfterID                      int64
	Limit                        int
	// Newest lists newest first, from before BeforeID (0: from the
	// newest); AfterID is then ignored.
	Newest   bool
	BeforeID int64
}

// Audit actions of participant cards.
const (
	ActionCardEnrolled     = "card.enrolled"
	ActionCardUpdated      = "card.updated"
	ActionCardTransitioned = "card.transitioned"
)

// CardChange tells UpdateCard what an edit did, for the audit trail. An
// empty Action means nothing changed: the card is not written.
type CardChange struct {
	Action  string
	Reason  string
	Details map[string]any
}

package credential

import (
	"context"
	"time"
)

// Credential statuses as the registry keeps them.
const (
	StatusValid     = "valid"
	StatusRevoked   = "revoked"
	StatusSuspended = "suspended"
)

// Record is an issued credential as the registry stores it. The signed JWS
// is the credential; the other fields index it.
type Record struct {
	ID                string     `json:"id"`
	ProgramRegNo      string     `json:"program"`
	ProgramVersion    int        `json:"program_version"`
	AwardKey          string     `json:"-"`
	StudentID         string     `json:"student_id"`
	CertificateNumber int64      `json:"certificate_number"`
	BookNumber        string     `json:"registration_number"`
	HolderName        string     `json:"holder"`
	Language          string     `json:"language"`
	KID               string     `json:"kid"`
	IssuedAt          time.Time  `json:"issued_at"`
	ValidFrom         time.Time  `json:"valid_from"`
	ValidUntil        *time.Time `json:"valid_until,omitempty"`
	Status            string     `json:"status"`
	StatusReason      string     `json:"status_reason,omitempty"`
	StatusChangedAt   *time.Time `json:"status_changed_at,omitempty"`
	StatusList        int        `json:"-"`
	StatusIndex       int        `json:"-"`
	BatchID           string     `json:"batch_id,omitempty"`
	JWS               string     `json:"-"`
	// NotifyEmail is the holder's address in clear while the credential is
	// being issued: when set, a message to it is queued in the outbox in
	// the same transaction. It is never stored with the credential.
	NotifyEmail string `json:"-"`
	// Replaces is the credential this one corrects (a reissue), and
	// ReplacedBy the correction that replaced this one; both stay in the
	// registry.
	Replaces   string `json:"replaces,omitempty"`
	ReplacedBy string `json:"replaced_by,omitempty"`
	// ContentHash is what the credential says, hashed with its id (see
	// issuer.ContentHash): a later upload of the same award with other data
	// is a correction. Empty for credentials issued before tanu kept it.
	ContentHash string `json:"-"`
}

// Numbers are what the registry allocates to one new credential, inside the
// transaction that stores it: gap-free certificate and book numbers and a
// status-list slot.
type Numbers struct {
	Certificate int64
	Book        string
	StatusList  int
	StatusIndex int
}

// Outcome is the result of storing one award: the new or already existing
// credential.
type Outcome struct {
	Record  *Record
	Existed bool
	// Replaced is the credential a correction replaced (Record is the new
	// one).
	Replaced *Record
}

// CredentialFilter selects credentials in a search.
type CredentialFilter struct {
	Program   string
	StudentID string
	BatchID   string
	Status    string
	Query     string // holder name substring
	Limit     int
	Offset    int
}

// BuildFunc makes the record of the i-th new award once the registry has
// allocated its numbers, inside the storing transaction. It signs the
// credential and must not do I/O.
type BuildFunc = func(i int, n Numbers, issuedAt time.Time) (*Record, error)

// ChangedFunc reports whether the i-th award says something else than the
// credential already issued for its award key (whose ContentHash is set):
// a correction, to be reissued rather than skipped as already issued.
type ChangedFunc = func(i int, existing *Record) bool

type recordKey struct{}

// WithRecord returns a context carrying a record already loaded for this
// request, so later steps (registry and status checks) need not read it again.
func WithRecord(ctx context.Context, r *Record) context.Context {
	return context.WithValue(ctx, recordKey{}, r)
}

// RecordFrom returns the request's record if it has the given id.
func RecordFrom(ctx context.Context, id string) (*Record, bool) {
	r, ok := ctx.Value(recordKey{}).(*Record)
	return r, ok && r != nil && r.ID == id
}

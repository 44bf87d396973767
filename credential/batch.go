package credential

import (
	"encoding/json"
	"fmt"
	"time"
)

// Batch states.
const (
	BatchQueued  = "queued"
	BatchRunning = "running"
	BatchDone    = "done"
	BatchFailed  = "failed"
)

// Batch row states.
const (
	// RowPending: valid, waiting to be issued.
	RowPending = "pending"
	// RowIssued: this batch issued the row's credential.
	RowIssued = "issued"
	// RowSkipped: the award was already issued (by another batch or
	// request); CredentialID points at the existing credential.
	RowSkipped = "already_issued"
	// RowFailed: the row has problems and issued nothing.
	RowFailed = "failed"
	// RowValid: (dry run only) the row is valid and would be issued.
	RowValid = "valid"
	// RowReissue is a row of a dry run that corrects a credential already
	// issued (CredentialID): confirming the batch reissues it.
	RowReissue = "reissue"
	// RowReissued is a row that corrected a credential: CredentialID is
	// the new credential, which replaced the one issued before.
	RowReissued = "reissued"
)

// Batch is one uploaded spreadsheet and its progress.
type Batch struct {
	ID       string
	Program  string
	Status   string
	DryRun   bool
	Lang     string // language of the row messages (kk, ru, en)
	Filename string
	Format   string // e.g. "csv utf-16le ;" or "xlsx Sheet1"
	// Header is the header row as the registrar wrote it.
	Header []string
	// Columns maps canonical column names (student_id, a competency code,
	// …) to the headers as written.
	Columns map[string]string
	// Warnings are problems that exclude no row (unknown columns).
	Warnings []BatchProblem
	// Counters: Total data rows; Processed = Issued + Skipped + Failed.
	Total, Processed, Issued, Skipped, Failed int
	// Error says why a failed batch stopped.
	Error      string
	Actor      string
	CreatedAt  time.Time
	UpdatedAt  time.Time
	FinishedAt *time.Time
	// LeaseOwner and LeaseUntil tell which worker holds a running batch.
	LeaseOwner string
	LeaseUntil *time.Time
	// Attempts counts how often the batch was claimed.
	Attempts int
	// CellsPurgedAt is when the retention policy cleared the cells and
	// requests of the batch's rows (the store's PurgeBatchCells); nil while they are
	// kept.
	CellsPurgedAt *time.Time
}

// BatchProblem is one problem of a row, or a warning about a column.
type BatchProblem struct {
	Row     int    `json:"row,omitempty"`
	Column  string `json:"column"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
}

// BatchRow is one data row of a batch.
type BatchRow struct {
	// Row is the spreadsheet row number (header = row 1).
	Row        int
	State      string
	StudentID  string
	HolderName string
	AwardKey   string
	// Cells are the row's cells as read from the file; kept only for rows
	// that failed (to give them back in errors.csv) and pending rows, and
	// for failed rows only until the batch's cells are purged
	// (PurgeBatchCells), after which they are empty.
	Cells []string
	// Request is the issuance request of a pending row (opaque JSON); it is
	// cleared once the row is processed.
	Request json.RawMessage
	// CredentialID is the issued or already existing credential.
	CredentialID string
	// CertificateNumber is the credential's number (read only).
	CertificateNumber int64
	Errors            []BatchProblem
}

// BatchRowFilter selects rows in the store's BatchRows.
type BatchRowFilter string

// Row filters.
const (
	AllRows        BatchRowFilter = ""
	FailedRows     BatchRowFilter = "failed"
	CredentialRows BatchRowFilter = "credential" // rows with a credential (issued or already issued)
)

// ErrLeaseLost means another worker holds the batch now (this worker's
// lease expired): the caller must stop working on it.
var ErrLeaseLost = &Error{Code: CodeConflict, Message: "the batch is no longer leased to this worker"}

// Limits on what a batch stores of its rows' cells (the store's CreateBatch refuses
// more, naming the row; package batch cuts what it stores to them).
const (
	// MaxBatchRowCells is the most cells a row may keep: the widest header
	// the importer reads plus its margin.
	MaxBatchRowCells = 1024 + 16
	// MaxBatchCellBytes is the most bytes one stored cell may hold.
	MaxBatchCellBytes = 2 << 10
	// MaxBatchRowBytes is the most bytes the cells of one row may hold.
	MaxBatchRowBytes = 32 << 10
	// MaxBatchBytes is the most bytes the cells of all the rows of a batch
	// may hold.
	MaxBatchBytes = 16 << 20
)

// Page sizes of the store's Batches.
const (
	DefaultBatchLimit = 50
	MaxBatchLimit     = 200
)

// BatchFilter selects a page of batches in the store's Batches.
type BatchFilter struct {
	// Program is a registration number; "" means every program.
	Program string
	// Status is one of the batch states; "" means every state.
	Status string
	// Limit is the page size, 1 to MaxBatchLimit; 0 means
	// DefaultBatchLimit.
	Limit int
	// Cursor is the NextCursor of the previous page; "" for the first.
	Cursor string
}

// BatchPage is one page of batches, newest first.
type BatchPage struct {
	Batches []*Batch
	// NextCursor continues the listing after this page; it is "" when no
	// more batches remain.
	NextCursor string
}

// Check validates the filter's status and limit: a bad one is an invalid
// error naming the field.
func (f BatchFilter) Check() error {
	switch f.Status {
	case "", BatchQueued, BatchRunning, BatchDone, BatchFailed:
	default:
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("status must be %s, %s, %s or %s", BatchQueued, BatchRunning, BatchDone, BatchFailed),
			Details: []Detail{{Field: "status", Message: fmt.Sprintf("%q is not a batch status", f.Status)}}}
	}
	if f.Limit < 0 || f.Limit > MaxBatchLimit {
		why := fmt.Sprintf("%d is more than the maximum page size, %d", f.Limit, MaxBatchLimit)
		if f.Limit < 0 {
			why = fmt.Sprintf("%d is not a page size", f.Limit)
		}
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("limit must be from 1 to %d", MaxBatchLimit),
			Details: []Detail{{Field: "limit", Message: why}}}
	}
	return nil
}

// BatchStep is one unit of work on a leased batch, committed at once by
// the store's ProcessBatchStep:
// rows that failed at processing time, and awards to issue.
type BatchStep struct {
	// Failed rows (Row and Errors set) issue nothing.
	Failed []BatchRow
	// Rows are the row numbers of the awards, aligned with Keys.
	Rows []int
	// Keys are the award keys, handed with Build to IssueAwards.
	Keys  []string
	Build BuildFunc
	// Changed, when set, reports the awards that correct a credential
	// already issued: those are reissued (the old credential revoked as
	// "replaced by" the new one), with Reason, instead of skipped.
	Changed ChangedFunc
	Reason  string
}

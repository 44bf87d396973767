package credential

import "time"

// BatchCounters is a batch's progress alone: what a page showing a running
// batch asks for every second, read by one narrow query without the
// batch's rows or header.
type BatchCounters struct {
	ID                                        string
	Status                                    string
	DryRun                                    bool
	Total, Processed, Issued, Skipped, Failed int
	Error                                     string
	UpdatedAt                                 time.Time
	FinishedAt                                *time.Time
}

// Batch kinds of BatchQuery.
const (
	// BatchKindPreview selects dry runs (the console wizard's checks).
	BatchKindPreview = "preview"
	// BatchKindIssue selects batches that issue.
	BatchKindIssue = "batch"
)

// MaxBatchSearchLimit is the largest page of a batch search.
const MaxBatchSearchLimit = 200

// BatchQuery selects batches for the console's list; zero fields select
// everything.
type BatchQuery struct {
	// Program is a registration number.
	Program string
	// Status is one of the batch states.
	Status string
	// Kind is BatchKindPreview or BatchKindIssue.
	Kind string
	// From and To bound the creation time: From inclusive, To exclusive.
	From, To time.Time
	// Offset and Limit page the answer (Limit 1 to MaxBatchSearchLimit).
	Offset, Limit int
}

// Check validates the query's status, kind and page.
func (q BatchQuery) Check() error {
	if err := (BatchFilter{Status: q.Status}).Check(); err != nil {
		return err
	}
	switch q.Kind {
	case "", BatchKindPreview, BatchKindIssue:
	default:
		return Errorf(CodeInvalid, "kind must be %s or %s", BatchKindPreview, BatchKindIssue)
	}
	if q.Limit < 1 || q.Limit > MaxBatchSearchLimit || q.Offset < 0 {
		return Errorf(CodeInvalid, "limit must be from 1 to %d and offset not negative", MaxBatchSearchLimit)
	}
	return nil
}

package store

import (
	"context"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

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

// BatchCounters returns a batch's progress counters.
func (s *Store) BatchCounters(ctx context.Context, id string) (*BatchCounters, error) {
	var c BatchCounters
	var finished *time.Time
	err := s.db.QueryRow(ctx, s.q.get("batch_counters"), id).Scan(&c.ID, &c.Status, &c.DryRun, &c.Total, &c.Processed,
		&c.Issued, &c.Skipped, &c.Failed, &c.Error, &c.UpdatedAt, &finished)
	if err != nil {
		return nil, s.translate(err, "batch "+id)
	}
	c.UpdatedAt, c.FinishedAt = c.UpdatedAt.UTC(), utcPtr(finished)
	return &c, nil
}

// Batch kinds of BatchQuery.
const (
	KindPreview = "preview" // dry runs
	KindIssue   = "batch"   // batches that issue
)

// Page sizes of SearchBatches.
const MaxBatchSearchLimit = 200

// BatchQuery selects batches in SearchBatches; zero fields select
// everything.
type BatchQuery struct {
	// Program is a registration number.
	Program string
	// Status is one of the batch states.
	Status string
	// Kind is KindPreview or KindIssue.
	Kind string
	// From and To bound the creation time: From inclusive, To exclusive.
	From, To time.Time
	// Offset and Limit page the answer (Limit 1 to MaxBatchSearchLimit).
	Offset, Limit int
}

// SearchBatches returns a page of the batches that match q, newest first,
// and how many match in all.
func (s *Store) SearchBatches(ctx context.Context, q BatchQuery) ([]*Batch, int, error) {
	if err := (BatchFilter{Status: q.Status}).check(); err != nil {
		return nil, 0, err
	}
	switch q.Kind {
	case "", KindPreview, KindIssue:
	default:
		return nil, 0, credential.Errorf(credential.CodeInvalid, "kind must be %s or %s", KindPreview, KindIssue)
	}
	if q.Limit < 1 || q.Limit > MaxBatchSearchLimit || q.Offset < 0 {
		return nil, 0, credential.Errorf(credential.CodeInvalid, "limit must be from 1 to %d and offset not negative", MaxBatchSearchLimit)
	}
	from, to := q.From.UTC(), q.To.UTC()
	if q.From.IsZero() {
		from = time.Unix(0, 0).UTC()
	}
	if q.To.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var total int
	if err := s.db.QueryRow(ctx, s.q.get("batch_search_count"), q.Program, q.Status, q.Kind, from, to).Scan(&total); err != nil {
		return nil, 0, s.translate(err, "batches")
	}
	rows, err := s.db.Query(ctx, s.q.get("batch_search"), q.Program, q.Status, q.Kind, from, to, q.Limit, q.Offset)
	if err != nil {
		return nil, 0, s.translate(err, "batches")
	}
	defer rows.Close()
	out := []*Batch{}
	for rows.Next() {
		b, err := s.scanBatch(rows)
		if err != nil {
			return nil, 0, s.translate(err, "batches")
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, s.translate(err, "batches")
	}
	return out, total, nil
}

// BatchRowsPage calls fn for limit rows of the batch from the offset-th
// (0-based) in row order, as BatchRows does for all of them.
func (s *Store) BatchRowsPage(ctx context.Context, id string, f BatchRowFilter, offset, limit int, fn func(*BatchRow) error) error {
	return s.batchRows(ctx, id, fn, "batch_rows_page", id, string(f), limit, offset)
}

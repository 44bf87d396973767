package store

import (
	"context"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// credential.BatchCounters returns a batch's progress counters.
func (s *Store) BatchCounters(ctx context.Context, id string) (*credential.BatchCounters, error) {
	var c credential.BatchCounters
	var finished *time.Time
	err := s.db.QueryRow(ctx, s.q.get("batch_counters"), id).Scan(&c.ID, &c.Status, &c.DryRun, &c.Total, &c.Processed,
		&c.Issued, &c.Skipped, &c.Failed, &c.Error, &c.UpdatedAt, &finished)
	if err != nil {
		return nil, s.translate(err, "batch "+id)
	}
	c.UpdatedAt, c.FinishedAt = c.UpdatedAt.UTC(), utcPtr(finished)
	return &c, nil
}

// SearchBatches returns a page of the batches that match q, newest first,
// and how many match in all.
func (s *Store) SearchBatches(ctx context.Context, q credential.BatchQuery) ([]*credential.Batch, int, error) {
	if err := q.Check(); err != nil {
		return nil, 0, err
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
	out := []*credential.Batch{}
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
func (s *Store) BatchRowsPage(ctx context.Context, id string, f credential.BatchRowFilter, offset, limit int, fn func(*credential.BatchRow) error) error {
	return s.batchRows(ctx, id, fn, "batch_rows_page", id, string(f), limit, offset)
}

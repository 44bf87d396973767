package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// checkBatchCells refuses rows whose cells pass the limits above.
func checkBatchCells(rows []credential.BatchRow) error {
	total := 0
	for _, r := range rows {
		if len(r.Cells) > credential.MaxBatchRowCells {
			return credential.Errorf(credential.CodeTooLarge, "row %d keeps %d cells; a batch row keeps at most %d", r.Row, len(r.Cells), credential.MaxBatchRowCells)
		}
		n := 0
		for _, c := range r.Cells {
			if len(c) > credential.MaxBatchCellBytes {
				return credential.Errorf(credential.CodeTooLarge, "row %d has a cell of %d bytes; a batch keeps at most %d bytes a cell", r.Row, len(c), credential.MaxBatchCellBytes)
			}
			n += len(c)
		}
		if n > credential.MaxBatchRowBytes {
			return credential.Errorf(credential.CodeTooLarge, "row %d keeps %d bytes of cells; a batch keeps at most %d a row", r.Row, n, credential.MaxBatchRowBytes)
		}
		if total += n; total > credential.MaxBatchBytes {
			return credential.Errorf(credential.CodeTooLarge, "the rows up to row %d keep more than %d bytes of cells, the most a batch keeps", r.Row, credential.MaxBatchBytes)
		}
	}
	return nil
}

// CreateBatch stores a batch and all its rows in one transaction, with the
// audit entry of the upload. Rows whose cells pass the MaxBatch* limits
// are refused (too_large) and nothing is stored.
func (s *Store) CreateBatch(ctx context.Context, b *credential.Batch, rows []credential.BatchRow) error {
	if err := checkBatchCells(rows); err != nil {
		return err
	}
	now := s.nowUTC()
	b.CreatedAt, b.UpdatedAt, b.Actor = now, now, credential.ActorFrom(ctx)
	if b.Status == credential.BatchDone || b.Status == credential.BatchFailed {
		b.FinishedAt = &now
	}
	header, err := json.Marshal(nonNil(b.Header))
	if err != nil {
		return fmt.Errorf("store: batch header: %w", err)
	}
	warnings, err := json.Marshal(nonNil(b.Warnings))
	if err != nil {
		return fmt.Errorf("store: batch warnings: %w", err)
	}
	columns := []byte("{}")
	if len(b.Columns) > 0 {
		if columns, err = json.Marshal(b.Columns); err != nil {
			return fmt.Errorf("store: batch columns: %w", err)
		}
	}
	err = s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("batch_insert"), b.ID, b.Program, b.Status, b.DryRun, b.Lang, b.Filename, b.Format,
			string(header), string(columns), string(warnings), b.Total, b.Processed, b.Issued, b.Skipped, b.Failed, b.Actor, now, now, b.FinishedAt); err != nil {
			return fmt.Errorf("insert batch: %w", err)
		}
		if err := s.insertBatchRows(ctx, tx, b.ID, rows); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionBatchUploaded, "batch", b.ID, "", map[string]any{
			"program": b.Program, "file": b.Filename, "rows": b.Total, "failed": b.Failed, "dry_run": b.DryRun})
	})
	return s.translate(err, "batch")
}

func (s *Store) insertBatchRows(ctx context.Context, tx Tx, id string, rows []credential.BatchRow) error {
	n := len(rows)
	var (
		nums                        = make([]int64, n)
		states, ids, names, keys    = make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		cells, reqs, creds, errList = make([]string, n), make([]string, n), make([]*string, n), make([]string, n)
	)
	for i, r := range rows {
		c, err := json.Marshal(nonNil(r.Cells))
		if err != nil {
			return fmt.Errorf("batch row %d: %w", r.Row, err)
		}
		e, err := json.Marshal(nonNil(r.Errors))
		if err != nil {
			return fmt.Errorf("batch row %d: %w", r.Row, err)
		}
		nums[i], states[i], ids[i], names[i], keys[i] = int64(r.Row), r.State, r.StudentID, r.HolderName, r.AwardKey
		cells[i], reqs[i], errList[i] = string(c), string(r.Request), string(e)
		if r.CredentialID != "" {
			creds[i] = &rows[i].CredentialID
		}
	}
	return s.bulk(ctx, tx, "batch_row_insert", n, []any{id},
		nums, states, ids, names, keys, cells, reqs, creds, errList)
}

// Batch returns a batch by id.
func (s *Store) Batch(ctx context.Context, id string) (*credential.Batch, error) {
	b, err := s.scanBatch(s.db.QueryRow(ctx, s.q.get("batch_by_id"), id))
	if err != nil {
		return nil, s.translate(err, "batch "+id)
	}
	return b, nil
}

// Batches lists batches newest first (by creation time, then id), one
// page at a time: pass a page's NextCursor to get the next. Keyset paging
// means batches created meanwhile neither repeat nor shift the pages. A
// bad status, limit or cursor is an invalid error.
func (s *Store) Batches(ctx context.Context, f credential.BatchFilter) (*credential.BatchPage, error) {
	if err := f.Check(); err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit == 0 {
		limit = credential.DefaultBatchLimit
	}
	var (
		afterID string
		afterAt time.Time
	)
	if f.Cursor != "" {
		var err error
		if afterAt, afterID, err = decodeBatchCursor(f.Cursor); err != nil {
			return nil, &credential.Error{Code: credential.CodeInvalid, Message: "the cursor is not one this server gave out",
				Details: []credential.Detail{{Field: "cursor", Message: "pass next_cursor of the previous page unchanged"}}, Err: err}
		}
	}
	rows, err := s.db.Query(ctx, s.q.get("batch_page"), f.Program, f.Status, afterID, afterAt, limit+1)
	if err != nil {
		return nil, s.translate(err, "batches")
	}
	defer rows.Close()
	page := &credential.BatchPage{Batches: []*credential.Batch{}}
	for rows.Next() {
		b, err := s.scanBatch(rows)
		if err != nil {
			return nil, s.translate(err, "batches")
		}
		page.Batches = append(page.Batches, b)
	}
	if err := rows.Err(); err != nil {
		return nil, s.translate(err, "batches")
	}
	if len(page.Batches) > limit {
		page.Batches = page.Batches[:limit]
		last := page.Batches[limit-1]
		page.NextCursor = encodeBatchCursor(last.CreatedAt, last.ID)
	}
	return page, nil
}

// encodeBatchCursor makes the opaque cursor that resumes a listing after
// the batch created at at with id id.
func encodeBatchCursor(at time.Time, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(at.UTC().Format(time.RFC3339Nano) + " " + id))
}

// decodeBatchCursor reverses encodeBatchCursor.
func decodeBatchCursor(c string) (time.Time, string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return time.Time{}, "", fmt.Errorf("batch cursor: %w", err)
	}
	at, id, ok := strings.Cut(string(raw), " ")
	if !ok || id == "" {
		return time.Time{}, "", errors.New("batch cursor: no batch id")
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return time.Time{}, "", fmt.Errorf("batch cursor: %w", err)
	}
	return t.UTC(), id, nil
}

func (s *Store) scanBatch(row Row) (*credential.Batch, error) {
	var (
		b                 credential.Batch
		header, columns   string
		warnings          string
		finished, leaseTo *time.Time
		purged            *time.Time
	)
	if err := row.Scan(&b.ID, &b.Program, &b.Status, &b.DryRun, &b.Lang, &b.Filename, &b.Format, &header, &columns, &warnings,
		&b.Total, &b.Processed, &b.Issued, &b.Skipped, &b.Failed, &b.Error, &b.Actor, &b.CreatedAt, &b.UpdatedAt,
		&finished, &b.LeaseOwner, &leaseTo, &b.Attempts, &purged); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(header), &b.Header); err != nil {
		return nil, fmt.Errorf("batch %s header: %w", b.ID, err)
	}
	if err := json.Unmarshal([]byte(columns), &b.Columns); err != nil {
		return nil, fmt.Errorf("batch %s columns: %w", b.ID, err)
	}
	if err := json.Unmarshal([]byte(warnings), &b.Warnings); err != nil {
		return nil, fmt.Errorf("batch %s warnings: %w", b.ID, err)
	}
	b.CreatedAt, b.UpdatedAt = b.CreatedAt.UTC(), b.UpdatedAt.UTC()
	b.FinishedAt, b.LeaseUntil, b.CellsPurgedAt = utcPtr(finished), utcPtr(leaseTo), utcPtr(purged)
	return &b, nil
}

// BatchRows calls fn for the batch's rows in row order, streaming them
// from the database (fn must not use the store: on SQLite the cursor holds
// a connection).
func (s *Store) BatchRows(ctx context.Context, id string, f credential.BatchRowFilter, fn func(*credential.BatchRow) error) error {
	return s.batchRows(ctx, id, fn, "batch_rows_list", id, string(f))
}

// batchRows runs one of the batch rows queries and calls fn for each row.
func (s *Store) batchRows(ctx context.Context, id string, fn func(*credential.BatchRow) error, query string, args ...any) error {
	rows, err := s.db.Query(ctx, s.q.get(query), args...)
	if err != nil {
		return s.translate(err, "batch rows")
	}
	defer rows.Close()
	var (
		r            credential.BatchRow
		cells, errs  string
		cred         *string
		cert         *int64
		num          int
		scanFailures error
	)
	for rows.Next() {
		if err := rows.Scan(&num, &r.State, &r.StudentID, &r.HolderName, &cells, &cred, &errs, &cert); err != nil {
			return s.translate(err, "batch rows")
		}
		r = credential.BatchRow{Row: num, State: r.State, StudentID: r.StudentID, HolderName: r.HolderName}
		if cred != nil {
			r.CredentialID = *cred
		}
		if cert != nil {
			r.CertificateNumber = *cert
		}
		if err := json.Unmarshal([]byte(cells), &r.Cells); err != nil {
			scanFailures = errors.Join(scanFailures, fmt.Errorf("row %d cells: %w", num, err))
		}
		if err := json.Unmarshal([]byte(errs), &r.Errors); err != nil {
			scanFailures = errors.Join(scanFailures, fmt.Errorf("row %d errors: %w", num, err))
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.translate(err, "batch rows")
	}
	if scanFailures != nil {
		return fmt.Errorf("store: batch %s rows: %w", id, scanFailures)
	}
	return nil
}

// ClaimBatch leases the oldest batch that is queued, or running with an
// expired lease (its worker died), to owner until now+lease. With id set
// it claims only that batch. It returns not_found when there is nothing to
// claim. On PostgreSQL concurrent claimers skip each other's locked rows
// (FOR UPDATE SKIP LOCKED), so two instances never claim the same batch.
func (s *Store) ClaimBatch(ctx context.Context, owner, id string, lease time.Duration) (*credential.Batch, error) {
	now := s.nowUTC()
	var got string
	err := s.db.QueryRow(ctx, s.q.get("batch_claim"), owner, now.Add(lease), now, id).Scan(&got)
	if err != nil {
		return nil, s.translate(err, "batch to claim")
	}
	return s.Batch(ctx, got)
}

// RenewBatchLease extends owner's lease on a running batch; it returns
// ErrLeaseLost if the batch is no longer leased to owner.
func (s *Store) RenewBatchLease(ctx context.Context, id, owner string, lease time.Duration) error {
	return s.translate(s.fence(ctx, s.db, id, owner, lease), "batch lease")
}

// fence extends the lease inside q and fails with ErrLeaseLost if owner no
// longer holds it. In a transaction it also locks the batch row.
func (s *Store) fence(ctx context.Context, q Querier, id, owner string, lease time.Duration) error {
	now := s.nowUTC()
	n, err := q.Exec(ctx, s.q.get("batch_fence"), id, owner, now.Add(lease), now)
	if err != nil {
		return fmt.Errorf("batch lease: %w", err)
	}
	if n == 0 {
		return credential.ErrLeaseLost
	}
	return nil
}

// ReleaseBatch gives up owner's lease on a running batch (an instance
// shutting down), so that any instance may claim it at once. Nothing
// happens if owner no longer holds it.
func (s *Store) ReleaseBatch(ctx context.Context, id, owner string) error {
	_, err := s.db.Exec(ctx, s.q.get("batch_release"), id, owner, s.nowUTC())
	return s.translate(err, "batch lease")
}

// PendingBatchRows returns up to limit pending rows after row number
// after, in row order.
func (s *Store) PendingBatchRows(ctx context.Context, id string, after, limit int) ([]credential.BatchRow, error) {
	rows, err := s.db.Query(ctx, s.q.get("batch_rows_pending"), id, after, limit)
	if err != nil {
		return nil, s.translate(err, "batch rows")
	}
	defer rows.Close()
	var out []credential.BatchRow
	for rows.Next() {
		var (
			r   credential.BatchRow
			req string
		)
		if err := rows.Scan(&r.Row, &r.StudentID, &r.HolderName, &r.AwardKey, &req); err != nil {
			return nil, s.translate(err, "batch rows")
		}
		r.State, r.Request = credential.RowPending, json.RawMessage(req)
		out = append(out, r)
	}
	return out, s.translate(rows.Err(), "batch rows")
}

// ProcessBatchStep commits one step of a batch in a single transaction:
// it checks (and extends) owner's lease, issues the awards exactly like
// IssueAwards, marks each row issued, already issued or failed, and adds
// to the batch's counters. Either all of it is stored or none: a worker
// killed mid-step leaves the rows pending for the next one. It returns
// ErrLeaseLost, storing nothing, if another worker holds the batch.
func (s *Store) ProcessBatchStep(ctx context.Context, id, owner string, lease time.Duration, step credential.BatchStep) ([]credential.Outcome, error) {
	if len(step.Rows) != len(step.Keys) {
		return nil, fmt.Errorf("store: batch step: %d rows for %d keys", len(step.Rows), len(step.Keys))
	}
	var out []credential.Outcome
	err := s.inTx(ctx, func(tx Tx) error {
		if err := s.fence(ctx, tx, id, owner, lease); err != nil {
			return err
		}
		var err error
		if len(step.Keys) > 0 {
			var re *reissue
			if step.Changed != nil {
				re = &reissue{changed: step.Changed, reason: step.Reason}
			}
			if out, err = s.issueAwards(ctx, tx, step.Keys, step.Build, re); err != nil {
				return err
			}
		}
		n := len(step.Failed) + len(out)
		nums, states, creds, errList := make([]int64, 0, n), make([]string, 0, n), make([]*string, 0, n), make([]string, 0, n)
		var issued, skipped int
		for i, o := range out {
			st := credential.RowIssued
			if o.Replaced != nil {
				st = credential.RowReissued
			}
			if o.Existed {
				st = credential.RowSkipped
				skipped++
			} else {
				issued++
			}
			nums, states, creds, errList = append(nums, int64(step.Rows[i])), append(states, st), append(creds, &out[i].Record.ID), append(errList, "[]")
		}
		for _, r := range step.Failed {
			e, err := json.Marshal(nonNil(r.Errors))
			if err != nil {
				return fmt.Errorf("batch row %d: %w", r.Row, err)
			}
			nums, states, creds, errList = append(nums, int64(r.Row)), append(states, credential.RowFailed), append(creds, nil), append(errList, string(e))
		}
		if err := s.bulk(ctx, tx, "batch_row_finish", n, []any{id}, nums, states, creds, errList); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.q.get("batch_progress"), id, n, issued, skipped, len(step.Failed), s.nowUTC()); err != nil {
			return fmt.Errorf("batch progress: %w", err)
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, credential.ErrLeaseLost) {
			return nil, credential.ErrLeaseLost
		}
		return nil, s.translate(err, "batch")
	}
	return out, nil
}

// FinishBatch ends owner's batch with status done or failed. For failed,
// reason (in the batch's language) says why, and every row still pending
// fails with it.
func (s *Store) FinishBatch(ctx context.Context, id, owner, status, reason string) error {
	if status != credential.BatchDone && status != credential.BatchFailed {
		return fmt.Errorf("store: finish batch: status %q", status)
	}
	err := s.inTx(ctx, func(tx Tx) error {
		now := s.nowUTC()
		if err := s.fence(ctx, tx, id, owner, 0); err != nil {
			return err
		}
		if status == credential.BatchFailed {
			e, err := json.Marshal([]credential.BatchProblem{{Column: "", Message: reason}})
			if err != nil {
				return fmt.Errorf("batch reason: %w", err)
			}
			n, err := tx.Exec(ctx, s.q.get("batch_rows_fail_pending"), id, string(e))
			if err != nil {
				return fmt.Errorf("fail pending rows: %w", err)
			}
			if _, err := tx.Exec(ctx, s.q.get("batch_progress"), id, n, 0, 0, n, now); err != nil {
				return fmt.Errorf("batch progress: %w", err)
			}
		}
		if _, err := tx.Exec(ctx, s.q.get("batch_finish"), id, status, reason, now); err != nil {
			return fmt.Errorf("finish batch: %w", err)
		}
		return nil
	})
	if errors.Is(err, credential.ErrLeaseLost) {
		return credential.ErrLeaseLost
	}
	return s.translate(err, "batch")
}

// PurgeBatchCells applies the retention policy to up to limit finished
// batches (none if limit < 1) that finished before finishedBefore and
// still hold their rows' cells, oldest first: it clears every row's cells
// and request, stamps the batch's CellsPurgedAt and appends a
// batch.cells_purged audit entry by "system", one transaction per batch.
// Rows keep their state, student id, name, errors and credential, and the
// batch its counters, so errors.csv still lists each failed row with its
// problems. It returns how many batches it purged; a batch already
// purged is never purged (or audited) again. On PostgreSQL concurrent
// purgers skip the batch another holds (FOR UPDATE SKIP LOCKED), so two
// instances never purge the same batch.
func (s *Store) PurgeBatchCells(ctx context.Context, finishedBefore time.Time, limit int) (purged int, err error) {
	ctx = credential.WithActor(ctx, "system")
	before := finishedBefore.UTC().Truncate(time.Microsecond)
	for i := 0; i < limit; i++ {
		var found, done bool
		err := s.inTx(ctx, func(tx Tx) error {
			found, done = false, false
			var (
				id       string
				finished time.Time
			)
			err := tx.QueryRow(ctx, s.q.get("batch_cells_purge_next"), before).Scan(&id, &finished)
			if s.db.IsNoRows(err) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("batch to purge: %w", err)
			}
			found = true
			n, err := tx.Exec(ctx, s.q.get("batch_cells_purged_mark"), id, s.nowUTC())
			if err != nil {
				return fmt.Errorf("batch %s: mark cells purged: %w", id, err)
			}
			if n == 0 { // purged meanwhile by another instance
				return nil
			}
			rows, err := tx.Exec(ctx, s.q.get("batch_rows_purge_cells"), id)
			if err != nil {
				return fmt.Errorf("batch %s: purge row cells: %w", id, err)
			}
			if err := s.audit(ctx, tx, credential.ActionBatchCellsPurged, "batch", id, "",
				map[string]any{"rows": rows, "finished_at": finished.UTC()}); err != nil {
				return err
			}
			done = true
			return nil
		})
		if err != nil {
			return purged, s.translate(err, "batch cells")
		}
		if !found {
			return purged, nil
		}
		if done {
			purged++
		}
	}
	return purged, nil
}

// ExistingAwards returns the ids of the credentials already stored for
// award keys, by key.
func (s *Store) ExistingAwards(ctx context.Context, keys []string) (map[string]string, error) {
	out := make(map[string]string)
	err := s.lookupAwards(ctx, s.db, keys, func(r *credential.Record) { out[r.AwardKey] = r.ID })
	return out, s.translate(err, "credentials")
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

package batch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// Run processes batches until ctx ends: Config.Workers workers each claim
// a batch, issue it step by step, and look for the next one. Between
// batches the workers also run the retention purge (PurgeCells), at most
// every PurgeInterval per instance. It returns when every worker has
// stopped; a step in flight when ctx ends is rolled back and done again by
// whoever claims the batch next.
func (s *Service) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for i := 0; i < s.cfg.Workers; i++ { // none when negative
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.loop(ctx)
		}()
	}
	wg.Wait()
	return nil
}

func (s *Service) loop(ctx context.Context) {
	for ctx.Err() == nil {
		s.purgeIfDue(ctx)
		b, err := s.store.ClaimBatch(ctx, s.cfg.Owner, "", s.cfg.Lease)
		switch {
		case err == nil:
			s.process(ctx, b, nil)
			continue
		case credential.IsNotFound(err), ctx.Err() != nil:
		default:
			s.log.WarnContext(ctx, "batch claim failed", "error", err)
		}
		t := time.NewTimer(s.cfg.Poll)
		select {
		case <-ctx.Done():
		case <-s.wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// Progress reports a batch's counters after each step.
type Progress func(b *credential.Batch)

// RunBatch processes one batch in the caller's goroutine (the CLI's way)
// and returns it finished. If another worker holds it, RunBatch waits for
// that worker to finish it, taking over if its lease runs out.
func (s *Service) RunBatch(ctx context.Context, id string, progress Progress) (*credential.Batch, error) {
	for {
		b, err := s.store.Batch(ctx, id)
		if err != nil {
			return nil, err
		}
		if b.Status == credential.BatchDone || b.Status == credential.BatchFailed {
			if progress != nil {
				progress(b)
			}
			return b, nil
		}
		b, err = s.store.ClaimBatch(ctx, s.cfg.Owner, id, s.cfg.Lease)
		switch {
		case err == nil:
			s.process(ctx, b, progress)
			continue
		case !credential.IsNotFound(err):
			return nil, err
		}
		if b, err := s.store.Batch(ctx, id); err == nil && progress != nil {
			progress(b)
		}
		t := time.NewTimer(min(s.cfg.Poll, time.Second))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("batch %s: %w", id, ctx.Err())
		case <-t.C:
		}
	}
}

// process issues a claimed batch's pending rows until none is left, the
// lease is lost or ctx ends.
func (s *Service) process(ctx context.Context, b *credential.Batch, progress Progress) {
	ctx = credential.WithActor(ctx, b.Actor)
	log := s.log.With("batch", b.ID, "program", b.Program)
	owner := s.cfg.Owner
	if b.Attempts > s.cfg.MaxAttempts {
		log.ErrorContext(ctx, "batch given up", "attempts", b.Attempts)
		if err := s.store.FinishBatch(ctx, b.ID, owner, credential.BatchFailed, Lang(b.Lang).T(lang.BatchGaveUp, b.Attempts-1)); err != nil {
			log.WarnContext(ctx, "finishing batch failed", "error", err)
		}
		return
	}
	pctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	go s.heartbeat(pctx, cancel, b.ID)
	log.InfoContext(ctx, "batch claimed", "attempt", b.Attempts, "processed", b.Processed, "total", b.Total)

	// Each step is prepared (rows read, requests validated) while the
	// previous one is being committed.
	after, failures := 0, 0
	next := s.prepare(pctx, b, after)
	for {
		p := <-next
		err := p.err
		if err == nil && !p.empty {
			following := s.prepare(pctx, b, p.last)
			if _, err = s.store.ProcessBatchStep(pctx, b.ID, owner, s.cfg.Lease, p.step); err == nil {
				after, failures, next = p.last, 0, following
				if progress != nil {
					if cur, err := s.store.Batch(ctx, b.ID); err == nil {
						progress(cur)
					}
				}
				if s.cfg.Pause > 0 {
					t := time.NewTimer(s.cfg.Pause)
					select {
					case <-pctx.Done():
					case <-t.C:
					}
					t.Stop()
				}
				continue
			}
		}
		switch {
		case err == nil: // nothing pending: done
			if err := s.store.FinishBatch(ctx, b.ID, owner, credential.BatchDone, ""); err != nil {
				log.WarnContext(ctx, "finishing batch failed", "error", err)
				return
			}
			if progress != nil {
				if cur, err := s.store.Batch(ctx, b.ID); err == nil {
					progress(cur)
				}
			}
			log.InfoContext(ctx, "batch done")
			return
		case errors.Is(err, credential.ErrLeaseLost), errors.Is(context.Cause(pctx), credential.ErrLeaseLost):
			log.WarnContext(ctx, "batch lease lost: another worker continues it")
			return
		case pctx.Err() != nil:
			if ctx.Err() != nil { // shutting down: let the next instance start at once
				rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
				if err := s.store.ReleaseBatch(rctx, b.ID, owner); err != nil {
					log.WarnContext(rctx, "releasing batch failed", "error", err)
				}
				cancel()
			}
			return
		case permanent(err):
			log.WarnContext(ctx, "batch failed", "error", err)
			if err := s.store.FinishBatch(ctx, b.ID, owner, credential.BatchFailed,
				Lang(b.Lang).T(lang.BatchProgramUnusable, credential.ErrorMessage(err))); err != nil {
				log.WarnContext(ctx, "finishing batch failed", "error", err)
			}
			return
		}
		failures++
		log.WarnContext(ctx, "batch step failed; retrying", "error", err, "failures", failures)
		if failures >= 5 {
			return // the lease runs out; the batch is claimed again later
		}
		t := time.NewTimer(time.Duration(failures*failures) * 200 * time.Millisecond)
		select {
		case <-pctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		next = s.prepare(pctx, b, after)
	}
}

// permanent reports whether an error of the issuer's plan means the batch
// cannot go on (the program is gone, inactive or expired) rather than a
// passing failure (database, signing).
func permanent(err error) bool {
	switch credential.ErrorCode(err) {
	case credential.CodeNotFound, credential.CodeNotAcceptable, credential.CodeInvalid:
		return true
	}
	return false
}

// heartbeat renews the lease every third of it; when the lease is lost it
// cancels the batch's work.
func (s *Service) heartbeat(ctx context.Context, cancel context.CancelCauseFunc, id string) {
	t := time.NewTicker(max(s.cfg.Lease/3, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		err := s.store.RenewBatchLease(ctx, id, s.cfg.Owner, s.cfg.Lease)
		switch {
		case err == nil:
		case errors.Is(err, credential.ErrLeaseLost):
			cancel(credential.ErrLeaseLost)
			return
		case ctx.Err() == nil:
			s.log.WarnContext(ctx, "batch lease renewal failed", "batch", id, "error", err)
		}
	}
}

// prepared is the next step of a batch, ready to commit.
type prepared struct {
	step  credential.BatchStep
	last  int  // the last row number the step handles
	empty bool // no row is pending after the given row
	err   error
}

// prepare reads the next Config.Step pending rows after row number after
// and plans their issuance, in the background; the result arrives on the
// channel.
func (s *Service) prepare(ctx context.Context, b *credential.Batch, after int) <-chan prepared {
	out := make(chan prepared, 1)
	go func() { out <- s.prepareStep(ctx, b, after) }()
	return out
}

func (s *Service) prepareStep(ctx context.Context, b *credential.Batch, after int) prepared {
	rows, err := s.store.PendingBatchRows(ctx, b.ID, after, s.cfg.Step)
	if err != nil {
		return prepared{err: err}
	}
	if len(rows) == 0 {
		return prepared{empty: true}
	}
	var (
		st   credential.BatchStep
		reqs = make([]issuer.Request, 0, len(rows))
		pos  = make([]int, 0, len(rows)) // row index of each request
	)
	for i, r := range rows {
		var req issuer.Request
		if err := json.Unmarshal(r.Request, &req); err != nil {
			s.log.ErrorContext(ctx, "stored batch row unreadable", "batch", b.ID, "row", r.Row, "error", err)
			st.Failed = append(st.Failed, credential.BatchRow{Row: r.Row, Errors: []credential.BatchProblem{{Message: Lang(b.Lang).T(lang.BatchUnreadableRow)}}})
			continue
		}
		req.BatchID = b.ID
		reqs, pos = append(reqs, req), append(pos, i)
	}
	plan, err := s.issuer.Plan(ctx, b.Program, reqs)
	if err != nil {
		return prepared{err: err}
	}
	for _, j := range plan.Index {
		st.Rows = append(st.Rows, rows[pos[j]].Row)
	}
	st.Keys, st.Build = plan.Keys, plan.Build
	// A row correcting a credential issued before is reissued when the
	// upload confirmed the corrections (Upload.Reissue).
	st.Changed = func(k int, rec *credential.Record) bool {
		return reqs[plan.Index[k]].ReissueChanged && plan.Changed(k, rec)
	}
	st.Reason = Lang(b.Lang).T(lang.ReissueBatchReason, b.ID)
	for j, e := range plan.Errs {
		if e != nil {
			st.Failed = append(st.Failed, credential.BatchRow{Row: rows[pos[j]].Row, Errors: issuerProblems(e, &reqs[j], b.Columns, Lang(b.Lang))})
		}
	}
	return prepared{step: st, last: rows[len(rows)-1].Row}
}

// PurgeCells runs the retention purge once, now: it clears the row cells
// of every batch that finished more than Config.CellsRetention ago (see
// store.Store.PurgeBatchCells) and returns how many batches it purged.
// With the purge turned off (KeepCellsForever) it does nothing.
func (s *Service) PurgeCells(ctx context.Context) (int, error) {
	if s.cfg.CellsRetention < 0 {
		return 0, nil
	}
	cutoff := s.now().Add(-s.cfg.CellsRetention)
	total := 0
	for {
		n, err := s.store.PurgeBatchCells(ctx, cutoff, purgeLimit)
		total += n
		if err != nil {
			return total, fmt.Errorf("batch: purge cells: %w", err)
		}
		if n < purgeLimit || ctx.Err() != nil {
			return total, nil
		}
	}
}

// purgeIfDue runs PurgeCells if this instance has not run it for
// PurgeInterval (by the service's clock), logging what it did; a failure
// is logged and tried again an interval later.
func (s *Service) purgeIfDue(ctx context.Context) {
	if s.cfg.CellsRetention < 0 {
		return
	}
	now := s.now()
	s.purgeMu.Lock()
	due := s.lastPurge.IsZero() || now.Sub(s.lastPurge) >= PurgeInterval
	if due {
		s.lastPurge = now
	}
	s.purgeMu.Unlock()
	if !due {
		return
	}
	n, err := s.PurgeCells(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		s.log.WarnContext(ctx, "batch cells purge failed", "error", err, "purged", n)
	case n > 0:
		s.log.InfoContext(ctx, "batch cells purged", "batches", n, "retention", s.cfg.CellsRetention)
	default:
		s.log.DebugContext(ctx, "batch cells purge: nothing to purge", "retention", s.cfg.CellsRetention)
	}
}

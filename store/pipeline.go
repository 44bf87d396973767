package store

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// pipeline runs work(0..n-1) on GOMAXPROCS goroutines, in index order,
// and calls consume(lo, hi) in the calling goroutine for consecutive
// chunks of indexes as soon as their work is done, so that consuming one
// chunk overlaps the work on the next. It returns the first error (work
// errors by lowest index). Few items run inline.
//
// IssueAwards uses it to sign (work) and insert (consume) inside the
// transaction that takes the numbers, and that is deliberate. A credential
// carries its certificate number, its book number and its status-list slot
// inside the signed document, and the certificate and book numbers must be
// gap-free: the registry book lists every number once, in order, and an
// auditor reads a missing number as a destroyed or hidden certificate.
// IssueAwards therefore takes the next numbers from the counters, signs the
// credentials that embed them and inserts them in one transaction:
//
//   - numbers cannot be taken after signing, because they are part of what
//     is signed;
//   - signing cannot run after the numbers are committed, because a crash,
//     a cancelled request or a failing signer would then leave numbers
//     allocated with no credential behind them: a gap;
//   - inside the transaction, any failure rolls the counters back with
//     everything else, so the next issuer takes the same numbers again.
//
// The price is that the certificate counter's row stays locked while the
// step signs: concurrent issuers wait for each other. pipeline keeps that
// time short: it signs on every CPU and inserts each chunk of signed
// credentials while the next chunk is being signed, so the lock is held
// for about the signing time divided by the number of CPUs.
func pipeline(ctx context.Context, n int, work func(int) error, consume func(lo, hi int) error) error {
	workers := runtime.GOMAXPROCS(0)
	if n < 16 || workers < 2 {
		for i := 0; i < n; i++ {
			if err := work(i); err != nil {
				return err
			}
		}
		return consume(0, n)
	}
	chunk := max(16, n/8)
	chunks := (n + chunk - 1) / chunk
	left := make([]atomic.Int32, chunks)
	done := make([]chan struct{}, chunks)
	for c := range done {
		left[c].Store(int32(min(chunk, n-c*chunk)))
		done[c] = make(chan struct{})
	}
	errs := make([]error, n)
	var next atomic.Int64
	stop := make(chan struct{})
	var stopOnce sync.Once
	halt := func() { stopOnce.Do(func() { close(stop) }) }
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				select {
				case <-stop:
					return
				default:
				}
				if errs[i] = work(i); errs[i] != nil {
					halt()
					return
				}
				if c := i / chunk; left[c].Add(-1) == 0 {
					close(done[c])
				}
			}
		}()
	}
	defer func() {
		halt()
		wg.Wait()
	}()
	for c := 0; c < chunks; c++ {
		select {
		case <-done[c]:
		case <-stop:
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					return err
				}
			}
			return context.Canceled
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := consume(c*chunk, min((c+1)*chunk, n)); err != nil {
			return err
		}
	}
	return nil
}

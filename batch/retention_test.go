package batch_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/testdb"
	"github.com/tanu-edu/tanu/store"
)

// clock is a settable clock shared by a store and a service.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// purgeLog records the service's log lines about the retention purge.
type purgeLog struct {
	mu   sync.Mutex
	runs []slog.Record
}

func (l *purgeLog) Enabled(context.Context, slog.Level) bool { return true }
func (l *purgeLog) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *purgeLog) WithGroup(string) slog.Handler            { return l }
func (l *purgeLog) Handle(_ context.Context, r slog.Record) error {
	if strings.HasPrefix(r.Message, "batch cells purge") {
		l.mu.Lock()
		l.runs = append(l.runs, r)
		l.mu.Unlock()
	}
	return nil
}

// count returns how many purges ran and how many batches the last one
// purged (from its "batches" attribute).
func (l *purgeLog) count() (runs int, lastPurged int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.runs) == 0 {
		return 0, 0
	}
	l.runs[len(l.runs)-1].Attrs(func(a slog.Attr) bool {
		if a.Key == "batches" {
			lastPurged = a.Value.Int64()
		}
		return true
	})
	return len(l.runs), lastPurged
}

// withClock opens stores on clk.
func withClock(open testdb.Opener, clk *clock) testdb.Opener {
	return func(t testing.TB, opts ...store.Option) *store.Store {
		return open(t, append(opts, store.WithClock(clk.now))...)
	}
}

// Two rejected rows whose cells hold IINs, e-mails and names in clear: row
// 3's IIN has a wrong check digit (its message shows only the last
// digits), row 4 has a valid IIN but no family name.
const (
	badIIN    = "760227487798"
	goodIIN   = "050421595512"
	cohortIIN = "student_id,family_name,given_name,email,iin,date_from,date_to,decision_date,LO1,LO2,LO3\n" +
		"T0001,Ким,Ли,t1@students.example.edu,760227487797,2026-02-02,2026-04-24,2026-05-06,86,B+,90\n" +
		"T0002,Жұмабекова,Мөлдір,t2@students.example.edu," + badIIN + ",2026-02-02,2026-04-24,2026-05-06,86,B+,90\n" +
		"T0003,,Ғалым,t3@students.example.edu," + goodIIN + ",2026-02-02,2026-04-24,2026-05-06,86,B+,90\n"
)

// rejectedOnly is cohortIIN without its valid row.
func rejectedOnly() []byte {
	lines := strings.Split(cohortIIN, "\n")
	return []byte(strings.Join(append(lines[:1:1], lines[2:]...), "\n"))
}

// errorsCSV writes a batch's errors.csv and parses it.
func errorsCSV(t *testing.T, s *batch.Service, st *store.Store, id string) (string, [][]string) {
	t.Helper()
	b, err := st.Batch(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.WriteErrorsCSV(context.Background(), &buf, b, ','); err != nil {
		t.Fatalf("errors.csv: %v", err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("errors.csv: %v\n%s", err, buf.String())
	}
	return buf.String(), recs
}

// waitFor polls cond until it holds, failing after 20 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("still waiting for %s after 20 s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestCellsRetention: the workers purge a finished batch's cells once the
// retention (30 days by default) has passed, not before; errors.csv then
// still lists every rejected row, its row number and problems, but none
// of its cells: no IIN, e-mail or name is left in it.
func TestCellsRetention(t *testing.T) {
	for name, open := range testdb.Engines(t) {
		t.Run(name, func(t *testing.T) {
			clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
			e := newEnv(t, withClock(open, clk))
			log := &purgeLog{}
			s := batch.New(e.st, e.is, batch.Config{Workers: 1, Poll: 10 * time.Millisecond}, slog.New(log), batch.WithClock(clk.now))
			if got := s.Config().CellsRetention; got != 30*24*time.Hour {
				t.Fatalf("default retention %v, want 30 days", got)
			}
			bt := submit(t, s, e.regno, []byte(cohortIIN))
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() {
				defer close(done)
				_ = s.Run(ctx)
			}()
			defer func() { cancel(); <-done }()
			waitFor(t, "the batch to finish", func() bool {
				b, err := e.st.Batch(context.Background(), bt.ID)
				return err == nil && b.Status == credential.BatchDone
			})
			finished, _ := e.st.Batch(context.Background(), bt.ID)
			if finished.Issued != 1 || finished.Failed != 2 || finished.CellsPurgedAt != nil {
				t.Fatalf("finished batch %+v", finished)
			}
			raw, before := errorsCSV(t, s, e.st, bt.ID)
			if len(before) != 3 || !strings.Contains(raw, badIIN) || !strings.Contains(raw, goodIIN) || !strings.Contains(raw, "t3@students.example.edu") {
				t.Fatalf("errors.csv before the purge:\n%s", raw)
			}

			// 29 days on: kept.
			clk.add(29 * 24 * time.Hour)
			if n, err := s.PurgeCells(context.Background()); err != nil || n != 0 {
				t.Fatalf("purge after 29 days: %d, err %v; want 0", n, err)
			}
			if raw, _ := errorsCSV(t, s, e.st, bt.ID); !strings.Contains(raw, goodIIN) {
				t.Fatalf("cells purged after 29 days:\n%s", raw)
			}

			// 31 days on: the workers purge it.
			clk.add(2 * 24 * time.Hour)
			s.Wake()
			var purged *credential.Batch
			waitFor(t, "the workers to purge the batch's cells", func() bool {
				b, err := e.st.Batch(context.Background(), bt.ID)
				purged = b
				return err == nil && b.CellsPurgedAt != nil
			})
			waitFor(t, "the purge's log", func() bool { _, n := log.count(); return n == 1 })
			if !purged.CellsPurgedAt.After(*finished.FinishedAt) || purged.Failed != 2 || purged.Issued != 1 || purged.Total != 3 {
				t.Fatalf("purged batch %+v", purged)
			}
			raw, after := errorsCSV(t, s, e.st, bt.ID)
			for _, secret := range []string{badIIN, goodIIN, "7487797", "@students.example.edu", "Жұмабекова", "Ғалым"} {
				if strings.Contains(raw, secret) {
					t.Errorf("errors.csv after the purge holds %q:\n%s", secret, raw)
				}
			}
			if len(after) != len(before) || !reflect.DeepEqual(after[0], before[0]) {
				t.Fatalf("errors.csv after the purge:\n%s", raw)
			}
			last := len(before[0]) - 1
			for i, rec := range after[1:] {
				if len(rec) != len(before[0]) {
					t.Fatalf("record %q has %d fields, want %d", rec, len(rec), len(before[0]))
				}
				if rec[last] != before[i+1][last] {
					t.Errorf("errors column %q after the purge, %q before", rec[last], before[i+1][last])
				}
				if strings.Join(rec[:last], "") != "" {
					t.Errorf("cells %q kept after the purge", rec[:last])
				}
			}
			if !strings.HasPrefix(after[1][last], "row 3: ") || !strings.Contains(after[1][last], `"********7798"`) ||
				!strings.HasPrefix(after[2][last], "row 4: ") || !strings.Contains(after[2][last], "family_name") {
				t.Errorf("errors after the purge %q, %q", after[1][last], after[2][last])
			}
			audit, err := e.st.AuditLog(context.Background(), credential.AuditFilter{ObjectID: bt.ID, Action: credential.ActionBatchCellsPurged})
			if err != nil || len(audit) != 1 || audit[0].Actor != "system" {
				t.Fatalf("purge audit %+v err %v", audit, err)
			}
			// Done once: running the purge again finds nothing.
			if n, err := s.PurgeCells(context.Background()); err != nil || n != 0 {
				t.Fatalf("purge again: %d, err %v", n, err)
			}
		})
	}
}

// TestCellsPurgePace: an instance's workers purge at most every
// PurgeInterval by the service's clock, even with a short retention.
func TestCellsPurgePace(t *testing.T) {
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	e := newEnv(t, withClock(testdb.SQLite, clk))
	log := &purgeLog{}
	s := batch.New(e.st, e.is, batch.Config{Workers: 2, Poll: 5 * time.Millisecond, CellsRetention: time.Minute}, slog.New(log), batch.WithClock(clk.now))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = s.Run(ctx)
	}()
	defer func() { cancel(); <-done }()
	waitFor(t, "the workers' first purge", func() bool { n, _ := log.count(); return n > 0 })
	if n, purged := log.count(); n != 1 || purged != 0 {
		t.Fatalf("%d purges at start (last purged %d), want 1 with nothing to purge", n, purged)
	}

	// Rejected rows only: the batch is finished when stored.
	bt := submit(t, s, e.regno, rejectedOnly())
	if bt.Status != credential.BatchDone || bt.Failed != 2 {
		t.Fatalf("batch %+v", bt)
	}
	clk.add(5 * time.Minute) // past the retention, within the interval
	// A worker runs the purge when due before every claim: once it has
	// issued a batch submitted now, it has looked at the clock since it
	// moved.
	sync := submit(t, s, e.regno, rows(0, 1))
	waitFor(t, "a worker to issue a batch", func() bool {
		b, err := e.st.Batch(context.Background(), sync.ID)
		return err == nil && b.Status == credential.BatchDone
	})
	if b, _ := e.st.Batch(context.Background(), bt.ID); b.CellsPurgedAt != nil {
		t.Fatalf("purged %v after the last purge, sooner than every %v", time.Duration(5*time.Minute), batch.PurgeInterval)
	}
	if n, _ := log.count(); n != 1 {
		t.Fatalf("%d purges within %v", n, batch.PurgeInterval)
	}
	clk.add(batch.PurgeInterval)
	s.Wake()
	waitFor(t, "the next purge", func() bool {
		b, err := e.st.Batch(context.Background(), bt.ID)
		return err == nil && b.CellsPurgedAt != nil
	})
	waitFor(t, "the next purge's log", func() bool { n, _ := log.count(); return n == 2 })
	if n, purged := log.count(); n != 2 || purged != 2 {
		t.Fatalf("%d purges, the last of %d batches; want 2, the last of 2 (the rejected batch and the issued one)", n, purged)
	}
}

// TestCellsKeptForever: a negative retention turns the purge off.
func TestCellsKeptForever(t *testing.T) {
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	e := newEnv(t, withClock(testdb.SQLite, clk))
	s := batch.New(e.st, e.is, batch.Config{Workers: -1, CellsRetention: -time.Hour}, nil, batch.WithClock(clk.now))
	if got := s.Config().CellsRetention; got != batch.KeepCellsForever {
		t.Fatalf("retention %v, want KeepCellsForever", got)
	}
	bt := submit(t, s, e.regno, rejectedOnly())
	clk.add(10 * 365 * 24 * time.Hour)
	if n, err := s.PurgeCells(context.Background()); err != nil || n != 0 {
		t.Fatalf("purge turned off purged %d, err %v", n, err)
	}
	if raw, _ := errorsCSV(t, s, e.st, bt.ID); !strings.Contains(raw, goodIIN) {
		t.Fatalf("cells lost with the purge turned off:\n%s", raw)
	}
	// The same batch with the default retention goes.
	d := batch.New(e.st, e.is, batch.Config{Workers: -1}, nil, batch.WithClock(clk.now))
	if n, err := d.PurgeCells(context.Background()); err != nil || n != 1 {
		t.Fatalf("default retention purged %d, err %v; want 1", n, err)
	}
}

package batch_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/demo"
	"github.com/tanu-edu/tanu/internal/testdb"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/keyring"
	"github.com/tanu-edu/tanu/store"
)

// env is a store with a program and an issuer.
type env struct {
	st    *store.Store
	is    *issuer.Issuer
	regno string
}

func newEnv(t *testing.T, open testdb.Opener) *env {
	t.Helper()
	st := open(t)
	ring, err := keyring.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k, err := ring.Generate(keyring.ES256)
	if err != nil {
		t.Fatal(err)
	}
	id := issuer.Identity{BaseURL: "https://credentials.example.edu", Name: credential.Text{"kk": "Үлгі университеті"},
		DefaultLang: "kk", Scale: credential.DefaultGradeScale()}
	signer, err := keyring.NewSigner(k, id.KeyURL(k.KID))
	if err != nil {
		t.Fatal(err)
	}
	is, err := issuer.New(id, st, signer)
	if err != nil {
		t.Fatal(err)
	}
	p, err := st.CreateProgram(context.Background(), demo.Microqualification())
	if err != nil {
		t.Fatal(err)
	}
	return &env{st: st, is: is, regno: p.RegistrationNumber}
}

func (e *env) service(cfg batch.Config) *batch.Service {
	return batch.New(e.st, e.is, cfg, nil)
}

// rows makes a cohort of n students from first.
func rows(first, n int) []byte {
	var b bytes.Buffer
	b.WriteString("student_id,family_name,given_name,date_from,date_to,decision_date,LO1,LO2,LO3\n")
	for i := first; i < first+n; i++ {
		fmt.Fprintf(&b, "T%04d,Ким,Ли,2026-02-02,2026-04-24,2026-05-06,86,B+,90\n", i)
	}
	return b.Bytes()
}

func submit(t *testing.T, s *batch.Service, regno string, data []byte) *credential.Batch {
	t.Helper()
	b, err := s.Submit(credential.WithActor(context.Background(), "test"), batch.Upload{Program: regno, Filename: "c.csv", Body: bytes.NewReader(data), Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestInstancesShareWork runs two services (two instances) over one store
// on overlapping uploads: every batch finishes, and every award is issued
// once, by whichever batch got to it first.
func TestInstancesShareWork(t *testing.T) {
	for name, open := range testdb.Engines(t) {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, open)
			cfg := batch.Config{Workers: 2, Step: 7, Poll: 10 * time.Millisecond, Lease: 5 * time.Second}
			a, b := cfg, cfg
			a.Owner, b.Owner = "instance-a", "instance-b"
			sa, sb := e.service(a), e.service(b)
			var ids []string
			for i, data := range [][]byte{rows(0, 40), rows(20, 40), rows(0, 60), rows(50, 30), rows(0, 40)} {
				s := sa
				if i%2 == 1 {
					s = sb
				}
				ids = append(ids, submit(t, s, e.regno, data).ID)
			}
			ctx, cancel := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			for _, s := range []*batch.Service{sa, sb} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_ = s.Run(ctx)
				}()
			}
			deadline := time.Now().Add(60 * time.Second)
			issued, skipped := 0, 0
			for _, id := range ids {
				for {
					bt, err := e.st.Batch(context.Background(), id)
					if err != nil {
						t.Fatal(err)
					}
					if bt.Status == credential.BatchDone {
						if bt.Processed != bt.Total || bt.Failed != 0 || bt.Issued+bt.Skipped != bt.Total {
							t.Fatalf("batch %+v", bt)
						}
						issued, skipped = issued+bt.Issued, skipped+bt.Skipped
						break
					}
					if time.Now().After(deadline) {
						t.Fatalf("batch %s is %s after 60 s", id, bt.Status)
					}
					time.Sleep(10 * time.Millisecond)
				}
			}
			cancel()
			wg.Wait()
			recs, err := e.st.Credentials(context.Background(), credential.CredentialFilter{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if issued != 80 || skipped != 130 || len(recs) != 80 {
				t.Fatalf("issued %d, skipped %d, %d credentials; want 80 awards issued once", issued, skipped, len(recs))
			}
		})
	}
}

// TestProgramWithdrawnMidway: when the program can no longer issue, the
// batch fails with the reason in its language and its pending rows fail.
func TestProgramWithdrawnMidway(t *testing.T) {
	e := newEnv(t, testdb.SQLite)
	s := e.service(batch.Config{Workers: -1})
	bt, err := s.Submit(context.Background(), batch.Upload{Program: e.regno, Filename: "c.csv", Body: bytes.NewReader(rows(0, 5)), Lang: "ru"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.UpdateProgram(context.Background(), e.regno, func(p *credential.Program) error {
		p.Status = credential.ProgramArchived
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	done, err := s.RunBatch(context.Background(), bt.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if done.Status != credential.BatchFailed || !strings.Contains(done.Error, "по программе нельзя выдавать сертификаты") ||
		done.Failed != 5 || done.Issued != 0 || done.Processed != 5 {
		t.Fatalf("batch %+v", done)
	}
	var msgs []string
	if err := e.st.BatchRows(context.Background(), bt.ID, credential.FailedRows, func(r *credential.BatchRow) error {
		msgs = append(msgs, r.Errors[0].Message)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 5 || msgs[0] != done.Error {
		t.Fatalf("row messages %q", msgs)
	}
}

// TestGivesUpAfterAttempts: a batch claimed too often without finishing
// (its worker crashing each time) fails instead of looping forever.
func TestGivesUpAfterAttempts(t *testing.T) {
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	e := newEnv(t, withClock(testdb.SQLite, clk))
	s := batch.New(e.st, e.is, batch.Config{Workers: -1, MaxAttempts: 2, Lease: time.Minute}, nil, batch.WithClock(clk.now))
	bt := submit(t, s, e.regno, rows(0, 3))
	for i := 0; i < 2; i++ { // two crashed workers
		if _, err := e.st.ClaimBatch(context.Background(), fmt.Sprint("dead-", i), bt.ID, time.Minute); err != nil {
			t.Fatal(err)
		}
		clk.add(2 * time.Minute) // the lease runs out
	}
	done, err := s.RunBatch(context.Background(), bt.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if done.Status != credential.BatchFailed || done.Failed != 3 || !strings.Contains(done.Error, "interrupted 2 times") {
		t.Fatalf("batch %+v", done)
	}
}

// TestIssuerRejectionsAreLocalized: a row the importer accepts but the
// issuer does not (a decision dated before the end of study) is rejected
// at upload with the column as written and a message in the request's
// language.
func TestIssuerRejectionsAreLocalized(t *testing.T) {
	e := newEnv(t, testdb.SQLite)
	s := e.service(batch.Config{Workers: -1})
	data := "Білім алушы ID;Тегі;Аты;Басталуы;Аяқталуы;Шешім күні;LO1;LO2;LO3\n" +
		"T1;Ким;Ли;02.02.2026;24.04.2026;10.04.2026;86;90;90\n" +
		"T2;Ким;Ли;02.02.2026;24.04.2026;06.05.2026;86;90;90\n"
	for _, tc := range []struct{ lang, want string }{
		{"kk", "комиссия шешімінің күні (10.04.2026) оқу аяқталған күннен (24.04.2026) бұрын"},
		{"ru", "дата решения комиссии (10.04.2026) раньше окончания обучения (24.04.2026)"},
		{"en", "the commission's decision (10.04.2026) is dated before the end of study (24.04.2026)"},
	} {
		bt, err := s.Submit(context.Background(), batch.Upload{Program: e.regno, Filename: "c.csv", Body: strings.NewReader(data), Lang: tc.lang, DryRun: true})
		if err != nil {
			t.Fatal(err)
		}
		var got []credential.BatchRow
		_ = e.st.BatchRows(context.Background(), bt.ID, credential.AllRows, func(r *credential.BatchRow) error {
			got = append(got, *r)
			return nil
		})
		if len(got) != 2 || got[0].State != credential.RowFailed || got[0].Errors[0].Column != "Шешім күні" ||
			got[0].Errors[0].Message != tc.want || got[1].State != credential.RowValid {
			t.Fatalf("%s: %+v", tc.lang, got)
		}
	}
}

// TestShutdownReleasesTheBatch: a worker stopped mid-batch (graceful
// shutdown) gives its lease back, so another instance continues at once
// instead of waiting for the lease to run out.
func TestShutdownReleasesTheBatch(t *testing.T) {
	e := newEnv(t, testdb.SQLite)
	first := e.service(batch.Config{Workers: 1, Step: 5, Pause: 20 * time.Millisecond, Lease: time.Hour, Owner: "first"})
	bt := submit(t, first, e.regno, rows(0, 200))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = first.Run(ctx)
	}()
	for {
		cur, _ := e.st.Batch(context.Background(), bt.ID)
		if cur.Issued >= 10 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	second := e.service(batch.Config{Workers: -1, Lease: time.Hour, Owner: "second"})
	// With the hour-long lease still held, this would time out.
	rctx, rcancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer rcancel()
	got, err := second.RunBatch(rctx, bt.ID, nil)
	if err != nil || got.Status != credential.BatchDone || got.Issued != 200 || got.Skipped != 0 {
		t.Fatalf("batch %+v %v", got, err)
	}
}

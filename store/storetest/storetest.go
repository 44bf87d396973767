// Package storetest is the conformance suite every store engine must pass:
// the same behaviour on SQLite and on PostgreSQL.
package storetest

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/store"
)

// Open returns a fresh, migrated store for one test.
type Open func(t testing.TB, opts ...store.Option) *store.Store

// suite is a set of named conformance tests.
type suite map[string]func(*testing.T, Open)

// Run runs the whole suite against an engine: the core tests and every
// feature's tests (each feature keeps its own in its own file).
func Run(t *testing.T, open Open) {
	tests := suite{}
	for _, s := range []suite{coreTests(), statusTests(), batchTests(), limitTests(), accountTests(), outboxTests(), consoleTests()} {
		for name, fn := range s {
			tests[name] = fn
		}
	}
	tests.run(t, open)
}

// run runs the suite's tests in name order.
func (s suite) run(t *testing.T, open Open) {
	names := make([]string, 0, len(s))
	for n := range s {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t.Run(n, func(t *testing.T) { s[n](t, open) })
	}
}

// manualClock is a settable clock (leases, retention, the outbox), safe
// for the store's goroutines to read.
type manualClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *manualClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *manualClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func coreTests() suite {
	return suite{
		"Migrate":           testMigrate,
		"ProgramLifecycle":  testProgramLifecycle,
		"ProgramNotFound":   testProgramNotFound,
		"RegNoNeverReused":  testRegNo,
		"Keys":              testKeys,
		"Tokens":            testTokens,
		"IssueIdempotent":   testIssueIdempotent,
		"IssueConcurrent":   testIssueConcurrent,
		"IssueRollsBack":    testIssueRollback,
		"CredentialSearch":  testSearch,
		"StatusSlotsUnique": testStatusSlots,
	}
}

// SampleProgram returns a valid microqualification program.
func SampleProgram() credential.Program {
	return credential.Program{
		Kind: credential.KindMicroqualification,
		Name: credential.Text{"kk": "Деректерді талдауға арналған Python", "en": "Python for Data Analysis"},
		Competencies: []credential.Competency{
			{Code: "LO1", Title: credential.Text{"kk": "Деректерді жинау"}},
			{Code: "LO2", Title: credential.Text{"kk": "Статистикалық талдау"}},
		},
		Hours: 90, Credits: 3, NQFLevel: 6, FormOfStudy: "blended", Language: "kk",
		ValidFrom: "2026-01-01", ValidUntil: "2027-12-31",
	}
}

func testMigrate(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	n, err := s.Migrate(ctx)
	if err != nil || n != 0 {
		t.Fatalf("second migrate applied %d, err %v; want 0, nil", n, err)
	}
	cur, latest, err := s.SchemaVersion(ctx)
	if err != nil || cur != latest || cur == 0 {
		t.Fatalf("schema version %d/%d err %v", cur, latest, err)
	}
	if err := s.CheckSchema(ctx); err != nil {
		t.Fatal(err)
	}
}

func testProgramLifecycle(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	p, err := s.CreateProgram(ctx, SampleProgram())
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != 1 || p.Status != credential.ProgramActive || p.RegistrationNumber == "" {
		t.Fatalf("created %+v", p)
	}
	got, err := s.Program(ctx, p.RegistrationNumber, 0)
	if err != nil || got.Name["kk"] != p.Name["kk"] || len(got.Competencies) != 2 {
		t.Fatalf("read back %+v err %v", got, err)
	}
	// Changing an active program's content makes version 2.
	v2, err := s.UpdateProgram(ctx, p.RegistrationNumber, func(q *credential.Program) error { q.Hours = 120; return nil })
	if err != nil || v2.Version != 2 || v2.Hours != 120 {
		t.Fatalf("update: %+v err %v", v2, err)
	}
	v1, err := s.Program(ctx, p.RegistrationNumber, 1)
	if err != nil || v1.Hours != 90 || v1.Status != credential.ProgramSuperseded {
		t.Fatalf("version 1 after update: %+v err %v", v1, err)
	}
	// A status change alone stays on the same version.
	arch, err := s.UpdateProgram(ctx, p.RegistrationNumber, func(q *credential.Program) error { q.Status = credential.ProgramArchived; return nil })
	if err != nil || arch.Version != 2 || arch.Status != credential.ProgramArchived {
		t.Fatalf("archive: %+v err %v", arch, err)
	}
	_, err = s.UpdateProgram(ctx, p.RegistrationNumber, func(q *credential.Program) error { q.Hours = 1; return nil })
	if credential.ErrorCode(err) != credential.CodeConflict {
		t.Fatalf("changing an archived program: err %v, want conflict", err)
	}
	list, err := s.Programs(ctx, "", "")
	if err != nil || len(list) != 1 || list[0].Version != 2 {
		t.Fatalf("list: %v err %v", list, err)
	}
	// Invalid changes are refused and change nothing.
	p2, _ := s.CreateProgram(ctx, SampleProgram())
	_, err = s.UpdateProgram(ctx, p2.RegistrationNumber, func(q *credential.Program) error { q.NQFLevel = 9; return nil })
	if credential.ErrorCode(err) != credential.CodeInvalid {
		t.Fatalf("invalid update: %v", err)
	}
	if again, _ := s.Program(ctx, p2.RegistrationNumber, 0); again.Version != 1 || again.NQFLevel != 6 {
		t.Fatalf("invalid update changed the program: %+v", again)
	}
}

func testProgramNotFound(t *testing.T, open Open) {
	s := open(t)
	_, err := s.Program(context.Background(), "MQ-1999-0001", 0)
	if !credential.IsNotFound(err) {
		t.Fatalf("err %v, want not_found", err)
	}
}

func testRegNo(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	seen := map[string]bool{}
	for i := 0; i < 5; i++ {
		p, err := s.CreateProgram(ctx, SampleProgram())
		if err != nil {
			t.Fatal(err)
		}
		if seen[p.RegistrationNumber] {
			t.Fatalf("registration number %s reused", p.RegistrationNumber)
		}
		seen[p.RegistrationNumber] = true
	}
	th := SampleProgram()
	th.Kind = credential.KindTeachHubModule
	p, err := s.CreateProgram(ctx, th)
	if err != nil || p.RegistrationNumber[:3] != "TH-" {
		t.Fatalf("teachhub regno %v err %v", p, err)
	}
}

func testKeys(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	k := credential.PublicKey{KID: "k1", Alg: "ES256", JWK: []byte(`{"kty":"EC"}`), CreatedAt: time.Now()}
	if err := s.PublishKey(ctx, k); err != nil {
		t.Fatal(err)
	}
	if err := s.PublishKey(ctx, k); err != nil {
		t.Fatalf("republishing must be a no-op: %v", err)
	}
	if err := s.RetireKey(ctx, "k1"); err != nil {
		t.Fatal(err)
	}
	keys, err := s.PublicKeys(ctx)
	if err != nil || len(keys) != 1 || keys[0].RetiredAt == nil || string(keys[0].JWK) != `{"kty":"EC"}` {
		t.Fatalf("keys %+v err %v", keys, err)
	}
}

func testTokens(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	if err := s.CreateToken(ctx, account.Token{ID: "t1", Hash: "h1", Role: "admin"}); err != nil {
		t.Fatal(err)
	}
	got, owner, err := s.TokenByHash(ctx, "h1")
	if err != nil || got.Role != "admin" || got.ID != "t1" || owner != nil {
		t.Fatalf("token %+v owner %+v err %v", got, owner, err)
	}
	if _, _, err := s.TokenByHash(ctx, "nope"); !credential.IsNotFound(err) {
		t.Fatalf("unknown token: %v", err)
	}
	if err := s.CreateToken(ctx, account.Token{ID: "t2", Hash: "h1", Role: "viewer"}); credential.ErrorCode(err) != credential.CodeConflict {
		t.Fatalf("duplicate hash: %v", err)
	}
}

// issue stores awards with a trivial builder.
func issue(t testing.TB, s *store.Store, prog *credential.Program, keys ...string) []credential.Outcome {
	t.Helper()
	out, err := s.IssueAwards(context.Background(), keys, func(i int, n credential.Numbers, at time.Time) (*credential.Record, error) {
		return &credential.Record{
			ID: fmt.Sprintf("id-%s-%d", keys[i], n.Certificate), ProgramRegNo: prog.RegistrationNumber, ProgramVersion: prog.Version,
			StudentID: keys[i], HolderName: "Holder " + keys[i], Language: "kk", KID: "k1", ValidFrom: at,
			JWS: "jws-" + keys[i],
		}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func testIssueIdempotent(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	first := issue(t, s, prog, "a", "b", "c", "a")
	if first[0].Existed || first[1].Existed || first[2].Existed || !first[3].Existed {
		t.Fatalf("existed flags %+v", first)
	}
	if first[3].Record == nil || first[3].Record.ID != first[0].Record.ID {
		t.Fatalf("repeated key must point at the first: %+v", first[3].Record)
	}
	nums := []int64{first[0].Record.CertificateNumber, first[1].Record.CertificateNumber, first[2].Record.CertificateNumber}
	if nums[0] != 1 || nums[1] != 2 || nums[2] != 3 {
		t.Fatalf("certificate numbers %v, want 1 2 3", nums)
	}
	again := issue(t, s, prog, "b", "d")
	if !again[0].Existed || again[0].Record.ID != first[1].Record.ID || again[1].Existed || again[1].Record.CertificateNumber != 4 {
		t.Fatalf("second issue %+v %+v", again[0], again[1].Record)
	}
	got, err := s.Credential(ctx, first[0].Record.ID)
	if err != nil || got.JWS != "jws-a" || got.Status != credential.StatusValid || got.BookNumber == "" {
		t.Fatalf("read back %+v err %v", got, err)
	}
	if _, err := s.Credential(ctx, "missing"); !credential.IsNotFound(err) {
		t.Fatalf("missing credential: %v", err)
	}
	byNo, err := s.CredentialByNumber(ctx, 2)
	if err != nil || byNo.ID != first[1].Record.ID {
		t.Fatalf("credential by number 2: %+v %v", byNo, err)
	}
	if _, err := s.CredentialByNumber(ctx, 99); !credential.IsNotFound(err) {
		t.Fatalf("missing certificate number: %v", err)
	}
}

func testIssueConcurrent(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	keys := make([]string, 40)
	for i := range keys {
		keys[i] = fmt.Sprintf("s%02d", i)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			// Each worker issues the same cohort in its own order, in chunks.
			for c := 0; c < len(keys); c += 10 {
				chunk := make([]string, 0, 10)
				for i := c; i < c+10; i++ {
					chunk = append(chunk, keys[(i+w*7)%len(keys)])
				}
				_, err := s.IssueAwards(ctx, chunk, func(i int, n credential.Numbers, at time.Time) (*credential.Record, error) {
					return &credential.Record{ID: fmt.Sprintf("c%d", n.Certificate), ProgramRegNo: prog.RegistrationNumber, ProgramVersion: 1,
						StudentID: chunk[i], HolderName: "x", Language: "kk", KID: "k", ValidFrom: at, JWS: "j"}, nil
				})
				if err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	all, err := s.Credentials(ctx, credential.CredentialFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(keys) {
		t.Fatalf("%d credentials for %d awards", len(all), len(keys))
	}
	nums := map[int64]bool{}
	for _, r := range all {
		nums[r.CertificateNumber] = true
	}
	for i := int64(1); i <= int64(len(keys)); i++ {
		if !nums[i] {
			t.Fatalf("certificate number %d missing: numbers are not gap-free", i)
		}
	}
}

func testIssueRollback(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	_, err := s.IssueAwards(ctx, []string{"x", "y"}, func(i int, n credential.Numbers, at time.Time) (*credential.Record, error) {
		if i == 1 {
			return nil, credential.Errorf(credential.CodeInvalid, "boom")
		}
		return &credential.Record{ID: "x1", ProgramRegNo: prog.RegistrationNumber, ProgramVersion: 1, StudentID: "x", HolderName: "x", Language: "kk", KID: "k", ValidFrom: at, JWS: "j"}, nil
	})
	if credential.ErrorCode(err) != credential.CodeInvalid {
		t.Fatalf("err %v", err)
	}
	if _, err := s.Credential(ctx, "x1"); !credential.IsNotFound(err) {
		t.Fatalf("half-written batch: %v", err)
	}
	out := issue(t, s, prog, "z")
	if out[0].Record.CertificateNumber != 1 {
		t.Fatalf("numbers after rollback start at %d, want 1", out[0].Record.CertificateNumber)
	}
}

func testSearch(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	issue(t, s, prog, "alpha", "beta", "gamma")
	got, err := s.Credentials(ctx, credential.CredentialFilter{Query: "BETA"})
	if err != nil || len(got) != 1 || got[0].StudentID != "beta" {
		t.Fatalf("search: %v err %v", got, err)
	}
	got, _ = s.Credentials(ctx, credential.CredentialFilter{Program: prog.RegistrationNumber, Limit: 2})
	if len(got) != 2 || got[0].CertificateNumber != 3 {
		t.Fatalf("page: %v", got)
	}
	got, _ = s.Credentials(ctx, credential.CredentialFilter{StudentID: "gamma"})
	if len(got) != 1 {
		t.Fatalf("by student: %v", got)
	}
}

func testStatusSlots(t *testing.T, open Open) {
	s := open(t)
	prog, _ := s.CreateProgram(context.Background(), SampleProgram())
	keys := make([]string, 300)
	for i := range keys {
		keys[i] = fmt.Sprint(i)
	}
	out := issue(t, s, prog, keys...)
	seen := map[int]bool{}
	ascending := 0
	for i, o := range out {
		r := o.Record
		if r.StatusIndex < 0 || r.StatusIndex >= credential.StatusListSize || seen[r.StatusIndex] {
			t.Fatalf("bad or repeated status index %d", r.StatusIndex)
		}
		seen[r.StatusIndex] = true
		if i > 0 && r.StatusIndex > out[i-1].Record.StatusIndex {
			ascending++
		}
	}
	if ascending > 250 || ascending < 50 {
		t.Fatalf("status indexes look ordered (%d of 299 ascending)", ascending)
	}
}

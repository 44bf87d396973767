package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/store"
)

func batchTests() suite {
	return suite{
		"BatchLifecycle":       testBatchLifecycle,
		"BatchLeaseExpires":    testBatchLeaseExpires,
		"BatchClaimConcurrent": testBatchClaimConcurrent,
		"BatchSameAwardsTwice": testBatchSameAwards,
		"BatchFailPending":     testBatchFailPending,
		"BatchRelease":         testBatchRelease,
		"BatchList":            testBatchList,
		"BatchCellsPurge":      testBatchCellsPurge,
		"BatchCellsPurgeLimit": testBatchCellsPurgeLimit,
		"BatchCellLimits":      testBatchCellLimits,
	}
}

// newBatch stores a batch of the sample program with pending rows for the
// given award keys (rows 2, 3, …) and one failed row after them.
func newBatch(t testing.TB, s *store.Store, prog *credential.Program, id string, keys ...string) *credential.Batch {
	t.Helper()
	b := &credential.Batch{ID: id, Program: prog.RegistrationNumber, Status: credential.BatchQueued, Lang: "en", Filename: "cohort.csv",
		Format: "csv", Header: []string{"ID", "Тегі", "Аты"}, Columns: map[string]string{"student_id": "ID", "family_name": "Тегі"}, Total: len(keys) + 1, Processed: 1, Failed: 1,
		Warnings: []credential.BatchProblem{{Row: 1, Column: "Notes", Code: "unknown_column", Message: "unknown column"}}}
	var rows []credential.BatchRow
	for i, k := range keys {
		rows = append(rows, credential.BatchRow{Row: i + 2, State: credential.RowPending, StudentID: k, HolderName: "Holder " + k, AwardKey: k,
			Cells: []string{k, "Holder", k}, Request: json.RawMessage(`{"student_id":"` + k + `"}`)})
	}
	rows = append(rows, credential.BatchRow{Row: len(keys) + 2, State: credential.RowFailed, StudentID: "bad", Cells: []string{"bad", "", "x"},
		Errors: []credential.BatchProblem{{Column: "Тегі", Code: "required", Message: "Тегі is empty"}}})
	if err := s.CreateBatch(credential.WithActor(context.Background(), "token:reg"), b, rows); err != nil {
		t.Fatal(err)
	}
	return b
}

// stepFor builds a batch step issuing rows with a trivial builder.
func stepFor(prog *credential.Program, batch string, rows []credential.BatchRow) credential.BatchStep {
	var st credential.BatchStep
	for _, r := range rows {
		st.Rows, st.Keys = append(st.Rows, r.Row), append(st.Keys, r.AwardKey)
	}
	keys := st.Keys
	st.Build = func(i int, n credential.Numbers, at time.Time) (*credential.Record, error) {
		return &credential.Record{ID: fmt.Sprintf("%s-%s", batch, keys[i]), ProgramRegNo: prog.RegistrationNumber, ProgramVersion: prog.Version,
			StudentID: keys[i], HolderName: "Holder " + keys[i], Language: "kk", KID: "k1", ValidFrom: at, BatchID: batch, JWS: "jws-" + keys[i]}, nil
	}
	return st
}

func listRows(t testing.TB, s *store.Store, id string, f credential.BatchRowFilter) []credential.BatchRow {
	t.Helper()
	var out []credential.BatchRow
	if err := s.BatchRows(context.Background(), id, f, func(r *credential.BatchRow) error {
		out = append(out, *r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func testBatchLifecycle(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	newBatch(t, s, prog, "b1", "a", "b", "c")
	got, err := s.Batch(ctx, "b1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != credential.BatchQueued || got.Total != 4 || got.Failed != 1 || got.Processed != 1 || got.Actor != "token:reg" ||
		!reflect.DeepEqual(got.Header, []string{"ID", "Тегі", "Аты"}) || got.Columns["family_name"] != "Тегі" || len(got.Warnings) != 1 || got.Warnings[0].Column != "Notes" {
		t.Fatalf("stored batch %+v", got)
	}
	if _, err := s.Batch(ctx, "nope"); !credential.IsNotFound(err) {
		t.Fatalf("missing batch: %v", err)
	}
	audit, err := s.AuditLog(ctx, credential.AuditFilter{ObjectType: "batch", ObjectID: "b1"})
	if err != nil || len(audit) != 1 || audit[0].Action != credential.ActionBatchUploaded || audit[0].Actor != "token:reg" {
		t.Fatalf("audit %+v err %v", audit, err)
	}

	claimed, err := s.ClaimBatch(ctx, "w1", "", time.Minute)
	if err != nil || claimed.ID != "b1" || claimed.Status != credential.BatchRunning || claimed.LeaseOwner != "w1" || claimed.Attempts != 1 {
		t.Fatalf("claim %+v err %v", claimed, err)
	}
	if _, err := s.ClaimBatch(ctx, "w2", "", time.Minute); !credential.IsNotFound(err) {
		t.Fatalf("a leased batch was claimed again: %v", err)
	}
	pending, err := s.PendingBatchRows(ctx, "b1", 0, 2)
	if err != nil || len(pending) != 2 || pending[0].Row != 2 || pending[1].Row != 3 || string(pending[0].Request) != `{"student_id":"a"}` {
		t.Fatalf("pending %+v err %v", pending, err)
	}
	// Step 1: rows 2 and 3 issue.
	out, err := s.ProcessBatchStep(ctx, "b1", "w1", time.Minute, stepFor(prog, "b1", pending))
	if err != nil || len(out) != 2 || out[0].Existed || out[0].Record.BatchID != "b1" {
		t.Fatalf("step 1: %+v err %v", out, err)
	}
	// Step 2: row 4 fails at processing time.
	pending, _ = s.PendingBatchRows(ctx, "b1", 3, 10)
	if len(pending) != 1 || pending[0].Row != 4 {
		t.Fatalf("pending after row 3: %+v", pending)
	}
	if _, err := s.ProcessBatchStep(ctx, "b1", "w1", time.Minute, credential.BatchStep{Failed: []credential.BatchRow{{Row: 4,
		Errors: []credential.BatchProblem{{Column: "decision_date", Message: "too early"}}}}}); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.PendingBatchRows(ctx, "b1", 0, 10); len(p) != 0 {
		t.Fatalf("still pending: %+v", p)
	}
	if err := s.FinishBatch(ctx, "b1", "w1", credential.BatchDone, ""); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Batch(ctx, "b1")
	if got.Status != credential.BatchDone || got.Processed != 4 || got.Issued != 2 || got.Skipped != 0 || got.Failed != 2 || got.FinishedAt == nil || got.LeaseOwner != "" {
		t.Fatalf("finished batch %+v", got)
	}
	all := listRows(t, s, "b1", credential.AllRows)
	if len(all) != 4 {
		t.Fatalf("rows %+v", all)
	}
	want := []struct {
		row   int
		state string
		cred  string
		cells int
	}{{2, credential.RowIssued, "b1-a", 0}, {3, credential.RowIssued, "b1-b", 0}, {4, credential.RowFailed, "", 3}, {5, credential.RowFailed, "", 3}}
	for i, w := range want {
		r := all[i]
		if r.Row != w.row || r.State != w.state || r.CredentialID != w.cred || len(r.Cells) != w.cells {
			t.Errorf("row %d: %+v, want %+v", i, r, w)
		}
	}
	if all[0].CertificateNumber != 1 || all[1].CertificateNumber != 2 {
		t.Errorf("certificate numbers %d %d", all[0].CertificateNumber, all[1].CertificateNumber)
	}
	if f := listRows(t, s, "b1", credential.FailedRows); len(f) != 2 || f[0].Errors[0].Message != "too early" || f[1].Errors[0].Column != "Тегі" {
		t.Errorf("failed rows %+v", f)
	}
	if c := listRows(t, s, "b1", credential.CredentialRows); len(c) != 2 {
		t.Errorf("credential rows %+v", c)
	}
	if recs, _ := s.Credentials(ctx, credential.CredentialFilter{BatchID: "b1"}); len(recs) != 2 {
		t.Errorf("credentials of the batch: %d", len(recs))
	}
	// A finished batch is not claimed again.
	if _, err := s.ClaimBatch(ctx, "w2", "", time.Minute); !credential.IsNotFound(err) {
		t.Fatalf("claimed a finished batch: %v", err)
	}
	if page, err := s.Batches(ctx, credential.BatchFilter{Program: prog.RegistrationNumber}); err != nil || len(page.Batches) != 1 || page.Batches[0].ID != "b1" {
		t.Fatalf("batches %+v err %v", page, err)
	}
}

func testBatchLeaseExpires(t *testing.T, open Open) {
	clk := &manualClock{t: time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)}
	s := open(t, store.WithClock(clk.now))
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	newBatch(t, s, prog, "b1", "a", "b")
	if _, err := s.ClaimBatch(ctx, "dead", "", 30*time.Second); err != nil {
		t.Fatal(err)
	}
	clk.add(10 * time.Second)
	if _, err := s.ClaimBatch(ctx, "w2", "", 30*time.Second); !credential.IsNotFound(err) {
		t.Fatalf("claimed while the lease runs: %v", err)
	}
	if err := s.RenewBatchLease(ctx, "b1", "w2", time.Minute); !errors.Is(err, credential.ErrLeaseLost) {
		t.Fatalf("renewing someone else's lease: %v", err)
	}
	clk.add(21 * time.Second) // the lease (renewed never) expired
	b, err := s.ClaimBatch(ctx, "w2", "b1", 30*time.Second)
	if err != nil || b.LeaseOwner != "w2" || b.Attempts != 2 {
		t.Fatalf("reclaim %+v err %v", b, err)
	}
	// The old owner wakes up: nothing it does is stored.
	pending, _ := s.PendingBatchRows(ctx, "b1", 0, 10)
	if _, err := s.ProcessBatchStep(ctx, "b1", "dead", time.Minute, stepFor(prog, "b1", pending)); !errors.Is(err, credential.ErrLeaseLost) {
		t.Fatalf("step by the old owner: %v", err)
	}
	if err := s.FinishBatch(ctx, "b1", "dead", credential.BatchDone, ""); !errors.Is(err, credential.ErrLeaseLost) {
		t.Fatalf("finish by the old owner: %v", err)
	}
	if recs, _ := s.Credentials(ctx, credential.CredentialFilter{}); len(recs) != 0 {
		t.Fatalf("the old owner stored %d credentials", len(recs))
	}
	if err := s.RenewBatchLease(ctx, "b1", "w2", time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ProcessBatchStep(ctx, "b1", "w2", time.Minute, stepFor(prog, "b1", pending)); err != nil {
		t.Fatal(err)
	}
}

func testBatchClaimConcurrent(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	const batches = 6
	for i := 0; i < batches; i++ {
		newBatch(t, s, prog, fmt.Sprintf("b%d", i), fmt.Sprintf("k%d", i))
	}
	var (
		mu     sync.Mutex
		owners = map[string]string{}
		wg     sync.WaitGroup
		fails  atomic.Int32
	)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			me := fmt.Sprintf("w%d", w)
			for {
				b, err := s.ClaimBatch(ctx, me, "", time.Minute)
				if credential.IsNotFound(err) {
					return
				}
				if err != nil {
					t.Error(err)
					fails.Add(1)
					return
				}
				mu.Lock()
				if prev, dup := owners[b.ID]; dup {
					t.Errorf("batch %s claimed by %s and %s", b.ID, prev, me)
				}
				owners[b.ID] = me
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	if len(owners) != batches && fails.Load() == 0 {
		t.Fatalf("claimed %d of %d batches", len(owners), batches)
	}
}

func testBatchSameAwards(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	newBatch(t, s, prog, "first", "a", "b")
	newBatch(t, s, prog, "again", "b", "a", "c")
	for _, id := range []string{"first", "again"} {
		if _, err := s.ClaimBatch(ctx, "w", id, time.Minute); err != nil {
			t.Fatal(err)
		}
		pending, _ := s.PendingBatchRows(ctx, id, 0, 10)
		if _, err := s.ProcessBatchStep(ctx, id, "w", time.Minute, stepFor(prog, id, pending)); err != nil {
			t.Fatal(err)
		}
		if err := s.FinishBatch(ctx, id, "w", credential.BatchDone, ""); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := s.Batch(ctx, "again")
	if b.Issued != 1 || b.Skipped != 2 || b.Processed != 4 {
		t.Fatalf("second batch %+v", b)
	}
	rows := listRows(t, s, "again", credential.CredentialRows)
	if len(rows) != 3 || rows[0].State != credential.RowSkipped || rows[0].CredentialID != "first-b" ||
		rows[1].State != credential.RowSkipped || rows[1].CredentialID != "first-a" || rows[2].State != credential.RowIssued || rows[2].CredentialID != "again-c" {
		t.Fatalf("rows %+v", rows)
	}
	ex, err := s.ExistingAwards(ctx, []string{"a", "c", "zz"})
	if err != nil || len(ex) != 2 || ex["a"] != "first-a" || ex["c"] != "again-c" {
		t.Fatalf("existing %v err %v", ex, err)
	}
	if all, _ := s.Credentials(ctx, credential.CredentialFilter{}); len(all) != 3 {
		t.Fatalf("%d credentials for 3 awards", len(all))
	}
}

func testBatchFailPending(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	newBatch(t, s, prog, "b1", "a", "b")
	if _, err := s.ClaimBatch(ctx, "w", "", time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishBatch(ctx, "b1", "w", credential.BatchFailed, "the program was withdrawn"); err != nil {
		t.Fatal(err)
	}
	b, _ := s.Batch(ctx, "b1")
	if b.Status != credential.BatchFailed || b.Error != "the program was withdrawn" || b.Processed != 3 || b.Failed != 3 {
		t.Fatalf("failed batch %+v", b)
	}
	rows := listRows(t, s, "b1", credential.FailedRows)
	if len(rows) != 3 || rows[0].Errors[0].Message != "the program was withdrawn" {
		t.Fatalf("rows %+v", rows)
	}
}

func testBatchRelease(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	newBatch(t, s, prog, "b1", "a")
	if _, err := s.ClaimBatch(ctx, "w1", "", time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := s.ReleaseBatch(ctx, "b1", "w2"); err != nil { // not w2's: no effect
		t.Fatal(err)
	}
	if _, err := s.ClaimBatch(ctx, "w2", "", time.Hour); !credential.IsNotFound(err) {
		t.Fatalf("claimed a leased batch: %v", err)
	}
	if err := s.ReleaseBatch(ctx, "b1", "w1"); err != nil {
		t.Fatal(err)
	}
	b, err := s.ClaimBatch(ctx, "w2", "", time.Hour)
	if err != nil || b.LeaseOwner != "w2" || b.Status != credential.BatchRunning {
		t.Fatalf("claim after release: %+v %v", b, err)
	}
	if err := s.RenewBatchLease(ctx, "b1", "w1", time.Hour); !errors.Is(err, credential.ErrLeaseLost) {
		t.Fatalf("old owner renewed: %v", err)
	}
}

// listIDs returns the ids of a page's batches.
func listIDs(bs []*credential.Batch) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.ID
	}
	return out
}

// listAll follows a listing page by page, checking every page's size; it
// returns the ids in order and the number of pages.
func listAll(t *testing.T, s *store.Store, f credential.BatchFilter) ([]string, int) {
	t.Helper()
	var ids []string
	pages := 0
	for {
		page, err := s.Batches(context.Background(), f)
		if err != nil {
			t.Fatalf("page %d of %+v: %v", pages+1, f, err)
		}
		pages++
		if len(page.Batches) == 0 && pages > 1 {
			t.Fatalf("page %d of %+v is empty: the previous page should have had no cursor", pages, f)
		}
		if f.Limit > 0 && len(page.Batches) > f.Limit {
			t.Fatalf("page %d of %+v has %d batches", pages, f, len(page.Batches))
		}
		if page.NextCursor != "" && f.Limit > 0 && len(page.Batches) != f.Limit {
			t.Fatalf("page %d of %+v: %d batches and a cursor", pages, f, len(page.Batches))
		}
		ids = append(ids, listIDs(page.Batches)...)
		if page.NextCursor == "" {
			return ids, pages
		}
		if pages > 100 {
			t.Fatal("the listing does not end")
		}
		f.Cursor = page.NextCursor
	}
}

// testBatchList: batches are listed newest first (ties by id), filtered
// by program and status, and paged by an opaque cursor that neither
// repeats nor skips a batch, even when batches are added meanwhile.
func testBatchList(t *testing.T, open Open) {
	t0 := time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)
	clk := &manualClock{t: t0}
	s := open(t, store.WithClock(clk.now))
	ctx := credential.WithActor(context.Background(), "token:reg")
	p1, err := s.CreateProgram(ctx, SampleProgram())
	if err != nil {
		t.Fatal(err)
	}
	p2, err := s.CreateProgram(ctx, SampleProgram())
	if err != nil {
		t.Fatal(err)
	}
	// Fractions of a second check that the order is by time, not by how
	// the engine writes it (SQLite keeps text: "…:02" < "…:02.05" < "…:02.5").
	batches := []struct {
		id     string
		prog   *credential.Program
		status string
		at     time.Duration
	}{
		{"a1", p1, credential.BatchQueued, 0},
		{"a2", p1, credential.BatchDone, time.Second},
		{"a3", p2, credential.BatchFailed, time.Second},
		{"a4", p1, credential.BatchRunning, 2 * time.Second},
		{"a5", p2, credential.BatchQueued, 2*time.Second + 50*time.Millisecond},
		{"a6", p1, credential.BatchDone, 2*time.Second + 500*time.Millisecond},
		{"b1", p2, credential.BatchDone, 3 * time.Second},
		{"b2", p1, credential.BatchDone, 3 * time.Second},
		{"b3", p1, credential.BatchQueued, 3 * time.Second},
	}
	for _, b := range batches {
		clk.t = t0.Add(b.at)
		st := b.status
		if st == credential.BatchRunning {
			st = credential.BatchQueued
		}
		sb := &credential.Batch{ID: b.id, Program: b.prog.RegistrationNumber, Status: st, Lang: "en", Filename: b.id + ".csv",
			Format: "csv", Total: 3, Processed: 1, Failed: 1}
		if err := s.CreateBatch(ctx, sb, nil); err != nil {
			t.Fatal(err)
		}
		if b.status == credential.BatchRunning {
			if _, err := s.ClaimBatch(ctx, "w", b.id, time.Hour); err != nil {
				t.Fatal(err)
			}
		}
	}
	newestFirst := []string{"b3", "b2", "b1", "a6", "a5", "a4", "a3", "a2", "a1"}

	// Everything fits the default page.
	page, err := s.Batches(ctx, credential.BatchFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := listIDs(page.Batches); !reflect.DeepEqual(got, newestFirst) || page.NextCursor != "" {
		t.Fatalf("all batches %v cursor %q, want %v and no cursor", got, page.NextCursor, newestFirst)
	}
	b := page.Batches[3] // a6
	if b.Program != p1.RegistrationNumber || b.Status != credential.BatchDone || b.Filename != "a6.csv" || b.Actor != "token:reg" ||
		b.Total != 3 || b.Failed != 1 || !b.CreatedAt.Equal(t0.Add(2500*time.Millisecond)) || b.FinishedAt == nil {
		t.Fatalf("listed batch %+v", b)
	}
	if page.Batches[5].Status != credential.BatchRunning {
		t.Fatalf("a4 is %s, want running", page.Batches[5].Status)
	}

	// Page by page, with pages that split batches of the same time, and
	// with a last page that is exactly full.
	for limit, pages := range map[int]int{1: 9, 2: 5, 3: 3, 4: 3, 9: 1, credential.MaxBatchLimit: 1} {
		ids, n := listAll(t, s, credential.BatchFilter{Limit: limit})
		if !reflect.DeepEqual(ids, newestFirst) || n != pages {
			t.Errorf("limit %d: %v in %d pages, want %v in %d", limit, ids, n, newestFirst, pages)
		}
	}

	// Filters, alone, together and paged.
	for _, c := range []struct {
		f    credential.BatchFilter
		want []string
	}{
		{credential.BatchFilter{Program: p1.RegistrationNumber}, []string{"b3", "b2", "a6", "a4", "a2", "a1"}},
		{credential.BatchFilter{Program: p2.RegistrationNumber, Limit: 2}, []string{"b1", "a5", "a3"}},
		{credential.BatchFilter{Status: credential.BatchDone, Limit: 1}, []string{"b2", "b1", "a6", "a2"}},
		{credential.BatchFilter{Status: credential.BatchQueued}, []string{"b3", "a5", "a1"}},
		{credential.BatchFilter{Status: credential.BatchRunning}, []string{"a4"}},
		{credential.BatchFilter{Status: credential.BatchFailed}, []string{"a3"}},
		{credential.BatchFilter{Program: p1.RegistrationNumber, Status: credential.BatchDone, Limit: 2}, []string{"b2", "a6", "a2"}},
		{credential.BatchFilter{Program: p2.RegistrationNumber, Status: credential.BatchRunning}, nil},
		{credential.BatchFilter{Program: "MQ-1999-0001"}, nil},
	} {
		ids, _ := listAll(t, s, c.f)
		if len(ids) != len(c.want) || (len(ids) > 0 && !reflect.DeepEqual(ids, c.want)) {
			t.Errorf("%+v: %v, want %v", c.f, ids, c.want)
		}
	}
	if page, err := s.Batches(ctx, credential.BatchFilter{Program: "MQ-1999-0001"}); err != nil || page.Batches == nil || page.NextCursor != "" {
		t.Errorf("no batches: %+v err %v, want an empty, non-nil list", page, err)
	}

	// A batch uploaded between two pages belongs before the first page: the
	// next pages go on where the first stopped.
	first, err := s.Batches(ctx, credential.BatchFilter{Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	clk.t = t0.Add(time.Hour)
	if err := s.CreateBatch(ctx, &credential.Batch{ID: "c1", Program: p1.RegistrationNumber, Status: credential.BatchQueued, Lang: "en"}, nil); err != nil {
		t.Fatal(err)
	}
	rest, _ := listAll(t, s, credential.BatchFilter{Limit: 4, Cursor: first.NextCursor})
	if got := append(listIDs(first.Batches), rest...); !reflect.DeepEqual(got, newestFirst) {
		t.Errorf("paging across an upload: %v, want %v", got, newestFirst)
	}
	if page, _ := s.Batches(ctx, credential.BatchFilter{Limit: 1}); len(page.Batches) != 1 || page.Batches[0].ID != "c1" {
		t.Errorf("the new batch is not first: %v", listIDs(page.Batches))
	}

	// Bad arguments are invalid, naming the field.
	for _, c := range []struct {
		f     credential.BatchFilter
		field string
	}{
		{credential.BatchFilter{Limit: credential.MaxBatchLimit + 1}, "limit"},
		{credential.BatchFilter{Limit: -1}, "limit"},
		{credential.BatchFilter{Status: "finished"}, "status"},
		{credential.BatchFilter{Status: "DONE"}, "status"},
		{credential.BatchFilter{Cursor: "not a cursor!"}, "cursor"},
		{credential.BatchFilter{Cursor: "bm9uc2Vuc2U"}, "cursor"},        // "nonsense"
		{credential.BatchFilter{Cursor: "MjAyNi0wNS0xMCBiMQ"}, "cursor"}, // "2026-05-10 b1"
	} {
		_, err := s.Batches(ctx, c.f)
		d := credential.ErrorDetails(err)
		if credential.ErrorCode(err) != credential.CodeInvalid || len(d) != 1 || d[0].Field != c.field {
			t.Errorf("%+v: err %v details %+v, want invalid %s", c.f, err, d, c.field)
		}
	}
}

// testBatchCellLimits: a batch keeps at most MaxBatchCellBytes a cell,
// MaxBatchRowCells and MaxBatchRowBytes a row and MaxBatchBytes in all;
// a batch past any of them is refused whole (too_large, naming the row)
// and nothing of it is stored, while one at the limits is stored and read
// back intact.
func testBatchCellLimits(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, err := s.CreateProgram(ctx, SampleProgram())
	if err != nil {
		t.Fatal(err)
	}
	cell := func(n int) string { return strings.Repeat("x", n) }
	failed := func(row int, cells ...string) credential.BatchRow {
		return credential.BatchRow{Row: row, State: credential.RowFailed, StudentID: "S", Cells: cells,
			Errors: []credential.BatchProblem{{Code: "required", Message: "empty"}}}
	}
	wide := make([]string, credential.MaxBatchRowCells+1)
	var many []credential.BatchRow
	for i := range credential.MaxBatchBytes/credential.MaxBatchRowBytes + 1 {
		row := make([]string, credential.MaxBatchRowBytes/credential.MaxBatchCellBytes)
		for j := range row {
			row[j] = cell(credential.MaxBatchCellBytes)
		}
		many = append(many, failed(i+2, row...))
	}
	for i, tt := range []struct {
		rows []credential.BatchRow
		want string
	}{
		{[]credential.BatchRow{failed(2, "a"), failed(3, cell(credential.MaxBatchCellBytes+1))}, "row 3 has a cell of"},
		{[]credential.BatchRow{failed(7, wide...)}, "row 7 keeps 1041 cells"},
		{[]credential.BatchRow{failed(4, cell(credential.MaxBatchCellBytes)), failed(5, many[0].Cells...), failed(6, wide[1:]...)}, ""},
		{[]credential.BatchRow{failed(8, append(many[0].Cells[:1:1], many[0].Cells...)...)}, "row 8 keeps 34816 bytes"},
		{many, fmt.Sprintf("the rows up to row %d keep more than", len(many)+1)},
	} {
		id := fmt.Sprintf("limits-%d", i)
		b := &credential.Batch{ID: id, Program: prog.RegistrationNumber, Status: credential.BatchDone, Lang: "en", Header: []string{"ID"},
			Total: len(tt.rows), Processed: len(tt.rows), Failed: len(tt.rows)}
		err := s.CreateBatch(ctx, b, tt.rows)
		if tt.want == "" {
			if err != nil {
				t.Fatalf("case %d: %v", i, err)
			}
			var got [][]string
			if err := s.BatchRows(ctx, id, credential.FailedRows, func(r *credential.BatchRow) error {
				got = append(got, r.Cells)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			for j, r := range tt.rows {
				if !reflect.DeepEqual(got[j], r.Cells) {
					t.Errorf("case %d row %d: cells not read back intact", i, r.Row)
				}
			}
			continue
		}
		if credential.ErrorCode(err) != credential.CodeTooLarge || !strings.Contains(credential.ErrorMessage(err), tt.want) {
			t.Errorf("case %d: %v, want too_large %q", i, err, tt.want)
		}
		if _, err := s.Batch(ctx, id); !credential.IsNotFound(err) {
			t.Errorf("case %d: the refused batch was stored (%v)", i, err)
		}
	}
}

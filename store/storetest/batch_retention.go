package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/store"
)

// retentionIIN is the IIN written in clear into the cells of the failed
// rows of the retention tests.
const retentionIIN = "760227487798"

// retentionBatch stores a batch with pending rows for keys (rows 2, 3, …)
// and, after them, two failed rows whose cells hold an IIN, an e-mail and
// a name in clear. The pending rows' requests hold the IIN too.
func retentionBatch(t testing.TB, s *store.Store, prog *credential.Program, id string, keys ...string) {
	t.Helper()
	b := &credential.Batch{ID: id, Program: prog.RegistrationNumber, Status: credential.BatchQueued, Lang: "en", Filename: id + ".csv",
		Format: "csv", Header: []string{"ID", "Тегі", "ЖСН", "Эл. пошта"}, Total: len(keys) + 2, Processed: 2, Failed: 2}
	var rows []credential.BatchRow
	for i, k := range keys {
		rows = append(rows, credential.BatchRow{Row: i + 2, State: credential.RowPending, StudentID: k, HolderName: "Holder " + k, AwardKey: k,
			Cells:   []string{k, "Holder", retentionIIN, k + "@students.example.edu"},
			Request: json.RawMessage(`{"student_id":"` + k + `","iin":"` + retentionIIN + `"}`)})
	}
	n := len(keys) + 2
	rows = append(rows,
		credential.BatchRow{Row: n, State: credential.RowFailed, StudentID: "S1", Cells: []string{"S1", "Жұмабекова", retentionIIN, "s1@students.example.edu"},
			Errors: []credential.BatchProblem{{Column: "ЖСН", Code: "invalid_iin", Message: `ЖСН "********7798" has a wrong check digit`}}},
		credential.BatchRow{Row: n + 1, State: credential.RowFailed, StudentID: "S2", Cells: []string{"S2", "", retentionIIN, "s2@students.example.edu"},
			Errors: []credential.BatchProblem{{Column: "Тегі", Code: "required", Message: "Тегі is empty"}, {Column: "ЖСН", Message: "duplicate"}}})
	if err := s.CreateBatch(credential.WithActor(context.Background(), "token:reg"), b, rows); err != nil {
		t.Fatal(err)
	}
}

// finishBatch issues a batch's pending rows in one step and finishes it.
func finishBatch(t testing.TB, s *store.Store, prog *credential.Program, id string) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.ClaimBatch(ctx, "w", id, time.Minute); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingBatchRows(ctx, id, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ProcessBatchStep(ctx, id, "w", time.Minute, stepFor(prog, id, pending)); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishBatch(ctx, id, "w", credential.BatchDone, ""); err != nil {
		t.Fatal(err)
	}
}

// rowsHolding counts the batch's rows whose stored cells or request
// contain text, reading the table itself rather than through the store.
func rowsHolding(t testing.TB, s *store.Store, id, text string) int {
	t.Helper()
	var n int
	err := s.Driver().QueryRow(context.Background(),
		`SELECT COUNT(*) FROM batch_rows WHERE batch_id = $1 AND (cells LIKE $2 OR request LIKE $2)`, id, "%"+text+"%").Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// purgeAudit returns the batch.cells_purged entries of a batch.
func purgeAudit(t testing.TB, s *store.Store, id string) []credential.AuditEntry {
	t.Helper()
	es, err := s.AuditLog(context.Background(), credential.AuditFilter{ObjectType: "batch", ObjectID: id, Action: credential.ActionBatchCellsPurged})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// testBatchCellsPurge: the retention purge clears the cells of a finished
// batch's rows once it finished before the cut-off, and only then; it
// never touches an unfinished batch, purges a batch once, audits it once
// as "system", and leaves rows' states, errors and credentials, and the
// batch's counters, as they were.
func testBatchCellsPurge(t *testing.T, open Open) {
	t0 := time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)
	clk := &manualClock{t: t0}
	s := open(t, store.WithClock(clk.now))
	ctx := credential.WithActor(context.Background(), "token:someone")
	prog, err := s.CreateProgram(ctx, SampleProgram())
	if err != nil {
		t.Fatal(err)
	}

	retentionBatch(t, s, prog, "old", "a", "b")
	clk.add(time.Hour)
	finishBatch(t, s, prog, "old")
	oldFinished := clk.now()
	clk.add(24 * time.Hour)
	retentionBatch(t, s, prog, "open", "c") // queued: never purged
	clk.add(time.Hour)
	retentionBatch(t, s, prog, "newer", "d")
	finishBatch(t, s, prog, "newer")
	newerFinished := clk.now()
	clk.add(24 * time.Hour)
	if _, err := s.ClaimBatch(ctx, "w", "open", time.Hour); err != nil { // running, too
		t.Fatal(err)
	}

	before, err := s.Batch(ctx, "old")
	if err != nil {
		t.Fatal(err)
	}
	if before.FinishedAt == nil || !before.FinishedAt.Equal(oldFinished) || before.CellsPurgedAt != nil {
		t.Fatalf("finished batch before the purge %+v", before)
	}
	rowsBefore := listRows(t, s, "old", credential.AllRows)
	if len(rowsBefore) != 4 || len(rowsBefore[2].Cells) != 4 || rowsBefore[2].Cells[2] != retentionIIN {
		t.Fatalf("rows before the purge %+v", rowsBefore)
	}
	for _, id := range []string{"old", "newer"} {
		if n := rowsHolding(t, s, id, retentionIIN); n != 2 {
			t.Fatalf("batch %s: %d rows hold the IIN before the purge, want the 2 failed ones", id, n)
		}
	}

	// Cut-offs at or before the finish purge nothing.
	for _, cut := range []time.Time{oldFinished.Add(-time.Second), oldFinished} {
		if n, err := s.PurgeBatchCells(ctx, cut, 10); err != nil || n != 0 {
			t.Fatalf("purge before %v (the batch finished at %v): %d purged, err %v; want 0", cut, oldFinished, n, err)
		}
	}
	if n := rowsHolding(t, s, "old", retentionIIN); n != 2 {
		t.Fatalf("%d rows hold the IIN after a purge with an earlier cut-off, want 2", n)
	}
	if b, _ := s.Batch(ctx, "old"); b.CellsPurgedAt != nil {
		t.Fatalf("batch marked purged by an earlier cut-off: %v", b.CellsPurgedAt)
	}
	if n := len(purgeAudit(t, s, "old")); n != 0 {
		t.Fatalf("%d audit entries without a purge", n)
	}
	// A limit below one purges nothing.
	if n, err := s.PurgeBatchCells(ctx, clk.now(), 0); err != nil || n != 0 {
		t.Fatalf("purge with limit 0: %d, err %v", n, err)
	}

	// A cut-off after the finish purges the batch, and only that one.
	purgeAt := clk.now()
	if n, err := s.PurgeBatchCells(ctx, oldFinished.Add(time.Second), 10); err != nil || n != 1 {
		t.Fatalf("purge after the finish: %d purged, err %v; want 1", n, err)
	}
	after, err := s.Batch(ctx, "old")
	if err != nil {
		t.Fatal(err)
	}
	if after.CellsPurgedAt == nil || !after.CellsPurgedAt.Equal(purgeAt) {
		t.Fatalf("cells purged at %v, want %v", after.CellsPurgedAt, purgeAt)
	}
	want := *before
	want.CellsPurgedAt = after.CellsPurgedAt
	if !reflect.DeepEqual(after, &want) {
		t.Fatalf("the purge changed the batch:\n%+v\nwant\n%+v", after, &want)
	}
	if n := rowsHolding(t, s, "old", retentionIIN); n != 0 {
		t.Fatalf("%d rows still hold the IIN after the purge", n)
	}
	if n := rowsHolding(t, s, "old", "@students.example.edu"); n != 0 {
		t.Fatalf("%d rows still hold an e-mail after the purge", n)
	}
	rowsAfter := listRows(t, s, "old", credential.AllRows)
	if len(rowsAfter) != len(rowsBefore) {
		t.Fatalf("%d rows after the purge, %d before", len(rowsAfter), len(rowsBefore))
	}
	for i, r := range rowsAfter {
		if len(r.Cells) != 0 {
			t.Errorf("row %d keeps cells %q", r.Row, r.Cells)
		}
		w := rowsBefore[i]
		w.Cells = r.Cells
		if !reflect.DeepEqual(r, w) {
			t.Errorf("row changed by the purge:\n%+v\nwant\n%+v", r, w)
		}
	}
	failed := listRows(t, s, "old", credential.FailedRows)
	if len(failed) != 2 || failed[0].Row != 4 || failed[0].Errors[0].Message != `ЖСН "********7798" has a wrong check digit` ||
		failed[1].Row != 5 || len(failed[1].Errors) != 2 || failed[1].Errors[1].Message != "duplicate" {
		t.Fatalf("failed rows after the purge %+v", failed)
	}
	if creds := listRows(t, s, "old", credential.CredentialRows); len(creds) != 2 || creds[0].CredentialID != "old-a" || creds[1].CredentialID != "old-b" {
		t.Fatalf("credential rows after the purge %+v", creds)
	}

	// The newer batch (after the cut-off) and the unfinished one keep
	// everything.
	for _, id := range []string{"newer", "open"} {
		if b, _ := s.Batch(ctx, id); b.CellsPurgedAt != nil {
			t.Fatalf("batch %s purged: %+v", id, b)
		}
		if n := rowsHolding(t, s, id, retentionIIN); n == 0 {
			t.Fatalf("batch %s lost its cells", id)
		}
	}

	// The entry of the purge is written once, by the system.
	audit := purgeAudit(t, s, "old")
	if len(audit) != 1 || audit[0].Actor != "system" || audit[0].ObjectType != "batch" || !audit[0].At.Equal(purgeAt) {
		t.Fatalf("audit of the purge %+v", audit)
	}
	var details map[string]any
	if err := json.Unmarshal(audit[0].Details, &details); err != nil || details["rows"] != float64(2) {
		t.Fatalf("audit details %s err %v, want the 2 rows cleared", audit[0].Details, err)
	}
	if strings.Contains(string(audit[0].Details), retentionIIN) {
		t.Fatalf("audit details hold the IIN: %s", audit[0].Details)
	}

	// Again with the same cut-off: nothing left to purge, nothing audited.
	clk.add(time.Hour)
	if n, err := s.PurgeBatchCells(ctx, oldFinished.Add(time.Second), 10); err != nil || n != 0 {
		t.Fatalf("second purge: %d purged, err %v; want 0", n, err)
	}
	if n := len(purgeAudit(t, s, "old")); n != 1 {
		t.Fatalf("%d audit entries after a second purge, want 1", n)
	}
	if b, _ := s.Batch(ctx, "old"); b.CellsPurgedAt == nil || !b.CellsPurgedAt.Equal(purgeAt) {
		t.Fatalf("the second purge restamped the batch: %v", b.CellsPurgedAt)
	}

	// Far in the future: the newer batch goes, the unfinished one stays
	// (while running, queued again, and with its rows pending).
	if n, err := s.PurgeBatchCells(ctx, newerFinished.AddDate(100, 0, 0), 10); err != nil || n != 1 {
		t.Fatalf("purge of the newer batch: %d, err %v; want 1", n, err)
	}
	if err := s.ReleaseBatch(ctx, "open", "w"); err != nil {
		t.Fatal(err)
	}
	if n, err := s.PurgeBatchCells(ctx, newerFinished.AddDate(100, 0, 0), 10); err != nil || n != 0 {
		t.Fatalf("purge with only an unfinished batch left: %d, err %v; want 0", n, err)
	}
	if b, _ := s.Batch(ctx, "open"); b.CellsPurgedAt != nil || b.FinishedAt != nil {
		t.Fatalf("unfinished batch %+v", b)
	}
	if n := rowsHolding(t, s, "open", retentionIIN); n != 3 {
		t.Fatalf("unfinished batch: %d rows hold the IIN, want 3 (2 failed rows' cells, a pending row's cells and request)", n)
	}
	pending, err := s.PendingBatchRows(ctx, "open", 0, 10)
	if err != nil || len(pending) != 1 || !strings.Contains(string(pending[0].Request), retentionIIN) {
		t.Fatalf("the unfinished batch's pending row %+v err %v", pending, err)
	}
	if n := len(purgeAudit(t, s, "open")); n != 0 {
		t.Fatalf("unfinished batch audited as purged %d times", n)
	}
}

// testBatchCellsPurgeLimit: the purge takes the oldest batches first, at
// most limit at a time, and several purgers running at once purge each
// batch exactly once.
func testBatchCellsPurgeLimit(t *testing.T, open Open) {
	t0 := time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)
	clk := &manualClock{t: t0}
	s := open(t, store.WithClock(clk.now))
	ctx := context.Background()
	prog, err := s.CreateProgram(ctx, SampleProgram())
	if err != nil {
		t.Fatal(err)
	}
	const batches = 12
	for i := 0; i < batches; i++ {
		clk.add(time.Minute)
		retentionBatch(t, s, prog, fmt.Sprintf("b%02d", i), fmt.Sprintf("k%02d", i))
		finishBatch(t, s, prog, fmt.Sprintf("b%02d", i))
	}
	clk.add(time.Hour)
	if n, err := s.PurgeBatchCells(ctx, clk.now(), 2); err != nil || n != 2 {
		t.Fatalf("purge with limit 2: %d, err %v", n, err)
	}
	for i := 0; i < batches; i++ {
		b, _ := s.Batch(ctx, fmt.Sprintf("b%02d", i))
		if (b.CellsPurgedAt != nil) != (i < 2) {
			t.Fatalf("after purging 2: batch %s purged at %v; want the 2 oldest purged", b.ID, b.CellsPurgedAt)
		}
	}

	total := 0
	if s.Dialect() == "postgres" {
		// A batch another transaction holds (another instance purging it)
		// is skipped, not waited for.
		tx, err := s.Driver().Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = tx.Rollback(ctx) }() // before the store closes, should the test fail
		var id string
		if err := tx.QueryRow(ctx, `SELECT id FROM batches WHERE id = $1 FOR UPDATE`, "b02").Scan(&id); err != nil {
			t.Fatal(err)
		}
		tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		n, err := s.PurgeBatchCells(tctx, clk.now(), 1)
		cancel()
		if err != nil || n != 1 {
			t.Fatalf("purge while b02 is locked: %d, err %v; want 1 (b03)", n, err)
		}
		if b, _ := s.Batch(ctx, "b03"); b.CellsPurgedAt == nil {
			t.Fatal("b03 was not purged while b02 was locked")
		}
		if err := tx.Rollback(ctx); err != nil {
			t.Fatal(err)
		}
		if b, _ := s.Batch(ctx, "b02"); b.CellsPurgedAt != nil {
			t.Fatal("the locked batch b02 was purged")
		}
		total = 1
	}

	var (
		wg sync.WaitGroup
		mu sync.Mutex
	)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				n, err := s.PurgeBatchCells(ctx, clk.now(), 1)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				total += n
				mu.Unlock()
				if n == 0 {
					return
				}
			}
		}()
	}
	wg.Wait()
	if total != batches-2 {
		t.Fatalf("concurrent purgers purged %d batches, want %d", total, batches-2)
	}
	for i := 0; i < batches; i++ {
		id := fmt.Sprintf("b%02d", i)
		if n := len(purgeAudit(t, s, id)); n != 1 {
			t.Errorf("batch %s: %d purge entries, want 1", id, n)
		}
		if n := rowsHolding(t, s, id, retentionIIN); n != 0 {
			t.Errorf("batch %s: %d rows hold the IIN", id, n)
		}
	}
}

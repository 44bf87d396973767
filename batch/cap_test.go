package batch

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// TestCapCells: what a batch stores of its rows' cells is cut to the
// store's limits (a cell at a character boundary, ending in "…"; a row's
// bytes; the batch's bytes, after which rows keep no cells and a warning
// names the first), so CreateBatch never refuses an upload for its size.
func TestCapCells(t *testing.T) {
	long := strings.Repeat("Ә", credential.MaxBatchCellBytes) // 2 bytes a character
	row := make([]string, 20)
	for i := range row {
		row[i] = long
	}
	var rows []credential.BatchRow
	for i := range 1000 {
		rows = append(rows, credential.BatchRow{Row: i + 2, Cells: append([]string(nil), row...)})
	}
	w := capCells(rows, lang.EN)
	total, kept := 0, 0
	for _, r := range rows {
		n := 0
		for _, c := range r.Cells {
			if len(c) > credential.MaxBatchCellBytes || !utf8.ValidString(c) || (c != "" && !strings.HasSuffix(c, "…")) {
				t.Fatalf("row %d: cell of %d bytes %.20q…", r.Row, len(c), c)
			}
			n += len(c)
		}
		if n > credential.MaxBatchRowBytes {
			t.Fatalf("row %d keeps %d bytes", r.Row, n)
		}
		if len(r.Cells) > 0 {
			kept++
		}
		total += n
	}
	if total > credential.MaxBatchBytes || kept == 0 || kept == len(rows) {
		t.Fatalf("%d bytes, %d rows keep cells", total, kept)
	}
	if w == nil || w.Row != kept+2 || w.Code != "cells_not_kept" || !strings.Contains(w.Message, "16 MB") {
		t.Fatalf("warning %+v", w)
	}
}

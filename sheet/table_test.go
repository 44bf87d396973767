package sheet_test

import (
	"context"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/sheet"
)

// TestReadTable validates rows already read (a batch's kept preview) with
// the checks of Read: the rows keep their numbers, problems name them and
// the header's column, and the caller's cells are left alone.
func TestReadTable(t *testing.T) {
	header := []string{"student_id", "family_name", "given_name", "date_from", "date_to"}
	rows := []sheet.TableRow{
		{Number: 3, Cells: []string{"S1", "Жұмабекова", "Мөлдір", "02.02.2026", "24.04.2026"}},
		{Number: 7, Cells: []string{"S2", "Нұрланов", "Ғалым", "02.02.2026", "31.02.2026"}},
	}
	now := func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }
	res, err := sheet.ReadTable(context.Background(), header, rows, sheet.Options{Lang: "en", Now: now, KeepCells: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Rows) != 1 || res.Rows[0].Number != 3 || res.Format != "table" {
		t.Fatalf("rows %+v, total %d, format %q", res.Rows, res.Total, res.Format)
	}
	if len(res.Problems) != 1 || res.Problems[0].Row != 7 || res.Problems[0].Column != "date_to" || res.Problems[0].Code != sheet.CodeInvalidDate {
		t.Errorf("problems %+v, want an invalid date_to on row 7", res.Problems)
	}
	if len(res.Rejected) != 1 || res.Rejected[0].Row != 7 {
		t.Errorf("rejected %+v", res.Rejected)
	}
	if rows[1].Cells[4] != "31.02.2026" {
		t.Errorf("the caller's cells changed: %q", rows[1].Cells)
	}
	if _, err := sheet.ReadTable(context.Background(), header, rows, sheet.Options{MaxRows: 1}); err == nil {
		t.Error("two rows read with MaxRows 1")
	}
}

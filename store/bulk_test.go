package store

import (
	"testing"
	"time"
)

// TestBulkForms checks that each dialect's query files hold multi-row
// statements only in the form its driver binds, and that a mismatch is
// refused when the store is made.
func TestBulkForms(t *testing.T) {
	for _, tc := range []struct {
		dialect string
		form    BulkForm
		ok      bool
	}{
		{"postgres", BulkArrays, true},
		{"sqlite", BulkJSON, true},
		{"postgres", BulkJSON, false},
		{"sqlite", BulkArrays, false},
		{"sqlite", BulkRowByRow, false},
	} {
		q, err := loadQueries(tc.dialect)
		if err != nil {
			t.Fatal(err)
		}
		err = checkBulkForms(q, tc.form)
		if (err == nil) != tc.ok {
			t.Errorf("%s queries with form %q: error %v, want ok=%v", tc.dialect, tc.form, err, tc.ok)
		}
		if tc.ok {
			for _, name := range []string{"credential_by_award", "audit_insert", "batch_row_insert", "batch_row_finish", "outbox_insert"} {
				if _, has := q[tc.form.statement(name)]; !has {
					t.Errorf("%s queries lack %s", tc.dialect, tc.form.statement(name))
				}
				if _, has := q[name]; !has {
					t.Errorf("%s queries lack the one-row %s", tc.dialect, name)
				}
			}
		}
	}
}

// TestJSONRows checks the document a BulkJSON statement reads.
func TestJSONRows(t *testing.T) {
	at := time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC)
	name := "Әлия \"Ә\""
	doc, err := jsonRows(1, 3, []any{
		[]string{"a", "b", "c"},
		[]*string{nil, &name, nil},
		[]int64{1, 2, 3},
		[]*time.Time{nil, &at, nil},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `[["b","Әлия \"Ә\"",2,"2026-06-30 12:00:00+00:00"],["c",null,3,null]]`
	if doc != want {
		t.Errorf("jsonRows = %s\nwant      %s", doc, want)
	}
}

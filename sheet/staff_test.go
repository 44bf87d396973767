package sheet

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestStaffAliasesDistinct guards the staff list's extra headers: none may
// mean another column.
func TestStaffAliasesDistinct(t *testing.T) {
	m := newMatcher(nil)
	for _, a := range staffIDAliases() {
		if f, ok := m.aliases[headerKey(a)]; ok && f != fStudentID {
			t.Errorf("staff alias %q already means %s", a, fieldSpecs[f].name)
		}
	}
	for _, f := range []field{fDepartment, fPosition} {
		for _, a := range fieldSpecs[f].aliases {
			if g, ok := m.aliases[headerKey(a)]; ok {
				t.Errorf("%s alias %q already means %s", fieldSpecs[f].name, a, fieldSpecs[g].name)
			}
		}
	}
}

func TestReadStaff(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC) }
	staff := Options{Staff: true, Lang: "en", Now: now}
	const kk = "Табель нөмірі;Тегі;Аты;Әкесінің аты;Кафедра;Лауазымы\n"
	tests := []struct {
		name     string
		opt      Options
		csv      string
		rows     int
		problems []string // "row column code"
		errCode  string
		missing  []string
		check    func(t *testing.T, r Row)
	}{
		{name: "kazakh headers", opt: staff, rows: 2,
			csv: kk + "KZ-04417;Сейітқали;Әсел;Бауыржанқызы;Хирургиялық аурулар кафедрасы;аға оқытушы\nKZ-05120;Омаров;Ерлан;;Физиология кафедрасы;доцент\n",
			check: func(t *testing.T, r Row) {
				if r.StudentID != "KZ-04417" || r.Department != "Хирургиялық аурулар кафедрасы" || r.Position != "аға оқытушы" || !r.DateFrom.IsZero() {
					t.Errorf("row %+v", r)
				}
			}},
		{name: "english headers with period", opt: staff, rows: 1,
			csv: "staff_id,family_name,given_name,department,position,date_from,date_to\nE1,Smith,Anna,Surgery,Lecturer,02.02.2026,2026-04-24\n",
			check: func(t *testing.T, r Row) {
				if !r.DateFrom.Equal(time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)) || r.DateTo.IsZero() {
					t.Errorf("period %v–%v", r.DateFrom, r.DateTo)
				}
			}},
		{name: "empty department and position", opt: staff, rows: 0,
			csv:      kk + "KZ-1;Омаров;Ерлан;;;\n",
			problems: []string{"2 Кафедра required", "2 Лауазымы required"}},
		{name: "duplicate staff id", opt: staff, rows: 1,
			csv:      kk + "KZ-1;Омаров;Ерлан;;Физиология;доцент\nkz-1;Омаров;Ерлан;;Физиология;доцент\n",
			problems: []string{"3 Табель нөмірі duplicate_row"}},
		{name: "bad optional date", opt: staff, rows: 0,
			csv:      "staff_id,family_name,given_name,department,position,date_from\nE1,Smith,Anna,Surgery,Lecturer,31.02.2026\n",
			problems: []string{"2 date_from invalid_date"}},
		{name: "missing columns", opt: staff, errCode: CodeMissingColumn, missing: []string{ColDepartment, ColPosition},
			csv: "staff_id,family_name,given_name\nE1,Smith,Anna\n"},
		{name: "cohort mode ignores department", opt: Options{Lang: "en", Now: now}, rows: 1,
			csv:      "student_id,family_name,given_name,date_from,date_to,department\nS1,Smith,Anna,2026-02-02,2026-04-24,Surgery\n",
			problems: []string{"1 department unknown_column"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), strings.NewReader(tt.csv), "staff.csv", "text/csv", tt.opt)
			if tt.errCode != "" {
				var se *Error
				if !errors.As(err, &se) || se.Code != tt.errCode || strings.Join(se.Columns, ",") != strings.Join(tt.missing, ",") {
					t.Fatalf("err %v, want %s %v", err, tt.errCode, tt.missing)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Problems {
				got = append(got, strings.Join([]string{strconv.Itoa(p.Row), p.Column, p.Code}, " "))
			}
			if len(res.Rows) != tt.rows || strings.Join(got, "|") != strings.Join(tt.problems, "|") {
				t.Fatalf("rows %d problems %q; want %d %q", len(res.Rows), got, tt.rows, tt.problems)
			}
			if tt.check != nil {
				tt.check(t, res.Rows[0])
			}
		})
	}
}

package sheet_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/sheet"
)

// TestCharacterClasses: the importer refuses, in the registrar's language
// and naming the column, a student id with characters other than letters,
// digits and "-_./" (or starting with a separator), a name holding a
// bidirectional override or markup, and a department holding a control
// or formatting character: the validators the JSON API uses too.
func TestCharacterClasses(t *testing.T) {
	const head = "student_id,family_name,given_name,date_from,date_to,decision_date,LO1,LO2,LO3\n"
	for _, tt := range []struct {
		name, row, column, code string
		words                   map[string]string
	}{
		{"formula id", "@SUM(1+1),Ким,Ли,2026-02-02,2026-04-24,2026-05-06,86,90,A", "student_id", sheet.CodeInvalidID,
			map[string]string{"en": "only letters, digits and the separators -_./", "kk": "тек әріптерден", "ru": "только буквы, цифры"}},
		{"id starting with a dash", "-12,Ким,Ли,2026-02-02,2026-04-24,2026-05-06,86,90,A", "student_id", sheet.CodeInvalidID,
			map[string]string{"en": "must start with a letter or a digit"}},
		{"right-to-left override", "S1,Ким\u202e,Ли,2026-02-02,2026-04-24,2026-05-06,86,90,A", "family_name", sheet.CodeInvalidName,
			map[string]string{"en": "U+202E", "kk": "рұқсат етілмеген таңба", "ru": "недопустимый здесь символ"}},
		{"markup", "S1,<b>Ким</b>,Ли,2026-02-02,2026-04-24,2026-05-06,86,90,A", "family_name", sheet.CodeInvalidName,
			map[string]string{"en": `"<"`}},
	} {
		for lang, word := range tt.words {
			res, err := sheet.Read(context.Background(), strings.NewReader(head+tt.row+"\n"), "", "", options(lang))
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if len(res.Rows) != 0 || len(res.Problems) != 1 {
				t.Fatalf("%s: rows %d problems %+v", tt.name, len(res.Rows), res.Problems)
			}
			if p := res.Problems[0]; p.Code != tt.code || p.Column != tt.column || !strings.Contains(p.Message, word) {
				t.Errorf("%s (%s): %+v, want %s on %s saying %q", tt.name, lang, p, tt.code, tt.column, word)
			}
		}
	}
	staff := "staff_id,family_name,given_name,department,position\nE1,Ким,Ли,Кафедра\u2066 ИТ,доцент\n"
	res, err := sheet.Read(context.Background(), strings.NewReader(staff), "", "", sheet.Options{Staff: true, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 || res.Problems[0].Code != sheet.CodeInvalidText || !strings.Contains(res.Problems[0].Message, "U+2066") {
		t.Errorf("department: %+v", res.Problems)
	}
}

// TestSafeCellRoundTrip: SafeCell quotes exactly the cells a spreadsheet
// program would run as formulas, and Read takes the quote off again, so a
// file written with SafeCell reads back as the cells it was written from
// (negative numbers included); a quote the registrar typed before
// anything else stays.
func TestSafeCellRoundTrip(t *testing.T) {
	for in, want := range map[string]string{
		"=1+2": "'=1+2", "+7701": "'+7701", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)", "\t=1": "'\t=1", "\r=1": "'\r=1",
		"S1": "S1", "": "", "'quoted": "'quoted", "'=x": "''=x", "86,5": "86,5", " =1": " =1",
	} {
		if got := sheet.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
	// A row rejected for its grades: "-5" and "+90" are read back as such.
	var b strings.Builder
	b.WriteString("student_id,family_name,given_name,date_from,date_to,decision_date,LO1,LO2,LO3,note\n")
	cells := []string{"S1", "Ким", "Ли", "2026-02-02", "2026-04-24", "2026-05-06", "-5", "+90", "'=literal", "=HYPERLINK(\"x\")"}
	for i, c := range cells {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + strings.ReplaceAll(sheet.SafeCell(c), `"`, `""`) + `"`)
	}
	res, err := sheet.Read(context.Background(), strings.NewReader(b.String()+"\n"), "", "", options("en"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rejected) != 1 || strings.Join(res.Rejected[0].Cells, "|") != strings.Join(cells, "|") {
		t.Fatalf("read back %+v, want %q", res.Rejected, cells)
	}
}

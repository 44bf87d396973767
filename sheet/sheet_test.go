package sheet_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tanu-edu/tanu/sheet"
	"github.com/tanu-edu/tanu/sheet/internal/fixtures"
)

// now is the clock of every test: after the sample cohort's decision date.
func now() time.Time { return time.Date(2026, 12, 31, 10, 0, 0, 0, time.UTC) }

// options are those of the sample microqualification program.
func options(lang string) sheet.Options {
	return sheet.Options{
		Competencies:        []string{"LO1", "LO2", "LO3"},
		RequireDecisionDate: true,
		Scale:               testScale{},
		Lang:                lang,
		Now:                 now,
	}
}

func readFile(t *testing.T, name string, opt sheet.Options) (*sheet.Result, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return sheet.Read(context.Background(), bytes.NewReader(data), name, "", opt)
}

func mustRead(t *testing.T, name string, opt sheet.Options) *sheet.Result {
	t.Helper()
	res, err := readFile(t, name, opt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestSampleCohorts(t *testing.T) {
	want := mustRead(t, "cohort-en.csv", options("en"))
	if len(want.Rows) != 40 || want.Total != 40 || len(want.Problems) != 0 {
		t.Fatalf("cohort-en.csv: %d rows of %d, problems %v", len(want.Rows), want.Total, want.Problems)
	}
	first := want.Rows[0]
	if first.Number != 2 || first.StudentID != "S22633920" || first.FamilyName != "Жұмабекова" ||
		first.IIN != "760227487797" || !first.DateFrom.Equal(date(2026, 2, 2)) || !first.DateTo.Equal(date(2026, 4, 24)) ||
		!first.DecisionDate.Equal(date(2026, 5, 6)) || first.Grades["LO1"] != (sheet.Grade{Raw: "86", Percent: 86, Letter: "B+"}) {
		t.Errorf("first row = %+v", first)
	}
	if last := want.Rows[39]; last.Number != 41 {
		t.Errorf("last row number = %d, want 41", last.Number)
	}

	tests := []struct {
		file, format, encoding string
		delim                  rune
		russian                bool // names in Russian letters (Windows-1251)
	}{
		{"cohort-kk-excel.csv", "csv", "utf-8-bom", ';', false},
		{"cohort-utf16le.txt", "csv", "utf-16le", '\t', false},
		{"cohort-utf16be.csv", "csv", "utf-16be", ';', false},
		{"cohort-cp1251.csv", "csv", "windows-1251", ';', true},
		{"cohort-tab.tsv", "csv", "utf-8", '\t', false},
		{"cohort.xlsx", "xlsx", "", 0, false},
		// cohort.xlsx saved as .ods by LibreOffice Calc 7.4 (soffice --headless --convert-to ods).
		{"cohort.ods", "ods", "", 0, false},
		// … and as Excel 97–2003 .xls (BIFF8) by LibreOffice Calc 7.4.
		{"cohort.xls", "xls", "", 0, false},
		// … and as a web page by LibreOffice Calc 7.4 (--convert-to html):
		// what web systems save with an .xls name.
		{"cohort.html", "html", "utf-8", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := mustRead(t, tt.file, options("kk"))
			if got.Format != tt.format || got.Encoding != tt.encoding || got.Delimiter != tt.delim {
				t.Errorf("format %q %q %q, want %q %q %q", got.Format, got.Encoding, got.Delimiter, tt.format, tt.encoding, tt.delim)
			}
			if got.Total != 40 || len(got.Rows) != 40 || len(got.Problems) != 0 || len(got.UnknownColumns) != 0 {
				t.Fatalf("%d rows of %d, problems %v, unknown %q", len(got.Rows), got.Total, got.Problems, got.UnknownColumns)
			}
			for i, w := range want.Rows {
				g := got.Rows[i]
				if tt.russian {
					w.FamilyName = fixtures.ToRussianLetters(w.FamilyName)
					w.GivenName = fixtures.ToRussianLetters(w.GivenName)
					w.Patronymic = fixtures.ToRussianLetters(w.Patronymic)
				}
				if tt.format != "csv" && i == 0 {
					// 0.86 formatted as a percent.
					if g.Grades["LO1"].Raw != "86%" {
						t.Errorf("row 2 LO1 raw = %q, want 86%%", g.Grades["LO1"].Raw)
					}
					w.Grades = map[string]sheet.Grade{"LO1": {Raw: "86%", Percent: 86, Letter: "B+"},
						"LO2": w.Grades["LO2"], "LO3": w.Grades["LO3"]}
				}
				if !reflect.DeepEqual(g, w) {
					t.Errorf("row %d:\n got %+v\nwant %+v", w.Number, g, w)
				}
			}
		})
	}
}

// probe is the part of a Problem the fixture tests pin exactly.
type probe struct {
	Row    int
	Column string
	Code   string
}

func probes(ps []sheet.Problem) []probe {
	out := make([]probe, len(ps))
	for i, p := range ps {
		out[i] = probe{p.Row, p.Column, p.Code}
	}
	return out
}

func TestBrokenFixtures(t *testing.T) {
	tests := []struct {
		file        string
		total, rows int
		want        []probe
	}{
		{"bad-iin.csv", 6, 1, []probe{
			{3, "ЖСН", sheet.CodeInvalidIIN}, // wrong check digit
			{4, "ЖСН", sheet.CodeInvalidIIN}, // 11 digits
			{5, "ЖСН", sheet.CodeInvalidIIN}, // a letter
			{6, "ЖСН", sheet.CodeInvalidIIN}, // month 13
			{7, "ЖСН", sheet.CodeInvalidIIN}, // 7th digit 9
		}},
		{"missing-name.csv", 4, 0, []probe{
			{2, "Тегі", sheet.CodeRequired},
			{3, "Аты", sheet.CodeRequired},
			{4, "Аты", sheet.CodeInvalidName},
			{5, "Білім алушы ID", sheet.CodeRequired},
		}},
		{"reversed-period.csv", 4, 1, []probe{
			{2, "Аяқталуы", sheet.CodePeriodReversed},
			{3, "Шешім күні", sheet.CodeDecisionBeforePeriod},
			{4, "Аяқталуы", sheet.CodeFutureDate},
		}},
		{"impossible-date.csv", 7, 2, []probe{
			{2, "date_from", sheet.CodeInvalidDate},
			{3, "date_to", sheet.CodeInvalidDate},
			{4, "date_from", sheet.CodeAmbiguousDate},
			{5, "decision_date", sheet.CodeInvalidDate},
			{6, "date_from", sheet.CodeInvalidDate},
		}},
		{"bad-grade.csv", 6, 1, []probe{
			{2, "LO1", sheet.CodeInvalidGrade},
			{3, "LO2", sheet.CodeInvalidGrade},
			{4, "LO3", sheet.CodeInvalidGrade},
			{5, "LO1", sheet.CodeInvalidGrade},
			{6, "LO2", sheet.CodeRequired},
		}},
		{"failing-grade.csv", 4, 1, []probe{
			{2, "LO3", sheet.CodeFailingGrade},
			{3, "LO1", sheet.CodeFailingGrade},
			{4, "LO2", sheet.CodeFailingGrade},
		}},
		{"truncated.csv", 3, 2, []probe{{4, "", sheet.CodeFieldCount}}},
		{"bad-quotes.csv", 3, 1, []probe{
			{2, "", sheet.CodeBadQuote}, // a bare quote inside a value
			{4, "", sheet.CodeBadQuote}, // a quote that is never closed
		}},
		{"duplicate-row.csv", 4, 3, []probe{{4, "student_id", sheet.CodeDuplicateRow}}},
		{"unknown-column.csv", 2, 2, []probe{
			{1, "Топ", sheet.CodeUnknownColumn},
			{1, "", sheet.CodeUnknownColumn},
		}},
		{"bad-misc.csv", 5, 1, []probe{
			{3, "email", sheet.CodeInvalidEmail},
			{4, "language", sheet.CodeInvalidLanguage},
			{5, "hours", sheet.CodeInvalidNumber},
			{6, "credits", sheet.CodeInvalidNumber},
		}},
		{"multiline.csv", 3, 2, []probe{{4, "iin", sheet.CodeInvalidIIN}}},
		{"title-rows.csv", 2, 1, []probe{{4, "ЖСН", sheet.CodeInvalidIIN}}},
		{"sep-line.csv", 1, 0, []probe{{2, "LO1", sheet.CodeFailingGrade}}},
	}
	for _, tt := range tests {
		for _, lang := range []string{"en", "kk", "ru"} {
			t.Run(tt.file+"/"+lang, func(t *testing.T) {
				res := mustRead(t, tt.file, options(lang))
				if got := probes(res.Problems); !reflect.DeepEqual(got, tt.want) {
					t.Errorf("problems:\n got %v\nwant %v", got, tt.want)
				}
				if res.Total != tt.total || len(res.Rows) != tt.rows {
					t.Errorf("total %d, rows %d; want %d, %d", res.Total, len(res.Rows), tt.total, tt.rows)
				}
				bad := map[int]bool{}
				for _, p := range res.Problems {
					if p.Message == "" {
						t.Errorf("problem %v has no message", p)
					}
					if p.Row > 1 {
						bad[p.Row] = true
					}
				}
				for _, r := range res.Rows {
					if bad[r.Number] {
						t.Errorf("row %d has problems but is in Rows", r.Number)
					}
				}
			})
		}
	}
}

func TestMessages(t *testing.T) {
	tests := []struct {
		file string
		row  int
		col  string
		lang string
		want string
	}{
		{"bad-iin.csv", 3, "ЖСН", "en", `IIN "********7798" has a wrong check digit`},
		{"bad-iin.csv", 3, "ЖСН", "kk", `ЖСН "********7798" бақылау цифры қате`},
		{"bad-iin.csv", 3, "ЖСН", "ru", `ИИН "********7798": неверная контрольная цифра`},
		{"bad-iin.csv", 4, "ЖСН", "en", `IIN "*******5512" must have 12 digits, this one has 11: Excel may have dropped a leading zero — format the column as text and type the IIN again`},
		{"reversed-period.csv", 2, "Аяқталуы", "en", `the period ends (02.02.2026) before it starts (24.04.2026)`},
		{"reversed-period.csv", 2, "Аяқталуы", "kk", `оқу кезеңі басталмай жатып аяқталады: басталуы 24.04.2026, аяқталуы 02.02.2026`},
		{"impossible-date.csv", 2, "date_from", "en", `date "31.02.2026" does not exist`},
		{"impossible-date.csv", 2, "date_from", "kk", `"31.02.2026" деген күн күнтізбеде жоқ`},
		{"impossible-date.csv", 2, "date_from", "ru", `даты "31.02.2026" не существует`},
		{"missing-name.csv", 2, "Тегі", "en", `"Тегі" is empty; a value is required`},
		{"missing-name.csv", 2, "Тегі", "kk", `"Тегі" толтырылмаған; мән міндетті`},
		{"failing-grade.csv", 2, "LO3", "en", `grade "45" (F) in LO3 is a fail`},
		{"failing-grade.csv", 2, "LO3", "kk", `LO3 бойынша "45" (F) бағасы қанағаттанарлықсыз`},
		{"bad-grade.csv", 2, "LO1", "ru", `оценка "abc" недопустима; укажите процент от 0 до 100 или буквенную оценку (A, A-, B+, … F)`},
		{"duplicate-row.csv", 4, "student_id", "en", `student S22633920 with the same period is already in row 2`},
		{"duplicate-row.csv", 4, "student_id", "kk", `S22633920 білім алушысы осы кезеңмен 2-жолда бар`},
		{"truncated.csv", 4, "", "en", `the row has 5 cells but the header has 12; the file may be cut off`},
		{"unknown-column.csv", 1, "Топ", "kk", `"Топ" бағаны танылмады; оның мәндері ескерілмейді`},
		{"unknown-column.csv", 1, "", "en", `column 14 has values but no header; its values are ignored`},
	}
	for _, tt := range tests {
		res := mustRead(t, tt.file, options(tt.lang))
		found := false
		for _, p := range res.Problems {
			if p.Row == tt.row && p.Column == tt.col {
				found = true
				if p.Message != tt.want {
					t.Errorf("%s row %d %q (%s):\n got %s\nwant %s", tt.file, tt.row, tt.col, tt.lang, p.Message, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no problem at row %d column %q", tt.file, tt.row, tt.col)
		}
	}
}

func TestValidRowValues(t *testing.T) {
	res := mustRead(t, "bad-misc.csv", options("en"))
	r := res.Rows[0]
	if r.Hours == nil || *r.Hours != 90 || r.Credits == nil || *r.Credits != 3 || r.Language != "kk" {
		t.Errorf("optional values: hours %v credits %v language %q", r.Hours, r.Credits, r.Language)
	}

	res = mustRead(t, "bad-grade.csv", options("en"))
	want := map[string]sheet.Grade{
		"LO1": {Raw: "B+", Percent: 85, Letter: "B+", FromLetter: true},
		"LO2": {Raw: "в+", Percent: 85, Letter: "B+", FromLetter: true}, // Cyrillic в
		"LO3": {Raw: "86,5", Percent: 86.5, Letter: "B+"},
	}
	if got := res.Rows[0].Grades; !reflect.DeepEqual(got, want) {
		t.Errorf("grades = %+v, want %+v", got, want)
	}

	res = mustRead(t, "impossible-date.csv", options("en"))
	if r := res.Rows[0]; r.Number != 7 || !r.DateFrom.Equal(date(2026, 2, 24)) || !r.DateTo.Equal(date(2026, 4, 24)) {
		t.Errorf("slash dates: %+v", r)
	}
	if r := res.Rows[1]; r.Number != 8 || !r.DateFrom.Equal(date(2026, 2, 2)) || !r.DecisionDate.Equal(date(2026, 5, 6)) {
		t.Errorf("D.M.YYYY and time suffix: %+v", r)
	}

	res = mustRead(t, "multiline.csv", options("en"))
	if r := res.Rows[0]; r.Number != 2 || r.Patronymic != "Серік ұлы" {
		t.Errorf("multi-line value: %+v", r)
	}
	if r := res.Rows[1]; r.Number != 5 {
		t.Errorf("row after a multi-line value and a blank line: number %d, want 5", r.Number)
	}

	// Without decision_date required, the column may be missing.
	opt := options("en")
	opt.RequireDecisionDate = false
	csv := "student_id;family_name;given_name;date_from;date_to;LO1;LO2;LO3\r\nS1;Ким;Ли;02.02.2026;24.04.2026;A;90;86,5\r\n"
	res, err := sheet.Read(context.Background(), strings.NewReader(csv), "", "", opt)
	if err != nil || len(res.Rows) != 1 || !res.Rows[0].DecisionDate.IsZero() {
		t.Fatalf("no decision_date column: %+v, %v", res, err)
	}
}

// fileErr checks that err is a *sheet.Error with the code and returns it.
func fileErr(t *testing.T, err error, code string) *sheet.Error {
	t.Helper()
	var e *sheet.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want *sheet.Error %s", err, err, code)
	}
	if e.Code != code {
		t.Fatalf("code %s (%s), want %s", e.Code, e.Message, code)
	}
	return e
}

func TestFileErrors(t *testing.T) {
	xlsx, err := os.ReadFile("testdata/cohort.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	en, err := os.ReadFile("testdata/cohort-en.csv")
	if err != nil {
		t.Fatal(err)
	}
	withOpt := func(f func(*sheet.Options)) sheet.Options {
		o := options("en")
		f(&o)
		return o
	}
	tests := []struct {
		name    string
		data    []byte
		file    string
		opt     sheet.Options
		code    string
		message string
		columns []string
	}{
		{name: "empty", file: "empty.csv", code: sheet.CodeEmpty, message: "the file is empty"},
		{name: "blank lines", data: []byte("\r\n\r\n  \r\n"), code: sheet.CodeEmpty},
		{name: "bom only", data: []byte("\xEF\xBB\xBF"), code: sheet.CodeEmpty},
		{name: "utf-16 bom only", data: []byte("\xFF\xFE"), code: sheet.CodeEmpty},
		{name: "header only", file: "header-only.csv", code: sheet.CodeNoRows,
			message: "the file has a header row but no data rows"},
		{name: "header only kk", file: "header-only.csv", opt: withOpt(func(o *sheet.Options) { o.Lang = "kk" }),
			code: sheet.CodeNoRows, message: "файлда тақырып жолы ғана бар, деректер жолдары жоқ"},
		{name: "pipe", file: "pipe-delimited.csv", code: sheet.CodeBadDelimiter,
			message: `the header row could not be split into columns: the file seems to use "|"; separate the columns with a comma, a semicolon or a tab`},
		{name: "pipe kk", file: "pipe-delimited.csv", opt: withOpt(func(o *sheet.Options) { o.Lang = "kk" }), code: sheet.CodeBadDelimiter,
			message: `тақырып жолын бағандарға бөлу мүмкін болмады: файлда "|" бөлгіші қолданылған сияқты; бағандарды үтірмен, нүктелі үтірмен немесе табуляциямен бөліңіз`},
		{name: "one column", data: []byte("student_id\nS1\n"), code: sheet.CodeBadDelimiter},
		{name: "missing columns", file: "missing-columns.csv", code: sheet.CodeMissingColumn,
			columns: []string{"given_name", "date_from", "LO2"},
			message: `required columns are missing: given_name (accepted headers: given_name, Аты, Имя); date_from (accepted headers: date_from, Басталуы, Дата начала); LO2 (accepted headers: LO2); columns not recognised: "Топ"`},
		{name: "missing columns kk", file: "missing-columns.csv", opt: withOpt(func(o *sheet.Options) { o.Lang = "kk" }),
			code: sheet.CodeMissingColumn, columns: []string{"given_name", "date_from", "LO2"},
			message: `міндетті бағандар жоқ: Аты (қабылданатын атаулар: given_name, Аты, Имя); Басталуы (қабылданатын атаулар: date_from, Басталуы, Дата начала); LO2 (қабылданатын атаулар: LO2); танылмаған бағандар: "Топ"`},
		{name: "missing columns ru", file: "missing-columns.csv", opt: withOpt(func(o *sheet.Options) { o.Lang = "ru" }),
			code: sheet.CodeMissingColumn, columns: []string{"given_name", "date_from", "LO2"},
			message: `нет обязательных столбцов: Имя (допустимые заголовки: given_name, Аты, Имя); Дата начала (допустимые заголовки: date_from, Басталуы, Дата начала); LO2 (допустимые заголовки: LO2); нераспознанные столбцы: "Топ"`},
		{name: "missing decision date", data: []byte("student_id,family_name,given_name,date_from,date_to,LO1,LO2,LO3\nS1,Ким,Ли,2026-02-02,2026-04-24,90,90,90\n"),
			code: sheet.CodeMissingColumn, columns: []string{"decision_date"}},
		{name: "duplicate column", data: []byte("student_id;Тегі;Фамилия;Аты;Басталуы;Аяқталуы;Шешім күні;LO1;LO2;LO3\n"),
			code: sheet.CodeDuplicateColumn, columns: []string{"family_name"},
			message: `columns "Тегі" and "Фамилия" both mean family_name; keep only one of them`},
		{name: "compound file without a workbook (an encrypted xlsx)", data: append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 512)...), code: sheet.CodeUnsupportedFormat,
			message: "this workbook is password-protected or older than Excel 97; save it without a password as .xlsx or CSV and upload it again"},
		{name: "binary", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), code: sheet.CodeUnsupportedFormat},
		// A web page saved as .xls is read as its table; this one lacks columns.
		{name: "html saved as xls", data: []byte("<html><body><table><tr><td>student_id</td></tr></table></body></html>"), file: "", code: sheet.CodeMissingColumn},
		{name: "html without a table", data: []byte("<html><body><p>Session expired</p></body></html>"), file: "", code: sheet.CodeUnsupportedFormat},
		{name: "excel 2003 xml", data: []byte(`<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data ss:Type="String">student_id</Data></Cell></Row></Table></Worksheet></Workbook>`),
			code: sheet.CodeUnsupportedFormat, message: "this is an Excel 2003 XML spreadsheet, which is not supported; open it in Excel or LibreOffice and save it as .xlsx or CSV"},
		{name: "broken xlsx", data: xlsx[:len(xlsx)/2], code: sheet.CodeUnreadable},
		{name: "too large", data: en, opt: withOpt(func(o *sheet.Options) { o.MaxBytes = 1000 }), code: sheet.CodeTooLarge,
			message: "the file is larger than the limit of 1 KB"},
		{name: "too large ru", data: en, opt: withOpt(func(o *sheet.Options) { o.MaxBytes = 1536; o.Lang = "ru" }), code: sheet.CodeTooLarge,
			message: "файл больше допустимого размера (1.5 КБ)"},
		{name: "within limits", data: en, opt: withOpt(func(o *sheet.Options) { o.MaxBytes = int64(len(en)); o.MaxRows = 40 })},
		{name: "too many rows", data: en, opt: withOpt(func(o *sheet.Options) { o.MaxRows = 10 }), code: sheet.CodeTooManyRows,
			message: "the file has more than 10 data rows (the limit); split it into several files"},
		{name: "sheet not found", data: xlsx, opt: withOpt(func(o *sheet.Options) { o.Sheet = "Nope" }), code: sheet.CodeSheetNotFound,
			message: `the workbook has no sheet "Nope"; its sheets are: Когорта, Notes`},
		{name: "other sheet", data: xlsx, opt: withOpt(func(o *sheet.Options) { o.Sheet = "notes" }), code: sheet.CodeMissingColumn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			if tt.file != "" {
				var err error
				if data, err = os.ReadFile(filepath.Join("testdata", tt.file)); err != nil {
					t.Fatal(err)
				}
			}
			opt := tt.opt
			if opt.Scale == nil {
				opt = options("en")
			}
			res, err := sheet.Read(context.Background(), bytes.NewReader(data), tt.file, "", opt)
			if tt.code == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if res != nil {
				t.Errorf("result %+v with error", res)
			}
			e := fileErr(t, err, tt.code)
			if tt.message != "" && e.Message != tt.message {
				t.Errorf("message:\n got %s\nwant %s", e.Message, tt.message)
			}
			if e.Message == "" {
				t.Errorf("no message")
			}
			if tt.columns != nil && !reflect.DeepEqual(e.Columns, tt.columns) {
				t.Errorf("columns %q, want %q", e.Columns, tt.columns)
			}
		})
	}
}

func TestProgrammingErrors(t *testing.T) {
	opt := options("en")
	opt.Scale = nil
	if _, err := sheet.Read(context.Background(), strings.NewReader("x"), "", "", opt); err == nil {
		t.Error("nil Scale accepted")
	}
	for _, comps := range [][]string{{"LO1", ""}, {"LO1", "lo 1"}} {
		opt := options("en")
		opt.Competencies = comps
		if _, err := sheet.Read(context.Background(), strings.NewReader("x"), "", "", opt); err == nil {
			t.Errorf("competencies %q accepted", comps)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f, err := os.Open("testdata/cohort-en.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := sheet.Read(ctx, f, "", "", options("en")); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled context: %v", err)
	}
}

func TestXLSX(t *testing.T) {
	res := mustRead(t, "cohort.xlsx", options("en"))
	if res.Sheet != "Когорта" {
		t.Errorf("sheet %q", res.Sheet)
	}
	r2, r3 := res.Rows[0], res.Rows[1]
	if !r2.DateFrom.Equal(date(2026, 2, 2)) || !r2.DecisionDate.Equal(date(2026, 5, 6)) {
		t.Errorf("serial dates: %+v", r2)
	}
	if r3.IIN != "050421595512" || !r3.DecisionDate.Equal(date(2026, 5, 6)) {
		t.Errorf("numeric IIN or text date: %+v", r3)
	}

	// A workbook in the 1904 date system, with problems and an empty row.
	f := excelize.NewFile()
	defer f.Close()
	date1904 := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Білім алушы ID", "Тегі", "Аты", "ЖСН", "Басталуы", "Аяқталуы", "Шешім күні", "LO1", "LO2", "LO3"},
		{"S1", "Жұмабекова", "Мөлдір", 50421595512, 44593, 44674, 44686, 86, 71.5, "B+"},
		{"S2", "Нұрланов", "Ғалым", "050421595512", "31.02.2026", "24.04.2026", "06.05.2026", 86, 71, 88},
		{"S3", "Оспанова", "Әсел", "931107461016", "02.02.2026", "24.04.2026", "06.05.2026", 87, 89, 45},
		nil,
		{"S4", "Шәкенова", "", "820323439990", "02.02.2026", "24.04.2026", "06.05.2026", 79, 94, 54},
		{"007", "Ким", "Ли", "820323439990", 2026, "24.04.2026", "06.05.2026", 79, 94, 54},
	}
	for i, row := range rows {
		if row == nil {
			continue
		}
		if err := f.SetSheetRow("Sheet1", "A"+string(rune('1'+i)), &row); err != nil {
			t.Fatal(err)
		}
	}
	zeros := "000000000000"
	iinStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &zeros})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("Sheet1", "D2", "D2", iinStyle); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	res, err = sheet.Read(context.Background(), &buf, "upload.bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", options("kk"))
	if err != nil {
		t.Fatal(err)
	}
	want := []probe{
		{3, "Басталуы", sheet.CodeInvalidDate},
		{4, "LO3", sheet.CodeFailingGrade},
		{6, "Аты", sheet.CodeRequired},
		{7, "Басталуы", sheet.CodeInvalidDate}, // the number 2026 is not a date
	}
	if got := probes(res.Problems); !reflect.DeepEqual(got, want) {
		t.Errorf("problems %v, want %v", got, want)
	}
	if res.Total != 5 || len(res.Rows) != 1 {
		t.Fatalf("total %d rows %d", res.Total, len(res.Rows))
	}
	r := res.Rows[0]
	if !r.DateFrom.Equal(date(2026, 2, 2)) || !r.DateTo.Equal(date(2026, 4, 24)) || !r.DecisionDate.Equal(date(2026, 5, 6)) {
		t.Errorf("1904 serial dates: %v %v %v", r.DateFrom, r.DateTo, r.DecisionDate)
	}
	if r.IIN != "050421595512" {
		t.Errorf("IIN with a 000000000000 format = %q", r.IIN)
	}
	if g := r.Grades["LO2"]; g.Raw != "71.5" || g.Percent != 71.5 || g.Letter != "C+" {
		t.Errorf("LO2 = %+v", g)
	}
}

func TestDelimiters(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		delim rune
		rows  int
	}{
		{"semicolon with decimal commas", "student_id;family_name;given_name;date_from;date_to;decision_date;LO1;LO2;LO3\n" +
			"S1;Ким;Ли;02.02.2026;24.04.2026;06.05.2026;86,5;90,25;B+\n", ';', 1},
		{"comma with quoted semicolons", "\"Cohort; spring; 2026\",\"a;b\"\nstudent_id,family_name,given_name,date_from,date_to,decision_date,LO1,LO2,LO3\n" +
			"S1,\"Ким-Ли\",Ли,2026-02-02,2026-04-24,2026-05-06,\"86,5\",90,B+\n", ',', 1},
		{"tab", strings.ReplaceAll("student_id,family_name,given_name,date_from,date_to,decision_date,LO1,LO2,LO3\n"+
			"S1,Ким,Ли,2026-02-02,2026-04-24,2026-05-06,86,90,A\n", ",", "\t"), '\t', 1},
		{"CR line ends", "student_id;family_name;given_name;date_from;date_to;decision_date;LO1;LO2;LO3\r" +
			"S1;Ким;Ли;02.02.2026;24.04.2026;06.05.2026;86;90;A\r", ';', 1},
		{"trailing separators and blank lines", "student_id;family_name;given_name;date_from;date_to;decision_date;LO1;LO2;LO3;;\r\n" +
			"S1;Ким;Ли;02.02.2026;24.04.2026;06.05.2026;86;90;A;;\r\n;;;;;;;;;;\r\n\r\n\r\n", ';', 1},
	}
	for _, tt := range tests {
		res, err := sheet.Read(context.Background(), strings.NewReader(tt.text), "", "", options("en"))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if res.Delimiter != tt.delim || len(res.Rows) != tt.rows || len(res.Problems) != 0 || res.Total != tt.rows {
			t.Errorf("%s: delim %q rows %d total %d problems %v", tt.name, res.Delimiter, len(res.Rows), res.Total, res.Problems)
		}
	}
}

func TestDamagedUTF8(t *testing.T) {
	data, err := os.ReadFile("testdata/cohort-en.csv")
	if err != nil {
		t.Fatal(err)
	}
	// One stray byte in row 5's family name.
	lines := bytes.Split(data, []byte("\n"))
	lines[4] = bytes.Replace(lines[4], []byte("Шәкенова"), []byte("Ш\xFFкенова"), 1)
	res, err := sheet.Read(context.Background(), bytes.NewReader(bytes.Join(lines, []byte("\n"))), "", "", options("en"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Encoding != "utf-8-damaged" || len(res.Rows) != 39 {
		t.Errorf("encoding %q rows %d", res.Encoding, len(res.Rows))
	}
	if got, want := probes(res.Problems), []probe{{5, "family_name", sheet.CodeBadEncoding}}; !reflect.DeepEqual(got, want) {
		t.Errorf("problems %v, want %v", got, want)
	}
}

// TestFixturesUpToDate checks the derived fixtures against their generator.
func TestFixturesUpToDate(t *testing.T) {
	sample, err := os.ReadFile("testdata/cohort-kk-excel.csv")
	if err != nil {
		t.Fatal(err)
	}
	files, err := fixtures.Generate(sample)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("testdata/%s is stale (%v): run go run ./sheet/internal/fixtures/mkfixtures", name, err)
		}
	}
}

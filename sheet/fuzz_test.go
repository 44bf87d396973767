package sheet_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tanu-edu/tanu/sheet"
)

// codes is the problem-code vocabulary.
var codes = map[string]bool{
	sheet.CodeRequired: true, sheet.CodeInvalidName: true, sheet.CodeTooLong: true, sheet.CodeInvalidIIN: true,
	sheet.CodeInvalidEmail: true, sheet.CodeInvalidDate: true, sheet.CodeAmbiguousDate: true,
	sheet.CodePeriodReversed: true, sheet.CodeFutureDate: true, sheet.CodeDecisionBeforePeriod: true,
	sheet.CodeInvalidNumber: true, sheet.CodeInvalidGrade: true, sheet.CodeFailingGrade: true,
	sheet.CodeInvalidLanguage: true, sheet.CodeDuplicateRow: true, sheet.CodeFieldCount: true,
	sheet.CodeBadQuote: true, sheet.CodeBadEncoding: true, sheet.CodeUnknownColumn: true,
	sheet.CodeInvalidID: true, sheet.CodeInvalidText: true,
}

// fileCodes is the file-level error vocabulary.
var fileCodes = map[string]bool{
	sheet.CodeTooLarge: true, sheet.CodeTooManyRows: true, sheet.CodeEmpty: true, sheet.CodeNoRows: true,
	sheet.CodeUnreadable: true, sheet.CodeUnsupportedFormat: true, sheet.CodeSheetNotFound: true,
	sheet.CodeBadDelimiter: true, sheet.CodeMissingColumn: true, sheet.CodeDuplicateColumn: true,
	sheet.CodeTooManyCells: true, sheet.CodeTooManyColumns: true, sheet.CodeTooManyProblems: true,
}

func FuzzRead(f *testing.F) {
	files, err := filepath.Glob("testdata/*.*")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil || len(data) > 32<<10 {
			continue
		}
		f.Add(data, uint8(0))
	}
	for _, s := range []string{
		"",
		"sep=|\nstudent_id|family_name\n",
		"student_id,family_name,given_name,date_from,date_to,decision_date,LO1,LO2,LO3\nS1,A,B,2026-02-02,2026-04-24,2026-05-06,86,B+,\"7\n0\"\n",
		"Білім алушы ID;Тегі;Аты;Басталуы;Аяқталуы;Шешім күні;LO1;LO2;LO3\r\nS1;Ким;Ли;31.02.2026;01/03/2026;06.05.26;F;101;-\r\n",
		"<html><body><table><tr><th colspan=3>t</th></tr><tr><td>student_id<td>family_name<td>given_name<td>date_from<td>date_to<td>decision_date<td>LO1<td>LO2<td>LO3<tr><td>S1<td>A<br>B<td>C<td sdval=\"46055\" sdnum=\"1033;0;DD.MM.YYYY\">x<td>24.04.2026<td>06.05.2026<td sdval=\"0.86\" sdnum=\"1033;0;0%\">86%<td>71<td>88</table>",
		"student_id\tfamily_name\tgiven_name\tiin\tdate_from\tdate_to\tdecision_date\tLO1\tLO2\tLO3\nS1\tA\tB\t760227487797\t1.1.2026\t2.2.2026\t3.3.2026\t1\t2\t\"3",
	} {
		f.Add([]byte(s), uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, flags uint8) {
		opt := options([]string{"en", "kk", "ru"}[flags%3])
		opt.RequireDecisionDate = flags&4 != 0
		opt.MaxRows = 25
		opt.MaxBytes = 16 << 10
		res, err := sheet.Read(context.Background(), bytes.NewReader(data), "", "", opt)
		if err != nil {
			var e *sheet.Error
			if !errors.As(err, &e) {
				t.Fatalf("error is not a *sheet.Error: %v", err)
			}
			if !fileCodes[e.Code] || e.Message == "" || !utf8.ValidString(e.Message) {
				t.Fatalf("bad error %q: %q", e.Code, e.Message)
			}
			if res != nil {
				t.Fatalf("result with error")
			}
			if int64(len(data)) > opt.MaxBytes && e.Code != sheet.CodeTooLarge {
				t.Fatalf("%d bytes over the limit gave %s", len(data), e.Code)
			}
			return
		}
		if int64(len(data)) > opt.MaxBytes {
			t.Fatalf("%d bytes accepted with MaxBytes %d", len(data), opt.MaxBytes)
		}
		if err := checkResult(res, opt); err != nil {
			t.Fatal(err)
		}
	})
}

// checkResult verifies the invariants every Result keeps.
func checkResult(res *sheet.Result, opt sheet.Options) error {
	if res.Total < 1 || res.Total > opt.MaxRows || len(res.Rows) > res.Total {
		return fmt.Errorf("total %d, rows %d, max %d", res.Total, len(res.Rows), opt.MaxRows)
	}
	bad := map[int]bool{}
	prev := 0
	for _, p := range res.Problems {
		if p.Row < 1 || p.Row < prev {
			return fmt.Errorf("problem row %d after %d", p.Row, prev)
		}
		prev = p.Row
		if !codes[p.Code] || p.Message == "" || !utf8.ValidString(p.Message) || strings.Contains(p.Message, "%!") {
			return fmt.Errorf("bad problem %+v", p)
		}
		bad[p.Row] = true
	}
	prev = 1
	for _, r := range res.Rows {
		if r.Number < 2 || r.Number <= prev {
			return fmt.Errorf("row number %d after %d", r.Number, prev)
		}
		prev = r.Number
		if bad[r.Number] {
			return fmt.Errorf("row %d has a problem but is in Rows", r.Number)
		}
		if r.StudentID == "" || r.FamilyName == "" || r.GivenName == "" || r.DateFrom.After(r.DateTo) || r.DateFrom.IsZero() {
			return fmt.Errorf("invalid row accepted: %+v", r)
		}
		if opt.RequireDecisionDate && r.DecisionDate.IsZero() {
			return fmt.Errorf("row %d without decision date", r.Number)
		}
		if r.IIN != "" && len(r.IIN) != 12 {
			return fmt.Errorf("row %d IIN %q", r.Number, r.IIN)
		}
		switch r.Language {
		case "", "kk", "ru", "en":
		default:
			return fmt.Errorf("row %d language %q", r.Number, r.Language)
		}
		for _, s := range []string{r.StudentID, r.FamilyName, r.GivenName, r.Patronymic, r.Email} {
			if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
				return fmt.Errorf("row %d value %q", r.Number, s)
			}
		}
		if len(r.Grades) != len(opt.Competencies) {
			return fmt.Errorf("row %d grades %v", r.Number, r.Grades)
		}
		for _, c := range opt.Competencies {
			g, ok := r.Grades[c]
			if !ok || g.Percent < 0 || g.Percent > 100 || !opt.Scale.Passing(g.Letter) {
				return fmt.Errorf("row %d grade %s = %+v", r.Number, c, g)
			}
		}
	}
	return nil
}

// cohort10k generates a CSV of n rows shaped like the sample cohort.
func cohortCSV(tb testing.TB, n int) []byte {
	tb.Helper()
	data, err := os.ReadFile("testdata/cohort-kk-excel.csv")
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\r\n"), "\r\n")
	var b bytes.Buffer
	b.WriteString(lines[0] + "\r\n")
	rows := lines[1:]
	for i := 0; i < n; i++ {
		row := rows[i%len(rows)]
		_, rest, _ := strings.Cut(row, ";")
		fmt.Fprintf(&b, "S%08d;%s\r\n", i, rest)
	}
	return b.Bytes()
}

func TestGeneratedCohort(t *testing.T) {
	data := cohortCSV(t, 1000)
	res, err := sheet.Read(context.Background(), bytes.NewReader(data), "", "", options("kk"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1000 || len(res.Problems) != 0 {
		t.Fatalf("rows %d, problems %d", len(res.Rows), len(res.Problems))
	}
	if err := checkResult(res, sheet.Options{MaxRows: sheet.DefaultMaxRows, Competencies: []string{"LO1", "LO2", "LO3"},
		RequireDecisionDate: true, Scale: testScale{}}); err != nil {
		t.Fatal(err)
	}
}

// cohortXLSX generates a workbook of n rows shaped like the sample cohort,
// with the study dates as date cells.
func cohortXLSX(tb testing.TB, n int) []byte {
	tb.Helper()
	lines := strings.Split(strings.TrimRight(string(cohortCSV(tb, n)), "\r\n"), "\r\n")
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	dateStyle, err := x.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		tb.Fatal(err)
	}
	for i, line := range lines {
		cells := strings.Split(line, ";")
		row := make([]any, len(cells))
		for j, c := range cells {
			row[j] = c
			if i > 0 && (j == 6 || j == 7) {
				t, err := time.Parse("02.01.2006", c)
				if err != nil {
					tb.Fatal(err)
				}
				row[j] = excelize.Cell{StyleID: dateStyle, Value: t}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkReadXLSX10k(b *testing.B) {
	const n = 10000
	data := cohortXLSX(b, n)
	opt := options("kk")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := sheet.Read(context.Background(), bytes.NewReader(data), "cohort.xlsx", "", opt)
		if err != nil || len(res.Rows) != n {
			b.Fatalf("rows %v, err %v", res, err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkReadCSV10k(b *testing.B) {
	const n = 10000
	data := cohortCSV(b, n)
	opt := options("kk")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := sheet.Read(context.Background(), bytes.NewReader(data), "cohort.csv", "text/csv", opt)
		if err != nil || len(res.Rows) != n {
			b.Fatalf("rows %v, err %v", res, err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

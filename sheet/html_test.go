package sheet

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// TestHTMLWebExport reads a page shaped like a web system's export: a
// layout table before the data, a title row spanning every column, <th>
// headers, entities for Kazakh letters, a <br> inside a cell, a nested
// table and dates and IINs as text.
func TestHTMLWebExport(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><style>td {mso-number-format:"\@"}</style></head><body>
<table><tr><td><img src="logo.png"></td><td>Университет</td></tr></table>
<table border="1">
<thead><tr><th colspan="10">Микробіліктілік: Python</th></tr>
<tr><th>student_id</th><th>family_name</th><th>given_name</th><th>iin</th><th>date_from</th><th>date_to</th><th>decision_date</th><th>LO1</th><th>LO2</th><th>LO3</th></tr></thead>
<tbody>
<tr><td>S1</td><td>&#1178;айратұлы</td><td>  Ерлан
   </td><td>050421595512</td><td>02.02.2026</td><td>24.04.2026</td><td>06.05.2026</td><td>86</td><td>71</td><td>88</td></tr>
<tr><td>S2</td><td>Оспанова<br>Маратовна</td><td>Әсел<table><tr><td>nested</td></tr></table></td><td>931107461016</td><td>02.02.2026</td><td>24.04.2026</td><td>06.05.2026</td><td>A</td><td>B+</td><td>90</td></tr>
</tbody></table></body></html>`
	src, err := openHTML([]byte(page), newBudget(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(src.rows) != 4 {
		t.Fatalf("%d rows, want 4 (the data table, not the layout one)", len(src.rows))
	}
	if got := strings.Join(src.rows[0].cells, "|"); got != "Микробіліктілік: Python|||||||||" {
		t.Errorf("title row %q", got)
	}
	if got := strings.Join(src.rows[2].cells[:4], "|"); got != "S1|Қайратұлы|Ерлан|050421595512" {
		t.Errorf("row 3 %q", got)
	}
	if got := src.rows[3].cells[1:3]; got[0] != "Оспанова\nМаратовна" || got[1] != "Әсел" {
		t.Errorf("row 4 %q", got)
	}

	opt := Options{Lang: "en", Competencies: []string{"LO1", "LO2", "LO3"}, Scale: percentScale{}}
	res, err := Read(context.Background(), strings.NewReader(page), "export.xls", "application/vnd.ms-excel", opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "html" || len(res.Rows) != 1 || res.Rows[0].Number != 3 || res.Rows[0].IIN != "050421595512" || res.Rows[0].FamilyName != "Қайратұлы" {
		t.Errorf("format %q rows %+v problems %+v", res.Format, res.Rows, res.Problems)
	}
	// Row 4's letter grades are not percents on this test scale: the row is
	// reported, with its number as the page shows it.
	if len(res.Problems) == 0 || res.Problems[0].Row != 4 {
		t.Errorf("problems %+v, want row 4 reported", res.Problems)
	}
}

func TestHTMLWithoutTable(t *testing.T) {
	opt := Options{Lang: "en", Competencies: []string{"LO1"}, Scale: percentScale{}}
	for _, page := range []string{
		"<html><body><p>Session expired, please log in again</p></body></html>",
		"<html><body><table></table></body></html>",
	} {
		_, err := Read(context.Background(), bytes.NewReader([]byte(page)), "export.xls", "", opt)
		var se *Error
		if !errors.As(err, &se) || (se.Code != CodeUnsupportedFormat && se.Code != CodeUnreadable) {
			t.Errorf("%.40q: %v", page, err)
		}
	}
}

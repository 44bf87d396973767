package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	for f, want := range map[float64]string{
		50421595512:  "50421595512", // an IIN that lost its leading zero
		760227487797: "760227487797",
		22633920:     "22633920",
		0.1 + 0.2:    "0.3",
		86.5:         "86.5",
		-3:           "-3",
		1e15:         "1000000000000000",
	} {
		if got := formatNumber(f); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", f, got, want)
		}
	}
}

// odsFile builds an OpenDocument spreadsheet whose content.xml holds body
// inside office:spreadsheet.
func odsFile(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(odsMimetype))
	w, err = zw.Create("content.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:spreadsheet>` + body + `</office:spreadsheet></office:body></office:document-content>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestODSCells(t *testing.T) {
	data := odsFile(t, `<table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="string"><text:p>ignore me</text:p></table:table-cell></table:table-row></table:table>
<table:table table:name="Когорта">
 <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
 <table:table-row>
  <table:table-cell office:value-type="string"><text:p>a<text:s text:c="2"/>b</text:p><text:p>c<text:tab/>d<text:line-break/>e</text:p></table:table-cell>
  <table:table-cell table:number-columns-repeated="2"/>
  <table:table-cell office:value-type="date" office:date-value="2026-02-02T00:00:00"><text:p>02.02.26</text:p></table:table-cell>
  <table:covered-table-cell/>
  <table:table-cell office:value-type="percentage" office:value="0.86"><text:p>86,00 %</text:p></table:table-cell>
  <table:table-cell office:value-type="float" office:value="50421595512"><text:p>050421595512</text:p></table:table-cell>
  <table:table-cell office:value-type="float" office:value="0.30000000000000004"><text:p>0,3</text:p></table:table-cell>
  <table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p><text:span>x</text:span>y</text:p></table:table-cell>
  <table:table-cell table:number-columns-repeated="16000"/>
 </table:table-row>
 <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table>`)
	if !isODS(data) {
		t.Fatal("isODS = false")
	}
	for _, sheet := range []string{"когорта", " Когорта "} {
		src, err := openODS(data, sheet, 1<<20, newBudget(0))
		if err != nil {
			t.Fatal(err)
		}
		var rows []record
		for {
			rec, err := src.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, rec)
		}
		src.close()
		if src.sheet != "Когорта" || len(rows) != 1 {
			t.Fatalf("sheet %q, %d rows", src.sheet, len(rows))
		}
		rec := rows[0]
		want := []string{"a  b\nc\td\ne", "", "", "2026-02-02", "", "86%", "050421595512", "0.3", "xy", "xy"}
		if rec.row != 3 || strings.Join(rec.cells, "|") != strings.Join(want, "|") {
			t.Errorf("row %d cells %q,\nwant row 3 %q", rec.row, rec.cells, want)
		}
	}
	if _, err := openODS(data, "Missing", 1<<20, newBudget(0)); !errors.As(err, new(*errSheetNotFound)) {
		t.Errorf("missing sheet: %v", err)
	} else if nf := err.(*errSheetNotFound); strings.Join(nf.sheets, ",") != "Notes,Когорта" {
		t.Errorf("sheets listed: %q", nf.sheets)
	}
	var le *errLimit
	if _, err := openODS(data, "", 100, newBudget(0)); !errors.As(err, &le) || le.code != CodeTooLarge {
		t.Errorf("size limit: %v", err)
	}
}

// TestODSRead goes through Read: a one-row cohort, an IIN stored as a
// number (its leading zero lost) restored to 12 digits, and clear errors
// for a broken file.
func TestODSRead(t *testing.T) {
	row := func(cells ...string) string {
		var b strings.Builder
		b.WriteString("<table:table-row>")
		for _, c := range cells {
			b.WriteString(c)
		}
		b.WriteString("</table:table-row>")
		return b.String()
	}
	str := func(s string) string {
		return `<table:table-cell office:value-type="string"><text:p>` + s + `</text:p></table:table-cell>`
	}
	date := func(s string) string {
		return `<table:table-cell office:value-type="date" office:date-value="` + s + `"><text:p>x</text:p></table:table-cell>`
	}
	num := func(s string) string {
		return `<table:table-cell office:value-type="float" office:value="` + s + `"><text:p>` + s + `</text:p></table:table-cell>`
	}
	data := odsFile(t, `<table:table table:name="Sheet1">`+
		row(str("student_id"), str("family_name"), str("given_name"), str("iin"), str("date_from"), str("date_to"), str("decision_date"), str("LO1"), str("LO2"), str("LO3"))+
		row(str("S1"), str("Нұрланов"), str("Ғалым"), num("50421595512"), date("2026-02-02"), date("2026-04-24"), date("2026-05-06"), num("86"), num("71"), num("88"))+
		`</table:table>`)
	opt := Options{Lang: "en", Competencies: []string{"LO1", "LO2", "LO3"}, Scale: percentScale{}}
	res, err := Read(context.Background(), bytes.NewReader(data), "cohort.ods", "", opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "ods" || res.Sheet != "Sheet1" || len(res.Rows) != 1 || len(res.Problems) != 0 {
		t.Fatalf("format %q sheet %q rows %d problems %v", res.Format, res.Sheet, len(res.Rows), res.Problems)
	}
	if r := res.Rows[0]; r.IIN != "050421595512" || r.Grades["LO1"].Percent != 86 || r.DateFrom.Format("2006-01-02") != "2026-02-02" {
		t.Errorf("row %+v", r)
	}

	broken := bytes.ReplaceAll(data, []byte("content.xml"), []byte("content.xmm"))
	_, err = Read(context.Background(), bytes.NewReader(broken), "cohort.ods", "", opt)
	var se *Error
	if !errors.As(err, &se) || se.Code != CodeUnreadable || !strings.Contains(se.Message, ".ods") {
		t.Errorf("no content.xml: %v", err)
	}
	_, err = Read(context.Background(), bytes.NewReader(data), "cohort.ods", "", Options{Lang: "en", Sheet: "Nope", Competencies: opt.Competencies, Scale: opt.Scale})
	if !errors.As(err, &se) || se.Code != CodeSheetNotFound || !strings.Contains(se.Message, "Sheet1") {
		t.Errorf("missing sheet: %v", err)
	}
}

// percentScale accepts percents only (the real scale lives with programs).
type percentScale struct{}

func (percentScale) Parse(raw string) (float64, string, error) {
	p, err := strconv.ParseFloat(strings.TrimSuffix(raw, "%"), 64)
	if err != nil {
		return 0, "", err
	}
	return p, "B", nil
}

func (percentScale) Passing(letter string) bool { return letter != "F" }

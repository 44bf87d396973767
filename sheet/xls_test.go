package sheet

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// TestXLSSharedStrings reads testdata/sst-continue.xls, which LibreOffice
// Calc 7.4 wrote from sst-continue.csv (soffice --headless
// --infilter="CSV:44,34,76,1" --convert-to xls sst-continue.csv): 200 rows
// of Kazakh, Latin-1 and ASCII text whose shared string table spans many
// CONTINUE records, and two 9,000-character cells that cross record
// boundaries mid-string. Every cell must equal the CSV's.
func TestXLSSharedStrings(t *testing.T) {
	data, err := os.ReadFile("testdata/sst-continue.xls")
	if err != nil {
		t.Fatal(err)
	}
	src, err := openXLS(data, "", 1<<24, newBudget(0))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/sst-continue.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(src.rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(src.rows), len(want))
	}
	for i, w := range want {
		if got := src.rows[i]; got.row != i+1 || strings.Join(got.cells, "\x00") != strings.Join(w, "\x00") {
			t.Errorf("row %d: got %.100q, want %.100q", i+1, got.cells, w)
		}
	}
}

func TestRK(t *testing.T) {
	for _, tt := range []struct {
		v    uint32
		want float64
	}{
		{86<<2 | 2, 86},        // integer
		{8650<<2 | 3, 86.5},    // integer / 100
		{0xFFFFFFF4 | 2, -3},   // -3 << 2, two's complement
		{0x3FF00000, 1},        // the high bits of the double 1.0
		{0x3FF00000 | 1, 0.01}, // … divided by 100
	} {
		if got := rk(tt.v); got != tt.want {
			t.Errorf("rk(%#x) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func TestNumberFormats(t *testing.T) {
	book := &xlsBook{formats: map[uint16]string{164: `dd\.mm\.yyyy`, 165: "000000000000", 166: `0.0"%"`, 167: `[Red]0.00`, 168: `"day "0`},
		xfFormat: []uint16{0, 14, 9, 164, 165, 166, 167, 168}}
	for _, tt := range []struct {
		f    float64
		xf   uint16
		want string
	}{
		{86, 0, "86"},
		{46055, 1, "2026-02-02"},         // built-in date format 14
		{0.86, 2, "86%"},                 // built-in percent
		{46055, 3, "2026-02-02"},         // custom date
		{50421595512, 4, "050421595512"}, // IIN with a zero-padded format
		{86, 5, "86"},                    // a quoted % is text, not a percent format
		{1234567, 6, "1234567"},          // [Red] is not a date
		{5, 7, "5"},                      // "day " is quoted
		{2026, 1, "2026"},                // a year alone is not a date serial
	} {
		if got := book.number(tt.f, tt.xf).text; got != tt.want {
			t.Errorf("number(%v, xf %d) = %q, want %q", tt.f, tt.xf, got, tt.want)
		}
	}
}

// TestXLSRefusals: a truncated workbook, an encrypted one and a sheet that
// is not there each get their own clear error through Read.
func TestXLSRefusals(t *testing.T) {
	data, err := os.ReadFile("testdata/cohort.xls")
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Lang: "en", Competencies: []string{"LO1", "LO2", "LO3"}, Scale: percentScale{}}
	read := func(d []byte, o Options) *Error {
		_, err := Read(context.Background(), bytes.NewReader(d), "cohort.xls", "", o)
		var se *Error
		if !errors.As(err, &se) {
			t.Fatalf("Read: %v, want a *sheet.Error", err)
		}
		return se
	}
	if e := read(data[:len(data)/2], opt); e.Code != CodeUnreadable && e.Code != CodeUnsupportedFormat {
		t.Errorf("truncated: %s %s", e.Code, e.Message)
	}
	o := opt
	o.Sheet = "Nope"
	if e := read(data, o); e.Code != CodeSheetNotFound || !strings.Contains(e.Message, "Когорта, Notes") {
		t.Errorf("missing sheet: %s %s", e.Code, e.Message)
	}
	// Give the workbook globals a FILEPASS record by retyping the first
	// record after BOF, as an encrypted workbook has.
	enc := bytes.Clone(data)
	if i := bytes.Index(enc, []byte{0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00}); i < 0 {
		t.Fatal("no BIFF8 globals BOF in the fixture")
	} else {
		binary.LittleEndian.PutUint16(enc[i+4+16:], recFilePass)
	}
	if e := read(enc, opt); e.Code != CodeUnsupportedFormat || !strings.Contains(e.Message, "password") {
		t.Errorf("encrypted: %s %s", e.Code, e.Message)
	}
}

// TestXLSMutations reads 400 damaged copies of the sample workbook (a few
// random bytes changed each; the seed is fixed): each must give rows or a
// *sheet.Error, never a panic, a hang or an allocation the size of the
// damage (mscfb before v1.0.9 allocated what a damaged header claimed).
func TestXLSMutations(t *testing.T) {
	base, err := os.ReadFile("testdata/cohort.xls")
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Lang: "en", Competencies: []string{"LO1", "LO2", "LO3"}, Scale: percentScale{}, MaxRows: 25, MaxBytes: 16 << 10}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 400 {
		d := bytes.Clone(base)
		for range 1 + rng.IntN(8) {
			d[rng.IntN(len(d))] = byte(rng.IntN(256))
		}
		_, err := Read(context.Background(), bytes.NewReader(d), "", "", opt)
		var se *Error
		if err != nil && !errors.As(err, &se) {
			t.Fatalf("mutation %d: %v is not a *sheet.Error", i, err)
		}
	}
}

// TestXLSFormulas reads testdata/formulas.xls (a workbook made with
// excelize, recalculated and saved as .xls by LibreOffice Calc 7.4): the
// cached results of a string, a number and a boolean formula, a fractional
// number and a boolean cell.
func TestXLSFormulas(t *testing.T) {
	data, err := os.ReadFile("testdata/formulas.xls")
	if err != nil {
		t.Fatal(err)
	}
	src, err := openXLS(data, "", 1<<20, newBudget(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(src.rows) != 2 {
		t.Fatalf("%d rows", len(src.rows))
	}
	want := []string{"Әсел Қайратқызы", "90", "TRUE", "1234567.25", "TRUE"}
	if got := src.rows[1].cells; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row 2 = %q, want %q", got, want)
	}
}

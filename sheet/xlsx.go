package sheet

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Excel serial numbers read as dates: 18264 is 1950-01-01, 73051 is
// 2100-01-01 (1900 date system). Smaller numbers in a date column (a year
// typed alone, "2026") are not dates and stay as they are, to be rejected.
const (
	minSerial = 18264
	maxSerial = 73051
)

// typeLookupLimit is the largest workbook (all its parts unpacked) for
// which the reader asks excelize for a cell's type, which loads the whole
// worksheet into memory; it is only needed to restore an IIN stored as a
// number.
const typeLookupLimit = 4 << 20

// xlsxSource yields the rows of one worksheet as raw values (dates as
// serial numbers, numbers unformatted). When a cell needs to be seen as
// Excel shows it (a percent or zero-padded format), a second iterator walks
// the sheet forward to that row; most files never need it.
type xlsxSource struct {
	f        *excelize.File
	rows     *excelize.Rows // raw values
	sheet    string
	row      int
	date1904 bool
	lookups  bool // cell type lookups allowed (small workbook)

	shown      *excelize.Rows // formatted values, opened on first use
	shownAt    int            // row the shown iterator is on
	shownCells []string       // formatted cells of row shownAt, once read
	shownRead  bool
}

// errSheetNotFound carries the sheet names for the message.
type errSheetNotFound struct{ sheets []string }

func (e *errSheetNotFound) Error() string { return "sheet not found" }

// openXLSX opens a workbook held in data and positions on the sheet.
// unzipLimit bounds the uncompressed size of the workbook's parts.
func openXLSX(data []byte, sheet string, unzipLimit int64, b *budget) (src *xlsxSource, err error) {
	defer recoverExcelize(&err)
	unzipped, err := unzippedSize(data)
	if err != nil {
		return nil, fmt.Errorf("opening workbook: %w", err)
	}
	if unzipped > unzipLimit {
		return nil, unzipError(unzipLimit)
	}
	xmlLimit := min(unzipLimit, 16<<20)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    unzipLimit,
		UnzipXMLSizeLimit: xmlLimit,
	})
	if err != nil {
		return nil, fmt.Errorf("opening workbook: %w", err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()
		}
	}()
	sheets := f.GetSheetList()
	name := ""
	switch {
	case sheet == "" && len(sheets) > 0:
		name = sheets[0]
	case sheet != "":
		for _, s := range sheets {
			if s == sheet {
				name = s
				break
			}
		}
		if name == "" {
			for _, s := range sheets {
				if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(sheet)) {
					name = s
					break
				}
			}
		}
	}
	if name == "" {
		if sheet == "" {
			return nil, fmt.Errorf("workbook has no sheets")
		}
		return nil, &errSheetNotFound{sheets}
	}
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, fmt.Errorf("reading workbook properties: %w", err)
	}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, fmt.Errorf("reading sheet %q: %w", name, err)
	}
	return &xlsxSource{f: f, rows: rows, sheet: name,
		date1904: props.Date1904 != nil && *props.Date1904, lookups: unzipped <= typeLookupLimit}, nil
}

// recoverExcelize turns a panic inside excelize (malformed workbooks have
// triggered some) into an error, so an upload cannot crash the server.
func recoverExcelize(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("workbook: %v", r)
	}
}

// next returns the next row; rows missing from the sheet come back empty,
// so row numbers stay those Excel shows.
func (s *xlsxSource) next() (rec record, err error) {
	defer recoverExcelize(&err)
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return record{}, fmt.Errorf("reading sheet: %w", err)
		}
		return record{}, io.EOF
	}
	s.row++
	if err := rowLimit(s.row); err != nil {
		return record{}, err
	}
	cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return record{}, fmt.Errorf("reading row %d: %w", s.row, err)
	}
	return record{row: s.row, cells: cells}, nil
}

// shownCell returns a cell as Excel shows it. Rows must be asked for in
// increasing order (adjust runs on rows in file order).
func (s *xlsxSource) shownCell(row, col int) string {
	if s.shown == nil {
		r, err := s.f.Rows(s.sheet)
		if err != nil {
			return ""
		}
		s.shown = r
	}
	for s.shownAt < row {
		if !s.shown.Next() {
			return ""
		}
		s.shownAt++
		s.shownCells, s.shownRead = nil, false
	}
	if s.shownAt != row {
		return ""
	}
	if !s.shownRead {
		s.shownCells, _ = s.shown.Columns()
		s.shownRead = true
	}
	if col < len(s.shownCells) {
		return cleanCell(s.shownCells[col])
	}
	return ""
}

// close releases the workbook and its temporary files.
func (s *xlsxSource) close() error {
	err := s.rows.Close()
	if s.shown != nil {
		if cerr := s.shown.Close(); err == nil {
			err = cerr
		}
	}
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// adjust turns raw cell values into the text the validation expects:
// serial dates into YYYY-MM-DD, numbers into plain decimals (no exponent,
// no float noise), a percent-formatted grade 0.86 into "86%", and an IIN
// stored as a number that lost its leading zeros back into 12 digits.
// excelize may panic on a workbook it half understands: that is an error
// for the whole file (unreadable), not a silently unadjusted row.
func (s *xlsxSource) adjust(rec *record, l *columnMap) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("xlsx row %d: reading cell formats: %v", rec.row, v)
		}
	}()
	for i, c := range l.cols {
		if i >= len(rec.cells) {
			break
		}
		v := cleanCell(rec.cells[i])
		if v == "" {
			continue
		}
		switch c.field {
		case fDateFrom, fDateTo, fDecisionDate:
			if f, ok := plainNumber(v); ok {
				if d, ok := serialDate(f, s.date1904); ok {
					rec.cells[i] = d
				}
			}
		case fGrade:
			f, ok := plainNumber(v)
			if !ok {
				continue
			}
			rec.cells[i] = formatNumber(f)
			if f > 0 && f <= 1 && strings.HasSuffix(s.shownCell(rec.row, i), "%") {
				rec.cells[i] = percentText(f)
			}
		case fHours, fCredits:
			if f, ok := plainNumber(v); ok {
				rec.cells[i] = formatNumber(f)
			}
		case fStudentID:
			// Only a number written with an exponent or a fraction; a text
			// ID keeps its leading zeros.
			if v[0] != '0' && strings.ContainsAny(v, "eE.") {
				if f, ok := plainNumber(v); ok && f == math.Trunc(f) {
					rec.cells[i] = formatNumber(f)
				}
			}
		case fIIN:
			if v[0] == '0' || (len(v) == 12 && strings.Trim(v, "0123456789") == "") {
				continue // text (a number never starts with 0), or already 12 digits
			}
			f, ok := plainNumber(v)
			if !ok || f < 0 || f >= 1e12 || f != math.Trunc(f) {
				continue
			}
			rec.cells[i] = s.iinDigits(f, rec.row, i)
		}
	}
	return nil
}

// iinDigits restores the 12 digits of an IIN stored as the number f: from
// a "000000000000" number format, or, in a small workbook, by padding a
// cell that is really a number. Otherwise it returns the number as is (and
// validation reports the lost zero).
func (s *xlsxSource) iinDigits(f float64, row, col int) string {
	digits := strconv.FormatInt(int64(f), 10)
	if len(digits) == 12 {
		return digits
	}
	if sh := s.shownCell(row, col); len(sh) == 12 && strings.TrimLeft(sh, "0") == digits {
		return sh
	}
	if !s.lookups {
		return digits
	}
	t, err := s.f.GetCellType(s.sheet, cellName(col, row))
	if err != nil || t != excelize.CellTypeNumber && t != excelize.CellTypeUnset {
		return digits
	}
	return strings.Repeat("0", 12-len(digits)) + digits
}

// plainNumber parses a raw numeric cell ("86", "86.5", "7.60227487797E+11").
func plainNumber(v string) (float64, bool) {
	if v == "" || (v[0] != '-' && (v[0] < '0' || v[0] > '9')) {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// serialDate turns a spreadsheet date serial (days since 1899-12-30, or
// since 1904-01-01 in the 1904 system) into YYYY-MM-DD. Numbers outside
// minSerial..maxSerial are not taken for dates.
func serialDate(f float64, date1904 bool) (string, bool) {
	if f < minSerial || f >= maxSerial {
		return "", false
	}
	t, err := excelize.ExcelDateToTime(f, date1904)
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// formatNumber prints a number as Excel shows it in General format: no
// exponent and no binary noise (84.99999999999999 → 85).
func formatNumber(f float64) string {
	// Round away float noise (0.1+0.2) in the 9th decimal, where that is
	// exact: above 1e6, f*1e9 passes 2^53 and rounding would add noise.
	if math.Abs(f) < 1e6 {
		f = math.Round(f*1e9) / 1e9
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// cellName is the A1 name of a zero-based column in a row.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row)
	return name
}

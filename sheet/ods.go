package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// OpenDocument spreadsheets (.ods, LibreOffice Calc's own format) are read
// from content.xml with encoding/xml: no library is needed for the part of
// the format a cohort list uses (one table of typed cells).

const odsMimetype = "application/vnd.oasis.opendocument.spreadsheet"

// ODS limits: a sheet may declare a million repeated rows or a thousand
// repeated columns (LibreOffice writes the empty rest of the sheet that
// way); only what holds a value is kept, within these bounds.
const (
	odsMaxRows = 1 << 20
	odsMaxCols = 1 << 14
)

const (
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
)

// isODS reports whether the ZIP archive in data is an OpenDocument
// spreadsheet (its first entry, "mimetype", says so).
func isODS(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name != "mimetype" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, 128))
		return err == nil && strings.TrimSpace(string(b)) == odsMimetype
	}
	return false
}

// typedCell is a cell of a typed format (ODS, XLS, HTML) turned into
// text, and whether it was a number.
type typedCell struct {
	text  string
	float bool // value-type float: text is the plain number
}

// percentText shows a fraction as the percent a grade cell means: 0.86 is "86%".
func percentText(f float64) string { return formatNumber(f*100) + "%" }

// numberCell turns a numeric cell into text: as shown when the sheet shows
// it with leading zeros (an IIN formatted 000000000000), else plain.
func numberCell(f float64, shown string) typedCell {
	if s := strings.TrimSpace(shown); s != "" && strings.Trim(s, "0123456789") == "" && strings.TrimLeft(s, "0") == formatNumber(f) {
		return typedCell{text: s, float: true}
	}
	return typedCell{text: formatNumber(f), float: true}
}

// typedSource yields the rows of one table of a typed format, read whole.
type typedSource struct {
	sheet string
	rows  []record
	types [][]bool // per row, which cells were numbers
	pos   int      // index of the next record
	cur   int      // index of the record last returned
}

// openODS reads the named table (the first when sheet is "") of the
// spreadsheet in data. unzipLimit bounds content.xml's uncompressed size.
func openODS(data []byte, sheet string, unzipLimit int64) (*typedSource, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("opening spreadsheet: %w", err)
	}
	var content *zip.File
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			content = f
		}
	}
	if content == nil {
		return nil, errors.New("opening spreadsheet: no content.xml")
	}
	rc, err := content.Open()
	if err != nil {
		return nil, fmt.Errorf("opening content.xml: %w", err)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: unzipLimit + 1}
	src, names, err := parseODS(xml.NewDecoder(lr), sheet)
	if lr.N <= 0 {
		return nil, fmt.Errorf("content.xml is larger than %d bytes uncompressed", unzipLimit)
	}
	if err != nil {
		return nil, fmt.Errorf("reading content.xml: %w", err)
	}
	if src == nil {
		if sheet == "" {
			return nil, errors.New("the spreadsheet has no table")
		}
		return nil, &errSheetNotFound{names}
	}
	return src, nil
}

// parseODS walks content.xml and keeps the rows of the wanted table. It
// returns the names of all tables for the sheet-not-found message.
func parseODS(d *xml.Decoder, want string) (*typedSource, []string, error) {
	var (
		names  []string
		src    *typedSource
		inWant bool
		row    int // row number of the row being read (1-based)
		cells  []typedCell
		pend   int // empty cells seen since the last non-empty one
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return src, names, nil
		}
		if err != nil {
			return nil, nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if ee, ok := tok.(xml.EndElement); ok && ee.Name.Space == nsTable && ee.Name.Local == "table" && inWant {
				return src, names, nil // the wanted table is complete
			}
			continue
		}
		switch {
		case se.Name.Space == nsTable && se.Name.Local == "table":
			name := attr(se, nsTable, "name")
			names = append(names, name)
			if src == nil && (want == "" || strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(want))) {
				src, inWant, row = &typedSource{sheet: name}, true, 0
			}
		case !inWant:
			continue
		case se.Name.Space == nsTable && se.Name.Local == "table-row":
			rep := repeat(se, "number-rows-repeated", odsMaxRows)
			cells, pend = cells[:0], 0
			if err := readRow(d, &cells, &pend); err != nil {
				return nil, nil, err
			}
			if len(cells) == 0 {
				row += rep // empty rows only move the row number on
				continue
			}
			for range rep {
				row++
				if row > odsMaxRows {
					return nil, nil, fmt.Errorf("more than %d rows", odsMaxRows)
				}
				rec := record{row: row, cells: make([]string, len(cells))}
				types := make([]bool, len(cells))
				for i, c := range cells {
					rec.cells[i], types[i] = c.text, c.float
				}
				src.rows = append(src.rows, rec)
				src.types = append(src.types, types)
			}
		}
	}
}

// readRow reads the cells of a table:table-row up to its end. Trailing
// empty cells are dropped; empty cells between values are kept.
func readRow(d *xml.Decoder, cells *[]typedCell, pend *int) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Space == nsTable && t.Name.Local == "table-row" {
				return nil
			}
		case xml.StartElement:
			if t.Name.Space != nsTable || (t.Name.Local != "table-cell" && t.Name.Local != "covered-table-cell") {
				continue
			}
			rep := repeat(t, "number-columns-repeated", odsMaxCols)
			c, err := readCell(d, t)
			if err != nil {
				return err
			}
			if c.text == "" {
				*pend += rep
				continue
			}
			if len(*cells)+*pend+rep > odsMaxCols {
				return fmt.Errorf("more than %d columns", odsMaxCols)
			}
			for range *pend {
				*cells = append(*cells, typedCell{})
			}
			*pend = 0
			for range rep {
				*cells = append(*cells, c)
			}
		}
	}
}

// readCell reads one cell: typed values from their attributes (dates as
// YYYY-MM-DD, percentages as "86%", numbers plain), text from its
// paragraphs (joined by line breaks; text:s, text:tab and text:line-break
// expanded).
func readCell(d *xml.Decoder, se xml.StartElement) (typedCell, error) {
	var text strings.Builder
	paras := 0
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return typedCell{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if t.Name.Space != nsText {
				continue
			}
			switch t.Name.Local {
			case "p", "h":
				if paras > 0 {
					text.WriteByte('\n')
				}
				paras++
			case "s":
				n := repeat(t, "c", 1000)
				text.WriteString(strings.Repeat(" ", n))
			case "tab":
				text.WriteByte('\t')
			case "line-break":
				text.WriteByte('\n')
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if paras > 0 {
				text.Write(t)
			}
		}
	}
	shown := text.String()
	value := attr(se, nsOffice, "value")
	switch attr(se, nsOffice, "value-type") {
	case "date":
		if v := attr(se, nsOffice, "date-value"); len(v) >= 10 {
			return typedCell{text: v[:10]}, nil
		}
	case "percentage":
		if f, err := strconv.ParseFloat(value, 64); err == nil {
			return typedCell{text: percentText(f)}, nil
		}
	case "float", "currency":
		f, err := strconv.ParseFloat(value, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			break
		}
		return numberCell(f, shown), nil
	}
	return typedCell{text: shown}, nil
}

func attr(se xml.StartElement, space, local string) string {
	for _, a := range se.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// repeat reads a repetition count attribute of the table namespace (text:c
// for "c"), 1 when absent or bad, at most limit.
func repeat(se xml.StartElement, local string, limit int) int {
	space := nsTable
	if local == "c" {
		space = nsText
	}
	n, err := strconv.Atoi(attr(se, space, local))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, limit)
}

func (s *typedSource) next() (record, error) {
	if s.pos >= len(s.rows) {
		return record{}, io.EOF
	}
	s.cur = s.pos
	s.pos++
	return s.rows[s.cur], nil
}

// adjust restores the 12 digits of an IIN typed as a number (which drops
// a leading zero); other cells were turned into text as they were read.
func (s *typedSource) adjust(rec *record, l *layout) {
	types := s.types[s.cur]
	for i, c := range l.cols {
		if c.field != fIIN || i >= len(rec.cells) || i >= len(types) || !types[i] {
			continue
		}
		if v := rec.cells[i]; len(v) < 12 && v != "" && strings.Trim(v, "0123456789") == "" {
			rec.cells[i] = strings.Repeat("0", 12-len(v)) + v
		}
	}
}

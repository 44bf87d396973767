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

// typedSource yields the rows of one table of a typed format (XLS, HTML),
// read whole.
type typedSource struct {
	sheet string
	rows  []record
	types [][]bool // per row, which cells were numbers
	pos   int      // index of the next record
	cur   int      // index of the record last returned
}

// odsSource streams the rows of one table of content.xml: a row repeated
// n times is yielded n times as it is asked for, and a row's cells are
// expanded up to the budget's width only.
type odsSource struct {
	sheet string
	d     *xml.Decoder
	rc    io.Closer
	lr    *io.LimitedReader
	limit int64
	b     *budget
	row   int         // row number of the last record yielded
	rep   int         // times cells is still to be yielded
	cells []typedCell // cells of the row being repeated
	types []bool      // which cells of the last record were numbers
	done  bool
}

// openODS opens the named table (the first when sheet is "") of the
// spreadsheet in data. unzipLimit bounds content.xml's uncompressed size.
func openODS(data []byte, sheet string, unzipLimit int64, b *budget) (src *odsSource, err error) {
	if n, err := unzippedSize(data); err == nil && n > unzipLimit {
		return nil, unzipError(unzipLimit)
	}
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
	defer func() {
		if src == nil {
			rc.Close()
		}
	}()
	lr := &io.LimitedReader{R: rc, N: unzipLimit + 1}
	s := &odsSource{d: xml.NewDecoder(lr), rc: rc, lr: lr, limit: unzipLimit, b: b}
	var names []string
	for {
		tok, err := s.token()
		if err == io.EOF {
			if sheet == "" {
				return nil, errors.New("the spreadsheet has no table")
			}
			return nil, &errSheetNotFound{names}
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Space == nsTable && se.Name.Local == "table" {
			name := attr(se, nsTable, "name")
			names = append(names, name)
			if sheet == "" || strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(sheet)) {
				s.sheet = name
				return s, nil
			}
		}
	}
}

// token reads the next token of content.xml, failing once it has read
// more than the limit.
func (s *odsSource) token() (xml.Token, error) {
	tok, err := s.d.Token()
	if s.lr.N <= 0 {
		return nil, unzipError(s.limit)
	}
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("reading content.xml: %w", err)
	}
	return tok, err
}

func (s *odsSource) sheetName() string { return s.sheet }
func (s *odsSource) close() error      { return s.rc.Close() }

// next yields the next non-empty row of the table, then io.EOF.
func (s *odsSource) next() (record, error) {
	for s.rep == 0 {
		if s.done {
			return record{}, io.EOF
		}
		tok, err := s.token()
		if err == io.EOF {
			s.done = true
			continue
		}
		if err != nil {
			return record{}, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Space == nsTable && t.Name.Local == "table" {
				s.done = true // the wanted table is complete
			}
		case xml.StartElement:
			if t.Name.Space != nsTable || t.Name.Local != "table-row" {
				continue
			}
			rep := repeat(t, "number-rows-repeated", maxSheetRows+1)
			s.cells = s.cells[:0]
			if err := s.readRow(); err != nil {
				return record{}, err
			}
			if len(s.cells) == 0 {
				s.row += rep // empty rows only move the row number on
				continue
			}
			s.rep = rep
		}
	}
	s.rep--
	s.row++
	if err := rowLimit(s.row); err != nil {
		return record{}, err
	}
	rec := record{row: s.row, cells: make([]string, len(s.cells))}
	s.types = make([]bool, len(s.cells))
	for i, c := range s.cells {
		rec.cells[i], s.types[i] = c.text, c.float
	}
	return rec, nil
}

// readRow reads the cells of a table:table-row up to its end, expanding
// repeated cells up to the budget's width. Trailing empty cells are
// dropped; empty cells between values are kept.
func (s *odsSource) readRow() error {
	pend := 0 // empty cells seen since the last non-empty one
	for {
		tok, err := s.token()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
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
			rep := repeat(t, "number-columns-repeated", maxSheetRows)
			c, err := readCell(s.d, t)
			if err != nil {
				return err
			}
			if s.lr.N <= 0 {
				return unzipError(s.limit)
			}
			if c.text == "" {
				pend = min(pend+rep, s.b.width)
				continue
			}
			for ; pend > 0 && len(s.cells) < s.b.width; pend-- {
				s.cells = append(s.cells, typedCell{})
			}
			pend = 0
			for k := 0; k < rep && len(s.cells) < s.b.width; k++ {
				s.cells = append(s.cells, c)
			}
		}
	}
}

// adjust restores the 12 digits of an IIN typed as a number.
func (s *odsSource) adjust(rec *record, l *columnMap) error {
	padIIN(rec, l, s.types)
	return nil
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
				text.WriteString(strings.Repeat(" ", min(n, max(maxCellText-text.Len(), 0))))
			case "tab":
				text.WriteByte('\t')
			case "line-break":
				text.WriteByte('\n')
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if paras > 0 && text.Len() < maxCellText {
				text.Write(t[:min(len(t), maxCellText-text.Len())])
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
func (s *typedSource) adjust(rec *record, l *columnMap) error {
	padIIN(rec, l, s.types[s.cur])
	return nil
}

// padIIN restores the 12 digits of an IIN cell that was a number.
func padIIN(rec *record, l *columnMap, types []bool) {
	for i, c := range l.cols {
		if c.field != fIIN || i >= len(rec.cells) || i >= len(types) || !types[i] {
			continue
		}
		if v := rec.cells[i]; len(v) < 12 && v != "" && strings.Trim(v, "0123456789") == "" {
			rec.cells[i] = strings.Repeat("0", 12-len(v)) + v
		}
	}
}

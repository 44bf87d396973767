package sheet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// Legacy Excel workbooks (.xls, BIFF8: Excel 97–2003, still what many
// student and accounting systems export) are read from the compound
// file's Workbook stream. Only what a cohort list needs is decoded: the
// sheet directory, shared strings, number formats (to tell dates and
// percents) and the value cells (strings, numbers, booleans and formula
// results). Older BIFF versions and encrypted workbooks are refused.

// errXLSEncrypted, errXLSVersion and errXLSNoWorkbook make the message
// name the cause.
var (
	errXLSEncrypted = errors.New("the workbook is password-protected")
	errXLSVersion   = errors.New("not a BIFF8 (Excel 97–2003) workbook")
	// An encrypted XLSX, or another kind of compound document, is an OLE
	// compound file without a Workbook stream.
	errXLSNoWorkbook = errors.New("a compound file without a Workbook stream (an encrypted XLSX?)")
)

// BIFF8 record types.
const (
	recBOF        = 0x0809
	recEOF        = 0x000A
	recBoundSheet = 0x0085
	recDateMode   = 0x0022
	recFilePass   = 0x002F
	recFormat     = 0x041E
	recXF         = 0x00E0
	recSST        = 0x00FC
	recContinue   = 0x003C
	recLabelSST   = 0x00FD
	recLabel      = 0x0204
	recNumber     = 0x0203
	recRK         = 0x027E
	recMulRK      = 0x00BD
	recFormula    = 0x0006
	recString     = 0x0207
	recBoolErr    = 0x0205
)

type biffRecord struct {
	typ  uint16
	data []byte
	cont [][]byte // CONTINUE records that follow
}

// xlsSource yields the non-empty rows of one worksheet.
type xlsSource struct {
	typedSource // rows, typed cells and adjust are the same as for ODS
}

// openXLS reads the named worksheet (the first when sheet is "") of the
// BIFF8 workbook in data. limit bounds the Workbook stream's size.
func openXLS(data []byte, sheet string, limit int64, b *budget) (src *xlsSource, err error) {
	defer func() {
		// mscfb trusts sector chains in damaged files; a panic is a
		// damaged file, not a crash.
		if p := recover(); p != nil {
			src, err = nil, fmt.Errorf("damaged compound file: %v", p)
		}
	}()
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errXLSNoWorkbook, err)
	}
	var stream []byte
	for f, err := doc.Next(); err == nil; f, err = doc.Next() {
		switch f.Name {
		case "Book":
			return nil, errXLSVersion
		case "Workbook":
			if f.Size > limit {
				return nil, fmt.Errorf("the Workbook stream is larger than %d bytes", limit)
			}
			if stream, err = io.ReadAll(io.LimitReader(f, limit)); err != nil {
				return nil, fmt.Errorf("reading the Workbook stream: %w", err)
			}
		}
	}
	if stream == nil {
		return nil, errXLSNoWorkbook
	}
	return parseBIFF(stream, sheet, b)
}

// records splits a BIFF stream from off into records, attaching CONTINUE
// records to the record they continue, up to the sheet's EOF.
func records(b []byte, off int) ([]biffRecord, error) {
	var out []biffRecord
	for off+4 <= len(b) {
		typ := binary.LittleEndian.Uint16(b[off:])
		n := int(binary.LittleEndian.Uint16(b[off+2:]))
		if off+4+n > len(b) {
			return nil, fmt.Errorf("record 0x%04X at %d runs past the end of the stream", typ, off)
		}
		data := b[off+4 : off+4+n]
		off += 4 + n
		if typ == recContinue && len(out) > 0 {
			last := &out[len(out)-1]
			last.cont = append(last.cont, data)
			continue
		}
		out = append(out, biffRecord{typ: typ, data: data})
		if typ == recEOF {
			return out, nil
		}
	}
	return out, nil
}

// xlsBook is what the workbook globals say about cells.
type xlsBook struct {
	date1904 bool
	formats  map[uint16]string // custom number formats by id
	xfFormat []uint16          // number format id by XF index
	sst      []string
}

func parseBIFF(b []byte, want string, bud *budget) (*xlsSource, error) {
	globals, err := records(b, 0)
	if err != nil {
		return nil, err
	}
	if len(globals) == 0 || globals[0].typ != recBOF || len(globals[0].data) < 4 ||
		binary.LittleEndian.Uint16(globals[0].data) != 0x0600 {
		return nil, errXLSVersion
	}
	book := &xlsBook{formats: map[uint16]string{}}
	type sheetRef struct {
		name string
		pos  int
	}
	var sheets []sheetRef
	for _, r := range globals {
		d := r.data
		switch r.typ {
		case recFilePass:
			return nil, errXLSEncrypted
		case recDateMode:
			book.date1904 = len(d) >= 2 && binary.LittleEndian.Uint16(d) == 1
		case recFormat:
			if len(d) >= 5 {
				s, err := xlString(d[2:], nil)
				if err == nil {
					book.formats[binary.LittleEndian.Uint16(d)] = s
				}
			}
		case recXF:
			if len(d) >= 4 {
				book.xfFormat = append(book.xfFormat, binary.LittleEndian.Uint16(d[2:]))
			}
		case recBoundSheet:
			if len(d) >= 8 && d[5] == 0 { // dt 0: a worksheet
				name, err := shortString(d[6:])
				if err != nil {
					return nil, fmt.Errorf("sheet name: %w", err)
				}
				sheets = append(sheets, sheetRef{name, int(binary.LittleEndian.Uint32(d))})
			}
		case recSST:
			if book.sst, err = readSST(r); err != nil {
				return nil, fmt.Errorf("shared strings: %w", err)
			}
		}
	}
	var names []string
	pos := -1
	name := ""
	for _, s := range sheets {
		names = append(names, s.name)
		if pos < 0 && (want == "" || strings.EqualFold(strings.TrimSpace(s.name), strings.TrimSpace(want))) {
			pos, name = s.pos, s.name
		}
	}
	if pos < 0 {
		if want == "" {
			return nil, errors.New("the workbook has no worksheet")
		}
		return nil, &errSheetNotFound{names}
	}
	if pos >= len(b) {
		return nil, fmt.Errorf("sheet %q starts past the end of the stream", name)
	}
	recs, err := records(b, pos)
	if err != nil {
		return nil, err
	}
	return book.sheet(name, recs, bud)
}

// xlsCell is a value cell of a worksheet.
type xlsCell struct {
	row, col int32
	typedCell
}

// sheet collects a worksheet's value cells into rows. Each value cell is
// counted against the budget as it is read; a row is only as wide as the
// budget's width, however far out its last cell is.
func (book *xlsBook) sheet(name string, recs []biffRecord, bud *budget) (*xlsSource, error) {
	var cells []xlsCell
	set := func(row, col int, c typedCell) error {
		if c.text == "" {
			return nil
		}
		if err := bud.take(row+1, 1); err != nil {
			return err
		}
		cells = append(cells, xlsCell{int32(row), int32(col), c})
		return nil
	}
	cell := func(d []byte) (row, col int, xf uint16) {
		return int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:])), binary.LittleEndian.Uint16(d[4:])
	}
	for i, r := range recs {
		d := r.data
		var err error
		switch r.typ {
		case recLabelSST:
			if len(d) < 10 {
				continue
			}
			row, col, _ := cell(d)
			if k := int(binary.LittleEndian.Uint32(d[6:])); k < len(book.sst) {
				err = set(row, col, typedCell{text: book.sst[k]})
			}
		case recLabel:
			if len(d) < 9 {
				continue
			}
			row, col, _ := cell(d)
			s, serr := xlString(d[6:], r.cont)
			if serr != nil {
				return nil, fmt.Errorf("label R%dC%d: %w", row+1, col+1, serr)
			}
			err = set(row, col, typedCell{text: s})
		case recNumber:
			if len(d) < 14 {
				continue
			}
			row, col, xf := cell(d)
			err = set(row, col, book.number(math.Float64frombits(binary.LittleEndian.Uint64(d[6:])), xf))
		case recRK:
			if len(d) < 10 {
				continue
			}
			row, col, xf := cell(d)
			err = set(row, col, book.number(rk(binary.LittleEndian.Uint32(d[6:])), xf))
		case recMulRK:
			if len(d) < 6 {
				continue
			}
			row, first := int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:]))
			for j, p := 0, 4; p+6 <= len(d)-2 && err == nil; j, p = j+1, p+6 {
				xf := binary.LittleEndian.Uint16(d[p:])
				err = set(row, first+j, book.number(rk(binary.LittleEndian.Uint32(d[p+2:])), xf))
			}
		case recFormula:
			if len(d) < 14 {
				continue
			}
			row, col, xf := cell(d)
			v := d[6:14]
			switch {
			case binary.LittleEndian.Uint16(v[6:]) != 0xFFFF: // a number
				err = set(row, col, book.number(math.Float64frombits(binary.LittleEndian.Uint64(v)), xf))
			case v[0] == 0: // a string, in the STRING record that follows
				if i+1 < len(recs) && recs[i+1].typ == recString {
					s, serr := xlString(recs[i+1].data, recs[i+1].cont)
					if serr == nil {
						err = set(row, col, typedCell{text: s})
					}
				}
			case v[0] == 1:
				err = set(row, col, typedCell{text: boolText(v[2] != 0)})
			}
		case recBoolErr:
			if len(d) >= 8 && d[7] == 0 {
				row, col, _ := cell(d)
				err = set(row, col, typedCell{text: boolText(d[6] != 0)})
			}
		}
		if err != nil {
			return nil, err
		}
	}
	// Cells in row order, a later record for the same cell last.
	sort.SliceStable(cells, func(i, j int) bool {
		if cells[i].row != cells[j].row {
			return cells[i].row < cells[j].row
		}
		return cells[i].col < cells[j].col
	})
	src := &xlsSource{typedSource{sheet: name}}
	for i := 0; i < len(cells); {
		j := i
		for j < len(cells) && cells[j].row == cells[i].row {
			j++
		}
		width, inside := 0, 0
		for _, c := range cells[i:j] {
			if int(c.col) < bud.width {
				width, inside = max(width, int(c.col)+1), inside+1
			}
		}
		if err := bud.take(int(cells[i].row)+1, width-inside); err != nil { // the empty cells between
			return nil, err
		}
		rec := record{row: int(cells[i].row) + 1, cells: make([]string, width), counted: true}
		types := make([]bool, width)
		for _, c := range cells[i:j] {
			if int(c.col) < width {
				rec.cells[c.col], types[c.col] = c.text, c.float
			}
		}
		src.rows = append(src.rows, rec)
		src.types = append(src.types, types)
		i = j
	}
	return src, nil
}

// truncateUTF8 cuts s to at most n bytes at a character boundary.
func truncateUTF8(s string, n int) string {
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func boolText(b bool) string {
	if b {
		return "TRUE"
	}
	return "FALSE"
}

// rk decodes an RK number: a 30-bit integer or the high 30 bits of a
// double, either possibly divided by 100.
func rk(v uint32) float64 {
	var f float64
	if v&2 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&^3) << 32)
	}
	if v&1 != 0 {
		f /= 100
	}
	return f
}

// number turns a numeric cell into text by its number format: dates as
// YYYY-MM-DD, percents as "86%", a number formatted with leading zeros
// (an IIN as 000000000000) with its zeros, other numbers plain.
func (book *xlsBook) number(f float64, xf uint16) typedCell {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return typedCell{}
	}
	var id uint16
	if int(xf) < len(book.xfFormat) {
		id = book.xfFormat[xf]
	}
	code := book.formats[id]
	switch {
	case isDateFormat(id, code):
		if d, ok := serialDate(f, book.date1904); ok {
			return typedCell{text: d}
		}
	case id == 9 || id == 10 || strings.Contains(unquoted(code), "%"):
		return typedCell{text: percentText(f)}
	}
	if z := strings.Trim(code, "0"); code != "" && z == "" && f >= 0 && f == math.Trunc(f) && f < 1e15 {
		s := strconv.FormatInt(int64(f), 10)
		if len(s) < len(code) {
			s = strings.Repeat("0", len(code)-len(s)) + s
		}
		return typedCell{text: s, float: true}
	}
	return typedCell{text: formatNumber(f), float: true}
}

// isDateFormat reports whether a number format shows a date: the built-in
// date formats, or a custom code with day, month or year letters outside
// quotes, escapes and [bracketed] parts.
func isDateFormat(id uint16, code string) bool {
	if (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58) {
		return true
	}
	return strings.ContainsAny(strings.ToLower(unquoted(code)), "dmy")
}

// unquoted drops the quoted, escaped and bracketed parts of a format code.
func unquoted(code string) string {
	var b strings.Builder
	quote, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quote:
			quote = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quote = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal (or padding)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// shortString reads a ShortXLUnicodeString (1-byte length, flags, characters).
func shortString(d []byte) (string, error) {
	if len(d) < 2 {
		return "", errors.New("truncated string")
	}
	n, high := int(d[0]), d[1]&1 != 0
	w := 1
	if high {
		w = 2
	}
	if len(d)-2 < w*n {
		return "", errors.New("truncated string")
	}
	return decodeChars(d[2:], n, high), nil
}

// xlString reads an XLUnicodeString (2-byte character count, a flags byte,
// the characters), continuing into cont when the characters run past the
// record: each continuation starts with a flags byte of its own.
func xlString(d []byte, cont [][]byte) (string, error) {
	r := &sstReader{cur: d, cont: cont}
	h, err := r.bytes(3)
	if err != nil {
		return "", errors.New("truncated string")
	}
	return r.chars(int(binary.LittleEndian.Uint16(h)), h[2]&1 != 0)
}

// decodeChars decodes n characters of d: UTF-16LE when high, else one byte
// each (the low bytes of UTF-16, that is Latin-1).
func decodeChars(d []byte, n int, high bool) string {
	if high {
		u := make([]uint16, n)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(d[2*i:])
		}
		return string(utf16.Decode(u))
	}
	s, _ := charmap.ISO8859_1.NewDecoder().Bytes(d[:n])
	return string(s)
}

// sstReader walks a record's data across its CONTINUE records: the shared
// string table, or a string in a LABEL or STRING record.
type sstReader struct {
	cur  []byte
	cont [][]byte
}

// next moves to the next CONTINUE record.
func (r *sstReader) next() bool {
	if len(r.cont) == 0 {
		return false
	}
	r.cur, r.cont = r.cont[0], r.cont[1:]
	return true
}

// bytes returns the next k bytes of a fixed-size field (which Excel never
// splits across records).
func (r *sstReader) bytes(k int) ([]byte, error) {
	if len(r.cur) == 0 && !r.next() {
		return nil, io.ErrUnexpectedEOF
	}
	if len(r.cur) < k {
		return nil, io.ErrUnexpectedEOF
	}
	b := r.cur[:k]
	r.cur = r.cur[k:]
	return b, nil
}

// chars reads n characters (UTF-16LE when high, else Latin-1), across
// records: a string continued in the next record starts it with a flags
// byte of its own.
func (r *sstReader) chars(n int, high bool) (string, error) {
	var sb strings.Builder
	for n > 0 {
		if len(r.cur) == 0 {
			if !r.next() || len(r.cur) == 0 {
				return "", fmt.Errorf("string runs past its record: %w", io.ErrUnexpectedEOF)
			}
			high, r.cur = r.cur[0]&1 != 0, r.cur[1:]
		}
		w := 1
		if high {
			w = 2
		}
		k := min(n, len(r.cur)/w)
		if k == 0 {
			return "", errors.New("a character split across records")
		}
		sb.WriteString(decodeChars(r.cur, k, high))
		r.cur, n = r.cur[k*w:], n-k
	}
	return sb.String(), nil
}

// skip skips k bytes, across records (formatting runs and phonetic data).
func (r *sstReader) skip(k int) error {
	for k > 0 {
		if len(r.cur) == 0 && !r.next() {
			return io.ErrUnexpectedEOF
		}
		s := min(k, len(r.cur))
		r.cur, k = r.cur[s:], k-s
	}
	return nil
}

// readSST decodes the shared strings (XLUnicodeRichExtendedString each).
func readSST(rec biffRecord) ([]string, error) {
	if len(rec.data) < 8 {
		return nil, errors.New("truncated SST")
	}
	unique := int(binary.LittleEndian.Uint32(rec.data[4:]))
	r := &sstReader{cur: rec.data[8:], cont: rec.cont}
	out := make([]string, 0, min(unique, 1<<16))
	for len(out) < unique {
		h, err := r.bytes(3)
		if err != nil {
			return nil, fmt.Errorf("string %d: %w", len(out), err)
		}
		n, flags := int(binary.LittleEndian.Uint16(h)), h[2]
		high := flags&1 != 0
		runs, ext := 0, 0
		if flags&8 != 0 {
			b, err := r.bytes(2)
			if err != nil {
				return nil, err
			}
			runs = int(binary.LittleEndian.Uint16(b))
		}
		if flags&4 != 0 {
			b, err := r.bytes(4)
			if err != nil {
				return nil, err
			}
			ext = int(binary.LittleEndian.Uint32(b))
		}
		s, err := r.chars(n, high)
		if err != nil {
			return nil, fmt.Errorf("string %d: %w", len(out), err)
		}
		if err := r.skip(4*runs + ext); err != nil {
			return nil, fmt.Errorf("string %d: %w", len(out), err)
		}
		out = append(out, s)
	}
	return out, nil
}

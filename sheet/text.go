package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/tanu-edu/tanu/lang"
)

// Signatures of the formats.
const (
	zipMagic   = "PK\x03\x04"
	oleMagic   = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" // legacy .xls, encrypted .xlsx
	bomUTF8    = "\xEF\xBB\xBF"
	bomUTF16LE = "\xFF\xFE"
	bomUTF16BE = "\xFE\xFF"
)

// hasPrefix reports whether data starts with the signature p.
func hasPrefix(data []byte, p string) bool {
	return len(data) >= len(p) && string(data[:len(p)]) == p
}

// decodeText turns the bytes of a text file into UTF-8 and names the
// encoding it found (see the package doc for the rules). It fails only for
// content that is not text.
func decodeText(data []byte) ([]byte, string, error) {
	switch {
	case hasPrefix(data, bomUTF8):
		text, enc := utf8OrDamaged(data[len(bomUTF8):], "utf-8-bom")
		return text, enc, nil
	case hasPrefix(data, bomUTF16LE):
		return decodeUTF16(data, unicode.LittleEndian, "utf-16le")
	case hasPrefix(data, bomUTF16BE):
		return decodeUTF16(data, unicode.BigEndian, "utf-16be")
	}
	if e, enc := utf16WithoutBOM(data); enc != "" {
		return decodeUTF16(data, e, enc)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, "", errNotText
	}
	if utf8.Valid(data) {
		return data, "utf-8", nil
	}
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid++
		}
		i += size
	}
	if valid > invalid {
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), "utf-8-damaged", nil
	}
	text, err := charmap.Windows1251.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", fmt.Errorf("decoding windows-1251: %w", err)
	}
	return text, "windows-1251", nil
}

// errNotText marks content that is not a text file.
var errNotText = errors.New("not a text file")

// utf8OrDamaged returns valid UTF-8 as is and repairs damaged UTF-8.
func utf8OrDamaged(data []byte, enc string) ([]byte, string) {
	if utf8.Valid(data) {
		return data, enc
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), "utf-8-damaged"
}

// utf16WithoutBOM recognises UTF-16 text without a BOM by its NUL bytes:
// ASCII characters (separators, digits, Latin letters) have a zero high
// byte, so one byte position is often zero and the other never is.
func utf16WithoutBOM(data []byte) (unicode.Endianness, string) {
	n := min(len(data), 1024) &^ 1
	if n < 8 {
		return unicode.LittleEndian, ""
	}
	var zeros [2]int
	for i := 0; i < n; i++ {
		if data[i] == 0 {
			zeros[i&1]++
		}
	}
	half := n / 2
	switch {
	case zeros[1]*4 >= half && zeros[0] == 0:
		return unicode.LittleEndian, "utf-16le"
	case zeros[0]*4 >= half && zeros[1] == 0:
		return unicode.BigEndian, "utf-16be"
	}
	return unicode.LittleEndian, ""
}

func decodeUTF16(data []byte, e unicode.Endianness, enc string) ([]byte, string, error) {
	text, err := unicode.UTF16(e, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		// Without a BOM ExpectBOM fails; the caller found the order itself.
		text, err = unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	}
	if err != nil {
		return nil, "", fmt.Errorf("decoding %s: %w", enc, err)
	}
	if bytes.IndexByte(text, 0) >= 0 {
		return nil, "", errNotText
	}
	text = bytes.TrimPrefix(text, []byte(bomUTF8))
	text, damaged := utf8OrDamaged(text, enc)
	return text, damaged, nil
}

// looksLikeHTML recognises the HTML tables some systems save as ".xls".
func looksLikeHTML(text []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(text[:min(len(text), 2048)]))
	return bytes.HasPrefix(head, []byte("<")) &&
		(bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<table")) || bytes.Contains(head, []byte("<?xml")))
}

// delimiters are the separators Read recognises, in order of preference.
var delimiters = [...]rune{';', '\t', ','}

// sniffSample is how much text the separator detection looks at.
const sniffSample = 64 << 10

// headerLookahead is how many non-blank lines may precede and include the header.
const headerLookahead = 10

// excelSep strips Excel's "sep=X" first line and returns X (0 if absent).
func excelSep(text []byte) ([]byte, rune) {
	if len(text) < 5 || !bytes.EqualFold(text[:4], []byte("sep=")) {
		return text, 0
	}
	end := bytes.IndexByte(text, '\n')
	line := text
	if end >= 0 {
		line = text[:end]
	}
	line = bytes.TrimRight(line, "\r")
	r, size := utf8.DecodeRune(line[4:])
	if size == 0 || 4+size != len(line) || r == '"' || r == '\r' || r == utf8.RuneError {
		return text, 0
	}
	if end < 0 {
		return nil, r
	}
	return text[end+1:], r
}

// sniffDelimiter picks the separator: the one whose split of the first
// lines yields the most recognised column names; then the one whose header
// split agrees with most of the following lines; then the one that gives
// the most header fields. It returns 0 when no separator splits the header.
func sniffDelimiter(text []byte, m *matcher) rune {
	sample := text
	if len(sample) > sniffSample {
		sample = sample[:sniffSample]
		if i := bytes.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	best, bestScore := rune(0), [3]int{}
	for _, d := range delimiters {
		r := csv.NewReader(bytes.NewReader(sample))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = d, -1, true
		var recs [][]string
		for len(recs) < headerLookahead {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if !blank(rec) {
				recs = append(recs, rec)
			}
		}
		if len(recs) == 0 {
			continue
		}
		recognised, head := 0, 0
		for i, rec := range recs {
			if n := m.recognised(rec); n > recognised {
				recognised, head = n, i
			}
		}
		fields := len(recs[head])
		if fields < 2 {
			continue
		}
		consistent := 0
		for _, rec := range recs[head+1:] {
			if len(rec) == fields {
				consistent++
			}
		}
		score := [3]int{recognised, consistent, fields}
		if best == 0 || greater(score, bestScore) {
			best, bestScore = d, score
		}
	}
	return best
}

func greater(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return false
}

// guessSeparator names the character a header line seems to be separated
// with when it is none of the recognised ones (e.g. "|"), or "".
func guessSeparator(text []byte) string {
	line := text
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	best, bestN := "", 1
	for _, c := range []string{"|", ":", "^", "~", "#", "!", "/", "\\"} {
		if n := strings.Count(string(line), c); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// blank reports whether every cell is empty or spaces.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimFunc(c, isTrimmable) != "" {
			return false
		}
	}
	return true
}

// csvSource yields the records of a text file with their row numbers.
type csvSource struct {
	r     *csv.Reader
	size  int64
	extra int // line breaks inside quoted values so far
	done  bool
}

func newCSVSource(text []byte, delim rune) *csvSource {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma, r.FieldsPerRecord = delim, -1
	return &csvSource{r: r, size: int64(len(text))}
}

// next returns the next record; a record with a quoting error has no cells
// and quote set. The row number is the line number minus the line breaks
// inside quoted values before it, i.e. the row a spreadsheet shows.
func (s *csvSource) next() (record, error) {
	if s.done {
		return record{}, io.EOF
	}
	cells, err := s.r.Read()
	var perr *csv.ParseError
	switch {
	case err == io.EOF:
		s.done = true
		return record{}, io.EOF
	case errors.As(err, &perr):
		rec := record{row: perr.StartLine - s.extra, quote: lang.SheetQuoteBare}
		if errors.Is(perr.Err, csv.ErrQuote) && s.r.InputOffset() >= s.size {
			rec.quote = lang.SheetQuoteOpen
			s.done = true
		}
		s.extra += max(perr.Line-perr.StartLine, 0)
		return rec, nil
	case err != nil:
		return record{}, fmt.Errorf("reading csv: %w", err)
	}
	line, _ := s.r.FieldPos(0)
	rec := record{row: line - s.extra, cells: cells}
	for _, c := range cells {
		s.extra += strings.Count(c, "\n")
	}
	return rec, nil
}

package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"

	"github.com/tanu-edu/tanu/lang"
)

// Limits on what a file may expand into while it is read. A few hundred
// bytes of ODS can declare a row of 16,384 repeated cells repeated a million
// times, an XLS or XLSX cell in the last column makes its row 16,384 cells
// wide, and a line of separators or a page of <td> is a cell every byte or
// four: every record is counted against a budget of cells as it is read, a
// record is cut to the header's width plus a margin once the header is
// known, and a cell's text is cut while it is read. Each refusal is an
// *Error naming the limit and the row where it was reached.
const (
	// DefaultMaxCells is the default budget of cells (Options.MaxCells):
	// about 30 columns at the default row limit.
	DefaultMaxCells = 3_000_000
	// MaxColumns is the widest header accepted; wider is too_many_columns.
	MaxColumns = 1024
	// widthMargin is how many cells past the header's last one a data row
	// keeps (errors.csv gives them back); the rest are dropped as read.
	widthMargin = 16
	// maxSheetRows is the last row a spreadsheet program shows (Excel and
	// LibreOffice: 1,048,576); a value below it is a damaged or hostile file.
	maxSheetRows = 1 << 20
	// maxCellText is where a cell's text is cut while reading: the longest
	// value accepted is maxCellLen (500) characters, at most 2,000 bytes;
	// a longer cell is reported too_long either way.
	maxCellText = 2 << 10
	// maxText bounds the text of all the cells read (after maxCellText):
	// an XLS shared string or an ODS repeated cell is one string in the
	// file however many cells show it.
	maxText = 64 << 20
	// maxHTMLTags bounds an HTML page: its tree is built whole, about 150
	// bytes a tag (some 10,000 rows of a cohort).
	maxHTMLTags = 400_000
	// maxCSVFields bounds the separators of one line of a CSV file.
	maxCSVFields = 4 * MaxColumns
	// maxUnzip and minUnzip bound what a zipped workbook may unpack to:
	// eight times its size, within these.
	minUnzip = 16 << 20
	maxUnzip = 64 << 20
)

// unzipLimit bounds what a zipped workbook of at most maxBytes may unpack.
func unzipLimit(maxBytes int64) int64 { return min(max(maxBytes*8, minUnzip), maxUnzip) }

// errLimit is a limit reached while reading: the reader turns it into an
// *Error with the message in the registrar's language.
type errLimit struct {
	code string
	msg  lang.Key
	args []any
}

func (e *errLimit) Error() string {
	return fmt.Sprintf("sheet: %s: %s", e.code, lang.EN.T(e.msg, e.args...))
}

// budget counts the cells read and sets the width records are cut to.
type budget struct {
	max   int
	cells int
	text  int
	width int
}

func newBudget(maxCells int) *budget {
	if maxCells <= 0 {
		maxCells = DefaultMaxCells
	}
	return &budget{max: maxCells, width: MaxColumns + 1}
}

// take counts n cells read for the given row.
func (b *budget) take(row, n int) error {
	b.cells += n
	if b.cells > b.max {
		return &errLimit{code: CodeTooManyCells, msg: lang.SheetTooManyCells, args: []any{b.max, row}}
	}
	return nil
}

// takeText counts n bytes of cell text read for the given row.
func (b *budget) takeText(row, n int) error {
	b.text += n
	if b.text > maxText {
		return &errLimit{code: CodeTooManyCells, msg: lang.SheetTooMuchText, args: []any{maxText >> 20, row}}
	}
	return nil
}

// cut drops the cells of a record past the width.
func (b *budget) cut(cells []string) []string {
	if len(cells) > b.width {
		return cells[:b.width:b.width]
	}
	return cells
}

// rowLimit refuses a row number past the last row of a spreadsheet.
func rowLimit(row int) error {
	if row > maxSheetRows {
		return &errLimit{code: CodeTooManyRows, msg: lang.SheetRowBeyond, args: []any{row, maxSheetRows}}
	}
	return nil
}

// unzippedSize is what the entries of a ZIP archive declare they unpack to
// (archive/zip refuses an entry that unpacks to more than it declared).
func unzippedSize(data []byte) (int64, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, err
	}
	var n uint64
	for _, f := range zr.File {
		n += f.UncompressedSize64
		if n > 1<<62 {
			break
		}
	}
	return int64(min(n, 1<<62)), nil
}

// unzipError refuses a workbook that unpacks to more than limit.
func unzipError(limit int64) error {
	return &errLimit{code: CodeTooLarge, msg: lang.SheetUnzipTooLarge, args: []any{limit >> 20}}
}

// sheetError words the limit for a registrar.
func (e *errLimit) sheetError(l lang.Tag) *Error {
	return &Error{Code: e.code, Message: l.T(e.msg, e.args...), Err: e}
}

// tooWide returns the number of the first line of text with more than
// maxCSVFields separators, or 0.
func tooWide(text []byte, sep byte) int {
	line := 1
	for len(text) > 0 {
		end := bytes.IndexByte(text, '\n')
		if end < 0 {
			end = len(text)
		}
		if bytes.Count(text[:end], []byte{sep}) >= maxCSVFields {
			return line
		}
		text = text[min(end+1, len(text)):]
		line++
	}
	return 0
}

package sheet

import (
	"context"
	"io"

	"github.com/tanu-edu/tanu/lang"
)

// TableRow is one data row of a table already read (ReadTable): its row
// number as the spreadsheet showed it and its cells, one per column of the
// header.
type TableRow struct {
	Number int
	Cells  []string
}

// ReadTable validates a table already read, as a batch keeps an upload
// (the header and each data row's cells and number), with the same checks
// and limits as Read: it is how a file corrected cell by cell in the
// console is validated again without being uploaded again. Rows keep the
// numbers given (they must increase); the header is taken to stand on the
// row before the first data row. Result.Format is "table". The cells are
// not changed.
func ReadTable(ctx context.Context, header []string, rows []TableRow, opt Options) (*Result, error) {
	l := parseLang(opt.Lang)
	comps, err := competencyCodes(opt)
	if err != nil {
		return nil, err
	}
	if len(header) == 0 {
		return nil, &Error{Code: CodeEmpty, Message: l.T(lang.SheetEmpty)}
	}
	if opt.MaxRows > 0 && len(rows) > opt.MaxRows {
		return nil, &Error{Code: CodeTooManyRows, Message: l.T(lang.SheetTooManyRows, opt.MaxRows)}
	}
	m := newMatcher(comps)
	if opt.Staff {
		m.addStaff()
	}
	res := &Result{Format: "table"}
	src := &tableSource{header: header, rows: rows, headerRow: 1}
	if len(rows) > 0 {
		src.headerRow = max(1, rows[0].Number-1)
	}
	rd := &reader{opt: opt, l: l, m: m, res: res, src: src, langs: languageKeys(), lines: len(rows) + 1, comps: comps, budget: newBudget(opt.MaxCells)}
	if err := rd.run(ctx); err != nil {
		return nil, err
	}
	return res, nil
}

// tableSource yields a table's header, then its rows, each a copy (the
// reader rewrites cells in place).
type tableSource struct {
	header    []string
	rows      []TableRow
	headerRow int
	pos       int // 0: the header is next; i+1: rows[i] is next
}

func (s *tableSource) next() (record, error) {
	if s.pos == 0 {
		s.pos = 1
		return record{row: s.headerRow, cells: append([]string(nil), s.header...)}, nil
	}
	i := s.pos - 1
	if i >= len(s.rows) {
		return record{}, io.EOF
	}
	s.pos++
	return record{row: s.rows[i].Number, cells: append([]string(nil), s.rows[i].Cells...)}, nil
}

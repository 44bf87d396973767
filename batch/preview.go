package batch

import (
	"context"
	"fmt"
	"strings"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/sheet"
)

// The console's batch wizard checks an upload first (a dry run with Keep,
// the preview), lets the registrar correct cells in the browser and then
// issues the checked rows. Each step is a batch of its own: correcting
// cells stores a new preview from the previous one's rows (Upload.From
// with Corrections, which changes nothing stored), and confirming submits
// the last preview's rows for real (Upload.From without DryRun). Nothing
// the registrar uploaded or typed is lost on the way, and every step goes
// through the same validation as an upload of the API.

// MaxCorrections is the most cells one correction of a preview may change.
const MaxCorrections = 1000

// Correction replaces one cell of a kept preview (Upload.Corrections).
type Correction struct {
	// Row is the spreadsheet row number (header = row 1).
	Row int
	// Column is the index of the column in the preview's header (0 = the
	// first column).
	Column int
	// Value is the cell's new text.
	Value string
}

// read reads an upload: the file of u.Body, or the kept rows of the
// preview u.From with u.Corrections applied. It returns the preview too
// (nil for a file).
func (s *Service) read(ctx context.Context, u Upload, prog *credential.Program, l lang.Tag) (*sheet.Result, *credential.Batch, error) {
	opt := s.sheetOptions(prog, l)
	if u.From == "" {
		if len(u.Corrections) > 0 {
			return nil, nil, credential.Errorf(credential.CodeInvalid, "corrections apply to a preview (from)")
		}
		res, err := sheet.Read(ctx, u.Body, u.Filename, u.ContentType, opt)
		if err != nil {
			return nil, nil, fileError(err)
		}
		return res, nil, nil
	}
	prev, header, rows, err := s.Kept(ctx, u.From)
	if err != nil {
		return nil, nil, err
	}
	if prev.Program != prog.RegistrationNumber {
		return nil, nil, credential.Errorm(credential.CodeInvalid, lang.CbatchErrOtherProgram, prev.Program)
	}
	if err := applyCorrections(header, rows, u.Corrections); err != nil {
		return nil, nil, err
	}
	res, err := sheet.ReadTable(ctx, header, rows, opt)
	if err != nil {
		return nil, nil, fileError(err)
	}
	return res, prev, nil
}

// Kept returns a preview (a dry run stored with Upload.Keep) with its
// header and every data row's cells, in row order: what its confirmation
// or correction starts from. A batch that is no dry run, whose cells were
// purged or that did not keep every row's cells is a conflict.
func (s *Service) Kept(ctx context.Context, id string) (*credential.Batch, []string, []sheet.TableRow, error) {
	b, err := s.store.Batch(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	if !b.DryRun {
		return nil, nil, nil, credential.Errorm(credential.CodeConflict, lang.CbatchErrNotPreview)
	}
	if b.CellsPurgedAt != nil {
		return nil, nil, nil, credential.Errorm(credential.CodeConflict, lang.CbatchErrPurged)
	}
	rows := make([]sheet.TableRow, 0, b.Total)
	missing := 0
	err = s.store.BatchRows(ctx, id, credential.AllRows, func(r *credential.BatchRow) error {
		if len(r.Cells) == 0 && missing == 0 {
			missing = r.Row
		}
		rows = append(rows, sheet.TableRow{Number: r.Row, Cells: r.Cells})
		return nil
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("batch: preview %s rows: %w", id, err)
	}
	if missing > 0 || len(rows) == 0 {
		return nil, nil, nil, credential.Errorm(credential.CodeConflict, lang.CbatchErrNotKept, missing)
	}
	return b, b.Header, rows, nil
}

// applyCorrections changes the rows' cells as corrected, refusing more
// than MaxCorrections cells, rows the table does not have, columns
// outside the header and values longer than a stored cell.
func applyCorrections(header []string, rows []sheet.TableRow, cs []Correction) error {
	if len(cs) > MaxCorrections {
		return credential.Errorm(credential.CodeTooLarge, lang.CbatchErrTooManyFixes, len(cs), MaxCorrections)
	}
	at := make(map[int]int, len(rows))
	for i, r := range rows {
		at[r.Number] = i
	}
	for _, c := range cs {
		i, ok := at[c.Row]
		if !ok || c.Column < 0 || c.Column >= len(header) {
			return credential.Errorm(credential.CodeInvalid, lang.CbatchErrNoCell, c.Row, c.Column+1)
		}
		if len(c.Value) > credential.MaxBatchCellBytes {
			return credential.Errorm(credential.CodeInvalid, lang.CbatchErrCellTooLong, c.Row, header[c.Column], credential.MaxBatchCellBytes)
		}
		r := &rows[i]
		if c.Column >= len(r.Cells) {
			r.Cells = append(r.Cells, make([]string, c.Column+1-len(r.Cells))...)
		}
		r.Cells[c.Column] = strings.TrimSpace(c.Value)
	}
	return nil
}

// Counters returns a batch's progress counters alone, by one narrow query
// (what a progress page polls).
func (s *Service) Counters(ctx context.Context, id string) (*credential.BatchCounters, error) {
	return s.store.BatchCounters(ctx, id)
}

// Search returns a page of the batches matching q, newest first, and how
// many match.
func (s *Service) Search(ctx context.Context, q credential.BatchQuery) ([]*credential.Batch, int, error) {
	return s.store.SearchBatches(ctx, q)
}

// RowsPage calls fn for limit of the batch's rows from the offset-th, in
// row order.
func (s *Service) RowsPage(ctx context.Context, id string, f credential.BatchRowFilter, offset, limit int, fn func(*credential.BatchRow) error) error {
	return s.store.BatchRowsPage(ctx, id, f, offset, limit, fn)
}

package teachhub

import (
	"context"
	"errors"
	"io"
	"sort"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/sheet"
)

// ImportRow is the outcome of one spreadsheet row.
type ImportRow struct {
	Row     int                 `json:"row"`
	OK      bool                `json:"ok"`
	StaffID string              `json:"staff_id,omitempty"`
	Holder  string              `json:"holder,omitempty"`
	CardID  string              `json:"card_id,omitempty"`
	Existed bool                `json:"existed,omitempty"`
	Errors  []credential.Detail `json:"errors"`
	// Enrolment is what a checked row would enrol (CheckImport only).
	Enrolment *Enrolment `json:"enrolment,omitempty"`
}

// ImportResult is the outcome of a bulk enrolment.
type ImportResult struct {
	Program  string              `json:"program"`
	Stream   string              `json:"stream,omitempty"`
	Total    int                 `json:"total"`
	Enrolled int                 `json:"enrolled"`
	Existed  int                 `json:"existed"`
	Failed   int                 `json:"failed"`
	Rows     []ImportRow         `json:"rows"`
	Warnings []credential.Detail `json:"warnings"`
}

// Import enrols the staff listed in a spreadsheet (CSV or XLSX, read by
// package sheet with Options.Staff: staff id, names, department, position,
// optional period) in a program and stream. Rows with problems enrol
// nobody; rows whose staff member already has a card report it as existed,
// so uploading the same list again enrols nobody twice. language is the
// language of the spreadsheet messages (kk, ru, en).
func (s *Service) Import(ctx context.Context, program, stream string, r io.Reader, filename, contentType, language string) (*ImportResult, error) {
	return s.importSheet(ctx, program, stream, r, filename, contentType, language, false)
}

// CheckImport reads and checks a staff spreadsheet as Import does, and
// enrols nobody: each good row carries the Enrolment it would make, and a
// staff member who already has a card is reported as existed. The console
// shows it before the coordinator confirms (EnrolAll).
func (s *Service) CheckImport(ctx context.Context, program, stream string, r io.Reader, filename, contentType, language string) (*ImportResult, error) {
	return s.importSheet(ctx, program, stream, r, filename, contentType, language, true)
}

// MaxEnrolAll bounds the enrolments of one EnrolAll.
const MaxEnrolAll = 2000

// EnrolAll enrols checked rows (see CheckImport), each checked again; a
// staff member who already has a card is reported as existed.
func (s *Service) EnrolAll(ctx context.Context, program, stream string, es []Enrolment) (*ImportResult, error) {
	if len(es) > MaxEnrolAll {
		return nil, credential.Errorm(credential.CodeTooLarge, lang.TeachHubTooManyRows, MaxEnrolAll)
	}
	p, err := s.program(ctx, program)
	if err != nil {
		return nil, err
	}
	out := &ImportResult{Program: p.RegistrationNumber, Stream: stream, Total: len(es), Rows: []ImportRow{}, Warnings: []credential.Detail{}}
	for i, e := range es {
		e.Program, e.Stream = p.RegistrationNumber, stream
		row := ImportRow{Row: i + 2, StaffID: e.StaffID, Errors: []credential.Detail{}}
		c, existed, err := s.enrolOnce(ctx, p, e)
		switch {
		case err == nil:
			row.OK, row.Holder, row.CardID, row.Existed = true, c.Holder, c.ID, existed
		case credential.ErrorCode(err) == credential.CodeInvalid:
			row.Errors = credential.ErrorDetails(err)
		default:
			return nil, err
		}
		out.Rows = append(out.Rows, row)
	}
	out.count()
	return out, nil
}

func (out *ImportResult) count() {
	out.Enrolled, out.Existed, out.Failed = 0, 0, 0
	for i := range out.Rows {
		switch r := &out.Rows[i]; {
		case !r.OK:
			out.Failed++
		case r.Existed:
			out.Existed++
		default:
			out.Enrolled++
		}
	}
}

func (s *Service) importSheet(ctx context.Context, program, stream string, r io.Reader, filename, contentType, language string, dry bool) (*ImportResult, error) {
	p, err := s.program(ctx, program)
	if err != nil {
		return nil, err
	}
	res, err := sheet.Read(ctx, r, filename, contentType, sheet.Options{Staff: true, Lang: language, Now: s.now})
	if err != nil {
		var se *sheet.Error
		if errors.As(err, &se) {
			d := make([]credential.Detail, 0, len(se.Columns))
			for _, c := range se.Columns {
				d = append(d, credential.Detail{Column: c, Code: se.Code, Message: se.Message})
			}
			if len(d) == 0 { // a file-level refusal: its code tells which limit or fault
				d = append(d, credential.Detail{Field: "file", Code: se.Code, Message: se.Message})
			}
			return nil, &credential.Error{Code: se.APICode(), Message: se.Message, Details: d, Err: err}
		}
		return nil, err
	}
	out := &ImportResult{Program: p.RegistrationNumber, Stream: stream, Total: res.Total, Rows: []ImportRow{}, Warnings: []credential.Detail{}}
	failed := map[int]*ImportRow{}
	for _, pr := range res.Problems {
		if pr.Code == sheet.CodeUnknownColumn {
			out.Warnings = append(out.Warnings, credential.Detail{Row: pr.Row, Column: pr.Column, Code: pr.Code, Message: pr.Message})
			continue
		}
		row := failed[pr.Row]
		if row == nil {
			row = &ImportRow{Row: pr.Row}
			failed[pr.Row] = row
		}
		row.Errors = append(row.Errors, credential.Detail{Column: pr.Column, Code: pr.Code, Message: pr.Message})
	}
	for _, row := range failed {
		out.Rows = append(out.Rows, *row)
	}
	for _, sr := range res.Rows {
		e := Enrolment{Program: p.RegistrationNumber, StaffID: sr.StudentID, FamilyName: sr.FamilyName, GivenName: sr.GivenName,
			Patronymic: sr.Patronymic, Department: sr.Department, Position: sr.Position, Stream: stream}
		if !sr.DateFrom.IsZero() {
			e.DateFrom = sr.DateFrom.Format(time.DateOnly)
		}
		if !sr.DateTo.IsZero() {
			e.DateTo = sr.DateTo.Format(time.DateOnly)
		}
		row := ImportRow{Row: sr.Number, StaffID: e.StaffID, Errors: []credential.Detail{}}
		enrol := s.enrolOnce
		if dry {
			enrol = s.checkOnce
			row.Enrolment = &e
		}
		c, existed, err := enrol(ctx, p, e)
		switch {
		case err == nil:
			row.OK, row.Holder, row.CardID, row.Existed = true, c.Holder, c.ID, existed
		case credential.ErrorCode(err) == credential.CodeInvalid:
			row.Errors = credential.ErrorDetails(err)
		default:
			return nil, err
		}
		out.Rows = append(out.Rows, row)
	}
	out.count()
	sort.Slice(out.Rows, func(i, j int) bool { return out.Rows[i].Row < out.Rows[j].Row })
	return out, nil
}

// checkOnce checks e as enrolOnce would enrol it, enrolling nobody.
func (s *Service) checkOnce(ctx context.Context, p *credential.Program, e Enrolment) (*credential.Card, bool, error) {
	c, err := newCard(p, e)
	if err != nil {
		return nil, false, err
	}
	old, err := s.st.CardByEnrolment(ctx, c.Program, c.StaffID, c.Stream)
	switch {
	case err == nil:
		return old, true, nil
	case credential.IsNotFound(err):
		return c, false, nil
	}
	return nil, false, err
}

// enrolOnce enrols e, or returns the card the staff member already has in
// the program and stream with existed set.
func (s *Service) enrolOnce(ctx context.Context, p *credential.Program, e Enrolment) (c *credential.Card, existed bool, err error) {
	c, err = newCard(p, e)
	if err != nil {
		return nil, false, err
	}
	made, err := s.st.CreateCard(ctx, *c)
	if credential.ErrorCode(err) == credential.CodeConflict {
		old, ferr := s.st.CardByEnrolment(ctx, c.Program, c.StaffID, c.Stream)
		if ferr != nil {
			return nil, false, ferr
		}
		return old, true, nil
	}
	return made, false, err
}

package teachhub

import (
	"context"
	"errors"
	"io"
	"sort"
	"time"

	"github.com/tanu-edu/tanu/credential"
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
// so uploading the same list again enrols nobody twice. lang is the
// language of the spreadsheet messages (kk, ru, en).
func (s *Service) Import(ctx context.Context, program, stream string, r io.Reader, filename, contentType, lang string) (*ImportResult, error) {
	p, err := s.program(ctx, program)
	if err != nil {
		return nil, err
	}
	res, err := sheet.Read(ctx, r, filename, contentType, sheet.Options{Staff: true, Lang: lang, Now: s.now})
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
	sort.Slice(out.Rows, func(i, j int) bool { return out.Rows[i].Row < out.Rows[j].Row })
	return out, nil
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

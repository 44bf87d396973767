package teachhub

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/sheet"
)

// Report builds the HR summary list (sec. 7.3 item 7) for the days from..to
// (YYYY-MM-DD, inclusive; by default from the first of January of the
// current year to today), optionally for one department. A card is in the
// list when one of its events falls in the period:
//
//   - implemented: the card was completed (its completion record issued);
//   - submitted: it was submitted for recognition;
//   - recognized: it is recognized by a decision dated in the period.
//
// Days of completion and submission are UTC days. Each row counts the
// card's hours and SB (hours / 30) under every event of the period, and
// the recognized SB of the decision; totals are summed per person, per
// department and overall. Activities are named, and columns labelled, in l.
func (s *Service) Report(ctx context.Context, from, to, department string, l lang.Tag) (*credential.CardReport, error) {
	now := s.now().UTC()
	if from == "" {
		from = time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	if to == "" {
		to = now.Format(time.DateOnly)
	}
	f, errF := time.Parse(time.DateOnly, from)
	t, errT := time.Parse(time.DateOnly, to)
	switch {
	case errF != nil:
		return nil, credential.Errorm(credential.CodeInvalid, lang.TeachHubFromDate)
	case errT != nil:
		return nil, credential.Errorm(credential.CodeInvalid, lang.TeachHubToDate)
	case t.Before(f):
		return nil, credential.Errorm(credential.CodeInvalid, lang.TeachHubPeriodReversed, to, from)
	}
	end := t.AddDate(0, 0, 1)
	department = strings.TrimSpace(department)
	cards, err := s.st.ReportCards(ctx, f, end, from, to, department)
	if err != nil {
		return nil, err
	}
	in := func(at *time.Time) bool { return at != nil && !at.Before(f) && at.Before(end) }
	rep := &credential.CardReport{From: from, To: to, Department: department, Lang: string(l), Columns: reportColumns(l), Rows: []credential.ReportRow{},
		ByPerson: []credential.ReportRow{}, ByDepartment: []credential.ReportRow{}}
	for _, c := range cards {
		r := credential.ReportRow{Department: c.Department, StaffID: c.StaffID, Participant: c.Holder, Position: c.Position,
			Program: c.Program, Activity: c.ProgramName.Get(string(l)), Format: l.T(lang.Kind(c.Kind)), Status: c.Status, DateFrom: c.DateFrom,
			DateTo: c.DateTo, CredentialID: c.CredentialID, CardID: c.ID}
		if c.Document != nil {
			r.Activity, r.Format = c.Document.Activity, c.Document.Format
		}
		if in(c.CompletedAt) {
			r.Implemented, r.ImplementedHours, r.ImplementedSB = 1, c.Hours, c.SB
		}
		if in(c.SubmittedAt) {
			r.Submitted, r.SubmittedHours, r.SubmittedSB = 1, c.Hours, c.SB
		}
		if c.Status == credential.CardRecognized && c.DecisionDate >= from && c.DecisionDate <= to {
			r.Recognized, r.RecognizedHours = 1, c.Hours
			if c.RecognizedSB != nil {
				r.RecognizedSB = *c.RecognizedSB
			}
			r.DecisionDate, r.DecisionNumber = c.DecisionDate, c.DecisionNumber
		}
		if r.Implemented+r.Submitted+r.Recognized == 0 {
			continue
		}
		rep.Rows = append(rep.Rows, r)
	}
	person := map[[2]string]int{}
	dept := map[string]int{}
	for _, r := range rep.Rows {
		k := [2]string{r.Department, r.StaffID}
		i, ok := person[k]
		if !ok {
			i = len(rep.ByPerson)
			person[k] = i
			rep.ByPerson = append(rep.ByPerson, credential.ReportRow{Department: r.Department, StaffID: r.StaffID,
				Participant: r.Participant, Position: r.Position})
		}
		rep.ByPerson[i].Add(r)
		j, ok := dept[r.Department]
		if !ok {
			j = len(rep.ByDepartment)
			dept[r.Department] = j
			rep.ByDepartment = append(rep.ByDepartment, credential.ReportRow{Department: r.Department})
		}
		rep.ByDepartment[j].Add(r)
		rep.Totals.Add(r)
	}
	return rep, nil
}

// reportColumns are the columns of the report, in the CSV's order, with
// their headers in l. The keys are the rows' JSON members ("level" is the
// CSV's own column: activity, person, department or total).
func reportColumns(l lang.Tag) []credential.ReportColumn {
	keys := []lang.Key{lang.ReportLevel, lang.ReportDepartment, lang.ReportStaffID, lang.ReportParticipant, lang.ReportPosition,
		lang.ReportProgram, lang.ReportActivity, lang.ReportFormat, lang.ReportStatus, lang.ReportDateFrom, lang.ReportDateTo,
		lang.ReportImplemented, lang.ReportImplementedHours, lang.ReportImplementedSB, lang.ReportSubmitted,
		lang.ReportSubmittedHours, lang.ReportSubmittedSB, lang.ReportRecognized, lang.ReportRecognizedHours,
		lang.ReportRecognizedSB, lang.ReportDecisionDate, lang.ReportDecisionNumber, lang.ReportCredentialID}
	out := make([]credential.ReportColumn, len(keys))
	for i, k := range keys {
		out[i] = credential.ReportColumn{Key: strings.TrimPrefix(string(k), "report."), Label: l.T(k)}
	}
	return out
}

// WriteReportCSV writes the report as CSV for Excel (UTF-8 with a BOM) in
// the report's language: a header, one activity row per card, then the
// rows per person, per department and the total. Card statuses are named
// in that language; SB are shown with two decimals.
func WriteReportCSV(w io.Writer, rep *credential.CardReport) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("teachhub: report: %w", err)
	}
	l := lang.ParseOr(rep.Lang, lang.Default)
	cw := csv.NewWriter(w)
	header := make([]string, 0, len(rep.Columns))
	for _, c := range reportColumns(l) {
		header = append(header, c.Label)
	}
	_ = cw.Write(header)
	status := func(s string) string {
		if s == "" {
			return ""
		}
		return l.T(lang.CardStatus(s))
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	row := func(level lang.Key, r credential.ReportRow) []string {
		return sheet.SafeRecord([]string{l.T(level), r.Department, r.StaffID, r.Participant, r.Position, r.Program, r.Activity, r.Format, status(r.Status),
			r.DateFrom, r.DateTo, strconv.Itoa(r.Implemented), num(r.ImplementedHours), credential.FormatSB(r.ImplementedSB),
			strconv.Itoa(r.Submitted), num(r.SubmittedHours), credential.FormatSB(r.SubmittedSB), strconv.Itoa(r.Recognized),
			num(r.RecognizedHours), credential.FormatSB(r.RecognizedSB), r.DecisionDate, r.DecisionNumber, r.CredentialID})
	}
	for _, r := range rep.Rows {
		_ = cw.Write(row(lang.ReportLevelActivity, r))
	}
	for _, r := range rep.ByPerson {
		_ = cw.Write(row(lang.ReportLevelPerson, r))
	}
	for _, r := range rep.ByDepartment {
		_ = cw.Write(row(lang.ReportLevelDepartment, r))
	}
	_ = cw.Write(row(lang.ReportLevelTotal, rep.Totals))
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("teachhub: report: %w", err)
	}
	return nil
}

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

// Report builds the HR summary list (sec. 7.3 item 7) for the days
// f.From..f.To (YYYY-MM-DD, inclusive; by default from the first of
// January of the current year to today), optionally of one department,
// card status and kind. A card is in the list when one of its events falls
// in the period, or when it is still under way:
//
//   - implemented: the participant completed on a day of the period (the
//     completion day, not the day it was recorded);
//   - submitted: it was submitted for recognition (UTC days);
//   - recognized: it is recognized by a decision dated in the period;
//   - under way: it is registered or in progress and was enrolled before
//     the period's end (listed with its status and no counts).
//
// Each row counts the card's hours and SB (hours / 30) under every event
// of the period, and the recognized SB of the decision; totals are summed
// per person, per department and overall. Activities are named, and
// columns labelled, in l. A report over more than
// credential.MaxReportCards cards is refused (too large): narrow it.
func (s *Service) Report(ctx context.Context, f credential.ReportFilter, l lang.Tag) (*credential.CardReport, error) {
	now := s.now().UTC()
	f.From, f.To, f.Department = strings.TrimSpace(f.From), strings.TrimSpace(f.To), strings.TrimSpace(f.Department)
	f.Status, f.Kind = strings.TrimSpace(f.Status), strings.TrimSpace(f.Kind)
	if f.From == "" {
		f.From = time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	if f.To == "" {
		f.To = now.Format(time.DateOnly)
	}
	from, errF := time.Parse(time.DateOnly, f.From)
	to, errT := time.Parse(time.DateOnly, f.To)
	switch {
	case errF != nil:
		return nil, credential.Errorm(credential.CodeInvalid, lang.TeachHubFromDate)
	case errT != nil:
		return nil, credential.Errorm(credential.CodeInvalid, lang.TeachHubToDate)
	case to.Before(from):
		return nil, credential.Errorm(credential.CodeInvalid, lang.TeachHubPeriodReversed, f.To, f.From)
	case f.Status != "" && !credential.ValidCardStatus(f.Status):
		return nil, credential.Errorm(credential.CodeInvalid, lang.TeachHubStatusFilter, strings.Join(credential.CardStatuses(), ", "))
	case f.Kind != "" && f.Kind != credential.KindTeachHubModule && f.Kind != credential.KindNonformalActivity:
		return nil, credential.Errorm(credential.CodeInvalid, lang.TeachHubKindFilter)
	}
	f.From, f.To = from.Format(time.DateOnly), to.Format(time.DateOnly)
	end := to.AddDate(0, 0, 1)
	cards, err := s.st.ReportCards(ctx, from, end, f, credential.MaxReportCards+1)
	if err != nil {
		return nil, err
	}
	if len(cards) > credential.MaxReportCards {
		return nil, credential.Errorm(credential.CodeTooLarge, lang.TeachHubReportTooLarge, credential.MaxReportCards)
	}
	in := func(at *time.Time) bool { return at != nil && !at.Before(from) && at.Before(end) }
	rep := &credential.CardReport{From: f.From, To: f.To, Department: f.Department, Status: f.Status, Kind: f.Kind, Lang: string(l),
		Columns: reportColumns(l), Rows: []credential.ReportRow{}, ByPerson: []credential.ReportRow{}, ByDepartment: []credential.ReportRow{}}
	for _, c := range cards {
		r := credential.ReportRow{Department: c.Department, StaffID: c.StaffID, Participant: c.Holder, Position: c.Position,
			Program: c.Program, Activity: c.ProgramName.Get(string(l)), Format: l.T(lang.Kind(c.Kind)), Status: c.Status, DateFrom: c.DateFrom,
			DateTo: c.DateTo, CompletedOn: c.CompletedOn, CredentialID: c.CredentialID, CardID: c.ID}
		if c.Document != nil {
			r.Activity, r.Format = c.Document.Activity, c.Document.Format
		}
		if c.CompletedOn != "" && c.CompletedOn >= f.From && c.CompletedOn <= f.To {
			r.Implemented, r.ImplementedHours, r.ImplementedSB = 1, c.Hours, c.SB
		}
		if in(c.SubmittedAt) {
			r.Submitted, r.SubmittedHours, r.SubmittedSB = 1, c.Hours, c.SB
		}
		if c.Status == credential.CardRecognized && c.DecisionDate >= f.From && c.DecisionDate <= f.To {
			r.Recognized, r.RecognizedHours = 1, c.Hours
			if c.RecognizedSB != nil {
				r.RecognizedSB = *c.RecognizedSB
			}
			r.DecisionDate, r.DecisionNumber = c.DecisionDate, c.DecisionNumber
		}
		underway := c.Status == credential.CardRegistered || c.Status == credential.CardInProgress
		if r.Implemented+r.Submitted+r.Recognized == 0 && !underway {
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

// activityKeys are the columns of the activities section, in order.
func activityKeys() []lang.Key {
	return []lang.Key{lang.ReportDepartment, lang.ReportStaffID, lang.ReportParticipant, lang.ReportPosition,
		lang.ReportProgram, lang.ReportActivity, lang.ReportFormat, lang.ReportStatus, lang.ReportDateFrom, lang.ReportDateTo,
		lang.ReportCompletedOn, lang.ReportImplemented, lang.ReportImplementedHours, lang.ReportImplementedSB, lang.ReportSubmitted,
		lang.ReportSubmittedHours, lang.ReportSubmittedSB, lang.ReportRecognized, lang.ReportRecognizedHours,
		lang.ReportRecognizedSB, lang.ReportDecisionDate, lang.ReportDecisionNumber, lang.ReportCredentialID}
}

// countKeys are the count columns every section ends with.
func countKeys() []lang.Key {
	return []lang.Key{lang.ReportImplemented, lang.ReportImplementedHours, lang.ReportImplementedSB, lang.ReportSubmitted,
		lang.ReportSubmittedHours, lang.ReportSubmittedSB, lang.ReportRecognized, lang.ReportRecognizedHours, lang.ReportRecognizedSB}
}

// reportColumns are the columns of the activities, with their headers in
// l. The keys are the rows' JSON members.
func reportColumns(l lang.Tag) []credential.ReportColumn {
	keys := activityKeys()
	out := make([]credential.ReportColumn, len(keys))
	for i, k := range keys {
		out[i] = credential.ReportColumn{Key: strings.TrimPrefix(string(k), "report."), Label: l.T(k)}
	}
	return out
}

// SB is a report cell shown as credit units, with two decimals.
type SB float64

// Hours is a report cell shown as academic hours, with as many decimals as
// it has.
type Hours float64

// Section is one table of the report: activities, persons or departments.
type Section struct {
	Title  string
	Header []string
	Rows   [][]any // string, int, Hours or SB cells: see CellText
}

// ReportSections returns the report as its three tables in its language:
// the activities; the totals per person; the totals per department, ending
// with the overall total. The CSV and XLSX downloads write them.
func ReportSections(rep *credential.CardReport) []Section {
	l := lang.ParseOr(rep.Lang, lang.Default)
	labels := func(keys []lang.Key) []string {
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = l.T(k)
		}
		return out
	}
	counts := func(r credential.ReportRow) []any {
		return []any{r.Implemented, Hours(r.ImplementedHours), SB(r.ImplementedSB), r.Submitted, Hours(r.SubmittedHours),
			SB(r.SubmittedSB), r.Recognized, Hours(r.RecognizedHours), SB(r.RecognizedSB)}
	}
	acts := Section{Title: l.T(lang.ReportSectionActivities), Header: labels(activityKeys())}
	for _, r := range rep.Rows {
		row := []any{r.Department, r.StaffID, r.Participant, r.Position, r.Program, r.Activity, r.Format, l.T(lang.CardStatus(r.Status)),
			r.DateFrom, r.DateTo, r.CompletedOn}
		row = append(row, counts(r)...)
		acts.Rows = append(acts.Rows, append(row, r.DecisionDate, r.DecisionNumber, r.CredentialID))
	}
	persons := Section{Title: l.T(lang.ReportSectionPersons),
		Header: labels(append([]lang.Key{lang.ReportDepartment, lang.ReportStaffID, lang.ReportParticipant, lang.ReportPosition}, countKeys()...))}
	for _, r := range rep.ByPerson {
		persons.Rows = append(persons.Rows, append([]any{r.Department, r.StaffID, r.Participant, r.Position}, counts(r)...))
	}
	depts := Section{Title: l.T(lang.ReportSectionDepartments), Header: labels(append([]lang.Key{lang.ReportDepartment}, countKeys()...))}
	for _, r := range rep.ByDepartment {
		depts.Rows = append(depts.Rows, append([]any{r.Department}, counts(r)...))
	}
	depts.Rows = append(depts.Rows, append([]any{l.T(lang.ReportLevelTotal)}, counts(rep.Totals)...))
	return []Section{acts, persons, depts}
}

// ReportFileName is the download's name, without extension.
func ReportFileName(rep *credential.CardReport) string {
	return "teachhub-report-" + rep.From + "-" + rep.To
}

// WriteReportCSV writes the report as CSV for Excel in kk/ru/en locales:
// UTF-8 with a BOM, semicolon-separated, in the report's language. Its
// three sections (activities, per person, per department with the total)
// each have a title line and a header line, and are separated by an empty
// line. Numbers use the language's decimal separator (a comma in kk and
// ru); SB have two decimals. Cells that would start a formula are quoted.
func WriteReportCSV(w io.Writer, rep *credential.CardReport) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("teachhub: report: %w", err)
	}
	l := lang.ParseOr(rep.Lang, lang.Default)
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	for i, sec := range ReportSections(rep) {
		if i > 0 {
			_ = cw.Write([]string{""})
		}
		_ = cw.Write([]string{sec.Title})
		_ = cw.Write(sheet.SafeRecord(sec.Header))
		for _, r := range sec.Rows {
			rec := make([]string, len(r))
			for j, v := range r {
				rec[j] = CellText(v, l)
			}
			_ = cw.Write(sheet.SafeRecord(rec))
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("teachhub: report: %w", err)
	}
	return nil
}

// CellText prints a report cell in l: Hours with as many decimals as they
// have and SB with two, both with l's decimal separator.
func CellText(v any, l lang.Tag) string {
	var s string
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case Hours:
		s = strconv.FormatFloat(float64(x), 'f', -1, 64)
	case SB:
		s = credential.FormatSB(float64(x))
	default:
		return fmt.Sprint(v)
	}
	if l != lang.EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

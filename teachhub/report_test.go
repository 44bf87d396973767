package teachhub

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// reportStore answers ReportCards with fixed cards, as the store's query
// would select them for the period.
type reportStore struct {
	Store
	cards []*credential.Card
}

func (r reportStore) ReportCards(context.Context, time.Time, time.Time, credential.ReportFilter, int) ([]*credential.Card, error) {
	return r.cards, nil
}

func at(day string) *time.Time {
	t, _ := time.Parse(time.DateOnly, day)
	t = t.Add(13 * time.Hour)
	return &t
}

func card(staff, dept string, hours float64, status string, completed, submitted *time.Time, decision string, sb float64) *credential.Card {
	c := &credential.Card{StaffID: staff, FamilyName: staff, GivenName: "X", Department: dept, Position: "доцент", Program: "TH-2026-0001",
		Kind: credential.KindTeachHubModule, ProgramName: credential.Text{"kk": "Модуль"}, Status: status, ContactHours: hours,
		CompletedAt: completed, SubmittedAt: submitted, DecisionDate: decision}
	if status == credential.CardRecognized {
		c.RecognizedSB = &sb
	}
	c.Derive()
	return c
}

// TestReport checks which events of a card count in a period, and the
// totals per person, department and overall.
func TestReport(t *testing.T) {
	cards := []*credential.Card{
		// Completed and recognized within March.
		card("A", "Хирургия", 36, credential.CardRecognized, at("2026-03-02"), at("2026-03-03"), "2026-03-31", 1.2),
		// Completed in February, submitted in March, then rejected.
		card("A", "Хирургия", 10, credential.CardRejected, at("2026-02-20"), at("2026-03-01"), "", 0),
		// Completed on the last day of March, not yet submitted.
		card("B", "Хирургия", 10, credential.CardCompleted, at("2026-03-31"), nil, "", 0),
		// Recognized in April: only its completion counts in March.
		card("C", "Физиология", 10, credential.CardRecognized, at("2026-03-10"), at("2026-03-11"), "2026-04-01", 0.3),
		// Still in progress: listed with its status, counting nothing.
		card("D", "Физиология", 4, credential.CardInProgress, nil, nil, "", 0),
	}
	s := New(reportStore{cards: cards}, nil, WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	rep, err := s.Report(context.Background(), credential.ReportFilter{From: "2026-03-01", To: "2026-03-31"}, lang.EN)
	if err != nil {
		t.Fatal(err)
	}
	type counts struct{ impl, sub, rec int }
	want := []counts{{1, 1, 1}, {0, 1, 0}, {1, 0, 0}, {1, 1, 0}, {0, 0, 0}}
	if len(rep.Rows) != len(want) || rep.Rows[4].Status != credential.CardInProgress {
		t.Fatalf("%d rows %+v", len(rep.Rows), rep.Rows)
	}
	for i, r := range rep.Rows {
		if got := (counts{r.Implemented, r.Submitted, r.Recognized}); got != want[i] {
			t.Errorf("row %d (%s): %+v, want %+v", i, r.StaffID, got, want[i])
		}
	}
	tot := rep.Totals
	if tot.Implemented != 3 || tot.ImplementedHours != 56 || tot.ImplementedSB != 1.87 || tot.Submitted != 3 || tot.SubmittedHours != 56 ||
		tot.Recognized != 1 || tot.RecognizedHours != 36 || tot.RecognizedSB != 1.2 {
		t.Errorf("totals %+v", tot)
	}
	if len(rep.ByPerson) != 4 || rep.ByPerson[0].StaffID != "A" || rep.ByPerson[0].Implemented != 1 || rep.ByPerson[0].Submitted != 2 {
		t.Errorf("by person %+v", rep.ByPerson)
	}
	if len(rep.ByDepartment) != 2 || rep.ByDepartment[0].Department != "Хирургия" || rep.ByDepartment[0].ImplementedHours != 46 ||
		rep.ByDepartment[1].Implemented != 1 {
		t.Errorf("by department %+v", rep.ByDepartment)
	}
	var b bytes.Buffer
	if err := WriteReportCSV(&b, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\ufeff") {
		t.Fatal("the CSV has no BOM")
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff")))
	r.Comma, r.FieldsPerRecord = ';', -1
	rows, err := r.ReadAll()
	// Three sections: title, header, rows; an empty line (which the
	// reader skips) between them.
	if err != nil || len(rows) != (2+5)+(2+4)+(2+2+1) {
		t.Fatalf("CSV %d rows, err %v", len(rows), err)
	}
	if rows[0][0] != "Activities" || rows[1][0] != "Department" || rows[7][0] != "Per person" || rows[13][0] != "Per department" {
		t.Errorf("CSV sections %q %q %q %q", rows[0], rows[1], rows[7], rows[13])
	}
	if last := rows[len(rows)-1]; last[0] != "total" || last[3] != "1.87" || last[9] != "1.20" {
		t.Errorf("CSV total %q", last)
	}
	if rows[6][7] != "in progress" {
		t.Errorf("in-progress row %q", rows[6])
	}
	// In Russian: Russian headers and decimal commas.
	rep.Lang = "ru"
	b.Reset()
	if err := WriteReportCSV(&b, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Реализовано, СБ") || !strings.Contains(b.String(), "итого;3;56;1,87;3;56;1,87;1;36;1,20") {
		t.Errorf("Russian CSV:\n%s", b.String())
	}
	// The workbook: one sheet per section, numbers as numbers.
	b.Reset()
	if err := WriteReportXLSX(&b, rep); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if names := x.GetSheetList(); len(names) != 3 || names[0] != "Мероприятия" || names[2] != "По подразделениям" {
		t.Fatalf("sheets %q", names)
	}
	acts, _ := x.GetRows("Мероприятия")
	depts, _ := x.GetRows("По подразделениям")
	if len(acts) != 6 || acts[0][0] != "Подразделение" || acts[5][7] != "в процессе" || len(depts) != 4 || depts[3][0] != "итого" {
		t.Fatalf("sheets: activities %q, departments %q", acts, depts)
	}
	if v, _ := x.GetCellValue("По подразделениям", "D4", excelize.Options{RawCellValue: true}); v != "1.87" {
		t.Errorf("total implemented SB cell %q, want the number 1.87", v)
	}
	if typ, _ := x.GetCellType("По подразделениям", "C4"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("total hours cell type %v", typ)
	}
	for _, bad := range [][2]string{{"2026-04-01", "2026-03-01"}, {"01.03.2026", ""}, {"", "2026-02-30"}} {
		if _, err := s.Report(context.Background(), credential.ReportFilter{From: bad[0], To: bad[1]}, lang.EN); credential.ErrorCode(err) != credential.CodeInvalid {
			t.Errorf("period %v: err %v, want invalid", bad, err)
		}
	}
	for _, bad := range []credential.ReportFilter{{Status: "done"}, {Kind: "microqualification"}} {
		if _, err := s.Report(context.Background(), bad, lang.EN); credential.ErrorCode(err) != credential.CodeInvalid {
			t.Errorf("filter %+v: err %v, want invalid", bad, err)
		}
	}
	def, err := s.Report(context.Background(), credential.ReportFilter{}, lang.EN)
	if err != nil || def.From != "2026-01-01" || def.To != "2026-06-01" {
		t.Errorf("default period %s–%s err %v", def.From, def.To, err)
	}
}

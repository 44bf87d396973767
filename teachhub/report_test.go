package teachhub

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// reportStore answers ReportCards with fixed cards, as the store's query
// would select them for the period.
type reportStore struct {
	Store
	cards []*credential.Card
}

func (r reportStore) ReportCards(context.Context, time.Time, time.Time, string, string, string) ([]*credential.Card, error) {
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
	}
	s := New(reportStore{cards: cards}, nil, WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	rep, err := s.Report(context.Background(), "2026-03-01", "2026-03-31", "", lang.EN)
	if err != nil {
		t.Fatal(err)
	}
	type counts struct{ impl, sub, rec int }
	want := []counts{{1, 1, 1}, {0, 1, 0}, {1, 0, 0}, {1, 1, 0}}
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
	if len(rep.ByPerson) != 3 || rep.ByPerson[0].StaffID != "A" || rep.ByPerson[0].Implemented != 1 || rep.ByPerson[0].Submitted != 2 {
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
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 1+4+3+2+1 {
		t.Fatalf("CSV %d rows, err %v", len(rows), err)
	}
	if last := rows[len(rows)-1]; last[0] != "total" || last[13] != "1.87" || last[19] != "1.20" {
		t.Errorf("CSV total %q", last)
	}
	for _, bad := range [][2]string{{"2026-04-01", "2026-03-01"}, {"01.03.2026", ""}, {"", "2026-02-30"}} {
		if _, err := s.Report(context.Background(), bad[0], bad[1], "", lang.EN); credential.ErrorCode(err) != credential.CodeInvalid {
			t.Errorf("period %v: err %v, want invalid", bad, err)
		}
	}
	def, err := s.Report(context.Background(), "", "", "", lang.EN)
	if err != nil || def.From != "2026-01-01" || def.To != "2026-06-01" {
		t.Errorf("default period %s–%s err %v", def.From, def.To, err)
	}
}

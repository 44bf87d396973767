package credential

import (
	"strings"
	"testing"
	"time"
)

func TestPathwayValidate(t *testing.T) {
	good := func() Pathway {
		return Pathway{Name: Text{"kk": "Деректер талдаушысы"}, NQFLevel: 6, Required: []string{"MQ-2026-0001", "MQ-2026-0002"},
			Electives: []string{"MQ-2026-0003"}, MinElectives: 1, MinCredits: 9}
	}
	for _, tc := range []struct {
		name  string
		edit  func(*Pathway)
		field string
	}{
		{"valid", func(*Pathway) {}, ""},
		{"no Kazakh name", func(p *Pathway) { p.Name = Text{"en": "Data analyst"} }, "name.kk"},
		{"unknown language", func(p *Pathway) { p.Name["de"] = "x" }, "name.de"},
		{"NQF level", func(p *Pathway) { p.NQFLevel = 9 }, "nqf_level"},
		{"no required", func(p *Pathway) { p.Required = nil }, "required"},
		{"repeated", func(p *Pathway) { p.Electives = []string{"MQ-2026-0001"} }, "electives[0]"},
		{"nested", func(p *Pathway) { p.Electives = []string{"ND-2026-0001"} }, "electives[0]"},
		{"not a regno", func(p *Pathway) { p.Required[1] = "MQ 2026" }, "required[1]"},
		{"too many electives required", func(p *Pathway) { p.MinElectives = 2 }, "min_electives"},
		{"credits", func(p *Pathway) { p.MinCredits = 241 }, "min_credits"},
		{"status", func(p *Pathway) { p.Status = "draft" }, "status"},
		{"too many", func(p *Pathway) {
			for i := 0; i < MaxPathwayPrograms; i++ {
				p.Electives = append(p.Electives, "MQ-2027-"+strings.Repeat("1", i%5+1)+string(rune('A'+i%26)))
			}
		}, "electives"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := good()
			tc.edit(&p)
			p.Normalize()
			err := p.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			found := false
			for _, d := range ErrorDetails(err) {
				found = found || d.Field == tc.field
			}
			if !found {
				t.Fatalf("want a problem with %s, got %v %+v", tc.field, err, ErrorDetails(err))
			}
		})
	}
}

func TestPathwayEvaluate(t *testing.T) {
	p := Pathway{Required: []string{"A", "B"}, Electives: []string{"C", "D"}, MinElectives: 1, MinCredits: 9}
	day := func(d int) time.Time { return time.Date(2026, 5, d, 0, 0, 0, 0, time.UTC) }
	c := func(prog, id string, credits float64, d int) Component {
		return Component{CredentialID: id, Program: prog, Credits: credits, IssuedAt: day(d), From: day(d - 1), To: day(d)}
	}
	for _, tc := range []struct {
		name     string
		held     []Component
		eligible bool
		credits  float64
		missing  string
	}{
		{"nothing", nil, false, 0, "A,B"},
		{"two of three", []Component{c("A", "1", 3, 1), c("B", "2", 3, 2)}, false, 6, ""},
		{"all three", []Component{c("A", "1", 3, 1), c("B", "2", 3, 2), c("C", "3", 3, 3)}, true, 9, ""},
		{"below the threshold", []Component{c("A", "1", 3, 1), c("B", "2", 2, 2), c("C", "3", 3, 3)}, false, 8, ""},
		{"electives add up", []Component{c("A", "1", 3, 1), c("B", "2", 2, 2), c("C", "3", 2, 3), c("D", "4", 2, 4)}, true, 9, ""},
		{"required missing", []Component{c("A", "1", 5, 1), c("C", "3", 5, 3)}, false, 10, "B"},
		{"latest of two counts once", []Component{c("A", "1", 3, 1), c("A", "9", 4, 9), c("B", "2", 3, 2), c("C", "3", 3, 3)}, true, 10, ""},
		{"other programs ignored", []Component{c("A", "1", 3, 1), c("B", "2", 3, 2), c("X", "5", 30, 3)}, false, 6, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := p.Evaluate(tc.held)
			if e.Eligible != tc.eligible || e.Credits != tc.credits || strings.Join(e.MissingRequired, ",") != tc.missing {
				t.Fatalf("got eligible=%v credits=%v missing=%v", e.Eligible, e.Credits, e.MissingRequired)
			}
		})
	}
	from, to := ComponentsPeriod([]Component{c("A", "1", 3, 5), c("B", "2", 3, 2)})
	if !from.Equal(day(1)) || !to.Equal(day(5)) {
		t.Fatalf("period %v – %v", from, to)
	}
}

func TestTransferValidate(t *testing.T) {
	today := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	letters := DefaultGradeScale().Letters()
	good := func() Transfer {
		return Transfer{ProgramCode: "6B06101", ProgramName: "Информатика", Form: TransferElective, Course: "Python",
			Grade: "b+", Body: "Академиялық кеңес", DecisionDate: "2026-06-10", DecisionNumber: "12"}
	}
	for _, tc := range []struct {
		name  string
		edit  func(*Transfer)
		field string
	}{
		{"valid", func(*Transfer) {}, ""},
		{"credits valid", func(t *Transfer) { t.Form, t.Course, t.Credits, t.CreditSystem = TransferCredits, "", 5, CreditsECTS }, ""},
		{"no program", func(t *Transfer) { t.ProgramCode = " " }, "program_code"},
		{"form", func(t *Transfer) { t.Form = "transfer" }, "form"},
		{"elective without course", func(t *Transfer) { t.Course = "" }, "course"},
		{"credits without number", func(t *Transfer) { t.Form, t.CreditSystem = TransferCredits, CreditsAcademic }, "credits"},
		{"credits without system", func(t *Transfer) { t.Form, t.Credits = TransferCredits, 5 }, "credit_system"},
		{"grade", func(t *Transfer) { t.Grade = "Z" }, "grade"},
		{"future decision", func(t *Transfer) { t.DecisionDate = "2026-07-15" }, "decision_date"},
		{"not a date", func(t *Transfer) { t.DecisionDate = "10.06.2026" }, "decision_date"},
		{"no number", func(t *Transfer) { t.DecisionNumber = "" }, "decision_number"},
		{"validation kind", func(t *Transfer) { t.Validation = &Validation{Kind: "exam", Result: "ok"} }, "validation.kind"},
		{"validation result", func(t *Transfer) { t.Validation = &Validation{Kind: ValidationTest} }, "validation.result"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := good()
			tc.edit(&tr)
			err := tr.Validate(letters, today)
			if tc.field == "" {
				if err != nil || tr.Grade != "B+" {
					t.Fatalf("want valid with grade B+, got %v %q", err, tr.Grade)
				}
				return
			}
			found := false
			for _, d := range ErrorDetails(err) {
				found = found || d.Field == tc.field
			}
			if !found {
				t.Fatalf("want a problem with %s, got %v", tc.field, ErrorDetails(err))
			}
		})
	}
}

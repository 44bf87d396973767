package credential

import (
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/lang"
)

func registryProgram() Program {
	return Program{Kind: KindMicroqualification, Name: Text{"kk": "Бағдарлама"}, Hours: 30, Credits: 1, NQFLevel: 5,
		Competencies:  []Competency{{Code: "LO1", Title: Text{"kk": "Нәтиже"}}},
		Content:       []ContentRow{{Competency: "LO1", Outcome: Text{"kk": "Нәтиже"}, Theory: 10, Practice: 10, SelfStudy: 10}},
		Teachers:      []Teacher{{Name: "Ахметова Г.", Phone: "+7 (727) 292-00-00", Email: "g@example.edu"}},
		Accreditation: []Accreditation{{Kind: AccreditationInternational, Agency: "ASIIN", ValidUntil: "2030-01-01"}}}
}

func TestRegistryFields(t *testing.T) {
	ok := registryProgram()
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid program refused: %v", err)
	}
	tests := []struct {
		name  string
		edit  func(p *Program)
		field string
		msg   lang.Key
	}{
		{"unknown accreditation", func(p *Program) { p.Accreditation[0].Kind = "gold" }, "accreditation[0].kind", lang.RegdocErrAccreditationKind},
		{"no agency", func(p *Program) { p.Accreditation[0].Agency = " " }, "accreditation[0].agency", lang.RegdocErrAgency},
		{"none with an agency", func(p *Program) { p.Accreditation[0].Kind = AccreditationNone }, "accreditation[0].kind", lang.RegdocErrNoneWithAgency},
		{"bad date", func(p *Program) { p.Accreditation[0].ValidUntil = "01.01.2030" }, "accreditation[0].valid_until", lang.RegdocErrDate},
		{"teacher without a name", func(p *Program) { p.Teachers[0].Name = "" }, "teachers[0].name", lang.RegdocErrTeacherName},
		{"phone with letters", func(p *Program) { p.Teachers[0].Phone = "tel 12345" }, "teachers[0].phone", lang.RegdocErrPhone},
		{"short phone", func(p *Program) { p.Teachers[0].Phone = "12-34" }, "teachers[0].phone", lang.RegdocErrPhone},
		{"bad e-mail", func(p *Program) { p.Teachers[0].Email = "Ahmetova <g@example.edu>" }, "teachers[0].email", lang.RegdocErrEmail},
		{"outcome not in Kazakh", func(p *Program) { p.Content[0].Outcome = Text{"de": "Ergebnis"} }, "content[0].outcome.de", lang.RegdocErrLang},
		{"unknown competency", func(p *Program) { p.Content[0].Competency = "LO7" }, "content[0].competency", lang.RegdocErrCompetency},
		{"negative hours", func(p *Program) { p.Content[0].Theory = -1; p.Content[0].Practice = 11 }, "content[0].theory_hours", lang.RegdocErrRowHours},
		{"a row without hours", func(p *Program) { p.Content = append(p.Content, ContentRow{Outcome: Text{"kk": "Тағы"}}) }, "content[1]", lang.RegdocErrRowNoHours},
		{"total differs", func(p *Program) { p.Content[0].SelfStudy = 5 }, "content", lang.RegdocErrTotal},
		{"too many rows", func(p *Program) {
			for range MaxContentRows {
				p.Content = append(p.Content, p.Content[0])
			}
		}, "content", lang.RegdocErrTooMany},
		{"too many teachers", func(p *Program) {
			for range MaxTeachers {
				p.Teachers = append(p.Teachers, p.Teachers[0])
			}
		}, "teachers", lang.RegdocErrTooMany},
		{"long postrequisites", func(p *Program) { p.Postrequisites = Text{"kk": strings.Repeat("ы", MaxDescriptionLen+1)} }, "postrequisites.kk", ""},
		{"developer blank", func(p *Program) { p.Developers = []string{" "} }, "developers[0]", lang.RegdocErrTeacherName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := registryProgram()
			tt.edit(&p)
			err := p.Validate()
			e, okErr := err.(*Error)
			if !okErr {
				t.Fatalf("got %v, want an *Error", err)
			}
			for _, d := range e.Details {
				if d.Field == tt.field && (tt.msg == "" || d.Msg == tt.msg) {
					if tt.msg != "" && lang.RU.T(d.Msg, d.Args...) == lang.EN.T(d.Msg, d.Args...) {
						t.Errorf("%s: no Russian wording", tt.field)
					}
					return
				}
			}
			t.Errorf("details %+v lack %s (%s)", e.Details, tt.field, tt.msg)
		})
	}
}

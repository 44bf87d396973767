package credential

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/lang"
)

// Program kinds.
const (
	KindMicroqualification = "microqualification"
	KindTeachHubModule     = "teachhub_module"
	KindNonformalActivity  = "nonformal_activity"
)

// Program statuses: draft → active → archived.
const (
	ProgramDraft    = "draft"
	ProgramActive   = "active"
	ProgramArchived = "archived"
)

// Forms of study.
var formsOfStudy = map[string]bool{"full_time": true, "distance": true, "blended": true, "dual": true, "online": true, "internship": true, "self_study": true, "internal_event": true}

// Competency is one learning outcome of a program.
type Competency struct {
	Code     string `json:"code"`
	Title    Text   `json:"title"`
	Outcome  Text   `json:"outcome,omitempty"`
	Optional bool   `json:"optional,omitempty"`
}

// Approval records who approved a program and when.
type Approval struct {
	Body  string `json:"body,omitempty"`
	Date  string `json:"date,omitempty"`
	Order string `json:"order,omitempty"`
}

// Program is an entry of the program registry. A program keeps its
// registration number across versions; credentials point at the version
// they were issued under.
type Program struct {
	RegistrationNumber   string       `json:"registration_number,omitempty"`
	Version              int          `json:"version,omitempty"`
	Status               string       `json:"status,omitempty"`
	Kind                 string       `json:"kind"`
	Name                 Text         `json:"name"`
	Abbreviation         string       `json:"abbreviation,omitempty"`
	Description          Text         `json:"description,omitempty"`
	Goal                 Text         `json:"goal,omitempty"`
	Competencies         []Competency `json:"competencies"`
	Prerequisites        Text         `json:"prerequisites,omitempty"`
	Hours                float64      `json:"hours"`
	Credits              float64      `json:"credits,omitempty"`
	ContactHours         float64      `json:"contact_hours,omitempty"`
	SelfStudyHours       float64      `json:"self_study_hours,omitempty"`
	NQFLevel             int          `json:"nqf_level,omitempty"`
	FormOfStudy          string       `json:"form_of_study,omitempty"`
	Language             string       `json:"language,omitempty"`
	ProfessionalStandard string       `json:"professional_standard,omitempty"`
	Department           string       `json:"department,omitempty"`
	Curator              string       `json:"curator,omitempty"`
	Facilitators         []string     `json:"facilitators,omitempty"`
	TargetAudience       string       `json:"target_audience,omitempty"`
	CompletionCriteria   []string     `json:"completion_criteria,omitempty"`
	Approval             *Approval    `json:"approval,omitempty"`
	ValidFrom            string       `json:"valid_from,omitempty"`
	ValidUntil           string       `json:"valid_until,omitempty"`
	ImageURL             string       `json:"image_url,omitempty"`
	CreatedAt            time.Time    `json:"created_at,omitzero"`
	UpdatedAt            time.Time    `json:"updated_at,omitzero"`
}

// RegNoPrefix returns the registration-number prefix of a program kind.
func RegNoPrefix(kind string) string {
	switch kind {
	case KindTeachHubModule:
		return "TH"
	case KindNonformalActivity:
		return "NF"
	case KindNanoDiploma:
		return "ND"
	default:
		return "MQ"
	}
}

// Validate checks a program definition and returns every problem found.
func (p *Program) Validate() error {
	var d []Detail
	add := func(field, msg string) { d = append(d, Detail{Field: field, Message: msg}) }
	switch p.Kind {
	case KindMicroqualification, KindTeachHubModule, KindNonformalActivity, KindNanoDiploma:
	default:
		add("kind", "kind must be microqualification, teachhub_module or nonformal_activity")
	}
	if strings.TrimSpace(p.Name["kk"]) == "" {
		add("name.kk", "the Kazakh name is required")
	}
	for l := range p.Name {
		if !lang.Valid(l) {
			add("name."+l, "language must be kk, ru or en")
		}
	}
	if p.Hours <= 0 || math.IsNaN(p.Hours) {
		add("hours", "hours must be a positive number of academic hours")
	} else if m := CheckNumber("hours", p.Hours, 0, MaxHours, true); m != "" {
		add("hours", m)
	}
	if p.Credits < 0 || math.IsNaN(p.Credits) {
		add("credits", "credits must not be negative")
	} else if m := CheckNumber("credits", p.Credits, 0, MaxCredits, false); m != "" {
		add("credits", m)
	}
	for _, h := range []struct {
		field string
		v     float64
	}{{"contact_hours", p.ContactHours}, {"self_study_hours", p.SelfStudyHours}} {
		if m := CheckNumber(h.field, h.v, 0, MaxHours, false); m != "" && h.v >= 0 {
			add(h.field, m)
		}
	}
	p.checkTexts(add)
	if p.Kind == KindMicroqualification {
		if p.Credits <= 0 {
			add("credits", "a microqualification needs academic credits (typically 1–6)")
		}
		if p.NQFLevel < 1 || p.NQFLevel > 8 {
			add("nqf_level", "nqf_level must be between 1 and 8")
		}
	} else if p.NQFLevel != 0 && (p.NQFLevel < 1 || p.NQFLevel > 8) {
		add("nqf_level", "nqf_level must be between 1 and 8")
	}
	if p.ContactHours < 0 || p.SelfStudyHours < 0 {
		add("contact_hours", "hours must not be negative")
	}
	if p.FormOfStudy != "" && !formsOfStudy[p.FormOfStudy] {
		add("form_of_study", "form_of_study must be full_time, distance, blended or dual")
	}
	if p.Language != "" && !lang.Valid(p.Language) {
		add("language", "language must be kk, ru or en")
	}
	if len(p.Competencies) == 0 && p.Kind == KindMicroqualification {
		add("competencies", "a microqualification lists at least one competency")
	}
	if len(p.Competencies) > MaxCompetencies {
		add("competencies", fmt.Sprintf("a program lists at most %d competencies, not %d", MaxCompetencies, len(p.Competencies)))
	}
	comps := p.Competencies
	if len(comps) > MaxCompetencies {
		comps = nil // not each of thousands
	}
	codes := map[string]bool{}
	for i, c := range comps {
		f := "competencies[" + strconv.Itoa(i) + "]"
		code := strings.TrimSpace(c.Code)
		if code == "" {
			add(f+".code", "competency code is required")
		} else if v := CheckCompetencyCode(code); !v.OK() {
			add(f+".code", v.Message(f+".code")+"; a code holds letters, digits and "+IDSeparators)
			continue
		}
		if codes[strings.ToLower(code)] {
			add(f+".code", "competency code "+code+" is repeated")
		}
		codes[strings.ToLower(code)] = true
		if c.Title.Get("kk") == "" {
			add(f+".title", "competency title is required")
		}
	}
	from, errFrom := parseDate(p.ValidFrom)
	until, errUntil := parseDate(p.ValidUntil)
	if p.ValidFrom != "" && errFrom != nil {
		add("valid_from", "valid_from must be a date YYYY-MM-DD")
	}
	if p.ValidUntil != "" && errUntil != nil {
		add("valid_until", "valid_until must be a date YYYY-MM-DD")
	}
	if errFrom == nil && errUntil == nil && p.ValidFrom != "" && p.ValidUntil != "" {
		if !until.After(from) {
			add("valid_until", "valid_until must be after valid_from")
		} else if until.Sub(from) > (3*366+1)*24*time.Hour {
			add("valid_until", "a program is approved for at most 3 years (sec. 4.13)")
		}
	}
	switch p.Status {
	case "", ProgramDraft, ProgramActive, ProgramArchived:
	default:
		add("status", "status must be draft, active or archived")
	}
	if len(d) > 0 {
		return &Error{Code: CodeInvalid, Message: "The program is not valid: " + d[0].Field + ": " + d[0].Message, Details: d}
	}
	return nil
}

// IssuableAt reports whether credentials can be issued under the program at
// day t: it must be active and t within its validity.
func (p *Program) IssuableAt(t time.Time) error {
	if p.Status != ProgramActive {
		return Errorf(CodeNotAcceptable, "program %s is %s; credentials are issued only for active programs", p.RegistrationNumber, p.Status)
	}
	day := t.UTC().Format(time.DateOnly)
	if p.ValidFrom != "" && day < p.ValidFrom {
		return Errorf(CodeNotAcceptable, "program %s is valid from %s", p.RegistrationNumber, p.ValidFrom)
	}
	if p.ValidUntil != "" && day > p.ValidUntil {
		return Errorf(CodeNotAcceptable, "program %s expired on %s", p.RegistrationNumber, p.ValidUntil)
	}
	return nil
}

// Competency returns the competency with code (case-insensitive).
func (p *Program) Competency(code string) (Competency, bool) {
	for _, c := range p.Competencies {
		if strings.EqualFold(c.Code, code) {
			return c, true
		}
	}
	return Competency{}, false
}

// Codes returns the competency codes in order.
func (p *Program) Codes() []string {
	out := make([]string, len(p.Competencies))
	for i, c := range p.Competencies {
		out[i] = c.Code
	}
	return out
}

func parseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err == nil && !CheckYear(t) {
		return time.Time{}, fmt.Errorf("year %d is outside %d..%d", t.Year(), MinYear, MaxYear)
	}
	return t, err
}

// checkTexts checks the program's free texts: one line each (names,
// titles, people) or several (descriptions), within their lengths.
func (p *Program) checkTexts(add func(field, msg string)) {
	text := func(field string, t Text, max int, lines bool) {
		for l, s := range t {
			f := field + "." + l
			v := CheckLine(s, max)
			if lines {
				v = CheckText(s, max)
			}
			if !v.OK() {
				add(f, v.Message(f))
			}
		}
	}
	line := func(field, s string) {
		if v := CheckLine(s, MaxLineLen); !v.OK() {
			add(field, v.Message(field))
		}
	}
	text("name", p.Name, MaxTitleLen, false)
	text("description", p.Description, MaxDescriptionLen, true)
	text("goal", p.Goal, MaxDescriptionLen, true)
	text("prerequisites", p.Prerequisites, MaxDescriptionLen, true)
	for _, f := range []struct{ field, v string }{{"abbreviation", p.Abbreviation}, {"professional_standard", p.ProfessionalStandard},
		{"department", p.Department}, {"curator", p.Curator}, {"target_audience", p.TargetAudience}, {"image_url", p.ImageURL}} {
		line(f.field, f.v)
	}
	if len(p.Facilitators) > MaxFacilitators {
		add("facilitators", fmt.Sprintf("at most %d facilitators", MaxFacilitators))
	} else {
		for i, s := range p.Facilitators {
			line("facilitators["+strconv.Itoa(i)+"]", s)
		}
	}
	if len(p.CompletionCriteria) > MaxCompetencies {
		add("completion_criteria", fmt.Sprintf("at most %d completion criteria", MaxCompetencies))
	} else {
		for i, s := range p.CompletionCriteria {
			if v := CheckText(s, MaxDescriptionLen); !v.OK() {
				add("completion_criteria["+strconv.Itoa(i)+"]", v.Message("completion_criteria["+strconv.Itoa(i)+"]"))
			}
		}
	}
	if a := p.Approval; a != nil {
		line("approval.body", a.Body)
		line("approval.order", a.Order)
		line("approval.date", a.Date)
	}
	if len(p.Competencies) <= MaxCompetencies {
		for i, c := range p.Competencies {
			f := "competencies[" + strconv.Itoa(i) + "]"
			text(f+".title", c.Title, MaxTitleLen, false)
			text(f+".outcome", c.Outcome, MaxDescriptionLen, true)
		}
	}
}

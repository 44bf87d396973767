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
	// The registry's documents (see programregistry.go). An empty accreditation
	// list means "not stated"; one entry of kind none says "not accredited".
	Accreditation  []Accreditation `json:"accreditation,omitempty"`
	Postrequisites Text            `json:"postrequisites,omitempty"`
	Equipment      Text            `json:"equipment,omitempty"`
	Teachers       []Teacher       `json:"teachers,omitempty"`
	Developers     []string        `json:"developers,omitempty"`
	Content        []ContentRow    `json:"content,omitempty"`
	CreatedAt      time.Time       `json:"created_at,omitzero"`
	UpdatedAt      time.Time       `json:"updated_at,omitzero"`
}

// RegNoPrefix returns the registration-number prefix of a program kind.
func RegNoPrefix(kind string) string {
	switch kind {
	case KindTeachHubModule:
		return "TH"
	case KindNonformalActivity:
		return "NF"
	default:
		return "MQ"
	}
}

// Validate checks a program definition and returns every problem found.
func (p *Program) Validate() error {
	var d []Detail
	add := func(field string, msg lang.Key, args ...any) { d = append(d, DetailMsg(field, msg, args...)) }
	fail := func(det Detail, ok bool) {
		if !ok {
			d = append(d, det)
		}
	}
	switch p.Kind {
	case KindMicroqualification, KindTeachHubModule, KindNonformalActivity:
	default:
		add("kind", lang.ProgramKind)
	}
	if strings.TrimSpace(p.Name["kk"]) == "" {
		add("name.kk", lang.ProgramKazakhName)
	}
	for l := range p.Name {
		if !lang.Valid(l) {
			add("name."+l, lang.ValueLanguage)
		}
	}
	if p.Hours <= 0 || math.IsNaN(p.Hours) {
		add("hours", lang.ProgramHours)
	} else {
		fail(CheckNumber("hours", p.Hours, 0, MaxHours, true))
	}
	if p.Credits < 0 || math.IsNaN(p.Credits) {
		add("credits", lang.ProgramCredits)
	} else {
		fail(CheckNumber("credits", p.Credits, 0, MaxCredits, false))
	}
	for _, h := range []struct {
		field string
		v     float64
	}{{"contact_hours", p.ContactHours}, {"self_study_hours", p.SelfStudyHours}} {
		if det, ok := CheckNumber(h.field, h.v, 0, MaxHours, false); !ok && h.v >= 0 {
			d = append(d, det)
		}
	}
	p.checkTexts(func(det Detail) { d = append(d, det) })
	p.checkRegistry(func(x Detail) { d = append(d, x) })
	if p.Kind == KindMicroqualification {
		if p.Credits <= 0 {
			add("credits", lang.ProgramMicroCredits)
		}
		if p.NQFLevel < 1 || p.NQFLevel > 8 {
			add("nqf_level", lang.ProgramNQF)
		}
	} else if p.NQFLevel != 0 && (p.NQFLevel < 1 || p.NQFLevel > 8) {
		add("nqf_level", lang.ProgramNQF)
	}
	if p.ContactHours < 0 || p.SelfStudyHours < 0 {
		add("contact_hours", lang.ProgramNegativeHours)
	}
	if p.FormOfStudy != "" && !formsOfStudy[p.FormOfStudy] {
		add("form_of_study", lang.ProgramForm)
	}
	if p.Language != "" && !lang.Valid(p.Language) {
		add("language", lang.ValueLanguage)
	}
	if len(p.Competencies) == 0 && p.Kind == KindMicroqualification {
		add("competencies", lang.ProgramNoCompetencies)
	}
	if len(p.Competencies) > MaxCompetencies {
		add("competencies", lang.ProgramManyCompetencies, MaxCompetencies, len(p.Competencies))
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
			add(f+".code", lang.ProgramCode)
		} else if v := CheckCompetencyCode(code); !v.OK() {
			det := v.Detail(f + ".code")
			add(f+".code", lang.ValueCodeChars, lang.Phrase{Key: det.Msg, Args: det.Args}, IDSeparators)
			continue
		}
		if codes[strings.ToLower(code)] {
			add(f+".code", lang.ProgramCodeRepeated, code)
		}
		codes[strings.ToLower(code)] = true
		if c.Title.Get("kk") == "" {
			add(f+".title", lang.ProgramCompTitle)
		}
	}
	from, errFrom := parseDate(p.ValidFrom)
	until, errUntil := parseDate(p.ValidUntil)
	if p.ValidFrom != "" && errFrom != nil {
		add("valid_from", lang.ValueDate, "valid_from")
	}
	if p.ValidUntil != "" && errUntil != nil {
		add("valid_until", lang.ValueDate, "valid_until")
	}
	if errFrom == nil && errUntil == nil && p.ValidFrom != "" && p.ValidUntil != "" {
		if !until.After(from) {
			add("valid_until", lang.ProgramPeriod)
		} else if until.Sub(from) > (3*366+1)*24*time.Hour {
			add("valid_until", lang.ProgramTooLong)
		}
	}
	switch p.Status {
	case "", ProgramDraft, ProgramActive, ProgramArchived:
	default:
		add("status", lang.ProgramStatusValue)
	}
	if len(d) > 0 {
		e := Errorm(CodeInvalid, lang.ProgramInvalid, d[0].Field, lang.Phrase{Key: d[0].Msg, Args: d[0].Args})
		e.Details = d
		return e
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
func (p *Program) checkTexts(add func(Detail)) {
	text := func(field string, t Text, max int, lines bool) {
		for l, s := range t {
			f := field + "." + l
			v := CheckLine(s, max)
			if lines {
				v = CheckText(s, max)
			}
			if !v.OK() {
				add(v.Detail(f))
			}
		}
	}
	line := func(field, s string) {
		if v := CheckLine(s, MaxLineLen); !v.OK() {
			add(v.Detail(field))
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
		add(DetailMsg("facilitators", lang.ValueFacilitators, MaxFacilitators))
	} else {
		for i, s := range p.Facilitators {
			line("facilitators["+strconv.Itoa(i)+"]", s)
		}
	}
	if len(p.CompletionCriteria) > MaxCompetencies {
		add(DetailMsg("completion_criteria", lang.ValueCriteria, MaxCompetencies))
	} else {
		for i, s := range p.CompletionCriteria {
			if v := CheckText(s, MaxDescriptionLen); !v.OK() {
				add(v.Detail("completion_criteria[" + strconv.Itoa(i) + "]"))
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

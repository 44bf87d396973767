package credential

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/lang"
)

// KindNanoDiploma is the program kind of a pathway's nano-diploma: the
// credential a registrar issues when a holder's microcertificates satisfy
// the pathway. Its programs are made by creating a pathway, never directly.
const KindNanoDiploma = "nano_diploma"

// Audit actions of stacking and recognition.
const (
	ActionPathwayCreated   = "pathway.created"
	ActionTransferRecorded = "transfer.recorded"
)

// Pathway statuses.
const (
	PathwayActive   = "active"
	PathwayArchived = "archived"
)

// Pathway limits.
const (
	// MaxPathwayPrograms bounds the required plus elective programs of a
	// pathway.
	MaxPathwayPrograms = 30
	// MaxPathwayCredits bounds a pathway's credit threshold.
	MaxPathwayCredits = 240
)

// Pathway is a larger qualification stacked from microqualifications
// (regulation sec. 4.5, road map 4.1): the programs a holder must hold
// valid credentials of (required, by registration number, any version),
// electives of which at least MinElectives, and a credit threshold over
// the programs counted. Its ID is the registration number of the
// nano-diploma program its credentials are issued under.
type Pathway struct {
	ID           string    `json:"id,omitempty"`
	Status       string    `json:"status,omitempty"`
	Name         Text      `json:"name"`
	Description  Text      `json:"description,omitempty"`
	NQFLevel     int       `json:"nqf_level"`
	Required     []string  `json:"required"`
	Electives    []string  `json:"electives,omitempty"`
	MinElectives int       `json:"min_electives,omitempty"`
	MinCredits   float64   `json:"min_credits"`
	CreatedAt    time.Time `json:"created_at,omitzero"`
	UpdatedAt    time.Time `json:"updated_at,omitzero"`
}

// Normalize trims the registration numbers and upper-cases them.
func (p *Pathway) Normalize() {
	norm := func(in []string) []string {
		out := make([]string, 0, len(in))
		for _, r := range in {
			if r = strings.ToUpper(strings.TrimSpace(r)); r != "" {
				out = append(out, r)
			}
		}
		return out
	}
	p.Required, p.Electives = norm(p.Required), norm(p.Electives)
}

// Validate checks a pathway definition and returns every problem, each
// naming its field.
func (p *Pathway) Validate() error {
	var d []Detail
	add := func(field string, msg lang.Key, args ...any) { d = append(d, DetailMsg(field, msg, args...)) }
	if strings.TrimSpace(p.Name["kk"]) == "" {
		add("name.kk", lang.StackNameRequired)
	}
	for l, s := range p.Name {
		if !lang.Valid(l) {
			add("name."+l, lang.StackLanguage)
		} else if v := CheckLine(s, MaxTitleLen); !v.OK() {
			add("name."+l, lang.StackTooLong, MaxTitleLen)
		}
	}
	for l, s := range p.Description {
		if !lang.Valid(l) {
			add("description."+l, lang.StackLanguage)
		} else if v := CheckText(s, MaxDescriptionLen); !v.OK() {
			add("description."+l, lang.StackTooLong, MaxDescriptionLen)
		}
	}
	if p.NQFLevel < 1 || p.NQFLevel > 8 {
		add("nqf_level", lang.StackNQF)
	}
	if len(p.Required) == 0 {
		add("required", lang.StackNoRequired)
	}
	if n := len(p.Required) + len(p.Electives); n > MaxPathwayPrograms {
		add("electives", lang.StackTooManyPrograms, MaxPathwayPrograms, n)
	}
	seen := map[string]string{}
	for _, l := range []struct {
		field string
		regs  []string
	}{{"required", p.Required}, {"electives", p.Electives}} {
		for i, r := range l.regs {
			f := fmt.Sprintf("%s[%d]", l.field, i)
			if v := CheckStudentID(r); !v.OK() || len(r) > 40 {
				add(f, lang.StackRegNo)
				continue
			}
			if strings.HasPrefix(r, RegNoPrefix(KindNanoDiploma)+"-") {
				add(f, lang.StackNestedPathway, r)
			}
			if other, dup := seen[r]; dup {
				add(f, lang.StackRepeated, r, other)
			}
			seen[r] = f
		}
	}
	if p.MinElectives < 0 || p.MinElectives > len(p.Electives) {
		add("min_electives", lang.StackMinElectives, len(p.Electives))
	}
	if math.IsNaN(p.MinCredits) || p.MinCredits < 0 || p.MinCredits > MaxPathwayCredits {
		add("min_credits", lang.StackMinCredits, MaxPathwayCredits)
	}
	switch p.Status {
	case "", PathwayActive, PathwayArchived:
	default:
		add("status", lang.StackStatus)
	}
	if len(d) > 0 {
		return &Error{Code: CodeInvalid, Message: d[0].Field + ": " + d[0].Message, Msg: lang.StackInvalid, Args: []any{d[0].Field},
			Details: d}
	}
	return nil
}

// Programs lists the pathway's programs: required first, then electives.
func (p *Pathway) Programs() []string {
	return append(append([]string{}, p.Required...), p.Electives...)
}

// Program returns the nano-diploma program a pathway's credentials are
// issued under: its name, level, and a nominal volume (the credit
// threshold, 30 academic hours a credit); each nano-diploma states the
// hours and credits of the components it was built on.
func (p *Pathway) Program() Program {
	credits := p.MinCredits
	if credits <= 0 {
		credits = 1
	}
	return Program{Kind: KindNanoDiploma, Name: p.Name, Description: p.Description, NQFLevel: p.NQFLevel,
		Hours: credits * 30, Credits: p.MinCredits, Status: ProgramActive}
}

// Component is one credential a nano-diploma is built on, as the pathway
// counts it and the nano-diploma lists it.
type Component struct {
	CredentialID      string    `json:"credential_id"`
	URL               string    `json:"url,omitempty"`
	Program           string    `json:"program"`
	ProgramVersion    int       `json:"program_version"`
	Name              string    `json:"name"`
	AchievementID     string    `json:"achievement_id,omitempty"`
	CertificateNumber string    `json:"certificate_number"`
	Credits           float64   `json:"credits"`
	Hours             float64   `json:"hours"`
	Grade             string    `json:"grade,omitempty"`
	Percent           float64   `json:"percent,omitempty"`
	Required          bool      `json:"required"`
	From              time.Time `json:"date_from"`
	To                time.Time `json:"date_to"`
	IssuedAt          time.Time `json:"issued_at"`
}

// Eligibility is how a holder's valid credentials stand against a pathway.
type Eligibility struct {
	Eligible bool `json:"eligible"`
	// Components are the credentials counted: one per program held, the
	// most recent valid one.
	Components []Component `json:"components"`
	// MissingRequired are the required programs the holder has no valid
	// credential of.
	MissingRequired []string `json:"missing_required"`
	Electives       int      `json:"electives"`
	MinElectives    int      `json:"min_electives"`
	Credits         float64  `json:"credits"`
	MinCredits      float64  `json:"min_credits"`
}

// Evaluate checks a holder's valid credentials (already filtered: valid
// status, not expired) against the pathway. Of several credentials of one
// program it counts the most recent.
func (p *Pathway) Evaluate(held []Component) Eligibility {
	best := map[string]Component{}
	for _, c := range held {
		if b, ok := best[c.Program]; !ok || c.IssuedAt.After(b.IssuedAt) || c.IssuedAt.Equal(b.IssuedAt) && c.CredentialID > b.CredentialID {
			best[c.Program] = c
		}
	}
	e := Eligibility{MinElectives: p.MinElectives, MinCredits: p.MinCredits, MissingRequired: []string{}, Components: []Component{}}
	for _, r := range p.Required {
		c, ok := best[r]
		if !ok {
			e.MissingRequired = append(e.MissingRequired, r)
			continue
		}
		c.Required = true
		e.Components = append(e.Components, c)
		e.Credits += c.Credits
	}
	for _, r := range p.Electives {
		if c, ok := best[r]; ok {
			c.Required = false
			e.Components = append(e.Components, c)
			e.Credits += c.Credits
			e.Electives++
		}
	}
	e.Credits = math.Round(e.Credits*100) / 100
	e.Eligible = len(e.MissingRequired) == 0 && e.Electives >= p.MinElectives && e.Credits >= p.MinCredits
	return e
}

// ComponentsPeriod returns the study period the components span.
func ComponentsPeriod(cs []Component) (from, to time.Time) {
	for i, c := range cs {
		if i == 0 || c.From.Before(from) {
			from = c.From
		}
		if i == 0 || c.To.After(to) {
			to = c.To
		}
	}
	return from, to
}

// Holding is one valid credential of a program as a candidate search
// first reads it: who holds it, without the signed credential.
type Holding struct {
	CredentialID string
	Program      string
	StudentID    string
	HolderName   string
	ValidUntil   *time.Time
}

// Holds reports whether a holder's programs can satisfy the pathway at
// all (required programs all held, enough electives), before credits
// are counted.
func (p *Pathway) Holds(programs map[string]bool) bool {
	for _, r := range p.Required {
		if !programs[r] {
			return false
		}
	}
	n := 0
	for _, e := range p.Electives {
		if programs[e] {
			n++
		}
	}
	return n >= p.MinElectives
}

// ReviewFlag says a nano-diploma lists a component that is no longer
// valid: the registrar reviews it.
type ReviewFlag struct {
	NanoID            string     `json:"nano_id"`
	ComponentID       string     `json:"component_id"`
	Program           string     `json:"program"`
	CertificateNumber int64      `json:"certificate_number"`
	Status            string     `json:"status"`
	Reason            string     `json:"reason,omitempty"`
	Since             *time.Time `json:"since,omitempty"`
}

// SortFlags orders flags by nano-diploma, then component.
func SortFlags(fs []ReviewFlag) {
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].NanoID != fs[j].NanoID {
			return fs[i].NanoID < fs[j].NanoID
		}
		return fs[i].ComponentID < fs[j].ComponentID
	})
}

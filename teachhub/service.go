// Package teachhub runs the participant cards of TeachHub modules and
// non-formal learning activities (KazNMU regulation, sec. 4.5.4, 5.2, 6–8):
// enrolment, recording hours, tasks and marks, the status flow with its
// roles, the completion record credential issued when a card is completed,
// recognition, and the HR summary report (sec. 7.3 item 7).
//
// The rules themselves (statuses, who may move a card, what completion and
// submission require) are in package credential; this package applies them
// against the registry and the issuer.
package teachhub

import (
	"context"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// Store is what the service needs of the registry.
type Store interface {
	Program(ctx context.Context, regno string, version int) (*credential.Program, error)
	CreateCard(ctx context.Context, c credential.Card) (*credential.Card, error)
	Card(ctx context.Context, id string) (*credential.Card, error)
	CardByCredential(ctx context.Context, credID string) (*credential.Card, error)
	CardByEnrolment(ctx context.Context, program, staffID, stream string) (*credential.Card, error)
	Cards(ctx context.Context, f credential.CardFilter) ([]*credential.Card, error)
	UpdateCard(ctx context.Context, id string, fn func(c *credential.Card) (credential.CardChange, error)) (*credential.Card, error)
	CardHistory(ctx context.Context, id string) ([]credential.CardEvent, error)
	ReportCards(ctx context.Context, from, to time.Time, fromDay, toDay, department string) ([]*credential.Card, error)
}

// Issuer issues the completion record credentials.
type Issuer interface {
	Issue(ctx context.Context, r issuer.Request) (*issuer.Result, error)
}

// Service runs participant cards.
type Service struct {
	st    Store
	is    Issuer
	scale *credential.GradeScale
	now   func() time.Time
}

// Option configures a Service.
type Option func(*Service)

// WithClock sets the clock (default time.Now).
func WithClock(now func() time.Time) Option { return func(s *Service) { s.now = now } }

// WithScale sets the grade scale facilitator marks are checked against
// when they are recorded; without it they are checked at completion only.
func WithScale(sc credential.GradeScale) Option { return func(s *Service) { s.scale = &sc } }

// New returns a Service. is may be nil for tools that only enrol, list and
// report: completing a card then fails.
func New(st Store, is Issuer, opts ...Option) *Service {
	s := &Service{st: st, is: is, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	return s
}

func (s *Service) today() string { return s.now().UTC().Format(time.DateOnly) }

// Enrolment asks for a new participant card.
type Enrolment struct {
	Program    string `json:"program"`
	StaffID    string `json:"staff_id"`
	FamilyName string `json:"family_name"`
	GivenName  string `json:"given_name"`
	Patronymic string `json:"patronymic,omitempty"`
	Department string `json:"department"`
	Position   string `json:"position"`
	Stream     string `json:"stream,omitempty"`
	DateFrom   string `json:"date_from,omitempty"`
	DateTo     string `json:"date_to,omitempty"`
	// Document registers a non-formal activity with its supporting
	// document's fields (sec. 5.2) at once.
	Document *credential.SupportingDocument `json:"document,omitempty"`
}

const maxText = 500

// program returns a program cards can be opened for.
func (s *Service) program(ctx context.Context, regno string) (*credential.Program, error) {
	if strings.TrimSpace(regno) == "" {
		e := credential.Errorm(credential.CodeInvalid, lang.TeachHubProgramRequired)
		e.Details = []credential.Detail{credential.DetailMsg("program", lang.ValueRequired, lang.Field("program"))}
		return nil, e
	}
	p, err := s.st.Program(ctx, strings.TrimSpace(regno), 0)
	if err != nil {
		return nil, err
	}
	if p.Kind != credential.KindTeachHubModule && p.Kind != credential.KindNonformalActivity {
		e := credential.Errorm(credential.CodeInvalid, lang.TeachHubNotCardProgram, p.RegistrationNumber, lang.Kind(p.Kind))
		e.Details = []credential.Detail{credential.DetailMsg("program", lang.TeachHubNotCardKind)}
		return nil, e
	}
	if p.Status != credential.ProgramActive {
		return nil, credential.Errorm(credential.CodeNotAcceptable, lang.TeachHubProgramInactive, p.RegistrationNumber, lang.ProgramStatus(p.Status))
	}
	return p, nil
}

// Enrol opens a card in status registered. Enrolling the same staff id in
// the same program and stream again is a conflict.
func (s *Service) Enrol(ctx context.Context, e Enrolment) (*credential.Card, error) {
	p, err := s.program(ctx, e.Program)
	if err != nil {
		return nil, err
	}
	c, err := newCard(p, e)
	if err != nil {
		return nil, err
	}
	return s.st.CreateCard(ctx, *c)
}

// newCard validates an enrolment against its program.
func newCard(p *credential.Program, e Enrolment) (*credential.Card, error) {
	trim := strings.TrimSpace
	c := &credential.Card{Program: p.RegistrationNumber, Kind: p.Kind, ProgramName: p.Name,
		StaffID: trim(e.StaffID), FamilyName: trim(e.FamilyName), GivenName: trim(e.GivenName), Patronymic: trim(e.Patronymic),
		Department: trim(e.Department), Position: trim(e.Position), Stream: trim(e.Stream),
		DateFrom: trim(e.DateFrom), DateTo: trim(e.DateTo), Document: e.Document}
	var d []credential.Detail
	for _, f := range []struct{ name, v string }{{"staff_id", c.StaffID}, {"family_name", c.FamilyName},
		{"given_name", c.GivenName}, {"department", c.Department}, {"position", c.Position}} {
		if f.v == "" {
			d = append(d, credential.DetailMsg(f.name, lang.ValueRequired, lang.Field(f.name)))
		}
	}
	d = append(d, checkText(map[string]string{"staff_id": c.StaffID, "family_name": c.FamilyName, "given_name": c.GivenName,
		"patronymic": c.Patronymic, "department": c.Department, "position": c.Position, "stream": c.Stream})...)
	d = append(d, checkPeriod(c.DateFrom, c.DateTo)...)
	if c.Document != nil {
		d = append(d, c.Document.Missing()...)
		if c.DateFrom == "" && c.DateTo == "" {
			c.DateFrom, c.DateTo = c.Document.DateFrom, c.Document.DateTo
		}
	}
	if len(d) > 0 {
		return nil, &credential.Error{Code: credential.CodeInvalid, Message: "the enrolment is not valid: " + d[0].Message, Details: d,
			Msg: d[0].Msg, Args: d[0].Args}
	}
	c.Derive()
	return c, nil
}

// checkText checks the text fields of a card with the validators every
// entry point shares (credential.Check*): the staff id's and the names'
// characters, one line of printable text for the rest.
func checkText(fields map[string]string) []credential.Detail {
	var d []credential.Detail
	for _, name := range []string{"staff_id", "family_name", "given_name", "patronymic", "department", "position", "stream",
		"facilitator", "plan_entry_number", "verification_note"} {
		v, ok := fields[name]
		if !ok {
			continue
		}
		var verdict credential.Verdict
		switch name {
		case "staff_id":
			verdict = credential.CheckStudentID(v)
		case "family_name", "given_name", "patronymic":
			verdict = credential.CheckPersonName(v)
		case "verification_note":
			verdict = credential.CheckText(v, maxText)
		default:
			verdict = credential.CheckLine(v, maxText)
		}
		if !verdict.OK() {
			d = append(d, verdict.Detail(name))
		}
	}
	return d
}

func checkPeriod(from, to string) []credential.Detail {
	var d []credential.Detail
	f, errF := time.Parse(time.DateOnly, from)
	t, errT := time.Parse(time.DateOnly, to)
	if from != "" && errF != nil {
		d = append(d, credential.DetailMsg("date_from", lang.ValueDate, lang.Field("date_from")))
	}
	if to != "" && errT != nil {
		d = append(d, credential.DetailMsg("date_to", lang.ValueDate, lang.Field("date_to")))
	}
	if from != "" && to != "" && errF == nil && errT == nil && t.Before(f) {
		d = append(d, credential.DetailMsg("date_to", lang.TeachHubPeriodReversed, to, from))
	}
	return d
}

// Card returns a card with its history of status changes.
func (s *Service) Card(ctx context.Context, id string) (*credential.Card, error) {
	c, err := s.st.Card(ctx, id)
	if err != nil {
		return nil, err
	}
	if c.History, err = s.st.CardHistory(ctx, id); err != nil {
		return nil, err
	}
	return c, nil
}

// Cards lists cards.
func (s *Service) Cards(ctx context.Context, f credential.CardFilter) ([]*credential.Card, error) {
	if f.Status != "" && !credential.ValidCardStatus(f.Status) {
		return nil, credential.Errorm(credential.CodeInvalid, lang.TeachHubStatusFilter, strings.Join(credential.CardStatuses(), ", "))
	}
	return s.st.Cards(ctx, f)
}

// Recognition is what verification shows about a completion record's card.
type Recognition struct {
	Status         string   `json:"status"`
	Recognized     bool     `json:"recognized"`
	Hours          float64  `json:"hours"`
	SB             float64  `json:"sb"`
	RecognizedSB   *float64 `json:"recognized_sb,omitempty"`
	DecisionDate   string   `json:"decision_date,omitempty"`
	DecisionNumber string   `json:"decision_number,omitempty"`
}

// Recognition returns the recognition state of the card whose completion
// record is credID, or nil when no card issued it.
func (s *Service) Recognition(ctx context.Context, credID string) (*Recognition, error) {
	c, err := s.st.CardByCredential(ctx, credID)
	if credential.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	r := &Recognition{Status: c.Status, Recognized: c.Status == credential.CardRecognized, Hours: c.Hours, SB: c.SB}
	if r.Recognized {
		r.RecognizedSB, r.DecisionDate, r.DecisionNumber = c.RecognizedSB, c.DecisionDate, c.DecisionNumber
	}
	return r, nil
}

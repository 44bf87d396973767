package issuer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/mail"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// Request asks for one award: the spreadsheet columns, same names.
type Request struct {
	Program      string         `json:"program"`
	StudentID    string         `json:"student_id"`
	FamilyName   string         `json:"family_name"`
	GivenName    string         `json:"given_name"`
	Patronymic   string         `json:"patronymic,omitempty"`
	Email        string         `json:"email,omitempty"`
	IIN          string         `json:"iin,omitempty"`
	DateFrom     string         `json:"date_from"`
	DateTo       string         `json:"date_to"`
	DecisionDate string         `json:"decision_date,omitempty"`
	Grades       map[string]any `json:"grades,omitempty"`
	Language     string         `json:"language,omitempty"`
	Hours        *float64       `json:"hours,omitempty"`
	Credits      *float64       `json:"credits,omitempty"`
	ValidUntil   string         `json:"valid_until,omitempty"`
	// TeachHub and non-formal extras.
	Department     string   `json:"department,omitempty"`
	Position       string   `json:"position,omitempty"`
	ContactHours   *float64 `json:"contact_hours,omitempty"`
	SelfStudyHours *float64 `json:"self_study_hours,omitempty"`
	Facilitators   []string `json:"facilitators,omitempty"`
	// BatchID links the credential to the batch that issued it.
	BatchID string `json:"-"`
}

// award is a validated request.
type award struct {
	req                     Request
	lang                    string
	from, to, decision      time.Time
	validUntil              *time.Time
	grades                  map[string]credential.Grade
	hours, credits          float64
	contactHours, selfHours float64
	// Random values drawn before building (Issuer.draw).
	credID, subjID string
	salts          []string
}

// identity is one identifier of the holder, hashed in the credential.
type identity struct{ kind, v string }

// identities lists the holder's hashed identifiers in credential order;
// empty values are skipped by the callers.
func (a *award) identities() [3]identity {
	return [3]identity{
		{"sisSourcedId", strings.TrimSpace(a.req.StudentID)},
		{"nationalIdentityNumber", a.req.IIN},
		{"emailAddress", strings.ToLower(strings.TrimSpace(a.req.Email))},
	}
}

// HolderName returns "Family Given Patronymic".
func (r *Request) HolderName() string {
	return strings.Join(strings.Fields(r.FamilyName+" "+r.GivenName+" "+r.Patronymic), " ")
}

// AwardKey identifies an award: the same holder, program and study period
// is one award, however often it is uploaded.
func AwardKey(program, studentID, from, to string) string {
	h := sha256.Sum256([]byte(program + "\x00" + strings.TrimSpace(studentID) + "\x00" + from + "\x00" + to))
	return hex.EncodeToString(h[:])
}

// ParseDate reads YYYY-MM-DD or DD.MM.YYYY.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, "02.01.2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, credential.Errorm(credential.CodeInvalid, lang.IssueNotDate, s)
}

// validate checks a request against its program and returns every problem.
func (is *Issuer) validate(p *credential.Program, r Request) (*award, error) {
	var d []credential.Detail
	add := func(field string, msg lang.Key, args ...any) {
		d = append(d, credential.DetailMsg(field, msg, args...))
	}
	a := &award{req: r, grades: map[string]credential.Grade{}}
	for _, f := range []struct{ name, v string }{{"student_id", r.StudentID}, {"family_name", r.FamilyName}, {"given_name", r.GivenName}} {
		if strings.TrimSpace(f.v) == "" {
			add(f.name, lang.IssueRequired, lang.Field(f.name))
		}
	}
	if r.Email != "" {
		if _, err := mail.ParseAddress(r.Email); err != nil || !strings.Contains(r.Email, "@") {
			add("email", lang.IssueEmail, r.Email)
		}
	}
	if r.IIN != "" {
		if err := CheckIIN(r.IIN); err != nil {
			d = append(d, credential.Detail{Field: "iin", Message: credential.ErrorMessage(err)})
			var e *credential.Error
			if errors.As(err, &e) {
				d[len(d)-1].Msg, d[len(d)-1].Args = e.Msg, e.Args
			}
		}
	}
	var err error
	if a.from, err = ParseDate(r.DateFrom); err != nil {
		add("date_from", lang.IssueFieldProblem, lang.Field("date_from"), credential.Said(err))
	}
	if a.to, err = ParseDate(r.DateTo); err != nil {
		add("date_to", lang.IssueFieldProblem, lang.Field("date_to"), credential.Said(err))
	}
	if !a.from.IsZero() && !a.to.IsZero() && a.to.Before(a.from) {
		add("date_to", lang.IssuePeriodReversed, r.DateTo, r.DateFrom)
	}
	if r.DecisionDate != "" {
		if a.decision, err = ParseDate(r.DecisionDate); err != nil {
			add("decision_date", lang.IssueFieldProblem, lang.Field("decision_date"), credential.Said(err))
		} else if !a.to.IsZero() && a.decision.Before(a.to) {
			add("decision_date", lang.IssueDecisionEarly, r.DecisionDate, r.DateTo)
		}
	} else if p.Kind == credential.KindMicroqualification {
		add("decision_date", lang.IssueDecisionRequired)
	}
	if r.ValidUntil != "" {
		t, err := time.Parse(time.RFC3339, r.ValidUntil)
		if err != nil {
			if t, err = ParseDate(r.ValidUntil); err != nil {
				add("valid_until", lang.IssueValidUntil)
			}
		}
		if err == nil {
			t = t.UTC().Truncate(time.Second)
			a.validUntil = &t
		}
	}
	a.lang = r.Language
	if a.lang == "" {
		a.lang = p.Language
	}
	if a.lang == "" {
		a.lang = is.id.DefaultLang
	}
	if !lang.Valid(a.lang) {
		add("language", lang.IssueLanguage)
	}
	a.hours, a.credits = p.Hours, p.Credits
	if r.Hours != nil {
		if *r.Hours <= 0 {
			add("hours", lang.IssueHours)
		}
		a.hours = *r.Hours
	}
	if r.Credits != nil {
		if *r.Credits < 0 {
			add("credits", lang.IssueCredits)
		}
		a.credits = *r.Credits
	}
	a.contactHours, a.selfHours = p.ContactHours, p.SelfStudyHours
	if r.ContactHours != nil {
		a.contactHours = *r.ContactHours
	}
	if r.SelfStudyHours != nil {
		a.selfHours = *r.SelfStudyHours
	}
	given := map[string]any{}
	for k, v := range r.Grades {
		c, ok := p.Competency(k)
		if !ok {
			add("grades."+k, lang.TeachHubNoCompetency, k, strings.Join(p.Codes(), ", "))
			continue
		}
		given[c.Code] = v
	}
	for _, c := range p.Competencies {
		v, ok := given[c.Code]
		if !ok || v == nil || v == "" {
			if !c.Optional && p.Kind == credential.KindMicroqualification {
				add("grades."+c.Code, lang.IssueGradeRequired, c.Code)
			}
			continue
		}
		g, err := is.id.Scale.ParseGradeValue(v)
		if err != nil {
			add("grades."+c.Code, lang.IssueFieldProblem, c.Code, credential.Said(err))
			continue
		}
		if !is.id.Scale.Passing(g.Letter) && !c.Optional {
			add("grades."+c.Code, lang.IssueGradeFails, c.Code, g.Letter)
		}
		a.grades[c.Code] = g
	}
	if len(d) > 0 {
		return nil, &credential.Error{Code: credential.CodeInvalid, Message: d[0].Message, Details: d, Msg: d[0].Msg, Args: d[0].Args}
	}
	return a, nil
}

// CheckIIN validates a Kazakhstan individual identification number: 12
// digits, a real birth date in the first six, a century digit, and the
// check digit.
func CheckIIN(iin string) error {
	if len(iin) != 12 {
		return credential.Errorm(credential.CodeInvalid, lang.IssueIINLength, iin)
	}
	var d [12]int
	for i, c := range iin {
		if c < '0' || c > '9' {
			return credential.Errorm(credential.CodeInvalid, lang.IssueIINLength, iin)
		}
		d[i] = int(c - '0')
	}
	century := map[int]int{1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}[d[6]]
	if century == 0 {
		return credential.Errorm(credential.CodeInvalid, lang.IssueIINCentury, iin)
	}
	y, m, day := century+d[0]*10+d[1], d[2]*10+d[3], d[4]*10+d[5]
	born := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || born.Day() != day || int(born.Month()) != m {
		return credential.Errorm(credential.CodeInvalid, lang.IssueIINBirth, iin)
	}
	c, ok := credential.IINCheckDigit([11]int(d[:11]))
	if !ok {
		return credential.Errorm(credential.CodeInvalid, lang.IssueIINNumber, iin)
	}
	if c != d[11] {
		return credential.Errorm(credential.CodeInvalid, lang.IssueIINCheck, iin)
	}
	return nil
}

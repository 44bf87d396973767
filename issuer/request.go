package issuer

import (
	"crypto/sha256"
	"encoding/hex"
	"net/mail"
	"strconv"
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
	return time.Time{}, credential.Errorf(credential.CodeInvalid, "%q is not a date (YYYY-MM-DD or DD.MM.YYYY)", s)
}

// validate checks a request against its program and returns every problem.
func (is *Issuer) validate(p *credential.Program, r Request) (*award, error) {
	var d []credential.Detail
	add := func(field, msg string) { d = append(d, credential.Detail{Field: field, Message: msg}) }
	a := &award{req: r, grades: map[string]credential.Grade{}}
	if strings.TrimSpace(r.StudentID) == "" {
		add("student_id", "student_id is required")
	}
	if strings.TrimSpace(r.FamilyName) == "" {
		add("family_name", "family_name is required")
	}
	if strings.TrimSpace(r.GivenName) == "" {
		add("given_name", "given_name is required")
	}
	if r.Email != "" {
		if _, err := mail.ParseAddress(r.Email); err != nil || !strings.Contains(r.Email, "@") {
			add("email", "email "+strconv.Quote(r.Email)+" is not an e-mail address")
		}
	}
	if r.IIN != "" {
		if err := CheckIIN(r.IIN); err != nil {
			add("iin", err.Error())
		}
	}
	var err error
	if a.from, err = ParseDate(r.DateFrom); err != nil {
		add("date_from", "date_from: "+credential.ErrorMessage(err))
	}
	if a.to, err = ParseDate(r.DateTo); err != nil {
		add("date_to", "date_to: "+credential.ErrorMessage(err))
	}
	if !a.from.IsZero() && !a.to.IsZero() && a.to.Before(a.from) {
		add("date_to", "the study period ends ("+r.DateTo+") before it starts ("+r.DateFrom+")")
	}
	if r.DecisionDate != "" {
		if a.decision, err = ParseDate(r.DecisionDate); err != nil {
			add("decision_date", "decision_date: "+credential.ErrorMessage(err))
		} else if !a.to.IsZero() && a.decision.Before(a.to) {
			add("decision_date", "the commission's decision ("+r.DecisionDate+") is before the end of study ("+r.DateTo+")")
		}
	} else if p.Kind == credential.KindMicroqualification {
		add("decision_date", "decision_date (the qualification commission's decision) is required for a microqualification")
	}
	if r.ValidUntil != "" {
		t, err := time.Parse(time.RFC3339, r.ValidUntil)
		if err != nil {
			if t, err = ParseDate(r.ValidUntil); err != nil {
				add("valid_until", "valid_until must be a date or an RFC 3339 time")
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
		add("language", "language must be kk, ru or en")
	}
	a.hours, a.credits = p.Hours, p.Credits
	if r.Hours != nil {
		if *r.Hours <= 0 {
			add("hours", "hours must be positive")
		}
		a.hours = *r.Hours
	}
	if r.Credits != nil {
		if *r.Credits < 0 {
			add("credits", "credits must not be negative")
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
			add("grades."+k, "the program has no competency "+k+" (it has "+strings.Join(p.Codes(), ", ")+")")
			continue
		}
		given[c.Code] = v
	}
	for _, c := range p.Competencies {
		v, ok := given[c.Code]
		if !ok || v == nil || v == "" {
			if !c.Optional && p.Kind == credential.KindMicroqualification {
				add("grades."+c.Code, "the grade for "+c.Code+" is required")
			}
			continue
		}
		g, err := is.id.Scale.ParseGradeValue(v)
		if err != nil {
			add("grades."+c.Code, c.Code+": "+credential.ErrorMessage(err))
			continue
		}
		if !is.id.Scale.Passing(g.Letter) && !c.Optional {
			add("grades."+c.Code, c.Code+": grade "+g.Letter+" fails a required competency; the certificate cannot be awarded")
		}
		a.grades[c.Code] = g
	}
	if len(d) > 0 {
		return nil, &credential.Error{Code: credential.CodeInvalid, Message: d[0].Message, Details: d}
	}
	return a, nil
}

// CheckIIN validates a Kazakhstan individual identification number: 12
// digits, a real birth date in the first six, a century digit, and the
// check digit.
func CheckIIN(iin string) error {
	if len(iin) != 12 {
		return credential.Errorf(credential.CodeInvalid, "IIN %q must have 12 digits", iin)
	}
	var d [12]int
	for i, c := range iin {
		if c < '0' || c > '9' {
			return credential.Errorf(credential.CodeInvalid, "IIN %q must have 12 digits", iin)
		}
		d[i] = int(c - '0')
	}
	century := map[int]int{1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}[d[6]]
	if century == 0 {
		return credential.Errorf(credential.CodeInvalid, "IIN %q has a wrong century digit", iin)
	}
	y, m, day := century+d[0]*10+d[1], d[2]*10+d[3], d[4]*10+d[5]
	born := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || born.Day() != day || int(born.Month()) != m {
		return credential.Errorf(credential.CodeInvalid, "IIN %q does not start with a real birth date", iin)
	}
	c, ok := credential.IINCheckDigit([11]int(d[:11]))
	if !ok {
		return credential.Errorf(credential.CodeInvalid, "IIN %q is not a valid number", iin)
	}
	if c != d[11] {
		return credential.Errorf(credential.CodeInvalid, "IIN %q has a wrong check digit", iin)
	}
	return nil
}

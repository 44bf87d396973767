package issuer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

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
	// Notify false keeps tanu from e-mailing the holder about this
	// credential; absent means notify when there is an address.
	Notify *bool `json:"notify,omitempty"`
	// BatchID links the credential to the batch that issued it.
	BatchID string `json:"-"`
	// Nano makes the credential a nano-diploma listing its components
	// (set by package stacking, never by a client).
	Nano *Nano `json:"-"`
	// ReissueChanged (a batch's stored row) reissues the award when it was
	// issued before with other data (batch.Upload.Reissue).
	ReissueChanged bool `json:"reissue_changed,omitempty"`
}

// notifyAddress is the address the holder is told at about the new
// credential, or "" when there is none or notification is off.
func (r *Request) notifyAddress() string {
	if r.Notify != nil && !*r.Notify {
		return ""
	}
	return strings.TrimSpace(r.Email)
}

// award is a validated request.
type award struct {
	req                     Request
	id                      *Identity // the identity the award is issued under
	lang                    string
	from, to, decision      time.Time
	validUntil              *time.Time
	grades                  map[string]credential.Grade
	hours, credits          float64
	contactHours, selfHours float64
	// Random values drawn before building (Issuer.draw).
	credID, subjID string
	salts          []string
	// kept are hashed identities carried over from the credential a
	// correction replaces (its IIN and e-mail, which tanu keeps only hashed).
	kept []credential.IdentityObject
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

// ParseDate reads YYYY-MM-DD or DD.MM.YYYY, in the years
// credential.MinYear..credential.MaxYear.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, "02.01.2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			if !credential.CheckYear(t) {
				return time.Time{}, credential.Errorm(credential.CodeInvalid, lang.IssueYear, s, credential.MinYear, credential.MaxYear)
			}
			return t, nil
		}
	}
	return time.Time{}, credential.Errorm(credential.CodeInvalid, lang.IssueNotDate, short(s))
}

// short cuts a value to 40 characters for a message (which quotes it).
func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}

// said is err as the detail of field: worded by the catalog when err
// carries a catalog message.
func said(field string, err error) credential.Detail {
	if p, ok := credential.Said(err).(lang.Phrase); ok {
		return credential.DetailMsg(field, p.Key, p.Args...)
	}
	return credential.Detail{Field: field, Message: credential.ErrorMessage(err)}
}

// validate checks a request against its program and returns every problem.
func (is *Issuer) validate(id *Identity, p *credential.Program, r Request) (*award, error) {
	var d []credential.Detail
	add := func(field string, msg lang.Key, args ...any) {
		d = append(d, credential.DetailMsg(field, msg, args...))
	}
	a := &award{req: r, id: id, grades: map[string]credential.Grade{}}
	verdict := func(field string, v credential.Verdict) {
		if !v.OK() {
			d = append(d, v.Detail(field))
		}
	}
	if strings.TrimSpace(r.StudentID) == "" {
		add("student_id", lang.ValueRequired, lang.Field("student_id"))
	} else if v := credential.CheckStudentID(strings.TrimSpace(r.StudentID)); !v.OK() {
		det := v.Detail("student_id")
		add("student_id", lang.ValueIDChars, lang.Phrase{Key: det.Msg, Args: det.Args}, credential.IDSeparators)
	}
	for _, n := range []struct {
		field, v string
		required bool
	}{{"family_name", r.FamilyName, true}, {"given_name", r.GivenName, true}, {"patronymic", r.Patronymic, false}} {
		if strings.TrimSpace(n.v) == "" {
			if n.required {
				add(n.field, lang.ValueRequired, lang.Field(n.field))
			}
			continue
		}
		verdict(n.field, credential.CheckPersonName(strings.TrimSpace(n.v)))
	}
	if r.Email != "" && !credential.ValidEmail(r.Email) {
		add("email", lang.IssueEmail, short(r.Email))
	}
	verdict("department", credential.CheckLine(r.Department, credential.MaxLineLen))
	verdict("position", credential.CheckLine(r.Position, credential.MaxLineLen))
	if len(r.Facilitators) > credential.MaxFacilitators {
		add("facilitators", lang.ValueFacilitators, credential.MaxFacilitators)
	} else {
		for i, f := range r.Facilitators {
			verdict(fmt.Sprintf("facilitators[%d]", i), credential.CheckLine(f, credential.MaxLineLen))
		}
	}
	if r.IIN != "" {
		if err := CheckIIN(r.IIN); err != nil {
			d = append(d, said("iin", err))
		}
	}
	var err error
	if a.from, err = ParseDate(r.DateFrom); err != nil {
		add("date_from", lang.IssueFieldProblem, lang.Field("date_from"), credential.Said(err))
	}
	if a.to, err = ParseDate(r.DateTo); err != nil {
		add("date_to", lang.IssueFieldProblem, lang.Field("date_to"), credential.Said(err))
	}
	now := is.now().UTC()
	tomorrow := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, time.UTC)
	if !a.from.IsZero() && !a.to.IsZero() && a.to.Before(a.from) {
		add("date_to", lang.IssuePeriodReversed, r.DateTo, r.DateFrom)
	} else if a.to.After(tomorrow) {
		add("date_to", lang.IssueFuture, lang.Field("date_to"), r.DateTo)
	}
	if r.DecisionDate != "" {
		if a.decision, err = ParseDate(r.DecisionDate); err != nil {
			add("decision_date", lang.IssueFieldProblem, lang.Field("decision_date"), credential.Said(err))
		} else if !a.to.IsZero() && a.decision.Before(a.to) {
			add("decision_date", lang.IssueDecisionEarly, r.DecisionDate, r.DateTo)
		} else if a.decision.After(tomorrow) {
			add("decision_date", lang.IssueFuture, lang.Field("decision_date"), r.DecisionDate)
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
			switch {
			case !credential.CheckYear(t):
				add("valid_until", lang.IssueValidUntilYear, credential.MinYear, credential.MaxYear)
			case !t.After(now):
				add("valid_until", lang.IssueValidUntilPassed, r.ValidUntil)
			case !a.to.IsZero() && !t.After(a.to):
				add("valid_until", lang.IssueValidUntilEarly, r.DateTo)
			default:
				a.validUntil = &t
			}
		}
	}
	a.lang = r.Language
	if a.lang == "" {
		a.lang = p.Language
	}
	if a.lang == "" {
		a.lang = id.DefaultLang
	}
	if !lang.Valid(a.lang) {
		add("language", lang.ValueLanguage)
	}
	a.hours, a.credits = p.Hours, p.Credits
	number := func(field string, v *float64, max float64, positive bool, dst *float64) {
		if v == nil {
			return
		}
		if det, ok := credential.CheckNumber(field, *v, 0, max, positive); !ok {
			d = append(d, det)
		}
		*dst = *v
	}
	number("hours", r.Hours, credential.MaxHours, true, &a.hours)
	number("credits", r.Credits, credential.MaxCredits, false, &a.credits)
	a.contactHours, a.selfHours = p.ContactHours, p.SelfStudyHours
	number("contact_hours", r.ContactHours, credential.MaxHours, false, &a.contactHours)
	number("self_study_hours", r.SelfStudyHours, credential.MaxHours, false, &a.selfHours)
	given := map[string]any{}
	if len(r.Grades) > len(p.Competencies)+credential.MaxCompetencies {
		add("grades", lang.IssueGradeCount, len(r.Grades), len(p.Competencies))
	} else {
		for k, v := range r.Grades {
			c, ok := p.Competency(k)
			if !ok {
				field := "grades"
				if credential.CheckCompetencyCode(k).OK() {
					field += "." + k
				}
				add(field, lang.IssueNoCompetency, short(k), strings.Join(p.Codes(), ", "))
				continue
			}
			given[c.Code] = v
		}
	}
	for _, c := range p.Competencies {
		v, ok := given[c.Code]
		if !ok || v == nil || v == "" {
			if !c.Optional && p.Kind == credential.KindMicroqualification {
				add("grades."+c.Code, lang.IssueGradeRequired, c.Code)
			}
			continue
		}
		g, err := id.Scale.ParseGradeValue(v)
		if err != nil {
			add("grades."+c.Code, lang.IssueFieldProblem, c.Code, credential.Said(err))
			continue
		}
		if !id.Scale.Passing(g.Letter) && !c.Optional {
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
		return credential.Errorm(credential.CodeInvalid, lang.IssueIINCount, utf8.RuneCountInString(iin))
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

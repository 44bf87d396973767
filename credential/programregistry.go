package credential

import (
	"math"
	"net/mail"
	"strconv"
	"strings"

	"github.com/tanu-edu/tanu/lang"
)

// What the registry's own documents need of a program (Satbayev
// regulation, sec. 9 and appendices В, Г and Д): its accreditation,
// postrequisites, equipment, the teachers' contacts, the developers, and
// the content table of the explanatory note with its hours split.

// Accreditation kinds (App. Д, field 6).
const (
	AccreditationNone          = "none"          // the program is not accredited
	AccreditationInstitutional = "institutional" // national institutional accreditation
	AccreditationProgrammatic  = "programmatic"  // national program accreditation
	AccreditationInternational = "international" // by an agency in EQAR, ENQA or a similar register
)

// Limits of the registry's fields.
const (
	// MaxContentRows is the most rows a program's content table holds.
	MaxContentRows = 60
	// MaxTeachers is the most teachers a program names.
	MaxTeachers = 20
	// MaxAccreditations is the most accreditations a program lists.
	MaxAccreditations = 10
	// MaxPhoneLen is the longest telephone number.
	MaxPhoneLen = 40
)

// Accreditation is one accreditation of a program or of its organization.
type Accreditation struct {
	// Kind is none, institutional, programmatic or international.
	Kind string `json:"kind"`
	// Agency is the accrediting agency (e.g. "IAAR (EQAR)").
	Agency string `json:"agency,omitempty"`
	// Number is the certificate's number; ValidUntil its last day (YYYY-MM-DD).
	Number     string `json:"number,omitempty"`
	ValidUntil string `json:"valid_until,omitempty"`
}

// Teacher is a teacher's contact, for the explanatory note.
type Teacher struct {
	Name  string `json:"name"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
}

// ContentRow is one row of the explanatory note's content table (App. Г):
// a learning outcome, how it is assessed, and its academic hours split
// into theory, laboratory and practical work, individual work, the
// student's work with the teacher and self-study.
type ContentRow struct {
	// Competency optionally names the program competency the row teaches.
	Competency string  `json:"competency,omitempty"`
	Outcome    Text    `json:"outcome"`
	Criteria   Text    `json:"criteria,omitempty"`
	Theory     float64 `json:"theory_hours,omitempty"`
	Practice   float64 `json:"practice_hours,omitempty"`
	Individual float64 `json:"individual_hours,omitempty"`
	// WithTeacher is the student's work with the teacher; SelfStudy the
	// student's own work.
	WithTeacher float64 `json:"with_teacher_hours,omitempty"`
	SelfStudy   float64 `json:"self_study_hours,omitempty"`
	// LessonType is the kind of lessons (lecture, seminar, laboratory…).
	LessonType Text `json:"lesson_type,omitempty"`
}

// Hours returns the row's total academic hours.
func (r ContentRow) Hours() float64 {
	return r.Theory + r.Practice + r.Individual + r.WithTeacher + r.SelfStudy
}

// ContentHours returns the total hours of the content table, by column:
// theory, practice, individual, with the teacher, self-study, and all.
func (p *Program) ContentHours() (theory, practice, individual, withTeacher, selfStudy, all float64) {
	for _, r := range p.Content {
		theory += r.Theory
		practice += r.Practice
		individual += r.Individual
		withTeacher += r.WithTeacher
		selfStudy += r.SelfStudy
		all += r.Hours()
	}
	return
}

// checkRegistry checks the registry's fields; each problem is worded by a
// catalog message so that it can be said in the request's language.
func (p *Program) checkRegistry(add func(Detail)) {
	text := func(field string, t Text, max int) {
		for l, s := range t {
			f := field + "." + l
			if !lang.Valid(l) {
				add(DetailMsg(f, lang.RegdocErrLang))
				continue
			}
			if v := CheckText(s, max); !v.OK() {
				add(v.Detail(f))
			}
		}
	}
	line := func(field, s string, max int) {
		if v := CheckLine(s, max); !v.OK() {
			add(v.Detail(field))
		}
	}
	text("postrequisites", p.Postrequisites, MaxDescriptionLen)
	text("equipment", p.Equipment, MaxDescriptionLen)
	if len(p.Accreditation) > MaxAccreditations {
		add(DetailMsg("accreditation", lang.RegdocErrTooMany, MaxAccreditations, len(p.Accreditation)))
	} else {
		for i, a := range p.Accreditation {
			f := "accreditation[" + strconv.Itoa(i) + "]"
			switch a.Kind {
			case AccreditationNone:
				if a.Agency != "" || a.Number != "" || a.ValidUntil != "" {
					add(DetailMsg(f+".kind", lang.RegdocErrNoneWithAgency))
				}
			case AccreditationInstitutional, AccreditationProgrammatic, AccreditationInternational:
				if strings.TrimSpace(a.Agency) == "" {
					add(DetailMsg(f+".agency", lang.RegdocErrAgency))
				}
			default:
				add(DetailMsg(f+".kind", lang.RegdocErrAccreditationKind))
			}
			line(f+".agency", a.Agency, MaxLineLen)
			line(f+".number", a.Number, MaxLineLen)
			if a.ValidUntil != "" {
				if _, err := parseDate(a.ValidUntil); err != nil {
					add(DetailMsg(f+".valid_until", lang.RegdocErrDate, f+".valid_until"))
				}
			}
		}
	}
	if len(p.Teachers) > MaxTeachers {
		add(DetailMsg("teachers", lang.RegdocErrTooMany, MaxTeachers, len(p.Teachers)))
	} else {
		for i, t := range p.Teachers {
			f := "teachers[" + strconv.Itoa(i) + "]"
			if strings.TrimSpace(t.Name) == "" {
				add(DetailMsg(f+".name", lang.RegdocErrTeacherName))
			}
			line(f+".name", t.Name, MaxLineLen)
			if t.Phone != "" && !phoneOK(t.Phone) {
				add(DetailMsg(f+".phone", lang.RegdocErrPhone, MaxPhoneLen))
			}
			if t.Email != "" {
				if a, err := mail.ParseAddress(t.Email); err != nil || a.Address != t.Email || len(t.Email) > MaxEmailLen {
					add(DetailMsg(f+".email", lang.RegdocErrEmail))
				}
			}
		}
	}
	if len(p.Developers) > MaxFacilitators {
		add(DetailMsg("developers", lang.RegdocErrTooMany, MaxFacilitators, len(p.Developers)))
	} else {
		for i, s := range p.Developers {
			f := "developers[" + strconv.Itoa(i) + "]"
			if strings.TrimSpace(s) == "" {
				add(DetailMsg(f, lang.RegdocErrTeacherName))
			}
			line(f, s, MaxLineLen)
		}
	}
	if len(p.Content) > MaxContentRows {
		add(DetailMsg("content", lang.RegdocErrTooMany, MaxContentRows, len(p.Content)))
		return
	}
	for i, r := range p.Content {
		f := "content[" + strconv.Itoa(i) + "]"
		if r.Outcome.Get("kk") == "" {
			add(DetailMsg(f+".outcome", lang.RegdocErrOutcome))
		}
		text(f+".outcome", r.Outcome, MaxDescriptionLen)
		text(f+".criteria", r.Criteria, MaxDescriptionLen)
		for l, s := range r.LessonType {
			if lang.Valid(l) {
				line(f+".lesson_type."+l, s, MaxLineLen)
			} else {
				add(DetailMsg(f+".lesson_type."+l, lang.RegdocErrLang))
			}
		}
		if r.Competency != "" {
			if _, ok := p.Competency(r.Competency); !ok {
				add(DetailMsg(f+".competency", lang.RegdocErrCompetency, r.Competency))
			}
		}
		for _, h := range []struct {
			name string
			v    float64
		}{{"theory_hours", r.Theory}, {"practice_hours", r.Practice}, {"individual_hours", r.Individual},
			{"with_teacher_hours", r.WithTeacher}, {"self_study_hours", r.SelfStudy}} {
			if h.v < 0 || math.IsNaN(h.v) || math.IsInf(h.v, 0) || h.v > MaxHours {
				add(DetailMsg(f+"."+h.name, lang.RegdocErrRowHours, MaxHours))
			} else if det, ok := CheckNumber(f+"."+h.name, h.v, 0, MaxHours, false); !ok {
				add(det)
			}
		}
		if r.Hours() <= 0 {
			add(DetailMsg(f, lang.RegdocErrRowNoHours))
		}
	}
	if len(p.Content) > 0 && p.Hours > 0 {
		_, _, _, _, _, all := p.ContentHours()
		if math.Abs(all-p.Hours) > 0.01 {
			add(DetailMsg("content", lang.RegdocErrTotal, fmtHours(all), fmtHours(p.Hours)))
		}
	}
}

func fmtHours(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// phoneOK accepts digits, spaces, +, -, ( and ) with at least five digits.
func phoneOK(s string) bool {
	if len(s) > MaxPhoneLen {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +-()", r):
		default:
			return false
		}
	}
	return digits >= 5
}

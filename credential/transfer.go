package credential

import (
	"math"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/lang"
)

// Forms of recognition of a microqualification in a degree program (the
// recognition ladder's stage 3).
const (
	TransferElective   = "elective"    // counted as an elective course
	TransferModulePart = "module_part" // counted as part of a module
	TransferCredits    = "credits"     // counted as credits
)

// Credit systems of TransferCredits.
const (
	CreditsECTS     = "ects"
	CreditsAcademic = "academic"
)

// Kinds of additional validation (sec. 8.1) when the content of a
// microqualification does not fully match the degree program's.
const (
	ValidationTest      = "test"
	ValidationInterview = "interview"
	ValidationProject   = "project_defence"
)

// TransferForms lists the recognition forms in order.
func TransferForms() []string { return []string{TransferElective, TransferModulePart, TransferCredits} }

// ValidationKinds lists the additional validation kinds in order.
func ValidationKinds() []string {
	return []string{ValidationTest, ValidationInterview, ValidationProject}
}

// Validation is the additional validation a recognition needed (sec. 8.1).
type Validation struct {
	Kind   string `json:"kind"`
	Date   string `json:"date,omitempty"`
	Result string `json:"result"`
	Passed bool   `json:"passed"`
}

// Transfer records that a microcertificate was recognized in a degree
// program (credit recount, sec. 8): the program, the form of recognition,
// the grade entered in the transcript, and the decision. It is entered
// into the academic records system (sec. 8.2) through the export.
type Transfer struct {
	ID           string `json:"id,omitempty"`
	CredentialID string `json:"credential_id,omitempty"`
	StudentID    string `json:"student_id,omitempty"`
	// The degree program.
	ProgramCode string `json:"program_code"`
	ProgramName string `json:"program_name"`
	// Form and what it was counted as: the course (elective), the module
	// (module_part), credits in a system (credits, and optionally the
	// others).
	Form         string  `json:"form"`
	Course       string  `json:"course,omitempty"`
	Credits      float64 `json:"credits,omitempty"`
	CreditSystem string  `json:"credit_system,omitempty"`
	Grade        string  `json:"grade"`
	// The decision.
	Body           string      `json:"body"`
	DecisionDate   string      `json:"decision_date"`
	DecisionNumber string      `json:"decision_number"`
	Validation     *Validation `json:"validation,omitempty"`
	RecordedAt     time.Time   `json:"recorded_at,omitzero"`
	RecordedBy     string      `json:"recorded_by,omitempty"`
}

// Validate checks a transfer against the grade letters allowed; today
// bounds the decision date. Every problem names its field.
func (t *Transfer) Validate(letters []string, today time.Time) error {
	var d []Detail
	add := func(field string, msg lang.Key, args ...any) { d = append(d, DetailMsg(field, msg, args...)) }
	line := func(field, v string, required bool, max int) {
		v = strings.TrimSpace(v)
		switch {
		case v == "" && required:
			add(field, lang.StackRequired)
		case v != "" && !CheckLine(v, max).OK():
			add(field, lang.StackTooLong, max)
		}
	}
	line("program_code", t.ProgramCode, true, 40)
	line("program_name", t.ProgramName, true, MaxTitleLen)
	line("course", t.Course, t.Form == TransferElective || t.Form == TransferModulePart, MaxTitleLen)
	line("body", t.Body, true, MaxLineLen)
	line("decision_number", t.DecisionNumber, true, 60)
	switch t.Form {
	case TransferElective, TransferModulePart, TransferCredits:
	default:
		add("form", lang.StackForm)
	}
	if t.Form == TransferCredits || t.Credits != 0 || t.CreditSystem != "" {
		if math.IsNaN(t.Credits) || t.Credits <= 0 || t.Credits > MaxCredits {
			add("credits", lang.StackCredits, MaxCredits)
		}
		if t.CreditSystem != CreditsECTS && t.CreditSystem != CreditsAcademic {
			add("credit_system", lang.StackCreditSystem)
		}
	}
	t.Grade = strings.TrimSpace(t.Grade)
	ok := false
	for _, l := range letters {
		if strings.EqualFold(l, t.Grade) {
			t.Grade, ok = l, true
		}
	}
	if !ok {
		add("grade", lang.StackGrade, strings.Join(letters, ", "))
	}
	day := func(field, s string, required bool) {
		if s == "" {
			if required {
				add(field, lang.StackRequired)
			}
			return
		}
		v, err := time.Parse(time.DateOnly, s)
		switch {
		case err != nil || !CheckYear(v):
			add(field, lang.StackDate)
		case v.After(today):
			add(field, lang.StackFuture)
		}
	}
	day("decision_date", t.DecisionDate, true)
	if v := t.Validation; v != nil {
		switch v.Kind {
		case ValidationTest, ValidationInterview, ValidationProject:
		default:
			add("validation.kind", lang.StackValidationKind)
		}
		line("validation.result", v.Result, true, MaxLineLen)
		day("validation.date", v.Date, false)
	}
	if len(d) > 0 {
		return &Error{Code: CodeInvalid, Message: d[0].Field + ": " + d[0].Message, Msg: lang.StackInvalid, Args: []any{d[0].Field}, Details: d}
	}
	return nil
}

// MaxTransfersListed bounds one list or export of credit transfers.
const MaxTransfersListed = 10000

// TransferRow is a credit transfer with the facts of its credential an
// export needs.
type TransferRow struct {
	Transfer
	Holder             string `json:"holder"`
	Microqualification string `json:"microqualification"`
	CertificateNumber  int64  `json:"certificate_number"`
}

// TransferFilter selects credit transfers: of one credential, of one
// holder, or decided in a period (dates YYYY-MM-DD, inclusive).
type TransferFilter struct {
	CredentialID, StudentID string
	From, To                string
	Limit                   int
}

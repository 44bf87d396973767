package stacking

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// RecordTransfer records that a valid credential was recognized in a
// degree program.
func (s *Service) RecordTransfer(ctx context.Context, credID string, t credential.Transfer) (*credential.Transfer, error) {
	r, err := s.st.Credential(ctx, credID)
	if err != nil {
		return nil, err
	}
	if !s.valid(r) {
		return nil, credential.Errorm(credential.CodeNotAcceptable, lang.StackNotValid, r.ID, r.Status)
	}
	t.ID, t.RecordedAt, t.RecordedBy = "", time.Time{}, ""
	for _, f := range []*string{&t.ProgramCode, &t.ProgramName, &t.Course, &t.Body, &t.DecisionNumber, &t.DecisionDate} {
		*f = strings.TrimSpace(*f)
	}
	if err := t.Validate(s.is.Identity().Scale.Letters(), s.now().UTC().AddDate(0, 0, 1)); err != nil {
		return nil, err
	}
	t.CredentialID, t.StudentID = r.ID, r.StudentID
	return s.st.CreateTransfer(ctx, t)
}

// Transfers lists credit transfers.
func (s *Service) Transfers(ctx context.Context, f credential.TransferFilter) ([]credential.TransferRow, error) {
	return s.st.Transfers(ctx, f)
}

// PublicTransfer is what the public verification shows of a credit
// transfer: the recognition, never who recorded it or the student id.
type PublicTransfer struct {
	ProgramCode    string                 `json:"program_code"`
	ProgramName    string                 `json:"program_name"`
	Form           string                 `json:"form"`
	Course         string                 `json:"course,omitempty"`
	Credits        float64                `json:"credits,omitempty"`
	CreditSystem   string                 `json:"credit_system,omitempty"`
	Grade          string                 `json:"grade"`
	Body           string                 `json:"body"`
	DecisionDate   string                 `json:"decision_date"`
	DecisionNumber string                 `json:"decision_number"`
	Validation     *credential.Validation `json:"validation,omitempty"`
}

// Public returns the public view of transfers.
func Public(rows []credential.TransferRow) []PublicTransfer {
	out := make([]PublicTransfer, len(rows))
	for i, r := range rows {
		out[i] = PublicTransfer{ProgramCode: r.ProgramCode, ProgramName: r.ProgramName, Form: r.Form, Course: r.Course,
			Credits: r.Credits, CreditSystem: r.CreditSystem, Grade: r.Grade, Body: r.Body,
			DecisionDate: r.DecisionDate, DecisionNumber: r.DecisionNumber, Validation: r.Validation}
	}
	return out
}

// TransferText says a transfer in language l, for the credential page.
func TransferText(t PublicTransfer, l lang.Tag) string {
	var form string
	switch t.Form {
	case credential.TransferElective:
		form = l.T(lang.StackFormElective, t.Course)
	case credential.TransferModulePart:
		form = l.T(lang.StackFormModule, t.Course)
	default:
		sys := l.T(lang.StackAcademic)
		if t.CreditSystem == credential.CreditsECTS {
			sys = l.T(lang.StackECTS)
		}
		form = l.T(lang.StackFormCredits, num(t.Credits), sys)
	}
	s := l.T(lang.StackTransferText, t.ProgramCode, t.ProgramName, form, t.Grade, t.Body, t.DecisionNumber, dmy(t.DecisionDate))
	if v := t.Validation; v != nil {
		res := v.Result
		if v.Passed {
			res += " (" + l.T(lang.StackPassed) + ")"
		} else {
			res += " (" + l.T(lang.StackFailed) + ")"
		}
		s += "; " + l.T(lang.StackValidated, ValidationName(v.Kind, l), res)
	}
	return s
}

// ValidationName names an additional validation kind in l.
func ValidationName(kind string, l lang.Tag) string {
	switch kind {
	case credential.ValidationTest:
		return l.T(lang.StackValTest)
	case credential.ValidationInterview:
		return l.T(lang.StackValInterview)
	default:
		return l.T(lang.StackValProject)
	}
}

func dmy(day string) string {
	if len(day) == 10 {
		return day[8:10] + "." + day[5:7] + "." + day[0:4]
	}
	return day
}

// ExportFormat names the JSON export's shape; it changes only with a new
// number (docs/credit-transfer.md).
const ExportFormat = "tanu.credit-transfers/1"

// ExportRow is one transfer as the academic records system imports it:
// the stable shape documented in docs/credit-transfer.md.
type ExportRow struct {
	TransferID         string `json:"transfer_id"`
	StudentID          string `json:"student_id"`
	Holder             string `json:"holder"`
	CredentialID       string `json:"credential_id"`
	CertificateNumber  string `json:"certificate_number"`
	Microqualification string `json:"microqualification_regno"`
	DegreeProgramCode  string `json:"degree_program_code"`
	DegreeProgramName  string `json:"degree_program_name"`
	Form               string `json:"form"`
	Course             string `json:"course"`
	Credits            string `json:"credits"`
	CreditSystem       string `json:"credit_system"`
	Grade              string `json:"grade"`
	DecisionBody       string `json:"decision_body"`
	DecisionDate       string `json:"decision_date"`
	DecisionNumber     string `json:"decision_number"`
	ValidationKind     string `json:"validation_kind"`
	ValidationDate     string `json:"validation_date"`
	ValidationResult   string `json:"validation_result"`
	ValidationPassed   string `json:"validation_passed"`
	VerificationURL    string `json:"verification_url"`
	RecordedAt         string `json:"recorded_at"`
}

// Export is the JSON export.
type Export struct {
	Format      string      `json:"format"`
	GeneratedAt string      `json:"generated_at"`
	Issuer      string      `json:"issuer"`
	Transfers   []ExportRow `json:"transfers"`
}

// exportRows turns transfers into export rows.
func (s *Service) exportRows(rows []credential.TransferRow) []ExportRow {
	id := s.is.Identity()
	out := make([]ExportRow, len(rows))
	for i, r := range rows {
		e := ExportRow{TransferID: r.ID, StudentID: r.StudentID, Holder: r.Holder, CredentialID: r.CredentialID,
			CertificateNumber: issuer.FormatCertificateNumber(r.CertificateNumber), Microqualification: r.Microqualification,
			DegreeProgramCode: r.ProgramCode, DegreeProgramName: r.ProgramName, Form: r.Form, Course: r.Course,
			CreditSystem: r.CreditSystem, Grade: r.Grade, DecisionBody: r.Body, DecisionDate: r.DecisionDate,
			DecisionNumber: r.DecisionNumber, VerificationURL: id.CredentialURL(r.CredentialID),
			RecordedAt: r.RecordedAt.UTC().Format(time.RFC3339)}
		if r.Credits > 0 {
			e.Credits = num(r.Credits)
		}
		if v := r.Validation; v != nil {
			e.ValidationKind, e.ValidationDate, e.ValidationResult = v.Kind, v.Date, v.Result
			e.ValidationPassed = strconv.FormatBool(v.Passed)
		}
		out[i] = e
	}
	return out
}

// WriteJSON writes transfers as the JSON export.
func (s *Service) WriteJSON(w io.Writer, rows []credential.TransferRow) error {
	e := Export{Format: ExportFormat, GeneratedAt: s.now().UTC().Truncate(time.Second).Format(time.RFC3339),
		Issuer: s.is.Identity().IssuerID(), Transfers: s.exportRows(rows)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(e); err != nil {
		return fmt.Errorf("stacking: export: %w", err)
	}
	return nil
}

// csvColumns are the CSV export's columns, in order: the JSON names and
// the header in each language.
var csvColumns = []lang.Key{lang.StackColTransfer, lang.StackColStudent, lang.StackColHolder, lang.StackColCredential,
	lang.StackColCertificate, lang.StackColMQ, lang.StackColProgramCode, lang.StackColProgramName, lang.StackColForm,
	lang.StackColCourse, lang.StackColCredits, lang.StackColCreditSystem, lang.StackColGrade, lang.StackColBody,
	lang.StackColDecisionDate, lang.StackColDecisionNo, lang.StackColValidation, lang.StackColValidationDay,
	lang.StackColValResult, lang.StackColValPassed, lang.StackColURL, lang.StackColRecordedAt}

// WriteCSV writes transfers as CSV for spreadsheet programs: UTF-8 with a
// byte order mark, semicolons, headers in l, one row per transfer in the
// columns of the JSON export.
func (s *Service) WriteCSV(w io.Writer, rows []credential.TransferRow, l lang.Tag) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	head := make([]string, len(csvColumns))
	for i, k := range csvColumns {
		head[i] = l.T(k)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, e := range s.exportRows(rows) {
		rec := []string{e.TransferID, e.StudentID, e.Holder, e.CredentialID, e.CertificateNumber, e.Microqualification,
			e.DegreeProgramCode, e.DegreeProgramName, e.Form, e.Course, e.Credits, e.CreditSystem, e.Grade, e.DecisionBody,
			e.DecisionDate, e.DecisionNumber, e.ValidationKind, e.ValidationDate, e.ValidationResult, e.ValidationPassed,
			e.VerificationURL, e.RecordedAt}
		for i, v := range rec {
			rec[i] = safeCell(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// safeCell keeps a spreadsheet from reading a cell as a formula.
func safeCell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

package httpapi

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// consoleIssueRoutes registers the console's page for issuing one
// credential by form.
func (s *Server) consoleIssueRoutes(g *gin.RouterGroup) {
	registrar := s.need(credential.RoleRegistrar)
	g.GET("/issue", registrar, s.cissuePage)
	g.POST("/issue", registrar, s.limitBody(s.cfg.MaxBodyBytes), s.cissuePost)
}

// issueForm is the issue form's values, as typed.
type issueForm struct {
	Program, StudentID, FamilyName, GivenName, Patronymic string
	Email, IIN, DateFrom, DateTo, DecisionDate, Language  string
	ValidUntil                                            string
	Notify                                                bool
	Grades                                                map[string]string
}

// gradeRow is one competency's grade field.
type gradeRow struct {
	Code, Title, Value, Err string
	Optional                bool
}

type issueView struct {
	consoleData
	F         issueForm
	Programs  []option
	Program   *credential.Program
	Grades    []gradeRow
	Languages []option
	Errors    map[string]string
	Other     []string
}

func (s *Server) issueView(c *gin.Context, f issueForm, errs map[string]string, other []string) (issueView, error) {
	l := s.lang(c)
	ctx := c.Request.Context()
	v := issueView{consoleData: s.console(c, lang.ConsoleNavIssue, SectionIssue, "cissue"), F: f, Errors: errs, Other: other}
	if v.Errors == nil {
		v.Errors = map[string]string{}
	}
	ps, err := s.store.Programs(ctx, "", credential.ProgramActive)
	if err != nil {
		return v, err
	}
	v.Programs = []option{{"", l.T(lang.CIssueChooseProgram), f.Program == ""}}
	for _, p := range ps {
		v.Programs = append(v.Programs, option{p.RegistrationNumber, p.RegistrationNumber + " — " + p.Name.Get(string(l)), p.RegistrationNumber == f.Program})
		if p.RegistrationNumber == f.Program {
			v.Program = p
		}
	}
	if v.Program != nil {
		for _, comp := range v.Program.Competencies {
			v.Grades = append(v.Grades, gradeRow{Code: comp.Code, Title: comp.Title.Get(string(l)), Value: f.Grades[comp.Code],
				Err: v.Errors["grades."+comp.Code], Optional: comp.Optional})
		}
	}
	v.Languages = []option{{"", l.T(lang.CIssueLangOfProgram), f.Language == ""}}
	for _, t := range lang.All() {
		v.Languages = append(v.Languages, option{string(t), l.T(lang.Key("cprog.lang_" + string(t))), f.Language == string(t)})
	}
	return v, nil
}

func (s *Server) cissuePage(c *gin.Context) {
	f := issueForm{Program: strings.TrimSpace(c.Query("program")), Notify: true}
	v, err := s.issueView(c, f, nil, nil)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.render(c, http.StatusOK, "console_issue", v)
}

func readIssueForm(c *gin.Context) issueForm {
	v := func(name string) string { return strings.TrimSpace(c.PostForm(name)) }
	f := issueForm{Program: v("program"), StudentID: v("student_id"), FamilyName: v("family_name"), GivenName: v("given_name"),
		Patronymic: v("patronymic"), Email: v("email"), IIN: v("iin"), DateFrom: v("date_from"), DateTo: v("date_to"),
		DecisionDate: v("decision_date"), Language: v("language"), ValidUntil: v("valid_until"),
		// The box is ticked until the registrar unticks it on the full form.
		Notify: c.PostForm("notify") != "" || c.PostForm("holder_shown") == "",
		Grades: map[string]string{}}
	return f
}

// cissuePost issues one credential as POST /api/v1/credentials does
// (the issuer's validation, its messages in the page's language next to
// the fields), then shows the credential.
func (s *Server) cissuePost(c *gin.Context) {
	l := s.lang(c)
	ctx := c.Request.Context()
	f := readIssueForm(c)
	var prog *credential.Program
	if f.Program != "" {
		p, err := s.store.Program(ctx, f.Program, 0)
		if err != nil && !credential.IsNotFound(err) {
			s.consoleFail(c, err)
			return
		}
		prog = p
	}
	if prog != nil {
		for _, comp := range prog.Competencies {
			f.Grades[comp.Code] = strings.TrimSpace(c.PostForm("grade_" + comp.Code))
		}
	}
	rerender := func(errs map[string]string, other []string) {
		v, err := s.issueView(c, f, errs, other)
		if err != nil {
			s.consoleFail(c, err)
			return
		}
		s.render(c, http.StatusUnprocessableEntity, "console_issue", v)
	}
	if c.PostForm("op") == "choose" {
		v, err := s.issueView(c, f, nil, nil)
		if err != nil {
			s.consoleFail(c, err)
			return
		}
		s.render(c, http.StatusOK, "console_issue", v)
		return
	}
	if prog == nil {
		rerender(map[string]string{"program": l.T(lang.CIssueNoProgram)}, nil)
		return
	}
	req := issuer.Request{Program: prog.RegistrationNumber, StudentID: f.StudentID, FamilyName: f.FamilyName, GivenName: f.GivenName,
		Patronymic: f.Patronymic, Email: f.Email, IIN: f.IIN, DateFrom: f.DateFrom, DateTo: f.DateTo, DecisionDate: f.DecisionDate,
		Language: f.Language, ValidUntil: f.ValidUntil, Grades: map[string]any{}}
	notify := f.Notify
	req.Notify = &notify
	for code, g := range f.Grades {
		if g != "" {
			req.Grades[code] = g
		}
	}
	res, err := s.issuer.Issue(ctx, req)
	if err != nil {
		if code := credential.ErrorCode(err); code == credential.CodeInvalid || code == credential.CodeNotAcceptable {
			errs := map[string]string{}
			other := formFieldErrors(err, l, errs)
			// Problems of fields the form does not show go on top.
			for field, msg := range errs {
				if !issueFormField(field, prog) {
					other = append(other, msg)
				}
			}
			rerender(errs, other)
			return
		}
		s.consoleFail(c, err)
		return
	}
	done := lang.CIssueIssued
	if res.Existed {
		done = lang.CIssueExisted
	}
	s.consoleRedirect(c, "/console/credentials/"+res.Record.ID, done)
}

// issueFormField reports whether the form shows field next to an input.
func issueFormField(field string, p *credential.Program) bool {
	switch field {
	case "program", "student_id", "family_name", "given_name", "patronymic", "email", "iin", "date_from", "date_to", "decision_date", "language", "valid_until":
		return true
	}
	if code, ok := strings.CutPrefix(field, "grades."); ok {
		_, found := p.Competency(code)
		return found
	}
	return false
}

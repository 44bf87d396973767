package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// The console's correction form, /console/credentials/{id}/reissue: the
// credential's data as it was issued, every field editable, and a reason.
// Only the fields changed are sent to the same service as POST
// /api/v1/credentials/{id}/reissue (so the hashed IIN and e-mail carry
// over unless new ones are typed).

// reissueField is one field of the form.
type reissueField struct {
	Name, Label, Type, Value, Error string
	Options                         []orgLangOption
}

// reissueGrade is one competency's grade.
type reissueGrade struct {
	Code, Title, Value, Error string
}

// reissueView is the correction page.
type reissueView struct {
	consoleData
	Rec                       *credential.Record
	Number                    string
	StatusLabel               string
	Replaced, Replaces        *reissueLink
	Fields                    []reissueField
	Grades                    []reissueGrade
	GradesError               string
	Reason, ReasonError       string
	Alert                     string
	Details                   []string
	PublicURL                 string
	CanCorrect                bool
	IINField, EmailField      reissueField
	ProgramName, ProgramRegNo string
}

// reissueFieldNames are the form's text fields, in order, as issuer.Request
// names them.
var reissueFieldNames = []string{"family_name", "given_name", "patronymic", "date_from", "date_to", "decision_date", "department", "position"}

func (s *Server) reissuePage(c *gin.Context) {
	rec, base, ok := s.reissueBase(c)
	if !ok {
		return
	}
	s.renderReissue(c, http.StatusOK, rec, base, nil, "", "", nil)
}

// reissueBase loads the credential and the request it was issued from.
func (s *Server) reissueBase(c *gin.Context) (*credential.Record, issuer.Request, bool) {
	rec, err := s.store.Credential(c.Request.Context(), credID(c.Param("id")))
	if err != nil {
		s.consoleFail(c, err)
		return nil, issuer.Request{}, false
	}
	base, _, err := issuer.RequestFromRecord(rec)
	if err != nil {
		s.consoleFail(c, err)
		return nil, issuer.Request{}, false
	}
	return rec, base, true
}

// renderReissue renders the form with values (the posted ones, or the
// credential's), problems by field and an alert.
func (s *Server) renderReissue(c *gin.Context, status int, rec *credential.Record, base issuer.Request, posted map[string]string, reason, alert string, problems map[string]string) {
	l := s.lang(c)
	v := reissueView{consoleData: s.console(c, lang.CReissueTitle, SectionCredentials, "creissue"), Rec: rec,
		Number: issuer.FormatCertificateNumber(rec.CertificateNumber), StatusLabel: l.T(lang.Key("page." + rec.Status)),
		Reason: reason, ReasonError: problems["reason"], Alert: alert, PublicURL: "/c/" + rec.ID + "?lang=" + string(l),
		CanCorrect: rec.ReplacedBy == "", GradesError: problems["grades"], ProgramRegNo: rec.ProgramRegNo}
	if v.StatusLabel == "page."+rec.Status {
		v.StatusLabel = rec.Status
	}
	v.Replaced, v.Replaces = s.reissueLinks(c, l, rec)
	value := func(name, stored string) string {
		if posted != nil {
			return posted[name]
		}
		return stored
	}
	stored := map[string]string{"family_name": base.FamilyName, "given_name": base.GivenName, "patronymic": base.Patronymic,
		"date_from": base.DateFrom, "date_to": base.DateTo, "decision_date": base.DecisionDate, "department": base.Department, "position": base.Position}
	for _, name := range reissueFieldNames {
		typ := "text"
		if strings.HasPrefix(name, "date") || name == "decision_date" {
			typ = "date"
		}
		v.Fields = append(v.Fields, reissueField{Name: name, Label: l.T(lang.Key("creissue." + name)), Type: typ,
			Value: value(name, stored[name]), Error: problems[name]})
	}
	langField := reissueField{Name: "language", Label: l.T(lang.CReissueLanguage), Type: "select", Error: problems["language"]}
	cur := value("language", base.Language)
	for _, x := range lang.All() {
		langField.Options = append(langField.Options, orgLangOption{Code: string(x), Label: l.T(lang.Key("corg.lang_" + string(x))), Selected: string(x) == cur})
	}
	v.Fields = append(v.Fields, langField)
	v.IINField = reissueField{Name: "iin", Label: l.T(lang.CReissueIin), Type: "text", Value: value("iin", ""), Error: problems["iin"]}
	v.EmailField = reissueField{Name: "email", Label: l.T(lang.CReissueEmail), Type: "email", Value: value("email", ""), Error: problems["email"]}
	if p, err := s.store.Program(c.Request.Context(), rec.ProgramRegNo, 0); err == nil {
		v.ProgramName = p.Name.Get(string(l))
		for _, comp := range p.Competencies {
			g := reissueGrade{Code: comp.Code, Title: comp.Title.Get(string(l)), Value: value("grade_"+comp.Code, gradeText(base.Grades[comp.Code])),
				Error: problems["grades."+comp.Code]}
			v.Grades = append(v.Grades, g)
		}
	} else {
		v.Details = append(v.Details, l.T(lang.CReissueNoProgram))
	}
	s.render(c, status, "console_org_reissue", v)
}

// reissueLinks links the page to the credential's replacement and to the
// credential it replaced.
func (s *Server) reissueLinks(c *gin.Context, l lang.Tag, rec *credential.Record) (replaced, replaces *reissueLink) {
	link := func(id string, label lang.Key) *reissueLink {
		out := &reissueLink{Label: l.T(label), Text: id, Href: "/console/credentials/" + id + "/reissue?lang=" + string(l)}
		if o, err := s.store.Credential(c.Request.Context(), id); err == nil {
			out.Text = l.T(lang.ReissueLink, issuer.FormatCertificateNumber(o.CertificateNumber), o.BookNumber)
		}
		return out
	}
	if rec.ReplacedBy != "" {
		replaced = link(rec.ReplacedBy, lang.CReissueReplaced)
	}
	if rec.Replaces != "" {
		replaces = link(rec.Replaces, lang.CReissueReissueOf)
	}
	return replaced, replaces
}

// gradeText writes a stored grade for the form: a percent as a number, a
// letter as it is.
func gradeText(g any) string {
	switch x := g.(type) {
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return x
	case nil:
		return ""
	}
	return fmt.Sprint(g)
}

func (s *Server) reissuePost(c *gin.Context) {
	l := s.lang(c)
	rec, base, ok := s.reissueBase(c)
	if !ok {
		return
	}
	if err := c.Request.ParseForm(); err != nil {
		s.consoleFail(c, credential.Wrap(credential.CodeInvalid, err, "the form cannot be read"))
		return
	}
	ri, ok := s.issuer.(Reissuer)
	if !ok {
		s.consoleFail(c, credential.Errorf(credential.CodeNotFound, "this registry does not reissue"))
		return
	}
	posted := map[string]string{}
	stored := map[string]string{"family_name": base.FamilyName, "given_name": base.GivenName, "patronymic": base.Patronymic,
		"date_from": base.DateFrom, "date_to": base.DateTo, "decision_date": base.DecisionDate, "department": base.Department,
		"position": base.Position, "language": base.Language}
	changes := map[string]any{}
	for _, name := range append(append([]string{}, reissueFieldNames...), "language", "iin", "email") {
		v := strings.TrimSpace(c.PostForm(name))
		posted[name] = v
		if name == "iin" || name == "email" {
			if v != "" {
				changes[name] = v
			}
			continue
		}
		if v != stored[name] {
			changes[name] = v
		}
	}
	grades := map[string]any{}
	for k, vals := range c.Request.PostForm {
		code, ok := strings.CutPrefix(k, "grade_")
		if !ok || len(vals) == 0 || len(grades) > credential.MaxCompetencies {
			continue
		}
		v := strings.TrimSpace(vals[0])
		posted[k] = v
		if v == gradeText(base.Grades[code]) {
			continue
		}
		if f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64); err == nil {
			grades[code] = f
		} else {
			grades[code] = v
		}
	}
	if len(grades) > 0 {
		changes["grades"] = grades
	}
	reason := strings.TrimSpace(c.PostForm("reason"))
	if len(changes) == 0 {
		s.renderReissue(c, http.StatusBadRequest, rec, base, posted, reason, l.T(lang.CReissueNothingChanged), nil)
		return
	}
	body, err := json.Marshal(changes)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	nw, err := ri.Reissue(c.Request.Context(), rec.ID, body, reason)
	if err != nil {
		code := credential.ErrorCode(err)
		if code != credential.CodeInvalid && code != credential.CodeConflict && code != credential.CodeNotAcceptable {
			s.consoleFail(c, err)
			return
		}
		msg, details := credential.Localize(err, l)
		problems := map[string]string{}
		for _, d := range details {
			if d.Field != "" {
				if _, seen := problems[d.Field]; !seen {
					problems[d.Field] = d.Message
				}
			}
		}
		if len(problems) == 0 {
			problems[""] = msg
		}
		s.renderReissue(c, statusOf(code), rec, base, posted, reason, msg, problems)
		return
	}
	s.consoleRedirect(c, "/console/credentials/"+nw.ID+"/reissue", lang.CReissueDone)
}

package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// consoleProgramRoutes registers the console's pages for the programs:
// list, create, edit, versions, archive, JSON import and export.
func (s *Server) consoleProgramRoutes(g *gin.RouterGroup) {
	small := s.limitBody(s.cfg.MaxBodyBytes)
	viewer, registrar := s.need(credential.RoleViewer), s.need(credential.RoleRegistrar)
	g.GET("/programs", viewer, s.cprogList)
	g.GET("/programs/new", registrar, s.cprogNew)
	g.POST("/programs/new", registrar, small, s.cprogCreate)
	g.POST("/programs/import", registrar, small, s.cprogImport)
	g.GET("/programs/:regno", viewer, s.cprogShow)
	g.GET("/programs/:regno/export.json", viewer, s.cprogExport)
	g.GET("/programs/:regno/edit", registrar, s.cprogEdit)
	g.POST("/programs/:regno/edit", registrar, small, s.cprogUpdate)
	g.POST("/programs/:regno/archive", registrar, small, s.cprogArchive)
}

// programPageSize is how many programs a list page shows.
const programPageSize = 25

// Form limits: the blank competency rows a new form offers, and the most
// rows a form may hold (the registry's own limit).
const (
	blankCompetencyRows = 3
	maxFormRows         = credential.MaxCompetencies
)

// formsOfStudyOrder lists the forms of study in the order a form offers
// them (credential.Program's values).
var formsOfStudyOrder = [...]string{"full_time", "distance", "blended", "dual", "online", "internship", "self_study", "internal_event"}

type programRow struct {
	RegNo, Name, Kind, Status, StatusKey, ValidUntil string
	Version                                          int
}

type programListView struct {
	consoleData
	Programs            []programRow
	Kinds, Statuses     []option
	Query               string
	Pager               pager
	ImportError         string
	ImportErrorsDetails []string
}

func kindOptions(l lang.Tag, cur string, all bool) []option {
	var out []option
	if all {
		out = append(out, option{"", l.T(lang.ConsoleAll), cur == ""})
	}
	for _, k := range []string{credential.KindMicroqualification, credential.KindTeachHubModule, credential.KindNonformalActivity} {
		out = append(out, option{k, l.T(lang.Kind(k)), cur == k})
	}
	return out
}

func programStatusLabel(l lang.Tag, st string) string {
	if st == "superseded" {
		return l.T(lang.CProgStatusSuperseded)
	}
	return l.T(lang.ProgramStatus(st))
}

func (s *Server) cprogList(c *gin.Context) {
	l := s.lang(c)
	kind, status, q := c.Query("kind"), c.Query("status"), strings.TrimSpace(c.Query("q"))
	if len(q) > 200 {
		q = q[:200]
	}
	if !slices.Contains([]string{"", credential.KindMicroqualification, credential.KindTeachHubModule, credential.KindNonformalActivity}, kind) {
		kind = ""
	}
	if !slices.Contains([]string{"", credential.ProgramDraft, credential.ProgramActive, credential.ProgramArchived}, status) {
		status = ""
	}
	ps, err := s.store.Programs(c.Request.Context(), kind, status)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	// The registry holds programs by the tens or hundreds: the text filter
	// and the page are cut here.
	var rows []programRow
	needle := strings.ToLower(q)
	for _, p := range ps {
		if needle != "" && !programMatches(p, needle) {
			continue
		}
		rows = append(rows, programRow{RegNo: p.RegistrationNumber, Name: p.Name.Get(string(l)), Kind: l.T(lang.Kind(p.Kind)),
			Status: p.Status, StatusKey: programStatusLabel(l, p.Status), ValidUntil: isoToDate(p.ValidUntil), Version: p.Version})
	}
	page, off := pageOf(c, programPageSize)
	total := len(rows)
	rows = rows[min(off, total):min(off+programPageSize, total)]
	v := programListView{consoleData: s.console(c, lang.ConsoleNavPrograms, SectionPrograms, "cprog"), Programs: rows, Query: q,
		Kinds: kindOptions(l, kind, true)}
	v.Statuses = []option{{"", l.T(lang.ConsoleAll), status == ""}}
	for _, st := range []string{credential.ProgramDraft, credential.ProgramActive, credential.ProgramArchived} {
		v.Statuses = append(v.Statuses, option{st, programStatusLabel(l, st), st == status})
	}
	v.Pager = s.makePager(c, page, programPageSize, len(rows), total)
	s.render(c, http.StatusOK, "console_programs_list", v)
}

// programMatches reports whether needle (lower case) is in the program's
// registration number, names or abbreviation.
func programMatches(p *credential.Program, needle string) bool {
	hay := []string{p.RegistrationNumber, p.Abbreviation, p.Department, p.Curator}
	for _, n := range p.Name {
		hay = append(hay, n)
	}
	for _, h := range hay {
		if strings.Contains(strings.ToLower(h), needle) {
			return true
		}
	}
	return false
}

// isoToDate writes YYYY-MM-DD as DD.MM.YYYY.
func isoToDate(iso string) string {
	if len(iso) == 10 && iso[4] == '-' && iso[7] == '-' {
		return iso[8:10] + "." + iso[5:7] + "." + iso[0:4]
	}
	return iso
}

// competencyRow is one competency as the form holds it.
type competencyRow struct {
	Index                         int
	Code                          string
	Title, Outcome                map[string]string
	Optional                      bool
	CodeErr, TitleErr, OutcomeErr string
	First, Last                   bool
	TitleLabel, OutcomeLabel      map[string]string
}

// programForm is the program form's values, as typed.
type programForm struct {
	Kind, Status, Abbreviation                            string
	Name, Description, Goal, Prerequisites                map[string]string
	Rows                                                  []competencyRow
	Hours, Credits, ContactHours, SelfStudyHours, NQF     string
	Form, Language, Standard                              string
	NoStandard                                            bool
	Department, Curator, Facilitators, Audience, Criteria string
	ApprovalBody, ApprovalDate, ApprovalOrder             string
	ValidFrom, ValidUntil                                 string
}

type programFormView struct {
	consoleData
	F programForm
	// Editing is the program edited (nil: a new one); NewVersion the
	// version saving creates when the program is active.
	Editing      *credential.Program
	NewVersion   int
	Action       string
	Errors       map[string]string
	Other        []string
	Kinds        []option
	Statuses     []option
	Forms        []option
	Languages    []option
	NQFLevels    []option
	Langs        []string
	StandardNone string
}

var formLangs = []string{"kk", "ru", "en"}

// formOf fills the form from a program.
func formOf(p *credential.Program) programForm {
	f := programForm{Kind: p.Kind, Status: p.Status, Abbreviation: p.Abbreviation,
		Name: copyText(p.Name), Description: copyText(p.Description), Goal: copyText(p.Goal), Prerequisites: copyText(p.Prerequisites),
		Hours: num(p.Hours), Credits: num(p.Credits), ContactHours: num(p.ContactHours), SelfStudyHours: num(p.SelfStudyHours),
		Form: p.FormOfStudy, Language: p.Language, Standard: p.ProfessionalStandard,
		Department: p.Department, Curator: p.Curator, Facilitators: strings.Join(p.Facilitators, "\n"), Audience: p.TargetAudience,
		Criteria: strings.Join(p.CompletionCriteria, "\n"), ValidFrom: p.ValidFrom, ValidUntil: p.ValidUntil}
	if p.NQFLevel > 0 {
		f.NQF = strconv.Itoa(p.NQFLevel)
	}
	if p.ProfessionalStandard == credential.ProfessionalStandardNone {
		f.NoStandard, f.Standard = true, ""
	}
	if a := p.Approval; a != nil {
		f.ApprovalBody, f.ApprovalDate, f.ApprovalOrder = a.Body, a.Date, a.Order
	}
	for _, comp := range p.Competencies {
		f.Rows = append(f.Rows, competencyRow{Code: comp.Code, Title: copyText(comp.Title), Outcome: copyText(comp.Outcome), Optional: comp.Optional})
	}
	return f
}

func copyText(t credential.Text) map[string]string {
	out := map[string]string{}
	for k, v := range t {
		out[k] = v
	}
	return out
}

func num(v float64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// readProgramForm reads the posted form; op is the button pressed.
func readProgramForm(c *gin.Context) (f programForm, op string) {
	v := func(name string) string { return strings.TrimSpace(c.PostForm(name)) }
	text := func(prefix string) map[string]string {
		out := map[string]string{}
		for _, l := range formLangs {
			if s := strings.TrimSpace(strings.ReplaceAll(c.PostForm(prefix+"_"+l), "\r\n", "\n")); s != "" {
				out[l] = s
			}
		}
		return out
	}
	f = programForm{Kind: v("kind"), Status: v("status"), Abbreviation: v("abbreviation"),
		Name: text("name"), Description: text("description"), Goal: text("goal"), Prerequisites: text("prerequisites"),
		Hours: v("hours"), Credits: v("credits"), ContactHours: v("contact_hours"), SelfStudyHours: v("self_study_hours"), NQF: v("nqf_level"),
		Form: v("form_of_study"), Language: v("language"), Standard: v("professional_standard"), NoStandard: c.PostForm("standard_none") != "",
		Department: v("department"), Curator: v("curator"), Facilitators: v("facilitators"), Audience: v("target_audience"), Criteria: v("completion_criteria"),
		ApprovalBody: v("approval_body"), ApprovalDate: v("approval_date"), ApprovalOrder: v("approval_order"),
		ValidFrom: v("valid_from"), ValidUntil: v("valid_until")}
	n, _ := strconv.Atoi(c.PostForm("rows"))
	n = max(0, min(n, maxFormRows))
	for i := range n {
		p := "c" + strconv.Itoa(i) + "_"
		f.Rows = append(f.Rows, competencyRow{Code: v(p + "code"), Title: text(p + "title"), Outcome: text(p + "outcome"), Optional: c.PostForm(p+"optional") != ""})
	}
	return f, c.PostForm("op")
}

// apply performs a row operation (add, remove, up, down) on the form; it
// reports whether op was one.
func (f *programForm) apply(op string) bool {
	name, arg, _ := strings.Cut(op, ":")
	i, err := strconv.Atoi(arg)
	switch {
	case name == "add":
		if len(f.Rows) < maxFormRows {
			f.Rows = append(f.Rows, competencyRow{})
		}
		return true
	case err != nil || i < 0 || i >= len(f.Rows):
		return false
	case name == "remove":
		f.Rows = slices.Delete(f.Rows, i, i+1)
		return true
	case name == "up" && i > 0:
		f.Rows[i-1], f.Rows[i] = f.Rows[i], f.Rows[i-1]
		return true
	case name == "down" && i+1 < len(f.Rows):
		f.Rows[i+1], f.Rows[i] = f.Rows[i], f.Rows[i+1]
		return true
	}
	return false
}

// program builds the program the form describes onto p (which keeps what
// the form does not show); numbers that are not numbers are form errors.
func (f *programForm) program(l lang.Tag, p *credential.Program) map[string]string {
	errs := map[string]string{}
	number := func(field, s string) float64 {
		if s == "" {
			return 0
		}
		x, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
		if err != nil {
			errs[field] = l.T(lang.CProgNotNumber)
			return 0
		}
		return x
	}
	p.Kind, p.Abbreviation = f.Kind, f.Abbreviation
	if f.Status != "" {
		p.Status = f.Status
	}
	p.Name, p.Description, p.Goal, p.Prerequisites = f.Name, f.Description, f.Goal, f.Prerequisites
	p.Hours, p.Credits = number("hours", f.Hours), number("credits", f.Credits)
	p.ContactHours, p.SelfStudyHours = number("contact_hours", f.ContactHours), number("self_study_hours", f.SelfStudyHours)
	p.NQFLevel = 0
	if f.NQF != "" {
		n, err := strconv.Atoi(f.NQF)
		if err != nil {
			errs["nqf_level"] = l.T(lang.CProgNotNumber)
		}
		p.NQFLevel = n
	}
	p.FormOfStudy, p.Language = f.Form, f.Language
	p.ProfessionalStandard = f.Standard
	if f.NoStandard {
		p.ProfessionalStandard = credential.ProfessionalStandardNone
	}
	p.Department, p.Curator, p.TargetAudience = f.Department, f.Curator, f.Audience
	p.Facilitators, p.CompletionCriteria = lines(f.Facilitators), lines(f.Criteria)
	p.Approval = nil
	if f.ApprovalBody != "" || f.ApprovalDate != "" || f.ApprovalOrder != "" {
		p.Approval = &credential.Approval{Body: f.ApprovalBody, Date: f.ApprovalDate, Order: f.ApprovalOrder}
	}
	p.ValidFrom, p.ValidUntil = f.ValidFrom, f.ValidUntil
	p.Competencies = nil
	for _, r := range f.Rows {
		if r.Code == "" && len(r.Title) == 0 && len(r.Outcome) == 0 {
			continue // a blank row
		}
		p.Competencies = append(p.Competencies, credential.Competency{Code: r.Code, Title: r.Title, Outcome: r.Outcome, Optional: r.Optional})
	}
	return errs
}

// lines splits text into its non-empty lines.
func lines(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "\n") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// formFieldErrors sorts a domain error's details into the form's fields (in
// l); the others are returned apart. rowOf maps a non-blank competency's
// index to its row in the form.
func formFieldErrors(err error, l lang.Tag, errs map[string]string) []string {
	var other []string
	msg, details := credential.Localize(err, l)
	for _, d := range details {
		if d.Field == "" {
			other = append(other, d.Message)
			continue
		}
		if _, dup := errs[d.Field]; !dup {
			errs[d.Field] = d.Message
		}
	}
	if len(details) == 0 {
		other = append(other, msg)
	}
	return other
}

// formView builds the form page.
func (s *Server) programFormView(c *gin.Context, f programForm, editing *credential.Program, errs map[string]string, other []string) programFormView {
	l := s.lang(c)
	title := lang.CProgNewTitle
	action := "/console/programs/new?lang=" + string(l)
	if editing != nil {
		title = lang.CProgEditTitle
		action = "/console/programs/" + editing.RegistrationNumber + "/edit?lang=" + string(l)
	}
	if errs == nil {
		errs = map[string]string{}
	}
	v := programFormView{consoleData: s.console(c, title, SectionPrograms, "cprog"), Editing: editing, Action: action, Errors: errs, Other: other,
		Langs: formLangs, Kinds: kindOptions(l, f.Kind, false), StandardNone: credential.ProfessionalStandardNone}
	if editing != nil {
		v.Title = l.T(lang.CProgEditTitle) + " " + editing.RegistrationNumber
		if editing.Status == credential.ProgramActive {
			v.NewVersion = editing.Version + 1
		}
	}
	// Competency rows: errors of the program's i-th competency belong to
	// the i-th non-blank row.
	k := 0
	for i := range f.Rows {
		r := &f.Rows[i]
		r.Index, r.First, r.Last = i, i == 0, i == len(f.Rows)-1
		if r.Code == "" && len(r.Title) == 0 && len(r.Outcome) == 0 {
			continue
		}
		p := "competencies[" + strconv.Itoa(k) + "]"
		r.CodeErr = errs[p+".code"]
		r.TitleErr = firstOf(errs, p+".title", p+".title.kk", p+".title.ru", p+".title.en")
		r.OutcomeErr = firstOf(errs, p+".outcome.kk", p+".outcome.ru", p+".outcome.en")
		k++
	}
	statuses := []string{credential.ProgramDraft, credential.ProgramActive}
	if editing != nil && editing.Status == credential.ProgramActive {
		statuses = []string{credential.ProgramActive}
	}
	for _, st := range statuses {
		v.Statuses = append(v.Statuses, option{st, programStatusLabel(l, st), f.Status == st})
	}
	v.Forms = []option{{"", l.T(lang.CProgNotSet), f.Form == ""}}
	for _, fs := range formsOfStudyOrder {
		v.Forms = append(v.Forms, option{fs, l.T(lang.Key("cprog.form_" + fs)), f.Form == fs})
	}
	v.Languages = []option{{"", l.T(lang.CProgNotSet), f.Language == ""}}
	for _, t := range lang.All() {
		v.Languages = append(v.Languages, option{string(t), l.T(lang.Key("cprog.lang_" + string(t))), f.Language == string(t)})
	}
	v.NQFLevels = []option{{"", l.T(lang.CProgNotSet), f.NQF == ""}}
	for n := 1; n <= 8; n++ {
		ns := strconv.Itoa(n)
		v.NQFLevels = append(v.NQFLevels, option{ns, ns + " — " + l.T(lang.Key("nqf."+ns)), f.NQF == ns})
	}
	v.F = f
	return v
}

func firstOf(m map[string]string, keys ...string) string {
	for _, k := range keys {
		if s := m[k]; s != "" {
			return s
		}
	}
	return ""
}

func (s *Server) cprogNew(c *gin.Context) {
	f := programForm{Kind: credential.KindMicroqualification, Status: credential.ProgramDraft, Rows: make([]competencyRow, blankCompetencyRows)}
	s.render(c, http.StatusOK, "console_programs_form", s.programFormView(c, f, nil, nil, nil))
}

func (s *Server) cprogCreate(c *gin.Context) {
	l := s.lang(c)
	f, op := readProgramForm(c)
	if f.apply(op) {
		s.render(c, http.StatusOK, "console_programs_form", s.programFormView(c, f, nil, nil, nil))
		return
	}
	var p credential.Program
	errs := f.program(l, &p)
	if p.Status == "" {
		p.Status = credential.ProgramDraft
	}
	var other []string
	if err := p.Validate(); err != nil || len(errs) > 0 {
		if err != nil {
			other = formFieldErrors(err, l, errs)
		}
		s.render(c, http.StatusUnprocessableEntity, "console_programs_form", s.programFormView(c, f, nil, errs, other))
		return
	}
	out, err := s.store.CreateProgram(c.Request.Context(), p)
	if err != nil {
		if credential.ErrorCode(err) == credential.CodeInvalid {
			other = formFieldErrors(err, l, errs)
			s.render(c, http.StatusUnprocessableEntity, "console_programs_form", s.programFormView(c, f, nil, errs, other))
			return
		}
		s.consoleFail(c, err)
		return
	}
	s.consoleRedirect(c, "/console/programs/"+out.RegistrationNumber, lang.CProgCreated)
}

func (s *Server) cprogEdit(c *gin.Context) {
	p, err := s.store.Program(c.Request.Context(), c.Param("regno"), 0)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	if p.Status == credential.ProgramArchived {
		s.consoleFail(c, credential.Errorm(credential.CodeConflict, lang.CProgArchivedNoEdit, p.RegistrationNumber))
		return
	}
	f := formOf(p)
	f.Rows = append(f.Rows, competencyRow{})
	s.render(c, http.StatusOK, "console_programs_form", s.programFormView(c, f, p, nil, nil))
}

func (s *Server) cprogUpdate(c *gin.Context) {
	l := s.lang(c)
	ctx := c.Request.Context()
	cur, err := s.store.Program(ctx, c.Param("regno"), 0)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	f, op := readProgramForm(c)
	if f.apply(op) {
		s.render(c, http.StatusOK, "console_programs_form", s.programFormView(c, f, cur, nil, nil))
		return
	}
	var formErrs map[string]string
	out, err := s.store.UpdateProgram(ctx, cur.RegistrationNumber, func(p *credential.Program) error {
		formErrs = f.program(l, p)
		if len(formErrs) > 0 {
			return credential.Errorf(credential.CodeInvalid, "the form has values that are not numbers")
		}
		return nil
	})
	if err != nil {
		if credential.ErrorCode(err) == credential.CodeInvalid {
			if formErrs == nil {
				formErrs = map[string]string{}
			}
			var other []string
			if len(credential.ErrorDetails(err)) > 0 {
				other = formFieldErrors(err, l, formErrs)
			}
			s.render(c, http.StatusUnprocessableEntity, "console_programs_form", s.programFormView(c, f, cur, formErrs, other))
			return
		}
		s.consoleFail(c, err)
		return
	}
	done := lang.ConsoleSaved
	if out.Version != cur.Version {
		done = lang.CProgVersionMade
	}
	s.consoleRedirect(c, "/console/programs/"+out.RegistrationNumber, done)
}

type programShowView struct {
	consoleData
	P                     *credential.Program
	Latest                *credential.Program
	Name, Kind, Status    string
	Form, Language, NQF   string
	Versions              []programRow
	ValidFrom, ValidUntil string
	ApprovalDate          string
	StandardNone          bool
	ConfirmArchive        bool
}

func (s *Server) cprogShow(c *gin.Context) {
	l := s.lang(c)
	ctx := c.Request.Context()
	versions, err := s.store.ProgramVersions(ctx, c.Param("regno"))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	p := versions[0]
	if n, err := strconv.Atoi(c.Query("version")); err == nil {
		for _, x := range versions {
			if x.Version == n {
				p = x
			}
		}
	}
	s.render(c, http.StatusOK, "console_programs_show", s.programShow(c, l, p, versions, false))
}

func (s *Server) programShow(c *gin.Context, l lang.Tag, p *credential.Program, versions []*credential.Program, confirm bool) programShowView {
	v := programShowView{consoleData: s.console(c, lang.ConsoleNavPrograms, SectionPrograms, "cprog"), P: p, Latest: versions[0],
		Name: p.Name.Get(string(l)), Kind: l.T(lang.Kind(p.Kind)), Status: programStatusLabel(l, p.Status),
		ValidFrom: isoToDate(p.ValidFrom), ValidUntil: isoToDate(p.ValidUntil), StandardNone: p.ProfessionalStandard == credential.ProfessionalStandardNone,
		ConfirmArchive: confirm}
	v.Title = v.Name
	if p.FormOfStudy != "" {
		v.Form = l.T(lang.Key("cprog.form_" + p.FormOfStudy))
	}
	if p.Language != "" {
		v.Language = l.T(lang.Key("cprog.lang_" + p.Language))
	}
	if p.NQFLevel > 0 {
		v.NQF = strconv.Itoa(p.NQFLevel) + " — " + l.T(lang.Key("nqf."+strconv.Itoa(p.NQFLevel)))
	}
	if p.Approval != nil {
		v.ApprovalDate = isoToDate(p.Approval.Date)
	}
	for _, x := range versions {
		v.Versions = append(v.Versions, programRow{RegNo: x.RegistrationNumber, Version: x.Version, Status: x.Status,
			StatusKey: programStatusLabel(l, x.Status), ValidUntil: x.UpdatedAt.Format("02.01.2006")})
	}
	return v
}

// cprogArchive archives a program: the first post shows what archiving
// means and asks again; the second (confirm=1) archives.
func (s *Server) cprogArchive(c *gin.Context) {
	l := s.lang(c)
	ctx := c.Request.Context()
	regno := c.Param("regno")
	if c.PostForm("confirm") != "1" {
		versions, err := s.store.ProgramVersions(ctx, regno)
		if err != nil {
			s.consoleFail(c, err)
			return
		}
		s.render(c, http.StatusOK, "console_programs_show", s.programShow(c, l, versions[0], versions, true))
		return
	}
	if _, err := s.store.UpdateProgram(ctx, regno, func(p *credential.Program) error {
		p.Status = credential.ProgramArchived
		return nil
	}); err != nil {
		s.consoleFail(c, err)
		return
	}
	s.consoleRedirect(c, "/console/programs/"+regno, lang.CProgArchived)
}

// cprogExport downloads a program as the JSON the API takes and gives.
func (s *Server) cprogExport(c *gin.Context) {
	v := 0
	if n, err := strconv.Atoi(c.Query("version")); err == nil && n > 0 {
		v = n
	}
	p, err := s.store.Program(c.Request.Context(), c.Param("regno"), v)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+p.RegistrationNumber+`-v`+strconv.Itoa(p.Version)+`.json"`)
	c.Data(http.StatusOK, "application/json; charset=utf-8", append(b, '\n'))
}

// cprogImport registers a program from an uploaded JSON file, as
// POST /api/v1/programs does.
func (s *Server) cprogImport(c *gin.Context) {
	l := s.lang(c)
	fail := func(msg string, details []string) {
		v := programListView{consoleData: s.console(c, lang.ConsoleNavPrograms, SectionPrograms, "cprog"), ImportError: msg, ImportErrorsDetails: details,
			Kinds: kindOptions(l, "", true)}
		v.Statuses = []option{{"", l.T(lang.ConsoleAll), true}}
		s.render(c, http.StatusUnprocessableEntity, "console_programs_list", v)
	}
	fh, err := c.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.consoleFail(c, err)
			return
		}
		fail(l.T(lang.CProgImportNoFile), nil)
		return
	}
	fd, err := fh.Open()
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	defer fd.Close()
	body, err := io.ReadAll(io.LimitReader(fd, s.cfg.MaxBodyBytes+1))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	var p credential.Program
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		fail(l.T(lang.CProgImportNotJSON, err.Error()), nil)
		return
	}
	p.RegistrationNumber, p.Version = "", 0
	if err := p.Validate(); err != nil {
		_, details := credential.Localize(err, l)
		var out []string
		for _, d := range details {
			out = append(out, d.Field+": "+d.Message)
		}
		fail(l.T(lang.CProgImportInvalid), out)
		return
	}
	created, err := s.store.CreateProgram(c.Request.Context(), p)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.consoleRedirect(c, "/console/programs/"+created.RegistrationNumber, lang.CProgCreated)
}

package httpapi

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/teachhub"
)

// consoleTeachHubRoutes registers the console's TeachHub pages: a module's
// participants as a table by status (viewers and up), enrolment by form or
// from a staff spreadsheet with a checked preview, stream dates, and the
// card page with its edits and the steps the role may take (coordinators
// and up; each step's role is checked by the service, as for the API).
func (s *Server) consoleTeachHubRoutes(g *gin.RouterGroup) {
	small, upload := s.limitBody(s.cfg.MaxBodyBytes), s.limitBody(s.cfg.MaxUploadBytes)
	viewer, coordinator := s.need(credential.RoleViewer), s.need(credential.RoleCoordinator)
	g.GET("/teachhub", viewer, s.thListPage)
	g.POST("/teachhub/enrol", coordinator, small, s.thEnrolPost)
	g.POST("/teachhub/import", coordinator, s.limitUpload(), upload, s.thImportPost)
	g.POST("/teachhub/import/confirm", coordinator, upload, s.thImportConfirm)
	g.POST("/teachhub/streams", coordinator, small, s.thStreamPost)
	g.GET("/teachhub/cards/:id", viewer, s.thCardPage)
	g.POST("/teachhub/cards/:id", coordinator, small, s.thCardPost)
	g.POST("/teachhub/cards/:id/transition", coordinator, small, s.thTransitionPost)
}

// thPageSize is the participants shown on one page of the table.
const thPageSize = 50

// thOption is one choice of a select, with how many items it has (-1: not
// counted).
type thOption struct {
	Value, Label string
	Count        int
	Selected     bool
}

// thFilter is the participants table's filter.
type thFilter struct{ Program, Stream, Status, Department, Q string }

// thEnrolForm is the one-participant enrolment form, with its problems.
type thEnrolForm struct {
	teachhub.Enrolment
	Errors map[string]string
	Alert  string
}

// thPreview is a checked staff spreadsheet waiting for confirmation.
type thPreview struct {
	File, Stream, DateFrom, DateTo string
	Result                         *teachhub.ImportResult
	Lead                           string
	Problems                       []thProblem
	Rows                           string // the enrolments to confirm, as JSON
	Ready                          int
	Confirm                        string
}

// thProblem is one row or column problem of a spreadsheet, in the page's
// language.
type thProblem struct {
	Row            int
	Column, Detail string
}

type thListView struct {
	consoleData
	Programs    []thOption
	Program     *credential.Program
	Streams     []thOption
	Departments []thOption
	Statuses    []thOption
	F           thFilter
	Cards       []*credential.Card
	Pager       pager
	Form        thEnrolForm
	Preview     *thPreview
	Import      *teachhub.ImportResult
	ImportError string
	StreamDates []credential.Stream
	// Periods are the cards' study periods as shown: their own, else
	// their stream's (marked).
	Periods map[string]string
}

func (s *Server) thView(c *gin.Context) (*thListView, error) {
	ctx := c.Request.Context()
	l := s.lang(c)
	v := &thListView{consoleData: s.console(c, lang.THCTitle, SectionTeachHub, "cth")}
	q := func(k string) string { return strings.TrimSpace(c.Query(k)) }
	v.F = thFilter{Program: q("program"), Stream: q("stream"), Status: q("status"), Department: q("department"), Q: q("q")}
	if v.F.Status != "" && !credential.ValidCardStatus(v.F.Status) {
		v.F.Status = ""
	}
	for _, kind := range []string{credential.KindTeachHubModule, credential.KindNonformalActivity} {
		ps, err := s.store.Programs(ctx, kind, credential.ProgramActive)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if v.F.Program == "" {
				v.F.Program = p.RegistrationNumber
			}
			sel := p.RegistrationNumber == v.F.Program
			if sel {
				v.Program = p
			}
			v.Programs = append(v.Programs, thOption{Value: p.RegistrationNumber, Label: p.RegistrationNumber + " · " + p.Name.Get(string(l)), Selected: sel})
		}
	}
	if v.Program == nil {
		return v, nil
	}
	streams, err := s.teachhub.Streams(ctx, v.Program.RegistrationNumber)
	if err != nil {
		return nil, err
	}
	v.StreamDates = streams
	for _, st := range streams {
		label := st.Name
		if label == "" {
			label = l.T(lang.THCNoStream)
		}
		if st.Period != nil {
			label += " (" + dmy(st.Period.From) + " – " + dmy(st.Period.To) + ")"
		}
		v.Streams = append(v.Streams, thOption{Value: st.Name, Label: label, Selected: st.Name == v.F.Stream})
	}
	depts, err := s.teachhub.Departments(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range depts {
		v.Departments = append(v.Departments, thOption{Value: d, Label: d, Selected: d == v.F.Department})
	}
	counts, err := s.teachhub.Counts(ctx, v.Program.RegistrationNumber)
	if err != nil {
		return nil, err
	}
	total := 0
	for _, st := range credential.CardStatuses() {
		total += counts[st]
		v.Statuses = append(v.Statuses, thOption{Value: st, Label: l.T(lang.CardStatus(st)), Count: counts[st], Selected: st == v.F.Status})
	}
	v.Statuses = append([]thOption{{Value: "", Label: l.T(lang.THCAll), Count: total, Selected: v.F.Status == ""}}, v.Statuses...)
	page, off := pageOf(c, thPageSize)
	cards, err := s.teachhub.Cards(ctx, credential.CardFilter{Program: v.Program.RegistrationNumber, Stream: v.F.Stream, Status: v.F.Status,
		Department: v.F.Department, Query: v.F.Q, Limit: thPageSize + 1, Offset: off})
	if err != nil {
		return nil, err
	}
	more := len(cards) > thPageSize
	if more {
		cards = cards[:thPageSize]
	}
	v.Cards = cards
	v.Periods = map[string]string{}
	for _, c := range cards {
		switch {
		case c.DateFrom != "" || c.DateTo != "":
			v.Periods[c.ID] = dmy(c.DateFrom) + " – " + dmy(c.DateTo)
		default:
			for _, st := range streams {
				if st.Name == c.Stream && st.Period != nil {
					v.Periods[c.ID] = "(" + dmy(st.Period.From) + " – " + dmy(st.Period.To) + ")"
				}
			}
		}
	}
	shownTotal := off + len(cards)
	if more {
		shownTotal++
	}
	v.Pager = s.makePager(c, page, thPageSize, len(cards), shownTotal)
	v.Form.Enrolment = teachhub.Enrolment{Stream: v.F.Stream}
	return v, nil
}

func (s *Server) thListPage(c *gin.Context) {
	v, err := s.thView(c)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.render(c, http.StatusOK, "console_teachhub_list", v)
}

// thFormQuery rebuilds the list's query from a posted form, so that a page
// answering a post keeps the module and stream.
func thFormQuery(c *gin.Context) {
	q := url.Values{}
	for _, k := range []string{"program", "stream", "lang"} {
		if v := c.PostForm(k); v != "" {
			q.Set(k, v)
		} else if v := c.Query(k); v != "" {
			q.Set(k, v)
		}
	}
	c.Request.URL.RawQuery = q.Encode()
}

// thFieldErrors maps an error's details to the form's fields, in l.
func thFieldErrors(err error, l lang.Tag) (alert string, fields map[string]string) {
	msg, details := credential.Localize(err, l)
	fields = map[string]string{}
	for _, d := range details {
		f := d.Field
		if f == "" {
			f = d.Column
		}
		if _, dup := fields[f]; !dup && f != "" {
			fields[f] = d.Message
		}
	}
	return msg, fields
}

func (s *Server) thEnrolPost(c *gin.Context) {
	get := func(k string) string { return strings.TrimSpace(c.PostForm(k)) }
	e := teachhub.Enrolment{Program: get("program"), StaffID: get("staff_id"), FamilyName: get("family_name"), GivenName: get("given_name"),
		Patronymic: get("patronymic"), Department: get("department"), Position: get("position"), Stream: get("stream"),
		DateFrom: get("date_from"), DateTo: get("date_to")}
	card, err := s.teachhub.Enrol(c.Request.Context(), e)
	if err == nil {
		s.consoleRedirect(c, "/console/teachhub/cards/"+card.ID, lang.THCEnrolledOne)
		return
	}
	if code := credential.ErrorCode(err); code != credential.CodeInvalid && code != credential.CodeConflict {
		s.consoleFail(c, err)
		return
	}
	thFormQuery(c)
	v, verr := s.thView(c)
	if verr != nil {
		s.consoleFail(c, verr)
		return
	}
	v.Form.Enrolment = e
	v.Form.Alert, v.Form.Errors = thFieldErrors(err, s.lang(c))
	s.render(c, statusOf(credential.ErrorCode(err)), "console_teachhub_list", v)
}

func (s *Server) thImportPost(c *gin.Context) {
	l := s.lang(c)
	program, stream := strings.TrimSpace(c.PostForm("program")), strings.TrimSpace(c.PostForm("stream"))
	from, to := strings.TrimSpace(c.PostForm("date_from")), strings.TrimSpace(c.PostForm("date_to"))
	thFormQuery(c)
	v, err := s.thView(c)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	fail := func(err error) {
		if code := credential.ErrorCode(err); code == credential.CodeInternal || code == credential.CodeUnavailable {
			s.consoleFail(c, err)
			return
		}
		msg, details := credential.Localize(err, l)
		for _, d := range details {
			if d.Message != msg {
				msg += "; " + d.Message
			}
		}
		v.ImportError = msg
		s.render(c, statusOf(credential.ErrorCode(err)), "console_teachhub_list", v)
	}
	if from != "" || to != "" {
		// Checked now, recorded at confirmation.
		if d := checkDates(from, to); d != nil {
			fail(d)
			return
		}
	}
	fh, err := c.FormFile("file")
	if err != nil {
		fail(credential.Errorm(credential.CodeInvalid, lang.THCNoFile))
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	defer f.Close()
	res, err := s.teachhub.CheckImport(c.Request.Context(), program, stream, f, fh.Filename, fh.Header.Get("Content-Type"), string(l))
	if err != nil {
		fail(err)
		return
	}
	p := &thPreview{File: fh.Filename, Stream: stream, DateFrom: from, DateTo: to, Result: res}
	var ready []teachhub.Enrolment
	for _, r := range res.Rows {
		for _, e := range r.Errors {
			p.Problems = append(p.Problems, thProblem{Row: r.Row, Column: e.Column, Detail: e.Message})
		}
		if r.OK && !r.Existed && r.Enrolment != nil {
			ready = append(ready, *r.Enrolment)
		}
	}
	for _, w := range res.Warnings {
		p.Problems = append(p.Problems, thProblem{Row: w.Row, Column: w.Column, Detail: w.Message})
	}
	b, err := json.Marshal(ready)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	p.Rows, p.Ready = string(b), len(ready)
	p.Lead = l.T(lang.THCPreviewLead, fh.Filename, res.Total, res.Enrolled, res.Existed, res.Failed)
	p.Confirm = l.T(lang.THCConfirmEnrol, len(ready))
	v.Preview = p
	s.render(c, http.StatusOK, "console_teachhub_list", v)
}

// checkDates checks a stream's dates as the service will.
func checkDates(from, to string) error {
	f, errF := time.Parse(time.DateOnly, from)
	t, errT := time.Parse(time.DateOnly, to)
	if errF != nil || errT != nil {
		e := credential.Errorm(credential.CodeInvalid, lang.TeachHubStreamRequired)
		e.Details = []credential.Detail{credential.DetailMsg("date_from", lang.TeachHubStreamRequired)}
		return e
	}
	if t.Before(f) {
		return credential.Errorm(credential.CodeInvalid, lang.TeachHubPeriodReversed, to, from)
	}
	return nil
}

func (s *Server) thImportConfirm(c *gin.Context) {
	ctx := c.Request.Context()
	program, stream := strings.TrimSpace(c.PostForm("program")), strings.TrimSpace(c.PostForm("stream"))
	var es []teachhub.Enrolment
	if err := json.Unmarshal([]byte(c.PostForm("rows")), &es); err != nil {
		s.consoleFail(c, credential.Errorm(credential.CodeInvalid, lang.THCNoFile))
		return
	}
	if from, to := strings.TrimSpace(c.PostForm("date_from")), strings.TrimSpace(c.PostForm("date_to")); from != "" || to != "" {
		if err := s.teachhub.SetStreamPeriod(ctx, program, stream, credential.Period{From: from, To: to}); err != nil {
			s.consoleFail(c, err)
			return
		}
	}
	if _, err := s.teachhub.EnrolAll(ctx, program, stream, es); err != nil {
		s.consoleFail(c, err)
		return
	}
	s.consoleRedirect(c, "/console/teachhub?program="+url.QueryEscape(program)+"&stream="+url.QueryEscape(stream), lang.THCEnrolledMany)
}

func (s *Server) thStreamPost(c *gin.Context) {
	program, stream := strings.TrimSpace(c.PostForm("program")), strings.TrimSpace(c.PostForm("stream"))
	p := credential.Period{From: c.PostForm("date_from"), To: c.PostForm("date_to")}
	if err := s.teachhub.SetStreamPeriod(c.Request.Context(), program, stream, p); err != nil {
		s.consoleFail(c, err)
		return
	}
	s.consoleRedirect(c, "/console/teachhub?program="+url.QueryEscape(program)+"&stream="+url.QueryEscape(stream), lang.THCDatesSaved)
}

// thAction is one step the signed-in role may take from the card's status.
type thAction struct {
	To, Label, Kind string
}

// thMark is one competency's facilitator mark.
type thMark struct{ Code, Title, Value string }

// thEvent is one row of the card's history.
type thEvent struct{ When, Change, Who, Reason string }

type thCardView struct {
	consoleData
	Card          *credential.Card
	Program       *credential.Program
	Editable      bool // the work itself may change
	Open          bool // the card is not final
	CanVerify     bool // the role records the coordinator's verification
	Nonformal     bool
	Tasks         []credential.CardTask
	Marks         []thMark
	Formats       []thOption
	Required      map[string]string
	Total         string
	MissingTitle  string
	Missing       []string
	Actions       []thAction
	History       []thEvent
	Alert         string
	Details       []string
	Errors        map[string]string
	ConfirmStream string
	Today         string
	Verified      string
	Recognition   string
	Certificates  []link
	CredentialURL string
	StatusLabel   string
	KindLabel     string
	StreamPeriod  string
}

func (s *Server) thCardView(c *gin.Context, card *credential.Card) (*thCardView, error) {
	ctx := c.Request.Context()
	l := s.lang(c)
	v := &thCardView{consoleData: s.console(c, lang.THCCardTitle, SectionTeachHub, "cth"), Card: card, Errors: map[string]string{}}
	v.Title = card.Holder + " · " + v.Title
	p, err := s.store.Program(ctx, card.Program, 0)
	if err != nil {
		return nil, err
	}
	v.Program = p
	v.Open = !card.Final()
	v.CanVerify = v.Open && (v.Role == credential.RoleCoordinator || v.Role == credential.RoleAdmin)
	v.Editable = card.Status == credential.CardRegistered || card.Status == credential.CardInProgress
	v.Nonformal = card.Kind == credential.KindNonformalActivity
	v.StatusLabel, v.KindLabel = l.T(lang.CardStatus(card.Status)), l.T(lang.Kind(card.Kind))
	v.Tasks = card.Tasks
	if v.Editable {
		v.Tasks = taskRows(card, p.CompletionCriteria)
	}
	for _, comp := range p.Competencies {
		val := ""
		if m, ok := card.Marks[comp.Code]; ok {
			val = strings.TrimSpace(strings.Trim(jsonText(m), `"`))
		}
		v.Marks = append(v.Marks, thMark{Code: comp.Code, Title: comp.Title.Get(string(l)), Value: val})
	}
	for _, f := range credential.DocumentFormats() {
		sel := card.Document != nil && card.Document.Format == f
		v.Formats = append(v.Formats, thOption{Value: f, Label: f, Selected: sel})
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	v.Required = map[string]string{"contact_hours": l.T(lang.THCRequired, num(p.ContactHours)), "self_study_hours": l.T(lang.THCRequired, num(p.SelfStudyHours))}
	v.Total = l.T(lang.THCTotal, num(card.Hours), credential.FormatSB(card.SB))
	if card.StreamPeriod != nil {
		v.StreamPeriod = l.T(lang.THCStreamPeriod, dmy(card.StreamPeriod.From), dmy(card.StreamPeriod.To))
		if card.DateFrom == "" && card.DateTo == "" {
			v.ConfirmStream = l.T(lang.THCConfirmStream, dmy(card.StreamPeriod.From), dmy(card.StreamPeriod.To))
		}
	}
	missing, err := s.teachhub.Missing(ctx, card)
	if err != nil {
		return nil, err
	}
	switch card.Status {
	case credential.CardRegistered, credential.CardInProgress:
		v.MissingTitle = l.T(lang.THCMissingComplete)
	case credential.CardCompleted:
		v.MissingTitle = l.T(lang.THCMissingSubmit)
	}
	for _, d := range missing {
		v.Missing = append(v.Missing, l.T(d.Msg, d.Args...))
	}
	for _, to := range credential.CardNextStatuses(card.Status) {
		if !slices.Contains(credential.CardTransitionRoles(card.Status, to), v.Role) {
			continue
		}
		a := thAction{To: to}
		switch {
		case to == credential.CardInProgress:
			a.Kind, a.Label = "start", l.T(lang.THCDoStart)
		case to == credential.CardCompleted:
			a.Kind, a.Label = "complete", l.T(lang.THCDoComplete)
		case to == credential.CardSubmitted:
			a.Kind, a.Label = "submit", l.T(lang.THCDoSubmit)
		case to == credential.CardRecognized:
			a.Kind, a.Label = "recognize", l.T(lang.THCDoRecognize)
		case to == credential.CardRejected && card.Status == credential.CardSubmitted:
			a.Kind, a.Label = "reject", l.T(lang.THCDoReject)
		default:
			a.Kind, a.Label = "withdraw", l.T(lang.THCDoWithdraw)
		}
		v.Actions = append(v.Actions, a)
	}
	for i := len(card.History) - 1; i >= 0; i-- {
		e := card.History[i]
		v.History = append(v.History, thEvent{When: e.At.UTC().Format("02.01.2006 15:04"),
			Change: l.T(lang.CardStatus(e.From)) + " → " + l.T(lang.CardStatus(e.To)), Who: strings.TrimPrefix(e.Actor, "user:"), Reason: e.Reason})
	}
	v.Today = s.now().UTC().Format(time.DateOnly)
	if card.Verified && card.VerifiedAt != nil {
		v.Verified = l.T(lang.THCVerifiedBy, strings.TrimPrefix(card.VerifiedBy, "user:"), card.VerifiedAt.UTC().Format("02.01.2006"))
	}
	if card.Status == credential.CardRecognized && card.RecognizedSB != nil {
		number := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(card.DecisionNumber), "№"))
		v.Recognition = l.T(lang.THCRecognition, credential.FormatSB(*card.RecognizedSB), number, dmy(card.DecisionDate))
	}
	if card.CredentialID != "" {
		short := map[lang.Tag]string{lang.KK: "ҚАЗ", lang.RU: "РУС", lang.EN: "ENG"}
		for _, t := range lang.All() {
			v.Certificates = append(v.Certificates, link{Label: l.T(lang.THCCertPDF, short[t]),
				Href: "/c/" + card.CredentialID + "/certificate.pdf?lang=" + string(t)})
		}
		v.CredentialURL = "/c/" + card.CredentialID + "?lang=" + string(l)
	}
	return v, nil
}

// jsonText prints a mark as it was recorded.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// dmy prints a YYYY-MM-DD day as DD.MM.YYYY.
func dmy(day string) string {
	if len(day) != 10 {
		return day
	}
	return day[8:10] + "." + day[5:7] + "." + day[0:4]
}

func (s *Server) thCardPage(c *gin.Context) {
	card, err := s.teachhub.Card(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	v, err := s.thCardView(c, card)
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.render(c, http.StatusOK, "console_teachhub_card", v)
}

// thCardAgain shows the card page again with what went wrong: the
// problems in the page's language, fields marked.
func (s *Server) thCardAgain(c *gin.Context, err error) {
	code := credential.ErrorCode(err)
	if code != credential.CodeInvalid && code != credential.CodeConflict {
		s.consoleFail(c, err)
		return
	}
	card, cerr := s.teachhub.Card(c.Request.Context(), c.Param("id"))
	if cerr != nil {
		s.consoleFail(c, cerr)
		return
	}
	v, verr := s.thCardView(c, card)
	if verr != nil {
		s.consoleFail(c, verr)
		return
	}
	l := s.lang(c)
	msg, details := credential.Localize(err, l)
	v.Alert = msg
	for _, d := range details {
		v.Details = append(v.Details, d.Message)
		if d.Field != "" {
			v.Errors[d.Field] = d.Message
		}
	}
	if len(v.Details) == 1 && v.Details[0] == msg {
		v.Details = nil
	}
	s.render(c, statusOf(code), "console_teachhub_card", v)
}

func (s *Server) thCardPost(c *gin.Context) {
	ctx := c.Request.Context()
	if err := c.Request.ParseForm(); err != nil {
		s.consoleFail(c, credential.Wrap(credential.CodeInvalid, err, "the form cannot be read"))
		return
	}
	card, err := s.teachhub.Card(ctx, c.Param("id"))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	patch, err := json.Marshal(cardPatch(c.Request.PostForm, card))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	if _, err := s.teachhub.Update(ctx, card.ID, roleOf(c), patch); err != nil {
		s.thCardAgain(c, err)
		return
	}
	s.consoleRedirect(c, "/console/teachhub/cards/"+card.ID, lang.THCSaved)
}

func (s *Server) thTransitionPost(c *gin.Context) {
	if err := c.Request.ParseForm(); err != nil {
		s.consoleFail(c, credential.Wrap(credential.CodeInvalid, err, "the form cannot be read"))
		return
	}
	tr := cardTransition(c.Request.PostForm)
	card, err := s.teachhub.Transition(c.Request.Context(), c.Param("id"), roleOf(c), tr)
	if err != nil {
		s.thCardAgain(c, err)
		return
	}
	s.consoleRedirect(c, "/console/teachhub/cards/"+card.ID, lang.THCMovedDone)
}

// formFieldData is one labelled text field of a console form.
type formFieldData struct {
	Name, Label, Value, Error string
	Required                  bool
}

// formField is the template function field: a text input named name,
// labelled, with its value and its problem from errs.
func formField(name, label string, value any, errs map[string]string, required bool) formFieldData {
	f := formFieldData{Name: name, Label: label, Required: required, Error: errs[name]}
	switch v := value.(type) {
	case string:
		f.Value = v
	case float64:
		if v != 0 {
			f.Value = strconv.FormatFloat(v, 'f', -1, 64)
		}
	}
	if strings.HasPrefix(name, "doc_") && f.Error == "" {
		f.Error = errs["document."+strings.TrimPrefix(name, "doc_")]
	}
	return f
}

// docValue is the template function docValue: a field of the card's
// supporting document, or "".
func docValue(c *credential.Card, name string) any {
	d := c.Document
	if d == nil {
		return ""
	}
	switch name {
	case "activity":
		return d.Activity
	case "date_from":
		return d.DateFrom
	case "date_to":
		return d.DateTo
	case "content":
		return d.Content
	case "outcomes":
		return d.Outcomes
	case "hours":
		return d.Hours
	case "organizer":
		return d.Organizer
	case "responsible":
		return d.Responsible
	}
	return ""
}

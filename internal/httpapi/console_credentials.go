package httpapi

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
)

// consoleCredentialRoutes registers the console's pages for the issued
// credentials: search, one credential, and its status actions.
func (s *Server) consoleCredentialRoutes(g *gin.RouterGroup) {
	small := s.limitBody(s.cfg.MaxBodyBytes)
	viewer, registrar := s.need(credential.RoleViewer), s.need(credential.RoleRegistrar)
	g.GET("/credentials", viewer, s.ccredSearch)
	g.GET("/credentials/:id", viewer, s.ccredShow)
	g.GET("/credentials/:id/:action", registrar, s.ccredConfirm)
	g.POST("/credentials/:id/:action", registrar, small, s.ccredAction)
}

// credentialPageSize is how many credentials a search page shows.
const credentialPageSize = 25

type credentialRow struct {
	ID, Number, Book, Holder, StudentID, Program, Issued, Status, StatusLabel string
}

type credentialSearchView struct {
	consoleData
	Rows                                      []credentialRow
	Holder, StudentID, Number, Book, From, To string
	Programs, Statuses                        []option
	Errors                                    map[string]string
	Searched                                  bool
	Pager                                     pager
}

func statusLabel(l lang.Tag, st string) string { return l.T(lang.Key("ccred.status_" + st)) }

func (s *Server) ccredSearch(c *gin.Context) {
	l := s.lang(c)
	ctx := c.Request.Context()
	q := func(name string, max int) string {
		v := strings.TrimSpace(c.Query(name))
		if len(v) > max {
			v = v[:max]
		}
		return v
	}
	v := credentialSearchView{consoleData: s.console(c, lang.ConsoleNavCredentials, SectionCredentials, "ccred"),
		Holder: q("holder", 200), StudentID: q("student_id", credential.MaxStudentIDLen), Number: q("number", 20), Book: q("book", 100),
		From: q("from", 10), To: q("to", 10), Errors: map[string]string{}}
	f := credential.CredentialSearch{Holder: v.Holder, StudentID: v.StudentID, Book: v.Book, Program: q("program", 100), Status: q("status", 20)}
	if v.Number != "" {
		n, err := strconv.ParseInt(strings.TrimLeft(strings.TrimPrefix(v.Number, "№"), " 0"), 10, 64)
		if err != nil || n <= 0 {
			v.Errors["number"] = l.T(lang.CCredBadNumber)
		}
		f.Number = n
	}
	for _, d := range []struct {
		field, val string
		dst        *time.Time
		next       bool
	}{{"from", v.From, &f.IssuedFrom, false}, {"to", v.To, &f.IssuedTo, true}} {
		if d.val == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.val)
		if err != nil || !credential.CheckYear(t) {
			v.Errors[d.field] = l.T(lang.CCredBadDate)
			continue
		}
		if d.next {
			t = t.AddDate(0, 0, 1)
		}
		*d.dst = t
	}
	if !slices.Contains([]string{"", credential.StatusValid, credential.StatusRevoked, credential.StatusSuspended}, f.Status) {
		f.Status = ""
	}
	ps, err := s.store.Programs(ctx, "", "")
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	names := map[string]string{}
	v.Programs = []option{{"", l.T(lang.ConsoleAll), f.Program == ""}}
	for _, p := range ps {
		names[p.RegistrationNumber] = p.Name.Get(string(l))
		v.Programs = append(v.Programs, option{p.RegistrationNumber, p.RegistrationNumber + " — " + p.Name.Get(string(l)), p.RegistrationNumber == f.Program})
	}
	v.Statuses = []option{{"", l.T(lang.ConsoleAll), f.Status == ""}}
	for _, st := range []string{credential.StatusValid, credential.StatusSuspended, credential.StatusRevoked} {
		v.Statuses = append(v.Statuses, option{st, statusLabel(l, st), st == f.Status})
	}
	page, off := pageOf(c, credentialPageSize)
	total := 0
	if len(v.Errors) == 0 {
		f.Limit, f.Offset = credentialPageSize, off
		recs, n, err := s.store.SearchCredentials(ctx, f)
		if err != nil {
			s.consoleFail(c, err)
			return
		}
		total = n
		for _, r := range recs {
			v.Rows = append(v.Rows, credentialRow{ID: r.ID, Number: issuer.FormatCertificateNumber(r.CertificateNumber), Book: r.BookNumber,
				Holder: r.HolderName, StudentID: r.StudentID, Program: r.ProgramRegNo + " " + names[r.ProgramRegNo],
				Issued: r.IssuedAt.Format("02.01.2006"), Status: r.Status, StatusLabel: statusLabel(l, r.Status)})
		}
	}
	v.Searched = c.Request.URL.RawQuery != "" && len(c.Request.URL.Query()) > 1
	v.Pager = s.makePager(c, page, credentialPageSize, len(v.Rows), total)
	status := http.StatusOK
	if len(v.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.render(c, status, "console_credentials_search", v)
}

// consoleAction is a button in a credential's actions area.
type consoleAction struct {
	Label, Href, Class string
}

type historyRow struct {
	At, Actor, Action, Reason string
}

type messageRow struct {
	Purpose, State, StateClass, At, Error string
}

type credentialShowView struct {
	consoleData
	R                             *credential.Record
	Number, ProgramName           string
	Issued, ValidFrom, ValidUntil string
	StatusLabel, Verdict          string
	VerdictSub, VerdictKind       string
	StatusSince                   string
	PublicURL                     string
	Downloads                     []link
	History                       []historyRow
	Messages                      []messageRow
	// Actions are the buttons the signed-in role may press; other
	// sections add theirs (e.g. correct and reissue) in credentialActions.
	Actions []consoleAction
	// Confirm is the action being confirmed (revoke, suspend, reinstate),
	// with the reason typed so far and its error.
	Confirm, ConfirmTitle, ConfirmText, Reason, ReasonErr string
}

// statusActions are the status changes the console offers, as the API
// names them (credential.Revoke, …).
var statusActions = [...]string{credential.Revoke, credential.Suspend, credential.Reinstate}

// credentialActions lists the actions a credential offers the signed-in
// role, in order. A new action (a page of its own) is added here.
func (s *Server) credentialActions(c *gin.Context, r *credential.Record) []consoleAction {
	l := s.lang(c)
	if !credential.AtLeast(roleOf(c), credential.RoleRegistrar) {
		return nil
	}
	base := "/console/credentials/" + r.ID + "/"
	var out []consoleAction
	switch r.Status {
	case credential.StatusValid:
		out = append(out, consoleAction{l.T(lang.CCredSuspend), base + credential.Suspend + "?lang=" + string(l), "secondary"},
			consoleAction{l.T(lang.CCredRevoke), base + credential.Revoke + "?lang=" + string(l), "danger"})
	case credential.StatusSuspended:
		out = append(out, consoleAction{l.T(lang.CCredReinstate), base + credential.Reinstate + "?lang=" + string(l), "secondary"},
			consoleAction{l.T(lang.CCredRevoke), base + credential.Revoke + "?lang=" + string(l), "danger"})
	}
	// A credential with a mistake in it is corrected by a reissue (once:
	// the correction is corrected in its turn).
	if r.ReplacedBy == "" && (r.Status == credential.StatusValid || r.Status == credential.StatusSuspended) {
		out = append(out, consoleAction{l.T(lang.CReissueTitle), base + "reissue?lang=" + string(l), "secondary"})
	}
	return out
}

func (s *Server) credentialShow(c *gin.Context, r *credential.Record) credentialShowView {
	l := s.lang(c)
	ctx := c.Request.Context()
	v := credentialShowView{consoleData: s.console(c, lang.ConsoleNavCredentials, SectionCredentials, "ccred"), R: r,
		Number: issuer.FormatCertificateNumber(r.CertificateNumber), Issued: r.IssuedAt.Format("02.01.2006 15:04 MST"),
		ValidFrom: r.ValidFrom.Format("02.01.2006"), StatusLabel: statusLabel(l, r.Status), PublicURL: s.issuer.Identity().CredentialURL(r.ID)}
	v.Title = r.HolderName + " · № " + v.Number
	if r.ValidUntil != nil {
		v.ValidUntil = r.ValidUntil.Format("02.01.2006")
	}
	if r.StatusChangedAt != nil {
		v.StatusSince = r.StatusChangedAt.Format("02.01.2006 15:04 MST")
	}
	if p, err := s.store.Program(ctx, r.ProgramRegNo, r.ProgramVersion); err == nil {
		v.ProgramName = p.Name.Get(string(l))
	}
	// The verdict the public page gives, from the same verifier.
	res, _ := s.verifyRecord(c, r, ChannelPage)
	res.Localize(l)
	v.VerdictKind = verdictKind(res)
	v.Verdict, v.VerdictSub = l.T(lang.Key("page."+v.VerdictKind)), l.T(lang.Key("page."+v.VerdictKind+"_sub"))
	for _, d := range s.downloads {
		v.Downloads = append(v.Downloads, link{l.T(d.Label), "/c/" + r.ID + "/" + d.Path})
	}
	v.Downloads = append(v.Downloads, link{l.T(lang.PageDownloadJWT), "/c/" + r.ID + "/credential.jwt"},
		link{l.T(lang.PageDownloadJSON), "/c/" + r.ID + "/credential.json"})
	if entries, err := s.statusStore.AuditLog(ctx, credential.AuditFilter{ObjectType: "credential", ObjectID: r.ID, Limit: 200}); err == nil {
		for _, e := range entries {
			v.History = append(v.History, historyRow{At: e.At.Format("02.01.2006 15:04 MST"), Actor: actorLabel(l, e.Actor), Action: auditLabel(l, e.Action), Reason: e.Reason})
		}
	} else {
		s.log.WarnContext(ctx, "console: credential history", "credential", r.ID, "error", err)
	}
	if ms, err := s.messages(ctx, r.ID); err == nil {
		for _, m := range ms {
			row := messageRow{Purpose: m.Purpose, State: l.T(lang.Key("ccred.mail_" + m.State)), StateClass: m.State,
				At: m.UpdatedAt.Format("02.01.2006 15:04 MST"), Error: m.LastError}
			if _, ok := lang.Lookup(lang.Key("ccred.mail_" + m.State)); !ok {
				row.State = m.State
			}
			v.Messages = append(v.Messages, row)
		}
	}
	v.Actions = s.credentialActions(c, r)
	return v
}

// auditLabel says an audit action in l (the action's code when the
// catalog has no words for it).
func auditLabel(l lang.Tag, action string) string {
	k := lang.Key("audit." + strings.ReplaceAll(action, ".", "_"))
	if _, ok := lang.Lookup(k); ok {
		return l.T(k)
	}
	return action
}

// actorLabel says who acted (credential.ActorFrom's forms) in l:
// a member of staff by e-mail, a token, the command line, the system.
func actorLabel(l lang.Tag, actor string) string {
	if who, tok, ok := strings.Cut(actor, " via token:"); ok {
		return l.T(lang.CHomeActorVia, actorLabel(l, who), tok)
	}
	kind, who, _ := strings.Cut(actor, ":")
	switch kind {
	case "system":
		return l.T(lang.AuditActorSystem)
	case "user":
		return who
	case "token":
		return l.T(lang.CHomeActorToken, who)
	case "cli":
		return l.T(lang.CHomeActorCLI, who)
	case "sso":
		return l.T(lang.CHomeActorSSO, who)
	}
	return actor
}

func (s *Server) ccredShow(c *gin.Context) {
	r, err := s.store.Credential(c.Request.Context(), credID(c.Param("id")))
	if err != nil {
		s.consoleFail(c, err)
		return
	}
	s.render(c, http.StatusOK, "console_credentials_show", s.credentialShow(c, r))
}

// confirmView fills the confirmation step of action.
func (s *Server) confirmView(c *gin.Context, r *credential.Record, action string) credentialShowView {
	l := s.lang(c)
	v := s.credentialShow(c, r)
	v.Confirm = action
	v.ConfirmTitle = l.T(lang.Key("ccred.confirm_" + action))
	v.ConfirmText = l.T(lang.Key("ccred.confirm_" + action + "_text"))
	return v
}

func (s *Server) statusAction(c *gin.Context) (*credential.Record, string, bool) {
	action := c.Param("action")
	if !slices.Contains(statusActions[:], action) {
		s.consoleFail(c, credential.Errorm(credential.CodeNotFound, lang.ConsoleNotFoundText))
		return nil, "", false
	}
	r, err := s.store.Credential(c.Request.Context(), credID(c.Param("id")))
	if err != nil {
		s.consoleFail(c, err)
		return nil, "", false
	}
	return r, action, true
}

// ccredConfirm is the confirmation step: what the action does, and the
// reason it needs.
func (s *Server) ccredConfirm(c *gin.Context) {
	r, action, ok := s.statusAction(c)
	if !ok {
		return
	}
	s.render(c, http.StatusOK, "console_credentials_show", s.confirmView(c, r, action))
}

// ccredAction changes the credential's status as the API's
// POST /api/v1/credentials/{id}/{action} does; a reason is required, and
// only the confirmation step's form (confirm=1) acts.
func (s *Server) ccredAction(c *gin.Context) {
	l := s.lang(c)
	r, action, ok := s.statusAction(c)
	if !ok {
		return
	}
	reason := strings.TrimSpace(c.PostForm("reason"))
	if reason == "" || c.PostForm("confirm") != "1" {
		v := s.confirmView(c, r, action)
		v.Reason = reason
		status := http.StatusOK
		if reason == "" && c.PostForm("confirm") == "1" {
			v.ReasonErr, status = l.T(lang.CCredReasonRequired), http.StatusUnprocessableEntity
		}
		s.render(c, status, "console_credentials_show", v)
		return
	}
	if _, err := s.statusStore.ChangeStatus(c.Request.Context(), r.ID, action, reason); err != nil {
		if code := credential.ErrorCode(err); code == credential.CodeInvalid || code == credential.CodeConflict {
			v := s.confirmView(c, r, action)
			v.Reason = reason
			msg, details := credential.Localize(err, l)
			v.ReasonErr = msg
			if code == credential.CodeConflict {
				v.ReasonErr = l.T(lang.CCredConflict)
			} else if len(details) > 0 {
				v.ReasonErr = details[0].Message
			}
			s.render(c, statusOf(code), "console_credentials_show", v)
			return
		}
		s.consoleFail(c, err)
		return
	}
	s.metrics.statusChanges.WithLabelValues(action).Inc()
	s.consoleRedirect(c, "/console/credentials/"+r.ID, lang.Key("ccred.done_"+action))
}

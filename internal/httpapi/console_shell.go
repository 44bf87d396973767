package httpapi

import (
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// The console's shell: every page a signed-in member of staff sees is
// rendered through it. A section of the console
//
//   - registers its routes on the staff group in its own file
//     (console_<section>.go), guarded by s.need(role);
//   - builds its page data on s.console(c, title, section, areas...), which
//     carries the user, the navigation and the wording of the shell plus
//     the section's own lang areas;
//   - renders a template of its own web/console_<section>.html that starts
//     with {{template "chead" .}} and ends with {{template "cfoot" .}};
//   - answers errors with s.consoleFail (an error page in the page's
//     language for browsers, the JSON error shape for other clients) and
//     successful posts with s.consoleRedirect (303, Post/Redirect/Get).

// langCookie remembers the language a member of staff picked.
const langCookie = "tanu_lang"

// Console sections, for the navigation's current item.
const (
	SectionDashboard   = "dashboard"
	SectionPrograms    = "programs"
	SectionPathways    = "pathways"
	SectionIssue       = "issue"
	SectionBatches     = "batches"
	SectionCredentials = "credentials"
	SectionTeachHub    = "teachhub"
	SectionReports     = "reports"
	SectionAdmin       = "admin"
)

// navItem is one entry of the console's navigation.
type navItem struct {
	Label, Href string
	Active      bool
}

// consoleData is what every console page's template receives: the
// public page data (language, title, wording in .T) and who is signed in.
type consoleData struct {
	pageData
	User      *account.User
	Role      string
	RoleLabel string
	Nav       []navItem
	// Flash is a one-line confirmation shown on top (after a redirect).
	Flash string
	// Path is the page's path and query without lang, for the language
	// links.
	Path string
}

// Can reports whether the signed-in role has at least min: templates show
// a button only to those who may press it ({{if .Can "registrar"}}).
func (d consoleData) Can(min string) bool { return credential.AtLeast(d.Role, min) }

// staffGroup is the signed-in part of the console: a session cookie is
// required (browsers without one are sent to the sign-in page), and the
// request's writes are attributed to the user in the audit trail.
func (s *Server) staffGroup(g *gin.RouterGroup) *gin.RouterGroup {
	return g.Group("", s.staffSession, s.firstRun)
}

func (s *Server) staffSession(c *gin.Context) {
	var p *account.Principal
	v, err := c.Cookie(s.sessionCookie())
	if err == nil && v != "" {
		p, err = s.accounts.Session(c.Request.Context(), v)
	} else {
		err = credential.Errorf(credential.CodeUnauthorized, "sign in first")
	}
	if err != nil {
		if credential.ErrorCode(err) != credential.CodeUnauthorized {
			s.consoleFail(c, err)
			return
		}
		s.setCookie(c, s.sessionCookie(), "", -1)
		if safeMethod(c.Request.Method) && !wantsJSON(c) {
			next := c.Request.URL.Path
			if q := withoutLang(c.Request.URL.Query()); q != "" {
				next += "?" + q
			}
			c.Redirect(http.StatusSeeOther, "/console/login?lang="+string(s.lang(c))+"&next="+url.QueryEscape(next))
			c.Abort()
			return
		}
		s.fail(c, err)
		return
	}
	c.Set(ctxPrincipal, p)
	c.Set(ctxRole, p.Role)
	c.Request = c.Request.WithContext(credential.WithActor(c.Request.Context(), p.Actor()))
	c.Next()
}

// rememberLang keeps the language picked with ?lang= in a cookie, and
// reads it back (as ?lang=) on console pages that do not name one.
func (s *Server) rememberLang(c *gin.Context) {
	q := c.Request.URL.Query()
	if t, ok := lang.Parse(q.Get("lang")); ok {
		if ck, err := c.Cookie(langCookie); err != nil || ck != string(t) {
			s.setCookie(c, langCookie, string(t), 365*24*time.Hour)
		}
	} else if ck, err := c.Cookie(langCookie); err == nil && lang.Valid(ck) {
		q.Set("lang", ck)
		c.Request.URL.RawQuery = q.Encode()
	}
	c.Next()
}

// withoutLang encodes a query without its lang parameter.
func withoutLang(q url.Values) string {
	q = cloneQuery(q)
	q.Del("lang")
	return q.Encode()
}

func cloneQuery(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, v := range q {
		out[k] = v
	}
	return out
}

// need lets only roles of at least min through; others get the forbidden
// page (or the JSON error).
func (s *Server) need(min string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !credential.AtLeast(roleOf(c), min) {
			s.consoleFail(c, credential.Errorm(credential.CodeForbidden, lang.ConsoleForbiddenText))
			return
		}
		c.Next()
	}
}

func roleOf(c *gin.Context) string {
	r, _ := c.Get(ctxRole)
	s, _ := r.(string)
	return s
}

// console starts a console page's data: the shell's wording and the
// wording of the section's own lang areas, the user and the navigation.
func (s *Server) console(c *gin.Context, title lang.Key, section string, areas ...string) consoleData {
	l := s.lang(c)
	d := consoleData{pageData: s.page(c, title)}
	for _, a := range append([]string{"console"}, areas...) {
		for k, v := range l.Area(a) {
			d.T[k] = v
		}
	}
	if p := principalOf(c); p != nil {
		d.User, d.Role = p.User, p.Role
		d.RoleLabel = l.T(lang.Key("account.role_" + p.Role))
	}
	d.Path = c.Request.URL.Path
	if q := withoutLang(c.Request.URL.Query()); q != "" {
		d.Path += "?" + q
	}
	if f := c.Query("done"); f != "" && len(f) < 64 {
		// Only the catalog's own words are shown: a link cannot make
		// the page say anything else.
		if _, ok := lang.Lookup(lang.Key(f)); ok {
			d.Flash = l.T(lang.Key(f))
		}
	}
	type entry struct {
		section, min string
		label        lang.Key
		href         string
	}
	for _, e := range []entry{
		{SectionDashboard, credential.RoleViewer, lang.ConsoleNavDashboard, "/console"},
		{SectionPrograms, credential.RoleViewer, lang.ConsoleNavPrograms, "/console/programs"},
		{SectionPathways, credential.RoleViewer, lang.CPathNav, "/console/pathways"},
		{SectionIssue, credential.RoleRegistrar, lang.ConsoleNavIssue, "/console/issue"},
		{SectionBatches, credential.RoleViewer, lang.ConsoleNavBatches, "/console/batches"},
		{SectionCredentials, credential.RoleViewer, lang.ConsoleNavCredentials, "/console/credentials"},
		{SectionTeachHub, credential.RoleViewer, lang.ConsoleNavTeachHub, "/console/teachhub"},
		{SectionReports, credential.RoleViewer, lang.ConsoleNavReports, "/console/reports"},
		{SectionAdmin, credential.RoleAdmin, lang.ConsoleNavAdmin, "/console/admin"},
	} {
		if credential.AtLeast(d.Role, e.min) {
			d.Nav = append(d.Nav, navItem{Label: l.T(e.label), Href: e.href + "?lang=" + string(l), Active: e.section == section})
		}
	}
	return d
}

// consoleRedirect ends a successful post: 303 to path in the page's
// language, with done (a catalog key) shown as the confirmation there.
func (s *Server) consoleRedirect(c *gin.Context, path string, done lang.Key) {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	path += sep + "lang=" + string(s.lang(c))
	if done != "" {
		path += "&done=" + url.QueryEscape(string(done))
	}
	c.Redirect(http.StatusSeeOther, path)
	c.Abort()
}

// errorPageView is the console's error page.
type errorPageView struct {
	consoleData
	Heading, Text string
	Details       []string
}

// consoleFail answers err: a console error page in the page's language
// for browsers, the JSON error shape for other clients.
func (s *Server) consoleFail(c *gin.Context, err error) {
	if !wantsHTML(c) {
		s.fail(c, err)
		return
	}
	code := credential.ErrorCode(err)
	status := statusOf(code)
	if status >= 500 {
		s.log.ErrorContext(c.Request.Context(), "console request failed", slog.String("request_id", requestID(c)), slog.Any("error", err))
	}
	l := s.lang(c)
	v := errorPageView{consoleData: s.console(c, lang.ConsoleErrorTitle, "")}
	switch code {
	case credential.CodeForbidden:
		v.Heading, v.Text = l.T(lang.ConsoleForbiddenTitle), l.T(lang.ConsoleForbiddenText)
	case credential.CodeNotFound:
		v.Heading, v.Text = l.T(lang.ConsoleNotFoundTitle), l.T(lang.ConsoleNotFoundText)
	default:
		v.Heading = l.T(lang.ConsoleErrorTitle)
		if status >= 500 {
			v.Text = l.T(lang.ConsoleErrorText)
		} else {
			msg, details := credential.Localize(err, l)
			v.Text = msg
			for _, d := range details {
				v.Details = append(v.Details, d.Message)
			}
		}
	}
	v.Title = v.Heading
	s.render(c, status, "console_error", v)
	c.Abort()
}

// pager is a list page's paging: 1-based page numbers, and the links to
// the neighbours that keep the list's filters.
type pager struct {
	From, To, Total                    int
	Prev, Next                         string
	Label, Shown, PrevLabel, NextLabel string
}

// pageOf reads ?page= (1-based) and returns the offset and the page size.
func pageOf(c *gin.Context, size int) (page, offset int) {
	page, _ = strconv.Atoi(c.Query("page"))
	if page < 1 || page > 100000 {
		page = 1
	}
	return page, (page - 1) * size
}

// makePager builds the paging of a list of total items shown size at a
// time, page being the current one; links keep the request's query.
func (s *Server) makePager(c *gin.Context, page, size, shown, total int) pager {
	l := s.lang(c)
	p := pager{Total: total, Label: l.T(lang.ConsoleMenu), PrevLabel: l.T(lang.ConsolePrev), NextLabel: l.T(lang.ConsoleNext)}
	if shown > 0 {
		p.From = (page-1)*size + 1
		p.To = p.From + shown - 1
	}
	p.Shown = l.T(lang.ConsoleShown, p.From, p.To, p.Total)
	link := func(n int) string {
		q := cloneQuery(c.Request.URL.Query())
		q.Set("page", strconv.Itoa(n))
		q.Del("done")
		return c.Request.URL.Path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if p.To < total {
		p.Next = link(page + 1)
	}
	return p
}

// option is one choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

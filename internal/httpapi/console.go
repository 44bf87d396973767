package httpapi

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// ssoStateCookie binds a single sign-on attempt to the browser that began it.
func (s *Server) ssoStateCookie() string {
	if s.secure() {
		return "__Host-tanu_sso"
	}
	return "tanu_sso"
}

// consoleRoutes are the staff pages: sign-in, password setup, sign-out,
// single sign-on, and the landing page. Every state-changing request must
// come from tanu's own pages (cross-site posts are refused).
func (s *Server) consoleRoutes() {
	small := s.limitBody(s.cfg.MaxBodyBytes)
	g := s.engine.Group("/console", s.sameOrigin, s.rememberLang)
	g.GET("/login", s.loginPage)
	g.POST("/login", small, s.loginPost)
	g.POST("/logout", small, s.logoutPost)
	g.GET("/setup/:token", s.setupPage)
	g.POST("/setup/:token", small, s.setupPost)
	g.GET("/sso/:provider", s.ssoStart)
	g.GET("/sso/:provider/callback", s.ssoCallback)
	staff := s.staffGroup(g)
	staff.GET("", s.consolePage)
	// Each section registers its pages in its own file.
	s.consoleProgramRoutes(staff)
	s.consoleIssueRoutes(staff)
	s.consoleBatchRoutes(staff)
	s.consoleCredentialRoutes(staff)
	s.consoleTeachHubRoutes(staff)
	s.consoleReportRoutes(staff)
	s.consoleAdminRoutes(staff)
	s.consoleOrgRoutes(staff)
}

// sameOrigin refuses cross-site state-changing requests, and keeps console
// pages out of caches and frames.
func (s *Server) sameOrigin(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	c.Header("Referrer-Policy", "same-origin")
	if !s.requireAccounts(c) || s.crossSite(c) {
		return
	}
	c.Next()
}

type loginView struct {
	pageData
	Error     string
	Email     string
	Next      string
	Providers []account.ProviderInfo
	SSOLabel  map[string]string
}

type setupView struct {
	pageData
	Error, Email, Token, Purpose string
}

// consoleError maps an error to the page's wording.
func consoleError(l lang.Tag, err error) string {
	var e *credential.Error
	code := credential.ErrorCode(err)
	if code == credential.CodeInvalid && errors.As(err, &e) && len(e.Details) > 0 {
		switch e.Details[0].Code {
		case "too_short":
			return l.T(lang.AccountErrTooShort)
		case "too_long":
			return l.T(lang.AccountErrTooLong)
		case "common":
			return l.T(lang.AccountErrCommon)
		case "is_login":
			return l.T(lang.AccountErrIsLogin)
		case "malformed":
			return l.T(lang.AccountErrEmail)
		case "required":
			return l.T(lang.AccountErrRequired)
		}
	}
	switch code {
	case credential.CodeUnauthorized:
		return l.T(lang.AccountErrLogin)
	case credential.CodeTooManyRequests:
		return l.T(lang.AccountErrThrottled)
	case credential.CodeNotFound:
		return l.T(lang.AccountErrLink)
	case credential.CodeForbidden:
		return l.T(lang.AccountErrNotAdmitted)
	}
	return l.T(lang.AccountErrGeneric)
}

func (s *Server) loginView(c *gin.Context, errText, email string) loginView {
	v := loginView{pageData: s.page(c, lang.AccountLoginTitle), Error: errText, Email: email, Next: account.SafeNext(c.Query("next"))}
	if s.sso != nil {
		v.Providers = s.sso.Providers()
	}
	return v
}

func (s *Server) loginPage(c *gin.Context) {
	if v, err := c.Cookie(s.sessionCookie()); err == nil && v != "" {
		if _, err := s.accounts.Session(c.Request.Context(), v); err == nil {
			c.Redirect(http.StatusSeeOther, "/console?lang="+string(s.lang(c)))
			return
		}
	}
	s.render(c, http.StatusOK, "login", s.loginView(c, "", ""))
}

// formValue reads a form field; absent fields read as "".
func formValue(c *gin.Context, name string) string { return c.PostForm(name) }

// wantsHTML reports whether the client is a browser (answers are pages);
// other clients get the JSON error shape.
func wantsHTML(c *gin.Context) bool { return strings.Contains(c.GetHeader("Accept"), "text/html") }

func (s *Server) loginPost(c *gin.Context) {
	if err := c.Request.ParseForm(); err != nil {
		s.fail(c, credential.Wrap(credential.CodeInvalid, err, "the form cannot be read"))
		return
	}
	email, password := formValue(c, "email"), formValue(c, "password")
	u, sec, err := s.accounts.Login(c.Request.Context(), email, password, c.ClientIP())
	if err != nil {
		if wantsHTML(c) {
			if len(email) > account.MaxEmailBytes {
				email = ""
			}
			s.render(c, statusOf(credential.ErrorCode(err)), "login", s.loginView(c, consoleError(s.lang(c), err), email))
			return
		}
		s.fail(c, err)
		return
	}
	s.signedIn(c, u, sec, formValue(c, "next"))
}

// signedIn ends the session the browser held before (a session id never
// survives a sign-in), sets the new cookie and goes on.
func (s *Server) signedIn(c *gin.Context, _ *account.User, secret, next string) {
	if old, err := c.Cookie(s.sessionCookie()); err == nil && old != "" {
		if err := s.accounts.Logout(c.Request.Context(), old); err != nil {
			s.fail(c, err)
			return
		}
	}
	s.setCookie(c, s.sessionCookie(), secret, s.accounts.Config().AbsoluteTimeout)
	next = account.SafeNext(next)
	sep := "?"
	if strings.Contains(next, "?") {
		sep = "&"
	}
	c.Redirect(http.StatusSeeOther, next+sep+"lang="+string(s.lang(c)))
}

func (s *Server) logoutPost(c *gin.Context) {
	if v, err := c.Cookie(s.sessionCookie()); err == nil && v != "" {
		if err := s.accounts.Logout(c.Request.Context(), v); err != nil {
			s.fail(c, err)
			return
		}
	}
	s.setCookie(c, s.sessionCookie(), "", -1)
	c.Redirect(http.StatusSeeOther, "/console/login?lang="+string(s.lang(c)))
}

func (s *Server) setupPage(c *gin.Context) {
	l := s.lang(c)
	v := setupView{pageData: s.page(c, lang.AccountSetupTitle), Token: c.Param("token")}
	u, purpose, err := s.accounts.LinkUser(c.Request.Context(), c.Param("token"))
	if err != nil {
		if credential.ErrorCode(err) != credential.CodeNotFound {
			s.fail(c, err)
			return
		}
		v.Error, v.Token = consoleError(l, err), ""
		s.render(c, http.StatusNotFound, "setup", v)
		return
	}
	v.Email, v.Purpose = u.Email, purpose
	s.render(c, http.StatusOK, "setup", v)
}

func (s *Server) setupPost(c *gin.Context) {
	l := s.lang(c)
	token := c.Param("token")
	pw, pw2 := formValue(c, "password"), formValue(c, "password2")
	fail := func(err error) {
		if !wantsHTML(c) {
			s.fail(c, err)
			return
		}
		v := setupView{pageData: s.page(c, lang.AccountSetupTitle), Token: token, Error: consoleError(l, err)}
		if u, _, lerr := s.accounts.LinkUser(c.Request.Context(), token); lerr == nil {
			v.Email = u.Email
		} else {
			v.Token = ""
		}
		s.render(c, statusOf(credential.ErrorCode(err)), "setup", v)
	}
	if pw != pw2 {
		err := &credential.Error{Code: credential.CodeInvalid, Message: "the two passwords differ",
			Details: []credential.Detail{{Field: "password2", Code: "mismatch", Message: "the two passwords differ"}}}
		if wantsHTML(c) {
			v := setupView{pageData: s.page(c, lang.AccountSetupTitle), Token: token, Error: l.T(lang.AccountErrMismatch)}
			if u, _, lerr := s.accounts.LinkUser(c.Request.Context(), token); lerr == nil {
				v.Email = u.Email
			}
			s.render(c, http.StatusBadRequest, "setup", v)
			return
		}
		s.fail(c, err)
		return
	}
	u, err := s.accounts.SetPassword(c.Request.Context(), token, pw)
	if err != nil {
		fail(err)
		return
	}
	sec, err := s.accounts.StartSession(c.Request.Context(), u, "password")
	if err != nil {
		fail(err)
		return
	}
	s.signedIn(c, u, sec, "/console")
}

func (s *Server) ssoStart(c *gin.Context) {
	if s.sso == nil {
		s.fail(c, credential.Errorm(credential.CodeNotFound, lang.ErrSSOOff))
		return
	}
	authURL, state, err := s.sso.Start(c.Request.Context(), c.Param("provider"), c.Query("next"))
	if err != nil {
		s.fail(c, err)
		return
	}
	s.setCookie(c, s.ssoStateCookie(), state, 0)
	s.setCookie(c, s.ssoStateCookie()+"_lang", string(s.lang(c)), 0)
	c.Redirect(http.StatusSeeOther, authURL)
}

func (s *Server) ssoCallback(c *gin.Context) {
	if s.sso == nil {
		s.fail(c, credential.Errorm(credential.CodeNotFound, lang.ErrSSOOff))
		return
	}
	// The page's language travels in a cookie through the provider (set
	// before gin reads and caches the query).
	if l, err := c.Cookie(s.ssoStateCookie() + "_lang"); err == nil && lang.Valid(l) && c.Request.URL.Query().Get("lang") == "" {
		q := c.Request.URL.Query()
		q.Set("lang", l)
		c.Request.URL.RawQuery = q.Encode()
	}
	bound, _ := c.Cookie(s.ssoStateCookie())
	s.setCookie(c, s.ssoStateCookie(), "", -1)
	s.setCookie(c, s.ssoStateCookie()+"_lang", "", -1)
	q := c.Request.URL.Query()
	u, next, err := s.sso.Finish(c.Request.Context(), c.Param("provider"), account.Callback{
		State: q.Get("state"), Code: q.Get("code"), Error: q.Get("error"), ErrorDescription: q.Get("error_description"), BoundState: bound})
	if err == nil {
		var sec string
		if sec, err = s.accounts.StartSession(c.Request.Context(), u, "sso:"+c.Param("provider")); err == nil {
			s.signedIn(c, u, sec, next)
			return
		}
	}
	if wantsHTML(c) && credential.ErrorCode(err) != credential.CodeInternal {
		l := s.lang(c)
		msg := l.T(lang.AccountErrSso)
		if credential.ErrorCode(err) == credential.CodeForbidden {
			msg = l.T(lang.AccountErrNotAdmitted)
		}
		s.render(c, statusOf(credential.ErrorCode(err)), "login", s.loginView(c, msg, ""))
		return
	}
	s.fail(c, err)
}

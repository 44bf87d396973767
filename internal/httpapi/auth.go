package httpapi

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
)

// Accounts is what the handlers need of the account service.
type Accounts interface {
	Login(ctx context.Context, email, password, addr string) (*account.User, string, error)
	Logout(ctx context.Context, secret string) error
	Session(ctx context.Context, secret string) (*account.Principal, error)
	StartSession(ctx context.Context, u *account.User, via string) (string, error)
	Bearer(ctx context.Context, secret string) (*account.Principal, error)
	LinkUser(ctx context.Context, secret string) (*account.User, string, error)
	SetPassword(ctx context.Context, secret, password string) (*account.User, error)
	CreateToken(ctx context.Context, p *account.Principal, req account.TokenRequest) (*account.Token, string, error)
	Tokens(ctx context.Context, p *account.Principal, all bool) ([]account.Token, error)
	RevokeToken(ctx context.Context, p *account.Principal, id string) (*account.Token, error)
	Invite(ctx context.Context, nu account.NewUser) (*account.User, account.IssuedLink, error)
	Users(ctx context.Context) ([]account.User, error)
	Find(ctx context.Context, idOrEmail string) (*account.User, error)
	Change(ctx context.Context, id string, ch account.UserChange) (*account.User, error)
	IssueReset(ctx context.Context, idOrEmail string) (*account.User, account.IssuedLink, error)
	Config() account.Config
}

// SSO is single sign-on with OpenID Connect providers.
type SSO interface {
	// Providers lists the configured providers, for the sign-in page.
	Providers() []account.ProviderInfo
	// Start begins a sign-in and returns the provider's authorization URL
	// and the state to bind to the browser.
	Start(ctx context.Context, provider, next string) (authURL, state string, err error)
	// Finish checks the provider's answer and returns the signed-in user
	// and where to go next.
	Finish(ctx context.Context, provider string, cb account.Callback) (*account.User, string, error)
}

// originOf returns scheme://host[:port] of a URL, or "".
func originOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// secure reports whether the public URL is https: cookies are then Secure
// and carry the __Host- prefix.
func (s *Server) secure() bool {
	return strings.HasPrefix(s.issuer.Identity().BaseURL, "https://")
}

// sessionCookie is the session cookie's name.
func (s *Server) sessionCookie() string {
	if s.secure() {
		return "__Host-tanu_session"
	}
	return "tanu_session"
}

// setCookie writes a host-only, HttpOnly, SameSite=Lax cookie on path /;
// maxAge < 0 deletes it.
func (s *Server) setCookie(c *gin.Context, name, value string, maxAge time.Duration) {
	ck := &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, Secure: s.secure(), SameSite: http.SameSiteLaxMode}
	if maxAge < 0 {
		ck.MaxAge = -1
	} else {
		ck.MaxAge = int(maxAge / time.Second)
	}
	http.SetCookie(c.Writer, ck)
}

func (s *Server) requireAccounts(c *gin.Context) bool {
	if s.accounts == nil {
		s.fail(c, credential.Errorf(credential.CodeUnavailable, "staff accounts are not configured"))
		return false
	}
	return true
}

// safeMethod reports methods that change nothing.
func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// crossSite refuses a state-changing request a browser sent from another
// site (Go's CrossOriginProtection: Sec-Fetch-Site, then Origin).
func (s *Server) crossSite(c *gin.Context) bool {
	if err := s.cop.Check(c.Request); err != nil {
		s.fail(c, credential.Errorf(credential.CodeForbidden, "cross-site request refused: this form can only be sent from %s itself", originOf(s.issuer.Identity().BaseURL)))
		return true
	}
	return false
}

// principal finds who makes the request: a bearer token, else the session
// cookie. Both are looked up in the database on every request.
func (s *Server) principal(c *gin.Context) (*account.Principal, error) {
	ctx := c.Request.Context()
	if h := c.GetHeader("Authorization"); h != "" {
		tok, ok := bearerToken(h)
		if !ok {
			c.Header("WWW-Authenticate", `Bearer realm="tanu"`)
			return nil, credential.Errorf(credential.CodeUnauthorized, "the Authorization header must be: Bearer <token>")
		}
		if len(tok) > account.MaxSecretBytes {
			return nil, credential.Errorf(credential.CodeUnauthorized, "the token is longer than %d bytes", account.MaxSecretBytes)
		}
		p, err := s.accounts.Bearer(ctx, tok)
		if credential.ErrorCode(err) == credential.CodeUnauthorized {
			c.Header("WWW-Authenticate", `Bearer realm="tanu", error="invalid_token"`)
		}
		return p, err
	}
	if v, err := c.Cookie(s.sessionCookie()); err == nil && v != "" {
		return s.accounts.Session(ctx, v)
	}
	c.Header("WWW-Authenticate", `Bearer realm="tanu"`)
	return nil, credential.Errorf(credential.CodeUnauthorized, "this endpoint needs a token (Authorization: Bearer <token>) or a signed-in session")
}

// authenticate requires a principal with at least role min, and attributes
// the request's writes to it in the audit trail. A session-signed request
// that changes something must come from tanu's own pages.
func (s *Server) authenticate(min string) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !s.requireAccounts(c) {
			return
		}
		p, err := s.principal(c)
		if err != nil {
			s.fail(c, err)
			return
		}
		if p.Via == account.ViaSession && !safeMethod(c.Request.Method) && s.crossSite(c) {
			return
		}
		if !credential.AtLeast(p.Role, min) {
			s.fail(c, credential.Errorf(credential.CodeForbidden, "this needs the %s role; you have %s", min, p.Role))
			return
		}
		c.Set(ctxPrincipal, p)
		c.Set(ctxRole, p.Role)
		c.Request = c.Request.WithContext(credential.WithActor(c.Request.Context(), p.Actor()))
		c.Next()
	}
}

func principalOf(c *gin.Context) *account.Principal {
	p, _ := c.Get(ctxPrincipal)
	pr, _ := p.(*account.Principal)
	return pr
}

func (s *Server) accountRoutes(api *gin.RouterGroup) {
	small := s.limitBody(s.cfg.MaxBodyBytes)
	viewer, admin := s.authenticate(credential.RoleViewer), s.authenticate(credential.RoleAdmin)
	api.GET("/me", viewer, s.me)
	api.GET("/tokens", viewer, s.listTokens)
	api.POST("/tokens", viewer, small, s.createToken)
	api.DELETE("/tokens/:id", viewer, s.revokeToken)
	api.GET("/users", admin, s.listUsers)
	api.POST("/users", admin, small, s.createUser)
	api.GET("/users/:id", admin, s.getUser)
	api.PATCH("/users/:id", admin, small, s.updateUser)
	api.POST("/users/:id/reset", admin, small, s.resetUser)
}

type meOut struct {
	User           *account.User  `json:"user,omitempty"`
	Role           string         `json:"role"`
	Via            string         `json:"via"`
	Actor          string         `json:"actor"`
	Token          *account.Token `json:"token,omitempty"`
	SessionExpires *time.Time     `json:"session_expires_at,omitempty"`
}

func (s *Server) me(c *gin.Context) {
	p := principalOf(c)
	out := meOut{User: p.User, Role: p.Role, Via: p.Via, Actor: p.Actor(), Token: p.Token}
	if p.Via == account.ViaSession {
		out.SessionExpires = &p.SessionExpires
	}
	c.JSON(http.StatusOK, out)
}

func (s *Server) listTokens(c *gin.Context) {
	all := c.Query("all") == "true"
	ts, err := s.accounts.Tokens(c.Request.Context(), principalOf(c), all)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"tokens": ts})
}

type tokenCreated struct {
	*account.Token
	Secret string `json:"token"`
}

func (s *Server) createToken(c *gin.Context) {
	var req account.TokenRequest
	if err := bindJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	t, sec, err := s.accounts.CreateToken(c.Request.Context(), principalOf(c), req)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusCreated, tokenCreated{Token: t, Secret: sec})
}

func (s *Server) revokeToken(c *gin.Context) {
	t, err := s.accounts.RevokeToken(c.Request.Context(), principalOf(c), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, t)
}

func (s *Server) listUsers(c *gin.Context) {
	us, err := s.accounts.Users(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"users": us})
}

func (s *Server) getUser(c *gin.Context) {
	u, err := s.accounts.Find(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, u)
}

// linkOut is a one-time setup or reset link, shown once.
type linkOut struct {
	User      *account.User `json:"user"`
	URL       string        `json:"url"`
	ExpiresAt time.Time     `json:"expires_at"`
}

func (s *Server) link(u *account.User, l account.IssuedLink) linkOut {
	return linkOut{User: u, URL: account.SetupURL(s.issuer.Identity().BaseURL, l.Secret), ExpiresAt: l.ExpiresAt}
}

func (s *Server) createUser(c *gin.Context) {
	var nu account.NewUser
	if err := bindJSON(c, &nu); err != nil {
		s.fail(c, err)
		return
	}
	u, sec, err := s.accounts.Invite(c.Request.Context(), nu)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Header("Location", "/api/v1/users/"+u.ID)
	c.JSON(http.StatusCreated, s.link(u, sec))
}

func (s *Server) updateUser(c *gin.Context) {
	var ch account.UserChange
	if err := bindJSON(c, &ch); err != nil {
		s.fail(c, err)
		return
	}
	if err := account.CheckSelfChange(principalOf(c), c.Param("id"), ch); err != nil {
		s.fail(c, err)
		return
	}
	u, err := s.accounts.Change(c.Request.Context(), c.Param("id"), ch)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, u)
}

func (s *Server) resetUser(c *gin.Context) {
	u, sec, err := s.accounts.IssueReset(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, s.link(u, sec))
}

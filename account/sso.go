package account

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/tanu-edu/tanu/credential"
)

// ProviderConfig is one OpenID Connect identity provider.
type ProviderConfig struct {
	// ID names the provider in URLs: /console/sso/{id}. Lower-case letters,
	// digits and dashes.
	ID string `json:"id"`
	// Label is the provider's name on the sign-in button ("Microsoft").
	Label  string `json:"label"`
	Issuer string `json:"issuer"`
	// ClientID and ClientSecret are the client registered at the provider;
	// ClientSecretEnv names an environment variable holding the secret
	// instead (keeps it out of the file).
	ClientID        string `json:"client_id"`
	ClientSecret    string `json:"client_secret,omitempty"`
	ClientSecretEnv string `json:"client_secret_env,omitempty"`
	// Scopes requested (default openid, email, profile).
	Scopes []string `json:"scopes,omitempty"`
	// AllowedDomains admit a verified e-mail of these domains even without
	// an account, which is then created with DefaultRole (or the mapped
	// group role). Without them only existing (invited) users get in.
	AllowedDomains []string `json:"allowed_domains,omitempty"`
	DefaultRole    string   `json:"default_role,omitempty"`
	// TrustEmail treats the e-mail claim as verified when the provider does
	// not send email_verified (Microsoft Entra ID sends none: its e-mail is
	// managed by the tenant).
	TrustEmail bool `json:"trust_email,omitempty"`
	// GroupsClaim names the claim listing the user's groups, and GroupRoles
	// maps group names (or ids) to tanu roles; the highest mapped role is
	// given at each sign-in.
	GroupsClaim string            `json:"groups_claim,omitempty"`
	GroupRoles  map[string]string `json:"group_roles,omitempty"`
	// AllowPrivateNetwork lets tanu reach an issuer on a loopback or private
	// address (an on-premises Keycloak); refused otherwise.
	AllowPrivateNetwork bool `json:"allow_private_network,omitempty"`
}

// SSOConfig is the single sign-on configuration file.
type SSOConfig struct {
	Providers []ProviderConfig `json:"providers"`
}

var providerID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)

// LoadSSOConfig reads and checks a single sign-on configuration file
// (JSON); getenv resolves client_secret_env.
func LoadSSOConfig(path string, getenv func(string) string) (*SSOConfig, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("sso config: %w", err)
	}
	if len(b) > 1<<20 {
		return nil, fmt.Errorf("sso config %s: larger than 1 MiB", path)
	}
	var c SSOConfig
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("sso config %s: %w", path, err)
	}
	for i := range c.Providers {
		p := &c.Providers[i]
		if p.ClientSecret == "" && p.ClientSecretEnv != "" {
			p.ClientSecret = getenv(p.ClientSecretEnv)
		}
	}
	return &c, c.Check()
}

// Check validates the configuration.
func (c *SSOConfig) Check() error {
	seen := map[string]bool{}
	for i, p := range c.Providers {
		at := fmt.Sprintf("sso config: provider %d (%s)", i+1, p.ID)
		switch {
		case !providerID.MatchString(p.ID):
			return fmt.Errorf("%s: id must be 1-32 lower-case letters, digits or dashes", at)
		case seen[p.ID]:
			return fmt.Errorf("%s: id used twice", at)
		case !strings.HasPrefix(p.Issuer, "https://") && !(p.AllowPrivateNetwork && strings.HasPrefix(p.Issuer, "http://")):
			return fmt.Errorf("%s: issuer must be an https URL", at)
		case p.ClientID == "":
			return fmt.Errorf("%s: client_id is required", at)
		case p.DefaultRole != "" && !credential.ValidRole(p.DefaultRole):
			return fmt.Errorf("%s: default_role %q is not a role", at, p.DefaultRole)
		case len(p.GroupRoles) > 0 && p.GroupsClaim == "":
			return fmt.Errorf("%s: group_roles needs groups_claim", at)
		}
		for g, r := range p.GroupRoles {
			if !credential.ValidRole(r) {
				return fmt.Errorf("%s: group %q maps to %q, not a role", at, g, r)
			}
		}
		seen[p.ID] = true
	}
	return nil
}

// ProviderInfo is what the sign-in page shows of a provider.
type ProviderInfo struct{ ID, Label string }

// Callback is the provider's answer at the redirect URI, and the state
// bound to the browser (its cookie).
type Callback struct {
	State, Code, Error, ErrorDescription string
	BoundState                           string
}

// Limits of a callback.
const (
	maxCallbackParam = 4096
	flowTTL          = 10 * time.Minute
)

// SSO signs users in with OpenID Connect: authorization code flow with
// PKCE (S256), state and nonce. The state, nonce and code verifier are kept
// in the database (any instance may receive the callback) and the state is
// also bound to the browser by a cookie.
type SSO struct {
	svc       *Service
	base      string // public URL; redirect URIs are base/console/sso/{id}/callback
	providers map[string]*provider
	order     []string
}

type provider struct {
	cfg    ProviderConfig
	client *http.Client
	mu     sync.Mutex
	op     *oidc.Provider // discovered on first use
}

// NewSSO returns single sign-on over the given providers for a service.
func NewSSO(svc *Service, base string, cfg *SSOConfig) (*SSO, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	s := &SSO{svc: svc, base: strings.TrimRight(base, "/"), providers: map[string]*provider{}}
	for _, p := range cfg.Providers {
		if len(p.Scopes) == 0 {
			p.Scopes = []string{oidc.ScopeOpenID, "email", "profile"}
		}
		if !slices.Contains(p.Scopes, oidc.ScopeOpenID) {
			p.Scopes = append([]string{oidc.ScopeOpenID}, p.Scopes...)
		}
		if p.DefaultRole == "" {
			p.DefaultRole = credential.RoleViewer
		}
		if p.Label == "" {
			p.Label = p.ID
		}
		s.providers[p.ID] = &provider{cfg: p, client: guardedClient(p.AllowPrivateNetwork)}
		s.order = append(s.order, p.ID)
	}
	return s, nil
}

// guardedClient is the HTTP client for a provider: bounded in time, and
// refusing loopback, private and link-local addresses unless allowed.
func guardedClient(allowPrivate bool) *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second, Control: func(network, address string, _ syscall.RawConn) error {
		if allowPrivate {
			return nil
		}
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		ip := net.ParseIP(host)
		if ip == nil || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsUnspecified() || ip.IsMulticast() {
			return fmt.Errorf("sso: refusing to connect to %s (a loopback, private or link-local address; set allow_private_network for an on-premises provider)", host)
		}
		return nil
	}}
	tr := &http.Transport{DialContext: d.DialContext, TLSHandshakeTimeout: 10 * time.Second, ResponseHeaderTimeout: 15 * time.Second, MaxResponseHeaderBytes: 64 << 10}
	return &http.Client{Transport: limitedBodies{tr, maxProviderBody}, Timeout: 20 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// maxProviderBody bounds what tanu reads of a provider's answer (metadata,
// key set, token response): 1 MiB, far above any real one.
const maxProviderBody = 1 << 20

// limitedBodies cuts every response body at max bytes (a longer one then
// fails to parse).
type limitedBodies struct {
	rt  http.RoundTripper
	max int64
}

func (l limitedBodies) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := l.rt.RoundTrip(r)
	if err == nil {
		resp.Body = struct {
			io.Reader
			io.Closer
		}{io.LimitReader(resp.Body, l.max), resp.Body}
	}
	return resp, err
}

// Providers lists the providers in configuration order.
func (s *SSO) Providers() []ProviderInfo {
	out := make([]ProviderInfo, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, ProviderInfo{ID: id, Label: s.providers[id].cfg.Label})
	}
	return out
}

func (s *SSO) provider(id string) (*provider, error) {
	p, ok := s.providers[id]
	if !ok || len(id) > 32 {
		return nil, &credential.Error{Code: credential.CodeNotFound, Message: "no single sign-on provider of this name is configured",
			Details: []credential.Detail{{Field: "provider", Code: "unknown", Message: "unknown provider"}}}
	}
	return p, nil
}

// discover reads the provider's metadata once (retrying after a failure).
func (p *provider) discover(ctx context.Context) (*oidc.Provider, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.op != nil {
		return p.op, nil
	}
	dctx, cancel := context.WithTimeout(oidc.ClientContext(ctx, p.client), 20*time.Second)
	defer cancel()
	op, err := oidc.NewProvider(dctx, p.cfg.Issuer)
	if err != nil {
		return nil, credential.Wrap(credential.CodeUnavailable, err, "the identity provider cannot be reached: try again later")
	}
	var meta struct {
		JWKS string `json:"jwks_uri"`
	}
	if err := op.Claims(&meta); err != nil || meta.JWKS == "" {
		return nil, credential.Errorf(credential.CodeUnavailable, "the identity provider publishes no key set")
	}
	p.op = op
	return op, nil
}

func (s *SSO) oauth(p *provider, op *oidc.Provider) *oauth2.Config {
	return &oauth2.Config{ClientID: p.cfg.ClientID, ClientSecret: p.cfg.ClientSecret, Endpoint: op.Endpoint(),
		RedirectURL: s.base + "/console/sso/" + p.cfg.ID + "/callback", Scopes: p.cfg.Scopes}
}

// SafeNext keeps a post-sign-in destination inside the console.
func SafeNext(next string) string {
	if strings.HasPrefix(next, "/console") && !strings.HasPrefix(next, "//") && !strings.ContainsAny(next, "\\\r\n") && len(next) <= 512 {
		return next
	}
	return "/console"
}

// Start begins a sign-in with provider: it stores a new flow and returns
// the authorization URL and the state to bind to the browser.
func (s *SSO) Start(ctx context.Context, providerID, next string) (string, string, error) {
	p, err := s.provider(providerID)
	if err != nil {
		return "", "", err
	}
	op, err := p.discover(ctx)
	if err != nil {
		return "", "", err
	}
	state, stateHash, err := s.svc.secret()
	if err != nil {
		return "", "", err
	}
	nonce, _, err := s.svc.secret()
	if err != nil {
		return "", "", err
	}
	verifier := oauth2.GenerateVerifier()
	now := s.svc.clock()
	if err := s.svc.repo.SaveFlow(ctx, Flow{StateHash: stateHash, Provider: providerID, Nonce: nonce, Verifier: verifier,
		Next: SafeNext(next), CreatedAt: now, ExpiresAt: now.Add(flowTTL)}); err != nil {
		return "", "", err
	}
	u := s.oauth(p, op).AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier))
	return u, state, nil
}

func badCallback(msg string) error {
	return &credential.Error{Code: credential.CodeInvalid, Message: "the sign-in answer is not usable: " + msg,
		Details: []credential.Detail{{Field: "query", Code: "bad_callback", Message: msg}}}
}

// ErrNotAdmitted answers an identity that has no account here and no
// allow-listed domain, or whose account is disabled.
var ErrNotAdmitted = credential.Errorf(credential.CodeForbidden, "this identity has no account here and its e-mail domain is not admitted: ask an administrator to invite you")

// Finish checks the provider's answer: the state (once, bound to the
// browser), the code (exchanged with the PKCE verifier), the ID token
// (signature, issuer, audience, expiry) and its nonce; then finds the user
// by subject or verified e-mail, or creates it for an allow-listed domain.
func (s *SSO) Finish(ctx context.Context, providerID string, cb Callback) (*User, string, error) {
	p, err := s.provider(providerID)
	if err != nil {
		return nil, "", err
	}
	for _, v := range []string{cb.State, cb.Code, cb.Error, cb.ErrorDescription, cb.BoundState} {
		if len(v) > maxCallbackParam {
			return nil, "", badCallback(fmt.Sprintf("a parameter is longer than %d bytes", maxCallbackParam))
		}
	}
	if cb.State == "" {
		return nil, "", badCallback("the state parameter is missing")
	}
	if cb.BoundState == "" || subtle.ConstantTimeCompare([]byte(cb.State), []byte(cb.BoundState)) != 1 {
		return nil, "", badCallback("the state does not belong to this browser: start signing in again")
	}
	f, err := s.svc.repo.TakeFlow(ctx, HashSecret(cb.State), s.svc.clock())
	if credential.IsNotFound(err) {
		return nil, "", badCallback("the state is unknown, used or expired: start signing in again")
	}
	if err != nil {
		return nil, "", err
	}
	if f.Provider != providerID {
		return nil, "", badCallback("the state belongs to another provider")
	}
	if cb.Error != "" {
		return nil, "", credential.Errorf(credential.CodeUnauthorized, "the identity provider did not sign you in (%s)", cb.Error)
	}
	if cb.Code == "" {
		return nil, "", badCallback("the code parameter is missing")
	}
	op, err := p.discover(ctx)
	if err != nil {
		return nil, "", err
	}
	xctx, cancel := context.WithTimeout(oidc.ClientContext(ctx, p.client), 20*time.Second)
	defer cancel()
	tok, err := s.oauth(p, op).Exchange(xctx, cb.Code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		return nil, "", credential.Wrap(credential.CodeUnauthorized, err, "the identity provider did not accept the sign-in code (used, expired or not issued for this sign-in)")
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return nil, "", credential.Errorf(credential.CodeUnauthorized, "the identity provider sent no ID token")
	}
	idt, err := op.Verifier(&oidc.Config{ClientID: p.cfg.ClientID, Now: s.svc.now}).Verify(xctx, raw)
	if err != nil {
		return nil, "", credential.Wrap(credential.CodeUnauthorized, err, "the ID token is not valid")
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(f.Nonce)) != 1 {
		return nil, "", credential.Errorf(credential.CodeUnauthorized, "the ID token was not issued for this sign-in (nonce mismatch)")
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return nil, "", credential.Wrap(credential.CodeUnauthorized, err, "the ID token's claims cannot be read")
	}
	u, err := s.admit(ctx, p, idt.Subject, claims)
	if err != nil {
		return nil, "", err
	}
	return u, f.Next, nil
}

// admit finds or creates the user of a verified identity.
func (s *SSO) admit(ctx context.Context, p *provider, subject string, claims map[string]any) (*User, error) {
	ctx = credential.WithActor(ctx, "sso:"+p.cfg.ID)
	email, _ := claims["email"].(string)
	verified := p.cfg.TrustEmail
	switch v := claims["email_verified"].(type) {
	case bool:
		verified = v
	case string:
		verified = v == "true"
	}
	if e, err := NormalizeEmail(email); err == nil {
		email = e
	} else {
		email, verified = "", false
	}
	role := s.mappedRole(p, claims)
	u, err := s.svc.repo.UserByIdentity(ctx, p.cfg.ID, subject)
	switch {
	case err == nil:
	case !credential.IsNotFound(err):
		return nil, err
	case !verified:
		return nil, ErrNotAdmitted
	default:
		u, err = s.svc.repo.UserByEmail(ctx, email)
		switch {
		case err == nil:
			if err := s.svc.repo.LinkIdentity(ctx, u.ID, p.cfg.ID, subject); err != nil {
				return nil, err
			}
		case !credential.IsNotFound(err):
			return nil, err
		case domainAllowed(email, p.cfg.AllowedDomains):
			id, err := s.svc.newID(9)
			if err != nil {
				return nil, err
			}
			name, _ := claims["name"].(string)
			if checkText("name", name, MaxNameChars) != nil {
				name = ""
			}
			nu := User{ID: id, Email: email, Name: name, Role: p.cfg.DefaultRole, CreatedAt: s.svc.clock()}
			if role != "" {
				nu.Role = role
			}
			if err := s.svc.repo.CreateSSOUser(ctx, nu, p.cfg.ID, subject); err != nil {
				return nil, err
			}
			return &nu, nil
		default:
			return nil, ErrNotAdmitted
		}
	}
	if u.Disabled {
		return nil, ErrNotAdmitted
	}
	if role != "" && role != u.Role {
		if u, err = s.svc.repo.UpdateUser(ctx, u.ID, UserChange{Role: &role}); err != nil {
			return nil, err
		}
	}
	return u, nil
}

func domainAllowed(email string, domains []string) bool {
	at := strings.LastIndexByte(email, '@')
	if at < 0 {
		return false
	}
	d := email[at+1:]
	return slices.ContainsFunc(domains, func(x string) bool { return strings.EqualFold(strings.TrimPrefix(x, "@"), d) })
}

// mappedRole returns the highest role the groups claim maps to, or "".
func (s *SSO) mappedRole(p *provider, claims map[string]any) string {
	if p.cfg.GroupsClaim == "" {
		return ""
	}
	var groups []string
	switch v := claims[p.cfg.GroupsClaim].(type) {
	case []any:
		for _, g := range v {
			if gs, ok := g.(string); ok {
				groups = append(groups, gs)
			}
		}
	case string:
		groups = []string{v}
	}
	best := ""
	for _, g := range groups {
		if r, ok := p.cfg.GroupRoles[g]; ok && credential.RoleRank(r) > credential.RoleRank(best) {
			best = r
		}
	}
	return best
}

package account

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// Limits on what people type.
const (
	MaxEmailBytes      = 254
	MaxNameChars       = 200
	MaxTokenNameChars  = 100
	MaxTokensPerUser   = 100
	MaxTokenLifetime   = 5 * 365 * 24 * time.Hour
	MaxSecretBytes     = 256 // bearer tokens, session ids and link secrets
	tokenTouchInterval = time.Minute
)

// Config sets the lifetimes and the throttling of an account service; zero
// fields take the defaults.
type Config struct {
	IdleTimeout     time.Duration // a session unused this long ends (default 1 h)
	AbsoluteTimeout time.Duration // a session ends this long after sign-in (default 12 h)
	LinkTTL         time.Duration // setup and reset links (default 72 h)
	// Login throttling: more than MaxFailures failed sign-ins for one
	// account, or MaxAddressFailures from one client address, within
	// FailureWindow refuse further attempts until the window passes.
	MaxFailures        int           // default 5
	MaxAddressFailures int           // default 20
	FailureWindow      time.Duration // default 15 min
	// MaxConcurrentHashes bounds the argon2 computations running at once
	// (each takes Argon2.Memory KiB); default 4.
	MaxConcurrentHashes int
	Argon2              Argon2Params // default DefaultArgon2()
}

func (c *Config) defaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.IdleTimeout, time.Hour)
	def(&c.AbsoluteTimeout, 12*time.Hour)
	def(&c.LinkTTL, 72*time.Hour)
	def(&c.FailureWindow, 15*time.Minute)
	if c.MaxFailures <= 0 {
		c.MaxFailures = 5
	}
	if c.MaxAddressFailures <= 0 {
		c.MaxAddressFailures = 20
	}
	if c.MaxConcurrentHashes <= 0 {
		c.MaxConcurrentHashes = 4
	}
	if c.Argon2.Memory == 0 {
		c.Argon2 = DefaultArgon2()
	}
}

// Service runs accounts, sessions and tokens over a Repo.
type Service struct {
	repo  Repo
	cfg   Config
	now   func() time.Time
	rnd   io.Reader
	sem   chan struct{}
	dummy string // a hash checked when the account is unknown, so timing says nothing
}

// New returns a service. now is the clock every expiry is measured with.
func New(repo Repo, cfg Config, now func() time.Time) *Service {
	cfg.defaults()
	s := &Service{repo: repo, cfg: cfg, now: now, rnd: rand.Reader, sem: make(chan struct{}, cfg.MaxConcurrentHashes)}
	s.dummy = HashPassword("tanu-no-such-account", make([]byte, saltBytes), cfg.Argon2)
	return s
}

// Config returns the service's settings, defaults filled in.
func (s *Service) Config() Config { return s.cfg }

func (s *Service) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// secret returns a random URL-safe secret of 32 bytes and its stored hash.
func (s *Service) secret() (string, string, error) {
	b := make([]byte, 32)
	if _, err := io.ReadFull(s.rnd, b); err != nil {
		return "", "", fmt.Errorf("account: random: %w", err)
	}
	v := base64.RawURLEncoding.EncodeToString(b)
	return v, HashSecret(v), nil
}

func (s *Service) newID(n int) (string, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(s.rnd, b); err != nil {
		return "", fmt.Errorf("account: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// HashSecret is how bearer tokens, session ids and link secrets are stored:
// hex SHA-256. They are 256-bit random values, so a fast hash is enough.
func HashSecret(v string) string {
	h := sha256.Sum256([]byte(v))
	return hex.EncodeToString(h[:])
}

func invalid(field, code, msg string) error {
	return &credential.Error{Code: credential.CodeInvalid, Message: msg,
		Details: []credential.Detail{{Field: field, Code: code, Message: msg}}}
}

// NormalizeEmail checks an e-mail login and returns it trimmed and
// lower-cased.
func NormalizeEmail(email string) (string, error) {
	if len(email) > MaxEmailBytes {
		return "", invalid("email", "too_long", fmt.Sprintf("the e-mail address is longer than %d bytes", MaxEmailBytes))
	}
	e := strings.ToLower(strings.TrimSpace(email))
	if e == "" {
		return "", invalid("email", "required", "the e-mail address is required")
	}
	a, err := mail.ParseAddress(e)
	if err != nil || a.Address != e || !strings.Contains(e[strings.LastIndexByte(e, '@')+1:], ".") && !strings.HasSuffix(e, "@localhost") {
		return "", invalid("email", "malformed", "the e-mail address is not a plain address like name@university.edu")
	}
	return e, nil
}

func checkText(field, v string, max int) error {
	if !utf8.ValidString(v) || utf8.RuneCountInString(v) > max || strings.ContainsAny(v, "\x00\r\n") {
		return invalid(field, "too_long", fmt.Sprintf("%s must be one line of at most %d characters", field, max))
	}
	return nil
}

func checkRole(field, r string) error {
	if !credential.ValidRole(r) {
		return invalid(field, "unknown_role", "role must be one of "+strings.Join(credential.Roles(), ", "))
	}
	return nil
}

// IssuedLink is a new one-time link: its secret (shown once) and end.
type IssuedLink struct {
	Secret    string
	ExpiresAt time.Time
}

// SetupURL is the address of the page where a setup or reset link's holder
// sets a password.
func SetupURL(base, secret string) string {
	return strings.TrimRight(base, "/") + "/console/setup/" + secret
}

// NewUser is what an admin gives to invite someone.
type NewUser struct {
	Email      string `json:"email"`
	Name       string `json:"name"`
	Role       string `json:"role"`
	Department string `json:"department"`
}

// Invite creates a user without a password and returns it with the secret
// of its setup link (valid LinkTTL).
func (s *Service) Invite(ctx context.Context, nu NewUser) (*User, IssuedLink, error) {
	email, err := NormalizeEmail(nu.Email)
	if err != nil {
		return nil, IssuedLink{}, err
	}
	if err := checkRole("role", nu.Role); err != nil {
		return nil, IssuedLink{}, err
	}
	for _, f := range []struct{ n, v string }{{"name", nu.Name}, {"department", nu.Department}} {
		if err := checkText(f.n, f.v, MaxNameChars); err != nil {
			return nil, IssuedLink{}, err
		}
	}
	id, err := s.newID(9)
	if err != nil {
		return nil, IssuedLink{}, err
	}
	sec, hash, err := s.secret()
	if err != nil {
		return nil, IssuedLink{}, err
	}
	now := s.clock()
	u := User{ID: id, Email: email, Name: strings.TrimSpace(nu.Name), Role: nu.Role, Department: strings.TrimSpace(nu.Department), CreatedAt: now}
	link := IssuedLink{Secret: sec, ExpiresAt: now.Add(s.cfg.LinkTTL)}
	if err := s.repo.CreateUser(ctx, u, Link{Hash: hash, UserID: id, Purpose: LinkSetup, CreatedAt: now, ExpiresAt: link.ExpiresAt}); err != nil {
		if credential.ErrorCode(err) == credential.CodeConflict {
			return nil, IssuedLink{}, &credential.Error{Code: credential.CodeConflict, Message: "a user with this e-mail address already exists",
				Details: []credential.Detail{{Field: "email", Code: "exists", Message: "a user with this e-mail address already exists"}}, Err: err}
		}
		return nil, IssuedLink{}, err
	}
	return &u, link, nil
}

// Users lists every user.
func (s *Service) Users(ctx context.Context) ([]User, error) { return s.repo.Users(ctx) }

// Find returns a user by id or e-mail.
func (s *Service) Find(ctx context.Context, idOrEmail string) (*User, error) {
	if strings.Contains(idOrEmail, "@") {
		e, err := NormalizeEmail(idOrEmail)
		if err != nil {
			return nil, err
		}
		return s.repo.UserByEmail(ctx, e)
	}
	if len(idOrEmail) > 64 {
		return nil, credential.Errorf(credential.CodeNotFound, "no such user")
	}
	return s.repo.UserByID(ctx, idOrEmail)
}

// Change edits a user. A new role or disabling ends the user's sessions at
// once; tokens are checked against the owner on every use, so they follow.
func (s *Service) Change(ctx context.Context, id string, ch UserChange) (*User, error) {
	if ch.Role != nil {
		if err := checkRole("role", *ch.Role); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		n string
		v *string
	}{{"name", ch.Name}, {"department", ch.Department}} {
		if f.v != nil {
			if err := checkText(f.n, *f.v, MaxNameChars); err != nil {
				return nil, err
			}
			*f.v = strings.TrimSpace(*f.v)
		}
	}
	u, err := s.Find(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.repo.UpdateUser(ctx, u.ID, ch)
}

// IssueReset returns the secret of a new one-time reset link for a user;
// earlier unused links stop working.
func (s *Service) IssueReset(ctx context.Context, idOrEmail string) (*User, IssuedLink, error) {
	u, err := s.Find(ctx, idOrEmail)
	if err != nil {
		return nil, IssuedLink{}, err
	}
	sec, hash, err := s.secret()
	if err != nil {
		return nil, IssuedLink{}, err
	}
	now := s.clock()
	purpose := LinkReset
	if !u.HasPassword() {
		purpose = LinkSetup
	}
	link := IssuedLink{Secret: sec, ExpiresAt: now.Add(s.cfg.LinkTTL)}
	if err := s.repo.AddLink(ctx, Link{Hash: hash, UserID: u.ID, Purpose: purpose, CreatedAt: now, ExpiresAt: link.ExpiresAt}); err != nil {
		return nil, IssuedLink{}, err
	}
	return u, link, nil
}

var errBadLink = credential.Errorf(credential.CodeNotFound, "this link is unknown, already used or expired: ask an administrator for a new one")

// LinkUser returns the user and purpose of a usable setup or reset link.
func (s *Service) LinkUser(ctx context.Context, secret string) (*User, string, error) {
	if secret == "" || len(secret) > MaxSecretBytes {
		return nil, "", errBadLink
	}
	u, purpose, err := s.repo.LinkUser(ctx, HashSecret(secret), s.clock())
	if credential.IsNotFound(err) {
		return nil, "", errBadLink
	}
	return u, purpose, err
}

// SetPassword consumes a link and sets the password; every session of the
// user ends.
func (s *Service) SetPassword(ctx context.Context, secret, password string) (*User, error) {
	u, _, err := s.LinkUser(ctx, secret)
	if err != nil {
		return nil, err
	}
	if err := CheckPasswordPolicy(password, u.Email); err != nil {
		return nil, err
	}
	salt := make([]byte, saltBytes)
	if _, err := io.ReadFull(s.rnd, salt); err != nil {
		return nil, fmt.Errorf("account: random: %w", err)
	}
	hash, err := s.hash(ctx, password, salt)
	if err != nil {
		return nil, err
	}
	u, err = s.repo.UseLink(ctx, HashSecret(secret), s.clock(), hash)
	if credential.IsNotFound(err) {
		return nil, errBadLink
	}
	return u, err
}

// hash runs argon2 within the concurrency bound.
func (s *Service) hash(ctx context.Context, password string, salt []byte) (string, error) {
	if err := s.acquire(ctx); err != nil {
		return "", err
	}
	defer func() { <-s.sem }()
	return HashPassword(password, salt, s.cfg.Argon2), nil
}

func (s *Service) check(ctx context.Context, password, encoded string) (bool, error) {
	if err := s.acquire(ctx); err != nil {
		return false, err
	}
	defer func() { <-s.sem }()
	return CheckPassword(password, encoded), nil
}

func (s *Service) acquire(ctx context.Context) error {
	select {
	case s.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return credential.Wrap(credential.CodeUnavailable, ctx.Err(), "the server is busy: try again")
	}
}

// ErrBadLogin is the answer to any failed sign-in, whether or not the
// account exists, is disabled or has no password yet.
var ErrBadLogin = credential.Errorf(credential.CodeUnauthorized, "wrong e-mail address or password")

// ErrThrottled answers sign-ins after too many failures.
var ErrThrottled = credential.Errorf(credential.CodeTooManyRequests, "too many failed sign-ins: wait a few minutes and try again")

func accountKey(email string) string { return "account:" + email }
func addressKey(addr string) string  { return "address:" + addr }

// Login checks an e-mail and password from the client address addr and
// starts a session, returning its secret (the cookie value). Failures are
// counted per account and per address in the database, and answer the same
// whether or not the account exists.
func (s *Service) Login(ctx context.Context, email, password, addr string) (*User, string, error) {
	if len(password) > MaxPasswordBytes {
		return nil, "", invalid("password", "too_long", fmt.Sprintf("the password is longer than %d bytes", MaxPasswordBytes))
	}
	if password == "" {
		return nil, "", invalid("password", "required", "the password is required")
	}
	email, err := NormalizeEmail(email)
	if err != nil {
		return nil, "", err
	}
	now := s.clock()
	since := now.Add(-s.cfg.FailureWindow)
	n, err := s.repo.LoginFailures(ctx, accountKey(email), since)
	if err != nil {
		return nil, "", err
	}
	m, err := s.repo.LoginFailures(ctx, addressKey(addr), since)
	if err != nil {
		return nil, "", err
	}
	if n >= s.cfg.MaxFailures || m >= s.cfg.MaxAddressFailures {
		return nil, "", ErrThrottled
	}
	u, err := s.repo.UserByEmail(ctx, email)
	if err != nil && !credential.IsNotFound(err) {
		return nil, "", err
	}
	encoded := s.dummy
	if u != nil && u.HasPassword() {
		encoded = u.PasswordHash
	}
	ok, err := s.check(ctx, password, encoded)
	if err != nil {
		return nil, "", err
	}
	if !ok || u == nil || !u.HasPassword() || u.Disabled {
		if err := s.repo.AddLoginFailure(ctx, []string{accountKey(email), addressKey(addr)}, now, since); err != nil {
			return nil, "", err
		}
		return nil, "", ErrBadLogin
	}
	if err := s.repo.ClearLoginFailures(ctx, accountKey(email)); err != nil {
		return nil, "", err
	}
	sec, err := s.StartSession(ctx, u, "password")
	if err != nil {
		return nil, "", err
	}
	return u, sec, nil
}

// StartSession begins a new session for u (a fresh id every sign-in) and
// returns its secret.
func (s *Service) StartSession(ctx context.Context, u *User, via string) (string, error) {
	if u.Disabled {
		return "", ErrBadLogin
	}
	sec, hash, err := s.secret()
	if err != nil {
		return "", err
	}
	now := s.clock()
	if err := s.repo.CreateSession(ctx, Session{Hash: hash, UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(s.cfg.AbsoluteTimeout), Via: via}); err != nil {
		return "", err
	}
	return sec, nil
}

// ErrNoSession answers a missing, ended or expired session.
var ErrNoSession = credential.Errorf(credential.CodeUnauthorized, "you are not signed in, or your session has ended: sign in again")

// Session returns who holds the session secret, checking in the database
// that it exists, has neither idled out nor passed its absolute end, and
// that its user is enabled.
func (s *Service) Session(ctx context.Context, secret string) (*Principal, error) {
	if secret == "" || len(secret) > MaxSecretBytes {
		return nil, ErrNoSession
	}
	hash := HashSecret(secret)
	ss, u, err := s.repo.SessionByHash(ctx, hash)
	if credential.IsNotFound(err) {
		return nil, ErrNoSession
	}
	if err != nil {
		return nil, err
	}
	now := s.clock()
	if u.Disabled || !now.Before(ss.ExpiresAt) || !now.Before(ss.LastSeenAt.Add(s.cfg.IdleTimeout)) {
		if err := s.repo.DeleteSession(ctx, hash); err != nil {
			return nil, err
		}
		return nil, ErrNoSession
	}
	if err := s.repo.TouchSession(ctx, hash, now, now.Add(-tokenTouchInterval)); err != nil {
		return nil, err
	}
	return &Principal{User: u, Role: u.Role, Via: ViaSession, SessionExpires: ss.ExpiresAt}, nil
}

// Logout ends the session whose secret is given (a no-op if it is gone).
func (s *Service) Logout(ctx context.Context, secret string) error {
	if secret == "" || len(secret) > MaxSecretBytes {
		return nil
	}
	return s.repo.DeleteSession(ctx, HashSecret(secret))
}

// CheckSelfChange refuses a change an administrator may not make to their
// own account (by is who asks, id the user changed): another role, or
// disabling it. Nobody locks the last administrator out by mistake.
func CheckSelfChange(by *Principal, id string, ch UserChange) error {
	if by == nil || by.User == nil || (id != by.User.ID && !strings.EqualFold(id, by.User.Email)) {
		return nil
	}
	if (ch.Role != nil && *ch.Role != by.User.Role) || (ch.Disabled != nil && *ch.Disabled) {
		return credential.Errorm(credential.CodeConflict, lang.ConsoleAdminSelfChange)
	}
	return nil
}

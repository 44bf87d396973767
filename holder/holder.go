// Package holder runs the holder's page /my: a graduate types an e-mail
// address, receives a one-time sign-in link through the outbox, and, signed
// in, sees every credential of this issuer whose salted e-mail hash matches
// the address. No password, no account: links and sessions are short-lived
// and stored only as hashes.
package holder

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/notify"
)

// Store is what the holder's page needs of the registry.
type Store interface {
	CreateHolderLink(ctx context.Context, l credential.HolderLink, secret string) error
	HolderLinkCount(ctx context.Context, rateKey string, since time.Time) (int, error)
	UseHolderLink(ctx context.Context, hash string, now time.Time) (email, lang string, err error)
	CreateHolderSession(ctx context.Context, ss credential.HolderSession) error
	HolderSession(ctx context.Context, hash string, now time.Time) (*credential.HolderSession, error)
	DeleteHolderSession(ctx context.Context, hash string) error
	PruneHolder(ctx context.Context, now time.Time, keepLinks time.Duration) error
	UnindexedCredentials(ctx context.Context, n int) ([]credential.SignedCredential, error)
	IndexCredentialEmails(ctx context.Context, es []credential.CredentialEmail) error
	CredentialEmails(ctx context.Context, fn func(credential.CredentialEmail)) error
	Credential(ctx context.Context, id string) (*credential.Record, error)
}

// Waker is woken when a message is queued (the outbox sender).
type Waker interface{ Wake() }

// Config bounds the holder's page.
type Config struct {
	// LinkTTL is how long a sign-in link works (default notify.SignInTTL,
	// 15 minutes); SessionTTL how long a signed-in holder stays so
	// (default 1 hour).
	LinkTTL, SessionTTL time.Duration
	// PerAddress caps the sign-in links sent to one address an hour
	// (default 5); more requests are answered alike and send nothing.
	PerAddress int
	// MaxCredentials caps the credentials one session lists (default 200).
	MaxCredentials int
}

// Service runs sign-in links and holder sessions.
type Service struct {
	st   Store
	cfg  Config
	now  func() time.Time
	wake Waker
}

// New returns the holder service on st with clock now; wake (optional) is
// woken when a sign-in message is queued.
func New(st Store, cfg Config, now func() time.Time, wake Waker) *Service {
	if cfg.LinkTTL <= 0 {
		cfg.LinkTTL = notify.SignInTTL
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = time.Hour
	}
	if cfg.PerAddress <= 0 {
		cfg.PerAddress = 5
	}
	if cfg.MaxCredentials <= 0 {
		cfg.MaxCredentials = 200
	}
	if now == nil {
		now = time.Now
	}
	return &Service{st: st, cfg: cfg, now: now, wake: wake}
}

// Config returns the service's settings with their defaults.
func (s *Service) Config() Config { return s.cfg }

// ErrBadEmail is a request whose address is not an e-mail address.
var ErrBadEmail = credential.Errorm(credential.CodeInvalid, lang.HolderBadEmail)

// ErrLink is a sign-in link that is unknown, used or expired.
var ErrLink = credential.Errorm(credential.CodeNotFound, lang.HolderLinkInvalid)

// ErrSession is a missing or expired holder session.
var ErrSession = credential.Errorm(credential.CodeUnauthorized, lang.HolderExpired)

// Normalize is the address as the credentials hash it: trimmed, lower case.
func Normalize(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// Hash is the stored form of a secret: hex SHA-256.
func Hash(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// NewSecret returns 32 random bytes, base64url.
func NewSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("holder: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// RequestLink queues a one-time sign-in link to email in language l. It
// does the same work whether or not the address has credentials (which it
// never looks up here), so neither the answer nor its timing tells; past
// the per-address limit it quietly sends nothing.
func (s *Service) RequestLink(ctx context.Context, email string, l lang.Tag) error {
	email = Normalize(email)
	if !credential.ValidEmail(email) {
		return ErrBadEmail
	}
	now := s.now().UTC()
	rate := Hash("tanu-holder-rate\x00" + email)
	n, err := s.st.HolderLinkCount(ctx, rate, now.Add(-time.Hour))
	if err != nil {
		return err
	}
	if n >= s.cfg.PerAddress {
		return nil
	}
	secret, err := NewSecret()
	if err != nil {
		return err
	}
	err = s.st.CreateHolderLink(ctx, credential.HolderLink{Hash: Hash(secret), Email: email, RateKey: rate, Language: string(l),
		CreatedAt: now, ExpiresAt: now.Add(s.cfg.LinkTTL)}, secret)
	if err != nil {
		return err
	}
	if s.wake != nil {
		s.wake.Wake()
	}
	return nil
}

// SignIn uses a sign-in link once and starts a session holding the
// credentials whose e-mail hash matches the link's address. It returns
// the session's secret (for the cookie) and the session.
func (s *Service) SignIn(ctx context.Context, secret string) (string, *credential.HolderSession, error) {
	if secret == "" || len(secret) > 100 {
		return "", nil, ErrLink
	}
	now := s.now().UTC()
	email, l, err := s.st.UseHolderLink(ctx, Hash(secret), now)
	if credential.IsNotFound(err) {
		return "", nil, ErrLink
	}
	if err != nil {
		return "", nil, err
	}
	ids, err := s.Match(ctx, email)
	if err != nil {
		return "", nil, err
	}
	sid, err := NewSecret()
	if err != nil {
		return "", nil, err
	}
	ss := credential.HolderSession{Hash: Hash(sid), Credentials: ids, Language: l, CreatedAt: now, ExpiresAt: now.Add(s.cfg.SessionTTL)}
	if err := s.st.CreateHolderSession(ctx, ss); err != nil {
		return "", nil, err
	}
	return sid, &ss, nil
}

// Session returns the live session of a cookie's secret.
func (s *Service) Session(ctx context.Context, secret string) (*credential.HolderSession, error) {
	if secret == "" || len(secret) > 100 {
		return nil, ErrSession
	}
	ss, err := s.st.HolderSession(ctx, Hash(secret), s.now().UTC())
	if credential.IsNotFound(err) {
		return nil, ErrSession
	}
	return ss, err
}

// SignOut ends a session.
func (s *Service) SignOut(ctx context.Context, secret string) error {
	if secret == "" {
		return nil
	}
	return s.st.DeleteHolderSession(ctx, Hash(secret))
}

// Credentials returns the session's credentials, newest first.
func (s *Service) Credentials(ctx context.Context, ss *credential.HolderSession) ([]*credential.Record, error) {
	out := make([]*credential.Record, 0, len(ss.Credentials))
	for _, id := range ss.Credentials {
		r, err := s.st.Credential(ctx, id)
		if credential.IsNotFound(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b *credential.Record) int { return b.IssuedAt.Compare(a.IssuedAt) })
	return out, nil
}

// Holds reports whether the session holds credential id.
func Holds(ss *credential.HolderSession, id string) bool { return slices.Contains(ss.Credentials, id) }

// Prune clears expired links' addresses and drops old links and sessions.
func (s *Service) Prune(ctx context.Context) error {
	return s.st.PruneHolder(ctx, s.now(), 24*time.Hour)
}

// Run prunes every few minutes until ctx ends.
func (s *Service) Run(ctx context.Context) error {
	t := time.NewTicker(5 * time.Minute)
	defer t.Stop()
	for {
		_ = s.Prune(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// indexRound is how many credentials one round of indexing reads.
const indexRound = 500

// Match returns the ids of the credentials whose salted e-mail hash is the
// hash of email with their salt, after indexing the credentials issued
// since the last look (each credential's hash is read once from its
// signed form). It hashes the address once per credential carrying one.
func (s *Service) Match(ctx context.Context, email string) ([]string, error) {
	if err := s.index(ctx); err != nil {
		return nil, err
	}
	email = Normalize(email)
	var ids []string
	err := s.st.CredentialEmails(ctx, func(e credential.CredentialEmail) {
		if len(ids) < s.cfg.MaxCredentials && issuer.IdentityHash(email, e.Salt) == e.Hash {
			ids = append(ids, e.CredentialID)
		}
	})
	if err != nil {
		return nil, err
	}
	if ids == nil {
		ids = []string{}
	}
	return ids, nil
}

// index adds the e-mail hashes of credentials not yet indexed.
func (s *Service) index(ctx context.Context) error {
	for {
		cs, err := s.st.UnindexedCredentials(ctx, indexRound)
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			return nil
		}
		es := make([]credential.CredentialEmail, len(cs))
		for i, c := range cs {
			h, salt := EmailHash(c.JWS)
			es[i] = credential.CredentialEmail{CredentialID: c.ID, Hash: h, Salt: salt}
		}
		if err := s.st.IndexCredentialEmails(ctx, es); err != nil {
			return err
		}
		if len(cs) < indexRound {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// EmailHash reads the salted e-mail hash and its salt from a signed
// credential's payload ("", "" when it carries none).
func EmailHash(jws string) (hash, salt string) {
	parts := strings.Split(jws, ".")
	if len(parts) != 3 {
		return "", ""
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", ""
	}
	var p struct {
		CredentialSubject struct {
			Identifier []credential.IdentityObject `json:"identifier"`
		} `json:"credentialSubject"`
		VC *struct {
			CredentialSubject struct {
				Identifier []credential.IdentityObject `json:"identifier"`
			} `json:"credentialSubject"`
		} `json:"vc"`
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return "", ""
	}
	ids := p.CredentialSubject.Identifier
	if p.VC != nil && len(ids) == 0 {
		ids = p.VC.CredentialSubject.Identifier
	}
	for _, id := range ids {
		if id.IdentityType == "emailAddress" && id.Hashed {
			return id.IdentityHash, id.Salt
		}
	}
	return "", ""
}

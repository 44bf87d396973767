package account

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// How a principal proved who it is.
const (
	ViaSession = "session"
	ViaToken   = "token"
)

// Principal is who makes a request: a signed-in user, or an API token and
// its owner (none for a system token).
type Principal struct {
	User  *User  // nil for a system token
	Role  string // effective role: a token's never exceeds its owner's
	Via   string // ViaSession or ViaToken
	Token *Token // set for ViaToken
	// SessionExpires is the absolute end of the session (ViaSession).
	SessionExpires time.Time
}

// Actor names the principal in the audit trail: "user:alice@uni.edu",
// "user:alice@uni.edu via token:Ab12Cd34", or "token:Ab12Cd34" for a
// system token.
func (p *Principal) Actor() string {
	switch {
	case p.Token != nil && p.User != nil:
		return "user:" + p.User.Email + " via token:" + p.Token.ID
	case p.Token != nil:
		return "token:" + p.Token.ID
	case p.User != nil:
		return "user:" + p.User.Email
	}
	return "anonymous"
}

// ErrBadToken answers an unknown, revoked or expired token, or one whose
// owner is disabled.
var ErrBadToken = credential.Errorf(credential.CodeUnauthorized, "the token is not valid (unknown, revoked or expired, or its owner is disabled)")

// Bearer returns who holds an API token, checked in the database on every
// call: revoked, expired and owner-disabled tokens fail at once, and the
// role is capped by the owner's current role.
func (s *Service) Bearer(ctx context.Context, secret string) (*Principal, error) {
	secret = strings.TrimSpace(secret)
	if secret == "" || len(secret) > MaxSecretBytes {
		return nil, ErrBadToken
	}
	t, owner, err := s.repo.TokenByHash(ctx, HashSecret(secret))
	if credential.IsNotFound(err) {
		return nil, ErrBadToken
	}
	if err != nil {
		return nil, err
	}
	now := s.clock()
	if t.RevokedAt != nil || (t.ExpiresAt != nil && !now.Before(*t.ExpiresAt)) {
		return nil, ErrBadToken
	}
	p := &Principal{Role: t.Role, Via: ViaToken, Token: t}
	if t.OwnerID != "" {
		if owner == nil || owner.Disabled {
			return nil, ErrBadToken
		}
		p.User = &User{ID: t.OwnerID, Email: owner.Email, Name: owner.Name, Role: owner.Role}
		p.Role = credential.LowerRole(t.Role, owner.Role)
	}
	if err := s.repo.TouchToken(ctx, t.ID, now, now.Add(-tokenTouchInterval)); err != nil {
		return nil, err
	}
	return p, nil
}

// TokenRequest asks for a new token.
type TokenRequest struct {
	Name      string     `json:"name"`
	Role      string     `json:"role"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
}

// CreateToken makes a token owned by the principal's user, with a role no
// higher than the principal's. It returns the secret, shown once.
func (s *Service) CreateToken(ctx context.Context, p *Principal, req TokenRequest) (*Token, string, error) {
	if p == nil || p.User == nil {
		return nil, "", credential.Errorf(credential.CodeForbidden, "only a user can own a token: sign in, or use a token that belongs to a user")
	}
	if req.Role == "" {
		req.Role = p.Role
	}
	if err := checkRole("role", req.Role); err != nil {
		return nil, "", err
	}
	if !credential.AtLeast(p.Role, req.Role) {
		return nil, "", &credential.Error{Code: credential.CodeForbidden, Message: fmt.Sprintf("a token cannot have a higher role than yours (%s)", p.Role),
			Details: []credential.Detail{{Field: "role", Code: "above_owner", Message: fmt.Sprintf("at most %s", p.Role)}}}
	}
	n, err := s.repo.ActiveTokenCount(ctx, p.User.ID, s.clock())
	if err != nil {
		return nil, "", err
	}
	if n >= MaxTokensPerUser {
		return nil, "", credential.Errorf(credential.CodeConflict, "you have %d active tokens, the most allowed: revoke some first", n)
	}
	return s.createToken(ctx, p.User, req)
}

// CreateSystemToken makes a token from the command line: owned by the user
// with ownerEmail, or by nobody when it is empty (a system token, as before
// accounts existed).
func (s *Service) CreateSystemToken(ctx context.Context, ownerEmail string, req TokenRequest) (*Token, string, error) {
	if err := checkRole("role", req.Role); err != nil {
		return nil, "", err
	}
	var owner *User
	if ownerEmail != "" {
		u, err := s.Find(ctx, ownerEmail)
		if err != nil {
			return nil, "", err
		}
		if u.Disabled {
			return nil, "", credential.Errorf(credential.CodeConflict, "%s is disabled", u.Email)
		}
		if !credential.AtLeast(u.Role, req.Role) {
			return nil, "", credential.Errorf(credential.CodeForbidden, "a token cannot have a higher role than its owner's (%s)", u.Role)
		}
		owner = u
	}
	return s.createToken(ctx, owner, req)
}

func (s *Service) createToken(ctx context.Context, owner *User, req TokenRequest) (*Token, string, error) {
	req.Name = strings.TrimSpace(req.Name)
	if err := checkText("name", req.Name, MaxTokenNameChars); err != nil {
		return nil, "", err
	}
	now := s.clock()
	if req.ExpiresAt != nil {
		e := req.ExpiresAt.UTC().Truncate(time.Microsecond)
		if !e.After(now) || e.Sub(now) > MaxTokenLifetime {
			return nil, "", invalid("expires_at", "out_of_range", "expires_at must be in the future and at most 5 years away")
		}
		req.ExpiresAt = &e
	}
	sec, _, err := s.secret()
	if err != nil {
		return nil, "", err
	}
	sec = "tanu_" + sec
	hash := HashSecret(sec)
	id, err := s.newID(6)
	if err != nil {
		return nil, "", err
	}
	t := Token{ID: id, Hash: hash, Name: req.Name, Role: req.Role, CreatedAt: now, ExpiresAt: req.ExpiresAt}
	if owner != nil {
		t.OwnerID, t.OwnerEmail = owner.ID, owner.Email
	}
	if err := s.repo.CreateToken(ctx, t); err != nil {
		return nil, "", err
	}
	return &t, sec, nil
}

// Tokens lists the principal's tokens; an admin may ask for everyone's.
func (s *Service) Tokens(ctx context.Context, p *Principal, all bool) ([]Token, error) {
	if all {
		if !credential.AtLeast(p.Role, credential.RoleAdmin) {
			return nil, credential.Errorf(credential.CodeForbidden, "only an admin may list every token")
		}
		return s.repo.Tokens(ctx, "", true)
	}
	if p.User == nil {
		return []Token{}, nil
	}
	return s.repo.Tokens(ctx, p.User.ID, false)
}

// AllTokens lists every token (for the command line).
func (s *Service) AllTokens(ctx context.Context) ([]Token, error) {
	return s.repo.Tokens(ctx, "", true)
}

// RevokeToken revokes a token: its owner or an admin may.
func (s *Service) RevokeToken(ctx context.Context, p *Principal, id string) (*Token, error) {
	if len(id) > 64 {
		return nil, credential.Errorf(credential.CodeNotFound, "no such token")
	}
	t, err := s.repo.TokenByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if p != nil && !credential.AtLeast(p.Role, credential.RoleAdmin) && (p.User == nil || t.OwnerID != p.User.ID) {
		return nil, credential.Errorf(credential.CodeNotFound, "no such token")
	}
	if t.RevokedAt != nil {
		return t, nil
	}
	now := s.clock()
	if err := s.repo.RevokeToken(ctx, id, now); err != nil {
		return nil, err
	}
	t.RevokedAt = &now
	return t, nil
}

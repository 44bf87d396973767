package account

import (
	"context"
	"time"
)

// User is a staff member who signs in to the console or owns API tokens.
type User struct {
	ID          string     `json:"id"`
	Email       string     `json:"email"` // the login, lower-case
	Name        string     `json:"name"`
	Role        string     `json:"role"`
	Department  string     `json:"department,omitempty"` // optional scope
	Disabled    bool       `json:"disabled"`
	CreatedAt   time.Time  `json:"created_at"`
	LastLoginAt *time.Time `json:"last_login_at,omitempty"`
	// PasswordHash is the PHC string, empty until a password is set.
	PasswordHash string `json:"-"`
}

// HasPassword reports whether the user has set a password.
func (u *User) HasPassword() bool { return u.PasswordHash != "" }

// UserChange is an admin's edit of a user; nil fields stay.
type UserChange struct {
	Name       *string `json:"name,omitempty"`
	Department *string `json:"department,omitempty"`
	Role       *string `json:"role,omitempty"`
	Disabled   *bool   `json:"disabled,omitempty"`
}

// Link purposes.
const (
	LinkSetup = "setup" // first password of a new account
	LinkReset = "reset" // a password reset issued by an admin
)

// Link is a one-time link that lets its holder set a user's password. Only
// the hash of its secret is stored.
type Link struct {
	Hash      string
	UserID    string
	Purpose   string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Session is a signed-in browser. Only the hash of its id is stored.
type Session struct {
	Hash       string
	UserID     string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time // absolute end, whatever the activity
	Via        string    // "password" or "sso:<provider>"
}

// Token is an API token as stored: only the hash of its secret is kept.
// OwnerID is empty for tokens made by `tanu token create` without --owner
// and for tokens from before accounts existed ("system" tokens).
type Token struct {
	ID         string     `json:"id"`
	Hash       string     `json:"-"`
	Name       string     `json:"name"`
	Role       string     `json:"role"`
	OwnerID    string     `json:"owner_id,omitempty"`
	OwnerEmail string     `json:"owner,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  *time.Time `json:"expires_at,omitempty"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
}

// TokenOwner is what a token check needs of the token's owner.
type TokenOwner struct {
	Email    string
	Name     string
	Role     string
	Disabled bool
}

// Flow is a single sign-on attempt in progress, kept in the database so
// that the callback may reach any instance. StateHash keys it.
type Flow struct {
	StateHash string
	Provider  string
	Nonce     string
	Verifier  string // PKCE code verifier
	Next      string // where to go after signing in
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Repo is what the account service needs of the store. Every method that
// changes something writes its audit entry in the same transaction,
// attributed to the actor of ctx.
type Repo interface {
	CreateUser(ctx context.Context, u User, l Link) error
	UserByID(ctx context.Context, id string) (*User, error)
	UserByEmail(ctx context.Context, email string) (*User, error)
	Users(ctx context.Context) ([]User, error)
	// UpdateUser applies ch; a changed role or disabling ends every session
	// of the user in the same transaction.
	UpdateUser(ctx context.Context, id string, ch UserChange) (*User, error)
	// AddLink stores a link, dropping the user's earlier unused ones.
	AddLink(ctx context.Context, l Link) error
	// LinkUser returns the user and purpose of a usable link.
	LinkUser(ctx context.Context, hash string, now time.Time) (*User, string, error)
	// UseLink consumes a usable link and sets the password hash, ending the
	// user's sessions; not_found when the link is unknown, used or expired.
	UseLink(ctx context.Context, hash string, now time.Time, passwordHash string) (*User, error)

	CreateSession(ctx context.Context, s Session) error
	SessionByHash(ctx context.Context, hash string) (*Session, *User, error)
	TouchSession(ctx context.Context, hash string, now, ifBefore time.Time) error
	DeleteSession(ctx context.Context, hash string) error

	LoginFailures(ctx context.Context, key string, since time.Time) (int, error)
	AddLoginFailure(ctx context.Context, keys []string, at, pruneBefore time.Time) error
	ClearLoginFailures(ctx context.Context, key string) error

	CreateToken(ctx context.Context, t Token) error
	TokenByHash(ctx context.Context, hash string) (*Token, *TokenOwner, error)
	TokenByID(ctx context.Context, id string) (*Token, error)
	Tokens(ctx context.Context, ownerID string, all bool) ([]Token, error)
	ActiveTokenCount(ctx context.Context, ownerID string, now time.Time) (int, error)
	RevokeToken(ctx context.Context, id string, now time.Time) error
	TouchToken(ctx context.Context, id string, now, ifBefore time.Time) error

	UserByIdentity(ctx context.Context, provider, subject string) (*User, error)
	// SignInUser records a sign-in: links provider/subject to the user
	// (when provider is set), creating the user first when create is set.
	LinkIdentity(ctx context.Context, userID, provider, subject string) error
	CreateSSOUser(ctx context.Context, u User, provider, subject string) error
	SaveFlow(ctx context.Context, f Flow) error
	// TakeFlow deletes and returns a flow; not_found when unknown or
	// expired at now.
	TakeFlow(ctx context.Context, stateHash string, now time.Time) (*Flow, error)
}

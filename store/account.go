package store

import (
	"context"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
)

// The store implements the account service's repository.
var _ account.Repo = (*Store)(nil)

func scanUser(r Row, u *account.User) error {
	return r.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.Department, &u.Disabled, &u.PasswordHash, &u.CreatedAt, &u.LastLoginAt)
}

func fixUser(u *account.User) {
	u.CreatedAt = u.CreatedAt.UTC()
	u.LastLoginAt = utcPtr(u.LastLoginAt)
}

// CreateUser stores a new user with its setup link.
func (s *Store) CreateUser(ctx context.Context, u account.User, l account.Link) error {
	err := s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("user_insert"), u.ID, u.Email, u.Name, u.Role, u.Department, u.Disabled, u.PasswordHash, u.CreatedAt.UTC()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.q.get("link_insert"), l.Hash, l.UserID, l.Purpose, l.CreatedAt.UTC(), l.ExpiresAt.UTC()); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionUserCreated, "user", u.ID, "", map[string]any{"email": u.Email, "role": u.Role, "department": u.Department})
	})
	return s.translate(err, "user")
}

// UserByID reads a user.
func (s *Store) UserByID(ctx context.Context, id string) (*account.User, error) {
	var u account.User
	if err := scanUser(s.db.QueryRow(ctx, s.q.get("user_by_id"), id), &u); err != nil {
		return nil, s.translate(err, "user")
	}
	fixUser(&u)
	return &u, nil
}

// UserByEmail reads a user by its (lower-case) e-mail.
func (s *Store) UserByEmail(ctx context.Context, email string) (*account.User, error) {
	var u account.User
	if err := scanUser(s.db.QueryRow(ctx, s.q.get("user_by_email"), email), &u); err != nil {
		return nil, s.translate(err, "user")
	}
	fixUser(&u)
	return &u, nil
}

// Users lists every user by e-mail.
func (s *Store) Users(ctx context.Context) ([]account.User, error) {
	rows, err := s.db.Query(ctx, s.q.get("user_list"))
	if err != nil {
		return nil, s.translate(err, "users")
	}
	defer rows.Close()
	out := []account.User{}
	for rows.Next() {
		var u account.User
		if err := scanUser(rows, &u); err != nil {
			return nil, s.translate(err, "users")
		}
		fixUser(&u)
		out = append(out, u)
	}
	return out, s.translate(rows.Err(), "users")
}

// UpdateUser applies an admin's change; a new role or disabling ends every
// session of the user in the same transaction.
func (s *Store) UpdateUser(ctx context.Context, id string, ch account.UserChange) (*account.User, error) {
	var out account.User
	err := s.inTx(ctx, func(tx Tx) error {
		if err := scanUser(tx.QueryRow(ctx, s.q.get("user_by_id"), id), &out); err != nil {
			return err
		}
		before := out
		details := map[string]any{}
		if ch.Name != nil && *ch.Name != out.Name {
			out.Name, details["name"] = *ch.Name, *ch.Name
		}
		if ch.Department != nil && *ch.Department != out.Department {
			out.Department, details["department"] = *ch.Department, *ch.Department
		}
		if ch.Role != nil && *ch.Role != out.Role {
			out.Role, details["role"] = *ch.Role, map[string]string{"from": before.Role, "to": *ch.Role}
		}
		if ch.Disabled != nil && *ch.Disabled != out.Disabled {
			out.Disabled, details["disabled"] = *ch.Disabled, *ch.Disabled
		}
		if len(details) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, s.q.get("user_update"), id, out.Name, out.Department, out.Role, out.Disabled); err != nil {
			return err
		}
		if out.Role != before.Role || out.Disabled {
			if _, err := tx.Exec(ctx, s.q.get("session_delete_user"), id); err != nil {
				return err
			}
		}
		details["email"] = out.Email
		return s.audit(ctx, tx, credential.ActionUserChanged, "user", id, "", details)
	})
	if err != nil {
		return nil, s.translate(err, "user")
	}
	fixUser(&out)
	return &out, nil
}

// AddLink stores a one-time link, dropping the user's earlier unused ones.
func (s *Store) AddLink(ctx context.Context, l account.Link) error {
	err := s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("link_drop_unused"), l.UserID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.q.get("link_insert"), l.Hash, l.UserID, l.Purpose, l.CreatedAt.UTC(), l.ExpiresAt.UTC()); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionUserLinkIssued, "user", l.UserID, "", map[string]any{"purpose": l.Purpose, "expires_at": l.ExpiresAt.UTC()})
	})
	return s.translate(err, "link")
}

// LinkUser returns the user and purpose of a usable link.
func (s *Store) LinkUser(ctx context.Context, hash string, now time.Time) (*account.User, string, error) {
	var uid, purpose string
	if err := s.db.QueryRow(ctx, s.q.get("link_usable"), hash, now.UTC()).Scan(&uid, &purpose); err != nil {
		return nil, "", s.translate(err, "link")
	}
	u, err := s.UserByID(ctx, uid)
	return u, purpose, err
}

// UseLink consumes a usable link and sets the user's password hash; every
// session of the user ends.
func (s *Store) UseLink(ctx context.Context, hash string, now time.Time, passwordHash string) (*account.User, error) {
	var u account.User
	err := s.inTx(ctx, func(tx Tx) error {
		var uid, purpose string
		if err := tx.QueryRow(ctx, s.q.get("link_usable"), hash, now.UTC()).Scan(&uid, &purpose); err != nil {
			return err
		}
		n, err := tx.Exec(ctx, s.q.get("link_use"), hash, now.UTC())
		if err != nil {
			return err
		}
		if n != 1 { // used by a concurrent request
			return credential.Errorf(credential.CodeNotFound, "link not found")
		}
		if _, err := tx.Exec(ctx, s.q.get("user_set_password"), uid, passwordHash); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.q.get("session_delete_user"), uid); err != nil {
			return err
		}
		if err := scanUser(tx.QueryRow(ctx, s.q.get("user_by_id"), uid), &u); err != nil {
			return err
		}
		return s.audit(credential.WithActor(ctx, "user:"+u.Email), tx, credential.ActionUserPasswordSet, "user", uid, "", map[string]any{"purpose": purpose})
	})
	if err != nil {
		return nil, s.translate(err, "link")
	}
	fixUser(&u)
	return &u, nil
}

// CreateSession stores a session, records the sign-in time, and drops
// sessions past their absolute end.
func (s *Store) CreateSession(ctx context.Context, ss account.Session) error {
	err := s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("session_prune"), ss.CreatedAt.UTC()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.q.get("session_insert"), ss.Hash, ss.UserID, ss.CreatedAt.UTC(), ss.LastSeenAt.UTC(), ss.ExpiresAt.UTC(), ss.Via); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, s.q.get("user_logged_in"), ss.UserID, ss.CreatedAt.UTC())
		return err
	})
	return s.translate(err, "session")
}

// SessionByHash reads a session and its user.
func (s *Store) SessionByHash(ctx context.Context, hash string) (*account.Session, *account.User, error) {
	ss := account.Session{Hash: hash}
	var u account.User
	err := s.db.QueryRow(ctx, s.q.get("session_by_hash"), hash).Scan(&ss.UserID, &ss.CreatedAt, &ss.LastSeenAt, &ss.ExpiresAt, &ss.Via,
		&u.ID, &u.Email, &u.Name, &u.Role, &u.Department, &u.Disabled, &u.PasswordHash, &u.CreatedAt, &u.LastLoginAt)
	if err != nil {
		return nil, nil, s.translate(err, "session")
	}
	ss.CreatedAt, ss.LastSeenAt, ss.ExpiresAt = ss.CreatedAt.UTC(), ss.LastSeenAt.UTC(), ss.ExpiresAt.UTC()
	fixUser(&u)
	return &ss, &u, nil
}

// TouchSession records activity, writing only when the last record is
// older than ifBefore.
func (s *Store) TouchSession(ctx context.Context, hash string, now, ifBefore time.Time) error {
	_, err := s.db.Exec(ctx, s.q.get("session_touch"), hash, now.UTC(), ifBefore.UTC())
	return s.translate(err, "session")
}

// DeleteSession ends a session.
func (s *Store) DeleteSession(ctx context.Context, hash string) error {
	_, err := s.db.Exec(ctx, s.q.get("session_delete"), hash)
	return s.translate(err, "session")
}

// LoginFailures counts failed sign-ins for key since a time.
func (s *Store) LoginFailures(ctx context.Context, key string, since time.Time) (int, error) {
	var n int
	if err := s.db.QueryRow(ctx, s.q.get("login_failures_count"), key, since.UTC()).Scan(&n); err != nil {
		return 0, s.translate(err, "login failures")
	}
	return n, nil
}

// AddLoginFailure records a failed sign-in under each key, and forgets
// failures older than pruneBefore.
func (s *Store) AddLoginFailure(ctx context.Context, keys []string, at, pruneBefore time.Time) error {
	err := s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("login_failures_prune"), pruneBefore.UTC()); err != nil {
			return err
		}
		for _, k := range keys {
			if _, err := tx.Exec(ctx, s.q.get("login_failure_insert"), k, at.UTC()); err != nil {
				return err
			}
		}
		return nil
	})
	return s.translate(err, "login failures")
}

// ClearLoginFailures forgets the failures of key (after a good sign-in).
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	_, err := s.db.Exec(ctx, s.q.get("login_failures_clear"), key)
	return s.translate(err, "login failures")
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// CreateToken stores a token by its hash.
func (s *Store) CreateToken(ctx context.Context, t account.Token) error {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = s.nowUTC()
	}
	err := s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("token_insert"), t.ID, t.Hash, t.Role, t.Name, t.CreatedAt.UTC(), nullable(t.OwnerID), utcPtr(t.ExpiresAt)); err != nil {
			return err
		}
		d := map[string]any{"role": t.Role, "name": t.Name}
		if t.OwnerEmail != "" {
			d["owner"] = t.OwnerEmail
		}
		if t.ExpiresAt != nil {
			d["expires_at"] = t.ExpiresAt.UTC()
		}
		return s.audit(ctx, tx, credential.ActionTokenCreated, "token", t.ID, "", d)
	})
	return s.translate(err, "token")
}

func fixToken(t *account.Token) {
	t.CreatedAt = t.CreatedAt.UTC()
	t.ExpiresAt, t.LastUsedAt, t.RevokedAt = utcPtr(t.ExpiresAt), utcPtr(t.LastUsedAt), utcPtr(t.RevokedAt)
}

// TokenByHash finds a token by the hash of its secret, with its owner.
func (s *Store) TokenByHash(ctx context.Context, hash string) (*account.Token, *account.TokenOwner, error) {
	t := account.Token{Hash: hash}
	var o account.TokenOwner
	err := s.db.QueryRow(ctx, s.q.get("token_by_hash"), hash).Scan(&t.ID, &t.Role, &t.Name, &t.OwnerID, &t.CreatedAt, &t.ExpiresAt, &t.LastUsedAt, &t.RevokedAt,
		&o.Email, &o.Name, &o.Role, &o.Disabled)
	if err != nil {
		return nil, nil, s.translate(err, "token")
	}
	fixToken(&t)
	t.OwnerEmail = o.Email
	if t.OwnerID == "" {
		return &t, nil, nil
	}
	return &t, &o, nil
}

func scanToken(r Row, t *account.Token) error {
	if err := r.Scan(&t.ID, &t.Role, &t.Name, &t.OwnerID, &t.OwnerEmail, &t.CreatedAt, &t.ExpiresAt, &t.LastUsedAt, &t.RevokedAt); err != nil {
		return err
	}
	fixToken(t)
	return nil
}

// TokenByID reads a token (without its hash).
func (s *Store) TokenByID(ctx context.Context, id string) (*account.Token, error) {
	var t account.Token
	if err := scanToken(s.db.QueryRow(ctx, s.q.get("token_by_id"), id), &t); err != nil {
		return nil, s.translate(err, "token")
	}
	return &t, nil
}

// Tokens lists the tokens of an owner, or every token when all is set,
// newest first.
func (s *Store) Tokens(ctx context.Context, ownerID string, all bool) ([]account.Token, error) {
	rows, err := s.db.Query(ctx, s.q.get("token_list"), ownerID, all)
	if err != nil {
		return nil, s.translate(err, "tokens")
	}
	defer rows.Close()
	out := []account.Token{}
	for rows.Next() {
		var t account.Token
		if err := scanToken(rows, &t); err != nil {
			return nil, s.translate(err, "tokens")
		}
		out = append(out, t)
	}
	return out, s.translate(rows.Err(), "tokens")
}

// ActiveTokenCount counts an owner's tokens neither revoked nor expired.
func (s *Store) ActiveTokenCount(ctx context.Context, ownerID string, now time.Time) (int, error) {
	var n int
	if err := s.db.QueryRow(ctx, s.q.get("token_active_count"), ownerID, now.UTC()).Scan(&n); err != nil {
		return 0, s.translate(err, "tokens")
	}
	return n, nil
}

// RevokeToken revokes a token for good.
func (s *Store) RevokeToken(ctx context.Context, id string, now time.Time) error {
	err := s.inTx(ctx, func(tx Tx) error {
		n, err := tx.Exec(ctx, s.q.get("token_revoke"), id, now.UTC())
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
		return s.audit(ctx, tx, credential.ActionTokenRevoked, "token", id, "", nil)
	})
	return s.translate(err, "token")
}

// TouchToken records a use, writing only when the last record is older
// than ifBefore.
func (s *Store) TouchToken(ctx context.Context, id string, now, ifBefore time.Time) error {
	_, err := s.db.Exec(ctx, s.q.get("token_touch"), id, now.UTC(), ifBefore.UTC())
	return s.translate(err, "token")
}

// UserByIdentity finds the user linked to a single sign-on identity.
func (s *Store) UserByIdentity(ctx context.Context, provider, subject string) (*account.User, error) {
	var u account.User
	if err := scanUser(s.db.QueryRow(ctx, s.q.get("identity_user"), provider, subject), &u); err != nil {
		return nil, s.translate(err, "identity")
	}
	fixUser(&u)
	return &u, nil
}

// LinkIdentity links a single sign-on identity to an existing user.
func (s *Store) LinkIdentity(ctx context.Context, userID, provider, subject string) error {
	err := s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("identity_insert"), provider, subject, userID, s.nowUTC()); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionUserIdentityLinked, "user", userID, "", map[string]any{"provider": provider, "subject": subject})
	})
	return s.translate(err, "identity")
}

// CreateSSOUser creates a user admitted by an allow-listed e-mail domain,
// linked to its identity, in one transaction.
func (s *Store) CreateSSOUser(ctx context.Context, u account.User, provider, subject string) error {
	err := s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("user_insert"), u.ID, u.Email, u.Name, u.Role, u.Department, u.Disabled, "", u.CreatedAt.UTC()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.q.get("identity_insert"), provider, subject, u.ID, u.CreatedAt.UTC()); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionUserCreated, "user", u.ID, "", map[string]any{"email": u.Email, "role": u.Role, "provider": provider})
	})
	return s.translate(err, "user")
}

// SaveFlow stores a single sign-on flow and drops expired ones.
func (s *Store) SaveFlow(ctx context.Context, f account.Flow) error {
	err := s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("flow_prune"), f.CreatedAt.UTC()); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, s.q.get("flow_insert"), f.StateHash, f.Provider, f.Nonce, f.Verifier, f.Next, f.CreatedAt.UTC(), f.ExpiresAt.UTC())
		return err
	})
	return s.translate(err, "sign-on flow")
}

// TakeFlow deletes and returns a flow: a state works once. An expired flow
// is not_found.
func (s *Store) TakeFlow(ctx context.Context, stateHash string, now time.Time) (*account.Flow, error) {
	f := account.Flow{StateHash: stateHash}
	err := s.db.QueryRow(ctx, s.q.get("flow_take"), stateHash).Scan(&f.Provider, &f.Nonce, &f.Verifier, &f.Next, &f.CreatedAt, &f.ExpiresAt)
	if err != nil {
		return nil, s.translate(err, "sign-on flow")
	}
	f.CreatedAt, f.ExpiresAt = f.CreatedAt.UTC(), f.ExpiresAt.UTC()
	if !now.Before(f.ExpiresAt) {
		return nil, credential.Errorf(credential.CodeNotFound, "sign-on flow expired")
	}
	return &f, nil
}

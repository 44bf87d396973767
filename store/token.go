package store

import (
	"context"
	"time"
)

// Token is a registrar API token as stored: only its hash is kept.
type Token struct {
	ID        string
	Hash      string
	Role      string
	Name      string
	CreatedAt time.Time
	RevokedAt *time.Time
}

// CreateToken stores a token by its hash.
func (s *Store) CreateToken(ctx context.Context, t Token) error {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = s.nowUTC()
	}
	err := s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("token_insert"), t.ID, t.Hash, t.Role, t.Name, t.CreatedAt.UTC()); err != nil {
			return err
		}
		return s.audit(ctx, tx, ActionTokenCreated, "token", t.ID, "", map[string]any{"role": t.Role, "name": t.Name})
	})
	return s.translate(err, "token")
}

// TokenByHash finds a token by the hash of its secret.
func (s *Store) TokenByHash(ctx context.Context, hash string) (*Token, error) {
	t := Token{Hash: hash}
	err := s.db.QueryRow(ctx, s.q.get("token_by_hash"), hash).Scan(&t.ID, &t.Role, &t.Name, &t.CreatedAt, &t.RevokedAt)
	if err != nil {
		return nil, s.translate(err, "token")
	}
	return &t, nil
}

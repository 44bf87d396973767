package store

import (
	"context"
	"time"
)

// PublicKey is a signing key as published: its kid, algorithm and public JWK.
type PublicKey struct {
	KID       string
	Alg       string
	JWK       []byte // the public JWK as JSON
	CreatedAt time.Time
	RetiredAt *time.Time
}

// PublishKey records a public signing key; publishing the same kid again is
// a no-op. Every instance publishes its keys here, so any instance can serve
// the full key set.
func (s *Store) PublishKey(ctx context.Context, k PublicKey) error {
	err := s.inTx(ctx, func(tx Tx) error {
		n, err := tx.Exec(ctx, s.q.get("key_insert"), k.KID, k.Alg, string(k.JWK), k.CreatedAt.UTC())
		if err != nil || n == 0 {
			return err
		}
		return s.audit(ctx, tx, ActionKeyPublished, "key", k.KID, "", map[string]any{"alg": k.Alg})
	})
	return s.translate(err, "key")
}

// RetireKey marks a key retired: it stays published so old credentials
// verify, but is no longer used to sign.
func (s *Store) RetireKey(ctx context.Context, kid string) error {
	err := s.inTx(ctx, func(tx Tx) error {
		n, err := tx.Exec(ctx, s.q.get("key_retire"), kid, s.nowUTC())
		if err != nil || n == 0 {
			return err
		}
		return s.audit(ctx, tx, ActionKeyRetired, "key", kid, "rotated", nil)
	})
	return s.translate(err, "key")
}

// PublicKeys returns every published key, oldest first.
func (s *Store) PublicKeys(ctx context.Context) ([]PublicKey, error) {
	rows, err := s.db.Query(ctx, s.q.get("key_list"))
	if err != nil {
		return nil, s.translate(err, "keys")
	}
	defer rows.Close()
	var out []PublicKey
	for rows.Next() {
		var k PublicKey
		if err := rows.Scan(&k.KID, &k.Alg, &k.JWK, &k.CreatedAt, &k.RetiredAt); err != nil {
			return nil, s.translate(err, "keys")
		}
		out = append(out, k)
	}
	return out, s.translate(rows.Err(), "keys")
}

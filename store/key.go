package store

import (
	"context"
	"fmt"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/tanu-edu/tanu/credential"
)

// PublishKey records a public signing key; publishing the same kid again is
// a no-op. Every instance publishes its keys here, so any instance can serve
// the full key set.
func (s *Store) PublishKey(ctx context.Context, k credential.PublicKey) error {
	err := s.inTx(ctx, func(tx Tx) error {
		n, err := tx.Exec(ctx, s.q.get("key_insert"), k.KID, k.Alg, string(k.JWK), k.CreatedAt.UTC())
		if err != nil || n == 0 {
			return err
		}
		return s.audit(ctx, tx, credential.ActionKeyPublished, "key", k.KID, "", map[string]any{"alg": k.Alg})
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
		return s.audit(ctx, tx, credential.ActionKeyRetired, "key", kid, "", nil)
	})
	return s.translate(err, "key")
}

// PublishedJWKs returns every published key as a public JWK whose kid is
// kidURL(kid), oldest first: what the JWKS, the did:web document and the
// verifier all serve and trust.
func (s *Store) PublishedJWKs(ctx context.Context, kidURL func(kid string) string) ([]jose.JSONWebKey, error) {
	keys, err := s.PublicKeys(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]jose.JSONWebKey, 0, len(keys))
	for _, k := range keys {
		var j jose.JSONWebKey
		if err := j.UnmarshalJSON(k.JWK); err != nil {
			return nil, fmt.Errorf("store: published key %s: %w", k.KID, err)
		}
		j.KeyID = kidURL(k.KID)
		out = append(out, j)
	}
	return out, nil
}

// PublicKeys returns every published key, oldest first.
func (s *Store) PublicKeys(ctx context.Context) ([]credential.PublicKey, error) {
	rows, err := s.db.Query(ctx, s.q.get("key_list"))
	if err != nil {
		return nil, s.translate(err, "keys")
	}
	defer rows.Close()
	var out []credential.PublicKey
	for rows.Next() {
		var k credential.PublicKey
		if err := rows.Scan(&k.KID, &k.Alg, &k.JWK, &k.CreatedAt, &k.RetiredAt); err != nil {
			return nil, s.translate(err, "keys")
		}
		out = append(out, k)
	}
	return out, s.translate(rows.Err(), "keys")
}

package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// CreateHolderLink stores a sign-in link and, in the same transaction,
// queues the message that carries its secret to the address.
func (s *Store) CreateHolderLink(ctx context.Context, l credential.HolderLink, secret string) error {
	return s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("holder_link_insert"), l.Hash, l.Email, l.RateKey, l.Language,
			l.CreatedAt.UTC(), l.ExpiresAt.UTC()); err != nil {
			return s.translate(err, "sign-in link")
		}
		if _, err := tx.Exec(ctx, s.q.get("holder_signin_enqueue"), credential.PurposeSignIn, l.Language, l.Email,
			secret, l.CreatedAt.UTC()); err != nil {
			return s.translate(err, "sign-in message")
		}
		return nil
	})
}

// HolderLinkCount counts the sign-in links asked for an address (by its
// rate key) since a time.
func (s *Store) HolderLinkCount(ctx context.Context, rateKey string, since time.Time) (int, error) {
	var n int
	if err := s.db.QueryRow(ctx, s.q.get("holder_link_count"), rateKey, since.UTC()).Scan(&n); err != nil {
		return 0, s.translate(err, "sign-in links")
	}
	return n, nil
}

// UseHolderLink uses the unexpired, unused link with hash once and returns
// its address and language; the address is cleared. Not found otherwise.
func (s *Store) UseHolderLink(ctx context.Context, hash string, now time.Time) (email, lang string, err error) {
	err = s.inTx(ctx, func(tx Tx) error {
		var e *string
		if err := tx.QueryRow(ctx, s.q.get("holder_link_use"), hash, now.UTC()).Scan(&e, &lang); err != nil {
			return s.translate(err, "sign-in link")
		}
		if e != nil {
			email = *e
		}
		_, err := tx.Exec(ctx, s.q.get("holder_link_forget"), hash)
		return s.translate(err, "sign-in link")
	})
	return email, lang, err
}

// CreateHolderSession stores a holder session.
func (s *Store) CreateHolderSession(ctx context.Context, ss credential.HolderSession) error {
	ids, err := json.Marshal(ss.Credentials)
	if err != nil {
		return fmt.Errorf("store: holder session: %w", err)
	}
	_, err = s.db.Exec(ctx, s.q.get("holder_session_insert"), ss.Hash, string(ids), ss.Language, ss.CreatedAt.UTC(), ss.ExpiresAt.UTC())
	return s.translate(err, "holder session")
}

// HolderSession returns the unexpired session with hash.
func (s *Store) HolderSession(ctx context.Context, hash string, now time.Time) (*credential.HolderSession, error) {
	ss := &credential.HolderSession{Hash: hash}
	var ids string
	if err := s.db.QueryRow(ctx, s.q.get("holder_session_by_hash"), hash, now.UTC()).Scan(&ids, &ss.Language, &ss.CreatedAt, &ss.ExpiresAt); err != nil {
		return nil, s.translate(err, "holder session")
	}
	if err := json.Unmarshal([]byte(ids), &ss.Credentials); err != nil {
		return nil, fmt.Errorf("store: holder session: %w", err)
	}
	return ss, nil
}

// DeleteHolderSession ends a holder session.
func (s *Store) DeleteHolderSession(ctx context.Context, hash string) error {
	_, err := s.db.Exec(ctx, s.q.get("holder_session_delete"), hash)
	return s.translate(err, "holder session")
}

// PruneHolder clears the addresses of expired sign-in links, and deletes
// links older than keepLinks (they count towards the rate limit until
// then), expired sessions, offers, tokens and nonces.
func (s *Store) PruneHolder(ctx context.Context, now time.Time, keepLinks time.Duration) error {
	now = now.UTC()
	for _, q := range []struct {
		name string
		at   time.Time
	}{{"holder_link_clear_expired", now}, {"holder_link_prune", now.Add(-keepLinks)}, {"holder_session_prune", now},
		{"oid4vci_prune_offers", now.Add(-keepLinks)}, {"oid4vci_prune_tokens", now}, {"oid4vci_prune_nonces", now}} {
		if _, err := s.db.Exec(ctx, s.q.get(q.name), q.at); err != nil {
			return s.translate(err, "prune "+q.name)
		}
	}
	return nil
}

// UnindexedCredentials returns up to n credentials whose e-mail hash is
// not in the index yet.
func (s *Store) UnindexedCredentials(ctx context.Context, n int) ([]credential.SignedCredential, error) {
	rows, err := s.db.Query(ctx, s.q.get("credential_emails_missing"), n)
	if err != nil {
		return nil, s.translate(err, "credentials")
	}
	defer rows.Close()
	var out []credential.SignedCredential
	for rows.Next() {
		var c credential.SignedCredential
		if err := rows.Scan(&c.ID, &c.JWS); err != nil {
			return nil, s.translate(err, "credentials")
		}
		out = append(out, c)
	}
	return out, s.translate(rows.Err(), "credentials")
}

// IndexCredentialEmails adds credentials' e-mail hashes to the index.
func (s *Store) IndexCredentialEmails(ctx context.Context, es []credential.CredentialEmail) error {
	return s.inTx(ctx, func(tx Tx) error {
		for _, e := range es {
			if _, err := tx.Exec(ctx, s.q.get("credential_email_insert"), e.CredentialID, e.Hash, e.Salt); err != nil {
				return s.translate(err, "credential e-mail")
			}
		}
		return nil
	})
}

// CredentialEmails calls fn with every indexed credential that carries an
// e-mail hash.
func (s *Store) CredentialEmails(ctx context.Context, fn func(credential.CredentialEmail)) error {
	rows, err := s.db.Query(ctx, s.q.get("credential_emails_all"))
	if err != nil {
		return s.translate(err, "credential e-mails")
	}
	defer rows.Close()
	for rows.Next() {
		var e credential.CredentialEmail
		if err := rows.Scan(&e.CredentialID, &e.Hash, &e.Salt); err != nil {
			return s.translate(err, "credential e-mails")
		}
		fn(e)
	}
	return s.translate(rows.Err(), "credential e-mails")
}

// QueueTxCode queues the message carrying a wallet offer's transaction
// code for a credential to address to. A code being sent is a conflict.
func (s *Store) QueueTxCode(ctx context.Context, credentialID, lang, to, code string) error {
	n, err := s.db.Exec(ctx, s.q.get("holder_txcode_enqueue"), credentialID, credential.PurposeTxCode, lang, to, code, s.nowUTC())
	if err != nil {
		return s.translate(err, "transaction code message")
	}
	if n == 0 {
		return credential.Errorf(credential.CodeConflict, "a transaction code for %s is being sent", credentialID)
	}
	return nil
}

// CreateWalletOffer stores an OpenID4VCI offer.
func (s *Store) CreateWalletOffer(ctx context.Context, o credential.WalletOffer) error {
	_, err := s.db.Exec(ctx, s.q.get("oid4vci_offer_insert"), o.OfferHash, o.CodeHash, o.CredentialID, o.TxHash, o.TxLength,
		o.CreatedAt.UTC(), o.ExpiresAt.UTC())
	return s.translate(err, "offer")
}

// WalletOffer returns the offer by the hash of its offer secret (byCode
// false) or of its pre-authorized code (byCode true).
func (s *Store) WalletOffer(ctx context.Context, hash string, byCode bool) (*credential.WalletOffer, error) {
	q := "oid4vci_offer_by_hash"
	if byCode {
		q = "oid4vci_offer_by_code"
	}
	var o credential.WalletOffer
	err := s.db.QueryRow(ctx, s.q.get(q), hash).Scan(&o.OfferHash, &o.CodeHash, &o.CredentialID, &o.TxHash, &o.TxLength,
		&o.TxFailures, &o.CreatedAt, &o.ExpiresAt, &o.RedeemedAt)
	if err != nil {
		return nil, s.translate(err, "offer")
	}
	return &o, nil
}

// RedeemWalletOffer marks the offer with codeHash redeemed at now and
// reports whether it was still open (unredeemed and unexpired).
func (s *Store) RedeemWalletOffer(ctx context.Context, codeHash string, now time.Time) (bool, error) {
	return s.execOne(ctx, "redeem offer", "oid4vci_offer_redeem", codeHash, now.UTC())
}

// WalletOfferTxFailed counts a wrong transaction code against an offer.
func (s *Store) WalletOfferTxFailed(ctx context.Context, codeHash string) error {
	_, err := s.db.Exec(ctx, s.q.get("oid4vci_offer_tx_failed"), codeHash)
	return s.translate(err, "offer")
}

// CreateWalletToken stores an access token for a credential.
func (s *Store) CreateWalletToken(ctx context.Context, hash, credentialID string, now, expires time.Time) error {
	_, err := s.db.Exec(ctx, s.q.get("oid4vci_token_insert"), hash, credentialID, now.UTC(), expires.UTC())
	return s.translate(err, "access token")
}

// UseWalletToken uses an access token once and returns its credential.
func (s *Store) UseWalletToken(ctx context.Context, hash string, now time.Time) (string, error) {
	var id string
	if err := s.db.QueryRow(ctx, s.q.get("oid4vci_token_use"), hash, now.UTC()).Scan(&id); err != nil {
		return "", s.translate(err, "access token")
	}
	return id, nil
}

// CreateWalletNonce stores a nonce for key proofs.
func (s *Store) CreateWalletNonce(ctx context.Context, hash string, now, expires time.Time) error {
	_, err := s.db.Exec(ctx, s.q.get("oid4vci_nonce_insert"), hash, now.UTC(), expires.UTC())
	return s.translate(err, "nonce")
}

// UseWalletNonce uses a nonce once and reports whether it was fresh.
func (s *Store) UseWalletNonce(ctx context.Context, hash string, now time.Time) (bool, error) {
	return s.execOne(ctx, "nonce", "oid4vci_nonce_use", hash, now.UTC())
}

// WalletToken returns the credential of an unused, unexpired access token
// without using it.
func (s *Store) WalletToken(ctx context.Context, hash string, now time.Time) (string, error) {
	var id string
	if err := s.db.QueryRow(ctx, s.q.get("oid4vci_token_by_hash"), hash, now.UTC()).Scan(&id); err != nil {
		return "", s.translate(err, "access token")
	}
	return id, nil
}

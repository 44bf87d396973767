-- The holder's page: sign-in links, sessions, the credentials' e-mail
-- hashes; OpenID4VCI offers, tokens and nonces.

-- name: holder_link_insert
INSERT INTO holder_links (hash, email, rate_key, language, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)

-- Sign-in messages belong to no credential; the link's secret rides in
-- payload until the message is sent.
-- name: holder_signin_enqueue
INSERT INTO outbox (credential_id, purpose, language, recipient, payload, state, next_attempt_at, created_at, updated_at)
VALUES (NULL, $1, $2, $3, $4, 'queued', $5, $5, $5)

-- name: holder_link_count
SELECT COUNT(*) FROM holder_links WHERE rate_key = $1 AND created_at > $2

-- Use link $1 at $2 once (then holder_link_forget clears the address).
-- name: holder_link_use
UPDATE holder_links SET used_at = $2
WHERE hash = $1 AND used_at IS NULL AND expires_at > $2
RETURNING email, language

-- name: holder_link_forget
UPDATE holder_links SET email = NULL WHERE hash = $1

-- name: holder_link_clear_expired
UPDATE holder_links SET email = NULL WHERE expires_at <= $1 AND email IS NOT NULL

-- name: holder_link_prune
DELETE FROM holder_links WHERE created_at < $1

-- name: holder_session_insert
INSERT INTO holder_sessions (hash, credentials, language, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)

-- name: holder_session_by_hash
SELECT credentials, language, created_at, expires_at FROM holder_sessions WHERE hash = $1 AND expires_at > $2

-- name: holder_session_delete
DELETE FROM holder_sessions WHERE hash = $1

-- name: holder_session_prune
DELETE FROM holder_sessions WHERE expires_at <= $1

-- Credentials whose e-mail hash is not indexed yet, $1 at a time.
-- name: credential_emails_missing
SELECT c.id, c.jws FROM credentials c
WHERE NOT EXISTS (SELECT 1 FROM credential_emails e WHERE e.credential_id = c.id)
ORDER BY c.id LIMIT $1

-- name: credential_email_insert
INSERT INTO credential_emails (credential_id, hash, salt) VALUES ($1, $2, $3)
ON CONFLICT (credential_id) DO NOTHING

-- name: credential_emails_all
SELECT credential_id, hash, salt FROM credential_emails WHERE hash <> '' ORDER BY credential_id

-- The transaction code of a wallet offer, to the holder ($1 credential,
-- $2 purpose, $3 language, $4 address, $5 code, $6 now); replaces an
-- earlier one not being sent.
-- name: holder_txcode_enqueue
INSERT INTO outbox (credential_id, purpose, language, recipient, payload, state, next_attempt_at, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, 'queued', $6, $6, $6)
ON CONFLICT (credential_id, purpose) DO UPDATE SET language = excluded.language, recipient = excluded.recipient,
    payload = excluded.payload, state = 'queued', attempts = 0, next_attempt_at = excluded.next_attempt_at,
    last_error = '', updated_at = excluded.updated_at, sent_at = NULL, lease_owner = '', lease_until = NULL
WHERE outbox.state <> 'sending'

-- name: oid4vci_offer_insert
INSERT INTO oid4vci_offers (offer_hash, code_hash, credential_id, tx_hash, tx_length, created_at, expires_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)

-- name: oid4vci_offer_by_hash
SELECT offer_hash, code_hash, credential_id, tx_hash, tx_length, tx_failures, created_at, expires_at, redeemed_at
FROM oid4vci_offers WHERE offer_hash = $1

-- name: oid4vci_offer_by_code
SELECT offer_hash, code_hash, credential_id, tx_hash, tx_length, tx_failures, created_at, expires_at, redeemed_at
FROM oid4vci_offers WHERE code_hash = $1

-- Redeem offer (by code hash $1) at $2, once, before it expires.
-- name: oid4vci_offer_redeem
UPDATE oid4vci_offers SET redeemed_at = $2 WHERE code_hash = $1 AND redeemed_at IS NULL AND expires_at > $2

-- name: oid4vci_offer_tx_failed
UPDATE oid4vci_offers SET tx_failures = tx_failures + 1 WHERE code_hash = $1

-- name: oid4vci_token_insert
INSERT INTO oid4vci_tokens (hash, credential_id, created_at, expires_at) VALUES ($1, $2, $3, $4)

-- Use access token $1 at $2 once.
-- name: oid4vci_token_use
UPDATE oid4vci_tokens SET used_at = $2 WHERE hash = $1 AND used_at IS NULL AND expires_at > $2
RETURNING credential_id

-- name: oid4vci_nonce_insert
INSERT INTO oid4vci_nonces (hash, created_at, expires_at) VALUES ($1, $2, $3)

-- Use nonce $1 at $2 once.
-- name: oid4vci_nonce_use
UPDATE oid4vci_nonces SET used_at = $2 WHERE hash = $1 AND used_at IS NULL AND expires_at > $2

-- name: oid4vci_prune_offers
DELETE FROM oid4vci_offers WHERE expires_at < $1

-- name: oid4vci_prune_tokens
DELETE FROM oid4vci_tokens WHERE expires_at < $1

-- name: oid4vci_prune_nonces
DELETE FROM oid4vci_nonces WHERE expires_at < $1

-- name: oid4vci_token_by_hash
SELECT credential_id FROM oid4vci_tokens WHERE hash = $1 AND used_at IS NULL AND expires_at > $2

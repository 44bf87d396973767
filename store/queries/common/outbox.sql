-- E-mail outbox: at most one message per credential and purpose. $1
-- purpose, $2 now; then one row per message. A message that exists
-- already (UNIQUE (credential_id, purpose)) is left alone.
-- name: outbox_insert
INSERT INTO outbox (credential_id, purpose, language, recipient, state, next_attempt_at, created_at, updated_at)
VALUES ($3, $1, $4, $5, 'queued', $2, $2, $2)
ON CONFLICT (credential_id, purpose) DO NOTHING

-- name: outbox_by_credential
SELECT id, COALESCE(credential_id, ''), purpose, language, recipient, state, attempts, next_attempt_at, last_error,
    created_at, updated_at, sent_at, CAST(NULL AS TEXT)
FROM outbox WHERE credential_id = $1 ORDER BY id

-- Claim up to $4 due messages for owner $1 until $2 ($3 now): queued ones
-- whose time has come and ones whose sender's lease ran out. SQLite runs
-- one writer at a time, so the single statement claims atomically.
-- name: outbox_claim
UPDATE outbox SET state = 'sending', lease_owner = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3
WHERE id IN (
    SELECT id FROM outbox
    WHERE state IN ('queued', 'sending') AND next_attempt_at <= $3
      AND (lease_until IS NULL OR lease_until < $3)
    ORDER BY next_attempt_at, id
    LIMIT $4)
  AND state IN ('queued', 'sending') AND (lease_until IS NULL OR lease_until < $3)
RETURNING id, COALESCE(credential_id, ''), purpose, language, recipient, state, attempts, next_attempt_at, last_error,
    created_at, updated_at, sent_at, payload

-- The SMTP server accepted message $1 claimed by $2 ($3 now): the address
-- goes.
-- name: outbox_sent
UPDATE outbox SET state = 'sent', recipient = NULL, payload = NULL, sent_at = $3, updated_at = $3, last_error = '',
    lease_owner = '', lease_until = NULL
WHERE id = $1 AND lease_owner = $2 AND state = 'sending'

-- Try message $1 claimed by $2 again at $3 after error $4 ($5 now).
-- name: outbox_retry
UPDATE outbox SET state = 'queued', next_attempt_at = $3, last_error = $4, updated_at = $5,
    lease_owner = '', lease_until = NULL
WHERE id = $1 AND lease_owner = $2 AND state = 'sending'

-- Give message $1 claimed by $2 up with state $3 (failed or skipped) and
-- reason $4 ($5 now): the address goes.
-- name: outbox_give_up
UPDATE outbox SET state = $3, recipient = NULL, payload = NULL, last_error = $4, updated_at = $5,
    lease_owner = '', lease_until = NULL
WHERE id = $1 AND lease_owner = $2 AND state = 'sending'

-- Queue (again) the message of credential $1 for purpose $2 in language $3
-- to $4 ($5 now), unless one is queued or being sent already.
-- name: outbox_requeue
INSERT INTO outbox (credential_id, purpose, language, recipient, state, next_attempt_at, created_at, updated_at)
VALUES ($1, $2, $3, $4, 'queued', $5, $5, $5)
ON CONFLICT (credential_id, purpose) DO UPDATE SET language = excluded.language, recipient = excluded.recipient,
    state = 'queued', attempts = 0, next_attempt_at = excluded.next_attempt_at, last_error = '',
    updated_at = excluded.updated_at, sent_at = NULL, lease_owner = '', lease_until = NULL
WHERE outbox.state NOT IN ('queued', 'sending')
RETURNING id

-- PostgreSQL forms of the outbox statements: a row-locking claim and a
-- multi-row insert (one array per column, unnest).

-- Concurrent claimers on every instance skip rows another transaction
-- holds, so no two claim the same message. The locking select is a CTE,
-- run once: as an IN subquery it may run again per row and, skipping
-- locked rows, pick others.
-- name: outbox_claim
WITH due AS (
    SELECT id FROM outbox
    WHERE state IN ('queued', 'sending') AND next_attempt_at <= $3
      AND (lease_until IS NULL OR lease_until < $3)
    ORDER BY next_attempt_at, id
    LIMIT $4
    FOR UPDATE SKIP LOCKED)
UPDATE outbox o SET state = 'sending', lease_owner = $1, lease_until = $2, attempts = o.attempts + 1, updated_at = $3
FROM due WHERE o.id = due.id
RETURNING o.id, COALESCE(o.credential_id, ''), o.purpose, o.language, o.recipient, o.state, o.attempts, o.next_attempt_at,
    o.last_error, o.created_at, o.updated_at, o.sent_at, o.payload

-- name: outbox_insert_arrays
INSERT INTO outbox (credential_id, purpose, language, recipient, state, next_attempt_at, created_at, updated_at)
SELECT u.credential_id, $1, u.language, u.recipient, 'queued', $2, $2, $2
FROM unnest($3::text[], $4::text[], $5::text[]) AS u(credential_id, language, recipient)
ON CONFLICT (credential_id, purpose) DO NOTHING

-- SQLite form of the multi-row outbox insert: one JSON array of rows ($3).

-- name: outbox_insert_json
INSERT INTO outbox (credential_id, purpose, language, recipient, state, next_attempt_at, created_at, updated_at)
SELECT value ->> 0, $1, value ->> 1, value ->> 2, 'queued', $2, $2, $2 FROM json_each($3) WHERE true
ON CONFLICT (credential_id, purpose) DO NOTHING

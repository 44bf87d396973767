-- Named statements shared by both dialects. Placeholders are $1, $2, …
-- (PostgreSQL natively; SQLite binds $N by position). A dialect file
-- overrides a statement by giving the same name.

-- name: migrations_applied
SELECT version FROM schema_migrations ORDER BY version

-- name: migrations_record
INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)

-- name: counter_add
INSERT INTO counters (name, value) VALUES ($1, $2)
ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value
RETURNING value

-- name: program_insert
INSERT INTO programs (regno, version, kind, status, data, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)

-- name: program_latest
SELECT regno, version, status, data, created_at, updated_at
FROM programs WHERE regno = $1 ORDER BY version DESC LIMIT 1

-- name: program_latest_for_update
SELECT regno, version, status, data, created_at, updated_at
FROM programs WHERE regno = $1 ORDER BY version DESC LIMIT 1

-- name: program_version
SELECT regno, version, status, data, created_at, updated_at
FROM programs WHERE regno = $1 AND version = $2

-- name: program_list
SELECT p.regno, p.version, p.status, p.data, p.created_at, p.updated_at
FROM programs p
WHERE p.version = (SELECT MAX(q.version) FROM programs q WHERE q.regno = p.regno)
  AND ($1 = '' OR p.kind = $1)
  AND ($2 = '' OR p.status = $2)
ORDER BY p.created_at, p.regno

-- name: program_update
UPDATE programs SET status = $3, data = $4, updated_at = $5
WHERE regno = $1 AND version = $2

-- name: program_supersede
UPDATE programs SET status = 'superseded', updated_at = $3
WHERE regno = $1 AND version = $2

-- name: key_insert
INSERT INTO signing_keys (kid, alg, public_jwk, created_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (kid) DO NOTHING

-- name: key_list
SELECT kid, alg, public_jwk, created_at, retired_at FROM signing_keys ORDER BY created_at, kid

-- name: key_retire
UPDATE signing_keys SET retired_at = $2 WHERE kid = $1 AND retired_at IS NULL

-- name: status_list_current
SELECT id, perm_key, size, allocated FROM status_lists ORDER BY id DESC LIMIT 1

-- name: status_list_insert
INSERT INTO status_lists (id, perm_key, size, allocated) VALUES ($1, $2, $3, 0)
ON CONFLICT (id) DO NOTHING

-- name: status_list_advance
UPDATE status_lists SET allocated = allocated + $2 WHERE id = $1

-- name: credential_insert
INSERT INTO credentials (id, program_regno, program_version, award_key, student_id,
    certificate_number, book_number, holder_name, language, kid, issued_at, valid_from,
    valid_until, status, status_list, status_index, batch_id, jws)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)

-- name: credential_by_id
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials WHERE id = $1

-- name: credential_by_number
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials WHERE certificate_number = $1

-- name: credential_by_award
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials WHERE award_key = $1

-- name: credential_list
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials
WHERE ($1 = '' OR program_regno = $1)
  AND ($2 = '' OR student_id = $2)
  AND ($3 = '' OR batch_id = $3)
  AND ($4 = '' OR status = $4)
  AND ($5 = '' OR LOWER(holder_name) LIKE '%' || LOWER($5) || '%')
ORDER BY certificate_number DESC
LIMIT $6 OFFSET $7

-- name: credential_status_by_id
SELECT status, status_reason, status_changed_at FROM credentials WHERE id = $1

-- The staff console: cheap counts for the dashboard, the credential
-- search with its total, recent actions, and a program's versions.

-- name: console_credentials_since
SELECT COUNT(*) FROM credentials WHERE issued_at >= $1

-- name: console_credentials_total
SELECT COUNT(*) FROM credentials

-- name: console_credential_search
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials
WHERE ($1 = '' OR LOWER(holder_name) LIKE '%' || LOWER($1) || '%')
  AND ($2 = '' OR student_id = $2)
  AND ($3 = 0 OR certificate_number = $3)
  AND ($4 = '' OR book_number = $4)
  AND ($5 = '' OR program_regno = $5)
  AND ($6 = '' OR status = $6)
  AND issued_at >= $7 AND issued_at < $8
ORDER BY certificate_number DESC
LIMIT $9 OFFSET $10

-- name: console_credential_count
SELECT COUNT(*)
FROM credentials
WHERE ($1 = '' OR LOWER(holder_name) LIKE '%' || LOWER($1) || '%')
  AND ($2 = '' OR student_id = $2)
  AND ($3 = 0 OR certificate_number = $3)
  AND ($4 = '' OR book_number = $4)
  AND ($5 = '' OR program_regno = $5)
  AND ($6 = '' OR status = $6)
  AND issued_at >= $7 AND issued_at < $8

-- name: console_audit_recent
SELECT id, at, actor, action, object_type, object_id, reason, details
FROM audit_log
ORDER BY id DESC
LIMIT $1

-- name: console_program_versions
SELECT regno, version, status, data, created_at, updated_at
FROM programs WHERE regno = $1 ORDER BY version DESC

-- SQLite's LOWER folds only ASCII: holder names are Kazakh and Russian,
-- so the search folds them with tanu_lower (Unicode, registered by the
-- sqlite driver).

-- name: console_credential_search
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials
WHERE ($1 = '' OR tanu_lower(holder_name) LIKE '%' || tanu_lower($1) || '%')
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
WHERE ($1 = '' OR tanu_lower(holder_name) LIKE '%' || tanu_lower($1) || '%')
  AND ($2 = '' OR student_id = $2)
  AND ($3 = 0 OR certificate_number = $3)
  AND ($4 = '' OR book_number = $4)
  AND ($5 = '' OR program_regno = $5)
  AND ($6 = '' OR status = $6)
  AND issued_at >= $7 AND issued_at < $8

-- Multi-row forms used when issuing many credentials in one transaction
-- (store.IssueAwards): one JSON array of rows ($N), read with json_each, so
-- a statement is parsed once per chunk rather than once per row. The
-- credentials themselves are inserted row by row: their 9 KB JWS costs
-- more to pass through JSON than to parse the INSERT again.

-- name: credential_by_award_json
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials WHERE award_key IN (SELECT value FROM json_each($1))

-- name: audit_insert_json
INSERT INTO audit_log (at, actor, action, object_type, object_id, reason, details)
SELECT $1, $2, $3, $4, value ->> 0, value ->> 1, value ->> 2
FROM json_each($5)

-- name: credential_content_insert_json
INSERT INTO credential_contents (id, hash)
SELECT value ->> 0, value ->> 1 FROM json_each($1)

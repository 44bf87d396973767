-- Multi-row forms used when issuing many credentials in one transaction
-- (store.IssueAwards), in the driver's store.BulkArrays form: one array per
-- column, read with unnest.

-- name: credential_by_award_arrays
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials WHERE award_key = ANY($1::text[])

-- name: credential_insert_arrays
INSERT INTO credentials (id, program_regno, program_version, award_key, student_id,
    certificate_number, book_number, holder_name, language, kid, issued_at, valid_from,
    valid_until, status, status_list, status_index, batch_id, jws)
SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::text[],
    $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[],
    $14::text[], $15::bigint[], $16::bigint[], $17::text[], $18::text[])

-- name: audit_insert_arrays
INSERT INTO audit_log (at, actor, action, object_type, object_id, reason, details)
SELECT $1, $2, $3, $4, u.object_id, u.reason, u.details
FROM unnest($5::text[], $6::text[], $7::text[]) AS u(object_id, reason, details)

-- name: credential_content_insert_arrays
INSERT INTO credential_contents (id, hash)
SELECT * FROM unnest($1::text[], $2::text[])

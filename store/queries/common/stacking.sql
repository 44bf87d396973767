-- Stacking and recognition: pathways, nano-diploma components, credit
-- transfers (store/stacking.go).

-- name: pathway_insert
INSERT INTO pathways (id, status, data, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)

-- name: pathway_by_id
SELECT id, status, data, created_at, updated_at FROM pathways WHERE id = $1

-- name: pathway_list
SELECT id, status, data, created_at, updated_at FROM pathways
WHERE ($1 = '' OR status = $1)
ORDER BY created_at, id

-- name: credential_valid_by_program
-- The valid credentials of a program, optionally of one holder, by holder;
-- expiry is the caller's to check.
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials
WHERE program_regno = $1 AND status = 'valid' AND ($2 = '' OR student_id = $2)
ORDER BY student_id, issued_at, id
LIMIT $3

-- name: credential_valid_by_student
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials
WHERE student_id = $1 AND status = 'valid'
ORDER BY issued_at, certificate_number
LIMIT $2

-- name: nano_component_insert
INSERT INTO nano_components (nano_id, component_id, pathway_id) VALUES ($1, $2, $3)
ON CONFLICT (nano_id, component_id) DO NOTHING

-- name: nano_components_of
SELECT component_id FROM nano_components WHERE nano_id = $1 ORDER BY component_id

-- name: nano_review
-- Components that are no longer valid, of one nano-diploma ($1) or of
-- every nano-diploma of a pathway ($2).
SELECT n.nano_id, c.id, c.program_regno, c.certificate_number, c.status, c.status_reason, c.status_changed_at
FROM nano_components n JOIN credentials c ON c.id = n.component_id
WHERE c.status <> 'valid' AND (($1 <> '' AND n.nano_id = $1) OR ($2 <> '' AND n.pathway_id = $2))
ORDER BY n.nano_id, c.id

-- name: transfer_insert
INSERT INTO credit_transfers (id, credential_id, student_id, decision_date, data, created_at)
VALUES ($1, $2, $3, $4, $5, $6)

-- name: transfer_list
-- Transfers of one credential ($1), of one holder ($2), or every one whose
-- decision is dated $3..$4 (YYYY-MM-DD, '' = open).
SELECT t.id, t.data, t.created_at, c.holder_name, c.program_regno, c.certificate_number
FROM credit_transfers t JOIN credentials c ON c.id = t.credential_id
WHERE ($1 = '' OR t.credential_id = $1)
  AND ($2 = '' OR t.student_id = $2)
  AND ($3 = '' OR t.decision_date >= $3)
  AND ($4 = '' OR t.decision_date <= $4)
ORDER BY t.decision_date, t.created_at, t.id
LIMIT $5

-- name: credential_valid_brief_by_program
-- Who holds valid credentials of a program (without the signed
-- credentials), by holder; expiry is the caller's to check.
SELECT id, student_id, holder_name, valid_until
FROM credentials
WHERE program_regno = $1 AND status = 'valid'
ORDER BY student_id, id
LIMIT $2

-- name: credential_valid_by_program_student
-- One holder's valid credentials of a program (by the student index).
SELECT id, program_regno, program_version, award_key, student_id, certificate_number,
    book_number, holder_name, language, kid, issued_at, valid_from, valid_until, status,
    status_reason, status_changed_at, status_list, status_index, batch_id, jws
FROM credentials
WHERE student_id = $2 AND program_regno = $1 AND status = 'valid'
ORDER BY issued_at, id
LIMIT $3

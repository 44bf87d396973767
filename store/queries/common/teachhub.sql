-- TeachHub and non-formal learning participant cards.

-- name: card_insert
INSERT INTO teachhub_cards (id, program_regno, kind, staff_id, stream, department, search, status,
    credential_id, decision_date, created_at, updated_at, status_changed_at, completed_at, submitted_at, data)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)

-- name: card_update
UPDATE teachhub_cards SET stream = $2, department = $3, search = $4, status = $5, credential_id = $6,
    decision_date = $7, updated_at = $8, status_changed_at = $9, completed_at = $10, submitted_at = $11, data = $12
WHERE id = $1

-- name: card_by_id
SELECT data FROM teachhub_cards WHERE id = $1

-- name: card_for_update
SELECT data FROM teachhub_cards WHERE id = $1

-- name: card_by_credential
SELECT data FROM teachhub_cards WHERE credential_id = $1

-- name: card_by_enrolment
SELECT data FROM teachhub_cards WHERE program_regno = $1 AND staff_id = $2 AND stream = $3

-- name: card_list
SELECT data FROM teachhub_cards
WHERE ($1 = '' OR program_regno = $1)
  AND ($2 = '' OR status = $2)
  AND ($3 = '' OR department = $3)
  AND ($4 = '' OR staff_id = $4)
  AND ($5 = '' OR search LIKE '%' || $5 || '%')
ORDER BY created_at, id
LIMIT $6 OFFSET $7

-- name: card_report
SELECT data FROM teachhub_cards
WHERE ((completed_at >= $1 AND completed_at < $2)
    OR (submitted_at >= $1 AND submitted_at < $2)
    OR (decision_date >= $3 AND decision_date <= $4))
  AND ($5 = '' OR department = $5)
ORDER BY department, search, created_at, id

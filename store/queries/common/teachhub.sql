-- TeachHub and non-formal learning participant cards.

-- name: card_insert
INSERT INTO teachhub_cards (id, program_regno, kind, staff_id, stream, department, search, status,
    credential_id, decision_date, created_at, updated_at, status_changed_at, completed_at, submitted_at, data, completed_on)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)

-- name: card_update
UPDATE teachhub_cards SET stream = $2, department = $3, search = $4, status = $5, credential_id = $6,
    decision_date = $7, updated_at = $8, status_changed_at = $9, completed_at = $10, submitted_at = $11, data = $12,
    completed_on = $13
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
  AND ($8 = '' OR stream = $8)
  AND ($9 = '' OR kind = $9)
ORDER BY created_at, id
LIMIT $6 OFFSET $7

-- name: card_report
-- The cards of the HR report: completed (on the participant's day) or
-- submitted in the period, recognized by a decision dated in it, or still
-- registered or in progress having been enrolled before its end; of one
-- department, status and kind when given. $8 bounds the answer.
SELECT data FROM teachhub_cards
WHERE ((completed_on >= $3 AND completed_on <= $4)
    OR (submitted_at >= $1 AND submitted_at < $2)
    OR (decision_date >= $3 AND decision_date <= $4)
    OR (status IN ('registered', 'in_progress') AND created_at < $2))
  AND ($5 = '' OR department = $5)
  AND ($6 = '' OR status = $6)
  AND ($7 = '' OR kind = $7)
ORDER BY department, search, created_at, id
LIMIT $8

-- name: stream_upsert
INSERT INTO teachhub_streams (program_regno, stream, date_from, date_to, updated_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (program_regno, stream) DO UPDATE SET date_from = excluded.date_from, date_to = excluded.date_to,
    updated_at = excluded.updated_at

-- name: stream_get
SELECT date_from, date_to FROM teachhub_streams WHERE program_regno = $1 AND stream = $2

-- name: streams_of_program
SELECT stream, date_from, date_to FROM teachhub_streams WHERE program_regno = $1 ORDER BY stream LIMIT 500

-- name: card_streams
SELECT DISTINCT stream FROM teachhub_cards WHERE program_regno = $1 ORDER BY stream LIMIT 500

-- name: card_departments
SELECT DISTINCT department FROM teachhub_cards WHERE department <> '' ORDER BY department LIMIT 1000

-- name: card_counts
SELECT status, COUNT(*) FROM teachhub_cards WHERE program_regno = $1 GROUP BY status

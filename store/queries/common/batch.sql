-- Batch issuance: batches, their rows, leases. PostgreSQL overrides the
-- claim (row locks) and adds multi-row forms in queries/postgres/batch*.sql.

-- name: batch_insert
INSERT INTO batches (id, program_regno, status, dry_run, language, filename, format, headers, columns, warnings,
    total, processed, issued, skipped, failed, actor, created_at, updated_at, finished_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)

-- name: batch_row_insert
INSERT INTO batch_rows (batch_id, row_number, state, student_id, holder_name, award_key, cells, request,
    credential_id, errors)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)

-- name: batch_by_id
SELECT id, program_regno, status, dry_run, language, filename, format, headers, columns, warnings,
    total, processed, issued, skipped, failed, error, actor, created_at, updated_at, finished_at,
    lease_owner, lease_until, attempts, cells_purged_at
FROM batches WHERE id = $1

-- A page of batches, newest first ($1 program, $2 status: '' for any). $3
-- and $4 are the id and created_at of the last batch of the previous page
-- ($3 = '' for the first page); $5 is the page size plus one, to tell
-- whether more remain. The tie-break on id makes the order total.
-- name: batch_page
SELECT id, program_regno, status, dry_run, language, filename, format, headers, columns, warnings,
    total, processed, issued, skipped, failed, error, actor, created_at, updated_at, finished_at,
    lease_owner, lease_until, attempts, cells_purged_at
FROM batches
WHERE ($1 = '' OR program_regno = $1)
  AND ($2 = '' OR status = $2)
  AND ($3 = '' OR created_at < $4 OR (created_at = $4 AND id < $3))
ORDER BY created_at DESC, id DESC
LIMIT $5

-- Claim the oldest open batch whose lease is free or expired ($4: only
-- that batch, or '' for any). SQLite serializes writers, so a plain
-- UPDATE is enough there.
-- name: batch_claim
UPDATE batches SET status = 'running', lease_owner = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3
WHERE id = (
    SELECT id FROM batches
    WHERE status IN ('queued', 'running') AND ($4 = '' OR id = $4)
      AND (lease_until IS NULL OR lease_until < $3)
    ORDER BY created_at, id
    LIMIT 1)
RETURNING id

-- Extend the lease if (and only if) owner still holds it; in a
-- transaction this also locks the batch row.
-- name: batch_fence
UPDATE batches SET lease_until = $3, updated_at = $4
WHERE id = $1 AND lease_owner = $2 AND status = 'running'

-- name: batch_release
UPDATE batches SET lease_until = NULL, updated_at = $3
WHERE id = $1 AND lease_owner = $2 AND status = 'running'

-- name: batch_progress
UPDATE batches SET processed = processed + $2, issued = issued + $3, skipped = skipped + $4,
    failed = failed + $5, updated_at = $6
WHERE id = $1

-- name: batch_finish
UPDATE batches SET status = $2, error = $3, finished_at = $4, updated_at = $4, lease_owner = '', lease_until = NULL
WHERE id = $1

-- name: batch_rows_pending
SELECT row_number, student_id, holder_name, award_key, request
FROM batch_rows
WHERE batch_id = $1 AND state = 'pending' AND row_number > $2
ORDER BY row_number
LIMIT $3

-- A processed row keeps its cells only if it failed (for errors.csv); the
-- request (which holds the IIN in clear) is dropped.
-- name: batch_row_finish
UPDATE batch_rows SET state = $3, credential_id = $4, errors = $5, request = '',
    cells = CASE WHEN $3 = 'failed' THEN cells ELSE '[]' END
WHERE batch_id = $1 AND row_number = $2 AND state = 'pending'

-- name: batch_rows_fail_pending
UPDATE batch_rows SET state = 'failed', errors = $2, request = ''
WHERE batch_id = $1 AND state = 'pending'

-- name: batch_rows_list
SELECT r.row_number, r.state, r.student_id, r.holder_name, r.cells, r.credential_id, r.errors, c.certificate_number
FROM batch_rows r LEFT JOIN credentials c ON c.id = r.credential_id
WHERE r.batch_id = $1
  AND ($2 = '' OR ($2 = 'failed' AND r.state = 'failed') OR ($2 = 'credential' AND r.credential_id IS NOT NULL))
ORDER BY r.row_number

-- Retention: the oldest finished batch ($1: finished before) whose rows
-- still hold their cells. SQLite serializes writers (the transaction
-- begins IMMEDIATE), so two purgers never take the same batch.
-- name: batch_cells_purge_next
SELECT id, finished_at FROM batches
WHERE finished_at IS NOT NULL AND finished_at < $1 AND cells_purged_at IS NULL
ORDER BY finished_at, id
LIMIT 1

-- name: batch_cells_purged_mark
UPDATE batches SET cells_purged_at = $2 WHERE id = $1 AND cells_purged_at IS NULL

-- Rows keep their state, student id, name, credential and errors.
-- name: batch_rows_purge_cells
UPDATE batch_rows SET cells = '[]', request = ''
WHERE batch_id = $1 AND (cells <> '[]' OR request <> '')

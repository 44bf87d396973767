-- PostgreSQL forms of the batch statements: row-locking claim and
-- multi-row statements (one array per column, unnest).

-- Concurrent claimers skip rows another transaction holds (a worker
-- committing a step holds its batch row), so no two claim the same batch.
-- name: batch_claim
UPDATE batches SET status = 'running', lease_owner = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3
WHERE id = (
    SELECT id FROM batches
    WHERE status IN ('queued', 'running') AND ($4 = '' OR id = $4)
      AND (lease_until IS NULL OR lease_until < $3)
    ORDER BY created_at, id
    LIMIT 1
    FOR UPDATE SKIP LOCKED)
  AND (lease_until IS NULL OR lease_until < $3)
RETURNING id

-- Retention: concurrent purgers skip a batch another one holds, so no two
-- instances purge the same batch.
-- name: batch_cells_purge_next
SELECT id, finished_at FROM batches
WHERE finished_at IS NOT NULL AND finished_at < $1 AND cells_purged_at IS NULL
ORDER BY finished_at, id
LIMIT 1
FOR UPDATE SKIP LOCKED

-- name: batch_row_insert_arrays
INSERT INTO batch_rows (batch_id, row_number, state, student_id, holder_name, award_key, cells, request,
    credential_id, errors)
SELECT $1, u.* FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[]) AS u

-- name: batch_row_finish_arrays
UPDATE batch_rows r SET state = u.state, credential_id = u.credential_id, errors = u.errors, request = '',
    cells = CASE WHEN u.state = 'failed' THEN r.cells ELSE '[]' END
FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) AS u(row_number, state, credential_id, errors)
WHERE r.batch_id = $1 AND r.row_number = u.row_number AND r.state = 'pending'

-- The console's views of batches: progress counters alone (what a page
-- polls), a filtered list with a total, and a page of a batch's rows.

-- name: batch_counters
SELECT id, status, dry_run, total, processed, issued, skipped, failed, error, updated_at, finished_at
FROM batches WHERE id = $1

-- The filters of batch_search and batch_search_count: $1 program, $2
-- status ('' for any), $3 kind ('' any, 'preview' dry runs, 'batch' the
-- others), created from $4 (inclusive) to $5 (exclusive).
-- name: batch_search
SELECT id, program_regno, status, dry_run, language, filename, format, headers, columns, warnings,
    total, processed, issued, skipped, failed, error, actor, created_at, updated_at, finished_at,
    lease_owner, lease_until, attempts, cells_purged_at
FROM batches
WHERE ($1 = '' OR program_regno = $1)
  AND ($2 = '' OR status = $2)
  AND ($3 = '' OR ($3 = 'preview' AND dry_run) OR ($3 = 'batch' AND NOT dry_run))
  AND created_at >= $4 AND created_at < $5
ORDER BY created_at DESC, id DESC
LIMIT $6 OFFSET $7

-- name: batch_search_count
SELECT COUNT(*) FROM batches
WHERE ($1 = '' OR program_regno = $1)
  AND ($2 = '' OR status = $2)
  AND ($3 = '' OR ($3 = 'preview' AND dry_run) OR ($3 = 'batch' AND NOT dry_run))
  AND created_at >= $4 AND created_at < $5

-- A page of a batch's rows in row order ($2 as in batch_rows_list).
-- name: batch_rows_page
SELECT r.row_number, r.state, r.student_id, r.holder_name, r.cells, r.credential_id, r.errors, c.certificate_number
FROM batch_rows r LEFT JOIN credentials c ON c.id = r.credential_id
WHERE r.batch_id = $1
  AND ($2 = '' OR ($2 = 'failed' AND r.state = 'failed') OR ($2 = 'credential' AND r.credential_id IS NOT NULL))
ORDER BY r.row_number
LIMIT $3 OFFSET $4

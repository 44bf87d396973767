-- Operations: what the metrics read from the registry at scrape time.

-- name: stats_credentials
SELECT c.program_regno, COALESCE(p.kind, ''), c.status, COUNT(*)
FROM credentials c
LEFT JOIN programs p ON p.regno = c.program_regno AND p.version = c.program_version
GROUP BY c.program_regno, p.kind, c.status

-- name: stats_batches
SELECT status, COUNT(*) FROM batches GROUP BY status

-- name: stats_batch_rows
SELECT state, COUNT(*) FROM batch_rows GROUP BY state

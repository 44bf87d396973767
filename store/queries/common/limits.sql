-- Limits shared by every instance.

-- The batches of one user ($1, the actor) queued or running (the partial
-- index batches_open holds only those).
-- name: batch_open_count
SELECT count(*) FROM batches WHERE status IN ('queued', 'running') AND actor = $1

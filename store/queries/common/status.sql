-- Credential status: revocation, suspension, status lists.

-- name: credential_status_for_update
SELECT status, status_list FROM credentials WHERE id = $1

-- name: credential_set_status
UPDATE credentials SET status = $2, status_reason = $3, status_changed_at = $4 WHERE id = $1

-- name: status_list_exists
SELECT COUNT(*) FROM status_lists WHERE id = $1

-- name: status_list_version
SELECT COALESCE(MAX(value), 0) FROM counters WHERE name = $1

-- name: status_list_flagged
SELECT status_index FROM credentials WHERE status_list = $1 AND status = $2

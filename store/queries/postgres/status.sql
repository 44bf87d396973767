-- PostgreSQL: lock the credential row while its status changes.

-- name: credential_status_for_update
SELECT status, status_list FROM credentials WHERE id = $1 FOR UPDATE

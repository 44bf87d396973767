-- PostgreSQL-specific statements.

-- name: migrations_create
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT        NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
)

-- name: migrations_lock
SELECT pg_advisory_xact_lock(746175)

-- name: program_latest_for_update
SELECT regno, version, status, data, created_at, updated_at
FROM programs WHERE regno = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE

-- name: status_list_current
SELECT id, perm_key, size, allocated FROM status_lists ORDER BY id DESC LIMIT 1 FOR UPDATE

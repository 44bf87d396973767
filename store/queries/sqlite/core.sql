-- SQLite-specific statements. Write transactions start with BEGIN IMMEDIATE
-- (set on the connection), so SQLite needs no row locks.

-- name: migrations_create
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT      NOT NULL,
    applied_at TIMESTAMP NOT NULL
)

-- name: migrations_lock
SELECT 1

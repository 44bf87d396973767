-- Operations: online backup and the database clock (SQLite).

-- name: backup_into
VACUUM INTO ?

-- name: db_now_epoch
SELECT (julianday('now') - 2440587.5) * 86400.0

-- name: integrity_check
PRAGMA quick_check

-- name: checkpoint_truncate
PRAGMA wal_checkpoint(TRUNCATE)

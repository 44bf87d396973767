-- Operations: the database clock (PostgreSQL).

-- name: db_now_epoch
SELECT EXTRACT(EPOCH FROM clock_timestamp())::float8

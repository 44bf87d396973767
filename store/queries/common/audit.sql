-- Audit trail statements.

-- name: audit_insert
INSERT INTO audit_log (at, actor, action, object_type, object_id, reason, details)
VALUES ($1, $2, $3, $4, $5, $6, $7)

-- name: audit_list
SELECT id, at, actor, action, object_type, object_id, reason, details
FROM audit_log
WHERE ($1 = '' OR object_type = $1)
  AND ($2 = '' OR object_id = $2)
  AND ($3 = '' OR action = $3)
  AND at >= $4 AND at < $5
  AND id > $6
ORDER BY id
LIMIT $7

-- name: audit_list_newest
-- The console's view: newest first, a page before entry $6 (0: from the
-- newest).
SELECT id, at, actor, action, object_type, object_id, reason, details
FROM audit_log
WHERE ($1 = '' OR object_type = $1)
  AND ($2 = '' OR object_id = $2)
  AND ($3 = '' OR action = $3)
  AND at >= $4 AND at < $5
  AND ($6 = 0 OR id < $6)
ORDER BY id DESC
LIMIT $7

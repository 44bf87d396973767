-- Staff accounts, sessions, login throttling, API tokens, single sign-on.

-- name: user_insert
INSERT INTO users (id, email, name, role, department, disabled, password_hash, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)

-- name: user_by_id
SELECT id, email, name, role, department, disabled, password_hash, created_at, last_login_at
FROM users WHERE id = $1

-- name: user_by_email
SELECT id, email, name, role, department, disabled, password_hash, created_at, last_login_at
FROM users WHERE email = $1

-- name: user_list
SELECT id, email, name, role, department, disabled, password_hash, created_at, last_login_at
FROM users ORDER BY email

-- name: user_update
UPDATE users SET name = $2, department = $3, role = $4, disabled = $5 WHERE id = $1

-- name: user_set_password
UPDATE users SET password_hash = $2 WHERE id = $1

-- name: user_logged_in
UPDATE users SET last_login_at = $2 WHERE id = $1

-- name: link_insert
INSERT INTO user_links (hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)

-- name: link_drop_unused
DELETE FROM user_links WHERE user_id = $1 AND used_at IS NULL

-- name: link_usable
SELECT user_id, purpose FROM user_links WHERE hash = $1 AND used_at IS NULL AND expires_at > $2

-- name: link_use
UPDATE user_links SET used_at = $2 WHERE hash = $1 AND used_at IS NULL AND expires_at > $2

-- name: session_insert
INSERT INTO sessions (hash, user_id, created_at, last_seen_at, expires_at, via) VALUES ($1, $2, $3, $4, $5, $6)

-- name: session_by_hash
SELECT s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.via,
    u.id, u.email, u.name, u.role, u.department, u.disabled, u.password_hash, u.created_at, u.last_login_at
FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = $1

-- name: session_touch
UPDATE sessions SET last_seen_at = $2 WHERE hash = $1 AND last_seen_at < $3

-- name: session_delete
DELETE FROM sessions WHERE hash = $1

-- name: session_delete_user
DELETE FROM sessions WHERE user_id = $1

-- name: session_prune
DELETE FROM sessions WHERE expires_at < $1

-- name: login_failures_count
SELECT COUNT(*) FROM login_failures WHERE key = $1 AND at >= $2

-- name: login_failure_insert
INSERT INTO login_failures (key, at) VALUES ($1, $2)

-- name: login_failures_prune
DELETE FROM login_failures WHERE at < $1

-- name: login_failures_clear
DELETE FROM login_failures WHERE key = $1

-- name: token_insert
INSERT INTO tokens (id, hash, role, name, created_at, owner_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)

-- name: token_by_hash
SELECT t.id, t.role, t.name, COALESCE(t.owner_id, ''), t.created_at, t.expires_at, t.last_used_at, t.revoked_at,
    COALESCE(u.email, ''), COALESCE(u.name, ''), COALESCE(u.role, ''), COALESCE(u.disabled, TRUE)
FROM tokens t LEFT JOIN users u ON u.id = t.owner_id WHERE t.hash = $1

-- name: token_by_id
SELECT t.id, t.role, t.name, COALESCE(t.owner_id, ''), COALESCE(u.email, ''), t.created_at, t.expires_at, t.last_used_at, t.revoked_at
FROM tokens t LEFT JOIN users u ON u.id = t.owner_id WHERE t.id = $1

-- name: token_list
SELECT t.id, t.role, t.name, COALESCE(t.owner_id, ''), COALESCE(u.email, ''), t.created_at, t.expires_at, t.last_used_at, t.revoked_at
FROM tokens t LEFT JOIN users u ON u.id = t.owner_id
WHERE $2 OR t.owner_id = $1
ORDER BY t.created_at DESC, t.id

-- name: token_active_count
SELECT COUNT(*) FROM tokens WHERE owner_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)

-- name: token_revoke
UPDATE tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL

-- name: token_touch
UPDATE tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)

-- name: identity_user
SELECT u.id, u.email, u.name, u.role, u.department, u.disabled, u.password_hash, u.created_at, u.last_login_at
FROM user_identities i JOIN users u ON u.id = i.user_id WHERE i.provider = $1 AND i.subject = $2

-- name: identity_insert
INSERT INTO user_identities (provider, subject, user_id, created_at) VALUES ($1, $2, $3, $4)

-- name: flow_insert
INSERT INTO sso_flows (state_hash, provider, nonce, verifier, next, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)

-- name: flow_take
DELETE FROM sso_flows WHERE state_hash = $1
RETURNING provider, nonce, verifier, next, created_at, expires_at

-- name: flow_prune
DELETE FROM sso_flows WHERE expires_at < $1

-- The organization's identity (one row) and its images, and corrections
-- (reissues) of credentials.

-- name: organization_get
SELECT data FROM organization WHERE id = 1

-- name: organization_version
SELECT COALESCE(MAX(value), 0) FROM counters WHERE name = 'organization'

-- name: organization_put
INSERT INTO organization (id, data, updated_at) VALUES (1, $1, $2)
ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at

-- name: organization_seed
INSERT INTO organization (id, data, updated_at) VALUES (1, $1, $2)
ON CONFLICT (id) DO NOTHING

-- name: organization_image_get
SELECT kind, content_type, width, height, data FROM organization_images WHERE kind = $1

-- name: organization_image_list
SELECT kind, content_type, width, height, data FROM organization_images ORDER BY kind

-- name: organization_image_put
INSERT INTO organization_images (kind, content_type, width, height, data, updated_at)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (kind) DO UPDATE SET content_type = excluded.content_type, width = excluded.width,
    height = excluded.height, data = excluded.data, updated_at = excluded.updated_at

-- name: organization_image_seed
INSERT INTO organization_images (kind, content_type, width, height, data, updated_at)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (kind) DO NOTHING

-- name: organization_image_delete
DELETE FROM organization_images WHERE kind = $1

-- name: credential_reissue_links
SELECT old_id, new_id FROM credential_reissues WHERE old_id = $1 OR new_id = $1

-- name: credential_reissue_insert
INSERT INTO credential_reissues (old_id, new_id, reason, created_at) VALUES ($1, $2, $3, $4)

-- name: credential_content_insert
INSERT INTO credential_contents (id, hash) VALUES ($1, $2)

-- name: credential_content_hash
SELECT hash FROM credential_contents WHERE id = $1

-- name: credential_for_reissue
SELECT status, status_list, award_key,
    COALESCE((SELECT new_id FROM credential_reissues WHERE old_id = credentials.id), '')
FROM credentials WHERE id = $1

-- name: credential_replace
UPDATE credentials SET award_key = $2, status = 'revoked', status_reason = $3, status_changed_at = $4
WHERE id = $1

-- name: credential_free_award
UPDATE credentials SET award_key = $2 WHERE id = $1

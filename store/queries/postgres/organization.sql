-- name: credential_for_reissue
SELECT status, status_list, award_key,
    COALESCE((SELECT new_id FROM credential_reissues WHERE old_id = credentials.id), '')
FROM credentials WHERE id = $1 FOR UPDATE

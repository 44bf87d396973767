-- PostgreSQL-specific TeachHub statements.

-- name: card_for_update
SELECT data FROM teachhub_cards WHERE id = $1 FOR UPDATE

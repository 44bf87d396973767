-- The public catalog of programs: how many credentials were issued under
-- each program (every version, every status).

-- name: catalog_issued_count
SELECT COUNT(*) FROM credentials WHERE program_regno = $1

-- name: catalog_issued_counts
SELECT program_regno, COUNT(*) FROM credentials GROUP BY program_regno

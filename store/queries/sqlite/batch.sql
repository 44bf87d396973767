-- SQLite forms of the multi-row batch statements: one JSON array of rows
-- ($2), read with json_each.

-- name: batch_row_insert_json
INSERT INTO batch_rows (batch_id, row_number, state, student_id, holder_name, award_key, cells, request,
    credential_id, errors)
SELECT $1, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
    value ->> 7, value ->> 8
FROM json_each($2)

-- Every row exists (the batch's rows are stored with it), so the insert
-- always meets its row and updates it: an upsert walks the JSON rows and
-- finds each by primary key.
-- name: batch_row_finish_json
INSERT INTO batch_rows (batch_id, row_number, state, credential_id, errors)
SELECT $1, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each($2) WHERE true
ON CONFLICT (batch_id, row_number) DO UPDATE SET state = excluded.state, credential_id = excluded.credential_id,
    errors = excluded.errors, request = '',
    cells = CASE WHEN excluded.state = 'failed' THEN batch_rows.cells ELSE '[]' END
WHERE batch_rows.state = 'pending'

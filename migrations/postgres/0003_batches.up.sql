-- Batch issuance from spreadsheets: a batch is stored with every row first,
-- then processed in the background by whichever instance claims it.

CREATE TABLE batches (
    id            TEXT PRIMARY KEY,
    program_regno TEXT        NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'queued',
    dry_run       BOOLEAN     NOT NULL DEFAULT FALSE,
    language      TEXT        NOT NULL DEFAULT 'en',
    filename      TEXT        NOT NULL DEFAULT '',
    format        TEXT        NOT NULL DEFAULT '',
    headers       TEXT        NOT NULL DEFAULT '[]',
    columns       TEXT        NOT NULL DEFAULT '{}',
    warnings      TEXT        NOT NULL DEFAULT '[]',
    total         INTEGER     NOT NULL DEFAULT 0,
    processed     INTEGER     NOT NULL DEFAULT 0,
    issued        INTEGER     NOT NULL DEFAULT 0,
    skipped       INTEGER     NOT NULL DEFAULT 0,
    failed        INTEGER     NOT NULL DEFAULT 0,
    error         TEXT        NOT NULL DEFAULT '',
    actor         TEXT        NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    lease_owner   TEXT        NOT NULL DEFAULT '',
    lease_until   TIMESTAMPTZ,
    attempts      INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX batches_open ON batches (created_at) WHERE status IN ('queued', 'running');

CREATE TABLE batch_rows (
    batch_id      TEXT    NOT NULL REFERENCES batches (id),
    row_number    INTEGER NOT NULL,
    state         TEXT    NOT NULL,
    student_id    TEXT    NOT NULL DEFAULT '',
    holder_name   TEXT    NOT NULL DEFAULT '',
    award_key     TEXT    NOT NULL DEFAULT '',
    cells         TEXT    NOT NULL DEFAULT '[]',
    request       TEXT    NOT NULL DEFAULT '',
    credential_id TEXT,
    errors        TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (batch_id, row_number)
);
CREATE INDEX batch_rows_pending ON batch_rows (batch_id, row_number) WHERE state = 'pending';

-- Core schema: counters, program registry, signing keys, tokens, credentials.

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE programs (
    regno      TEXT        NOT NULL,
    version    INTEGER     NOT NULL,
    kind       TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    data       TEXT       NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (regno, version)
);
CREATE INDEX programs_kind ON programs (kind, status);

CREATE TABLE signing_keys (
    kid        TEXT PRIMARY KEY,
    alg        TEXT        NOT NULL,
    public_jwk TEXT       NOT NULL,
    created_at TIMESTAMP NOT NULL,
    retired_at TIMESTAMP
);

CREATE TABLE tokens (
    id         TEXT PRIMARY KEY,
    hash       TEXT        NOT NULL UNIQUE,
    role       TEXT        NOT NULL,
    name       TEXT        NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

CREATE TABLE status_lists (
    id         INTEGER PRIMARY KEY,
    perm_key   BLOB   NOT NULL,
    size       INTEGER NOT NULL,
    allocated  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE credentials (
    id                 TEXT PRIMARY KEY,
    program_regno      TEXT        NOT NULL,
    program_version    INTEGER     NOT NULL,
    award_key          TEXT        NOT NULL UNIQUE,
    student_id         TEXT        NOT NULL,
    certificate_number INTEGER      NOT NULL UNIQUE,
    book_number        TEXT        NOT NULL UNIQUE,
    holder_name        TEXT        NOT NULL,
    language           TEXT        NOT NULL,
    kid                TEXT        NOT NULL,
    issued_at          TIMESTAMP NOT NULL,
    valid_from         TIMESTAMP NOT NULL,
    valid_until        TIMESTAMP,
    status             TEXT        NOT NULL DEFAULT 'valid',
    status_reason      TEXT        NOT NULL DEFAULT '',
    status_changed_at  TIMESTAMP,
    status_list        INTEGER     NOT NULL,
    status_index       INTEGER     NOT NULL,
    batch_id           TEXT,
    jws                TEXT        NOT NULL,
    FOREIGN KEY (program_regno, program_version) REFERENCES programs (regno, version),
    UNIQUE (status_list, status_index)
);
CREATE INDEX credentials_program ON credentials (program_regno, issued_at);
CREATE INDEX credentials_student ON credentials (student_id);
CREATE INDEX credentials_batch ON credentials (batch_id) WHERE batch_id IS NOT NULL;

-- The organization's identity, shared by every instance: one row of JSON
-- (names, head, web site, e-mail, default language, grade scale) and its
-- images. Its version is the counter "organization" (bumped by every change),
-- which instances compare to reload it.
CREATE TABLE organization (
    id         INTEGER   PRIMARY KEY CHECK (id = 1),
    data       TEXT      NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE organization_images (
    kind         TEXT      PRIMARY KEY CHECK (kind IN ('logo', 'seal', 'signature')),
    content_type TEXT      NOT NULL,
    width        INTEGER   NOT NULL,
    height       INTEGER   NOT NULL,
    data         BLOB      NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);

-- Corrections: old_id was revoked and replaced by new_id, in one
-- transaction. Both credentials stay in the registry and the book.
CREATE TABLE credential_reissues (
    old_id     TEXT      PRIMARY KEY REFERENCES credentials (id),
    new_id     TEXT      NOT NULL UNIQUE REFERENCES credentials (id),
    reason     TEXT      NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- What a credential says, as a hash salted with its id: a later upload of
-- the same award with different data is a correction (a reissue), the
-- same data is already issued.
CREATE TABLE credential_contents (
    id   TEXT PRIMARY KEY REFERENCES credentials (id),
    hash TEXT NOT NULL
);

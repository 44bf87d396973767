-- E-mail to holders: an outbox of messages, written in the transaction that
-- stores the credential and sent in the background by whichever instance
-- claims them. At most one message per credential and purpose. The
-- recipient's address is kept only until the message is sent or given up.

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    credential_id   TEXT      NOT NULL REFERENCES credentials (id),
    purpose         TEXT      NOT NULL,
    language        TEXT      NOT NULL DEFAULT 'en',
    recipient       TEXT,
    state           TEXT      NOT NULL DEFAULT 'queued',
    attempts        INTEGER   NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error      TEXT      NOT NULL DEFAULT '',
    lease_owner     TEXT      NOT NULL DEFAULT '',
    lease_until     TIMESTAMP,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    sent_at         TIMESTAMP,
    UNIQUE (credential_id, purpose),
    CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'skipped'))
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state IN ('queued', 'sending');

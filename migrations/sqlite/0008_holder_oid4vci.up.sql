-- Delivery to holders: the holder's page /my (one-time sign-in links,
-- holder sessions, the index of the salted e-mail hashes the credentials
-- carry) and wallets over OpenID4VCI (offers, access tokens, nonces).
-- Secrets are stored only as SHA-256 hashes. The outbox also carries
-- messages that belong to no credential (the sign-in links), and a secret
-- payload that is cleared with the address once the message is sent.

CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY,
    credential_id   TEXT      REFERENCES credentials (id),
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
    payload         TEXT,
    UNIQUE (credential_id, purpose),
    CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'skipped'))
);
INSERT INTO outbox_new (id, credential_id, purpose, language, recipient, state, attempts, next_attempt_at, last_error,
    lease_owner, lease_until, created_at, updated_at, sent_at)
SELECT id, credential_id, purpose, language, recipient, state, attempts, next_attempt_at, last_error,
    lease_owner, lease_until, created_at, updated_at, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state IN ('queued', 'sending');

-- One-time sign-in links to /my. The address is kept until the link is
-- used or expires; rate_key (a hash of the address) counts requests.
CREATE TABLE holder_links (
    hash       TEXT PRIMARY KEY,
    email      TEXT,
    rate_key   TEXT      NOT NULL,
    language   TEXT      NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX holder_links_rate ON holder_links (rate_key, created_at);
CREATE INDEX holder_links_expires ON holder_links (expires_at);

-- Holder sessions: the credentials matched at sign-in (a JSON array of ids).
CREATE TABLE holder_sessions (
    hash        TEXT PRIMARY KEY,
    credentials TEXT      NOT NULL,
    language    TEXT      NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL
);
CREATE INDEX holder_sessions_expires ON holder_sessions (expires_at);

-- The salted e-mail hash each credential carries (credentialSubject
-- identifier of type emailAddress; '' when it has none), read once from
-- the signed credential.
CREATE TABLE credential_emails (
    credential_id TEXT PRIMARY KEY REFERENCES credentials (id),
    hash          TEXT NOT NULL,
    salt          TEXT NOT NULL
);

-- OpenID4VCI credential offers: offer_hash is the hash of the secret in
-- the credential_offer_uri, code_hash of the pre-authorized code derived
-- from it; tx_hash of the transaction code (empty: none).
CREATE TABLE oid4vci_offers (
    offer_hash    TEXT PRIMARY KEY,
    code_hash     TEXT      NOT NULL UNIQUE,
    credential_id TEXT      NOT NULL REFERENCES credentials (id),
    tx_hash       TEXT      NOT NULL DEFAULT '',
    tx_length     INTEGER   NOT NULL DEFAULT 0,
    tx_failures   INTEGER   NOT NULL DEFAULT 0,
    created_at    TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL,
    redeemed_at   TIMESTAMP
);
CREATE INDEX oid4vci_offers_expires ON oid4vci_offers (expires_at);

CREATE TABLE oid4vci_tokens (
    hash          TEXT PRIMARY KEY,
    credential_id TEXT      NOT NULL REFERENCES credentials (id),
    created_at    TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL,
    used_at       TIMESTAMP
);
CREATE INDEX oid4vci_tokens_expires ON oid4vci_tokens (expires_at);

CREATE TABLE oid4vci_nonces (
    hash       TEXT PRIMARY KEY,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX oid4vci_nonces_expires ON oid4vci_nonces (expires_at);

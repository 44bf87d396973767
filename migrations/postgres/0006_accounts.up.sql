-- Staff accounts: users, one-time password links, sessions, login
-- throttling, single sign-on identities and flows; API tokens gain an owner,
-- an expiry and a last-used time. Tokens made before this migration keep
-- working as system tokens (no owner). Secrets (session ids, link and token
-- secrets, SSO state) are stored only as SHA-256 hashes.

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT        NOT NULL UNIQUE,
    name          TEXT        NOT NULL DEFAULT '',
    role          TEXT        NOT NULL,
    department    TEXT        NOT NULL DEFAULT '',
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    password_hash TEXT        NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ NOT NULL,
    last_login_at TIMESTAMPTZ
);

CREATE TABLE user_links (
    hash       TEXT PRIMARY KEY,
    user_id    TEXT        NOT NULL REFERENCES users (id),
    purpose    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX user_links_user ON user_links (user_id);

CREATE TABLE sessions (
    hash         TEXT PRIMARY KEY,
    user_id      TEXT        NOT NULL REFERENCES users (id),
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    via          TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- One row per failed sign-in and key ("account:<email>", "address:<ip>").
CREATE TABLE login_failures (
    key TEXT        NOT NULL,
    at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at);
CREATE INDEX login_failures_at ON login_failures (at);

CREATE TABLE user_identities (
    provider   TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    user_id    TEXT        NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

CREATE TABLE sso_flows (
    state_hash TEXT PRIMARY KEY,
    provider   TEXT        NOT NULL,
    nonce      TEXT        NOT NULL,
    verifier   TEXT        NOT NULL,
    next       TEXT        NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sso_flows_expires ON sso_flows (expires_at);

ALTER TABLE tokens ADD COLUMN owner_id TEXT REFERENCES users (id);
ALTER TABLE tokens ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE tokens ADD COLUMN last_used_at TIMESTAMPTZ;
CREATE INDEX tokens_owner ON tokens (owner_id);

-- TeachHub and non-formal learning participant cards (KazNMU regulation
-- 4.5.4). The card itself is the JSON in data; the columns index it for
-- filters, uniqueness and the HR report.
CREATE TABLE teachhub_cards (
    id                TEXT PRIMARY KEY,
    program_regno     TEXT        NOT NULL,
    kind              TEXT        NOT NULL,
    staff_id          TEXT        NOT NULL,
    stream            TEXT        NOT NULL DEFAULT '',
    department        TEXT        NOT NULL DEFAULT '',
    search            TEXT        NOT NULL DEFAULT '',
    status            TEXT        NOT NULL,
    credential_id     TEXT,
    decision_date     TEXT        NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    status_changed_at TIMESTAMPTZ NOT NULL,
    completed_at      TIMESTAMPTZ,
    submitted_at      TIMESTAMPTZ,
    data              JSONB       NOT NULL,
    UNIQUE (program_regno, staff_id, stream)
);
CREATE INDEX teachhub_cards_status ON teachhub_cards (status, created_at);
CREATE INDEX teachhub_cards_department ON teachhub_cards (department);
CREATE INDEX teachhub_cards_staff ON teachhub_cards (staff_id);
CREATE INDEX teachhub_cards_completed ON teachhub_cards (completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX teachhub_cards_submitted ON teachhub_cards (submitted_at) WHERE submitted_at IS NOT NULL;
CREATE INDEX teachhub_cards_decision ON teachhub_cards (decision_date) WHERE decision_date <> '';
CREATE UNIQUE INDEX teachhub_cards_credential ON teachhub_cards (credential_id) WHERE credential_id IS NOT NULL;

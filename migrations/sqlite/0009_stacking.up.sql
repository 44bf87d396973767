-- Stacking and recognition (issue 18): pathways to nano-diplomas, the
-- component credentials each nano-diploma was built on, and credit
-- transfers of microcertificates into degree programs.

-- A pathway is a larger qualification: its id is the registration number
-- of the nano-diploma program credentials are issued under (ND-YYYY-NNNN).
CREATE TABLE pathways (
    id         TEXT      NOT NULL PRIMARY KEY,
    status     TEXT      NOT NULL,
    data       TEXT      NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (status IN ('active', 'archived'))
);

-- Which component credentials a nano-diploma lists: revoking a component
-- flags every nano-diploma built on it for review.
CREATE TABLE nano_components (
    nano_id      TEXT NOT NULL REFERENCES credentials (id),
    component_id TEXT NOT NULL REFERENCES credentials (id),
    pathway_id   TEXT NOT NULL REFERENCES pathways (id),
    PRIMARY KEY (nano_id, component_id)
);
CREATE INDEX nano_components_component ON nano_components (component_id);
CREATE INDEX nano_components_pathway ON nano_components (pathway_id);

-- A microcertificate recognized in a degree program (sec. 8).
CREATE TABLE credit_transfers (
    id            TEXT      NOT NULL PRIMARY KEY,
    credential_id TEXT      NOT NULL REFERENCES credentials (id),
    student_id    TEXT      NOT NULL,
    decision_date TEXT      NOT NULL,
    data          TEXT      NOT NULL,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX credit_transfers_credential ON credit_transfers (credential_id);
CREATE INDEX credit_transfers_student ON credit_transfers (student_id, decision_date);

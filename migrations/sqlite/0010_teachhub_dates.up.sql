-- TeachHub dates: the day a participant actually completed (which may
-- precede the moment it was recorded, completed_at) indexes the HR report;
-- a stream's study period is the default a coordinator confirms for the
-- cards of the stream that have no dates of their own.
ALTER TABLE teachhub_cards ADD COLUMN completed_on TEXT NOT NULL DEFAULT '';
UPDATE teachhub_cards SET completed_on = substr(completed_at, 1, 10) WHERE completed_at IS NOT NULL;
CREATE INDEX teachhub_cards_completed_on ON teachhub_cards (completed_on) WHERE completed_on <> '';

CREATE TABLE teachhub_streams (
    program_regno TEXT      NOT NULL,
    stream        TEXT      NOT NULL,
    date_from     TEXT      NOT NULL,
    date_to       TEXT      NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (program_regno, stream)
);

-- Retention of failed rows' cells: a finished batch's rows keep their raw
-- cells (for errors.csv) only until cells_purged_at is stamped, when the
-- cells and requests of every row are cleared.

ALTER TABLE batches ADD COLUMN cells_purged_at TIMESTAMPTZ;
CREATE INDEX batches_cells_unpurged ON batches (finished_at) WHERE cells_purged_at IS NULL AND finished_at IS NOT NULL;

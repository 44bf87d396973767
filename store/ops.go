package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// BackupInto writes a consistent copy of the embedded (SQLite) database to
// path while others keep reading and writing: the copy is one read
// transaction's snapshot. path must not exist. PostgreSQL is backed up with
// pg_dump instead.
func (s *Store) BackupInto(ctx context.Context, path string) error {
	if s.Dialect() != "sqlite" {
		return errors.New("store: online backup is for the embedded database; back PostgreSQL up with pg_dump (see docs/operations.md)")
	}
	if _, err := s.db.Exec(ctx, s.q.get("backup_into"), path); err != nil {
		return fmt.Errorf("store: backup into %s: %w", path, err)
	}
	return nil
}

// CheckIntegrity runs SQLite's quick check of the database file; on
// PostgreSQL it only pings.
func (s *Store) CheckIntegrity(ctx context.Context) error {
	if s.Dialect() != "sqlite" {
		return s.Ping(ctx)
	}
	var res string
	if err := s.db.QueryRow(ctx, s.q.get("integrity_check")).Scan(&res); err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("store: integrity check: %s", res)
	}
	return nil
}

// DatabaseNow returns the database server's clock.
func (s *Store) DatabaseNow(ctx context.Context) (time.Time, error) {
	var sec float64
	if err := s.db.QueryRow(ctx, s.q.get("db_now_epoch")).Scan(&sec); err != nil {
		return time.Time{}, fmt.Errorf("store: database clock: %w", err)
	}
	whole, frac := math.Modf(sec)
	return time.Unix(int64(whole), int64(frac*1e9)).UTC(), nil
}

// Stats counts credentials, batches, batch rows and keys.
func (s *Store) Stats(ctx context.Context) (*credential.Stats, error) {
	st := &credential.Stats{Batches: map[string]int64{}, BatchRows: map[string]int64{}}
	rows, err := s.db.Query(ctx, s.q.get("stats_credentials"))
	if err != nil {
		return nil, s.translate(err, "stats")
	}
	for rows.Next() {
		var c credential.CredentialCount
		if err := rows.Scan(&c.Program, &c.Kind, &c.Status, &c.Count); err != nil {
			rows.Close()
			return nil, s.translate(err, "stats")
		}
		st.Credentials = append(st.Credentials, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.translate(err, "stats")
	}
	for q, m := range map[string]map[string]int64{"stats_batches": st.Batches, "stats_batch_rows": st.BatchRows} {
		if err := s.countBy(ctx, q, m); err != nil {
			return nil, err
		}
	}
	if st.Keys, err = s.PublicKeys(ctx); err != nil {
		return nil, err
	}
	return st, nil
}

func (s *Store) countBy(ctx context.Context, query string, into map[string]int64) error {
	rows, err := s.db.Query(ctx, s.q.get(query))
	if err != nil {
		return s.translate(err, "stats")
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return s.translate(err, "stats")
		}
		into[k] = n
	}
	return s.translate(rows.Err(), "stats")
}

// Checkpoint folds SQLite's write-ahead log into the database file and
// empties it, leaving the file whole on its own; on PostgreSQL it does
// nothing.
func (s *Store) Checkpoint(ctx context.Context) error {
	if s.Dialect() != "sqlite" {
		return nil
	}
	if _, err := s.db.Exec(ctx, s.q.get("checkpoint_truncate")); err != nil {
		return fmt.Errorf("store: checkpoint: %w", err)
	}
	return nil
}

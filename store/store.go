// Package store persists tanu's registry: programs, credentials, keys, tokens and
// counters, in PostgreSQL or SQLite. One implementation runs on either
// engine through the Driver seam; the statements live in queries/*.sql and
// the schema in the migrations package.
package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/migrations"
)

// Store keeps the registry in one database.
type Store struct {
	db      Driver
	q       queries
	form    BulkForm // db.Bulk()
	now     func() time.Time
	rnd     io.Reader
	records *recordCache
}

// Option configures a Store.
type Option func(*Store)

// WithClock sets the clock used for timestamps.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// WithRand sets the source of randomness (status-list keys).
func WithRand(r io.Reader) Option { return func(s *Store) { s.rnd = r } }

// New returns a Store on a driver.
func New(db Driver, opts ...Option) (*Store, error) {
	q, err := loadQueries(db.Dialect())
	if err != nil {
		return nil, err
	}
	if err := checkBulkForms(q, db.Bulk()); err != nil {
		return nil, err
	}
	s := &Store{db: db, q: q, form: db.Bulk(), now: time.Now, rnd: rand.Reader, records: newRecordCache(2048)}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

// Dialect returns "postgres" or "sqlite".
func (s *Store) Dialect() string { return s.db.Dialect() }

// Driver returns the underlying driver, for packages that add their own
// statements.
func (s *Store) Driver() Driver { return s.db }

// Ping checks the database.
func (s *Store) Ping(ctx context.Context) error { return s.db.Ping(ctx) }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) nowUTC() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// SchemaVersion returns the applied and the latest known schema versions.
func (s *Store) SchemaVersion(ctx context.Context) (current, latest int, err error) {
	ms, err := migrations.List(s.db.Dialect())
	if err != nil {
		return 0, 0, err
	}
	latest = len(ms)
	if _, err := s.db.Exec(ctx, s.q.get("migrations_create")); err != nil {
		return 0, latest, fmt.Errorf("store: schema version: %w", err)
	}
	applied, err := s.applied(ctx, s.db)
	if err != nil {
		return 0, latest, err
	}
	return len(applied), latest, nil
}

func (s *Store) applied(ctx context.Context, q Querier) (map[int]bool, error) {
	rows, err := q.Query(ctx, s.q.get("migrations_applied"))
	if err != nil {
		return nil, fmt.Errorf("store: read applied migrations: %w", err)
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("store: scan migration: %w", err)
		}
		out[v] = true
	}
	return out, rows.Err()
}

// Migrate applies every pending migration, each in its own transaction, and
// returns how many it applied. Concurrent callers on PostgreSQL serialize on
// an advisory lock.
func (s *Store) Migrate(ctx context.Context) (int, error) {
	ms, err := migrations.List(s.db.Dialect())
	if err != nil {
		return 0, err
	}
	if _, err := s.db.Exec(ctx, s.q.get("migrations_create")); err != nil {
		return 0, fmt.Errorf("store: create migrations table: %w", err)
	}
	n := 0
	for _, m := range ms {
		err := s.inTx(ctx, func(tx Tx) error {
			if _, err := tx.Exec(ctx, s.q.get("migrations_lock")); err != nil {
				return fmt.Errorf("lock: %w", err)
			}
			done, err := s.applied(ctx, tx)
			if err != nil {
				return err
			}
			if done[m.Version] {
				return nil
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("apply %04d_%s: %w", m.Version, m.Name, err)
			}
			if _, err := tx.Exec(ctx, s.q.get("migrations_record"), m.Version, m.Name, s.nowUTC()); err != nil {
				return fmt.Errorf("record %04d: %w", m.Version, err)
			}
			n++
			return nil
		})
		if err != nil {
			return n, fmt.Errorf("store: migrate: %w", err)
		}
	}
	return n, nil
}

// CheckSchema returns an error unless every migration is applied.
func (s *Store) CheckSchema(ctx context.Context) error {
	cur, latest, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if cur < latest {
		return credential.Errorf(credential.CodeUnavailable, "database schema is at version %d, this tanu needs %d: run `tanu migrate` (or serve --migrate)", cur, latest)
	}
	if cur > latest {
		return credential.Errorf(credential.CodeUnavailable, "database schema version %d is newer than this tanu knows (%d): upgrade tanu", cur, latest)
	}
	return nil
}

// inTx runs fn in a transaction, committing on success.
func (s *Store) inTx(ctx context.Context, fn func(Tx) error) (err error) {
	tx, err := s.db.Begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// translate maps driver errors to the domain vocabulary.
func (s *Store) translate(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case s.db.IsNoRows(err):
		return credential.Wrap(credential.CodeNotFound, err, what+" not found")
	case s.db.IsUniqueViolation(err):
		return credential.Wrap(credential.CodeConflict, err, what+" already exists")
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	default:
		return fmt.Errorf("store: %s: %w", what, err)
	}
}

// addCounter adds n to a named counter inside tx and returns its new value.
func (s *Store) addCounter(ctx context.Context, tx Querier, name string, n int) (int64, error) {
	var v int64
	if err := tx.QueryRow(ctx, s.q.get("counter_add"), name, n).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: counter %s: %w", name, err)
	}
	return v, nil
}

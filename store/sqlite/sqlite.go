// Package sqlite opens tanu's embedded store: a pure-Go SQLite database
// (modernc.org/sqlite, no cgo) in a file. It is meant for one instance.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"

	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/tanu-edu/tanu/store"
)

// maxConns bounds the connections to the file: readers run concurrently
// under WAL, writers take turns (BEGIN IMMEDIATE).
const maxConns = 8

// Open opens (creating if needed) the database file at path.
func Open(ctx context.Context, path string, opts ...store.Option) (*store.Store, error) {
	q := url.Values{}
	// page_size takes effect when the file is created: 16 KiB pages hold a
	// whole signed credential (~9 KB) without overflow pages.
	for _, p := range []string{"page_size(16384)", "journal_mode(WAL)", "foreign_keys(ON)", "busy_timeout(10000)", "synchronous(NORMAL)", "cache_size(-65536)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// Keep every connection open: database/sql keeps only two idle by
	// default, and a new SQLite connection reads the schema and applies the
	// pragmas again, which under concurrent reads cost more than the reads.
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return store.New(&Driver{DB: db}, opts...)
}

// Driver implements store.Driver on database/sql with modernc.org/sqlite.
// Statements run outside transactions are prepared once and reused.
type Driver struct {
	DB    *sql.DB
	stmts sync.Map // query text → *sql.Stmt
}

// stmt returns the prepared statement of q, preparing it on first use.
func (d *Driver) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := d.stmts.Load(q); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := d.DB.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if old, loaded := d.stmts.LoadOrStore(q, st); loaded {
		_ = st.Close()
		return old.(*sql.Stmt), nil
	}
	return st, nil
}

var _ store.Driver = (*Driver)(nil)

// Dialect implements store.Driver.
func (d *Driver) Dialect() string { return "sqlite" }

// Bulk implements store.Driver: many rows bind as a JSON array of rows read with json_each.
func (d *Driver) Bulk() store.BulkForm { return store.BulkJSON }

// Exec implements store.Querier. Multi-statement scripts (migrations) run
// unprepared.
func (d *Driver) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	return exec(ctx, d.DB, q, args...)
}

// Query implements store.Querier.
func (d *Driver) Query(ctx context.Context, q string, args ...any) (store.Rows, error) {
	st, err := d.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	r, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

// QueryRow implements store.Querier.
func (d *Driver) QueryRow(ctx context.Context, q string, args ...any) store.Row {
	st, err := d.stmt(ctx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// Begin implements store.Driver. Transactions begin IMMEDIATE, so writers
// serialize at the start instead of failing at commit.
func (d *Driver) Begin(ctx context.Context) (store.Tx, error) {
	t, err := d.DB.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return tx{t}, nil
}

// IsNoRows implements store.Driver.
func (d *Driver) IsNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// IsUniqueViolation implements store.Driver.
func (d *Driver) IsUniqueViolation(err error) bool {
	var se *sqlite3.Error
	if errors.As(err, &se) {
		c := se.Code()
		return c == sqlite3lib.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3lib.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// Ping implements store.Driver.
func (d *Driver) Ping(ctx context.Context) error { return d.DB.PingContext(ctx) }

// Close implements store.Driver.
func (d *Driver) Close() error {
	d.stmts.Range(func(_, v any) bool { _ = v.(*sql.Stmt).Close(); return true })
	return d.DB.Close()
}

type execer interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

func exec(ctx context.Context, e execer, q string, args ...any) (int64, error) {
	res, err := e.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

type rows struct{ r *sql.Rows }

func (r rows) Next() bool             { return r.r.Next() }
func (r rows) Scan(dest ...any) error { return r.r.Scan(dest...) }
func (r rows) Err() error             { return r.r.Err() }
func (r rows) Close()                 { _ = r.r.Close() }

type tx struct{ t *sql.Tx }

func (t tx) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	return exec(ctx, t.t, q, args...)
}

func (t tx) Query(ctx context.Context, q string, args ...any) (store.Rows, error) {
	r, err := t.t.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

func (t tx) QueryRow(ctx context.Context, q string, args ...any) store.Row {
	return t.t.QueryRowContext(ctx, q, args...)
}

func (t tx) Commit(context.Context) error   { return t.t.Commit() }
func (t tx) Rollback(context.Context) error { return t.t.Rollback() }

// Package postgres opens tanu's store on PostgreSQL (or a PostgreSQL-
// compatible engine) through pgx/v5 and pgxpool.
package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tanu-edu/tanu/store"
)

// Open connects to url and returns a store on it.
func Open(ctx context.Context, url string, opts ...store.Option) (*store.Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse url: %w", err)
	}
	return OpenConfig(ctx, cfg, opts...)
}

// OpenConfig connects with a pool configuration.
func OpenConfig(ctx context.Context, cfg *pgxpool.Config, opts ...store.Option) (*store.Store, error) {
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: ping: %w", err)
	}
	return store.New(&Driver{Pool: pool}, opts...)
}

// Driver implements store.Driver on a pgx pool.
type Driver struct {
	Pool *pgxpool.Pool
}

var _ store.Driver = (*Driver)(nil)

// Dialect implements store.Driver.
func (d *Driver) Dialect() string { return "postgres" }

// Bulk implements store.Driver: many rows bind as array parameters read with unnest.
func (d *Driver) Bulk() store.BulkForm { return store.BulkArrays }

// Exec implements store.Querier.
func (d *Driver) Exec(ctx context.Context, sql string, args ...any) (int64, error) {
	return exec(ctx, d.Pool, sql, args...)
}

// Query implements store.Querier.
func (d *Driver) Query(ctx context.Context, sql string, args ...any) (store.Rows, error) {
	r, err := d.Pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

// QueryRow implements store.Querier.
func (d *Driver) QueryRow(ctx context.Context, sql string, args ...any) store.Row {
	return d.Pool.QueryRow(ctx, sql, args...)
}

// Begin implements store.Driver.
func (d *Driver) Begin(ctx context.Context) (store.Tx, error) {
	t, err := d.Pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return tx{t}, nil
}

// IsNoRows implements store.Driver.
func (d *Driver) IsNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }

// IsUniqueViolation implements store.Driver.
func (d *Driver) IsUniqueViolation(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// Ping implements store.Driver.
func (d *Driver) Ping(ctx context.Context) error { return d.Pool.Ping(ctx) }

// Close implements store.Driver.
func (d *Driver) Close() error { d.Pool.Close(); return nil }

type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

func exec(ctx context.Context, e execer, sql string, args ...any) (int64, error) {
	tag, err := e.Exec(ctx, sql, args...)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

type rows struct{ pgx.Rows }

func (r rows) Close() { r.Rows.Close() }

type tx struct{ t pgx.Tx }

func (t tx) Exec(ctx context.Context, sql string, args ...any) (int64, error) {
	return exec(ctx, t.t, sql, args...)
}

func (t tx) Query(ctx context.Context, sql string, args ...any) (store.Rows, error) {
	r, err := t.t.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

func (t tx) QueryRow(ctx context.Context, sql string, args ...any) store.Row {
	return t.t.QueryRow(ctx, sql, args...)
}

func (t tx) Commit(ctx context.Context) error   { return t.t.Commit(ctx) }
func (t tx) Rollback(ctx context.Context) error { return t.t.Rollback(ctx) }

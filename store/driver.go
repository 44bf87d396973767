package store

import "context"

// Querier runs SQL. Both the database and a transaction implement it.
type Querier interface {
	// Exec runs a statement and returns the number of rows it affected.
	Exec(ctx context.Context, sql string, args ...any) (int64, error)
	// Query runs a query returning rows.
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	// QueryRow runs a query returning at most one row.
	QueryRow(ctx context.Context, sql string, args ...any) Row
}

// Rows is a result set.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Row is a single-row result.
type Row interface {
	Scan(dest ...any) error
}

// Tx is a database transaction.
type Tx interface {
	Querier
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

// Driver is the seam between the store and one database engine. The
// postgres and sqlite packages implement it.
type Driver interface {
	Querier
	// Dialect names the SQL dialect: "postgres" or "sqlite". It picks the
	// migrations and the query files (store/queries/{dialect}).
	Dialect() string
	// Bulk tells how the engine binds many rows to one statement; the
	// store runs its multi-row statements in that form.
	Bulk() BulkForm
	// Begin starts a read-write transaction.
	Begin(ctx context.Context) (Tx, error)
	// IsNoRows reports whether err means a query returned no row.
	IsNoRows(err error) bool
	// IsUniqueViolation reports whether err is a unique-constraint violation.
	IsUniqueViolation(err error) bool
	// Ping checks that the database answers.
	Ping(ctx context.Context) error
	// Close releases the connections.
	Close() error
}

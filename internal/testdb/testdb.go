// Package testdb gives tests a fresh, migrated store on SQLite (always) or
// PostgreSQL (when TANU_TEST_DATABASE_URL is set; each test gets its own
// schema, dropped afterwards).
package testdb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tanu-edu/tanu/store"
	"github.com/tanu-edu/tanu/store/postgres"
	"github.com/tanu-edu/tanu/store/sqlite"
)

// EnvURL names the variable holding the PostgreSQL test database URL.
const EnvURL = "TANU_TEST_DATABASE_URL"

// Opener opens a fresh migrated store for one test.
type Opener func(t testing.TB, opts ...store.Option) *store.Store

// Engines returns the engines to test against: sqlite always, postgres when
// configured. Without a URL it says so in the test log.
func Engines(t testing.TB) map[string]Opener {
	m := map[string]Opener{"sqlite": SQLite}
	if os.Getenv(EnvURL) != "" {
		m["postgres"] = Postgres
	} else {
		t.Logf("PostgreSQL tests skipped: %s is not set", EnvURL)
	}
	return m
}

// SQLite opens a migrated store in a temporary directory.
func SQLite(t testing.TB, opts ...store.Option) *store.Store {
	t.Helper()
	s := SQLiteEmpty(t, opts...)
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// SQLiteEmpty opens a store on a new, empty database file (no migration
// applied).
func SQLiteEmpty(t testing.TB, opts ...store.Option) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "tanu.db"), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Postgres opens a migrated store in a new schema of the test database, or
// skips the test, saying why, when TANU_TEST_DATABASE_URL is not set.
func Postgres(t testing.TB, opts ...store.Option) *store.Store {
	t.Helper()
	s := PostgresEmpty(t, opts...)
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// PostgresEmpty opens a store in a new, empty schema (no migration applied),
// or skips the test when TANU_TEST_DATABASE_URL is not set.
func PostgresEmpty(t testing.TB, opts ...store.Option) *store.Store {
	t.Helper()
	url := os.Getenv(EnvURL)
	if url == "" {
		t.Skipf("PostgreSQL test skipped: %s is not set", EnvURL)
	}
	ctx := context.Background()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "tanu_test_" + hex.EncodeToString(b)
	admin, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect %s: %v", EnvURL, err)
	}
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close(context.Background())
	})
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = schema
	cfg.MaxConns = 8
	s, err := postgres.OpenConfig(ctx, cfg, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

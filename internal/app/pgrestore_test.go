package app_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/testdb"
)

// TestPostgresDumpRestore runs the guide's PostgreSQL procedure on the CI
// database: pg_dump a serving instance's registry (custom format),
// pg_restore it into a new database, start tanu on the copy with the same
// keys, and check that every credential verifies and the revoked one is
// still revoked. The new database is created and dropped by the test.
func TestPostgresDumpRestore(t *testing.T) {
	if os.Getenv(testdb.EnvURL) == "" {
		t.Skipf("PostgreSQL test skipped: %s is not set", testdb.EnvURL)
	}
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("PostgreSQL restore test skipped: %s is not installed (Debian package postgresql-client)", tool)
		}
	}
	ctx := context.Background()
	h := apptest.Start(t, "postgres")
	regno := createProgram(t, h)
	var ids []string
	for _, s := range []string{"S1", "S2", "S3", "S4"} {
		ids = append(ids, issue(t, h, regno, s).ID)
	}
	if resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+ids[0]+"/revoke", "application/json", strings.NewReader(`{"reason":"issued in error"}`)); resp.StatusCode != http.StatusOK {
		t.Fatalf("revoke: %d %s", resp.StatusCode, body)
	}
	cfg := h.App.Config
	src, schema := splitSearchPath(t, cfg.DatabaseURL)

	// pg_dump while the instance serves.
	dump := filepath.Join(t.TempDir(), "tanu.dump")
	pgTool(t, "pg_dump", "--format=custom", "--no-owner", "--schema="+schema, "--file="+dump, src)

	// A new, empty database to restore into.
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "tanu_restore_test_" + hex.EncodeToString(b)
	adminStore, err := app.OpenStore(ctx, app.Config{DatabaseURL: src})
	if err != nil {
		t.Fatal(err)
	}
	admin := adminStore.Driver()
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
		adminStore.Close()
	})
	u, _ := url.Parse(src)
	u.Path = "/" + name
	pgTool(t, "pg_restore", "--no-owner", "--dbname="+u.String(), dump)

	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	r := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) {
		c.DatabaseURL, c.KeysDir, c.Migrate = u.String(), cfg.KeysDir, false
		c.PreviousPublicURLs = []string{cfg.PublicURL} // the copy listens elsewhere
	}})
	if got := credentialIDs(t, r.App.Store); len(got) != len(ids) {
		t.Fatalf("restored %d credentials, want %d", len(got), len(ids))
	}
	for i, id := range ids {
		want := "valid"
		if i == 0 {
			want = "revoked"
		}
		if got := verdict(t, r, "GET", "/api/v1/verify/"+id, nil); got != want {
			t.Errorf("restored %s: %s, want %s", id, got, want)
		}
	}
}

// splitSearchPath returns a libpq URL without tanu's search_path parameter,
// and that schema.
func splitSearchPath(t *testing.T, raw string) (string, string) {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	schema := q.Get("search_path")
	q.Del("search_path")
	u.RawQuery = q.Encode()
	return u.String(), schema
}

func pgTool(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

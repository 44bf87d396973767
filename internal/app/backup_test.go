package app_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/store"
)

// TestBackupUnderLoad backs the embedded database up while a batch is
// being issued, restores the backups into fresh data directories, and
// checks that every credential in them verifies, that the backup taken
// mid-batch is a consistent prefix (no credential without its numbers) and
// that the one taken after the batch lost nothing.
func TestBackupUnderLoad(t *testing.T) {
	const rows = 300
	h := startBatch(t, "sqlite", func(c *app.Config) { c.Batch.Step = 10; c.Batch.Pause = 5 * time.Millisecond })
	regno := createProgram(t, h)
	b := submit(t, h, regno, "cohort.csv", cohort(rows), "")
	ctx := context.Background()
	cfg := h.App.Config
	dir := t.TempDir()

	// Wait until the batch is under way, then back up while it runs.
	deadline := time.Now().Add(30 * time.Second)
	for getBatchNow(t, h, b.ID).Processed < 20 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	mid := filepath.Join(dir, "mid.db")
	if err := app.Backup(ctx, cfg, mid); err != nil {
		t.Fatal(err)
	}
	if err := app.Backup(ctx, cfg, mid); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("backup over an existing file: %v", err)
	}
	if done := waitBatch(t, h, b.ID); done.Issued != rows {
		t.Fatalf("batch: %+v", done)
	}
	final := filepath.Join(dir, "final.db")
	if err := app.Backup(ctx, cfg, final); err != nil {
		t.Fatal(err)
	}
	all := credentialIDs(t, h.App.Store)
	if len(all) != rows {
		t.Fatalf("%d credentials in the live database, want %d", len(all), rows)
	}

	for _, tc := range []struct {
		file string
		full bool
	}{{mid, false}, {final, true}} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			r := apptest.Start(t, "sqlite", apptest.Options{Now: sheetNow, Configure: func(c *app.Config) {
				c.DataDir = t.TempDir()
				c.KeysDir = cfg.KeysDir // the keys come back from their own backup
				c.Migrate = false
				// The restored instance listens elsewhere: the original
				// address stays this issuer's (as after a domain move).
				c.PreviousPublicURLs = []string{cfg.PublicURL}
				res, err := app.Restore(ctx, *c, tc.file, false)
				if err != nil {
					t.Fatal(err)
				}
				if res.PreviousSaved != "" || res.Schema != res.Latest {
					t.Fatalf("restore: %+v", res)
				}
			}})
			ids := credentialIDs(t, r.App.Store)
			if tc.full && len(ids) != rows {
				t.Errorf("restored %d credentials, want %d", len(ids), rows)
			}
			if !tc.full && (len(ids) < 20 || len(ids) >= rows) {
				t.Errorf("mid-batch backup holds %d of %d credentials: not taken while the batch ran", len(ids), rows)
			}
			seen := map[string]bool{}
			for _, id := range ids {
				seen[id] = true
				if got := verdict(t, r, "GET", "/api/v1/verify/"+id, nil); got != "valid" {
					t.Fatalf("restored credential %s: %s", id, got)
				}
			}
			// Certificate numbers are gap-free: 1..n in any backup.
			recs := allCredentials(t, r.App.Store)
			nums := map[int64]bool{}
			for _, rec := range recs {
				nums[rec.CertificateNumber] = true
			}
			for n := int64(1); n <= int64(len(ids)); n++ {
				if !nums[n] {
					t.Errorf("certificate number %d missing from a backup of %d credentials", n, len(ids))
					break
				}
			}
			for _, id := range ids {
				if !contains(all, id) {
					t.Errorf("backup holds %s, which the live database does not", id)
				}
			}
		})
	}
}

// TestRestoreRefuses checks restore's refusals: an existing database
// without --force, a schema newer than this tanu, a file that is not a
// tanu database; and that --force keeps the replaced database.
func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	src := app.Config{DataDir: t.TempDir()}
	st, err := app.OpenStore(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	st.Close()
	dir := t.TempDir()
	good, newer, junk := filepath.Join(dir, "good.db"), filepath.Join(dir, "newer.db"), filepath.Join(dir, "junk.db")
	for _, f := range []string{good, newer} {
		if err := app.Backup(ctx, src, f); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sql.Open("sqlite", newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', '2030-01-01 00:00:00')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := os.WriteFile(junk, []byte("not a database at all, just some text that is long enough"), 0o600); err != nil {
		t.Fatal(err)
	}

	dst := app.Config{DataDir: t.TempDir()}
	for _, tc := range []struct{ file, want string }{
		{newer, "newer than this tanu knows"},
		{junk, "not a readable SQLite database"},
		{filepath.Join(dir, "missing.db"), "no such file"},
	} {
		if _, err := app.Restore(ctx, dst, tc.file, false); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("restore %s: %v, want %q", filepath.Base(tc.file), err, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dst.DataDir, "tanu.db")); !os.IsNotExist(err) {
		t.Errorf("a refused restore left a database behind: %v", err)
	}
	if _, err := app.Restore(ctx, dst, good, false); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Restore(ctx, dst, good, false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("restore over a database: %v", err)
	}
	res, err := app.Restore(ctx, dst, good, true)
	if err != nil || res.PreviousSaved == "" {
		t.Fatalf("restore --force: %+v %v", res, err)
	}
	if _, err := os.Stat(res.PreviousSaved); err != nil {
		t.Errorf("replaced database not kept: %v", err)
	}
	if err := app.Backup(ctx, app.Config{DatabaseURL: "postgres://x@127.0.0.1/x"}, filepath.Join(dir, "pg.db")); err == nil || !strings.Contains(err.Error(), "pg_dump") {
		t.Errorf("backup of PostgreSQL: %v", err)
	}
}

func credentialIDs(t *testing.T, st *store.Store) []string {
	t.Helper()
	var ids []string
	for _, r := range allCredentials(t, st) {
		ids = append(ids, r.ID)
	}
	return ids
}

// allCredentials pages through every stored credential.
func allCredentials(t *testing.T, st *store.Store) []*credential.Record {
	t.Helper()
	var out []*credential.Record
	for {
		recs, err := st.Credentials(context.Background(), credential.CredentialFilter{Limit: 100, Offset: len(out)})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, recs...)
		if len(recs) < 100 {
			return out
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tanu-edu/tanu/store/sqlite"
)

// SQLitePath returns the embedded database file of the configuration
// (creating the data directory), or an error for PostgreSQL.
func (c *Config) SQLitePath() (string, error) {
	u := c.DatabaseURL
	if c.IsPostgres() {
		return "", errors.New("config: the database is PostgreSQL, not the embedded one")
	}
	path := strings.TrimPrefix(strings.TrimPrefix(u, "sqlite://"), "file:")
	if path != "" {
		return path, nil
	}
	if c.DataDir == "" {
		return "", errors.New("config: no database URL and no data directory")
	}
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return "", fmt.Errorf("config: data directory: %w", err)
	}
	return filepath.Join(c.DataDir, "tanu.db"), nil
}

// IsPostgres reports whether the configuration names a PostgreSQL database.
func (c *Config) IsPostgres() bool {
	return strings.HasPrefix(c.DatabaseURL, "postgres://") || strings.HasPrefix(c.DatabaseURL, "postgresql://")
}

// pgDumpHint says how PostgreSQL is backed up and restored instead.
const pgDumpHint = "the database is PostgreSQL: back it up with `pg_dump --format=custom --no-owner --file=tanu.dump \"$TANU_DATABASE_URL\"` and restore it with `pg_restore --no-owner --dbname=\"$TANU_DATABASE_URL\" tanu.dump` (docs/operations.md)"

// Backup writes a consistent copy of the embedded database to file while
// tanu may be serving (one read transaction's snapshot). It refuses to
// overwrite file. The signing keys are not in it: back the key directory
// up separately.
func Backup(ctx context.Context, cfg Config, file string) error {
	if cfg.IsPostgres() {
		return errors.New("backup: " + pgDumpHint)
	}
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("backup: %s already exists: choose a new file name", file)
	}
	st, err := OpenStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.CheckSchema(ctx); err != nil {
		return err
	}
	if err := st.BackupInto(ctx, file); err != nil {
		return err
	}
	return os.Chmod(file, 0o600)
}

// RestoreResult says what Restore did.
type RestoreResult struct {
	Path          string // the database file now in place
	Schema        int    // the backup's schema version
	Latest        int    // this tanu's schema version
	PreviousSaved string // where the replaced database was moved ("" if none)
}

// Restore puts the embedded-database backup file in place of the
// configured database. tanu must be stopped. It refuses a file that is not
// a tanu database, fails SQLite's quick check, or has a schema newer than
// this tanu knows; it refuses to replace an existing database unless force
// is set, and then keeps the old one beside it.
func Restore(ctx context.Context, cfg Config, file string, force bool) (*RestoreResult, error) {
	if cfg.IsPostgres() {
		return nil, errors.New("restore: " + pgDumpHint)
	}
	target, err := cfg.SQLitePath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(file); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	exists := false
	if _, err := os.Stat(target); err == nil {
		exists = true
		if !force {
			return nil, fmt.Errorf("restore: a database already exists at %s: stop tanu, then run restore again with --force to replace it (the current one is kept beside it)", target)
		}
	}
	// Check a copy, never the backup itself: opening a SQLite file may
	// change it.
	tmp := target + ".restoring"
	_ = os.Remove(tmp)
	if err := copyFile(file, tmp); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	res := &RestoreResult{Path: target}
	if err := checkBackup(ctx, tmp, file, res); err != nil {
		removeDB(tmp)
		return nil, err
	}
	if exists {
		res.PreviousSaved = fmt.Sprintf("%s.before-restore-%s", target, time.Now().UTC().Format("20060102T150405Z"))
		if err := os.Rename(target, res.PreviousSaved); err != nil {
			removeDB(tmp)
			return nil, fmt.Errorf("restore: %w", err)
		}
		for _, sfx := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(target + sfx); err == nil {
				if err := os.Rename(target+sfx, res.PreviousSaved+sfx); err != nil {
					return nil, fmt.Errorf("restore: %w", err)
				}
			}
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	return res, nil
}

// checkBackup opens the copy of a backup and checks it is a sound tanu
// database of a schema this tanu knows.
func checkBackup(ctx context.Context, path, name string, res *RestoreResult) error {
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return fmt.Errorf("restore: %s is not a readable SQLite database: %w", name, err)
	}
	defer st.Close()
	if err := st.CheckIntegrity(ctx); err != nil {
		return fmt.Errorf("restore: %s is damaged: %w", name, err)
	}
	cur, latest, err := st.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("restore: %s: %w", name, err)
	}
	res.Schema, res.Latest = cur, latest
	if cur == 0 {
		return fmt.Errorf("restore: %s is not a tanu database (no schema version)", name)
	}
	if cur > latest {
		return fmt.Errorf("restore: %s is at schema version %d, newer than this tanu knows (%d): restore it with the tanu release that made it, or a newer one", name, cur, latest)
	}
	// Leave the file as one piece, without a write-ahead log beside it.
	if err := st.Checkpoint(ctx); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}

func removeDB(path string) {
	for _, sfx := range []string{"", "-wal", "-shm"} {
		_ = os.Remove(path + sfx)
	}
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

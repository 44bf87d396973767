package main

import (
	"context"
	"fmt"

	"github.com/tanu-edu/tanu/internal/app"
)

// cmdBackup writes a consistent copy of the embedded database while tanu
// may be serving.
func cmdBackup(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "backup", "FILE")
	c := configFlags(e, fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("backup: give the file to write")
	}
	if err := app.Backup(ctx, *c, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "database backed up to %s\nthe signing keys are not in it: back %s up separately (docs/operations.md)\n", fs.Arg(0), c.KeysPath())
	return nil
}

// cmdRestore puts an embedded-database backup in place; tanu must be stopped.
func cmdRestore(ctx context.Context, e *env, args []string) error {
	fs := flagSet(e, "restore", "FILE")
	c := configFlags(e, fs)
	force := fs.Bool("force", false, "replace an existing database (it is kept beside it as tanu.db.before-restore-TIME)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("restore: give the backup file")
	}
	res, err := app.Restore(ctx, *c, fs.Arg(0), *force)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "restored %s to %s (schema version %d of %d)\n", fs.Arg(0), res.Path, res.Schema, res.Latest)
	if res.PreviousSaved != "" {
		fmt.Fprintf(e.stderr, "the database it replaced is kept at %s\n", res.PreviousSaved)
	}
	if res.Schema < res.Latest {
		fmt.Fprintln(e.stderr, "the backup is from an older tanu: run `tanu migrate` before `tanu serve`")
	}
	fmt.Fprintf(e.stderr, "put the signing keys back in %s before serving\n", c.KeysPath())
	return nil
}

// Package migrations holds tanu's SQL schema migrations, one numbered set per
// dialect (postgres, sqlite) with the same version numbers, embedded in the
// binary.
package migrations

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed postgres/*.sql sqlite/*.sql
var files embed.FS

// Migration is one forward migration.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// List returns the migrations of a dialect ("postgres" or "sqlite") in
// version order. It fails if versions are duplicated or not contiguous from 1.
func List(dialect string) ([]Migration, error) {
	entries, err := fs.ReadDir(files, dialect)
	if err != nil {
		return nil, fmt.Errorf("migrations: dialect %q: %w", dialect, err)
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".up.sql") {
			continue
		}
		num, rest, ok := strings.Cut(name, "_")
		if !ok {
			return nil, fmt.Errorf("migrations: bad file name %s", name)
		}
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migrations: bad version in %s: %w", name, err)
		}
		b, err := files.ReadFile(path.Join(dialect, name))
		if err != nil {
			return nil, fmt.Errorf("migrations: read %s: %w", name, err)
		}
		out = append(out, Migration{Version: v, Name: strings.TrimSuffix(rest, ".up.sql"), SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migrations: %s: expected version %d, found %d (duplicate or gap)", dialect, i+1, m.Version)
		}
	}
	return out, nil
}

package store

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

//go:embed queries
var queryFiles embed.FS

// queries holds the named SQL statements of one dialect: every file of
// queries/common/, overridden statement by statement by the files of
// queries/{dialect}/. Each feature keeps its statements in its own file.
type queries map[string]string

func loadQueries(dialect string) (queries, error) {
	q := queries{}
	for _, dir := range []string{"queries/common", "queries/" + dialect} {
		ents, err := fs.ReadDir(queryFiles, dir)
		if err != nil {
			return nil, fmt.Errorf("store: queries for %s: %w", dialect, err)
		}
		seen := map[string]string{}
		for _, e := range ents {
			if !strings.HasSuffix(e.Name(), ".sql") {
				continue
			}
			f := path.Join(dir, e.Name())
			b, err := queryFiles.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("store: %s: %w", f, err)
			}
			part := queries{}
			if err := parseQueries(string(b), part); err != nil {
				return nil, fmt.Errorf("store: %s: %w", f, err)
			}
			for name, sql := range part {
				if other, dup := seen[name]; dup {
					return nil, fmt.Errorf("store: query %s is in both %s and %s", name, other, f)
				}
				seen[name] = f
				q[name] = sql
			}
		}
	}
	return q, nil
}

// parseQueries reads "-- name: x" blocks into q.
func parseQueries(src string, q queries) error {
	var name string
	var body strings.Builder
	flush := func() {
		if name != "" {
			q[name] = strings.TrimSpace(body.String())
		}
		body.Reset()
	}
	sc := bufio.NewScanner(strings.NewReader(src))
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "-- name:"); ok {
			flush()
			name = strings.TrimSpace(rest)
			if name == "" {
				return fmt.Errorf("empty query name")
			}
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(line), "--") {
			continue
		}
		body.WriteString(line)
		body.WriteByte('\n')
	}
	flush()
	return sc.Err()
}

// get returns a named statement; a missing name is a programming error.
func (q queries) get(name string) string {
	s, ok := q[name]
	if !ok {
		panic("store: no query named " + name)
	}
	return s
}

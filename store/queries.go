package store

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:embed queries/*.sql
var queryFiles embed.FS

// queries holds the named SQL statements of one dialect: the common file,
// overridden statement by statement by the dialect's own file.
type queries map[string]string

func loadQueries(dialect string) (queries, error) {
	q := queries{}
	for _, f := range []string{"queries/common.sql", "queries/" + dialect + ".sql"} {
		b, err := queryFiles.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("store: queries for %s: %w", dialect, err)
		}
		if err := parseQueries(string(b), q); err != nil {
			return nil, fmt.Errorf("store: %s: %w", f, err)
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

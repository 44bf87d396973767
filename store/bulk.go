package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// BulkForm is how a driver binds many rows to one statement: a capability
// of the database engine, which Driver.Bulk reports. The store picks a
// statement's multi-row form by it, never by guessing the engine from the
// names of the statements it has loaded.
type BulkForm string

// Bulk forms. A multi-row statement named x is written as x_arrays or
// x_json in the dialect's query files (store/queries/{dialect}); x itself,
// in queries/common, is the one-row form every engine runs.
const (
	// BulkRowByRow: no multi-row form; each row runs the one-row
	// statement.
	BulkRowByRow BulkForm = ""
	// BulkArrays: one array parameter per column, read with unnest
	// (PostgreSQL).
	BulkArrays BulkForm = "arrays"
	// BulkJSON: one JSON array of rows as a text parameter, read with
	// json_each (SQLite).
	BulkJSON BulkForm = "json"
)

// statement returns the name of the multi-row form of the statement name,
// "" for BulkRowByRow.
func (f BulkForm) statement(name string) string {
	if f == BulkRowByRow {
		return ""
	}
	return name + "_" + string(f)
}

// checkBulkForms refuses a query set that holds multi-row statements of a
// form other than the driver's: they would never run, which hides a
// mistake in the query files.
func checkBulkForms(q queries, f BulkForm) error {
	for name := range q {
		for _, other := range []BulkForm{BulkArrays, BulkJSON} {
			if other != f && strings.HasSuffix(name, "_"+string(other)) {
				return fmt.Errorf("store: query %s is a %s form, but the driver binds rows as %q", name, other, f)
			}
		}
	}
	return nil
}

// The generic bulk engine: one statement over many rows, given column by
// column, in the driver's BulkForm.

// bulk runs the statement name over n rows given column by column, in
// the driver's BulkForm (s.form):
//
//   - BulkArrays: name_arrays with the fixed arguments, then one array per
//     column (unnest), once per chunk of rows;
//   - BulkJSON: name_json with the fixed arguments, then one JSON array of
//     rows (json_each), once per chunk;
//   - BulkRowByRow, or a statement the dialect's files give no multi-row
//     form (SQLite inserts credentials row by row: their 9 KB JWS costs
//     more to pass through JSON than to parse the INSERT again): name
//     itself once per row.
//
// fixed are leading arguments shared by every row; each of cols is a slice
// of length n.
func (s *Store) bulk(ctx context.Context, q Querier, name string, n int, fixed []any, cols ...any) error {
	if n == 0 {
		return nil
	}
	const chunk = 5000
	if sql, ok := s.q[s.form.statement(name)]; ok {
		for lo := 0; lo < n; lo += chunk {
			hi := min(lo+chunk, n)
			args := append([]any(nil), fixed...)
			switch s.form {
			case BulkArrays:
				for _, c := range cols {
					args = append(args, sliceRange(c, lo, hi))
				}
			case BulkJSON:
				doc, err := jsonRows(lo, hi, cols)
				if err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				args = append(args, doc)
			}
			if _, err := q.Exec(ctx, sql, args...); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		return nil
	}
	sql := s.q.get(name)
	args := make([]any, len(fixed)+len(cols))
	copy(args, fixed)
	for i := 0; i < n; i++ {
		for j, c := range cols {
			args[len(fixed)+j] = sliceAt(c, i)
		}
		if _, err := q.Exec(ctx, sql, args...); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// sqliteTime is how the SQLite driver writes a time (and reads it back).
const sqliteTime = "2006-01-02 15:04:05.999999999-07:00"

// jsonRows encodes rows lo..hi-1 of cols as a JSON array of arrays for a
// json_each statement: times as the SQLite driver writes them, nil
// pointers as null.
func jsonRows(lo, hi int, cols []any) (string, error) {
	var b strings.Builder
	b.WriteByte('[')
	for i := lo; i < hi; i++ {
		if i > lo {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j, c := range cols {
			if j > 0 {
				b.WriteByte(',')
			}
			v := sliceAt(c, i)
			switch x := v.(type) {
			case nil:
				b.WriteString("null")
			case int64:
				b.WriteString(strconv.FormatInt(x, 10))
			case int:
				b.WriteString(strconv.Itoa(x))
			case time.Time:
				b.WriteByte('"')
				b.WriteString(x.Format(sqliteTime))
				b.WriteByte('"')
			case string:
				enc, err := json.Marshal(x)
				if err != nil {
					return "", err
				}
				b.Write(enc)
			default:
				return "", fmt.Errorf("bulk column of type %T", v)
			}
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String(), nil
}

// sliceRange returns c[lo:hi] for the column types bulk uses.
func sliceRange(c any, lo, hi int) any {
	switch v := c.(type) {
	case []string:
		return v[lo:hi]
	case []*string:
		return v[lo:hi]
	case []int64:
		return v[lo:hi]
	case []int:
		return v[lo:hi]
	case []time.Time:
		return v[lo:hi]
	case []*time.Time:
		return v[lo:hi]
	default:
		panic(fmt.Sprintf("store: bulk column of type %T", c))
	}
}

// sliceAt returns c[i] as a driver argument (nil for a nil pointer).
func sliceAt(c any, i int) any {
	switch v := c.(type) {
	case []string:
		return v[i]
	case []*string:
		if v[i] == nil {
			return nil
		}
		return *v[i]
	case []int64:
		return v[i]
	case []int:
		return v[i]
	case []time.Time:
		return v[i]
	case []*time.Time:
		if v[i] == nil {
			return nil
		}
		return *v[i]
	default:
		panic(fmt.Sprintf("store: bulk column of type %T", c))
	}
}

package sqlite

import (
	"database/sql/driver"
	"strings"

	sqlite3 "modernc.org/sqlite"
)

// SQLite's own LOWER folds ASCII letters only; tanu_lower folds every
// letter (Ә, Қ, Ж, Ё, …), for searches over holder names
// (queries/sqlite/console.sql). Registered once, for every connection the
// driver opens.
func init() {
	sqlite3.MustRegisterDeterministicScalarFunction("tanu_lower", 1, func(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch v := args[0].(type) {
		case string:
			return strings.ToLower(v), nil
		case []byte:
			return strings.ToLower(string(v)), nil
		case nil:
			return nil, nil
		default:
			return v, nil
		}
	})
}

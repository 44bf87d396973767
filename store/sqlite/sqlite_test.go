package sqlite_test

import (
	"testing"

	"github.com/tanu-edu/tanu/internal/testdb"
	"github.com/tanu-edu/tanu/store/storetest"
)

func TestConformance(t *testing.T) { storetest.Run(t, testdb.SQLite) }

func TestLegacyTokens(t *testing.T) { storetest.LegacyTokens(t, testdb.SQLiteEmpty) }

package postgres_test

import (
	"testing"

	"github.com/tanu-edu/tanu/internal/testdb"
	"github.com/tanu-edu/tanu/store/storetest"
)

func TestTeachHubConformance(t *testing.T) { storetest.RunTeachHub(t, testdb.Postgres) }

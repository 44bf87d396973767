package migrations

import "testing"

func TestDialectsMatch(t *testing.T) {
	pg, err := List("postgres")
	if err != nil {
		t.Fatal(err)
	}
	sq, err := List("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	if len(pg) == 0 || len(pg) != len(sq) {
		t.Fatalf("postgres has %d migrations, sqlite %d", len(pg), len(sq))
	}
	for i := range pg {
		if pg[i].Version != sq[i].Version || pg[i].Name != sq[i].Name {
			t.Errorf("migration %d: postgres %d_%s, sqlite %d_%s", i, pg[i].Version, pg[i].Name, sq[i].Version, sq[i].Name)
		}
	}
}

func TestUnknownDialect(t *testing.T) {
	if _, err := List("oracle"); err == nil {
		t.Fatal("want error for unknown dialect")
	}
}

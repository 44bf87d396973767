package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

func limitTests() suite {
	return suite{"OpenBatchesPerActor": testOpenBatches}
}

// testOpenBatches: a user's queued and running batches are counted, not
// finished ones nor other users'.
func testOpenBatches(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	count := func(actor string) int {
		t.Helper()
		n, err := s.OpenBatches(ctx, actor)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count("token:reg"); n != 0 {
		t.Fatalf("empty store: %d", n)
	}
	newBatch(t, s, prog, "o1", "a")
	newBatch(t, s, prog, "o2", "b")
	if n := count("token:reg"); n != 2 {
		t.Fatalf("two queued: %d", n)
	}
	b, err := s.ClaimBatch(ctx, "w1", "o1", time.Minute)
	if err != nil || b.Status != credential.BatchRunning {
		t.Fatalf("claim: %v", err)
	}
	if n := count("token:reg"); n != 2 {
		t.Fatalf("one running, one queued: %d", n)
	}
	if err := s.FinishBatch(ctx, "o1", "w1", credential.BatchDone, ""); err != nil {
		t.Fatal(err)
	}
	if n, other := count("token:reg"), count("token:other"); n != 1 || other != 0 {
		t.Fatalf("after finishing one: %d, another user %d", n, other)
	}
}

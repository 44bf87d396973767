package store

import (
	"context"
	"fmt"
)

// OpenBatches counts the batches of actor that are queued or running, over
// every instance: what the per-user cap on open batches compares with.
func (s *Store) OpenBatches(ctx context.Context, actor string) (int, error) {
	var n int
	if err := s.db.QueryRow(ctx, s.q.get("batch_open_count"), actor).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: open batches: %w", err)
	}
	return n, nil
}

package store

import (
	"context"
)

// IssuedCount returns how many credentials were issued under the program
// regno (every version, revoked ones included).
func (s *Store) IssuedCount(ctx context.Context, regno string) (int64, error) {
	var n int64
	if err := s.db.QueryRow(ctx, s.q.get("catalog_issued_count"), regno).Scan(&n); err != nil {
		return 0, s.translate(err, "issued credentials of "+regno)
	}
	return n, nil
}

// IssuedCounts returns how many credentials were issued under each
// program, by registration number; programs without any are absent.
func (s *Store) IssuedCounts(ctx context.Context) (map[string]int64, error) {
	rows, err := s.db.Query(ctx, s.q.get("catalog_issued_counts"))
	if err != nil {
		return nil, s.translate(err, "issued credentials")
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var (
			regno string
			n     int64
		)
		if err := rows.Scan(&regno, &n); err != nil {
			return nil, s.translate(err, "issued credentials")
		}
		out[regno] = n
	}
	return out, s.translate(rows.Err(), "issued credentials")
}

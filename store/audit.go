package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// audit appends an entry inside q (the action's own transaction), so the
// trail records each action exactly once, or not at all if it rolls back.
func (s *Store) audit(ctx context.Context, q Querier, action, objType, objID, reason string, details any) error {
	d := []byte("{}")
	if details != nil {
		b, err := json.Marshal(details)
		if err != nil {
			return fmt.Errorf("audit details: %w", err)
		}
		d = b
	}
	_, err := q.Exec(ctx, s.q.get("audit_insert"), s.nowUTC(), credential.ActorFrom(ctx), action, objType, objID, reason, string(d))
	if err != nil {
		return fmt.Errorf("audit %s: %w", action, err)
	}
	return nil
}

// Audit appends an entry in its own transaction, for actions that are not
// store writes (e.g. a key rotated on disk).
func (s *Store) Audit(ctx context.Context, action, objType, objID, reason string, details any) error {
	return s.translate(s.audit(ctx, s.db, action, objType, objID, reason, details), "audit")
}

// AuditLog lists entries in order, oldest first.
func (s *Store) AuditLog(ctx context.Context, f credential.AuditFilter) ([]credential.AuditEntry, error) {
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 1000
	}
	if f.To.IsZero() {
		f.To = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	query, from := "audit_list", f.AfterID
	if f.Newest {
		query, from = "audit_list_newest", f.BeforeID
	}
	rows, err := s.db.Query(ctx, s.q.get(query), f.ObjectType, f.ObjectID, f.Action, f.From.UTC(), f.To.UTC(), from, f.Limit)
	if err != nil {
		return nil, s.translate(err, "audit log")
	}
	defer rows.Close()
	var out []credential.AuditEntry
	for rows.Next() {
		var e credential.AuditEntry
		var d []byte
		if err := rows.Scan(&e.ID, &e.At, &e.Actor, &e.Action, &e.ObjectType, &e.ObjectID, &e.Reason, &d); err != nil {
			return nil, s.translate(err, "audit log")
		}
		e.At = e.At.UTC()
		if len(d) > 0 && string(d) != "{}" {
			e.Details = json.RawMessage(d)
		}
		out = append(out, e)
	}
	return out, s.translate(rows.Err(), "audit log")
}

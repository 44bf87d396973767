package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/tanu-edu/tanu/credential"
)

// CreateCard stores a new participant card in status registered and
// returns it. A card for the same program, staff id and stream already
// enrolled is a conflict.
func (s *Store) CreateCard(ctx context.Context, c credential.Card) (*credential.Card, error) {
	u, err := uuid.NewRandomFromReader(s.rnd)
	if err != nil {
		return nil, fmt.Errorf("store: card id: %w", err)
	}
	now := s.nowUTC()
	c.ID, c.Status = u.String(), credential.CardRegistered
	c.CreatedAt, c.UpdatedAt, c.StatusChangedAt, c.StatusChangedBy = now, now, now, credential.ActorFrom(ctx)
	c.History = nil
	c.Derive()
	err = s.inTx(ctx, func(tx Tx) error {
		data, err := json.Marshal(&c)
		if err != nil {
			return fmt.Errorf("encode card: %w", err)
		}
		if _, err := tx.Exec(ctx, s.q.get("card_insert"), c.ID, c.Program, c.Kind, c.StaffID, c.Stream, c.Department,
			cardSearch(&c), c.Status, cardNullString(c.CredentialID), c.DecisionDate, c.CreatedAt, c.UpdatedAt,
			c.StatusChangedAt, cardNullTime(c.CompletedAt), cardNullTime(c.SubmittedAt), string(data)); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionCardEnrolled, "card", c.ID, "", map[string]any{
			"program": c.Program, "staff_id": c.StaffID, "stream": c.Stream, "status": c.Status})
	})
	if err != nil {
		if s.db.IsUniqueViolation(err) {
			return nil, credential.Wrap(credential.CodeConflict, err, fmt.Sprintf("staff %s is already enrolled in %s%s", c.StaffID, c.Program, cardStreamNote(c.Stream)))
		}
		return nil, s.translate(err, "card")
	}
	return &c, nil
}

func cardStreamNote(stream string) string {
	if stream == "" {
		return ""
	}
	return " (stream " + stream + ")"
}

// Card returns a card by id.
func (s *Store) Card(ctx context.Context, id string) (*credential.Card, error) {
	c, err := scanCard(s.db.QueryRow(ctx, s.q.get("card_by_id"), id))
	if err != nil {
		return nil, s.translate(err, "card "+id)
	}
	return c, nil
}

// CardByCredential returns the card whose completion record is the
// credential credID.
func (s *Store) CardByCredential(ctx context.Context, credID string) (*credential.Card, error) {
	c, err := scanCard(s.db.QueryRow(ctx, s.q.get("card_by_credential"), credID))
	if err != nil {
		return nil, s.translate(err, "card of credential "+credID)
	}
	return c, nil
}

// CardByEnrolment returns the card of a staff member in a program and
// stream.
func (s *Store) CardByEnrolment(ctx context.Context, program, staffID, stream string) (*credential.Card, error) {
	c, err := scanCard(s.db.QueryRow(ctx, s.q.get("card_by_enrolment"), program, staffID, stream))
	if err != nil {
		return nil, s.translate(err, "card of "+staffID+" in "+program)
	}
	return c, nil
}

// Cards lists cards in enrolment order.
func (s *Store) Cards(ctx context.Context, f credential.CardFilter) ([]*credential.Card, error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 100
	}
	if f.Offset < 0 {
		f.Offset = 0
	}
	return s.cards(ctx, "cards", s.q.get("card_list"), f.Program, f.Status, f.Department, f.StaffID,
		strings.ToLower(strings.TrimSpace(f.Query)), f.Limit, f.Offset)
}

// ReportCards returns the cards completed or submitted in [from, to) or
// recognized by a decision dated fromDay..toDay (YYYY-MM-DD, inclusive),
// optionally of one department, ordered by department and participant.
func (s *Store) ReportCards(ctx context.Context, from, to time.Time, fromDay, toDay, department string) ([]*credential.Card, error) {
	return s.cards(ctx, "report", s.q.get("card_report"), from.UTC(), to.UTC(), fromDay, toDay, department)
}

func (s *Store) cards(ctx context.Context, what, sql string, args ...any) ([]*credential.Card, error) {
	rows, err := s.db.Query(ctx, sql, args...)
	if err != nil {
		return nil, s.translate(err, what)
	}
	defer rows.Close()
	out := []*credential.Card{}
	for rows.Next() {
		c, err := scanCard(rows)
		if err != nil {
			return nil, s.translate(err, what)
		}
		out = append(out, c)
	}
	return out, s.translate(rows.Err(), what)
}

// UpdateCard changes a card in one transaction: fn edits a copy of the
// stored card and says what it did. The store stamps updated_at and, when
// the status changed, status_changed_at/by and the completed_at,
// submitted_at or recognized_at of the new status; it writes the card and
// its audit entry together.
func (s *Store) UpdateCard(ctx context.Context, id string, fn func(c *credential.Card) (credential.CardChange, error)) (*credential.Card, error) {
	var out *credential.Card
	err := s.inTx(ctx, func(tx Tx) error {
		cur, err := scanCard(tx.QueryRow(ctx, s.q.get("card_for_update"), id))
		if err != nil {
			return err
		}
		next := *cur
		ch, err := fn(&next)
		if err != nil {
			return err
		}
		if ch.Action == "" {
			out = cur
			return nil
		}
		next.ID, next.Program, next.Kind, next.StaffID, next.CreatedAt = cur.ID, cur.Program, cur.Kind, cur.StaffID, cur.CreatedAt
		now := s.nowUTC()
		next.UpdatedAt = now
		if next.Status != cur.Status {
			next.StatusChangedAt, next.StatusChangedBy = now, credential.ActorFrom(ctx)
			switch next.Status {
			case credential.CardCompleted:
				next.CompletedAt = &now
			case credential.CardSubmitted:
				next.SubmittedAt = &now
			case credential.CardRecognized:
				next.RecognizedAt = &now
			}
		}
		next.History = nil
		next.Derive()
		data, err := json.Marshal(&next)
		if err != nil {
			return fmt.Errorf("encode card: %w", err)
		}
		if _, err := tx.Exec(ctx, s.q.get("card_update"), next.ID, next.Stream, next.Department, cardSearch(&next), next.Status,
			cardNullString(next.CredentialID), next.DecisionDate, next.UpdatedAt, next.StatusChangedAt,
			cardNullTime(next.CompletedAt), cardNullTime(next.SubmittedAt), string(data)); err != nil {
			if s.db.IsUniqueViolation(err) {
				return credential.Wrap(credential.CodeConflict, err, fmt.Sprintf("staff %s already has a card in %s%s", next.StaffID, next.Program, cardStreamNote(next.Stream)))
			}
			return err
		}
		out = &next
		return s.audit(ctx, tx, ch.Action, "card", id, ch.Reason, ch.Details)
	})
	if err != nil {
		return nil, s.translate(err, "card "+id)
	}
	return out, nil
}

// CardHistory returns a card's status changes, oldest first, from the
// audit trail.
func (s *Store) CardHistory(ctx context.Context, id string) ([]credential.CardEvent, error) {
	entries, err := s.AuditLog(ctx, credential.AuditFilter{ObjectType: "card", ObjectID: id, Action: credential.ActionCardTransitioned})
	if err != nil {
		return nil, err
	}
	out := make([]credential.CardEvent, 0, len(entries))
	for _, e := range entries {
		var d struct{ From, To string }
		if len(e.Details) > 0 {
			if err := json.Unmarshal(e.Details, &d); err != nil {
				return nil, fmt.Errorf("store: card %s history: %w", id, err)
			}
		}
		out = append(out, credential.CardEvent{From: d.From, To: d.To, At: e.At, Actor: e.Actor, Reason: e.Reason})
	}
	return out, nil
}

func scanCard(r Row) (*credential.Card, error) {
	var data []byte
	if err := r.Scan(&data); err != nil {
		return nil, err
	}
	var c credential.Card
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("decode card: %w", err)
	}
	c.Derive()
	return &c, nil
}

// cardSearch is the lower-cased holder name the q filter matches (SQLite's
// LOWER folds ASCII only, so it is folded here).
func cardSearch(c *credential.Card) string { return strings.ToLower(c.Holder) }

func cardNullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func cardNullTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC()
}

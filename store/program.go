package store

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// CreateProgram registers a program under a new, never reused registration
// number (PREFIX-YEAR-NNNN) and returns it as stored.
func (s *Store) CreateProgram(ctx context.Context, p credential.Program) (*credential.Program, error) {
	now := s.nowUTC()
	if p.Status == "" {
		p.Status = credential.ProgramActive
	}
	p.Version = 1
	p.CreatedAt, p.UpdatedAt = now, now
	err := s.inTx(ctx, func(tx Tx) error {
		prefix := fmt.Sprintf("%s-%d", credential.RegNoPrefix(p.Kind), now.Year())
		n, err := s.addCounter(ctx, tx, "program:"+prefix, 1)
		if err != nil {
			return err
		}
		p.RegistrationNumber = fmt.Sprintf("%s-%04d", prefix, n)
		if err := s.insertProgram(ctx, tx, &p); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionProgramCreated, "program", p.RegistrationNumber, "", map[string]any{"version": 1, "kind": p.Kind, "status": p.Status})
	})
	if err != nil {
		return nil, s.translate(err, "program")
	}
	return &p, nil
}

func (s *Store) insertProgram(ctx context.Context, q Querier, p *credential.Program) error {
	data, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode program: %w", err)
	}
	_, err = q.Exec(ctx, s.q.get("program_insert"), p.RegistrationNumber, p.Version, p.Kind, p.Status, string(data), p.CreatedAt, p.UpdatedAt)
	return err
}

// Program returns a program by registration number: the given version, or
// the latest when version is 0.
func (s *Store) Program(ctx context.Context, regno string, version int) (*credential.Program, error) {
	var row Row
	if version > 0 {
		row = s.db.QueryRow(ctx, s.q.get("program_version"), regno, version)
	} else {
		row = s.db.QueryRow(ctx, s.q.get("program_latest"), regno)
	}
	p, err := scanProgram(row)
	if err != nil {
		return nil, s.translate(err, "program "+regno)
	}
	return p, nil
}

// Programs lists the latest version of each program, optionally filtered by
// kind and status.
func (s *Store) Programs(ctx context.Context, kind, status string) ([]*credential.Program, error) {
	rows, err := s.db.Query(ctx, s.q.get("program_list"), kind, status)
	if err != nil {
		return nil, s.translate(err, "programs")
	}
	defer rows.Close()
	var out []*credential.Program
	for rows.Next() {
		p, err := scanProgram(rows)
		if err != nil {
			return nil, s.translate(err, "programs")
		}
		out = append(out, p)
	}
	return out, s.translate(rows.Err(), "programs")
}

// UpdateProgram changes a program. fn edits a copy of the latest version.
// A change to an active program's content creates a new version (the old one
// is kept, marked superseded, for the credentials issued under it); a status
// change alone, or any change to a draft, edits in place. Archived programs
// cannot change.
func (s *Store) UpdateProgram(ctx context.Context, regno string, fn func(p *credential.Program) error) (*credential.Program, error) {
	var out *credential.Program
	err := s.inTx(ctx, func(tx Tx) error {
		cur, err := scanProgram(tx.QueryRow(ctx, s.q.get("program_latest_for_update"), regno))
		if err != nil {
			return err
		}
		if cur.Status == credential.ProgramArchived {
			return credential.Errorf(credential.CodeConflict, "program %s is archived and cannot change", regno)
		}
		next := *cur
		if err := fn(&next); err != nil {
			return err
		}
		next.RegistrationNumber, next.CreatedAt = cur.RegistrationNumber, cur.CreatedAt
		if err := next.Validate(); err != nil {
			return err
		}
		if err := programTransition(cur.Status, next.Status); err != nil {
			return err
		}
		now := s.nowUTC()
		next.UpdatedAt = now
		contentChanged := !sameContent(cur, &next)
		if cur.Status == credential.ProgramActive && contentChanged {
			if _, err := tx.Exec(ctx, s.q.get("program_supersede"), regno, cur.Version, now); err != nil {
				return err
			}
			next.Version = cur.Version + 1
			next.CreatedAt = now
			if err := s.insertProgram(ctx, tx, &next); err != nil {
				return err
			}
			out = &next
			return s.audit(ctx, tx, credential.ActionProgramUpdated, "program", regno, "", map[string]any{"version": next.Version, "new_version": true, "status": next.Status})
		}
		data, err := json.Marshal(&next)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, s.q.get("program_update"), regno, cur.Version, next.Status, string(data), now); err != nil {
			return err
		}
		out = &next
		return s.audit(ctx, tx, credential.ActionProgramUpdated, "program", regno, "", map[string]any{"version": next.Version, "status": next.Status, "previous_status": cur.Status})
	})
	if err != nil {
		return nil, s.translate(err, "program "+regno)
	}
	return out, nil
}

func programTransition(from, to string) error {
	ok := from == to ||
		(from == credential.ProgramDraft && (to == credential.ProgramActive || to == credential.ProgramArchived)) ||
		(from == credential.ProgramActive && to == credential.ProgramArchived)
	if !ok {
		return credential.Errorf(credential.CodeConflict, "a program cannot go from %s to %s", from, to)
	}
	return nil
}

// sameContent reports whether two versions differ only in bookkeeping.
func sameContent(a, b *credential.Program) bool {
	x, y := *a, *b
	for _, p := range []*credential.Program{&x, &y} {
		p.Status, p.Version, p.CreatedAt, p.UpdatedAt = "", 0, time.Time{}, time.Time{}
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return reflect.DeepEqual(xa, ya)
}

func scanProgram(r Row) (*credential.Program, error) {
	var (
		p                credential.Program
		regno, status    string
		version          int
		data             []byte
		created, updated time.Time
	)
	if err := r.Scan(&regno, &version, &status, &data, &created, &updated); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("decode program %s: %w", regno, err)
	}
	p.RegistrationNumber, p.Version, p.Status = regno, version, status
	p.CreatedAt, p.UpdatedAt = created.UTC(), updated.UTC()
	return &p, nil
}

package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// CredentialCounts returns how many credentials were issued since since,
// and how many in all: two counts, nothing loaded.
func (s *Store) CredentialCounts(ctx context.Context, since time.Time) (recent, total int, err error) {
	if err := s.db.QueryRow(ctx, s.q.get("console_credentials_since"), since.UTC()).Scan(&recent); err != nil {
		return 0, 0, s.translate(err, "credential counts")
	}
	if err := s.db.QueryRow(ctx, s.q.get("console_credentials_total")).Scan(&total); err != nil {
		return 0, 0, s.translate(err, "credential counts")
	}
	return recent, total, nil
}

// SearchCredentials returns one page of the credentials f selects, newest
// first, and how many it selects in all.
func (s *Store) SearchCredentials(ctx context.Context, f credential.CredentialSearch) ([]*credential.Record, int, error) {
	if f.Limit <= 0 || f.Limit > credential.MaxSearchPage {
		f.Limit = credential.MaxSearchPage
	}
	if f.Offset < 0 {
		f.Offset = 0
	}
	to := f.IssuedTo
	if to.IsZero() {
		to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	args := []any{f.Holder, f.StudentID, f.Number, f.Book, f.Program, f.Status, f.IssuedFrom.UTC(), to.UTC()}
	var total int
	if err := s.db.QueryRow(ctx, s.q.get("console_credential_count"), args...).Scan(&total); err != nil {
		return nil, 0, s.translate(err, "credentials")
	}
	if total == 0 || f.Offset >= total {
		return nil, total, nil
	}
	rows, err := s.db.Query(ctx, s.q.get("console_credential_search"), append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, s.translate(err, "credentials")
	}
	defer rows.Close()
	var out []*credential.Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, 0, s.translate(err, "credentials")
		}
		out = append(out, r)
	}
	return out, total, s.translate(rows.Err(), "credentials")
}

// RecentAudit returns the latest limit (1–100) entries of the audit
// trail, newest first.
func (s *Store) RecentAudit(ctx context.Context, limit int) ([]credential.AuditEntry, error) {
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	rows, err := s.db.Query(ctx, s.q.get("console_audit_recent"), limit)
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

// ProgramVersions returns every version of a program, newest first
// (not found when there is none).
func (s *Store) ProgramVersions(ctx context.Context, regno string) ([]*credential.Program, error) {
	rows, err := s.db.Query(ctx, s.q.get("console_program_versions"), regno)
	if err != nil {
		return nil, s.translate(err, "program "+regno)
	}
	defer rows.Close()
	var out []*credential.Program
	for rows.Next() {
		p, err := scanProgram(rows)
		if err != nil {
			return nil, s.translate(err, "program "+regno)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, s.translate(err, "program "+regno)
	}
	if len(out) == 0 {
		return nil, credential.Errorf(credential.CodeNotFound, "no program %s", regno)
	}
	return out, nil
}

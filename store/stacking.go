package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/tanu-edu/tanu/credential"
)

// CreatePathway registers a pathway and its nano-diploma program (kind
// credential.KindNanoDiploma, a new ND-YEAR-NNNN registration number, which
// becomes the pathway's id) in one transaction.
func (s *Store) CreatePathway(ctx context.Context, pw credential.Pathway) (*credential.Pathway, error) {
	now := s.nowUTC()
	p := pw.Program()
	p.Version, p.CreatedAt, p.UpdatedAt = 1, now, now
	if pw.Status == "" {
		pw.Status = credential.PathwayActive
	}
	pw.CreatedAt, pw.UpdatedAt = now, now
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
		if err := s.audit(ctx, tx, credential.ActionProgramCreated, "program", p.RegistrationNumber, "", map[string]any{"version": 1, "kind": p.Kind, "status": p.Status}); err != nil {
			return err
		}
		pw.ID = p.RegistrationNumber
		data, err := json.Marshal(&pw)
		if err != nil {
			return fmt.Errorf("encode pathway: %w", err)
		}
		if _, err := tx.Exec(ctx, s.q.get("pathway_insert"), pw.ID, pw.Status, string(data), now, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionPathwayCreated, "pathway", pw.ID, "", map[string]any{
			"required": pw.Required, "electives": pw.Electives, "min_electives": pw.MinElectives, "min_credits": pw.MinCredits})
	})
	if err != nil {
		return nil, s.translate(err, "pathway")
	}
	return &pw, nil
}

// Pathway returns a pathway by id.
func (s *Store) Pathway(ctx context.Context, id string) (*credential.Pathway, error) {
	p, err := scanPathway(s.db.QueryRow(ctx, s.q.get("pathway_by_id"), id))
	if err != nil {
		return nil, s.translate(err, "pathway "+id)
	}
	return p, nil
}

// Pathways lists pathways in creation order, optionally of one status.
func (s *Store) Pathways(ctx context.Context, status string) ([]*credential.Pathway, error) {
	rows, err := s.db.Query(ctx, s.q.get("pathway_list"), status)
	if err != nil {
		return nil, s.translate(err, "pathways")
	}
	defer rows.Close()
	out := []*credential.Pathway{}
	for rows.Next() {
		p, err := scanPathway(rows)
		if err != nil {
			return nil, s.translate(err, "pathways")
		}
		out = append(out, p)
	}
	return out, s.translate(rows.Err(), "pathways")
}

func scanPathway(r Row) (*credential.Pathway, error) {
	var (
		p                credential.Pathway
		id, status       string
		data             []byte
		created, updated time.Time
	)
	if err := r.Scan(&id, &status, &data, &created, &updated); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("decode pathway %s: %w", id, err)
	}
	p.ID, p.Status, p.CreatedAt, p.UpdatedAt = id, status, created.UTC(), updated.UTC()
	return &p, nil
}

// ValidCredentials returns up to limit valid credentials of a program
// (status valid; expiry is the caller's to check), of one holder when
// studentID is set, ordered by holder.
func (s *Store) ValidCredentials(ctx context.Context, program, studentID string, limit int) ([]*credential.Record, error) {
	q := "credential_valid_by_program"
	if studentID != "" {
		q = "credential_valid_by_program_student"
	}
	return s.records2(ctx, "credentials of "+program, s.q.get(q), program, studentID, limit)
}

// ValidHolders returns who holds up to limit valid credentials of a
// program, without the signed credentials (expiry is the caller's to
// check), ordered by holder.
func (s *Store) ValidHolders(ctx context.Context, program string, limit int) ([]credential.Holding, error) {
	rows, err := s.db.Query(ctx, s.q.get("credential_valid_brief_by_program"), program, limit)
	if err != nil {
		return nil, s.translate(err, "holders of "+program)
	}
	defer rows.Close()
	var out []credential.Holding
	for rows.Next() {
		h := credential.Holding{Program: program}
		if err := rows.Scan(&h.CredentialID, &h.StudentID, &h.HolderName, &h.ValidUntil); err != nil {
			return nil, s.translate(err, "holders of "+program)
		}
		if h.ValidUntil != nil {
			t := h.ValidUntil.UTC()
			h.ValidUntil = &t
		}
		out = append(out, h)
	}
	return out, s.translate(rows.Err(), "holders of "+program)
}

// ValidCredentialsOf returns up to limit valid credentials of a holder,
// oldest first.
func (s *Store) ValidCredentialsOf(ctx context.Context, studentID string, limit int) ([]*credential.Record, error) {
	return s.records2(ctx, "credentials of holder", s.q.get("credential_valid_by_student"), studentID, limit)
}

func (s *Store) records2(ctx context.Context, what, sql string, args ...any) ([]*credential.Record, error) {
	rows, err := s.db.Query(ctx, sql, args...)
	if err != nil {
		return nil, s.translate(err, what)
	}
	defer rows.Close()
	var out []*credential.Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, s.translate(err, what)
		}
		out = append(out, r)
	}
	return out, s.translate(rows.Err(), what)
}

// AddNanoComponents records the components a nano-diploma lists; adding
// them again is a no-op.
func (s *Store) AddNanoComponents(ctx context.Context, nanoID, pathwayID string, components []string) error {
	err := s.inTx(ctx, func(tx Tx) error {
		for _, c := range components {
			if _, err := tx.Exec(ctx, s.q.get("nano_component_insert"), nanoID, c, pathwayID); err != nil {
				return err
			}
		}
		return nil
	})
	return s.translate(err, "nano-diploma components")
}

// NanoComponents returns the ids of a nano-diploma's components.
func (s *Store) NanoComponents(ctx context.Context, nanoID string) ([]string, error) {
	rows, err := s.db.Query(ctx, s.q.get("nano_components_of"), nanoID)
	if err != nil {
		return nil, s.translate(err, "nano-diploma components")
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, s.translate(err, "nano-diploma components")
		}
		out = append(out, id)
	}
	return out, s.translate(rows.Err(), "nano-diploma components")
}

// NanoReview returns the components no longer valid of one nano-diploma
// (nanoID) or of every nano-diploma of a pathway (pathwayID).
func (s *Store) NanoReview(ctx context.Context, nanoID, pathwayID string) ([]credential.ReviewFlag, error) {
	rows, err := s.db.Query(ctx, s.q.get("nano_review"), nanoID, pathwayID)
	if err != nil {
		return nil, s.translate(err, "nano-diploma review")
	}
	defer rows.Close()
	out := []credential.ReviewFlag{}
	for rows.Next() {
		var f credential.ReviewFlag
		if err := rows.Scan(&f.NanoID, &f.ComponentID, &f.Program, &f.CertificateNumber, &f.Status, &f.Reason, &f.Since); err != nil {
			return nil, s.translate(err, "nano-diploma review")
		}
		if f.Since != nil {
			t := f.Since.UTC()
			f.Since = &t
		}
		out = append(out, f)
	}
	return out, s.translate(rows.Err(), "nano-diploma review")
}

// CreateTransfer records a credit transfer of a credential with a new id
// and returns it.
func (s *Store) CreateTransfer(ctx context.Context, t credential.Transfer) (*credential.Transfer, error) {
	u, err := uuid.NewRandomFromReader(s.rnd)
	if err != nil {
		return nil, fmt.Errorf("store: transfer id: %w", err)
	}
	t.ID, t.RecordedAt, t.RecordedBy = u.String(), s.nowUTC(), credential.ActorFrom(ctx)
	err = s.inTx(ctx, func(tx Tx) error {
		data, err := json.Marshal(&t)
		if err != nil {
			return fmt.Errorf("encode transfer: %w", err)
		}
		if _, err := tx.Exec(ctx, s.q.get("transfer_insert"), t.ID, t.CredentialID, t.StudentID, t.DecisionDate, string(data), t.RecordedAt); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionTransferRecorded, "credential", t.CredentialID, "", map[string]any{
			"transfer": t.ID, "program_code": t.ProgramCode, "form": t.Form, "decision_number": t.DecisionNumber})
	})
	if err != nil {
		return nil, s.translate(err, "credit transfer")
	}
	return &t, nil
}

// Transfers lists credit transfers by decision date, at most
// f.Limit (default and cap credential.MaxTransfersListed).
func (s *Store) Transfers(ctx context.Context, f credential.TransferFilter) ([]credential.TransferRow, error) {
	if f.Limit <= 0 || f.Limit > credential.MaxTransfersListed {
		f.Limit = credential.MaxTransfersListed
	}
	rows, err := s.db.Query(ctx, s.q.get("transfer_list"), f.CredentialID, f.StudentID, f.From, f.To, f.Limit)
	if err != nil {
		return nil, s.translate(err, "credit transfers")
	}
	defer rows.Close()
	out := []credential.TransferRow{}
	for rows.Next() {
		var (
			r       credential.TransferRow
			id      string
			data    []byte
			created time.Time
		)
		if err := rows.Scan(&id, &data, &created, &r.Holder, &r.Microqualification, &r.CertificateNumber); err != nil {
			return nil, s.translate(err, "credit transfers")
		}
		if err := json.Unmarshal(data, &r.Transfer); err != nil {
			return nil, fmt.Errorf("store: decode transfer %s: %w", id, err)
		}
		r.ID, r.RecordedAt = id, created.UTC()
		out = append(out, r)
	}
	return out, s.translate(rows.Err(), "credit transfers")
}

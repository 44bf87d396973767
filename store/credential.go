package store

import (
	"context"
	"fmt"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/statuslist"
)

// StatusListSize is the number of entries of each status list: the minimum
// the Bitstring Status List specification allows, 2^17.
const StatusListSize = 131072

// IssueAwards stores new credentials, at most one per award key, in one
// transaction. Keys already in the registry (or repeated in keys) are
// reported as existing and not built again. For the others it allocates
// gap-free certificate and book numbers and a random status-list slot, calls
// build, and inserts the result: a credential exists only with its
// signature, numbers and registry row, committed together.
func (s *Store) IssueAwards(ctx context.Context, keys []string, build credential.BuildFunc) ([]credential.Outcome, error) {
	out := make([]credential.Outcome, len(keys))
	err := s.inTx(ctx, func(tx Tx) error {
		// Lock the certificate counter first: concurrent issuers serialize
		// here, so the award look-up below sees every committed award.
		if _, err := s.addCounter(ctx, tx, "certificate", 0); err != nil {
			return err
		}
		seen := map[string]int{}
		var fresh []int
		for i, k := range keys {
			if j, dup := seen[k]; dup {
				out[i] = credential.Outcome{Existed: true, Record: &credential.Record{ID: "", AwardKey: keys[j]}}
				continue
			}
			seen[k] = i
			rec, err := scanRecord(tx.QueryRow(ctx, s.q.get("credential_by_award"), k))
			switch {
			case err == nil:
				out[i] = credential.Outcome{Record: rec, Existed: true}
			case s.db.IsNoRows(err):
				fresh = append(fresh, i)
			default:
				return fmt.Errorf("find award: %w", err)
			}
		}
		if len(fresh) == 0 {
			return nil
		}
		now := s.nowUTC().Truncate(time.Second)
		last, err := s.addCounter(ctx, tx, "certificate", len(fresh))
		if err != nil {
			return err
		}
		year := now.Year()
		lastBook, err := s.addCounter(ctx, tx, fmt.Sprintf("book:%d", year), len(fresh))
		if err != nil {
			return err
		}
		slots, err := s.allocStatus(ctx, tx, len(fresh))
		if err != nil {
			return err
		}
		first, firstBook := last-int64(len(fresh))+1, lastBook-int64(len(fresh))+1
		for j, i := range fresh {
			n := credential.Numbers{
				Certificate: first + int64(j),
				Book:        fmt.Sprintf("%d/%06d", year, firstBook+int64(j)),
				StatusList:  slots[j][0],
				StatusIndex: slots[j][1],
			}
			rec, err := build(i, n, now)
			if err != nil {
				return err
			}
			rec.AwardKey = keys[i]
			rec.CertificateNumber, rec.BookNumber = n.Certificate, n.Book
			rec.StatusList, rec.StatusIndex = n.StatusList, n.StatusIndex
			rec.IssuedAt = now
			if rec.Status == "" {
				rec.Status = credential.StatusValid
			}
			if err := s.insertCredential(ctx, tx, rec); err != nil {
				return err
			}
			if err := s.audit(ctx, tx, ActionCredentialIssued, "credential", rec.ID, "", map[string]any{
				"program": rec.ProgramRegNo, "version": rec.ProgramVersion, "certificate_number": rec.CertificateNumber, "batch": rec.BatchID}); err != nil {
				return err
			}
			out[i] = credential.Outcome{Record: rec}
		}
		return nil
	})
	if err != nil {
		return nil, s.translate(err, "credential")
	}
	// Point repeated keys at the record stored for their first occurrence.
	byKey := map[string]*credential.Record{}
	for _, o := range out {
		if o.Record != nil && o.Record.ID != "" {
			byKey[o.Record.AwardKey] = o.Record
		}
	}
	for i := range out {
		if out[i].Record != nil && out[i].Record.ID == "" {
			out[i].Record = byKey[out[i].Record.AwardKey]
		}
	}
	return out, nil
}

func (s *Store) insertCredential(ctx context.Context, q Querier, r *credential.Record) error {
	var batch any
	if r.BatchID != "" {
		batch = r.BatchID
	}
	var until any
	if r.ValidUntil != nil {
		until = r.ValidUntil.UTC()
	}
	_, err := q.Exec(ctx, s.q.get("credential_insert"), r.ID, r.ProgramRegNo, r.ProgramVersion, r.AwardKey, r.StudentID,
		r.CertificateNumber, r.BookNumber, r.HolderName, r.Language, r.KID, r.IssuedAt.UTC(), r.ValidFrom.UTC(),
		until, r.Status, r.StatusList, r.StatusIndex, batch, r.JWS)
	if err != nil {
		return fmt.Errorf("insert credential: %w", err)
	}
	return nil
}

// allocStatus returns n (list, index) slots, opening a new list with a fresh
// permutation key when the current one is full.
func (s *Store) allocStatus(ctx context.Context, tx Tx, n int) ([][2]int, error) {
	out := make([][2]int, 0, n)
	for n > 0 {
		var (
			id, size, allocated int
			key                 []byte
		)
		err := tx.QueryRow(ctx, s.q.get("status_list_current")).Scan(&id, &key, &size, &allocated)
		if err != nil && !s.db.IsNoRows(err) {
			return nil, fmt.Errorf("status list: %w", err)
		}
		if err != nil || allocated >= size {
			key = make([]byte, 32)
			if _, err := s.rnd.Read(key); err != nil {
				return nil, fmt.Errorf("status list key: %w", err)
			}
			if _, err := tx.Exec(ctx, s.q.get("status_list_insert"), id+1, key, StatusListSize); err != nil {
				return nil, fmt.Errorf("new status list: %w", err)
			}
			continue
		}
		perm, err := statuslist.NewPermutation(key, size)
		if err != nil {
			return nil, fmt.Errorf("status list %d: %w", id, err)
		}
		take := min(n, size-allocated)
		for k := allocated; k < allocated+take; k++ {
			idx, err := perm.Index(k)
			if err != nil {
				return nil, fmt.Errorf("status list %d: %w", id, err)
			}
			out = append(out, [2]int{id, idx})
		}
		if _, err := tx.Exec(ctx, s.q.get("status_list_advance"), id, take); err != nil {
			return nil, fmt.Errorf("status list %d: %w", id, err)
		}
		n -= take
	}
	return out, nil
}

// Credential returns a credential by id.
func (s *Store) Credential(ctx context.Context, id string) (*credential.Record, error) {
	r, err := scanRecord(s.db.QueryRow(ctx, s.q.get("credential_by_id"), id))
	if err != nil {
		return nil, s.translate(err, "credential "+id)
	}
	return r, nil
}

// Credentials searches credentials, newest first.
func (s *Store) Credentials(ctx context.Context, f credential.CredentialFilter) ([]*credential.Record, error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 100
	}
	rows, err := s.db.Query(ctx, s.q.get("credential_list"), f.Program, f.StudentID, f.BatchID, f.Status, f.Query, f.Limit, f.Offset)
	if err != nil {
		return nil, s.translate(err, "credentials")
	}
	defer rows.Close()
	var out []*credential.Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, s.translate(err, "credentials")
		}
		out = append(out, r)
	}
	return out, s.translate(rows.Err(), "credentials")
}

func scanRecord(row Row) (*credential.Record, error) {
	var (
		r     credential.Record
		batch *string
	)
	err := row.Scan(&r.ID, &r.ProgramRegNo, &r.ProgramVersion, &r.AwardKey, &r.StudentID, &r.CertificateNumber,
		&r.BookNumber, &r.HolderName, &r.Language, &r.KID, &r.IssuedAt, &r.ValidFrom, &r.ValidUntil, &r.Status,
		&r.StatusReason, &r.StatusChangedAt, &r.StatusList, &r.StatusIndex, &batch, &r.JWS)
	if err != nil {
		return nil, err
	}
	if batch != nil {
		r.BatchID = *batch
	}
	r.IssuedAt, r.ValidFrom = r.IssuedAt.UTC(), r.ValidFrom.UTC()
	if r.ValidUntil != nil {
		t := r.ValidUntil.UTC()
		r.ValidUntil = &t
	}
	if r.StatusChangedAt != nil {
		t := r.StatusChangedAt.UTC()
		r.StatusChangedAt = &t
	}
	return &r, nil
}

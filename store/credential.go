package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/statuslist"
)

// IssueAwards stores new credentials, at most one per award key, in one
// transaction. Keys already in the registry (or repeated in keys) are
// reported as existing and not built again. For the others it allocates
// gap-free certificate and book numbers and a random status-list slot, calls
// build, and inserts the result: a credential exists only with its
// signature, numbers and registry row, committed together.
//
// build is called from several goroutines at once (one per CPU, for
// different i) when there are many new credentials: signing dominates the
// cost of issuing, so it runs in parallel. It must be safe for that.
func (s *Store) IssueAwards(ctx context.Context, keys []string, build credential.BuildFunc) ([]credential.Outcome, error) {
	var out []credential.Outcome
	err := s.inTx(ctx, func(tx Tx) error {
		var err error
		out, err = s.issueAwards(ctx, tx, keys, build, nil)
		return err
	})
	if err != nil {
		return nil, s.translate(err, "credential")
	}
	return out, nil
}

// issueAwards is IssueAwards inside tx.
//
// With re, an existing credential whose award re.changed reports changed is
// corrected: the new credential is stored and the old one revoked and
// linked to it (replaceOld), in tx.
func (s *Store) issueAwards(ctx context.Context, tx Tx, keys []string, build credential.BuildFunc, re *reissue) ([]credential.Outcome, error) {
	out := make([]credential.Outcome, len(keys))
	// Lock the certificate counter first: concurrent issuers serialize
	// here, so the award look-up below sees every committed award.
	if _, err := s.addCounter(ctx, tx, "certificate", 0); err != nil {
		return nil, err
	}
	existing := make(map[string]*credential.Record)
	if err := s.lookupAwards(ctx, tx, keys, func(r *credential.Record) { existing[r.AwardKey] = r }); err != nil {
		return nil, fmt.Errorf("find award: %w", err)
	}
	seen := make(map[string]int, len(keys))
	var fresh []int
	replaced := map[int]*oldCredential{}
	for i, k := range keys {
		if j, dup := seen[k]; dup {
			out[i] = credential.Outcome{Existed: true, Record: &credential.Record{ID: "", AwardKey: keys[j]}}
			continue
		}
		seen[k] = i
		if rec, ok := existing[k]; ok {
			if re != nil {
				old, err := s.changedAward(ctx, tx, re, i, rec)
				if err != nil {
					return nil, err
				}
				if old != nil {
					replaced[i] = old
					out[i].Replaced = rec
					fresh = append(fresh, i)
					continue
				}
			}
			out[i] = credential.Outcome{Record: rec, Existed: true}
			continue
		}
		fresh = append(fresh, i)
	}
	if len(fresh) > 0 {
		if err := s.storeFresh(ctx, tx, keys, fresh, build, out); err != nil {
			return nil, err
		}
	}
	for i, old := range replaced {
		if err := s.replaceOld(ctx, tx, old, out[i].Record, re.reason); err != nil {
			return nil, err
		}
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

// lookupAwards calls fn for every stored credential whose award key is in
// keys, querying in chunks in the driver's BulkForm (one key at a time
// without one).
func (s *Store) lookupAwards(ctx context.Context, q Querier, keys []string, fn func(*credential.Record)) error {
	many, ok := s.q[s.form.statement("credential_by_award")]
	if !ok {
		for _, k := range keys {
			rec, err := scanRecord(q.QueryRow(ctx, s.q.get("credential_by_award"), k))
			switch {
			case err == nil:
				fn(rec)
			case s.db.IsNoRows(err):
			default:
				return err
			}
		}
		return nil
	}
	const chunk = 5000
	for lo := 0; lo < len(keys); lo += chunk {
		var arg any = keys[lo:min(lo+chunk, len(keys))]
		if s.form == BulkJSON {
			b, err := json.Marshal(arg)
			if err != nil {
				return err
			}
			arg = string(b)
		}
		rows, err := q.Query(ctx, many, arg)
		if err != nil {
			return err
		}
		for rows.Next() {
			rec, err := scanRecord(rows)
			if err != nil {
				rows.Close()
				return err
			}
			fn(rec)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// storeFresh allocates numbers for the new awards keys[fresh[j]], builds
// (signs) their credentials in parallel and inserts them with their audit
// entries.
func (s *Store) storeFresh(ctx context.Context, tx Tx, keys []string, fresh []int, build credential.BuildFunc, out []credential.Outcome) error {
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
	recs := make([]*credential.Record, len(fresh))
	// Sign on every CPU while this goroutine inserts what is signed
	// already, chunk by chunk, in order.
	err = pipeline(ctx, len(fresh), func(j int) error {
		i := fresh[j]
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
		recs[j] = rec
		return nil
	}, func(lo, hi int) error {
		return s.insertCredentials(ctx, tx, recs[lo:hi])
	})
	if err != nil {
		return err
	}
	for j, i := range fresh {
		out[i].Record = recs[j]
	}
	return nil
}

// insertCredentials inserts new credentials, their audit entries and the
// messages to their holders, in bulk where the dialect can.
func (s *Store) insertCredentials(ctx context.Context, tx Tx, recs []*credential.Record) error {
	n := len(recs)
	var (
		ids, regnos, keys, students, books = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		names, langs, kids, statuses, jwss = make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		versions, lists, indexes           = make([]int64, n), make([]int64, n), make([]int64, n)
		certs                              = make([]int64, n)
		issued, from                       = make([]time.Time, n), make([]time.Time, n)
		until                              = make([]*time.Time, n)
		batches                            = make([]*string, n)
		details                            = make([]string, n)
	)
	for i, r := range recs {
		ids[i], regnos[i], keys[i], students[i], books[i] = r.ID, r.ProgramRegNo, r.AwardKey, r.StudentID, r.BookNumber
		names[i], langs[i], kids[i], statuses[i], jwss[i] = r.HolderName, r.Language, r.KID, r.Status, r.JWS
		versions[i], lists[i], indexes[i], certs[i] = int64(r.ProgramVersion), int64(r.StatusList), int64(r.StatusIndex), r.CertificateNumber
		issued[i], from[i] = r.IssuedAt.UTC(), r.ValidFrom.UTC()
		if r.ValidUntil != nil {
			u := r.ValidUntil.UTC()
			until[i] = &u
		}
		if r.BatchID != "" {
			batches[i] = &recs[i].BatchID
		}
		d, err := json.Marshal(issuedDetails(r))
		if err != nil {
			return fmt.Errorf("audit details: %w", err)
		}
		details[i] = string(d)
	}
	if err := s.bulk(ctx, tx, "credential_insert", n, nil, ids, regnos, versions, keys, students,
		certs, books, names, langs, kids, issued, from, until, statuses, lists, indexes, batches, jwss); err != nil {
		return fmt.Errorf("insert credentials: %w", err)
	}
	if err := s.bulk(ctx, tx, "audit_insert", n,
		[]any{s.nowUTC(), credential.ActorFrom(ctx), credential.ActionCredentialIssued, "credential"}, ids, make([]string, n), details); err != nil {
		return err
	}
	if err := s.insertContents(ctx, tx, recs); err != nil {
		return err
	}
	return s.enqueueIssued(ctx, tx, recs)
}

// issuedAudit is the audit detail of an issued credential (fields in the
// order a map's keys would be written).
type issuedAudit struct {
	Batch             string `json:"batch"`
	CertificateNumber int64  `json:"certificate_number"`
	Program           string `json:"program"`
	Version           int    `json:"version"`
}

func issuedDetails(rec *credential.Record) issuedAudit {
	return issuedAudit{Batch: rec.BatchID, CertificateNumber: rec.CertificateNumber, Program: rec.ProgramRegNo, Version: rec.ProgramVersion}
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
			if _, err := tx.Exec(ctx, s.q.get("status_list_insert"), id+1, key, credential.StatusListSize); err != nil {
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

// Credential returns a credential by id. The signed, immutable part comes
// from a cache when it can; the status is always read from the database.
func (s *Store) Credential(ctx context.Context, id string) (*credential.Record, error) {
	if r, ok := s.records.get(id); ok {
		err := s.db.QueryRow(ctx, s.q.get("credential_status_by_id"), id).Scan(&r.Status, &r.StatusReason, &r.StatusChangedAt)
		if err != nil {
			return nil, s.translate(err, "credential "+id)
		}
		if r.StatusChangedAt != nil {
			t := r.StatusChangedAt.UTC()
			r.StatusChangedAt = &t
		}
		if err := s.reissueLinks(ctx, s.db, &r); err != nil {
			return nil, s.translate(err, "credential "+id)
		}
		return &r, nil
	}
	r, err := scanRecord(s.db.QueryRow(ctx, s.q.get("credential_by_id"), id))
	if err != nil {
		return nil, s.translate(err, "credential "+id)
	}
	s.records.put(r)
	if err := s.reissueLinks(ctx, s.db, r); err != nil {
		return nil, s.translate(err, "credential "+id)
	}
	return r, nil
}

// CredentialByNumber reads the credential with a certificate number, as
// printed on its certificate.
func (s *Store) CredentialByNumber(ctx context.Context, number int64) (*credential.Record, error) {
	r, err := scanRecord(s.db.QueryRow(ctx, s.q.get("credential_by_number"), number))
	if err != nil {
		return nil, s.translate(err, "certificate № "+strconv.FormatInt(number, 10))
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

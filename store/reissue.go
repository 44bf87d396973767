package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// ReplacedReason is the status reason of a credential replaced by a
// correction: "replaced by {new id}" (pages say it in their language and
// link to the replacement).
func ReplacedReason(newID string) string { return "replaced by " + newID }

// MaxReasonLen is the longest reason of a status change or correction, in
// bytes.
const MaxReasonLen = 1000

// checkReason trims and checks a correction's reason.
func checkReason(reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return "", &credential.Error{Code: credential.CodeInvalid, Message: "a reason is required", Msg: lang.ReissueReasonMissing,
			Details: []credential.Detail{credential.DetailMsg("reason", lang.ReissueReasonMissing)}}
	}
	if len(reason) > MaxReasonLen {
		return "", credential.Errorf(credential.CodeInvalid, "the reason is longer than %d characters", MaxReasonLen)
	}
	return reason, nil
}

// reissue asks issueAwards to replace existing credentials whose award
// says something else now (a correction in a later upload).
type reissue struct {
	changed credential.ChangedFunc
	reason  string
}

// ReissueCredential corrects credential oldID: in one transaction it
// stores the new credential (built by build, under award key key, with new
// certificate and book numbers) and revokes the old one with the reason
// "replaced by {new id}", linking the two (the registrar's reason goes to
// the link and the audit trail). Nothing is deleted. It is a conflict if
// the old credential was already replaced, or if key is another
// credential's award. A failure anywhere stores nothing.
func (s *Store) ReissueCredential(ctx context.Context, oldID, reason, key string, build credential.BuildFunc) (*credential.Record, error) {
	reason, err := checkReason(reason)
	if err != nil {
		return nil, err
	}
	var rec *credential.Record
	err = s.inTx(ctx, func(tx Tx) error {
		// Serialize with every issuer (see issueAwards), then lock the old row.
		if _, err := s.addCounter(ctx, tx, "certificate", 0); err != nil {
			return err
		}
		old, err := s.lockForReissue(ctx, tx, oldID)
		if err != nil {
			return err
		}
		if err := s.freeAward(ctx, tx, old); err != nil {
			return err
		}
		other, err := scanRecord(tx.QueryRow(ctx, s.q.get("credential_by_award"), key))
		switch {
		case err == nil:
			return credential.Errorf(credential.CodeConflict, "the corrected award is already issued as credential %s", other.ID)
		case !s.db.IsNoRows(err):
			return err
		}
		out := make([]credential.Outcome, 1)
		if err := s.storeFresh(ctx, tx, []string{key}, []int{0}, build, out); err != nil {
			return err
		}
		rec = out[0].Record
		return s.replaceOld(ctx, tx, old, rec, reason)
	})
	if err != nil {
		return nil, s.translate(err, "credential "+oldID)
	}
	rec.Replaces = oldID
	return rec, nil
}

// oldCredential is what a reissue needs of the credential it replaces.
type oldCredential struct {
	id, status, key string
	list            int
}

// lockForReissue reads (and on PostgreSQL locks) the credential to be
// replaced; a credential already replaced is a conflict.
func (s *Store) lockForReissue(ctx context.Context, tx Tx, id string) (*oldCredential, error) {
	o := &oldCredential{id: id}
	var replacedBy string
	if err := tx.QueryRow(ctx, s.q.get("credential_for_reissue"), id).Scan(&o.status, &o.list, &o.key, &replacedBy); err != nil {
		return nil, err
	}
	if replacedBy != "" {
		return nil, &credential.Error{Code: credential.CodeConflict, Message: fmt.Sprintf("credential %s was already replaced by %s", id, replacedBy),
			Msg: lang.ReissueAlready, Args: []any{replacedBy}}
	}
	return o, nil
}

// freeAward moves the old credential off its award key ("{key}/{id}"), so
// that the correction can take it.
func (s *Store) freeAward(ctx context.Context, tx Tx, o *oldCredential) error {
	o.key += "/" + o.id
	_, err := tx.Exec(ctx, s.q.get("credential_free_award"), o.id, o.key)
	return err
}

// replaceOld revokes the old credential with "replaced by {new id}" (one
// already revoked keeps its status and reason), links the two and writes
// the audit entries, inside the transaction that stored rec.
func (s *Store) replaceOld(ctx context.Context, tx Tx, o *oldCredential, rec *credential.Record, reason string) error {
	now := s.nowUTC()
	if o.status != credential.StatusRevoked {
		if _, err := tx.Exec(ctx, s.q.get("credential_replace"), o.id, o.key, ReplacedReason(rec.ID), now); err != nil {
			return fmt.Errorf("revoke replaced credential: %w", err)
		}
		if _, err := s.addCounter(ctx, tx, statusListCounter(o.list), 1); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, credential.ActionCredentialRevoked, "credential", o.id, ReplacedReason(rec.ID),
			map[string]any{"from": o.status, "to": credential.StatusRevoked, "replaced_by": rec.ID}); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(ctx, s.q.get("credential_reissue_insert"), o.id, rec.ID, reason, now); err != nil {
		return fmt.Errorf("link reissue: %w", err)
	}
	rec.Replaces = o.id
	return s.audit(ctx, tx, credential.ActionCredentialReissued, "credential", rec.ID, reason,
		map[string]any{"replaces": o.id, "certificate_number": rec.CertificateNumber, "registration_number": rec.BookNumber})
}

// reissueLinks fills rec's Replaces and ReplacedBy.
func (s *Store) reissueLinks(ctx context.Context, q Querier, rec *credential.Record) error {
	rows, err := q.Query(ctx, s.q.get("credential_reissue_links"), rec.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var oldID, newID string
		if err := rows.Scan(&oldID, &newID); err != nil {
			return err
		}
		if oldID == rec.ID {
			rec.ReplacedBy = newID
		} else {
			rec.Replaces = oldID
		}
	}
	return rows.Err()
}

// contentHash reads the content hash of a stored credential ("" when it
// was issued before tanu kept one).
func (s *Store) contentHash(ctx context.Context, q Querier, id string) (string, error) {
	var h string
	err := q.QueryRow(ctx, s.q.get("credential_content_hash"), id).Scan(&h)
	if s.db.IsNoRows(err) {
		return "", nil
	}
	return h, err
}

// insertContents stores the content hashes of new credentials.
func (s *Store) insertContents(ctx context.Context, tx Tx, recs []*credential.Record) error {
	var ids, hashes []string
	for _, r := range recs {
		if r.ContentHash != "" {
			ids, hashes = append(ids, r.ID), append(hashes, r.ContentHash)
		}
	}
	return s.bulk(ctx, tx, "credential_content_insert", len(ids), nil, ids, hashes)
}

// ExistingAwardRecords returns the stored credentials of award keys, by
// key, with their content hashes: what a dry run compares a corrected row
// with.
func (s *Store) ExistingAwardRecords(ctx context.Context, keys []string) (map[string]*credential.Record, error) {
	out := map[string]*credential.Record{}
	if err := s.lookupAwards(ctx, s.db, keys, func(r *credential.Record) { out[r.AwardKey] = r }); err != nil {
		return nil, s.translate(err, "credentials")
	}
	for _, r := range out {
		h, err := s.contentHash(ctx, s.db, r.ID)
		if err != nil {
			return nil, s.translate(err, "credentials")
		}
		r.ContentHash = h
	}
	return out, nil
}

// changedAward returns the existing credential of award i, moved off its
// award key, when the award says something else now (a correction); nil
// when it is the same award, already issued.
func (s *Store) changedAward(ctx context.Context, tx Tx, re *reissue, i int, rec *credential.Record) (*oldCredential, error) {
	h, err := s.contentHash(ctx, tx, rec.ID)
	if err != nil {
		return nil, err
	}
	cp := *rec
	cp.ContentHash = h
	if !re.changed(i, &cp) {
		return nil, nil
	}
	old, err := s.lockForReissue(ctx, tx, rec.ID)
	if err != nil {
		return nil, err
	}
	return old, s.freeAward(ctx, tx, old)
}

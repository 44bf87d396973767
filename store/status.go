package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/tanu-edu/tanu/credential"
)

// ChangeStatus revokes, suspends or reinstates a credential, with a reason
// that is shown publicly. Revocation is final: reinstating or suspending a
// revoked credential is a conflict. The change and its audit entry commit
// together. Status lists are derived from these rows, so concurrent changes
// to different credentials of one list lose no update.
func (s *Store) ChangeStatus(ctx context.Context, id, action, reason string) (*credential.Record, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, &credential.Error{Code: credential.CodeInvalid, Message: "a reason is required",
			Details: []credential.Detail{{Field: "reason", Message: "say why (it is shown on the public credential page)"}}}
	}
	if len(reason) > 1000 {
		return nil, credential.Errorf(credential.CodeInvalid, "the reason is longer than 1000 characters")
	}
	var next, auditAction string
	switch action {
	case credential.Revoke:
		next, auditAction = credential.StatusRevoked, credential.ActionCredentialRevoked
	case credential.Suspend:
		next, auditAction = credential.StatusSuspended, credential.ActionCredentialSuspended
	case credential.Reinstate:
		next, auditAction = credential.StatusValid, credential.ActionCredentialReinstate
	default:
		return nil, credential.Errorf(credential.CodeInvalid, "unknown status action %q", action)
	}
	err := s.inTx(ctx, func(tx Tx) error {
		var (
			cur  string
			list int
		)
		if err := tx.QueryRow(ctx, s.q.get("credential_status_for_update"), id).Scan(&cur, &list); err != nil {
			return err
		}
		switch {
		case cur == credential.StatusRevoked:
			return credential.Errorf(credential.CodeConflict, "credential %s is revoked; revocation is final", id)
		case action == credential.Suspend && cur == credential.StatusSuspended:
			return credential.Errorf(credential.CodeConflict, "credential %s is already suspended", id)
		case action == credential.Reinstate && cur != credential.StatusSuspended:
			return credential.Errorf(credential.CodeConflict, "credential %s is %s; only a suspended credential can be reinstated", id, cur)
		}
		stored := reason
		if action == credential.Reinstate {
			stored = ""
		}
		if _, err := tx.Exec(ctx, s.q.get("credential_set_status"), id, next, stored, s.nowUTC()); err != nil {
			return err
		}
		// Bump the list's version (its ETag) in the same transaction.
		if _, err := s.addCounter(ctx, tx, statusListCounter(list), 1); err != nil {
			return err
		}
		return s.audit(ctx, tx, auditAction, "credential", id, reason, map[string]any{"from": cur, "to": next})
	})
	if err != nil {
		return nil, s.translate(err, "credential "+id)
	}
	return s.Credential(ctx, id)
}

// StatusListVersion identifies the current content of a status list: it
// changes whenever a credential of the list changes status.
func (s *Store) StatusListVersion(ctx context.Context, list int) (string, error) {
	var n int
	if err := s.db.QueryRow(ctx, s.q.get("status_list_exists"), list).Scan(&n); err != nil {
		return "", s.translate(err, "status list")
	}
	if n == 0 {
		return "", credential.Errorf(credential.CodeNotFound, "no status list %d", list)
	}
	var changes int64
	if err := s.db.QueryRow(ctx, s.q.get("status_list_version"), statusListCounter(list)).Scan(&changes); err != nil {
		return "", s.translate(err, "status list")
	}
	return fmt.Sprintf("%d.%d", list, changes), nil
}

func statusListCounter(list int) string { return fmt.Sprintf("status_list:%d", list) }

// StatusListIndexes returns the indexes of list whose credentials have the
// given status (revoked or suspended).
func (s *Store) StatusListIndexes(ctx context.Context, list int, status string) ([]int, error) {
	rows, err := s.db.Query(ctx, s.q.get("status_list_flagged"), list, status)
	if err != nil {
		return nil, s.translate(err, "status list")
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var i int
		if err := rows.Scan(&i); err != nil {
			return nil, s.translate(err, "status list")
		}
		out = append(out, i)
	}
	return out, s.translate(rows.Err(), "status list")
}

package store

import (
	"context"
	"fmt"
	"time"

	"github.com/tanu-edu/tanu/credential"
)

// enqueueIssued queues, inside tx, the message telling each holder of recs
// who has an address that the credential was issued.
func (s *Store) enqueueIssued(ctx context.Context, tx Tx, recs []*credential.Record) error {
	var ids, langs, to []string
	for _, r := range recs {
		if r.NotifyEmail == "" {
			continue
		}
		ids, langs, to = append(ids, r.ID), append(langs, r.Language), append(to, r.NotifyEmail)
	}
	if err := s.bulk(ctx, tx, "outbox_insert", len(ids), []any{credential.PurposeIssued, s.nowUTC()}, ids, langs, to); err != nil {
		return fmt.Errorf("queue messages: %w", err)
	}
	return nil
}

// Messages returns the outbox messages of a credential, oldest first.
func (s *Store) Messages(ctx context.Context, credentialID string) ([]credential.Message, error) {
	rows, err := s.db.Query(ctx, s.q.get("outbox_by_credential"), credentialID)
	if err != nil {
		return nil, s.translate(err, "messages")
	}
	defer rows.Close()
	out := []credential.Message{}
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, s.translate(err, "messages")
		}
		out = append(out, m)
	}
	return out, s.translate(rows.Err(), "messages")
}

// ClaimMessages claims up to n due messages for owner until now+lease:
// queued ones whose next attempt is due and ones whose previous sender's
// lease ran out. Each claim counts as an attempt. On PostgreSQL concurrent
// claimers skip each other's rows (FOR UPDATE SKIP LOCKED).
func (s *Store) ClaimMessages(ctx context.Context, owner string, n int, lease time.Duration) ([]credential.Message, error) {
	now := s.nowUTC()
	rows, err := s.db.Query(ctx, s.q.get("outbox_claim"), owner, now.Add(lease), now, n)
	if err != nil {
		return nil, s.translate(err, "claim messages")
	}
	defer rows.Close()
	var out []credential.Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, s.translate(err, "claim messages")
		}
		out = append(out, m)
	}
	return out, s.translate(rows.Err(), "claim messages")
}

// MessageSent records that the SMTP server accepted message id, claimed by
// owner, and clears its address. It reports false when owner no longer
// held the message.
func (s *Store) MessageSent(ctx context.Context, id int64, owner string) (bool, error) {
	return s.execOne(ctx, "message sent", "outbox_sent", id, owner, s.nowUTC())
}

// RetryMessage puts message id, claimed by owner, back in the queue for
// another attempt at next, keeping why this one failed.
func (s *Store) RetryMessage(ctx context.Context, id int64, owner string, next time.Time, reason string) (bool, error) {
	return s.execOne(ctx, "retry message", "outbox_retry", id, owner, next.UTC(), reason, s.nowUTC())
}

// GiveUpMessage ends message id, claimed by owner, in state (failed or
// skipped) with its reason, and clears its address.
func (s *Store) GiveUpMessage(ctx context.Context, id int64, owner, state, reason string) (bool, error) {
	if state != credential.MessageFailed && state != credential.MessageSkipped {
		return false, fmt.Errorf("store: give up message %d: bad state %q", id, state)
	}
	return s.execOne(ctx, "give up message", "outbox_give_up", id, owner, state, reason, s.nowUTC())
}

// RequeueMessage queues the message of a credential for purpose again, to
// the address to, in lang. A message still queued or being sent is a
// conflict.
func (s *Store) RequeueMessage(ctx context.Context, credentialID, purpose, lang, to string) (int64, error) {
	var id int64
	err := s.db.QueryRow(ctx, s.q.get("outbox_requeue"), credentialID, purpose, lang, to, s.nowUTC()).Scan(&id)
	if s.db.IsNoRows(err) {
		return 0, credential.Errorf(credential.CodeConflict, "a message to the holder of %s is already queued", credentialID)
	}
	if err != nil {
		return 0, s.translate(err, "message")
	}
	return id, nil
}

func (s *Store) execOne(ctx context.Context, what, query string, args ...any) (bool, error) {
	n, err := s.db.Exec(ctx, s.q.get(query), args...)
	if err != nil {
		return false, s.translate(err, what)
	}
	return n == 1, nil
}

func scanMessage(row Row) (credential.Message, error) {
	var (
		m       credential.Message
		to, pay *string
		next    time.Time
	)
	err := row.Scan(&m.ID, &m.CredentialID, &m.Purpose, &m.Language, &to, &m.State, &m.Attempts, &next,
		&m.LastError, &m.CreatedAt, &m.UpdatedAt, &m.SentAt, &pay)
	if err != nil {
		return m, err
	}
	if to != nil {
		m.Recipient = *to
	}
	if pay != nil {
		m.Payload = *pay
	}
	if m.State == credential.MessageQueued || m.State == credential.MessageSending {
		n := next.UTC()
		m.NextAttemptAt = &n
	}
	m.CreatedAt, m.UpdatedAt = m.CreatedAt.UTC(), m.UpdatedAt.UTC()
	if m.SentAt != nil {
		t := m.SentAt.UTC()
		m.SentAt = &t
	}
	return m, nil
}

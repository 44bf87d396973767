package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/store"
)

func outboxTests() suite {
	return suite{
		"OutboxEnqueuedWithCredential": testOutboxEnqueue,
		"OutboxRollsBackWithIssue":     testOutboxRollback,
		"OutboxLifecycle":              testOutboxLifecycle,
		"OutboxClaimConcurrent":        testOutboxConcurrent,
		"OutboxRequeue":                testOutboxRequeue,
	}
}

// issueMail stores awards whose holders have the addresses in mails
// (keyed by award key; no entry, no address).
func issueMail(t testing.TB, s *store.Store, prog *credential.Program, mails map[string]string, keys ...string) []credential.Outcome {
	t.Helper()
	out, err := s.IssueAwards(context.Background(), keys, func(i int, n credential.Numbers, at time.Time) (*credential.Record, error) {
		return &credential.Record{
			ID: fmt.Sprintf("m-%s-%d", keys[i], n.Certificate), ProgramRegNo: prog.RegistrationNumber, ProgramVersion: prog.Version,
			StudentID: keys[i], HolderName: "Holder " + keys[i], Language: []string{"kk", "ru", "en"}[i%3], KID: "k1", ValidFrom: at,
			JWS: "jws-" + keys[i], NotifyEmail: mails[keys[i]],
		}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mailsFor(keys ...string) map[string]string {
	m := map[string]string{}
	for _, k := range keys {
		m[k] = k + "@students.example.edu"
	}
	return m
}

func testOutboxEnqueue(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	out := issueMail(t, s, prog, mailsFor("a", "c"), "a", "b", "c")
	for i, o := range out {
		ms, err := s.Messages(ctx, o.Record.ID)
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			if len(ms) != 0 {
				t.Fatalf("holder without an address has messages %+v", ms)
			}
			continue
		}
		if len(ms) != 1 {
			t.Fatalf("credential %d: %d messages, want 1", i, len(ms))
		}
		m := ms[0]
		if m.State != credential.MessageQueued || m.Purpose != credential.PurposeIssued || m.Attempts != 0 ||
			m.Recipient != o.Record.StudentID+"@students.example.edu" || m.Language != o.Record.Language || m.NextAttemptAt == nil {
			t.Fatalf("credential %d: message %+v", i, m)
		}
	}
	// Issuing the same awards again (and a new address) adds no message.
	issueMail(t, s, prog, mailsFor("a", "b", "c"), "a", "b", "c")
	for i, o := range out {
		ms, _ := s.Messages(ctx, o.Record.ID)
		if want := map[bool]int{true: 0, false: 1}[i == 1]; len(ms) != want {
			t.Fatalf("after re-issue credential %d has %d messages, want %d", i, len(ms), want)
		}
	}
}

func testOutboxRollback(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	keys := make([]string, 40)
	for i := range keys {
		keys[i] = fmt.Sprintf("r%02d", i)
	}
	boom := errors.New("boom")
	_, err := s.IssueAwards(ctx, keys, func(i int, n credential.Numbers, at time.Time) (*credential.Record, error) {
		if i == len(keys)-1 {
			return nil, boom
		}
		return &credential.Record{ID: "rb-" + keys[i], ProgramRegNo: prog.RegistrationNumber, ProgramVersion: prog.Version,
			StudentID: keys[i], HolderName: "H", Language: "kk", KID: "k1", ValidFrom: at, JWS: "j", NotifyEmail: "x@example.edu"}, nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want boom", err)
	}
	got, err := s.ClaimMessages(ctx, "w", 100, time.Minute)
	if err != nil || len(got) != 0 {
		t.Fatalf("a failed issue left %d messages (err %v)", len(got), err)
	}
}

func testOutboxLifecycle(t *testing.T, open Open) {
	clk := &manualClock{t: time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)}
	s := open(t, store.WithClock(clk.now))
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	out := issueMail(t, s, prog, mailsFor("a", "b"), "a", "b")

	got, err := s.ClaimMessages(ctx, "w1", 1, time.Minute)
	if err != nil || len(got) != 1 {
		t.Fatalf("claim 1: %d messages, err %v", len(got), err)
	}
	first := got[0]
	if first.State != credential.MessageSending || first.Attempts != 1 || first.Recipient == "" {
		t.Fatalf("claimed %+v", first)
	}
	// The other message is still due; the claimed one is not offered again.
	got, _ = s.ClaimMessages(ctx, "w2", 10, time.Minute)
	if len(got) != 1 || got[0].ID == first.ID {
		t.Fatalf("second claimer got %+v, want only the other message", got)
	}
	second := got[0]
	if got, _ := s.ClaimMessages(ctx, "w3", 10, time.Minute); len(got) != 0 {
		t.Fatalf("everything is leased, yet claimed %+v", got)
	}

	// First attempt fails: back in the queue for later.
	if ok, err := s.RetryMessage(ctx, first.ID, "w1", clk.now().Add(30*time.Second), "421 try later"); !ok || err != nil {
		t.Fatalf("retry: %v %v", ok, err)
	}
	if ok, _ := s.RetryMessage(ctx, first.ID, "w1", clk.now(), "again"); ok {
		t.Fatal("retry of a message no longer held succeeded")
	}
	if got, _ := s.ClaimMessages(ctx, "w1", 10, time.Minute); len(got) != 0 {
		t.Fatalf("claimed before the retry time: %+v", got)
	}
	clk.add(31 * time.Second)
	got, _ = s.ClaimMessages(ctx, "w1", 10, time.Minute)
	if len(got) != 1 || got[0].ID != first.ID || got[0].Attempts != 2 || got[0].LastError != "421 try later" {
		t.Fatalf("retry claim %+v", got)
	}
	if ok, err := s.MessageSent(ctx, first.ID, "w2"); ok || err != nil {
		t.Fatalf("another owner marked it sent: %v %v", ok, err)
	}
	if ok, err := s.MessageSent(ctx, first.ID, "w1"); !ok || err != nil {
		t.Fatalf("sent: %v %v", ok, err)
	}
	ms, _ := s.Messages(ctx, first.CredentialID)
	if len(ms) != 1 || ms[0].State != credential.MessageSent || ms[0].Recipient != "" || ms[0].SentAt == nil ||
		ms[0].LastError != "" || ms[0].NextAttemptAt != nil {
		t.Fatalf("after send %+v", ms)
	}

	// The second sender dies: its lease runs out and another one takes over;
	// the dead one can no longer record anything.
	clk.add(2 * time.Minute)
	got, _ = s.ClaimMessages(ctx, "w4", 10, time.Minute)
	if len(got) != 1 || got[0].ID != second.ID || got[0].Attempts != 2 {
		t.Fatalf("after the lease ran out got %+v", got)
	}
	if ok, _ := s.MessageSent(ctx, second.ID, "w2"); ok {
		t.Fatal("the sender whose lease ran out marked it sent")
	}
	if ok, err := s.GiveUpMessage(ctx, second.ID, "w4", credential.MessageFailed, "550 no such user"); !ok || err != nil {
		t.Fatalf("give up: %v %v", ok, err)
	}
	ms, _ = s.Messages(ctx, second.CredentialID)
	if len(ms) != 1 || ms[0].State != credential.MessageFailed || ms[0].Recipient != "" || ms[0].LastError != "550 no such user" {
		t.Fatalf("after giving up %+v", ms)
	}
	if got, _ := s.ClaimMessages(ctx, "w1", 10, time.Hour); len(got) != 0 {
		t.Fatalf("finished messages claimed again: %+v", got)
	}
	_ = out
}

func testOutboxConcurrent(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	keys := make([]string, 60)
	for i := range keys {
		keys[i] = fmt.Sprintf("c%02d", i)
	}
	issueMail(t, s, prog, mailsFor(keys...), keys...)
	var (
		mu   sync.Mutex
		seen = map[int64]string{}
		wg   sync.WaitGroup
	)
	errs := make(chan error, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(owner string) {
			defer wg.Done()
			for {
				got, err := s.ClaimMessages(ctx, owner, 5, time.Minute)
				if err != nil {
					errs <- err
					return
				}
				if len(got) == 0 {
					return
				}
				mu.Lock()
				for _, m := range got {
					if o, dup := seen[m.ID]; dup {
						errs <- fmt.Errorf("message %d claimed by %s and %s", m.ID, o, owner)
					}
					seen[m.ID] = owner
				}
				mu.Unlock()
				for _, m := range got {
					if ok, err := s.MessageSent(ctx, m.ID, owner); !ok || err != nil {
						errs <- fmt.Errorf("sent %d by %s: %v %v", m.ID, owner, ok, err)
					}
				}
			}
		}(fmt.Sprintf("w%d", w))
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if len(seen) != len(keys) {
		t.Fatalf("claimed %d messages, want %d", len(seen), len(keys))
	}
}

func testOutboxRequeue(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	out := issueMail(t, s, prog, mailsFor("a"), "a", "b")
	a, b := out[0].Record.ID, out[1].Record.ID
	if _, err := s.RequeueMessage(ctx, a, credential.PurposeIssued, "ru", "new@example.edu"); credential.ErrorCode(err) != credential.CodeConflict {
		t.Fatalf("requeue of a queued message: %v, want conflict", err)
	}
	got, _ := s.ClaimMessages(ctx, "w", 10, time.Minute)
	if len(got) != 1 {
		t.Fatalf("claimed %d", len(got))
	}
	if _, err := s.RequeueMessage(ctx, a, credential.PurposeIssued, "ru", "new@example.edu"); credential.ErrorCode(err) != credential.CodeConflict {
		t.Fatalf("requeue of a message being sent: %v, want conflict", err)
	}
	s.MessageSent(ctx, got[0].ID, "w")
	id, err := s.RequeueMessage(ctx, a, credential.PurposeIssued, "ru", "new@example.edu")
	if err != nil || id != got[0].ID {
		t.Fatalf("requeue: id %d err %v, want the same message %d", id, err, got[0].ID)
	}
	ms, _ := s.Messages(ctx, a)
	if len(ms) != 1 || ms[0].State != credential.MessageQueued || ms[0].Recipient != "new@example.edu" || ms[0].Language != "ru" ||
		ms[0].Attempts != 0 || ms[0].SentAt != nil {
		t.Fatalf("requeued %+v", ms)
	}
	// A holder issued without an address can be sent a message now.
	if _, err := s.RequeueMessage(ctx, b, credential.PurposeIssued, "en", "b@example.edu"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RequeueMessage(ctx, "no-such-credential", credential.PurposeIssued, "en", "b@example.edu"); err == nil {
		t.Fatal("requeue for a missing credential succeeded")
	}
}

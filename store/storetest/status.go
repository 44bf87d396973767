package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
)

func statusTests() suite {
	return suite{
		"StatusTransitions":      testStatusTransitions,
		"StatusConcurrentNoLoss": testStatusConcurrent,
		"AuditExactlyOnce":       testAuditOnce,
		"AuditAppendOnly":        testAuditAppendOnly,
	}
}

func testStatusTransitions(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	out := issue(t, s, prog, "a")
	id := out[0].Record.ID
	list := out[0].Record.StatusList
	v0, err := s.StatusListVersion(ctx, list)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		action, want string
		code         credential.Code
	}{
		{credential.Reinstate, "", credential.CodeConflict}, // not suspended
		{credential.Suspend, credential.StatusSuspended, ""},
		{credential.Suspend, "", credential.CodeConflict}, // already
		{credential.Reinstate, credential.StatusValid, ""},
		{credential.Revoke, credential.StatusRevoked, ""},
		{credential.Reinstate, "", credential.CodeConflict}, // revocation is final
		{credential.Suspend, "", credential.CodeConflict},
		{credential.Revoke, "", credential.CodeConflict},
	}
	for i, st := range steps {
		r, err := s.ChangeStatus(ctx, id, st.action, "step "+fmt.Sprint(i))
		if st.code != "" {
			if credential.ErrorCode(err) != st.code {
				t.Fatalf("step %d %s: err %v, want %s", i, st.action, err, st.code)
			}
			continue
		}
		if err != nil || r.Status != st.want {
			t.Fatalf("step %d %s: %v %v", i, st.action, r, err)
		}
		if st.want == credential.StatusRevoked && (r.StatusReason != "step 4" || r.StatusChangedAt == nil) {
			t.Fatalf("revocation lacks reason or date: %+v", r)
		}
	}
	if _, err := s.ChangeStatus(ctx, id, credential.Revoke, "  "); credential.ErrorCode(err) != credential.CodeInvalid {
		t.Fatalf("empty reason: %v", err)
	}
	if _, err := s.ChangeStatus(ctx, "nope", credential.Revoke, "x"); !credential.IsNotFound(err) {
		t.Fatalf("unknown credential: %v", err)
	}
	v1, _ := s.StatusListVersion(ctx, list)
	if v1 == v0 {
		t.Fatal("status list version did not change")
	}
	rev, _ := s.StatusListIndexes(ctx, list, credential.StatusRevoked)
	if len(rev) != 1 || rev[0] != out[0].Record.StatusIndex {
		t.Fatalf("revoked indexes %v", rev)
	}
	if _, err := s.StatusListVersion(ctx, 999); !credential.IsNotFound(err) {
		t.Fatalf("unknown list: %v", err)
	}
}

// testStatusConcurrent revokes and suspends different credentials of one
// list at once: every change must be in the list afterwards.
func testStatusConcurrent(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	prog, _ := s.CreateProgram(ctx, SampleProgram())
	keys := make([]string, 40)
	for i := range keys {
		keys[i] = fmt.Sprintf("c%02d", i)
	}
	out := issue(t, s, prog, keys...)
	var wg sync.WaitGroup
	errs := make(chan error, len(out))
	for i, o := range out {
		wg.Add(1)
		go func(i int, id string) {
			defer wg.Done()
			action := credential.Revoke
			if i%2 == 1 {
				action = credential.Suspend
			}
			if _, err := s.ChangeStatus(ctx, id, action, "concurrent"); err != nil {
				errs <- err
			}
		}(i, o.Record.ID)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	list := out[0].Record.StatusList
	rev, _ := s.StatusListIndexes(ctx, list, credential.StatusRevoked)
	sus, _ := s.StatusListIndexes(ctx, list, credential.StatusSuspended)
	if len(rev) != 20 || len(sus) != 20 {
		t.Fatalf("lost updates: %d revoked, %d suspended, want 20 and 20", len(rev), len(sus))
	}
}

func testAuditOnce(t *testing.T, open Open) {
	s := open(t)
	ctx := credential.WithActor(context.Background(), "token:tester")
	prog, err := s.CreateProgram(ctx, SampleProgram())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateProgram(ctx, prog.RegistrationNumber, func(p *credential.Program) error { p.Hours = 100; return nil }); err != nil {
		t.Fatal(err)
	}
	build := func(keys []string) credential.BuildFunc {
		return func(i int, n credential.Numbers, at time.Time) (*credential.Record, error) {
			return &credential.Record{ID: "id-" + keys[i], ProgramRegNo: prog.RegistrationNumber, ProgramVersion: 2,
				StudentID: keys[i], HolderName: "x", Language: "kk", KID: "k", ValidFrom: at, JWS: "j"}, nil
		}
	}
	keys := []string{"k1", "k1", "k2"}
	if _, err := s.IssueAwards(ctx, keys, build(keys)); err != nil {
		t.Fatal(err)
	}
	again := []string{"k1"}
	if _, err := s.IssueAwards(ctx, again, build(again)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ChangeStatus(ctx, "id-k1", credential.Revoke, "error in name"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ChangeStatus(ctx, "id-k1", credential.Reinstate, "refused"); err == nil {
		t.Fatal("reinstating a revoked credential succeeded")
	}
	if err := s.CreateToken(ctx, account.Token{ID: "t1", Hash: "h", Role: "viewer"}); err != nil {
		t.Fatal(err)
	}
	k := credential.PublicKey{KID: "kid1", Alg: "ES256", JWK: []byte(`{}`), CreatedAt: time.Now()}
	_ = s.PublishKey(ctx, k)
	_ = s.PublishKey(ctx, k)
	_ = s.RetireKey(ctx, "kid1")
	_ = s.RetireKey(ctx, "kid1")
	entries, err := s.AuditLog(ctx, credential.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range entries {
		count[e.Action]++
		if e.Actor != "token:tester" {
			t.Errorf("entry %s by %q", e.Action, e.Actor)
		}
	}
	want := map[string]int{credential.ActionProgramCreated: 1, credential.ActionProgramUpdated: 1, credential.ActionCredentialIssued: 2,
		credential.ActionCredentialRevoked: 1, credential.ActionTokenCreated: 1, credential.ActionKeyPublished: 1, credential.ActionKeyRetired: 1}
	for a, n := range want {
		if count[a] != n {
			t.Errorf("%s recorded %d times, want %d", a, count[a], n)
		}
	}
	if len(entries) != 8 {
		t.Errorf("%d entries, want 8: %+v", len(entries), count)
	}
	rev, _ := s.AuditLog(ctx, credential.AuditFilter{Action: credential.ActionCredentialRevoked})
	if len(rev) != 1 || rev[0].Reason != "error in name" || rev[0].ObjectID != "id-k1" {
		t.Fatalf("revocation entry %+v", rev)
	}
}

func testAuditAppendOnly(t *testing.T, open Open) {
	s := open(t)
	ctx := context.Background()
	if err := s.Audit(ctx, "test.action", "thing", "1", "why", nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"} {
		if _, err := s.Driver().Exec(ctx, q); err == nil {
			t.Fatalf("%s succeeded on the append-only audit log", q)
		}
	}
	entries, _ := s.AuditLog(ctx, credential.AuditFilter{})
	if len(entries) != 1 || entries[0].Actor != "system" || entries[0].Reason != "why" {
		t.Fatalf("entries %+v", entries)
	}
}

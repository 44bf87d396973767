package storetest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/migrations"
	"github.com/tanu-edu/tanu/store"
)

func accountTests() suite {
	return suite{
		"AccountInviteAndLogin":     testAccountLogin,
		"AccountThrottle":           testAccountThrottle,
		"AccountSessionExpiry":      testAccountSessionExpiry,
		"AccountDisableAndRole":     testAccountDisable,
		"AccountLinks":              testAccountLinks,
		"AccountTokens":             testAccountTokens,
		"AccountSystemTokens":       testAccountSystemTokens,
		"AccountAuditNamesTheActor": testAccountAudit,
		"AccountSSOFlows":           testAccountFlows,
	}
}

// Clock is a test clock that only moves when told.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock on.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// FastArgon2 keeps password hashing cheap in tests.
func FastArgon2() account.Argon2Params { return account.Argon2Params{Memory: 64, Time: 1, Threads: 1} }

func newAccounts(t *testing.T, open Open) (*store.Store, *account.Service, *Clock) {
	clk := NewClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	s := open(t, store.WithClock(clk.Now))
	return s, account.New(s, account.Config{Argon2: FastArgon2()}, clk.Now), clk
}

const goodPassword = "correct horse battery staple 7"

// inviteWithPassword invites a user and sets its password through the
// setup link.
func inviteWithPassword(t *testing.T, acc *account.Service, email, role string) *account.User {
	t.Helper()
	return inviteWithPasswordCtx(context.Background(), t, acc, email, role)
}

func inviteWithPasswordCtx(ctx context.Context, t *testing.T, acc *account.Service, email, role string) *account.User {
	t.Helper()
	_, link, err := acc.Invite(ctx, account.NewUser{Email: email, Role: role, Name: "Test " + role})
	if err != nil {
		t.Fatal(err)
	}
	u, err := acc.SetPassword(ctx, link.Secret, goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func wantCode(t *testing.T, what string, err error, code credential.Code) {
	t.Helper()
	if credential.ErrorCode(err) != code {
		t.Fatalf("%s: got %v, want code %s", what, err, code)
	}
}

func testAccountLogin(t *testing.T, open Open) {
	_, acc, _ := newAccounts(t, open)
	ctx := context.Background()
	inviteWithPassword(t, acc, "Alice@Uni.EDU", credential.RoleRegistrar)
	u, sec, err := acc.Login(ctx, " alice@uni.edu ", goodPassword, "10.0.0.1")
	if err != nil || u.Email != "alice@uni.edu" || sec == "" {
		t.Fatalf("login: %+v %q %v", u, sec, err)
	}
	p, err := acc.Session(ctx, sec)
	if err != nil || p.User.Email != "alice@uni.edu" || p.Role != credential.RoleRegistrar || p.Actor() != "user:alice@uni.edu" {
		t.Fatalf("session: %+v %v", p, err)
	}
	if p.User.LastLoginAt == nil {
		t.Error("last login time not recorded")
	}
	// A second sign-in gets a different session id; both work until ended.
	_, sec2, err := acc.Login(ctx, "alice@uni.edu", goodPassword, "10.0.0.1")
	if err != nil || sec2 == sec {
		t.Fatalf("second login: %q %v", sec2, err)
	}
	if err := acc.Logout(ctx, sec); err != nil {
		t.Fatal(err)
	}
	_, err = acc.Session(ctx, sec)
	wantCode(t, "session after logout", err, credential.CodeUnauthorized)
	if _, err := acc.Session(ctx, sec2); err != nil {
		t.Fatalf("the other session ended too: %v", err)
	}
	// Wrong password and unknown account: the same answer.
	_, _, err1 := acc.Login(ctx, "alice@uni.edu", "wrong password here", "10.0.0.1")
	_, _, err2 := acc.Login(ctx, "nobody@uni.edu", "wrong password here", "10.0.0.1")
	wantCode(t, "wrong password", err1, credential.CodeUnauthorized)
	if err1.Error() != err2.Error() {
		t.Errorf("unknown account answers differently: %v vs %v", err1, err2)
	}
	// Bad input: clear 400s naming the field, nothing stored.
	_, _, err = acc.Login(ctx, strings.Repeat("a", 250)+"@uni.edu", goodPassword, "10.0.0.1")
	wantCode(t, "over-long e-mail", err, credential.CodeInvalid)
	_, _, err = acc.Login(ctx, "alice@uni.edu", strings.Repeat("x", account.MaxPasswordBytes+1), "10.0.0.1")
	wantCode(t, "over-long password", err, credential.CodeInvalid)
	if d := credential.ErrorDetails(err); len(d) != 1 || d[0].Field != "password" {
		t.Errorf("over-long password details: %+v", d)
	}
	// Duplicate invitation: conflict naming the field.
	_, _, err = acc.Invite(ctx, account.NewUser{Email: "ALICE@uni.edu", Role: credential.RoleViewer})
	wantCode(t, "duplicate user", err, credential.CodeConflict)
	_, _, err = acc.Invite(ctx, account.NewUser{Email: "bob@uni.edu", Role: "superuser"})
	wantCode(t, "unknown role", err, credential.CodeInvalid)
	if _, err := acc.Find(ctx, "bob@uni.edu"); !credential.IsNotFound(err) {
		t.Errorf("a refused invitation stored a user: %v", err)
	}
}

func testAccountThrottle(t *testing.T, open Open) {
	s, acc, clk := newAccounts(t, open)
	ctx := context.Background()
	inviteWithPassword(t, acc, "carol@uni.edu", credential.RoleViewer)
	cfg := acc.Config()
	for i := range cfg.MaxFailures {
		_, _, err := acc.Login(ctx, "carol@uni.edu", "not the password", "10.0.0.2")
		wantCode(t, "failure", err, credential.CodeUnauthorized)
		_ = i
	}
	// Now even the right password is refused, from any address, and a
	// second service on the same database (another instance) agrees.
	_, _, err := acc.Login(ctx, "carol@uni.edu", goodPassword, "10.0.0.3")
	wantCode(t, "throttled", err, credential.CodeTooManyRequests)
	other := account.New(s, account.Config{Argon2: FastArgon2()}, clk.Now)
	_, _, err = other.Login(ctx, "carol@uni.edu", goodPassword, "10.0.0.4")
	wantCode(t, "throttled on another instance", err, credential.CodeTooManyRequests)
	// An unknown account is throttled the same way: nothing tells them apart.
	for range cfg.MaxFailures {
		_, _, _ = acc.Login(ctx, "ghost@uni.edu", "not the password", "10.0.0.5")
	}
	_, _, err2 := acc.Login(ctx, "ghost@uni.edu", goodPassword, "10.0.0.6")
	if err2 == nil || err2.Error() != err.Error() {
		t.Errorf("unknown account throttled differently: %v vs %v", err2, err)
	}
	// The window passes: the right password works and clears the count.
	clk.Advance(cfg.FailureWindow + time.Second)
	if _, _, err := acc.Login(ctx, "carol@uni.edu", goodPassword, "10.0.0.3"); err != nil {
		t.Fatalf("after the window: %v", err)
	}
	// Per address: many accounts from one address.
	for i := range cfg.MaxAddressFailures {
		_, _, _ = acc.Login(ctx, "spray"+string(rune('a'+i%26))+"@uni.edu", "not the password", "10.9.9.9")
	}
	_, _, err = acc.Login(ctx, "carol@uni.edu", goodPassword, "10.9.9.9")
	wantCode(t, "address throttled", err, credential.CodeTooManyRequests)
	if _, _, err := acc.Login(ctx, "carol@uni.edu", goodPassword, "10.0.0.7"); err != nil {
		t.Fatalf("another address is not throttled: %v", err)
	}
}

func testAccountSessionExpiry(t *testing.T, open Open) {
	_, acc, clk := newAccounts(t, open)
	ctx := context.Background()
	inviteWithPassword(t, acc, "dan@uni.edu", credential.RoleViewer)
	cfg := acc.Config()
	_, sec, err := acc.Login(ctx, "dan@uni.edu", goodPassword, "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	// Idle: used just within the idle timeout keeps it alive...
	clk.Advance(cfg.IdleTimeout - time.Minute)
	if _, err := acc.Session(ctx, sec); err != nil {
		t.Fatalf("active session ended: %v", err)
	}
	clk.Advance(cfg.IdleTimeout - time.Minute)
	if _, err := acc.Session(ctx, sec); err != nil {
		t.Fatalf("session used within the idle timeout ended: %v", err)
	}
	// ...and a pause longer than it ends it.
	clk.Advance(cfg.IdleTimeout + time.Second)
	_, err = acc.Session(ctx, sec)
	wantCode(t, "idle session", err, credential.CodeUnauthorized)
	// Absolute: however active, it ends at AbsoluteTimeout.
	_, sec, err = acc.Login(ctx, "dan@uni.edu", goodPassword, "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	for el := time.Duration(0); el < cfg.AbsoluteTimeout-cfg.IdleTimeout/2; el += cfg.IdleTimeout / 2 {
		clk.Advance(cfg.IdleTimeout / 2)
		if _, err := acc.Session(ctx, sec); err != nil {
			t.Fatalf("active session ended after %s: %v", el, err)
		}
	}
	clk.Advance(cfg.IdleTimeout / 2)
	_, err = acc.Session(ctx, sec)
	wantCode(t, "session past its absolute end", err, credential.CodeUnauthorized)
}

func testAccountDisable(t *testing.T, open Open) {
	_, acc, _ := newAccounts(t, open)
	ctx := context.Background()
	u := inviteWithPassword(t, acc, "erin@uni.edu", credential.RoleRegistrar)
	_, sec, err := acc.Login(ctx, "erin@uni.edu", goodPassword, "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	sp, _ := acc.Session(ctx, sec)
	_, tok, err := acc.CreateToken(ctx, sp, account.TokenRequest{Name: "script", Role: credential.RoleRegistrar})
	if err != nil {
		t.Fatal(err)
	}
	// A role change ends the sessions (sign in again: a new id) and caps
	// the token at the new role at once.
	viewer := credential.RoleViewer
	if _, err := acc.Change(ctx, u.ID, account.UserChange{Role: &viewer}); err != nil {
		t.Fatal(err)
	}
	_, err = acc.Session(ctx, sec)
	wantCode(t, "session after role change", err, credential.CodeUnauthorized)
	p, err := acc.Bearer(ctx, tok)
	if err != nil || p.Role != credential.RoleViewer {
		t.Fatalf("token after the owner's demotion: %+v %v", p, err)
	}
	// Disabling ends sessions and stops the tokens at once.
	_, sec, err = acc.Login(ctx, "erin@uni.edu", goodPassword, "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	if _, err := acc.Change(ctx, "erin@uni.edu", account.UserChange{Disabled: &yes}); err != nil {
		t.Fatal(err)
	}
	_, err = acc.Session(ctx, sec)
	wantCode(t, "session of a disabled user", err, credential.CodeUnauthorized)
	_, err = acc.Bearer(ctx, tok)
	wantCode(t, "token of a disabled user", err, credential.CodeUnauthorized)
	_, _, err = acc.Login(ctx, "erin@uni.edu", goodPassword, "10.0.0.1")
	wantCode(t, "login of a disabled user", err, credential.CodeUnauthorized)
	no := false
	if _, err := acc.Change(ctx, "erin@uni.edu", account.UserChange{Disabled: &no}); err != nil {
		t.Fatal(err)
	}
	if _, err := acc.Bearer(ctx, tok); err != nil {
		t.Fatalf("token after re-enabling: %v", err)
	}
}

func testAccountLinks(t *testing.T, open Open) {
	_, acc, clk := newAccounts(t, open)
	ctx := context.Background()
	_, link, err := acc.Invite(ctx, account.NewUser{Email: "frank@uni.edu", Role: credential.RoleCoordinator})
	if err != nil {
		t.Fatal(err)
	}
	if got := link.ExpiresAt.Sub(clk.Now()); got != 72*time.Hour {
		t.Errorf("setup link lives %s, want 72h", got)
	}
	// Weak passwords are refused and the link stays usable.
	for pw, code := range map[string]string{"short1!": "too_short", "password1234": "common", "Qwertyuiop123!": "common",
		"aaaaaaaaaaaaaaaa": "common", "frank@uni.edu": "is_login", strings.Repeat("z", 257): "too_long"} {
		_, err := acc.SetPassword(ctx, link.Secret, pw)
		if d := credential.ErrorDetails(err); credential.ErrorCode(err) != credential.CodeInvalid || len(d) != 1 || d[0].Code != code {
			t.Errorf("password %q: %v %+v, want %s", pw, err, d, code)
		}
	}
	if _, err := acc.SetPassword(ctx, link.Secret, goodPassword); err != nil {
		t.Fatal(err)
	}
	// Single use.
	_, err = acc.SetPassword(ctx, link.Secret, goodPassword+"x")
	wantCode(t, "used link", err, credential.CodeNotFound)
	// A reset link replaces earlier ones, expires after 72 h.
	_, r1, err := acc.IssueReset(ctx, "frank@uni.edu")
	if err != nil {
		t.Fatal(err)
	}
	_, r2, err := acc.IssueReset(ctx, "frank@uni.edu")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = acc.LinkUser(ctx, r1.Secret)
	wantCode(t, "superseded reset link", err, credential.CodeNotFound)
	clk.Advance(72*time.Hour + time.Second)
	_, err = acc.SetPassword(ctx, r2.Secret, "another good passphrase 9")
	wantCode(t, "expired reset link", err, credential.CodeNotFound)
	_, r3, err := acc.IssueReset(ctx, "frank@uni.edu")
	if err != nil {
		t.Fatal(err)
	}
	// Setting the password ends existing sessions.
	_, sec, err := acc.Login(ctx, "frank@uni.edu", goodPassword, "10.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acc.SetPassword(ctx, r3.Secret, "another good passphrase 9"); err != nil {
		t.Fatal(err)
	}
	_, err = acc.Session(ctx, sec)
	wantCode(t, "session after a password reset", err, credential.CodeUnauthorized)
	if _, _, err := acc.Login(ctx, "frank@uni.edu", "another good passphrase 9", "10.0.0.1"); err != nil {
		t.Fatal(err)
	}
	// Concurrent use of one link: exactly one wins.
	_, r4, _ := acc.IssueReset(ctx, "frank@uni.edu")
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() { _, errs[i] = acc.SetPassword(ctx, r4.Secret, "concurrent passphrase "+string(rune('a'+i))) })
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		} else if !credential.IsNotFound(err) && !errors.Is(err, context.Canceled) {
			t.Errorf("concurrent link use: %v", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d concurrent uses of one link succeeded, want 1", ok)
	}
}

func testAccountTokens(t *testing.T, open Open) {
	_, acc, clk := newAccounts(t, open)
	ctx := context.Background()
	inviteWithPassword(t, acc, "gina@uni.edu", credential.RoleViewer)
	_, sec, _ := acc.Login(ctx, "gina@uni.edu", goodPassword, "10.0.0.1")
	p, err := acc.Session(ctx, sec)
	if err != nil {
		t.Fatal(err)
	}
	// A viewer cannot make a registrar token.
	_, _, err = acc.CreateToken(ctx, p, account.TokenRequest{Name: "x", Role: credential.RoleRegistrar})
	wantCode(t, "token above the owner's role", err, credential.CodeForbidden)
	past := clk.Now().Add(-time.Hour)
	_, _, err = acc.CreateToken(ctx, p, account.TokenRequest{Name: "x", ExpiresAt: &past})
	wantCode(t, "token expiring in the past", err, credential.CodeInvalid)
	_, _, err = acc.CreateToken(ctx, p, account.TokenRequest{Name: strings.Repeat("n", 101)})
	wantCode(t, "over-long token name", err, credential.CodeInvalid)
	if ts, _ := acc.Tokens(ctx, p, false); len(ts) != 0 {
		t.Fatalf("refused tokens were stored: %+v", ts)
	}
	exp := clk.Now().Add(24 * time.Hour)
	tk, tok, err := acc.CreateToken(ctx, p, account.TokenRequest{Name: "reports", ExpiresAt: &exp})
	if err != nil || tk.Role != credential.RoleViewer || !strings.HasPrefix(tok, "tanu_") {
		t.Fatalf("create: %+v %q %v", tk, tok, err)
	}
	bp, err := acc.Bearer(ctx, tok)
	if err != nil || bp.User.Email != "gina@uni.edu" || bp.Actor() != "user:gina@uni.edu via token:"+tk.ID {
		t.Fatalf("bearer: %+v %v", bp, err)
	}
	ts, err := acc.Tokens(ctx, p, false)
	if err != nil || len(ts) != 1 || ts[0].LastUsedAt == nil || ts[0].Name != "reports" || ts[0].OwnerEmail != "gina@uni.edu" {
		t.Fatalf("list: %+v %v", ts, err)
	}
	if _, err := acc.Tokens(ctx, p, true); credential.ErrorCode(err) != credential.CodeForbidden {
		t.Errorf("a viewer listed every token: %v", err)
	}
	// Expiry.
	clk.Advance(24 * time.Hour)
	_, err = acc.Bearer(ctx, tok)
	wantCode(t, "expired token", err, credential.CodeUnauthorized)
	// Revocation: by its owner; another non-admin user cannot see it.
	_, tok2, _ := acc.CreateToken(ctx, p, account.TokenRequest{Name: "second"})
	inviteWithPassword(t, acc, "hank@uni.edu", credential.RoleRegistrar)
	_, hsec, _ := acc.Login(ctx, "hank@uni.edu", goodPassword, "10.0.0.1")
	hp, _ := acc.Session(ctx, hsec)
	b2, _ := acc.Bearer(ctx, tok2)
	_, err = acc.RevokeToken(ctx, hp, b2.Token.ID)
	wantCode(t, "revoking another's token", err, credential.CodeNotFound)
	if _, err := acc.RevokeToken(ctx, p, b2.Token.ID); err != nil {
		t.Fatal(err)
	}
	_, err = acc.Bearer(ctx, tok2)
	wantCode(t, "revoked token", err, credential.CodeUnauthorized)
	_, err = acc.Bearer(ctx, "tanu_"+strings.Repeat("x", 300))
	wantCode(t, "over-long token", err, credential.CodeUnauthorized)
}

func testAccountSystemTokens(t *testing.T, open Open) {
	s, acc, _ := newAccounts(t, open)
	ctx := context.Background()
	// A token stored as before accounts existed (no owner) still works.
	if err := s.CreateToken(ctx, account.Token{ID: "legacy", Hash: account.HashSecret("tanu_legacy-secret"), Role: credential.RoleRegistrar}); err != nil {
		t.Fatal(err)
	}
	p, err := acc.Bearer(ctx, "tanu_legacy-secret")
	if err != nil || p.User != nil || p.Role != credential.RoleRegistrar || p.Actor() != "token:legacy" {
		t.Fatalf("legacy token: %+v %v", p, err)
	}
	// It cannot own new tokens.
	_, _, err = acc.CreateToken(ctx, p, account.TokenRequest{Name: "x", Role: credential.RoleViewer})
	wantCode(t, "token made by a system token", err, credential.CodeForbidden)
	// The CLI caps an owned token by its owner's role.
	inviteWithPassword(t, acc, "ivan@uni.edu", credential.RoleCoordinator)
	_, _, err = acc.CreateSystemToken(ctx, "ivan@uni.edu", account.TokenRequest{Role: credential.RoleAdmin})
	wantCode(t, "CLI token above its owner", err, credential.CodeForbidden)
	if _, err := acc.RevokeToken(ctx, nil, "legacy"); err != nil {
		t.Fatal(err)
	}
	_, err = acc.Bearer(ctx, "tanu_legacy-secret")
	wantCode(t, "revoked legacy token", err, credential.CodeUnauthorized)
}

func testAccountAudit(t *testing.T, open Open) {
	s, acc, _ := newAccounts(t, open)
	ctx := credential.WithActor(context.Background(), "cli:root")
	inviteWithPasswordCtx(ctx, t, acc, "jane@uni.edu", credential.RoleAdmin)
	_, sec, _ := acc.Login(ctx, "jane@uni.edu", goodPassword, "10.0.0.1")
	p, _ := acc.Session(ctx, sec)
	uctx := credential.WithActor(ctx, p.Actor())
	tk, _, err := acc.CreateToken(uctx, p, account.TokenRequest{Name: "ci"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acc.RevokeToken(uctx, p, tk.ID); err != nil {
		t.Fatal(err)
	}
	es, err := s.AuditLog(ctx, credential.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range es {
		got[e.Action] = e.Actor
	}
	want := map[string]string{credential.ActionUserCreated: "cli:root", credential.ActionUserPasswordSet: "user:jane@uni.edu",
		credential.ActionTokenCreated: "user:jane@uni.edu", credential.ActionTokenRevoked: "user:jane@uni.edu"}
	for a, actor := range want {
		if got[a] != actor {
			t.Errorf("audit %s by %q, want %q (all: %v)", a, got[a], actor, got)
		}
	}
}

func testAccountFlows(t *testing.T, open Open) {
	s, _, clk := newAccounts(t, open)
	ctx := context.Background()
	now := clk.Now()
	f := account.Flow{StateHash: "h1", Provider: "kc", Nonce: "n", Verifier: "v", Next: "/console", CreatedAt: now, ExpiresAt: now.Add(10 * time.Minute)}
	if err := s.SaveFlow(ctx, f); err != nil {
		t.Fatal(err)
	}
	got, err := s.TakeFlow(ctx, "h1", now)
	if err != nil || got.Nonce != "n" || got.Verifier != "v" || got.Provider != "kc" {
		t.Fatalf("take: %+v %v", got, err)
	}
	if _, err := s.TakeFlow(ctx, "h1", now); !credential.IsNotFound(err) {
		t.Fatalf("a flow was taken twice: %v", err)
	}
	f.StateHash = "h2"
	if err := s.SaveFlow(ctx, f); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TakeFlow(ctx, "h2", now.Add(11*time.Minute)); !credential.IsNotFound(err) {
		t.Fatalf("an expired flow was usable: %v", err)
	}
}

// LegacyTokens checks that API tokens stored before the accounts migration
// (0006) keep working after it, as system tokens. empty opens a store on
// which no migration has been applied.
func LegacyTokens(t *testing.T, empty Open) {
	s := empty(t)
	ctx := context.Background()
	ms, err := migrations.List(s.Dialect())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SchemaVersion(ctx); err != nil { // creates schema_migrations
		t.Fatal(err)
	}
	db := s.Driver()
	for _, m := range ms {
		if m.Version >= 6 {
			break
		}
		if _, err := db.Exec(ctx, m.SQL); err != nil {
			t.Fatalf("migration %d: %v", m.Version, err)
		}
		if _, err := db.Exec(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", m.Version, m.Name, time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
	}
	// A token as `tanu token create` stored it before accounts existed.
	if _, err := db.Exec(ctx, "INSERT INTO tokens (id, hash, role, name, created_at) VALUES ($1, $2, $3, $4, $5)",
		"old", account.HashSecret("tanu_made-before-accounts"), credential.RoleRegistrar, "old script", time.Now().UTC()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	acc := account.New(s, account.Config{Argon2: FastArgon2()}, time.Now)
	p, err := acc.Bearer(ctx, "tanu_made-before-accounts")
	if err != nil || p.Role != credential.RoleRegistrar || p.User != nil || p.Actor() != "token:old" {
		t.Fatalf("a token from before accounts: %+v %v", p, err)
	}
	ts, err := acc.AllTokens(ctx)
	if err != nil || len(ts) != 1 || ts[0].Name != "old script" || ts[0].OwnerID != "" || ts[0].LastUsedAt == nil {
		t.Fatalf("listed: %+v %v", ts, err)
	}
}

package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
)

// TestUserAndTokenCommands runs the account commands on a fresh embedded
// database and checks what they print and store.
func TestUserAndTokenCommands(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TANU_DATA_DIR": dir, "TANU_PUBLIC_URL": "https://credentials.uni.example"}
	getenv := func(k string) string { return env[k] }
	tanu := func(args ...string) (string, string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
		return out.String(), errOut.String(), err
	}
	must := func(args ...string) string {
		t.Helper()
		out, errOut, err := tanu(args...)
		if err != nil {
			t.Fatalf("tanu %s: %v\n%s%s", strings.Join(args, " "), err, out, errOut)
		}
		return out
	}
	link := must("user", "add", "--email", "Registrar@Uni.Example", "--role", "registrar", "--name", "Айгүл Серікқызы")
	if !regexp.MustCompile(`^https://credentials\.uni\.example/console/setup/[A-Za-z0-9_-]{43}\n$`).MatchString(link) {
		t.Fatalf("user add printed %q, want the setup link alone", link)
	}
	if _, _, err := tanu("user", "add", "--email", "registrar@uni.example", "--role", "viewer"); credential.ErrorCode(err) != credential.CodeConflict {
		t.Errorf("duplicate user: %v", err)
	}
	if _, _, err := tanu("user", "add", "--email", "not an address", "--role", "viewer"); credential.ErrorCode(err) != credential.CodeInvalid {
		t.Errorf("bad e-mail: %v", err)
	}
	if out := must("user", "list"); !strings.Contains(out, "registrar@uni.example") || !strings.Contains(out, "invited") {
		t.Errorf("user list:\n%s", out)
	}
	owned := strings.TrimSpace(must("token", "create", "--role", "registrar", "--owner", "registrar@uni.example", "--name", "sync", "--expires", "720h"))
	system := strings.TrimSpace(must("token", "create", "--role", "admin"))
	for _, tok := range []string{owned, system} {
		if !regexp.MustCompile(`^tanu_[A-Za-z0-9_-]{43}$`).MatchString(tok) {
			t.Fatalf("token create printed %q, want the token alone", tok)
		}
	}
	if _, _, err := tanu("token", "create", "--role", "admin", "--owner", "registrar@uni.example"); credential.ErrorCode(err) != credential.CodeForbidden {
		t.Errorf("token above its owner: %v", err)
	}
	list := must("token", "list")
	if !strings.Contains(list, "registrar@uni.example") || !strings.Contains(list, "(system)") || strings.Count(list, "active") != 2 {
		t.Errorf("token list:\n%s", list)
	}
	// The tokens work, through the same service the server uses.
	cfg := app.Config{DataDir: dir}
	st, err := app.OpenStore(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	acc := account.New(st, account.Config{}, time.Now)
	p, err := acc.Bearer(context.Background(), owned)
	if err != nil || p.Role != credential.RoleRegistrar || p.User.Email != "registrar@uni.example" || p.Token.ExpiresAt == nil {
		t.Fatalf("owned token: %+v %v", p, err)
	}
	// A role change caps the token; disabling stops it.
	if out := must("user", "role", "registrar@uni.example", "viewer"); out != "registrar@uni.example viewer enabled\n" {
		t.Errorf("user role printed %q", out)
	}
	if p, err := acc.Bearer(context.Background(), owned); err != nil || p.Role != credential.RoleViewer {
		t.Errorf("token after demotion: %+v %v", p, err)
	}
	must("user", "disable", "registrar@uni.example")
	if _, err := acc.Bearer(context.Background(), owned); credential.ErrorCode(err) != credential.CodeUnauthorized {
		t.Errorf("token of a disabled user: %v", err)
	}
	if out := must("user", "list"); !strings.Contains(out, "disabled") {
		t.Errorf("user list after disable:\n%s", out)
	}
	reset := must("user", "reset", "registrar@uni.example")
	if !strings.HasPrefix(reset, "https://credentials.uni.example/console/setup/") || reset == link {
		t.Errorf("user reset printed %q", reset)
	}
	// Revoke the system token by id.
	id := regexp.MustCompile(`(?m)^(\S+)\s+-\s+admin\s+\(system\)`).FindStringSubmatch(must("token", "list"))
	if id == nil {
		t.Fatalf("no system token in the list")
	}
	if out := must("token", "revoke", id[1]); out != id[1]+" revoked\n" {
		t.Errorf("token revoke printed %q", out)
	}
	if _, err := acc.Bearer(context.Background(), system); credential.ErrorCode(err) != credential.CodeUnauthorized {
		t.Errorf("revoked system token: %v", err)
	}
	if _, _, err := tanu("token", "revoke", "no-such-token"); !credential.IsNotFound(err) {
		t.Errorf("revoking an unknown token: %v", err)
	}
	// The audit trail names the command-line user.
	es, err := st.AuditLog(context.Background(), credential.AuditFilter{})
	if err != nil || len(es) == 0 || !strings.HasPrefix(es[0].Actor, "cli") {
		t.Errorf("audit: %+v %v", es, err)
	}
}

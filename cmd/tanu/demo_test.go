package main

import (
	"bytes"
	"context"
	"net"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/internal/app"
)

// TestDemo runs `tanu demo --exit` on a fresh data directory and checks
// that what it prints is there: the programs, three microcertificates and
// the TeachHub cards at their stages, each printed credential verifying
// as valid with `tanu verify` against the same directory.
func TestDemo(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TANU_DATA_DIR": dir}
	getenv := func(k string) string { return env[k] }
	tanu := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
		return out.String() + errOut.String(), err
	}
	out, err := tanu("demo", "--exit", "--data", dir, "--listen", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	for _, want := range []string{"MQ-2026-0001", "TH-2026-0001", "Admin token:     tanu_", "/console/login", "e-mail admin@demo.example.edu, password demo-",
		"KZ-0417", "recognized", "KZ-0523", "completed", "KZ-0688", "in_progress"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	// The printed console login works.
	pw := regexp.MustCompile(`password (demo-\S+)`).FindStringSubmatch(out)
	st, err := app.OpenStore(context.Background(), app.Config{DataDir: dir})
	if err != nil || pw == nil {
		t.Fatalf("store %v, password %v", err, pw)
	}
	u, _, err := account.New(st, account.Config{}, time.Now).Login(context.Background(), "admin@demo.example.edu", pw[1], "127.0.0.1")
	st.Close()
	if err != nil || u.Role != "admin" {
		t.Fatalf("demo admin login: %+v %v", u, err)
	}
	// The demo served at a port of its own; verifying later, the CLI must
	// know that address is this issuer's (not a stranger's to fetch keys from).
	base := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(out)
	if base == "" {
		t.Fatalf("no base URL in:\n%s", out)
	}
	env["TANU_PUBLIC_URL"] = base
	ids := regexp.MustCompile(`/c/([0-9a-f-]{36})`).FindAllStringSubmatch(out, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		seen[m[1]] = true
	}
	if len(seen) != 5 { // three microcertificates, two TeachHub completion records
		t.Fatalf("demo printed %d credentials, want 5:\n%s", len(seen), out)
	}
	for id := range seen {
		got, err := tanu("verify", id)
		if err != nil || !strings.Contains(got, `"status": "valid"`) {
			t.Errorf("verify %s: %v\n%s", id, err, got)
		}
	}
	// By the certificate number printed on a certificate, as the verify page takes it.
	for _, n := range []string{"000001", "№ 000001"} {
		if got, err := tanu("verify", n); err != nil || !strings.Contains(got, `"status": "valid"`) || !strings.Contains(got, `"in_registry": true`) {
			t.Errorf("verify %s: %v\n%s", n, err, got)
		}
	}
	if got, err := tanu("verify", "999999"); err == nil || !strings.Contains(got, `"status": "not_found"`) {
		t.Errorf("verify an unknown number: %v\n%s", err, got)
	}
}

// TestDemoHonoursEnvironment: like every command, demo listens on
// TANU_LISTEN and prints TANU_PUBLIC_URL into its links (someone showing
// it on a phone needs both).
func TestDemoHonoursEnvironment(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	env := map[string]string{"TANU_LISTEN": busy.Addr().String()}
	tanu := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] })
		return out.String() + errOut.String(), err
	}
	if out, err := tanu("demo", "--exit", "--data", t.TempDir()); err == nil || !strings.Contains(err.Error(), busy.Addr().String()) {
		t.Fatalf("demo on a busy TANU_LISTEN: %v\n%s", err, out)
	}
	env["TANU_LISTEN"] = "127.0.0.1:0"
	env["TANU_PUBLIC_URL"] = "http://192.0.2.10:8080"
	out, err := tanu("demo", "--exit", "--data", t.TempDir())
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	if !strings.Contains(out, "http://192.0.2.10:8080/c/") || !strings.Contains(out, "http://192.0.2.10:8080/verify") || strings.Contains(out, "http://127.0.0.1") {
		t.Fatalf("demo does not print TANU_PUBLIC_URL:\n%s", out)
	}
}

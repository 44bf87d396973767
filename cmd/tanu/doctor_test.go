package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// closedPort returns a 127.0.0.1 address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestDoctor runs `tanu doctor` on a working configuration (a running
// instance) and on one broken configuration of each kind: each gives a
// non-zero exit and one problem, in its own words.
func TestDoctor(t *testing.T) {
	org, _ := filepath.Abs("testdata/org.json")
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) { c.ConfigFile, c.Org = org, mustOrg(t, org) }})
	other := apptest.Start(t, "sqlite") // another tanu, with other keys
	placeholder := filepath.Join(t.TempDir(), "org.json")
	if err := os.WriteFile(placeholder, []byte(`{"name": {"kk": "Үлгі университеті", "ru": "Примерный университет", "en": "Example University"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	good := map[string]string{
		"TANU_DATA_DIR": h.App.Config.DataDir, "TANU_KEYS_DIR": h.App.Config.KeysDir,
		"TANU_PUBLIC_URL": h.URL, "TANU_CONFIG": org,
	}
	doctor := func(change map[string]string, args ...string) (string, error) {
		env := map[string]string{}
		for k, v := range good {
			env[k] = v
		}
		for k, v := range change {
			env[k] = v
		}
		var out, errOut bytes.Buffer
		err := run(context.Background(), append([]string{"doctor"}, args...), strings.NewReader(""), &out, &errOut,
			func(k string) string { return env[k] })
		return out.String() + errOut.String(), err
	}

	out, err := doctor(nil, "--min-free", "1MiB")
	if err != nil || !strings.Contains(out, "no problems found") {
		t.Fatalf("good configuration: %v\n%s", err, out)
	}
	for _, want := range []string{"public URL answers", "lists this instance's key", "schema version", "clock", "Test University"} {
		if !strings.Contains(out, want) {
			t.Errorf("good configuration: no %q in\n%s", want, out)
		}
	}

	for _, tc := range []struct {
		name   string
		change map[string]string
		args   []string
		want   string
	}{
		{"no public URL", map[string]string{"TANU_PUBLIC_URL": ""}, nil, "no public URL: set TANU_PUBLIC_URL"},
		{"plain http", map[string]string{"TANU_PUBLIC_URL": "http://credentials.example.edu"}, nil, "is plain http"},
		{"placeholder organization", map[string]string{"TANU_CONFIG": placeholder}, nil, "still names the placeholder organization"},
		{"database unreachable", map[string]string{"TANU_DATABASE_URL": "postgres://tanu@" + closedPort(t) + "/tanu?sslmode=disable&connect_timeout=2"}, nil, "cannot reach PostgreSQL at"},
		{"not migrated", map[string]string{"TANU_DATA_DIR": t.TempDir(), "TANU_KEYS_DIR": ""}, nil, "run `tanu migrate` once"},
		{"keys not found", map[string]string{"TANU_KEYS_DIR": t.TempDir()}, nil, "but the database has 2 published key(s)"},
		{"public URL is another tanu", map[string]string{"TANU_PUBLIC_URL": other.URL}, nil, "does not list this instance's key"},
		{"public URL silent", map[string]string{"TANU_PUBLIC_URL": "http://" + closedPort(t)}, nil, "does not answer"},
		{"SMTP unreachable", map[string]string{"TANU_SMTP_URL": "smtp://" + closedPort(t)}, nil, "cannot reach the SMTP server"},
		{"disk full", nil, []string{"--min-free", "1000000TiB"}, "free in " + h.App.Config.DataDir + " (want at least"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.args
			if args == nil {
				args = []string{"--min-free", "1MiB"}
			}
			out, err := doctor(tc.change, args...)
			if err == nil || !strings.Contains(err.Error(), "1 problem(s)") {
				t.Errorf("exit: %v, want 1 problem", err)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("no %q in\n%s", tc.want, out)
			}
			if n := strings.Count(out, "PROBLEM"); n != 1 {
				t.Errorf("%d problems, want 1:\n%s", n, out)
			}
		})
	}

	// A clock an hour ahead of the database's.
	cfg := h.App.Config
	cfg.ConfigFile, cfg.Org = org, mustOrg(t, org)
	found := app.Doctor(context.Background(), cfg, app.DoctorOptions{MinFreeBytes: 1, Now: func() time.Time { return time.Now().Add(time.Hour) }})
	var clock []string
	for _, f := range found {
		if f.Severity == app.Fail {
			clock = append(clock, f.Check+": "+f.Message)
		}
	}
	if len(clock) != 1 || !strings.Contains(clock[0], "clock: this machine's clock is 1h0m0s ahead of the database's") {
		t.Errorf("clock an hour ahead: %q", clock)
	}
}

func mustOrg(t *testing.T, path string) app.OrgConfig {
	t.Helper()
	o, err := app.LoadOrg(path)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestHealth asks a running instance and a closed port.
func TestHealth(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	var out, errOut bytes.Buffer
	getenv := func(string) string { return "" }
	if err := run(context.Background(), []string{"health", "--listen", strings.TrimPrefix(h.URL, "http://")}, strings.NewReader(""), &out, &errOut, getenv); err != nil || out.String() != "ok\n" {
		t.Errorf("health of a running instance: %v %q", err, out.String())
	}
	_, port, _ := net.SplitHostPort(closedPort(t))
	if err := run(context.Background(), []string{"health", "--listen", "0.0.0.0:" + port}, strings.NewReader(""), &out, &errOut, getenv); err == nil || !strings.Contains(err.Error(), "http://127.0.0.1:"+port+"/readyz") {
		t.Errorf("health of a closed port: %v", err)
	}
}

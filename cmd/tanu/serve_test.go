package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/internal/app"
)

// TestServeBindsFirst: with the port taken, serve fails on the port before
// it migrates the database or generates a key.
func TestServeBindsFirst(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := t.TempDir()
	env := map[string]string{"TANU_DATA_DIR": dir, "TANU_PUBLIC_URL": "https://credentials.example.edu", "TANU_CONFIG": "testdata/org.json", "TANU_LISTEN": ln.Addr().String()}
	var out, errOut bytes.Buffer
	err = run(context.Background(), []string{"serve", "--migrate"}, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), "listen "+ln.Addr().String()) {
		t.Fatalf("serve on a busy port: %v\n%s", err, errOut.String())
	}
	for _, p := range []string{"tanu.db", "keys"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			t.Errorf("serve created %s before finding the port busy", p)
		}
	}
}

// TestServeRefuses checks that serve (and issue) refuse what would be
// printed wrong: no public URL, a plain-http public URL that is not
// loopback (unless allowed), the placeholder organization, and a new key
// beside keys the database already publishes. Each refusal says what to do.
func TestServeRefuses(t *testing.T) {
	dir := t.TempDir()
	org, _ := filepath.Abs("testdata/org.json")
	base := map[string]string{"TANU_DATA_DIR": dir, "TANU_PUBLIC_URL": "http://127.0.0.1:8080", "TANU_CONFIG": org}
	tanu := func(change map[string]string, args ...string) (string, error) {
		env := map[string]string{}
		for k, v := range base {
			env[k] = v
		}
		for k, v := range change {
			env[k] = v
		}
		var out, errOut bytes.Buffer
		err := run(context.Background(), args, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] })
		return out.String() + errOut.String(), err
	}
	if out, err := tanu(nil, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	if out, err := tanu(nil, "keys", "generate"); err != nil {
		t.Fatalf("keys generate: %v\n%s", err, out)
	}
	empty := t.TempDir()
	for _, tc := range []struct {
		name   string
		change map[string]string
		want   string
	}{
		{"no public URL", map[string]string{"TANU_PUBLIC_URL": ""}, "no public URL: set TANU_PUBLIC_URL"},
		{"not a URL", map[string]string{"TANU_PUBLIC_URL": "credentials.example.edu"}, "must be an absolute URL starting with https://"},
		{"plain http", map[string]string{"TANU_PUBLIC_URL": "http://credentials.example.edu"}, "is plain http"},
		{"bad previous URL", map[string]string{"TANU_PREVIOUS_PUBLIC_URLS": "https://old.example.edu, ftp://x"}, `previous public URL "ftp://x"`},
		{"keys elsewhere", map[string]string{"TANU_KEYS_DIR": empty}, "no signing key in " + empty + ", but the database already has 1 published key(s)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, cmd := range [][]string{{"serve", "--listen", "127.0.0.1:0"}, {"issue", "--program", "X", "--file", "x.csv"}} {
				if tc.name == "keys elsewhere" && cmd[0] == "issue" {
					continue // issue needs a program first; the key check is the same app.Open
				}
				out, err := tanu(tc.change, cmd...)
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%s: %v, want %q\n%s", cmd[0], err, tc.want, out)
				}
			}
		})
	}
	// Nothing was invented: the empty directory stays empty, one key is published.
	if ents, _ := os.ReadDir(empty); len(ents) != 0 {
		t.Errorf("serve wrote %d file(s) into the wrong key directory", len(ents))
	}
	st, err := app.OpenStore(context.Background(), app.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if keys, _ := st.PublicKeys(context.Background()); len(keys) != 1 {
		t.Errorf("%d published keys, want 1", len(keys))
	}
}

// TestAllowHTTPPublicURL accepts a plain-http public URL only when the
// flag or the environment says so, and loopback addresses always.
func TestAllowHTTPPublicURL(t *testing.T) {
	org, _ := filepath.Abs("testdata/org.json")
	for _, tc := range []struct {
		url, env string
		args     []string
		ok       bool
	}{
		{"http://credentials.example.edu", "", nil, false},
		{"http://credentials.example.edu", "1", nil, true},
		{"http://credentials.example.edu", "", []string{"--allow-http-public-url"}, true},
		{"http://localhost:8080", "", nil, true},
		{"http://[::1]:8080", "", nil, true},
		{"https://credentials.example.edu/", "", nil, true},
	} {
		var errOut bytes.Buffer
		e := &env{stderr: &errOut, getenv: func(k string) string {
			return map[string]string{"TANU_PUBLIC_URL": tc.url, "TANU_ALLOW_HTTP_PUBLIC_URL": tc.env, "TANU_CONFIG": org}[k]
		}}
		fs := flagSet(e, "serve", "")
		c := configFlags(e, fs)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		if err := finish(c); err != nil {
			t.Fatal(err)
		}
		if err := c.CheckServing(); (err == nil) != tc.ok {
			t.Errorf("%s env=%q args=%v: %v", tc.url, tc.env, tc.args, err)
		}
	}
}

// TestIssueRefusesIncompleteIdentity: without an organization file a new
// database has no identity; issue refuses naming every missing field (serve
// starts, and the console's setup page asks an admin for it).
func TestIssueRefusesIncompleteIdentity(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"TANU_DATA_DIR": dir, "TANU_PUBLIC_URL": "http://127.0.0.1:8080"}
	cohortFile := filepath.Join(dir, "x.csv")
	if err := os.WriteFile(cohortFile, []byte("student_id\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return env[k] }
	if err := run(context.Background(), []string{"migrate"}, strings.NewReader(""), &out, &errOut, getenv); err != nil {
		t.Fatalf("migrate: %v\n%s", err, errOut.String())
	}
	err := run(context.Background(), []string{"issue", "--program", "X", "--file", cohortFile}, strings.NewReader(""), &out, &errOut, getenv)
	if err == nil || !strings.Contains(err.Error(), "the organization's identity is incomplete: set name.kk, name.ru, name.en, head_name.kk") {
		t.Fatalf("issue without an identity: %v\n%s", err, errOut.String())
	}
}

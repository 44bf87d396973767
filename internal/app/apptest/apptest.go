// Package apptest starts a whole tanu instance for end-to-end tests: a real
// HTTP server on 127.0.0.1 over a real store (SQLite, or PostgreSQL when
// configured), with real keys.
package apptest

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/httpapi"
	"github.com/tanu-edu/tanu/internal/testdb"
)

// Harness is a running instance.
type Harness struct {
	App    *app.App
	URL    string
	Tokens map[string]string // role → bearer token
	Client *http.Client
	stop   func()
}

// Stop shuts the instance down before the test ends.
func (h *Harness) Stop() { h.stop() }

// Engines returns "sqlite" and, when TANU_TEST_DATABASE_URL is set,
// "postgres".
func Engines(t testing.TB) []string {
	var out []string
	for name := range testdb.Engines(t) {
		out = append(out, name)
	}
	if len(out) == 2 && out[0] != "sqlite" {
		out[0], out[1] = out[1], out[0]
	}
	return out
}

// Options tweak the instance.
type Options struct {
	Configure func(*app.Config)
	Now       func() time.Time
	// Share runs a second instance on the first one's database (and its
	// tokens): several instances behind one load balancer.
	Share *Harness
}

// Start runs an instance on engine ("sqlite" or "postgres") until the test
// ends.
func Start(t testing.TB, engine string, opts ...Options) *Harness {
	t.Helper()
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	ctx, cancel := context.WithCancel(context.Background())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cfg := app.Config{DataDir: dir, KeysDir: filepath.Join(dir, "keys"), PublicURL: "http://" + ln.Addr().String(), Migrate: true, Org: app.DefaultOrg()}
	if o.Share != nil {
		// Instances behind one load balancer share the database and the keys.
		cfg.KeysDir = o.Share.App.Config.KeysPath()
		cfg.DatabaseURL = o.Share.App.Config.DatabaseURL
		if cfg.DatabaseURL == "" {
			t.Fatal("apptest: Share needs a PostgreSQL instance")
		}
	} else if engine == "postgres" {
		// A fresh schema: open once through testdb to create and migrate it,
		// then point the app at it through search_path.
		url := os.Getenv(testdb.EnvURL)
		if url == "" {
			t.Skipf("PostgreSQL test skipped: %s is not set", testdb.EnvURL)
		}
		schema := newSchema(t, url)
		sep := "?"
		if strings.Contains(url, "?") {
			sep = "&"
		}
		cfg.DatabaseURL = url + sep + "search_path=" + schema
	}
	// The per-client limits are off (every test client is 127.0.0.1);
	// tests of the limits switch them on in Configure.
	cfg.Limits = httpapi.Limits{VerifyPerMinute: -1, UploadPerMinute: -1, UploadsPerUser: -1, OpenBatchesPerUser: -1}
	if o.Configure != nil {
		o.Configure(&cfg)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if os.Getenv("TANU_TEST_LOG") != "" {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	var aopts []app.Option
	if o.Now != nil {
		aopts = append(aopts, app.WithClock(o.Now))
	}
	a, err := app.Open(ctx, cfg, log, aopts...)
	if err != nil {
		t.Fatal(err)
	}
	done, workers := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		_ = httpapi.Serve(ctx, ln, a.Server.Handler(), log, 5*time.Second)
	}()
	go func() {
		defer close(workers)
		_ = a.Run(ctx)
	}()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			<-done
			<-workers
			a.Close()
		})
	}
	t.Cleanup(stop)
	h := &Harness{App: a, URL: "http://" + ln.Addr().String(), Tokens: map[string]string{}, Client: &http.Client{Timeout: 60 * time.Second}, stop: stop}
	if o.Share != nil {
		h.Tokens = o.Share.Tokens
		return h
	}
	// One system token per role, as `tanu token create --role R` makes them.
	for _, role := range credential.Roles() {
		b := make([]byte, 32)
		_, _ = rand.Read(b)
		tok := "tanu_" + base64.RawURLEncoding.EncodeToString(b)
		err := a.Store.CreateToken(ctx, account.Token{ID: role, Hash: account.HashSecret(tok), Role: role})
		if credential.ErrorCode(err) == credential.CodeConflict { // a database reused from an earlier instance
			err = a.Store.CreateToken(ctx, account.Token{ID: role + "-" + tok[5:13], Hash: account.HashSecret(tok), Role: role})
		}
		if err != nil {
			t.Fatal(err)
		}
		h.Tokens[role] = tok
	}
	return h
}

func newSchema(t testing.TB, url string) string {
	t.Helper()
	s := testdb.Postgres(t) // creates a schema with cleanup, migrated
	var schema string
	if err := s.Driver().QueryRow(context.Background(), "SELECT current_schema()").Scan(&schema); err != nil {
		t.Fatal(err)
	}
	return schema
}

// Do sends a request with the role's token ("" for none) and returns the
// response and its body.
func (h *Harness) Do(t testing.TB, role, method, path, contentType string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, h.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+h.Tokens[role])
	}
	resp, err := h.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

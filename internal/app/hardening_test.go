package app_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/httpapi"
	"github.com/tanu-edu/tanu/internal/testdb"
)

// tooMany checks a 429 in the JSON error shape with a Retry-After.
func tooMany(t *testing.T, what string, resp *http.Response, body []byte) {
	t.Helper()
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("%s: %d %s, want 429", what, resp.StatusCode, body)
	}
	if n, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || n < 1 {
		t.Fatalf("%s: Retry-After %q", what, resp.Header.Get("Retry-After"))
	}
	var e struct {
		Error struct {
			Code    string            `json:"code"`
			Message string            `json:"message"`
			Details []json.RawMessage `json:"details"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil || e.Error.Code != "too_many_requests" || e.Error.Message == "" || e.Error.Details == nil {
		t.Fatalf("%s: body %s", what, body)
	}
}

// TestVerifyRateLimit: the public verification endpoints answer 429 with
// Retry-After once a client has spent its burst, whatever X-Forwarded-For
// says; another client is not affected.
func TestVerifyRateLimit(t *testing.T) {
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) {
		c.Limits = httpapi.Limits{VerifyPerMinute: 6, VerifyBurst: 3}
	}})
	regno := createProgram(t, h)
	cred := issue(t, h, regno, "R1")
	for i := range 3 {
		if resp, body := h.Do(t, "", "GET", "/api/v1/verify/"+cred.ID, "", nil); resp.StatusCode != 200 {
			t.Fatalf("request %d: %d %s", i, resp.StatusCode, body)
		}
	}
	resp, body := h.Do(t, "", "GET", "/api/v1/verify/"+cred.ID, "", nil)
	tooMany(t, "GET verify", resp, body)
	if n, _ := strconv.Atoi(resp.Header.Get("Retry-After")); n > 10 {
		t.Fatalf("Retry-After %d s for 6 a minute", n)
	}
	resp, body = h.Do(t, "", "POST", "/api/v1/verify", "text/plain", strings.NewReader("a.b.c"))
	tooMany(t, "POST verify", resp, body)
	// The form of the /verify page posts there too.
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	_ = mw.WriteField("credential", "a.b.c")
	_ = mw.Close()
	req, _ := http.NewRequest("POST", h.URL+"/api/v1/verify?lang=kk", &form)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "text/html")
	req.Header.Set("X-Forwarded-For", "203.0.113.9") // not a trusted proxy: ignored
	fresp, err := h.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	fbody, _ := io.ReadAll(fresp.Body)
	fresp.Body.Close()
	// A person gets the form again, with the reason in the page's language.
	if fresp.StatusCode != 429 || fresp.Header.Get("Retry-After") == "" || !strings.HasPrefix(fresp.Header.Get("Content-Type"), "text/html") ||
		!bytes.Contains(fbody, []byte("Сіздің мекенжайыңыздан тексеру тым көп")) || !bytes.Contains(fbody, []byte(`name="credential"`)) {
		t.Fatalf("verify form: %d %s", fresp.StatusCode, fbody)
	}
	// Pages and other endpoints are not limited.
	if resp, _ := h.Do(t, "", "GET", "/c/"+cred.ID, "", nil); resp.StatusCode != 200 {
		t.Fatalf("credential page: %d", resp.StatusCode)
	}
}

// TestTrustedProxy: behind a configured proxy, X-Forwarded-For names the
// client, so two clients behind it have their own budgets.
func TestTrustedProxy(t *testing.T) {
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) {
		c.Limits = httpapi.Limits{VerifyPerMinute: 1, VerifyBurst: 1}
		c.TrustedProxies = []string{"127.0.0.1"}
	}})
	get := func(client string) int {
		req, _ := http.NewRequest("GET", h.URL+"/api/v1/verify/00000000-0000-0000-0000-000000000000", nil)
		req.Header.Set("X-Forwarded-For", client)
		resp, err := h.Client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if a1, a2, b1 := get("198.51.100.1"), get("198.51.100.1"), get("198.51.100.2"); a1 != 404 || a2 != 429 || b1 != 404 {
		t.Fatalf("client A %d then %d, client B %d", a1, a2, b1)
	}
}

// TestUploadLimits: a user's uploads are rate-limited, at most
// UploadsPerUser are read at once, and no new batch is taken while the
// user has OpenBatchesPerUser queued (counted in the database).
func TestUploadLimits(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			h := startBatch(t, eng, func(c *app.Config) {
				c.Batch.Workers = -1 // batches stay queued
				c.Limits = httpapi.Limits{UploadPerMinute: 60, UploadBurst: 10, UploadsPerUser: 1, OpenBatchesPerUser: 2}
			})
			regno := createProgramTB(t, h)
			data := fixture(t, "cohort-en.csv")
			submit(t, h, regno, "a.csv", data, "")
			submit(t, h, regno, "b.csv", data, "")
			resp, body := upload(t, h, regno, "c.csv", data, "")
			tooMany(t, "third open batch", resp, body)
			if !bytes.Contains(body, []byte("queued or running")) {
				t.Fatalf("message: %s", body)
			}
			// A second upload while one is still being read.
			pr, pw := io.Pipe()
			mw := multipart.NewWriter(pw)
			first := make(chan int, 1)
			go func() {
				req, _ := http.NewRequest("POST", h.URL+"/api/v1/teachhub/cards/import?program=x", pr)
				req.Header.Set("Content-Type", mw.FormDataContentType())
				req.Header.Set("Authorization", "Bearer "+h.Tokens["registrar"])
				resp, err := h.Client.Do(req)
				if err != nil {
					first <- 0
					return
				}
				resp.Body.Close()
				first <- resp.StatusCode
			}()
			fw, _ := mw.CreateFormFile("file", "staff.csv")
			_, _ = fw.Write([]byte("a,b\n")) // the server is now reading this upload
			time.Sleep(200 * time.Millisecond)
			resp, body = h.Do(t, "registrar", "POST", "/api/v1/teachhub/cards/import?program=x", "text/csv", strings.NewReader("a,b\n"))
			tooMany(t, "second concurrent upload", resp, body)
			_ = mw.Close()
			_ = pw.Close()
			if code := <-first; code == 0 || code == 429 {
				t.Fatalf("the first upload: %d", code)
			}
			// Another user is not affected.
			resp, _ = h.Do(t, "admin", "POST", "/api/v1/teachhub/cards/import?program=x", "text/csv", strings.NewReader("a,b\n"))
			if resp.StatusCode == 429 {
				t.Fatal("another user was limited")
			}
		})
	}
}

// TestUploadRate: past the burst, uploads wait.
func TestUploadRate(t *testing.T) {
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) {
		c.Limits = httpapi.Limits{UploadPerMinute: 2, UploadBurst: 2}
	}})
	for i := range 2 {
		if resp, _ := h.Do(t, "coordinator", "POST", "/api/v1/teachhub/cards/import?program=x", "text/csv", strings.NewReader("a,b\n")); resp.StatusCode == 429 {
			t.Fatalf("upload %d limited", i)
		}
	}
	resp, body := h.Do(t, "coordinator", "POST", "/api/v1/teachhub/cards/import?program=x", "text/csv", strings.NewReader("a,b\n"))
	tooMany(t, "third upload", resp, body)
}

// TestSecurityHeaders: nothing tanu serves may be sniffed into another
// type, an SVG badge runs nothing, and error JSON always has details.
func TestSecurityHeaders(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	cred := issue(t, h, regno, "H1")
	for _, path := range []string{"/c/" + cred.ID + "/badge.svg", "/c/" + cred.ID + "/credential.jwt", "/api/v1/verify/" + cred.ID,
		"/c/" + cred.ID + "/credential.json", "/.well-known/jwks.json", "/api/v1/verify/nope", "/no/such/page"} {
		resp, _ := h.Do(t, "", "GET", path, "", nil)
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s (%d): X-Content-Type-Options %q", path, resp.StatusCode, resp.Header.Get("X-Content-Type-Options"))
		}
	}
	resp, _ := h.Do(t, "", "GET", "/c/"+cred.ID+"/badge.svg", "", nil)
	csp := resp.Header.Get("Content-Security-Policy")
	if resp.StatusCode != 200 || !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "sandbox") || strings.Contains(csp, "script-src") {
		t.Fatalf("badge.svg %d CSP %q", resp.StatusCode, csp)
	}
	for _, tc := range []struct{ role, method, path string }{
		{"", "GET", "/api/v1/programs"}, {"", "GET", "/no/such/page"}, {"viewer", "GET", "/api/v1/programs/none"}} {
		_, body := h.Do(t, tc.role, tc.method, tc.path, "", nil)
		if !bytes.Contains(body, []byte(`"details":[]`)) {
			t.Errorf("%s %s: %s", tc.method, tc.path, body)
		}
	}
}

// TestBearerCaseInsensitive: the scheme is case-insensitive (RFC 9110).
func TestBearerCaseInsensitive(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	for _, scheme := range []string{"Bearer", "bearer", "BEARER", "bEaReR"} {
		req, _ := http.NewRequest("GET", h.URL+"/api/v1/programs", nil)
		req.Header.Set("Authorization", scheme+" "+h.Tokens["viewer"])
		resp, err := h.Client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", scheme, resp.StatusCode)
		}
	}
}

// TestMetricsProtected: /metrics needs an admin token, or the metrics token
// when one is set, and leaves the main address when it has its own.
func TestMetricsProtected(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	for role, want := range map[string]int{"": 401, "viewer": 403, "registrar": 403, "admin": 200} {
		if resp, _ := h.Do(t, role, "GET", "/metrics", "", nil); resp.StatusCode != want {
			t.Errorf("metrics with %q: %d, want %d", role, resp.StatusCode, want)
		}
	}
	tok := h.Tokens["admin"] + "-metrics"
	m := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) { c.MetricsToken = tok }})
	get := func(h *apptest.Harness, auth string) (int, []byte) {
		req, _ := http.NewRequest("GET", h.URL+"/metrics", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := h.Client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	if code, body := get(m, "bearer "+tok); code != 200 || !bytes.Contains(body, []byte("go_goroutines")) {
		t.Fatalf("metrics token: %d", code)
	}
	if code, _ := get(m, "Bearer "+m.Tokens["admin"]); code != 401 {
		t.Fatalf("admin token where the metrics token is set: %d", code)
	}
	e := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) { c.MetricsListen = "127.0.0.1:0" }})
	if code, _ := get(e, "Bearer "+e.Tokens["admin"]); code != 404 {
		t.Fatalf("metrics served elsewhere, main address: %d", code)
	}
	rec := &bytes.Buffer{}
	srv := e.App.Server.MetricsHandler()
	req, _ := http.NewRequest("GET", "/metrics", nil)
	w := &recorder{header: http.Header{}, body: rec}
	srv.ServeHTTP(w, req)
	if !bytes.Contains(rec.Bytes(), []byte("go_goroutines")) {
		t.Fatal("the metrics handler serves no metrics")
	}
}

type recorder struct {
	header http.Header
	body   *bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(int)             {}

// TestReadyzHidesDatabase: an outage answers the error vocabulary; the
// database's address stays in the log.
func TestReadyzHidesDatabase(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		h := apptest.Start(t, "sqlite")
		if resp, body := h.Do(t, "", "GET", "/readyz", "", nil); resp.StatusCode != 200 {
			t.Fatalf("ready: %d %s", resp.StatusCode, body)
		}
		h.App.Store.Close()
		resp, body := h.Do(t, "", "GET", "/readyz", "", nil)
		if resp.StatusCode != 503 || !bytes.Contains(body, []byte(`"database":"unavailable"`)) || bytes.Contains(body, []byte("sql")) {
			t.Fatalf("closed database: %d %s", resp.StatusCode, body)
		}
	})
	t.Run("postgres", func(t *testing.T) {
		url := os.Getenv(testdb.EnvURL)
		if url == "" {
			t.Skipf("PostgreSQL test skipped: %s is not set", testdb.EnvURL)
		}
		// The instance reaches PostgreSQL through a relay the test cuts.
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		relay := newRelay(t, ln, "127.0.0.1:5432")
		port := ln.Addr().(*net.TCPAddr).Port
		h := apptest.Start(t, "postgres", apptest.Options{Configure: func(c *app.Config) {
			c.DatabaseURL = strings.Replace(c.DatabaseURL, "127.0.0.1:5432", "127.0.0.1:"+strconv.Itoa(port), 1)
		}})
		if resp, body := h.Do(t, "", "GET", "/readyz", "", nil); resp.StatusCode != 200 {
			t.Fatalf("ready: %d %s", resp.StatusCode, body)
		}
		relay.cut()
		resp, body := h.Do(t, "", "GET", "/readyz", "", nil)
		if resp.StatusCode != 503 || !bytes.Contains(body, []byte(`"database":"unavailable"`)) ||
			bytes.Contains(body, []byte(strconv.Itoa(port))) || bytes.Contains(body, []byte("postgres")) || bytes.Contains(body, []byte("127.0.0.1")) {
			t.Fatalf("outage: %d %s", resp.StatusCode, body)
		}
	})
}

// relay forwards TCP connections to target until cut.
type relay struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newRelay(t *testing.T, ln net.Listener, target string) *relay {
	r := &relay{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			d, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			r.mu.Lock()
			r.conns = append(r.conns, c, d)
			r.mu.Unlock()
			go func() { _, _ = io.Copy(d, c); d.Close() }()
			go func() { _, _ = io.Copy(c, d); c.Close() }()
		}
	}()
	t.Cleanup(r.cut)
	return r
}

func (r *relay) cut() {
	r.ln.Close()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.conns {
		c.Close()
	}
	r.conns = nil
}

// TestStatusListLifetime: tanu's lists carry validUntil (= exp) and a ttl,
// and are re-signed before they lapse: a list served always has at least
// half its lifetime to run, and its ETag changes when it is re-signed.
func TestStatusListLifetime(t *testing.T) {
	var mu sync.Mutex
	now := time.Now().UTC()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	h := apptest.Start(t, "sqlite", apptest.Options{Now: clock})
	regno := createProgram(t, h)
	issue(t, h, regno, "L1")
	type claims struct {
		ValidFrom  string `json:"validFrom"`
		ValidUntil string `json:"validUntil"`
		Exp        int64  `json:"exp"`
		Subject    struct {
			TTL int64 `json:"ttl"`
		} `json:"credentialSubject"`
	}
	fetch := func() (claims, string) {
		resp, body := h.Do(t, "", "GET", "/status/revocation-1", "", nil)
		if resp.StatusCode != 200 {
			t.Fatalf("list: %d %s", resp.StatusCode, body)
		}
		parts := strings.Split(string(body), ".")
		raw, err := base64.RawURLEncoding.DecodeString(parts[1])
		if err != nil {
			t.Fatal(err)
		}
		var c claims
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatal(err)
		}
		return c, resp.Header.Get("ETag")
	}
	check := func(c claims) time.Time {
		until, err := time.Parse(time.RFC3339, c.ValidUntil)
		if err != nil || until.Unix() != c.Exp || c.Subject.TTL != (5*time.Minute).Milliseconds() {
			t.Fatalf("list claims %+v", c)
		}
		if left := until.Sub(clock()); left < 12*time.Hour || left > 24*time.Hour {
			t.Fatalf("served with %s left", left)
		}
		return until
	}
	c1, etag1 := fetch()
	until1 := check(c1)
	_, etag := fetch()
	if etag != etag1 {
		t.Fatalf("ETag changed without a change: %s → %s", etag1, etag)
	}
	mu.Lock()
	now = now.Add(13 * time.Hour)
	mu.Unlock()
	c2, etag2 := fetch()
	until2 := check(c2)
	if !until2.After(until1) || etag2 == etag1 {
		t.Fatalf("not re-signed: until %s → %s, ETag %s → %s", until1, until2, etag1, etag2)
	}
}

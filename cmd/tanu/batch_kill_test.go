package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/demo"
	"github.com/tanu-edu/tanu/internal/testdb"
)

// tanuBinary builds the tanu command into a temporary directory.
func tanuBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tanu")
	// go test puts its own GOROOT/bin first in PATH.
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// instance is a tanu server running as a child process.
type instance struct {
	cmd  *exec.Cmd
	url  string
	logs *bytes.Buffer
	mu   *sync.Mutex
}

// lockedBuffer collects a child's output.
type lockedBuffer struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (b lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// cluster runs tanu processes over one database.
type cluster struct {
	t   *testing.T
	bin string
	env []string
}

func (c *cluster) run(args ...string) string {
	c.t.Helper()
	cmd := exec.Command(c.bin, args...)
	cmd.Env = c.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		c.t.Fatalf("tanu %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out))
}

// start runs `tanu serve` on a free port of 127.0.0.1 and waits until it
// answers.
func (c *cluster) start(publicURL string) *instance {
	c.t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		c.t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	in := &instance{url: "http://" + addr, logs: &bytes.Buffer{}, mu: &sync.Mutex{}}
	if publicURL == "" {
		publicURL = in.url
	}
	// The test verifies hundreds of credentials from one address: no rate limit.
	in.cmd = exec.Command(c.bin, "serve", "--listen", addr, "--public-url", publicURL, "--verify-per-minute", "-1")
	in.cmd.Env = c.env
	in.cmd.Stdout = lockedBuffer{in.mu, in.logs}
	in.cmd.Stderr = lockedBuffer{in.mu, in.logs}
	if err := in.cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() {
		_ = in.cmd.Process.Kill()
		_ = in.cmd.Wait()
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(in.url + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return in
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("tanu serve did not start:\n%s", in.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (in *instance) output() string {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.logs.String()
}

// kill ends the process with SIGKILL: no shutdown code runs.
func (in *instance) kill(t *testing.T) {
	t.Helper()
	if err := in.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = in.cmd.Wait()
}

func do(t *testing.T, token, method, url, ct string, body io.Reader, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %d %s", method, url, resp.StatusCode, b)
		}
	}
	return resp.StatusCode
}

type killBatch struct {
	ID        string `json:"id"`
	Status    string `json:"status"`
	Total     int    `json:"total"`
	Processed int    `json:"processed"`
	Issued    int    `json:"issued"`
	Skipped   int    `json:"skipped"`
	Failed    int    `json:"failed"`
	Rows      []struct {
		Row          int     `json:"row"`
		Status       string  `json:"status"`
		CredentialID *string `json:"credential_id"`
	} `json:"rows"`
}

// cohortCSV makes n rows, every 20th with a broken grade.
func cohortCSV(n int) ([]byte, int) {
	var b bytes.Buffer
	b.WriteString("student_id;family_name;given_name;date_from;date_to;decision_date;LO1;LO2;LO3\n")
	bad := 0
	for i := 0; i < n; i++ {
		lo1 := "86"
		if i%20 == 19 {
			lo1, bad = "abc", bad+1
		}
		fmt.Fprintf(&b, "K%05d;Сейітқали;Әсел;02.02.2026;24.04.2026;06.05.2026;%s;B+;90\n", i, lo1)
	}
	return b.Bytes(), bad
}

// TestBatchSurvivesKill9 starts real tanu processes, SIGKILLs the one
// issuing a batch in the middle of it, and checks that the batch is taken
// over and completes with every good row issued exactly once: counters,
// row states, one credential per row with gap-free certificate numbers,
// each verifying. On SQLite the same instance is restarted; on PostgreSQL
// a second instance sharing the database takes the batch over.
func TestBatchSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs tanu processes")
	}
	bin := tanuBinary(t)
	for name := range testdb.Engines(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			org, err := filepath.Abs("testdata/org.json")
			if err != nil {
				t.Fatal(err)
			}
			env := append(os.Environ(), "TANU_DATA_DIR="+dir, "TANU_LOG_LEVEL=warn", "TANU_CONFIG="+org,
				"TANU_BATCH_STEP=10", "TANU_BATCH_PAUSE=20ms", "TANU_BATCH_LEASE=1s", "TANU_BATCH_WORKERS=1", "TANU_BATCH_POLL=50ms")
			dbURL := ""
			if name == "postgres" {
				s := testdb.Postgres(t) // a fresh, migrated schema
				var schema string
				if err := s.Driver().QueryRow(context.Background(), "SELECT current_schema()").Scan(&schema); err != nil {
					t.Fatal(err)
				}
				u := os.Getenv(testdb.EnvURL)
				sep := "?"
				if strings.Contains(u, "?") {
					sep = "&"
				}
				dbURL = u + sep + "search_path=" + schema
			}
			env = append(env, "TANU_DATABASE_URL="+dbURL)
			c := &cluster{t: t, bin: bin, env: env}
			c.run("migrate")
			token := c.run("token", "create", "--role", "registrar")
			prog, _ := json.Marshal(demo.Microqualification())
			progFile := filepath.Join(dir, "program.json")
			if err := os.WriteFile(progFile, prog, 0o600); err != nil {
				t.Fatal(err)
			}
			regno := c.run("program", "add", "--file", progFile)

			first := c.start("")
			const rows = 600
			data, bad := cohortCSV(rows)
			var b killBatch
			if code := do(t, token, "POST", first.url+"/api/v1/batches?program="+regno, "text/csv", bytes.NewReader(data), &b); code != 202 {
				t.Fatalf("upload: %d %+v", code, b)
			}
			if b.Total != rows || b.Failed != bad {
				t.Fatalf("accepted %+v", b)
			}
			issued := func(in *instance) killBatch {
				var cur killBatch
				do(t, token, "GET", in.url+"/api/v1/batches/"+b.ID+"?rows=none", "", nil, &cur)
				return cur
			}
			var second *instance
			if name == "postgres" {
				// A second instance shares the database: once the first has
				// claimed the batch, it polls for work every 50 ms but must
				// not touch the batch while the first holds the lease.
				for issued(first).Issued == 0 {
					time.Sleep(2 * time.Millisecond)
				}
				second = c.start(first.url)
			}
			// Kill the first server once a fair part of the batch is issued.
			deadline := time.Now().Add(30 * time.Second)
			var atKill killBatch
			for {
				cur := issued(first)
				atKill = cur
				if cur.Issued >= 100 {
					if cur.Status == "done" || cur.Issued > rows-bad-100 {
						t.Fatalf("the batch got too far before the kill: %+v", cur)
					}
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("the batch does not progress: %+v\n%s", cur, first.output())
				}
				time.Sleep(5 * time.Millisecond)
			}
			first.kill(t)
			killedAt := time.Now()

			// Another process takes over: the second instance on
			// PostgreSQL, the same one restarted on SQLite (the embedded
			// store is for one instance).
			if second == nil {
				second = c.start(first.url)
			}
			var done killBatch
			deadline = time.Now().Add(60 * time.Second)
			for {
				do(t, token, "GET", second.url+"/api/v1/batches/"+b.ID, "", nil, &done)
				if done.Status == "done" || done.Status == "failed" {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("the batch was not resumed: %+v\n%s", done, second.output())
				}
				time.Sleep(20 * time.Millisecond)
			}
			t.Logf("%s: killed with %d of %d rows issued; finished %v after the kill", name, atKill.Issued, rows-bad, time.Since(killedAt).Round(time.Millisecond))
			if done.Status != "done" || done.Total != rows || done.Processed != rows || done.Issued != rows-bad ||
				done.Skipped != 0 || done.Failed != bad || len(done.Rows) != rows {
				t.Fatalf("resumed batch: %+v", done.Status)
			}
			ids := map[string]int{}
			for _, r := range done.Rows {
				wantBad := (r.Row-2)%20 == 19
				switch {
				case wantBad && (r.Status != "failed" || r.CredentialID != nil):
					t.Fatalf("row %d: %+v", r.Row, r)
				case !wantBad && (r.Status != "issued" || r.CredentialID == nil):
					t.Fatalf("row %d: %+v", r.Row, r)
				case !wantBad:
					if prev, dup := ids[*r.CredentialID]; dup {
						t.Fatalf("rows %d and %d share credential %s", prev, r.Row, *r.CredentialID)
					}
					ids[*r.CredentialID] = r.Row
				}
			}
			// The registry holds exactly those credentials, numbered 1..N
			// without gaps, each verifying.
			var list struct {
				Credentials []struct {
					ID                string `json:"id"`
					CertificateNumber string `json:"certificate_number"`
					BatchID           string `json:"batch_id"`
				} `json:"credentials"`
			}
			do(t, token, "GET", second.url+"/api/v1/credentials?program="+regno+"&limit=1000", "", nil, &list)
			if len(list.Credentials) != rows-bad {
				t.Fatalf("%d credentials in the registry for %d good rows", len(list.Credentials), rows-bad)
			}
			nums := map[string]bool{}
			for _, cr := range list.Credentials {
				if _, ok := ids[cr.ID]; !ok || cr.BatchID != b.ID {
					t.Fatalf("credential %s (batch %s) is not a row's", cr.ID, cr.BatchID)
				}
				nums[cr.CertificateNumber] = true
			}
			for i := 1; i <= rows-bad; i++ {
				if !nums[fmt.Sprintf("%06d", i)] {
					t.Fatalf("certificate number %06d is missing", i)
				}
			}
			for id := range ids {
				var v struct {
					Verified bool   `json:"verified"`
					Status   string `json:"status"`
				}
				if code := do(t, "", "GET", second.url+"/api/v1/verify/"+id, "", nil, &v); code != 200 || !v.Verified {
					t.Fatalf("credential %s: %d %+v", id, code, v)
				}
			}
		})
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/build"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/demo"
	"github.com/tanu-edu/tanu/internal/testdb"
)

// killMailpit runs a Mailpit (a real SMTP server with an HTTP API) on
// 127.0.0.1 until the test ends; the test skips when it is not installed.
// Like the large mail providers, it drops a message whose Message-ID it
// has already received (--ignore-duplicate-ids).
func killMailpit(t *testing.T) (smtpAddr, api string) {
	t.Helper()
	bin, err := exec.LookPath("mailpit")
	if err != nil {
		bin = filepath.Join(build.Default.GOPATH, "bin", "mailpit")
		if _, err := os.Stat(bin); err != nil {
			t.Skip("mailpit is not installed (go install github.com/axllent/mailpit@v1.33.1): the kill test needs a real SMTP server")
		}
	}
	port := func() string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	}
	smtpAddr, web := "127.0.0.1:"+port(), "127.0.0.1:"+port()
	cmd := exec.Command(bin, "--smtp", smtpAddr, "--listen", web, "--database", filepath.Join(t.TempDir(), "mail.db"),
		"--smtp-auth-accept-any", "--smtp-auth-allow-insecure", "--disable-version-check", "--quiet", "--ignore-duplicate-ids")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	api = "http://" + web + "/api/v1/messages?limit=1000"
	deadline := time.Now().Add(30 * time.Second)
	for {
		if resp, err := http.Get(api); err == nil {
			resp.Body.Close()
			if c, err := net.Dial("tcp", smtpAddr); err == nil {
				c.Close()
				return smtpAddr, api
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("mailpit did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type mailpitList struct {
	Total    int `json:"total"`
	Messages []struct {
		MessageID string `json:"MessageID"`
		To        []struct {
			Address string `json:"Address"`
		} `json:"To"`
	} `json:"messages"`
}

func mailpitMessages(t *testing.T, api string) mailpitList {
	t.Helper()
	resp, err := http.Get(api)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var l mailpitList
	if err := json.NewDecoder(resp.Body).Decode(&l); err != nil {
		t.Fatal(err)
	}
	return l
}

// TestMailSurvivesKill9: a tanu process is SIGKILLed while its outbox sends
// a batch's messages to a real SMTP server; after a restart every holder
// has exactly one message (the Mailpit count), and every message is
// recorded sent once. The test kills the process right after a message
// arrives, the moment most likely to fall between the server's acceptance
// and the database's record: that message is then sent again after the
// lease, with the same Message-ID, which the receiver drops.
func TestMailSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs tanu processes")
	}
	smtpAddr, api := killMailpit(t)
	bin := tanuBinary(t)
	engines := testdb.Engines(t)
	name := "sqlite"
	if _, ok := engines["postgres"]; ok {
		name = "postgres"
	}
	dir := t.TempDir()
	org, err := filepath.Abs("testdata/org.json")
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "TANU_DATA_DIR="+dir, "TANU_LOG_LEVEL=warn", "TANU_CONFIG="+org,
		"TANU_SMTP_URL=smtp://tanu:secret@"+smtpAddr+"?tls=none", "TANU_SMTP_FROM=Registrar <registrar@example.edu>",
		"TANU_MAIL_PER_MINUTE=600", "TANU_MAIL_POLL=50ms", "TANU_MAIL_LEASE=2s", "TANU_MAIL_BACKOFF=200ms", "TANU_BATCH_POLL=50ms")
	dbURL := ""
	if name == "postgres" {
		s := testdb.Postgres(t)
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
	const n = 40
	var csv bytes.Buffer
	csv.WriteString("student_id;family_name;given_name;email;date_from;date_to;decision_date;LO1;LO2;LO3\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&csv, "E%05d;Сейітқали;Әсел;k%05d@students.example.edu;02.02.2026;24.04.2026;06.05.2026;86;B+;90\n", i, i)
	}
	var b killBatch
	if code := do(t, token, "POST", first.url+"/api/v1/batches?program="+regno, "text/csv", bytes.NewReader(csv.Bytes()), &b); code != 202 {
		t.Fatalf("upload: %d %+v", code, b)
	}
	// Kill the process while it sends: some messages arrived, not all.
	deadline := time.Now().Add(60 * time.Second)
	for {
		got := mailpitMessages(t, api).Total
		if got >= 8 {
			if got >= n {
				t.Fatalf("every message was sent before the kill")
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages arrived within 60 s\n%s", got, first.output())
		}
		time.Sleep(5 * time.Millisecond)
	}
	first.kill(t)
	atKill := mailpitMessages(t, api).Total
	second := c.start(first.url)

	deadline = time.Now().Add(90 * time.Second)
	var l mailpitList
	for {
		l = mailpitMessages(t, api)
		if l.Total >= n {
			time.Sleep(3 * time.Second) // a lease's length: would a duplicate come?
			l = mailpitMessages(t, api)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d messages after the restart\n%s", l.Total, n, second.output())
		}
		time.Sleep(50 * time.Millisecond)
	}
	per, ids := map[string]int{}, map[string]bool{}
	for _, m := range l.Messages {
		per[m.To[0].Address]++
		ids[m.MessageID] = true
	}
	t.Logf("%s: killed after %d of %d messages; after the restart Mailpit holds %d messages, %d distinct Message-IDs, %d recipients",
		name, atKill, n, l.Total, len(ids), len(per))
	if len(per) != n || len(ids) != n {
		t.Fatalf("%d recipients, %d distinct messages, want %d", len(per), len(ids), n)
	}
	for addr, k := range per {
		if k != 1 {
			t.Errorf("%s received %d copies", addr, k)
		}
	}
	// The registry records each message sent, once.
	var done killBatch
	do(t, token, "GET", second.url+"/api/v1/batches/"+b.ID, "", nil, &done)
	again := 0
	for _, r := range done.Rows {
		var cred struct {
			Messages []struct {
				State    string `json:"state"`
				Attempts int    `json:"attempts"`
			} `json:"messages"`
		}
		do(t, token, "GET", second.url+"/api/v1/credentials/"+*r.CredentialID, "", nil, &cred)
		if len(cred.Messages) != 1 || cred.Messages[0].State != "sent" {
			t.Fatalf("credential %s: messages %+v", *r.CredentialID, cred.Messages)
		}
		if cred.Messages[0].Attempts > 1 {
			again++
		}
	}
	t.Logf("%s: %d messages were taken over from the killed sender and sent by the restarted one", name, again)
}

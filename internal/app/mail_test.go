package app_test

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
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/notify"
)

// mailpit is a real SMTP server (Mailpit) on 127.0.0.1, read back through
// its HTTP API.
type mailpit struct {
	bin, dir         string
	smtpPort, webURL string
	cmd              *exec.Cmd
}

// newMailpit picks free ports for a Mailpit; it is not started yet. The
// test skips when the mailpit binary is missing.
func newMailpit(t testing.TB) *mailpit {
	t.Helper()
	bin, err := exec.LookPath("mailpit")
	if err != nil {
		bin = filepath.Join(build.Default.GOPATH, "bin", "mailpit")
		if _, err := os.Stat(bin); err != nil {
			t.Skip("mailpit is not installed (go install github.com/axllent/mailpit@v1.33.1): the e-mail tests need a real SMTP server")
		}
	}
	return &mailpit{bin: bin, dir: t.TempDir(), smtpPort: strconv.Itoa(freePort(t)), webURL: "http://127.0.0.1:" + strconv.Itoa(freePort(t))}
}

func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// start runs Mailpit until the test ends and waits until it answers.
func (m *mailpit) start(t testing.TB) {
	t.Helper()
	m.cmd = exec.Command(m.bin, "--smtp", "127.0.0.1:"+m.smtpPort, "--listen", strings.TrimPrefix(m.webURL, "http://"),
		"--database", filepath.Join(m.dir, "mail.db"), "--smtp-auth-accept-any", "--smtp-auth-allow-insecure",
		"--disable-version-check", "--quiet", "--max", "0") // --max 0: keep every message
	m.cmd.Stdout, m.cmd.Stderr = os.Stderr, os.Stderr
	if err := m.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	cmd := m.cmd
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", "127.0.0.1:"+m.smtpPort, time.Second)
		if err == nil {
			c.Close()
			if resp, err := http.Get(m.webURL + "/api/v1/messages"); err == nil {
				resp.Body.Close()
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("mailpit did not start within 30 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type mpAddress struct {
	Address string `json:"Address"`
}

type mpSummary struct {
	ID      string      `json:"ID"`
	To      []mpAddress `json:"To"`
	Subject string      `json:"Subject"`
}

type mpMessage struct {
	mpSummary
	Text, HTML string
}

func (m *mailpit) list(t *testing.T) []mpSummary {
	t.Helper()
	resp, err := http.Get(m.webURL + "/api/v1/messages?limit=500")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Total    int         `json:"total"`
		Messages []mpSummary `json:"messages"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out.Messages
}

func (m *mailpit) message(t *testing.T, id string) mpMessage {
	t.Helper()
	resp, err := http.Get(m.webURL + "/api/v1/message/" + id)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out mpMessage
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// waitMessages waits until n messages arrived, then a little longer to see
// that no more come.
func (m *mailpit) waitMessages(t *testing.T, n int) []mpSummary {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		got := m.list(t)
		if len(got) >= n {
			time.Sleep(time.Second)
			return m.list(t)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d messages arrived within 90 s", len(got), n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// mailConfig points the instance at m with fast polls and retries.
func mailConfig(m *mailpit) func(*app.Config) {
	return func(c *app.Config) {
		c.Mail = notify.Config{SMTPURL: "smtp://tanu:secret@127.0.0.1:" + m.smtpPort + "?tls=none", From: "Registrar <registrar@example.edu>",
			PerMinute: 6000, Poll: 50 * time.Millisecond, Backoff: 200 * time.Millisecond, MaxBackoff: 400 * time.Millisecond, MaxAttempts: 100}
	}
}

// mailCohort is a CSV cohort of n holders with e-mails, languages kk, ru,
// en in turn.
func mailCohort(n int) ([]byte, map[string]string) {
	langs := map[string]string{}
	var b bytes.Buffer
	b.WriteString("student_id;family_name;given_name;patronymic;email;iin;date_from;date_to;decision_date;LO1;LO2;LO3;language\r\n")
	for i := 0; i < n; i++ {
		addr := fmt.Sprintf("m%05d@students.example.edu", i)
		langs[addr] = []string{"kk", "ru", "en"}[i%3]
		fmt.Fprintf(&b, "M%05d;Жұмабекова;Мөлдір;Нұрланқызы;%s;%s;02.02.2026;24.04.2026;06.05.2026;%d;B+;%d;%s\r\n",
			i, addr, iin(i), 60+i%40, 55+i%45, langs[addr])
	}
	return b.Bytes(), langs
}

// subjectMarks tell a message's language by its subject.
var subjectMarks = map[string]string{"kk": "бойынша сертификат", "ru": ": сертификат «", "en": "your certificate for"}

var pageLink = regexp.MustCompile(`https?://[^\s"<>]+/c/([0-9a-f-]{36})`)

type credentialWithMessages struct {
	ID       string               `json:"id"`
	Messages []credential.Message `json:"messages"`
}

func TestMailBatchToMailpit(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			mp := newMailpit(t)
			mp.start(t)
			h := apptest.Start(t, eng, apptest.Options{Configure: mailConfig(mp)})
			regno := createProgram(t, h)
			const n = 40
			data, langs := mailCohort(n)
			b := submit(t, h, regno, "cohort.csv", data, "")
			if done := waitBatch(t, h, b.ID); done.Issued != n {
				t.Fatalf("batch issued %d of %d: %+v", done.Issued, n, done)
			}
			got := mp.waitMessages(t, n)
			if len(got) != n {
				t.Fatalf("%d messages arrived, want exactly %d", len(got), n)
			}
			seen := map[string]bool{}
			for i, s := range got {
				if len(s.To) != 1 {
					t.Fatalf("message %s has %d recipients", s.ID, len(s.To))
				}
				to := s.To[0].Address
				lang, ok := langs[to]
				if !ok || seen[to] {
					t.Fatalf("unexpected or repeated recipient %q", to)
				}
				seen[to] = true
				if !strings.Contains(s.Subject, subjectMarks[lang]) {
					t.Errorf("%s (%s): subject %q is not in its language", to, lang, s.Subject)
				}
				msg := mp.message(t, s.ID)
				m := pageLink.FindStringSubmatch(msg.Text)
				if m == nil || !strings.HasPrefix(m[0], h.URL+"/c/") || !strings.Contains(msg.HTML, m[0]) {
					t.Fatalf("%s: no link to the credential page in the text and HTML:\n%s", to, msg.Text)
				}
				for other, mark := range map[string]string{"kk": "Құрметті", "ru": "Здравствуйте", "en": "Dear "} {
					if strings.Contains(msg.Text, mark) != (other == lang) {
						t.Errorf("%s (%s): greeting %q present=%v", to, lang, mark, other != lang)
					}
				}
				// The links work: the page, and (for a few) the PDF.
				resp, err := http.Get(m[0])
				if err != nil || resp.StatusCode != http.StatusOK {
					t.Fatalf("%s: GET %s: %v %v", to, m[0], err, resp)
				}
				resp.Body.Close()
				if i < 3 {
					resp, err := http.Get(m[0] + "/certificate.pdf")
					if err != nil || resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" {
						t.Fatalf("%s: GET the PDF: %v %v", to, err, resp)
					}
					resp.Body.Close()
				}
				// The API shows the message sent, and the address is gone.
				resp2, body := h.Do(t, "viewer", "GET", "/api/v1/credentials/"+m[1], "", nil)
				if resp2.StatusCode != http.StatusOK {
					t.Fatalf("get credential: %d %s", resp2.StatusCode, body)
				}
				c := decode[credentialWithMessages](t, body)
				if len(c.Messages) != 1 || c.Messages[0].State != credential.MessageSent || c.Messages[0].Language != lang ||
					c.Messages[0].SentAt == nil || bytes.Contains(body, []byte(to)) {
					t.Fatalf("%s: API messages %s", to, body)
				}
				ms, err := h.App.Store.Messages(context.Background(), m[1])
				if err != nil || len(ms) != 1 || ms[0].Recipient != "" {
					t.Fatalf("%s: outbox keeps the address after sending: %+v %v", to, ms, err)
				}
			}

			// Resend one: exactly one more message, to the address given.
			id := pageLink.FindStringSubmatch(mp.message(t, got[0].ID).Text)[1]
			resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+id+"/notify", "application/json",
				strings.NewReader(`{"email":"again@students.example.edu","language":"en"}`))
			if resp.StatusCode != http.StatusAccepted {
				t.Fatalf("resend: %d %s", resp.StatusCode, body)
			}
			again := mp.waitMessages(t, n+1)
			if len(again) != n+1 || again[0].To[0].Address != "again@students.example.edu" || !strings.Contains(again[0].Subject, subjectMarks["en"]) {
				t.Fatalf("after resend %d messages, newest %+v", len(again), again[0])
			}
			resp, body = h.Do(t, "registrar", "POST", "/api/v1/credentials/"+id+"/notify", "application/json", strings.NewReader(`{"email":"not an address"}`))
			if resp.StatusCode != http.StatusBadRequest || !bytes.Contains(body, []byte(`"email"`)) {
				t.Fatalf("resend to a bad address: %d %s", resp.StatusCode, body)
			}
		})
	}
}

// TestMailRetriedUntilServerUp: the SMTP server is down for the first
// attempts; the message is retried and arrives exactly once.
func TestMailRetriedUntilServerUp(t *testing.T) {
	mp := newMailpit(t) // ports picked, server not started
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: mailConfig(mp)})
	regno := createProgram(t, h)
	body := issueBody(regno, "R1")
	body["email"] = "retry@students.example.edu"
	resp, out := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, body))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("issue: %d %s", resp.StatusCode, out)
	}
	id := decode[issued](t, out).ID
	var c credentialWithMessages
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, b := h.Do(t, "viewer", "GET", "/api/v1/credentials/"+id, "", nil)
		c = decode[credentialWithMessages](t, b)
		if len(c.Messages) == 1 && c.Messages[0].Attempts >= 2 && c.Messages[0].State == credential.MessageQueued {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no failed attempts recorded: %s", b)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if c.Messages[0].LastError == "" {
		t.Fatalf("a failed attempt without its error: %+v", c.Messages[0])
	}
	mp.start(t)
	got := mp.waitMessages(t, 1)
	if len(got) != 1 || got[0].To[0].Address != "retry@students.example.edu" {
		t.Fatalf("after the server came up: %+v", got)
	}
	_, b := h.Do(t, "viewer", "GET", "/api/v1/credentials/"+id, "", nil)
	c = decode[credentialWithMessages](t, b)
	if len(c.Messages) != 1 || c.Messages[0].State != credential.MessageSent || c.Messages[0].Attempts < 3 {
		t.Fatalf("after delivery: %s", b)
	}
}

// TestMailUnconfigured: without SMTP, issuance works and the outbox says
// why nothing was sent; notify=false queues nothing at all.
func TestMailUnconfigured(t *testing.T) {
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) { c.Mail.Poll = 50 * time.Millisecond }})
	regno := createProgram(t, h)
	resp, out := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, issueBody(regno, "U1")))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("issue: %d %s", resp.StatusCode, out)
	}
	id := decode[issued](t, out).ID
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, b := h.Do(t, "viewer", "GET", "/api/v1/credentials/"+id, "", nil)
		c := decode[credentialWithMessages](t, b)
		if len(c.Messages) == 1 && c.Messages[0].State == credential.MessageSkipped {
			if c.Messages[0].LastError != notify.NotConfigured {
				t.Fatalf("skipped without the reason: %s", b)
			}
			ms, _ := h.App.Store.Messages(context.Background(), id)
			if len(ms) != 1 || ms[0].Recipient != "" {
				t.Fatalf("a skipped message keeps its address: %+v", ms)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("message not skipped: %s", b)
		}
		time.Sleep(50 * time.Millisecond)
	}
	body := issueBody(regno, "U2")
	body["notify"] = false
	resp, out = h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, body))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("issue: %d %s", resp.StatusCode, out)
	}
	data, _ := mailCohort(3)
	b := submit(t, h, regno, "cohort.csv", data, "notify=false")
	if done := waitBatch(t, h, b.ID); done.Issued != 3 {
		t.Fatalf("batch %+v", done)
	}
	creds, err := h.App.Store.Credentials(context.Background(), credential.CredentialFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range creds {
		ms, _ := h.App.Store.Messages(context.Background(), c.ID)
		if c.ID != id && len(ms) != 0 {
			t.Fatalf("credential %s (notify=false) has messages %+v", c.StudentID, ms)
		}
	}
}

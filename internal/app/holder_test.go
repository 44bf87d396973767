package app_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// testClock is a clock a test moves forward.
type testClock struct {
	mu  sync.Mutex
	off time.Duration
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.off)
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.off += d
	c.mu.Unlock()
}

var signInLink = regexp.MustCompile(`https?://[^\s"<>]+/my/signin\?[^\s"<>]+`)

// browser is a client with a cookie jar that does not follow redirects.
func holderBrowser(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func postForm(t *testing.T, c *http.Client, u string, v url.Values, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("POST", u, strings.NewReader(v.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func getBody(t *testing.T, c *http.Client, u string) (*http.Response, []byte) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// signInMail waits for the sign-in message to addr and returns its link.
func (m *mailpit) signInMail(t *testing.T, addr string, n int) string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var links []string
		for _, s := range m.list(t) {
			if len(s.To) == 1 && s.To[0].Address == addr {
				msg := m.message(t, s.ID)
				if l := signInLink.FindString(msg.Text); l != "" {
					if !strings.Contains(msg.HTML, strings.ReplaceAll(l, "&", "&amp;")) {
						t.Fatalf("the HTML part lacks the link %s", l)
					}
					links = append(links, l)
				}
			}
		}
		if len(links) >= n {
			return links[0] // newest first
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d sign-in messages to %s arrived", len(links), n, addr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestHolderPage: a holder asks for a link at /my, receives it through a
// real SMTP server, signs in, sees exactly their credentials and downloads
// them as one ZIP; the link works once and not after it expires; an
// unknown address gets the same answer; cross-site posts are refused.
func TestHolderPage(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			mp := newMailpit(t)
			mp.start(t)
			clk := &testClock{}
			h := apptest.Start(t, eng, apptest.Options{Configure: mailConfig(mp), Now: clk.now})
			regno := createProgram(t, h)
			mine := map[string]bool{}
			for i, who := range []string{"Grad@Students.Example.edu", "grad@students.example.edu", "other@students.example.edu"} {
				body := issueBody(regno, "H"+string(rune('1'+i)))
				body["email"] = who
				body["notify"] = false
				resp, out := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, body))
				if resp.StatusCode != http.StatusCreated {
					t.Fatalf("issue: %d %s", resp.StatusCode, out)
				}
				if i < 2 {
					mine[decode[issued](t, out).ID] = true
				}
			}

			b := holderBrowser(t)
			resp, page := getBody(t, b, h.URL+"/my?lang=en")
			if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), `name="email"`) || !strings.Contains(string(page), `<label for="email">`) {
				t.Fatalf("GET /my: %d %s", resp.StatusCode, page)
			}
			// Known and unknown addresses: the same answer.
			answers := map[string]string{}
			for _, addr := range []string{"grad@students.example.edu", "nobody@students.example.edu"} {
				resp, body := postForm(t, b, h.URL+"/my?lang=en", url.Values{"email": {addr}})
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("ask for a link for %s: %d %s", addr, resp.StatusCode, body)
				}
				answers[addr] = strings.ReplaceAll(body, addr, "ADDRESS")
			}
			if answers["grad@students.example.edu"] != answers["nobody@students.example.edu"] {
				t.Fatalf("known and unknown addresses answered differently:\n%s\n---\n%s", answers["grad@students.example.edu"], answers["nobody@students.example.edu"])
			}
			if resp, body := postForm(t, b, h.URL+"/my?lang=en", url.Values{"email": {"not-an-address"}}); resp.StatusCode != http.StatusBadRequest ||
				!strings.Contains(body, "e-mail address in full") {
				t.Fatalf("bad address: %d %s", resp.StatusCode, body)
			}
			if resp, body := postForm(t, b, h.URL+"/my", url.Values{"email": {"grad@students.example.edu"}}, "Sec-Fetch-Site", "cross-site"); resp.StatusCode != http.StatusForbidden {
				t.Fatalf("cross-site post: %d %s", resp.StatusCode, body)
			}

			link := mp.signInMail(t, "grad@students.example.edu", 1)
			if !strings.HasPrefix(link, h.URL+"/my/signin?") {
				t.Fatalf("link %s is not on %s", link, h.URL)
			}
			// Opening the link changes nothing (mail scanners open links);
			// its button signs in.
			resp, page = getBody(t, b, link)
			if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), `action="/my/signin?lang=en"`) {
				t.Fatalf("GET the link: %d %s", resp.StatusCode, page)
			}
			u, _ := url.Parse(link)
			secret := u.Query().Get("t")
			resp, body := postForm(t, b, h.URL+"/my/signin?lang=en", url.Values{"t": {secret}})
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("sign in: %d %s", resp.StatusCode, body)
			}
			var cookie *http.Cookie
			for _, ck := range resp.Cookies() {
				if ck.Name == "tanu_holder" {
					cookie = ck
				}
			}
			if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || strings.Contains(body, secret) {
				t.Fatalf("session cookie %+v", cookie)
			}
			resp, page = getBody(t, b, h.URL+"/my?lang=en")
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("list: %d %s", resp.StatusCode, page)
			}
			shown := regexp.MustCompile(`id="c-([0-9a-f-]{36})"`).FindAllStringSubmatch(string(page), -1)
			if len(shown) != len(mine) {
				t.Fatalf("listed %d credentials, want %d:\n%s", len(shown), len(mine), page)
			}
			for _, m := range shown {
				if !mine[m[1]] {
					t.Fatalf("listed %s, not the holder's", m[1])
				}
				if !strings.Contains(string(page), "linkedin.com/profile/add?") || !strings.Contains(string(page), "/c/"+m[1]+"/certificate.pdf") {
					t.Fatalf("no downloads or LinkedIn link for %s", m[1])
				}
			}
			resp, z := getBody(t, b, h.URL+"/my/all.zip?lang=en")
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/zip" {
				t.Fatalf("zip: %d %s", resp.StatusCode, z)
			}
			zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
			if err != nil || len(zr.File) != 2*len(mine) {
				t.Fatalf("zip: %v, %d files", err, len(zr.File))
			}
			for _, f := range zr.File {
				rc, _ := f.Open()
				head := make([]byte, 4)
				_, _ = io.ReadFull(rc, head)
				rc.Close()
				if (strings.HasSuffix(f.Name, ".pdf") && string(head) != "%PDF") || (strings.HasSuffix(f.Name, ".png") && string(head[1:]) != "PNG") {
					t.Fatalf("zip entry %s starts %q", f.Name, head)
				}
			}

			// The link works once.
			if resp, body := postForm(t, holderBrowser(t), h.URL+"/my/signin?lang=en", url.Values{"t": {secret}}); resp.StatusCode != http.StatusGone ||
				!strings.Contains(body, "expired or has already been used") {
				t.Fatalf("reused link: %d %s", resp.StatusCode, body)
			}
			// An unknown address signs in to an empty list.
			nb := holderBrowser(t)
			nlink := mp.signInMail(t, "nobody@students.example.edu", 1)
			nu, _ := url.Parse(nlink)
			if resp, _ := postForm(t, nb, h.URL+"/my/signin?lang=en", url.Values{"t": {nu.Query().Get("t")}}); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("unknown address sign-in: %d", resp.StatusCode)
			}
			if _, page := getBody(t, nb, h.URL+"/my?lang=en"); !strings.Contains(string(page), "No credentials were issued to this address") {
				t.Fatalf("unknown address sees: %s", page)
			}
			// A link past its 15 minutes is refused.
			postForm(t, b, h.URL+"/my?lang=en", url.Values{"email": {"grad@students.example.edu"}})
			late := mp.signInMail(t, "grad@students.example.edu", 2)
			clk.advance(16 * time.Minute)
			lu, _ := url.Parse(late)
			if lu.Query().Get("t") == secret {
				t.Fatal("the second link is the first one")
			}
			if resp, body := postForm(t, holderBrowser(t), h.URL+"/my/signin?lang=en", url.Values{"t": {lu.Query().Get("t")}}); resp.StatusCode != http.StatusGone {
				t.Fatalf("expired link: %d %s", resp.StatusCode, body)
			}
			// Signing out ends the session.
			if resp, _ := postForm(t, b, h.URL+"/my/logout?lang=en", nil); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("sign out: %d", resp.StatusCode)
			}
			if resp, _ := getBody(t, b, h.URL+"/my/all.zip"); resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("zip after sign-out: %d", resp.StatusCode)
			}
		})
	}
}

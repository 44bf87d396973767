package apptest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/proto"

	"github.com/tanu-edu/tanu/account"
)

// PhoneWidth is the narrowest phone the pages are made for, in CSS pixels.
const PhoneWidth = 390

// Chromium returns the path of a Chromium (or Chrome) on this machine, or
// "" when there is none.
func Chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser is one headless Chromium tab driven by a test (go-rod over the
// DevTools protocol), looking at a Harness.
type Browser struct {
	// Page is the tab; tests may drive it directly with go-rod.
	Page *rod.Page
	// Width is the window's width in CSS pixels.
	Width int
	t     testing.TB
	h     *Harness
}

// Browser starts a headless Chromium with a window of width×height CSS
// pixels for the rest of the test. The test is skipped, saying why, when
// no Chromium is installed (CI installs Debian's chromium).
func (h *Harness) Browser(t testing.TB, width, height int) *Browser {
	t.Helper()
	exe := Chromium()
	if exe == "" {
		t.Skip("chromium not found: install it (apt-get install -y chromium) to run the browser tests")
	}
	l := launcher.New().Bin(exe).Headless(true).Leakless(false).NoSandbox(true).
		UserDataDir(t.TempDir()).
		Set("disable-gpu").Set("disable-background-networking").Set("disable-quic").
		Set("disable-component-update").Set("disable-sync").Set("no-first-run")
	u, err := l.Launch()
	if err != nil {
		t.Fatalf("browser: start chromium: %v", err)
	}
	br := rod.New().ControlURL(u).Timeout(3 * time.Minute)
	if err := br.Connect(); err != nil {
		l.Kill()
		t.Fatalf("browser: connect: %v", err)
	}
	t.Cleanup(func() { _ = br.Close(); l.Kill() })
	page, err := br.Page(proto.TargetCreateTarget{})
	if err != nil {
		t.Fatalf("browser: new tab: %v", err)
	}
	b := &Browser{Page: page, Width: width, t: t, h: h}
	// Lay pages out at the given width (a headless window may not go
	// below its own minimum).
	if err := page.SetViewport(&proto.EmulationSetDeviceMetricsOverride{Width: width, Height: height, DeviceScaleFactor: 1, Mobile: width < 500}); err != nil {
		t.Fatalf("browser: viewport: %v", err)
	}
	return b
}

// Open loads path (relative to the instance, e.g. "/console?lang=kk") and
// waits until it has loaded.
func (b *Browser) Open(path string) {
	b.t.Helper()
	if err := b.Page.Navigate(b.h.URL + path); err != nil {
		b.t.Fatalf("browser: open %s: %v", path, err)
	}
	b.Wait()
}

// Wait waits until the page (after a navigation or a submitted form) has
// loaded.
func (b *Browser) Wait() {
	b.t.Helper()
	if err := b.Page.WaitLoad(); err != nil {
		b.t.Fatalf("browser: wait: %v", err)
	}
}

// Location returns the tab's current URL.
func (b *Browser) Location() string {
	b.t.Helper()
	info, err := b.Page.Info()
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	return info.URL
}

// Text returns what the page shows (the body's innerText).
func (b *Browser) Text() string {
	b.t.Helper()
	el, err := b.Page.Element("body")
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	s, err := el.Text()
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	return s
}

// Has reports whether an element matching the CSS selector is on the page
// now (without waiting).
func (b *Browser) Has(selector string) bool {
	b.t.Helper()
	ok, _, err := b.Page.Has(selector)
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	return ok
}

// Fill types value into the field matching selector (replacing what it
// held).
func (b *Browser) Fill(selector, value string) {
	b.t.Helper()
	el, err := b.Page.Element(selector)
	if err != nil {
		b.t.Fatalf("browser: %s: %v", selector, err)
	}
	if err := el.SelectAllText(); err == nil {
		_ = el.Input("")
	}
	if err := el.Input(value); err != nil {
		b.t.Fatalf("browser: fill %s: %v", selector, err)
	}
}

// Click clicks the element matching selector and, when it navigates
// (a link, a form's button), waits for the next page.
func (b *Browser) Click(selector string) {
	b.t.Helper()
	el, err := b.Page.Element(selector)
	if err != nil {
		b.t.Fatalf("browser: %s: %v", selector, err)
	}
	wait := b.Page.WaitNavigation(proto.PageLifecycleEventNameLoad)
	if err := el.Click(proto.InputMouseButtonLeft, 1); err != nil {
		b.t.Fatalf("browser: click %s: %v", selector, err)
	}
	wait()
}

// Fits reports whether the page is no wider than the window (nothing
// sticks out sideways), and the page's width.
func (b *Browser) Fits() (bool, int) {
	b.t.Helper()
	v, err := b.Page.Eval(`() => document.documentElement.scrollWidth`)
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	w := v.Value.Int()
	return w <= b.Width, w
}

// Screenshot saves the whole page as a PNG at file (its folder is made).
func (b *Browser) Screenshot(file string) {
	b.t.Helper()
	png, err := b.Page.Screenshot(true, &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng})
	if err != nil {
		b.t.Fatalf("browser: screenshot: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// SignIn signs in through the console's sign-in page in language l and
// waits until the console opens.
func (b *Browser) SignIn(email, password, l string) {
	b.t.Helper()
	b.Open("/console/login?lang=" + l)
	b.Fill("#email", email)
	b.Fill("#password", password)
	b.Click("form.stack button[type=submit]")
	if !b.Has("nav.cnav") {
		b.t.Fatalf("browser: sign-in as %s did not open the console: %s\n%s", email, b.Location(), b.Text())
	}
}

// StaffPassword is the password Staff gives every user it makes.
const StaffPassword = "correct horse battery staple 7"

// Staff makes a staff user of role with StaffPassword and returns the
// e-mail address to sign in with.
func (h *Harness) Staff(t testing.TB, role, name string) string {
	t.Helper()
	ctx := context.Background()
	email := fmt.Sprintf("%s.%d@uni.example", role, time.Now().UnixNano())
	_, link, err := h.App.Accounts.Invite(ctx, account.NewUser{Email: email, Name: name, Role: role})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.App.Accounts.SetPassword(ctx, link.Secret, StaffPassword); err != nil {
		t.Fatal(err)
	}
	return email
}

// latinWord is a word written in Latin letters.
var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]+`)

// randomID is a field that reads like a random identifier (a key id, a
// token): a small letter followed by a capital one, then more letters.
var randomID = regexp.MustCompile(`^[A-Za-z-]*[a-z][A-Z][A-Za-z-]*[A-Z-][A-Za-z-]*$`)

// EnglishWords returns the words of text written in Latin letters, apart
// from allowed ones (names, acronyms, e-mail addresses, identifiers that
// every language writes the same). A Kazakh or Russian page should have
// none: a non-empty answer is a stray interface word.
func EnglishWords(text string, allowed ...string) []string {
	ok := map[string]bool{}
	for _, a := range append(allowed, "TeachHub", "PDF", "JSON", "CSV", "XLSX", "ZIP", "PNG", "SVG", "JWT", "QR", "ID", "URL",
		"LinkedIn", "Open", "Badges", "OB", "ECTS", "CLR", "NQF", "UTC", "API", "SSO", "ҚАЗ", "РУС", "ENG", "tanu", "Excel") {
		ok[a] = true
	}
	var out []string
	for _, field := range strings.Fields(text) {
		// Addresses, links and identifiers are not words of the interface.
		if strings.ContainsAny(field, "@/:_.0123456789") || randomID.MatchString(field) {
			continue
		}
		for _, w := range latinWord.FindAllString(field, -1) {
			w = strings.TrimRight(w, "'’-")
			if !ok[w] && !ok[strings.ToUpper(w)] {
				out = append(out, w)
			}
		}
	}
	return out
}

// ShotsEnv names the folder where Shot saves screenshots; unset, Shot
// does nothing. `TANU_SHOTS=$PWD/docs/console go test -run Console
// ./internal/app` renews the console's screenshots in docs/console.
const ShotsEnv = "TANU_SHOTS"

// Shot saves the whole page as <$TANU_SHOTS>/<name>.png when TANU_SHOTS
// is set (docs' screenshots come from the browser tests).
func (b *Browser) Shot(name string) {
	b.t.Helper()
	if dir := os.Getenv(ShotsEnv); dir != "" {
		b.Screenshot(filepath.Join(dir, name+".png"))
	}
}

// Get fetches path outside the tab with the tab's cookies (the signed-in
// session), as a download link would, and returns the status and body.
func (b *Browser) Get(path string) (int, []byte) {
	b.t.Helper()
	cookies, err := b.Page.Cookies([]string{b.h.URL})
	if err != nil {
		b.t.Fatal(err)
	}
	req, err := http.NewRequest("GET", b.h.URL+path, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	for _, c := range cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	resp, err := b.h.Client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, body
}

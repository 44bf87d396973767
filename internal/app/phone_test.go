package app_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// phoneWidth is the narrowest phone the pages are made for, in CSS pixels.
const phoneWidth = 390

// TestPagesFitAPhone lays the credential page (Kazakh and Russian, with
// the long "ES256 signature by http://…/issuer/keys/…" check) and the
// verify page, and the public catalog of programs, out in headless Chromium at 390 px and expects nothing to
// stick out sideways: the page is as wide as the screen.
func TestPagesFitAPhone(t *testing.T) {
	chromium := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		t.Skip("chromium not found: install it (apt-get install -y chromium) to check the pages at phone width")
	}
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	id := issueTB(t, h, regno)
	dir := t.TempDir()
	pages := []string{"/c/" + id + "?lang=kk", "/c/" + id + "?lang=ru", "/verify?lang=kk", "/verify?lang=ru",
		"/programs?lang=kk", "/programs?lang=ru", "/programs/" + regno + "?lang=kk", "/programs/" + regno + "?lang=ru"}
	// Each page is self-contained (inline CSS). Frames 390 px wide hold them
	// (headless Chromium's own window is at least 500 px); the outer page
	// writes each frame's laid-out width into the DOM Chromium dumps.
	outer := `<!doctype html><html><body>`
	for i, page := range pages {
		resp, body := h.Do(t, "", "GET", page, "", nil)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", page, resp.StatusCode)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page%d.html", i)), body, 0o600); err != nil {
			t.Fatal(err)
		}
		outer += fmt.Sprintf(`<iframe src="page%d.html" style="display:block;width:%dpx;height:3000px;border:0" `+
			`onload="document.body.setAttribute('data-width%d',this.contentDocument.documentElement.scrollWidth)"></iframe>`, i, phoneWidth, i)
	}
	file := filepath.Join(dir, "phone.html")
	if err := os.WriteFile(file, []byte(outer+`</body></html>`), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom", "file://"+file).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	for i, page := range pages {
		m := regexp.MustCompile(fmt.Sprintf(`data-width%d="(\d+)"`, i)).FindSubmatch(out)
		if m == nil {
			t.Errorf("%s: no width in chromium's DOM", page)
			continue
		}
		t.Logf("%s: %s px", page, m[1])
		if w, _ := strconv.Atoi(string(m[1])); w > phoneWidth {
			t.Errorf("%s is %d px wide on a %d px phone: it scrolls sideways", page, w, phoneWidth)
		}
	}
}

package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// TestConsoleShell signs in through the console in a real Chromium: the
// navigation follows the role, a viewer who opens an administrator's page
// gets the forbidden page (and 403 without a browser), the language picked
// once is remembered, the Kazakh and Russian pages hold no English
// interface words, and the page fits a phone.
func TestConsoleShell(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	viewer := h.Staff(t, credential.RoleViewer, "Айгүл Серікова")
	admin := h.Staff(t, credential.RoleAdmin, "Бауыржан Әлиев")

	b := h.Browser(t, 1280, 900)
	b.SignIn(admin, apptest.StaffPassword, "kk")
	if !b.Has(`nav.cnav a[href^="/console/admin"]`) {
		t.Fatalf("an administrator's navigation has no administration item:\n%s", b.Text())
	}
	b.Click(`header form button[type=submit]`) // sign out
	if !strings.Contains(b.Location(), "/console/login") {
		t.Fatalf("sign-out went to %s", b.Location())
	}

	b.SignIn(viewer, apptest.StaffPassword, "ru")
	if b.Has(`nav.cnav a[href^="/console/admin"]`) {
		t.Fatal("a viewer sees the administration item")
	}
	// No ?lang=: the Russian picked at sign-in is remembered.
	b.Open("/console/admin")
	b.Shot("forbidden-ru")
	text := b.Text()
	if !strings.Contains(text, "Нет доступа") {
		t.Fatalf("a viewer on the administration page sees:\n%s", text)
	}
	for _, l := range []string{"kk", "ru"} {
		b.Open("/console?lang=" + l)
		b.Shot("dashboard-" + l)
		if w := apptest.EnglishWords(b.Text()); len(w) > 0 {
			t.Errorf("the %s console shows English words %q", l, w)
		}
	}
	phone := h.Browser(t, apptest.PhoneWidth, 800)
	phone.SignIn(viewer, apptest.StaffPassword, "kk")
	phone.Shot("dashboard-kk-phone")
	if ok, w := phone.Fits(); !ok {
		t.Errorf("the console is %d px wide on a %d px phone", w, apptest.PhoneWidth)
	}

	// Without a browser: 403 in the JSON error shape, and a redirect to
	// the sign-in page without a session.
	resp, _ := h.Do(t, "", "GET", "/console/admin", "", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Request.URL.Path, "/console/login") {
		t.Errorf("no session: %d at %s, want the sign-in page", resp.StatusCode, resp.Request.URL)
	}
}

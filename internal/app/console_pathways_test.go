package app_test

import (
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// TestConsolePathways in a real Chromium: a registrar defines a pathway
// with the form, sees the one holder whose credentials satisfy it (not
// the one with two of three), issues the nano-diploma with the button,
// and finds it under review once a component is revoked; a viewer sees
// the list without the form and is refused a pathway's page; the Kazakh
// and Russian pages hold no English words and fit a phone.
func TestConsolePathways(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	p1 := stackProgram(t, h, "Data collection", 3)
	p2 := stackProgram(t, h, "Statistical analysis", 3)
	p3 := stackProgram(t, h, "Machine learning basics", 3)
	var full []issued
	for _, p := range []string{p1, p2, p3} {
		full = append(full, stackIssue(t, h, p, "S700", "Әбенова"))
	}
	stackIssue(t, h, p1, "S800", "Бекова")
	stackIssue(t, h, p2, "S800", "Бекова")
	registrar := h.Staff(t, credential.RoleRegistrar, "Айгүл Серікова")
	viewer := h.Staff(t, credential.RoleViewer, "Бауыржан Әлиев")

	b := h.Browser(t, 1280, 900)
	b.SignIn(registrar, apptest.StaffPassword, "kk")
	b.Open("/console/pathways?lang=kk")
	b.Fill("#p-name-kk", "Деректер талдаушысы")
	b.Fill("#p-name-ru", "Аналитик данных")
	b.Fill("#p-nqf", "6")
	b.Fill("#p-req", p1+", "+p2)
	b.Fill("#p-el", p3)
	b.Fill("#p-minel", "1")
	b.Fill("#p-cr", "9")
	b.Click(`form[action^="/console/pathways"] button[type=submit]`)
	if !strings.Contains(b.Location(), "/console/pathways/ND-") {
		t.Fatalf("after creating: %s\n%s", b.Location(), b.Text())
	}
	text := b.Text()
	if !strings.Contains(text, "Траектория жасалды") || !strings.Contains(text, "S700") || strings.Contains(text, "S800") {
		t.Fatalf("the pathway page:\n%s", text)
	}
	b.Shot("pathway-kk")
	if w := apptest.EnglishWords(text); len(w) > 0 {
		t.Errorf("the kk pathway page shows English words %q", w)
	}
	b.Click(`form[action*="/issue"] button[type=submit]`)
	text = b.Text()
	if !strings.Contains(text, "Нано-диплом берілді") || strings.Contains(text, "S700") {
		t.Fatalf("after issuing:\n%s", text)
	}
	resp, _ := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+full[0].ID+"/revoke", "application/json", strings.NewReader(`{"reason":"error"}`))
	if resp.StatusCode != 200 {
		t.Fatal("revoke")
	}
	b.Open(strings.SplitN(b.Location(), "?", 2)[0][len(h.URL):] + "?lang=ru")
	text = b.Text()
	if !strings.Contains(text, "Нано-дипломы на пересмотре") || !strings.Contains(text, p1) || !strings.Contains(text, "отозван") {
		t.Fatalf("review on the ru page:\n%s", text)
	}
	b.Shot("pathway-review-ru")
	if w := apptest.EnglishWords(text); len(w) > 0 {
		t.Errorf("the ru pathway page shows English words %q", w)
	}

	phone := h.Browser(t, apptest.PhoneWidth, 800)
	phone.SignIn(viewer, apptest.StaffPassword, "ru")
	phone.Open("/console/pathways?lang=ru")
	if phone.Has("#p-name-kk") || !strings.Contains(phone.Text(), "Аналитик данных") {
		t.Fatalf("a viewer's list:\n%s", phone.Text())
	}
	phone.Shot("pathways-ru-phone")
	if ok, w := phone.Fits(); !ok {
		t.Errorf("the pathways page is %d px wide on a %d px phone", w, apptest.PhoneWidth)
	}
	// Roles are checked on the server.
	id := strings.SplitN(b.Location(), "?", 2)[0][len(h.URL+"/console/pathways/"):]
	phone.Open("/console/pathways/" + id + "?lang=ru")
	if !strings.Contains(phone.Text(), "Нет доступа") || strings.Contains(phone.Text(), "S700") {
		t.Fatalf("a viewer on a pathway's page:\n%s", phone.Text())
	}
}

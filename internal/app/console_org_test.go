package app_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// TestConsoleOrgSetup: on a fresh install (no organization file) an
// administrator who signs in lands on the setup page, which says what is
// missing in the page's language; filling the form (with a seal image)
// completes the identity, issuing works, and the edit page shows it. A
// registrar may not open the page (403). Kazakh and Russian pages hold no
// English words and fit a phone.
func TestConsoleOrgSetup(t *testing.T) {
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) { c.Org = app.OrgConfig{} }})
	admin := h.Staff(t, credential.RoleAdmin, "Бауыржан Әлиев")
	registrar := h.Staff(t, credential.RoleRegistrar, "Айгүл Серікова")
	seal := filepath.Join(t.TempDir(), "seal.png")
	if err := os.WriteFile(seal, pngOf(t, 300, 300), 0o600); err != nil {
		t.Fatal(err)
	}

	b := h.Browser(t, 1280, 900)
	b.SignIn(admin, apptest.StaffPassword, "kk")
	if !strings.Contains(b.Location(), "/console/organization/setup") {
		t.Fatalf("an administrator of a fresh install lands on %s", b.Location())
	}
	text := b.Text()
	if !strings.Contains(text, "Алғашқы баптау") || !strings.Contains(text, "Ұйымның атауы (қазақша)") {
		t.Fatalf("setup page:\n%s", text)
	}
	b.Shot("org-setup-kk")
	if w := apptest.EnglishWords(text, "JPG"); len(w) > 0 {
		t.Errorf("the Kazakh setup page shows English words %q", w)
	}

	fields := map[string]string{
		"name_kk": "Сынақ университеті", "name_ru": "Тестовый университет", "name_en": "Test University",
		"head_name_kk": "Ә. Б. Басшы", "head_name_ru": "А. Б. Басшы", "head_name_en": "A. B. Basshy",
		"head_title_kk": "Ректор", "head_title_ru": "Ректор", "head_title_en": "Rector",
		"url": "ftp://test.example.edu", "email": "registrar@test.example.edu",
	}
	for name, v := range fields {
		b.Fill("#"+name, v)
	}
	el, err := b.Page.Element("#image_seal")
	if err != nil {
		t.Fatal(err)
	}
	if err := el.SetFiles([]string{seal}); err != nil {
		t.Fatal(err)
	}
	b.Click(`form.orgform button[type=submit]`)
	if !b.Has(`#url[aria-invalid=true]`) || !b.Has(`#url-err`) {
		t.Fatalf("a bad web site is not shown at its field:\n%s", b.Text())
	}
	// Nothing was stored: the form keeps what was typed.
	if st, _, _ := h.App.Store.Organization(t.Context()); len(st.Name) != 0 {
		t.Fatalf("an invalid form stored %v", st.Name)
	}
	b.Shot("org-setup-error-kk")
	b.Fill("#url", "https://test.example.edu")
	if err := mustElement(t, b, "#image_seal").SetFiles([]string{seal}); err != nil {
		t.Fatal(err)
	}
	b.Click(`form.orgform button[type=submit]`)
	if strings.Contains(b.Location(), "/organization") {
		t.Fatalf("after a complete setup the console stays at %s:\n%s", b.Location(), b.Text())
	}
	if !strings.Contains(b.Text(), "Ұйым деректері сақталды") {
		t.Errorf("no confirmation after the setup:\n%s", b.Text())
	}
	regno := createProgram(t, h)
	if c := issue(t, h, regno, "S1"); c.Status != "valid" {
		t.Fatalf("issue after the setup: %+v", c)
	}

	b.Open("/console/organization?lang=ru")
	text = b.Text()
	if !strings.Contains(text, "Тестовый университет") && !b.Has(`input[value="Тестовый университет"]`) || !b.Has(`img[src^="/api/v1/organization/images/seal"]`) {
		t.Fatalf("edit page after the setup:\n%s", text)
	}
	b.Shot("org-edit-ru")
	if w := apptest.EnglishWords(text, "JPG"); len(w) > 0 {
		t.Errorf("the Russian organization page shows English words %q", w)
	}

	b.Open("/console/organization?lang=kk")
	b.Shot("org-edit-kk")
	b.Open("/console/organization/setup?lang=ru&done=corg.saved")
	b.Shot("org-setup-ru")

	phone := h.Browser(t, apptest.PhoneWidth, 800)
	phone.SignIn(admin, apptest.StaffPassword, "kk")
	phone.Open("/console/organization/setup?lang=kk&done=corg.saved")
	phone.Shot("org-setup-kk-phone")
	phone.Open("/console/organization?lang=ru")
	phone.Shot("org-edit-ru-phone")
	phone.Open("/console/organization?lang=kk")
	phone.Shot("org-edit-kk-phone")
	if ok, w := phone.Fits(); !ok {
		t.Errorf("the organization page is %d px wide on a %d px phone", w, apptest.PhoneWidth)
	}
	phone.Open("/console/organization/setup?lang=ru&done=corg.saved")
	phone.Shot("org-setup-ru-phone")
	if ok, w := phone.Fits(); !ok {
		t.Errorf("the setup page is %d px wide on a %d px phone", w, apptest.PhoneWidth)
	}

	other := h.Browser(t, 1280, 900)
	other.SignIn(registrar, apptest.StaffPassword, "ru")
	other.Open("/console/organization")
	if !strings.Contains(other.Text(), "Нет доступа") {
		t.Errorf("a registrar on the organization page sees:\n%s", other.Text())
	}
	resp, _ := h.Do(t, "registrar", "PUT", "/api/v1/organization", "application/json", mustJSON(t, map[string]any{}))
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a registrar's PUT /api/v1/organization: %d", resp.StatusCode)
	}
}

func mustElement(t testing.TB, b *apptest.Browser, sel string) interface{ SetFiles([]string) error } {
	t.Helper()
	el, err := b.Page.Element(sel)
	if err != nil {
		t.Fatal(err)
	}
	return el
}

// TestConsoleReissue corrects a misspelled name in the console: the form
// shows the credential's data, a missing reason is said at its field,
// the correction issues a new credential whose page links the original,
// the old public page links the new one, and the book keeps both.
func TestConsoleReissue(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	registrar := h.Staff(t, credential.RoleRegistrar, "Айгүл Серікова")
	regno := createProgram(t, h)
	old := issue(t, h, regno, "S22633920")

	b := h.Browser(t, 1280, 900)
	b.SignIn(registrar, apptest.StaffPassword, "ru")
	b.Open("/console/credentials/" + old.ID + "/reissue?lang=ru")
	if !b.Has(`#f_family_name[value="Жұмабекова"]`) {
		t.Fatalf("the form does not show the credential's data:\n%s", b.Text())
	}
	b.Shot("reissue-ru")
	if w := apptest.EnglishWords(b.Text(), "LO", "Python"); len(w) > 0 {
		t.Errorf("the Russian correction page shows English words %q", w)
	}
	b.Fill("#f_family_name", "Жумабекова")
	// The reason is required by the browser too; remove that to see the
	// server's answer.
	if _, err := b.Page.Eval(`() => document.getElementById("reason").removeAttribute("required")`); err != nil {
		t.Fatal(err)
	}
	b.Click(`form.orgform button[type=submit]`)
	if !b.Has(`#reason[aria-invalid=true]`) || !strings.Contains(b.Text(), "укажите причину исправления") {
		t.Fatalf("a missing reason is not shown at its field:\n%s", b.Text())
	}
	b.Fill("#reason", "Фамилия написана с ошибкой")
	b.Click(`form.orgform button[type=submit]`)
	text := b.Text()
	if !strings.Contains(text, "Исправленный сертификат выпущен") || !strings.Contains(text, "Это исправленный выпуск взамен") ||
		!strings.Contains(text, "Жумабекова Мөлдір Нұрланқызы") {
		t.Fatalf("after the correction:\n%s", text)
	}
	b.Shot("reissue-done-ru")
	newID := strings.TrimSuffix(strings.TrimPrefix(strings.SplitN(b.Location(), "?", 2)[0], h.URL+"/console/credentials/"), "/reissue")
	if newID == old.ID || newID == "" {
		t.Fatalf("after the correction the console is at %s", b.Location())
	}

	// The old public page links the new one; the book keeps both.
	b.Open("/c/" + old.ID + "?lang=ru")
	if !strings.Contains(b.Text(), "Заменён исправленным сертификатом") || !b.Has(`a[href="/c/`+newID+`"]`) {
		t.Fatalf("the old page:\n%s", b.Text())
	}
	b.Shot("reissue-old-page-ru")
	_, body := h.Do(t, "viewer", "GET", "/api/v1/credentials?student_id=S22633920", "", nil)
	list := decode[struct {
		Credentials []credentialView `json:"credentials"`
	}](t, body)
	if len(list.Credentials) != 2 || list.Credentials[0].RegistrationNumber == list.Credentials[1].RegistrationNumber {
		t.Fatalf("the book: %s", body)
	}

	b.Open("/console/credentials/" + old.ID + "/reissue?lang=kk")
	b.Shot("reissue-replaced-kk")
	if b.Has(`form.orgform`) || !strings.Contains(b.Text(), "Бұл сертификат бұрын ауыстырылған") {
		t.Errorf("a replaced credential offers the form again:\n%s", b.Text())
	}
	phone := h.Browser(t, apptest.PhoneWidth, 800)
	phone.SignIn(registrar, apptest.StaffPassword, "kk")
	phone.Open("/console/credentials/" + newID + "/reissue?lang=kk")
	phone.Shot("reissue-kk-phone")
	if ok, w := phone.Fits(); !ok {
		t.Errorf("the correction page is %d px wide on a %d px phone", w, apptest.PhoneWidth)
	}
	if w := apptest.EnglishWords(phone.Text(), "LO", "Python"); len(w) > 0 {
		t.Errorf("the Kazakh correction page shows English words %q", w)
	}
	phone.Open("/console/credentials/" + newID + "/reissue?lang=ru")
	phone.Shot("reissue-ru-phone")
	b.Open("/console/credentials/" + newID + "/reissue?lang=kk")
	b.Shot("reissue-kk")
}

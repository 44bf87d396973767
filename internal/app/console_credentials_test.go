package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/issuer"
)

// TestConsoleCredentials drives the registrar's work on credentials in a
// real Chromium: issuing one by form (a wrong IIN is shown next to its
// field in Kazakh, then the credential is issued and its page opens),
// searching, revoking with a reason after a confirmation step (the public
// page then says revoked), and a viewer who sees no action and gets 403
// when posting one anyway. Kazakh and Russian pages hold no English words
// and fit a phone.
func TestConsoleCredentials(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	registrar := h.Staff(t, credential.RoleRegistrar, "Сәуле Ахметова")
	viewer := h.Staff(t, credential.RoleViewer, "Айгүл Серікова")
	b := h.Browser(t, 1280, 900)
	b.SignIn(registrar, apptest.StaffPassword, "kk")

	// Issue one: choose the program, then the form.
	b.Open("/console/issue?lang=kk")
	choose(t, b, "#program", regno)
	b.Click(`button[name=op][value="choose"]`)
	if !b.Has("#grade_LO3") {
		t.Fatalf("choosing the program shows no grade fields:\n%s", b.Text())
	}
	consoleNoEnglish(t, b, "the issue form (kk)", "LO1", "LO2", "LO3", "B", "Python")
	for sel, v := range map[string]string{"#student_id": "S-77", "#family_name": "Жұмабекова", "#given_name": "Мөлдір",
		"#patronymic": "Нұрланқызы", "#iin": "760227487798", "#grade_LO1": "86", "#grade_LO2": "B+", "#grade_LO3": "76"} {
		b.Fill(sel, v)
	}
	for sel, v := range map[string]string{"#date_from": "2026-02-02", "#date_to": "2026-04-24", "#decision_date": "2026-05-06"} {
		setValue(t, b, sel, v)
	}
	b.Click(`.actions button[name=op][value="issue"]`)
	if !b.Has("#iin-err") {
		t.Fatalf("a wrong IIN is not shown next to its field:\n%s", b.Text())
	}
	if msg := text(t, b, "#iin-err"); !strings.Contains(msg, "ЖСН") {
		t.Errorf("the IIN error is %q, want it in Kazakh", msg)
	}
	if value(t, b, "#family_name") != "Жұмабекова" || value(t, b, "#grade_LO2") != "B+" {
		t.Fatal("the form lost what was typed")
	}
	b.Shot("issue-errors-kk")
	consoleNoEnglish(t, b, "the issue form with an error (kk)", "LO1", "LO2", "LO3", "B", "Python")
	b.Fill("#iin", "760227487797")
	b.Click(`.actions button[name=op][value="issue"]`)
	if !strings.Contains(b.Location(), "/console/credentials/") {
		t.Fatalf("issuing went to %s:\n%s", b.Location(), b.Text())
	}
	page := b.Text()
	for _, want := range []string{"Куәлік берілді", "Жұмабекова Мөлдір Нұрланқызы", "S-77", regno, "жарамды", "куәлік берілді"} {
		if !strings.Contains(page, want) {
			t.Errorf("the credential's page lacks %q:\n%s", want, page)
		}
	}
	id := b.Location()[strings.Index(b.Location(), "/console/credentials/")+len("/console/credentials/"):]
	id = id[:strings.Index(id, "?")]
	rec, err := h.App.Store.Credential(t.Context(), id)
	if err != nil || rec.StudentID != "S-77" {
		t.Fatalf("stored credential %+v err %v", rec, err)
	}
	consoleNoEnglish(t, b, "the credential's page (kk)", "LO1", "LO2", "LO3", "B", "Python")
	number := issuer.FormatCertificateNumber(rec.CertificateNumber)

	// Search: part of the name in lower case, the certificate number, the
	// book number; and a filter that excludes it.
	issue(t, h, regno, "S-78")
	for _, q := range []string{"holder=жұмабек", "number=" + number, "book=" + rec.BookNumber, "student_id=S-77&status=valid"} {
		b.Open("/console/credentials?lang=ru&" + q)
		if !b.Has(`a[href^="/console/credentials/` + id + `"]`) {
			t.Fatalf("search %s does not find the credential:\n%s", q, b.Text())
		}
	}
	consoleNoEnglish(t, b, "the search (ru)", "Python")
	b.Open("/console/credentials?lang=kk&status=revoked")
	if b.Has(`a[href^="/console/credentials/` + id + `"]`) {
		t.Error("the status filter let a valid credential through")
	}
	b.Open("/console/credentials?lang=kk")
	consoleNoEnglish(t, b, "the credential list (kk)", "Python")

	// Revoke: the confirmation step, a reason required, then done.
	b.Open("/console/credentials/" + id + "?lang=ru")
	b.Click(`#actions a.danger`)
	if !b.Has("#confirm textarea#reason") {
		t.Fatalf("revoking asks no confirmation:\n%s", b.Text())
	}
	consoleNoEnglish(t, b, "the revoke step (ru)", "LO1", "LO2", "LO3", "B", "Python")
	b.Click(`#confirm button[type=submit]`)
	if !b.Has("#reason-err") || !strings.Contains(text(t, b, "#reason-err"), "Укажите причину") {
		t.Fatalf("revoking without a reason:\n%s", b.Text())
	}
	b.Fill("#reason", "Ошибка в фамилии")
	b.Click(`#confirm button[type=submit]`)
	if !strings.Contains(b.Text(), "Сертификат отозван.") || b.Has(`#actions a.danger`) {
		t.Fatalf("after revoking:\n%s", b.Text())
	}
	b.Open("/c/" + id + "?lang=ru")
	if pub := b.Text(); !strings.Contains(pub, "Ошибка в фамилии") || !strings.Contains(strings.ToLower(pub), "отозван") {
		t.Fatalf("the public page after revoking:\n%s", pub)
	}

	// The dashboard counts and lists what was done.
	b.Open("/console?lang=kk")
	if d := b.Text(); !strings.Contains(d, "куәлік кері қайтарылды") || !strings.Contains(d, "Ошибка в фамилии") {
		t.Errorf("the dashboard's recent actions:\n%s", d)
	}
	// The harness names its API tokens after their roles (they appear
	// as actors and objects of the recent actions).
	consoleNoEnglish(t, b, "the dashboard (kk)", "Python", "admin", "registrar", "coordinator", "viewer")

	// A viewer sees no action and is refused when posting one anyway.
	other, err := h.App.Store.CredentialByNumber(t.Context(), rec.CertificateNumber+1)
	if err != nil {
		t.Fatal(err)
	}
	b.Click(`header form button[type=submit]`)
	b.SignIn(viewer, apptest.StaffPassword, "ru")
	b.Open("/console/credentials/" + other.ID + "?lang=ru")
	if b.Has("#actions") || strings.Contains(b.Text(), "Отозвать") {
		t.Fatalf("a viewer sees actions:\n%s", b.Text())
	}
	b.Shot("credential-viewer-ru")
	res, err := b.Page.Eval(`(id) => fetch('/console/credentials/' + id + '/revoke?lang=ru', {method: 'POST', headers: {Accept: 'text/html'},
		body: new URLSearchParams({reason: 'x', confirm: '1'})}).then(r => r.status)`, other.ID)
	if err != nil {
		t.Fatal(err)
	}
	if code := res.Value.Int(); code != http.StatusForbidden {
		t.Fatalf("a viewer's revoke: %d, want 403", code)
	}
	if got, _ := h.App.Store.Credential(t.Context(), other.ID); got.Status != credential.StatusValid {
		t.Fatalf("a viewer revoked %s", other.ID)
	}
	b.Open("/console/issue?lang=ru")
	if !strings.Contains(b.Text(), "Нет доступа") {
		t.Errorf("a viewer opens the issue form:\n%s", b.Text())
	}

	b.Click(`header form button[type=submit]`)
	b.SignIn(registrar, apptest.StaffPassword, "kk")
	shotPages(t, h, registrar, map[string]string{
		"issue":              "/console/issue?program=" + regno,
		"credentials":        "/console/credentials",
		"credentials-search": "/console/credentials?holder=жұмабек",
		"credential-revoked": "/console/credentials/" + id,
		"credential":         "/console/credentials/" + other.ID,
		"credential-suspend": "/console/credentials/" + other.ID + "/suspend",
	}, b)
}

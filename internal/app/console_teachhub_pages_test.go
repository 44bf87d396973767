package app_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// staffClient signs a member of staff in through the sign-in form and
// returns a client carrying the session, as a browser without JavaScript.
func staffClient(t *testing.T, h *apptest.Harness, role, name string) *http.Client {
	t.Helper()
	email := h.Staff(t, role, name)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: h.Client.Timeout}
	resp, err := c.PostForm(h.URL+"/console/login?lang=kk", url.Values{"email": {email}, "password": {apptest.StaffPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if !strings.HasPrefix(resp.Request.URL.Path, "/console") || strings.HasPrefix(resp.Request.URL.Path, "/console/login") {
		t.Fatalf("sign-in as %s ended at %s", role, resp.Request.URL)
	}
	return c
}

func page(t *testing.T, c *http.Client, method, u string, form url.Values) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, u, strings.NewReader(form.Encode()))
	req.Header.Set("Accept", "text/html")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestConsoleTeachHubPages checks without a browser what the browser test
// does not walk: a non-formal activity's card shows and saves its
// supporting document's fields; a field's problem is named beside it in
// the page's language; a viewer reads cards and the report but gets 403
// on enrolling; the report refuses a reversed period by name.
func TestConsoleTeachHubPages(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	x := &th{t: t, h: h}
	x.regno = x.program(credential.Program{Kind: credential.KindNonformalActivity, Name: credential.Text{"kk": "Сыртқы онлайн-курстар",
		"ru": "Внешние онлайн-курсы"}, Hours: 1, FormOfStudy: "online", Language: "kk"})
	var card credential.Card
	x.ok("coordinator", "POST", "/api/v1/teachhub/cards", map[string]any{"program": x.regno, "staff_id": "KZ-7001", "family_name": "Ахметова",
		"given_name": "Дана", "department": "Физиология кафедрасы", "position": "ассистент", "document": map[string]any{
			"activity": "Цифрлық оқыту", "format": "online_course", "date_from": "2026-02-01", "date_to": "2026-03-15",
			"content": "Бағалау құралдары", "hours": 45, "organizer": "Ұлттық орталық", "responsible": "Ә. Тәлімгер"}}, http.StatusCreated, &card)
	coord := staffClient(t, h, credential.RoleCoordinator, "Серікқызы Әйгерім")
	cardURL := h.URL + "/console/teachhub/cards/" + card.ID
	code, body := page(t, coord, "GET", cardURL+"?lang=ru", nil)
	if code != http.StatusOK || !strings.Contains(body, "Подтверждающий документ") || !strings.Contains(body, `value="Цифрлық оқыту"`) ||
		!strings.Contains(body, `<option value="online_course" selected>`) {
		t.Fatalf("the non-formal card page: %d\n%s", code, body)
	}
	// Saving the document with its organizer emptied: named in Russian.
	form := url.Values{"doc_activity": {"Цифрлық оқыту"}, "doc_format": {"online_course"}, "doc_date_from": {"2026-02-01"},
		"doc_date_to": {"2026-03-15"}, "doc_content": {"Бағалау құралдары"}, "doc_outcomes": {""}, "doc_hours": {"45"},
		"doc_organizer": {""}, "doc_responsible": {"Ә. Тәлімгер"}}
	code, body = page(t, coord, "POST", cardURL+"?lang=ru", form)
	if code != http.StatusBadRequest || !strings.Contains(body, "не указан организатор") || !strings.Contains(body, `class="field-error"`) {
		t.Fatalf("a document without its organizer: %d\n%s", code, body)
	}
	form.Set("doc_organizer", "Ұлттық орталық")
	form.Set("doc_hours", "48")
	if code, body = page(t, coord, "POST", cardURL+"?lang=ru", form); code != http.StatusOK || !strings.Contains(body, "Сохранено") {
		t.Fatalf("saving the document: %d\n%s", code, body)
	}
	var got credential.Card
	x.ok("viewer", "GET", "/api/v1/teachhub/cards/"+card.ID, nil, http.StatusOK, &got)
	if got.Document == nil || got.Document.Hours != 48 || got.Hours != 48 {
		t.Fatalf("the saved document %+v", got.Document)
	}

	viewer := staffClient(t, h, credential.RoleViewer, "Айгүл Серікова")
	if code, _ := page(t, viewer, "GET", cardURL+"?lang=kk", nil); code != http.StatusOK {
		t.Fatalf("a viewer reading a card: %d", code)
	}
	code, body = page(t, viewer, "POST", h.URL+"/console/teachhub/enrol?lang=kk", url.Values{"program": {x.regno}, "staff_id": {"KZ-1"}})
	if code != http.StatusForbidden || strings.Contains(body, `id="enrol-one"`) {
		t.Fatalf("a viewer enrolling: %d", code)
	}
	code, body = page(t, viewer, "GET", h.URL+"/console/reports?lang=ru&from=2026-05-01&to=2026-04-01", nil)
	if code != http.StatusBadRequest || !strings.Contains(body, "период заканчивается (2026-04-01) раньше, чем начинается (2026-05-01)") {
		t.Fatalf("a reversed report period: %d\n%s", code, body)
	}
}

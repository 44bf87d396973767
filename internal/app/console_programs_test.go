package app_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// choose picks the option of value in the select matching selector.
func choose(t *testing.T, b *apptest.Browser, selector, value string) {
	t.Helper()
	el, err := b.Page.Element(selector)
	if err != nil {
		t.Fatalf("%s: %v", selector, err)
	}
	if err := el.Select([]string{`option[value="` + value + `"]`}, true, rod.SelectorTypeCSSSector); err != nil {
		t.Fatalf("select %s in %s: %v", value, selector, err)
	}
}

// setValue sets the value of the field matching selector (date inputs
// take their value in ISO form whatever the browser's locale).
func setValue(t *testing.T, b *apptest.Browser, selector, v string) {
	t.Helper()
	el, err := b.Page.Element(selector)
	if err != nil {
		t.Fatalf("%s: %v", selector, err)
	}
	if _, err := el.Eval(`function (v) { this.value = v }`, v); err != nil {
		t.Fatalf("set %s: %v", selector, err)
	}
}

// value reads the value of the field matching selector.
func value(t *testing.T, b *apptest.Browser, selector string) string {
	t.Helper()
	el, err := b.Page.Element(selector)
	if err != nil {
		t.Fatalf("%s: %v", selector, err)
	}
	v, err := el.Property("value")
	if err != nil {
		t.Fatal(err)
	}
	return v.String()
}

// text reads the text of the element matching selector.
func text(t *testing.T, b *apptest.Browser, selector string) string {
	t.Helper()
	el, err := b.Page.Element(selector)
	if err != nil {
		t.Fatalf("%s: %v\n%s", selector, err, b.Text())
	}
	s, err := el.Text()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// noEnglish fails when the page in kk or ru shows English interface words.
func consoleNoEnglish(t *testing.T, b *apptest.Browser, page string, allowed ...string) {
	t.Helper()
	if w := apptest.EnglishWords(b.Text(), allowed...); len(w) > 0 {
		t.Errorf("%s shows English words %q", page, w)
	}
}

// TestConsolePrograms registers a program by form in a real Chromium: three
// competencies typed into the blank rows, a row added, moved and removed
// without JavaScript, a problem shown next to its field in Kazakh, then
// saved; editing the active program says a new version will be made, and
// the versions are listed. The pages hold no English words in kk and ru,
// and fit a phone.
func TestConsolePrograms(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	registrar := h.Staff(t, credential.RoleRegistrar, "Сәуле Ахметова")
	b := h.Browser(t, 1280, 900)
	b.SignIn(registrar, apptest.StaffPassword, "kk")

	b.Open("/console/programs/new?lang=kk")
	consoleNoEnglish(t, b, "the new program form (kk)", "PhD")
	b.Fill("#name_kk", "Деректерді талдау негіздері")
	b.Fill("#name_ru", "Основы анализа данных")
	b.Fill("#name_en", "Data analysis basics")
	choose(t, b, "#status", credential.ProgramActive)
	for i, c := range []struct{ code, title string }{{"ОН1", "Деректерді жинау"}, {"ОН2", "Деректерді тазалау"}, {"ОН3", "Есеп беру"}} {
		n := string(rune('0' + i))
		b.Fill("#c"+n+"_code", c.code)
		b.Fill("#c"+n+"_title_kk", c.title)
	}
	// A fourth row, added without JavaScript, then moved up and removed.
	b.Click(`button[name=op][value="add"]`)
	if !b.Has("#c3_code") || value(t, b, "#c2_code") != "ОН3" {
		t.Fatalf("add row: the form lost its rows or has no fourth:\n%s", b.Text())
	}
	b.Fill("#c3_code", "ОН4")
	b.Fill("#c3_title_kk", "Уақытша")
	b.Click(`button[name=op][value="up:3"]`)
	if value(t, b, "#c2_code") != "ОН4" || value(t, b, "#c3_code") != "ОН3" {
		t.Fatalf("move up: rows are %q %q", value(t, b, "#c2_code"), value(t, b, "#c3_code"))
	}
	b.Click(`button[name=op][value="remove:2"]`)
	if b.Has("#c3_code") || value(t, b, "#c2_code") != "ОН3" {
		t.Fatalf("remove: third row is %q", value(t, b, "#c2_code"))
	}
	b.Fill("#hours", "60")
	choose(t, b, "#nqf_level", "6")
	choose(t, b, "#form_of_study", "blended")
	choose(t, b, "#language", "kk")
	b.Fill("#department", "Ақпараттық жүйелер кафедрасы")
	b.Fill("#approval_body", "Оқу-әдістемелік кеңес")
	b.Fill("#approval_order", "№ 4")
	// Approved a year ago for the longest term but 30 days.
	now := time.Now().UTC()
	setValue(t, b, "#valid_from", now.AddDate(-1, 0, 0).Format(time.DateOnly))
	setValue(t, b, "#valid_until", now.AddDate(0, 0, 30).Format(time.DateOnly))
	// No credits: a microqualification needs them; the page says so in
	// Kazakh next to the field.
	b.Click(`.actions button[name=op][value="save"]`)
	if !b.Has("#credits-err") {
		t.Fatalf("no error next to the credits:\n%s", b.Text())
	}
	if msg := text(t, b, "#credits-err"); !strings.Contains(msg, "кредит") {
		t.Errorf("the credits error is %q, want it in Kazakh", msg)
	}
	b.Shot("program-form-errors-kk")
	consoleNoEnglish(t, b, "the form with its errors (kk)", "PhD")
	if value(t, b, "#c1_code") != "ОН2" || value(t, b, "#name_ru") != "Основы анализа данных" {
		t.Fatal("the form lost what was typed")
	}
	b.Fill("#credits", "2")
	b.Click(`.actions button[name=op][value="save"]`)
	if !strings.Contains(b.Location(), "/console/programs/MQ-") {
		t.Fatalf("saving went to %s:\n%s", b.Location(), b.Text())
	}
	page := b.Text()
	for _, want := range []string{"Бағдарлама тіркелді", "Деректерді талдау негіздері", "ОН1", "ОН2", "ОН3", "Деректерді тазалау"} {
		if !strings.Contains(page, want) {
			t.Errorf("the program's page lacks %q:\n%s", want, page)
		}
	}
	consoleNoEnglish(t, b, "the program's page (kk)", "Data", "analysis", "basics")
	regno := b.Location()[strings.Index(b.Location(), "MQ-"):]
	regno = regno[:strings.IndexAny(regno, "?/")]
	p, err := h.App.Store.Program(t.Context(), regno, 0)
	if err != nil || len(p.Competencies) != 3 || p.Competencies[2].Code != "ОН3" || p.Credits != 2 || p.NQFLevel != 6 || p.Status != credential.ProgramActive {
		t.Fatalf("stored program %+v err %v", p, err)
	}

	// Editing an active program says before saving that it makes version 2.
	b.Open("/console/programs/" + regno + "/edit?lang=ru")
	if !strings.Contains(b.Text(), "будет создана версия 2") {
		t.Fatalf("the edit form does not say a new version is made:\n%s", b.Text())
	}
	consoleNoEnglish(t, b, "the edit form (ru)", "Data", "analysis", "basics", "PhD")
	b.Fill("#hours", "72")
	b.Click(`.actions button[name=op][value="save"]`)
	if !strings.Contains(b.Text(), "версия 2") || !strings.Contains(b.Text(), "заменена") {
		t.Fatalf("after saving, the versions are not listed:\n%s", b.Text())
	}
	consoleNoEnglish(t, b, "the program's page (ru)", "Data", "analysis", "basics")

	for _, l := range []string{"kk", "ru"} {
		b.Open("/console/programs?lang=" + l)
		if !strings.Contains(b.Text(), regno) {
			t.Fatalf("the list (%s) lacks %s", l, regno)
		}
		consoleNoEnglish(t, b, "the program list ("+l+")")
	}
	b.Open("/console/programs?lang=ru&q=анализ&kind=teachhub_module")
	if strings.Contains(b.Text(), regno) {
		t.Error("the kind filter let a microqualification through")
	}

	// The dashboard lists it among the programs expiring within 90 days.
	b.Open("/console?lang=kk")
	if d := b.Text(); !strings.Contains(d, regno) || !strings.Contains(d, "30 күн қалды") {
		t.Errorf("the dashboard does not list %s as expiring:\n%s", regno, d)
	}
	consoleNoEnglish(t, b, "the dashboard (kk)", "admin", "registrar", "coordinator", "viewer") // the harness names its tokens after roles

	shotPages(t, h, registrar, map[string]string{
		"dashboard-registrar": "/console",
		"programs":            "/console/programs",
		"program-new":         "/console/programs/new",
		"program":             "/console/programs/" + regno,
		"program-edit":        "/console/programs/" + regno + "/edit",
	}, b)
}

// shotPages opens each page in kk and ru on a phone, where it must fit,
// and saves screenshots of both widths when TANU_SHOTS is set (desktop
// shots in b, signed in already).
func shotPages(t *testing.T, h *apptest.Harness, email string, pages map[string]string, b *apptest.Browser) {
	t.Helper()
	phone := h.Browser(t, apptest.PhoneWidth, 800)
	phone.SignIn(email, apptest.StaffPassword, "kk")
	shots := os.Getenv(apptest.ShotsEnv) != ""
	for name, path := range pages {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		for _, l := range []string{"kk", "ru"} {
			phone.Open(path + sep + "lang=" + l)
			phone.Shot(name + "-" + l + "-phone")
			if ok, w := phone.Fits(); !ok {
				t.Errorf("%s (%s) is %d px wide on a %d px phone", path, l, w, apptest.PhoneWidth)
			}
			if shots {
				b.Open(path + sep + "lang=" + l)
				b.Shot(name + "-" + l)
			}
		}
	}
}

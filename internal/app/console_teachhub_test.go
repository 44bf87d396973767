package app_test

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/demo"
)

// tick checks a checkbox.
func tick(t *testing.T, b *apptest.Browser, selector string) {
	t.Helper()
	if _, err := b.Page.MustElement(selector).Eval(`function() { this.checked = true }`); err != nil {
		t.Fatalf("%s: %v", selector, err)
	}
}

// thNoEnglish fails when a Kazakh or Russian page shows interface words in
// English.
func thNoEnglish(t *testing.T, b *apptest.Browser, page string) {
	t.Helper()
	if w := apptest.EnglishWords(b.Text()); len(w) > 0 {
		t.Errorf("%s shows English words %q", page, w)
	}
}

// TestConsoleTeachHub walks the TeachHub console in a real Chromium: a
// coordinator enrols three staff from a spreadsheet (the preview names a
// bad row's problem in Russian), records hours and tasks for one, sees
// what is missing, completes it on a past day with the stream's dates,
// verifies and submits; the coordinator sees no recognition button and
// gets 403 posting it; a registrar recognizes with a decision dated before
// today; HR (viewer) downloads the report and the test reads its CSV and
// XLSX. Pages are shot in kk and ru, desktop and phone.
func TestConsoleTeachHub(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	x := &th{t: t, h: h}
	x.regno = x.program(demo.TeachHub())
	coordinator := h.Staff(t, credential.RoleCoordinator, "Серікқызы Әйгерім")
	registrar := h.Staff(t, credential.RoleRegistrar, "Бауыржан Әлиев")
	hr := h.Staff(t, credential.RoleViewer, "Айгүл Серікова")
	day := func(n int) string { return time.Now().UTC().AddDate(0, 0, -n).Format(time.DateOnly) }

	b := h.Browser(t, 1280, 900)
	b.SignIn(coordinator, apptest.StaffPassword, "ru")
	b.Open("/console/teachhub?program=" + x.regno)
	if !strings.Contains(b.Text(), "Нет участников") {
		t.Fatalf("an empty module:\n%s", b.Text())
	}

	// The staff list: three good rows and one without a position.
	sheet := filepath.Join(t.TempDir(), "staff.csv")
	list := "Табельный номер;Фамилия;Имя;Отчество;Подразделение;Должность\n" +
		"KZ-1001;Омарова;Гүлнар;Серікқызы;Кафедра физиологии;доцент\n" +
		"KZ-1002;Ким;Виктор;;Кафедра физиологии;ассистент\n" +
		"KZ-1003;Нұрланов;Ғалым;;Кафедра хирургии;профессор\n" +
		"KZ-1004;Ли;Анна;;Кафедра хирургии;\n"
	if err := os.WriteFile(sheet, []byte(list), 0o600); err != nil {
		t.Fatal(err)
	}
	// Checked in Kazakh first (shot only), then in Russian.
	b.Open("/console/teachhub?lang=kk&program=" + x.regno)
	b.Page.MustElement("#i-file").MustSetFiles(sheet)
	b.Click("#check-file")
	b.Shot("teachhub-preview-kk")
	thNoEnglish(t, b, "the Kazakh preview")
	b.Open("/console/teachhub?lang=ru&program=" + x.regno)
	b.Page.MustElement("#i-file").MustSetFiles(sheet)
	b.Fill("#i-stream", "2026-весна")
	setValue(t, b, "#i-from", day(30))
	setValue(t, b, "#i-to", day(19))
	b.Click("#check-file")
	text := b.Text()
	if !strings.Contains(text, "строк 4, готовы к записи: 3") || !strings.Contains(text, "Должность") || !b.Has("#problems") {
		t.Fatalf("the preview:\n%s", text)
	}
	b.Shot("teachhub-preview-ru")
	thNoEnglish(t, b, "the preview")
	if n := len(b.Page.MustElements("#cards tbody tr")); n != 0 {
		t.Fatalf("the preview enrolled %d", n)
	}
	b.Click("#confirm-import")
	if n := len(b.Page.MustElements("#cards tbody tr")); n != 3 || !strings.Contains(b.Text(), "Участники из списка записаны") {
		t.Fatalf("after confirming, %d participants:\n%s", n, b.Text())
	}
	b.Shot("teachhub-list-ru")

	// Омарова's card: start, record hours and one task of three.
	b.Click(`#cards a[href*="/console/teachhub/cards/"]`)
	cardURL := b.Location()
	cardPath := cardURL[len(h.URL):]
	if i := strings.Index(cardPath, "?"); i > 0 {
		cardPath = cardPath[:i]
	}
	b.Click("#do-start button")
	if !strings.Contains(b.Page.MustElement("#status").MustText(), "в процессе") {
		t.Fatalf("after start: %s", b.Text())
	}
	b.Fill("#c-contact", "24")
	b.Fill("#c-self", "8")
	tick(t, b, `input[name="task_done_0"]`)
	b.Fill(`input[name="task_product_1"]`, "mini-project.pdf")
	b.Fill(`input[name="mark_TH1"]`, "92")
	b.Click("#save")
	missing := b.Page.MustElement("#missing").MustText()
	for _, want := range []string{"часов самостоятельной работы 8 из требуемых 12", "не выполнено обязательное задание: мини-жоба",
		"не выполнено обязательное задание: презентация", "подтвердите даты потока (" + day(30) + " – " + day(19) + ")"} {
		if !strings.Contains(missing, want) {
			t.Errorf("missing for completion does not say %q:\n%s", want, missing)
		}
	}
	b.Shot("teachhub-card-missing-ru")
	thNoEnglish(t, b, "the card")
	b.Open(cardPath + "?lang=kk")
	b.Shot("teachhub-card-missing-kk")
	thNoEnglish(t, b, "the Kazakh card")
	b.Open(cardPath + "?lang=ru")
	// Completing now names what is missing, in Russian.
	b.Click("#do-complete button")
	if !b.Has("#problems") || !strings.Contains(b.Page.MustElement("#problems").MustText(), "нельзя перевести в статус") {
		t.Fatalf("completion with work missing:\n%s", b.Text())
	}
	b.Fill("#c-self", "12")
	tick(t, b, `input[name="task_done_1"]`)
	tick(t, b, `input[name="task_done_2"]`)
	b.Click("#save")
	if got := b.Page.MustElement("#missing").MustText(); strings.Contains(got, "задание") || !strings.Contains(got, "подтвердите даты потока") {
		t.Fatalf("after the work, missing:\n%s", got)
	}
	setValue(t, b, "#completed_on", day(18))
	tick(t, b, "#confirm_period")
	b.Click("#do-complete button")
	if s := b.Page.MustElement("#status").MustText(); !strings.Contains(s, "реализовано") {
		t.Fatalf("after completion: %s\n%s", s, b.Text())
	}
	if got := b.Page.MustElement("#completed-on").MustText(); got != dmyDay(day(18)) {
		t.Errorf("completed on %q, want %s", got, dmyDay(day(18)))
	}
	if !b.Has(`#certificate a[href*="certificate.pdf?lang=ru"]`) {
		t.Fatal("no certificate downloads")
	}
	// Submission: verification and the work plan entry.
	tick(t, b, "#c-verified")
	setValue(t, b, "#c-plan_date", day(1))
	b.Fill("#e-plan_entry_number", "ИПР-17")
	b.Click("#save")
	b.Shot("teachhub-card-completed-ru")
	if !strings.Contains(b.Page.MustElement("#missing").MustText(), "Всё заполнено") {
		t.Fatalf("submission still misses:\n%s", b.Page.MustElement("#missing").MustText())
	}
	b.Click("#do-submit button")
	if s := b.Page.MustElement("#status").MustText(); !strings.Contains(s, "представлено к признанию") {
		t.Fatalf("after submission: %s", s)
	}
	// No recognition for a coordinator: no button, 403 on posting it.
	if b.Has("#do-recognize") {
		t.Fatal("a coordinator sees the recognition button")
	}
	status := b.Page.MustEval(`async (path) => (await fetch(path + "/transition?lang=ru", {method: "POST",
		body: new URLSearchParams({to: "recognized", recognized_sb: "1.2", decision_date: "`+day(1)+`", decision_number: "7"})})).status`, cardPath).Int()
	if status != http.StatusForbidden {
		t.Fatalf("a coordinator posting recognition: %d, want 403", status)
	}

	// The registrar recognizes with yesterday's decision.
	b.Click(`header form button[type=submit]`)
	b.SignIn(registrar, apptest.StaffPassword, "kk")
	b.Open(cardPath)
	b.Shot("teachhub-card-submitted-kk")
	thNoEnglish(t, b, "the submitted card")
	b.Fill("#recognized_sb", "1,2")
	setValue(t, b, "#decision_date", day(1))
	b.Fill("#decision_number", "№ 7-ҒК")
	b.Click("#do-recognize button")
	if s := b.Page.MustElement("#status").MustText(); !strings.Contains(s, "танылды") || !strings.Contains(b.Text(), "1.20 СБ") {
		t.Fatalf("after recognition: %s\n%s", s, b.Text())
	}
	b.Shot("teachhub-card-recognized-kk")

	// HR downloads the report and reads it.
	b.Click(`header form button[type=submit]`)
	b.SignIn(hr, apptest.StaffPassword, "kk")
	b.Open("/console/reports?from=" + day(60) + "&to=" + day(0))
	b.Shot("reports-kk")
	thNoEnglish(t, b, "the report")
	if b.Has("#enrol-one") {
		t.Error("a viewer sees the enrolment form")
	}
	csvHref := b.Page.MustElement("#download-csv").MustProperty("href").String()
	code, body := b.Get(strings.TrimPrefix(csvHref, h.URL))
	if code != http.StatusOK || !bytes.HasPrefix(body, []byte("\ufeff")) {
		t.Fatalf("CSV: %d %q", code, body)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff"))))
	r.Comma, r.FieldsPerRecord = ';', -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Three activities (one recognized, two registered), three persons, two departments and the total.
	if len(rows) != (2+3)+(2+3)+(2+2+1) || rows[0][0] != "Іс-шаралар" || rows[1][0] != "Құрылымдық бөлімше" {
		t.Fatalf("CSV rows %q", rows)
	}
	statuses := rows[2][7] + "|" + rows[3][7] + "|" + rows[4][7]
	if !strings.Contains(statuses, "танылды") || !strings.Contains(statuses, "тіркелді") {
		t.Errorf("CSV statuses %q", statuses)
	}
	if total := rows[len(rows)-1]; total[0] != "барлығы" || total[1] != "1" || total[2] != "36" || total[9] != "1,20" {
		t.Errorf("CSV total %q", total)
	}
	xlsxHref := b.Page.MustElement("#download-xlsx").MustProperty("href").String()
	code, body = b.Get(strings.TrimPrefix(xlsxHref, h.URL))
	if code != http.StatusOK {
		t.Fatalf("XLSX: %d", code)
	}
	book, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	sheets := book.GetSheetList()
	if len(sheets) != 3 || sheets[1] != "Қызметкерлер бойынша" {
		t.Fatalf("XLSX sheets %q", sheets)
	}
	depts, _ := book.GetRows(sheets[2])
	if len(depts) != 4 || depts[3][0] != "барлығы" || depts[3][9] != "1.20" {
		t.Errorf("XLSX departments %q", depts)
	}

	// The other pages in both languages, and on a phone.
	for _, l := range []string{"kk", "ru"} {
		b.Open("/console/teachhub?lang=" + l + "&program=" + x.regno)
		b.Shot("teachhub-list-viewer-" + l)
		thNoEnglish(t, b, "the participants ("+l+")")
		b.Open("/console/reports?lang=" + l + "&from=" + day(60))
		b.Shot("reports-" + l)
	}
	phone := h.Browser(t, apptest.PhoneWidth, 800)
	phone.SignIn(coordinator, apptest.StaffPassword, "kk")
	for _, p := range []struct{ name, path string }{{"teachhub-list", "/console/teachhub?program=" + x.regno},
		{"teachhub-card", cardPath}, {"reports", "/console/reports?from=" + day(60)}} {
		for _, l := range []string{"kk", "ru"} {
			phone.Open(p.path + sep(p.path) + "lang=" + l)
			phone.Shot(p.name + "-" + l + "-phone")
			if ok, w := phone.Fits(); !ok {
				t.Errorf("%s (%s) is %d px wide on a %d px phone", p.name, l, w, apptest.PhoneWidth)
			}
		}
	}
}

func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}

func dmyDay(d string) string { return d[8:10] + "." + d[5:7] + "." + d[0:4] }

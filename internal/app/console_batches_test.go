package app_test

import (
	"archive/zip"
	"bytes"
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

	"github.com/tanu-edu/tanu/batch"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// wizardCohort is a cohort the way a registrar's office exports it, with
// three mistakes: a wrong IIN (row 3, check digit), a missing grade (row
// 4, LO2) and an impossible date (row 5, 31.02.2026).
func wizardCohort() string {
	h := "\ufeffБілім алушы ID;Тегі;Аты;Әкесінің аты;Эл. пошта;ЖСН;Басталуы;Аяқталуы;Шешім күні;LO1;LO2;LO3\r\n"
	row := func(id, fam, giv, iinv, to, lo2 string) string {
		return fmt.Sprintf("%s;%s;%s;;%s@students.example.edu;%s;02.02.2026;%s;06.05.2026;86;%s;76\r\n", id, fam, giv, strings.ToLower(id), iinv, to, lo2)
	}
	return h + row("S0000001", "Жұмабекова", "Мөлдір", iin(1), "24.04.2026", "71") +
		row("S0000002", "Нұрланов", "Ғалым", "760227487790", "24.04.2026", "80") +
		row("S0000003", "Оспанова", "Әсел", iin(3), "24.04.2026", "") +
		row("S0000004", "Шәкенова", "Дана", iin(4), "31.02.2026", "90")
}

// formats and names every page of the wizard may show in Latin letters.
var wizardLatin = []string{"Python", "XLS", "ODS", "LO1", "LO2", "LO3", "MiB", "MQ", "S0000001", "S0000002", "S0000003", "S0000004"}

// TestConsoleBatchWizard drives the batch wizard in a real Chromium as a
// registrar would: choose the program, upload a spreadsheet with a wrong
// IIN, a missing grade and an impossible date, see each problem at its row
// and column in Kazakh and in Russian, correct the three cells in the
// browser, confirm with e-mail to the holders, watch the progress until
// done, and download the certificates: a ZIP whose PDFs name the holders.
// The batch list filters and pages, and every page fits a phone.
func TestConsoleBatchWizard(t *testing.T) {
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) {
		// One row a step with a rest between: the progress page is seen running.
		c.Batch.Step, c.Batch.Pause = 1, 2*time.Second
	}})
	regno := createProgram(t, h)
	reg := h.Staff(t, credential.RoleRegistrar, "Сәуле Жақсыбекова")
	file := filepath.Join(t.TempDir(), "когорта.csv")
	if err := os.WriteFile(file, []byte(wizardCohort()), 0o644); err != nil {
		t.Fatal(err)
	}
	noEnglish := func(b *apptest.Browser, where string) {
		t.Helper()
		if w := apptest.EnglishWords(b.Text(), wizardLatin...); len(w) > 0 {
			t.Errorf("%s shows English words %q", where, w)
		}
	}
	b := h.Browser(t, 1280, 900)
	b.SignIn(reg, apptest.StaffPassword, "kk")

	// 1. The program.
	b.Open("/console/batches/new?lang=kk")
	b.Shot("batch-1-program-kk")
	noEnglish(b, "step 1 (kk)")
	b.Click(`main form button[type=submit]`)
	if !strings.Contains(b.Location(), "program="+regno) {
		t.Fatalf("step 1 went to %s", b.Location())
	}
	// 2. The file.
	b.Shot("batch-2-upload-kk")
	noEnglish(b, "step 2 (kk)")
	el, err := b.Page.Element(`input[type=file]#file`)
	if err != nil {
		t.Fatal(err)
	}
	if err := el.SetFiles([]string{file}); err != nil {
		t.Fatal(err)
	}
	b.Click(`main form button[type=submit]`)
	// 3. The preview: each problem at its row and column, in Kazakh.
	text := b.Text()
	for _, want := range []string{"3-жол, «ЖСН» бағаны", "4-жол, «LO2» бағаны", "5-жол, «Аяқталуы» бағаны"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Kazakh preview does not say %q:\n%s", want, text)
		}
	}
	if !b.Has(`input[name="c.3.5"]`) || !b.Has(`input[name="c.4.10"]`) || !b.Has(`input[name="c.5.7"]`) {
		t.Fatalf("the preview offers no field for each problem cell:\n%s", text)
	}
	b.Shot("batch-3-preview-kk")
	noEnglish(b, "the preview (kk)")
	kkPreview := b.Location()

	// The same in Russian: checked again in the page's language.
	b.Open(strings.Replace(pathOf(kkPreview), "lang=kk", "lang=ru", 1))
	b.Click(`#relang button[type=submit]`)
	text = b.Text()
	for _, want := range []string{"Строка 3, столбец «ЖСН»", "Строка 4, столбец «LO2»", "Строка 5, столбец «Аяқталуы»"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Russian preview does not say %q:\n%s", want, text)
		}
	}
	b.Shot("batch-3-preview-ru")
	noEnglish(b, "the preview (ru)")
	ruPreview := pathOf(b.Location())

	// 4. Correct the three cells in the browser and check again.
	b.Fill(`input[name="c.3.5"]`, iin(2))
	b.Fill(`input[name="c.4.10"]`, "80")
	b.Fill(`input[name="c.5.7"]`, "24.04.2026")
	b.Click(`#fix button[type=submit]`)
	text = b.Text()
	if b.Has(`#fix`) || !b.Has(`#confirm input[name=notify][checked]`) {
		t.Fatalf("after the corrections the preview still has problems or no confirmation:\n%s", text)
	}
	b.Shot("batch-4-confirm-ru")
	noEnglish(b, "the confirmation (ru)")
	confirmPage := regexp.MustCompile(`&done=[^&]*`).ReplaceAllString(pathOf(b.Location()), "")
	// A phone, signed in before the batch starts, to see it running.
	phone := h.Browser(t, apptest.PhoneWidth, 800)
	phone.SignIn(reg, apptest.StaffPassword, "kk")
	b.Click(`#confirm button[type=submit]`)

	// 5. The progress, live, then 6. the results.
	batchPage := regexp.MustCompile(`&done=[^&]*`).ReplaceAllString(pathOf(b.Location()), "")
	b.Shot("batch-5-progress-ru")
	noEnglish(b, "the progress (ru)")
	if !b.Has(`[data-progress]`) {
		t.Errorf("the batch page shows no live progress right after confirming:\n%s", b.Text())
	}
	phone.Open(strings.Replace(batchPage, "lang=ru", "lang=kk", 1))
	phone.Shot("batch-5-progress-kk-phone")
	b.Open(strings.Replace(batchPage, "lang=ru", "lang=kk", 1))
	b.Shot("batch-5-progress-kk")
	b.Open(batchPage)
	deadline := time.Now().Add(2 * time.Minute)
	for !b.Has(`a[href*="certificates.zip"]`) { // the page's script reloads it when done
		if time.Now().After(deadline) {
			t.Fatalf("the batch page never showed the results:\n%s", b.Text())
		}
		time.Sleep(500 * time.Millisecond)
	}
	b.Wait()
	if text = b.Text(); !strings.Contains(text, "Пакет завершён") {
		t.Errorf("the finished batch's page says:\n%s", text)
	}
	b.Shot("batch-6-results-ru")
	noEnglish(b, "the results (ru)")

	// The certificates: a ZIP of four PDFs naming the holders, fetched with
	// the browser's session.
	zipPath := strings.SplitN(batchPage, "?", 2)[0] + "/certificates.zip?badges=false&lang=kk"
	checkZIP(t, h, b, zipPath, []string{"Жұмабекова", "Нұрланов", "Оспанова", "Шәкенова"})

	// The same pages in Kazakh, and the list with its filters.
	b.Open(strings.Replace(batchPage, "lang=ru", "lang=kk", 1))
	b.Shot("batch-6-results-kk")
	noEnglish(b, "the results (kk)")
	b.Open("/console/batches?lang=kk")
	if text = b.Text(); !strings.Contains(text, "когорта.csv") || !strings.Contains(text, "Аяқталды") {
		t.Errorf("the batch list does not show the batch:\n%s", text)
	}
	b.Shot("batch-list-kk")
	noEnglish(b, "the list (kk)")
	b.Open("/console/batches?lang=ru&kind=preview&status=done&program=" + regno + "&from=2000-01-01&to=2999-01-01")
	if n := strings.Count(b.Text(), "когорта.csv"); n != 3 {
		t.Errorf("the list of checks shows %d of the 3 checks:\n%s", n, b.Text())
	}
	b.Open("/console/batches?lang=ru")
	b.Shot("batch-list-ru")
	noEnglish(b, "the list (ru)")

	// The first steps in Russian, the confirmation in Kazakh.
	for _, p := range []struct{ name, path string }{
		{"batch-1-program-ru", "/console/batches/new?lang=ru"},
		{"batch-2-upload-ru", "/console/batches/new?lang=ru&program=" + regno},
		{"batch-4-confirm-kk", strings.Replace(confirmPage, "lang=ru", "lang=kk", 1)},
	} {
		b.Open(p.path)
		b.Shot(p.name)
		noEnglish(b, p.name)
	}

	// A phone: every step fits 390 px.
	for _, p := range []struct{ name, path string }{
		{"batch-1-program-kk-phone", "/console/batches/new?lang=kk"},
		{"batch-1-program-ru-phone", "/console/batches/new?lang=ru"},
		{"batch-2-upload-kk-phone", "/console/batches/new?lang=kk&program=" + regno},
		{"batch-2-upload-ru-phone", "/console/batches/new?lang=ru&program=" + regno},
		{"batch-3-preview-kk-phone", pathOf(kkPreview)},
		{"batch-3-preview-ru-phone", ruPreview},
		{"batch-4-confirm-ru-phone", confirmPage},
		{"batch-4-confirm-kk-phone", strings.Replace(confirmPage, "lang=ru", "lang=kk", 1)},
		{"batch-6-results-kk-phone", strings.Replace(batchPage, "lang=ru", "lang=kk", 1)},
		{"batch-6-results-ru-phone", batchPage},
		{"batch-list-kk-phone", "/console/batches?lang=kk"},
		{"batch-list-ru-phone", "/console/batches?lang=ru"},
	} {
		phone.Open(p.path)
		phone.Shot(p.name)
		if ok, w := phone.Fits(); !ok {
			t.Errorf("%s is %d px wide on a %d px phone", p.name, w, apptest.PhoneWidth)
		}
	}

	// A viewer sees no wizard and may not post to it.
	viewer := h.Staff(t, credential.RoleViewer, "Айгүл Серікова")
	v := h.Browser(t, 1280, 900)
	v.SignIn(viewer, apptest.StaffPassword, "ru")
	v.Open("/console/batches?lang=ru")
	if v.Has(`a[href^="/console/batches/new"]`) {
		t.Error("a viewer is offered the batch wizard")
	}
	v.Open(pathOf(kkPreview))
	if v.Has(`#confirm`) || v.Has(`#fix`) {
		t.Error("a viewer is offered to confirm or correct a preview")
	}
}

// pathOf returns the path and query of a URL.
func pathOf(u string) string {
	if i := strings.Index(u, "/console/"); i >= 0 {
		return u[i:]
	}
	return u
}

// checkZIP downloads a batch's certificates with the browser's session
// cookie and checks that it holds one PDF per holder, each naming its
// holder (pdftotext, when installed).
func checkZIP(t *testing.T, h *apptest.Harness, b *apptest.Browser, path string, holders []string) {
	t.Helper()
	code, body := b.Get(path)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %.300s", path, code, body)
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	var pdfs []*zip.File
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".pdf") {
			pdfs = append(pdfs, f)
		}
	}
	if len(pdfs) != len(holders) {
		t.Fatalf("the ZIP holds %d PDFs, want %d", len(pdfs), len(holders))
	}
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Logf("pdftotext not found: the PDFs' text is not checked")
		return
	}
	var all strings.Builder
	dir := t.TempDir()
	for i, f := range pdfs {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("%d.pdf", i))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(tool, "-q", p, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", f.Name, err)
		}
		all.Write(regexp.MustCompile(`\s+`).ReplaceAll(out, []byte(" ")))
	}
	for _, name := range holders {
		if !strings.Contains(all.String(), name) {
			t.Errorf("no certificate names %s", name)
		}
	}
}

// TestBatchProgressAndPaging checks, on every engine, the cheap progress
// answer (the counters alone, the same for the API and the console's
// page), rows paged with ?offset&limit beside the unchanged full answer,
// a preview corrected and confirmed through the service, and the
// console's batch search with its filters.
func TestBatchProgressAndPaging(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			h := apptest.Start(t, eng)
			regno := createProgram(t, h)
			ctx := credential.WithActor(context.Background(), "test")
			pv, err := h.App.Batches.Submit(ctx, batch.Upload{Program: regno, Filename: "c.csv", Body: strings.NewReader(wizardCohort()),
				Lang: "ru", DryRun: true, Keep: true})
			if err != nil {
				t.Fatal(err)
			}
			if pv.Failed != 3 || pv.Total != 4 {
				t.Fatalf("preview: %d of %d rows failed, want 3 of 4", pv.Failed, pv.Total)
			}
			// Corrections: a cell outside the header is refused; the three
			// fixes make a new preview with no problem, the old one unchanged.
			if _, err := h.App.Batches.Submit(ctx, batch.Upload{Program: regno, From: pv.ID, DryRun: true, Keep: true,
				Corrections: []batch.Correction{{Row: 3, Column: 99, Value: "x"}}}); credential.ErrorCode(err) != credential.CodeInvalid {
				t.Errorf("a correction outside the header: %v, want invalid", err)
			}
			fixed, err := h.App.Batches.Submit(ctx, batch.Upload{Program: regno, From: pv.ID, DryRun: true, Keep: true, Lang: "ru",
				Corrections: []batch.Correction{{Row: 3, Column: 5, Value: iin(2)}, {Row: 4, Column: 10, Value: "80"}, {Row: 5, Column: 7, Value: "24.04.2026"}}})
			if err != nil || fixed.Failed != 0 || fixed.Filename != "c.csv" {
				t.Fatalf("corrected preview: %+v %v", fixed, err)
			}
			if again, _ := h.App.Batches.Batch(ctx, pv.ID); again.Failed != 3 {
				t.Errorf("the corrected preview changed: %+v", again)
			}
			bt, err := h.App.Batches.Submit(ctx, batch.Upload{Program: regno, From: fixed.ID, Lang: "ru"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := h.App.Batches.Submit(ctx, batch.Upload{Program: regno, From: bt.ID}); credential.ErrorCode(err) != credential.CodeConflict {
				t.Errorf("confirming a batch that is no preview: %v, want conflict", err)
			}
			deadline := time.Now().Add(time.Minute)
			type progress struct {
				Status                   string
				Total, Processed, Issued int
				Rows                     []any
			}
			var p progress
			for p.Status != "done" {
				if time.Now().After(deadline) {
					t.Fatalf("the batch never finished: %+v", p)
				}
				resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+bt.ID+"/progress", "", nil)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("progress: %d %s", resp.StatusCode, body)
				}
				p = decode[progress](t, body)
				if len(body) > 400 || p.Rows != nil {
					t.Errorf("the progress answer is %d bytes with rows %v: %s", len(body), p.Rows, body)
				}
				time.Sleep(100 * time.Millisecond)
			}
			if p.Issued != 4 || p.Processed != 4 {
				t.Errorf("done: %+v, want 4 issued", p)
			}
			type rowsOut struct {
				Total int
				Rows  []struct{ Row int }
			}
			_, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+bt.ID+"?offset=1&limit=2", "", nil)
			if r := decode[rowsOut](t, body); r.Total != 4 || len(r.Rows) != 2 || r.Rows[0].Row != 3 || r.Rows[1].Row != 4 {
				t.Errorf("rows 2–3 of the batch: %s", body)
			}
			_, body = h.Do(t, "viewer", "GET", "/api/v1/batches/"+bt.ID, "", nil)
			if r := decode[rowsOut](t, body); len(r.Rows) != 4 {
				t.Errorf("without paging every row: %s", body)
			}
			if resp, body := h.Do(t, "viewer", "GET", "/api/v1/batches/"+bt.ID+"?limit=0", "", nil); resp.StatusCode != http.StatusBadRequest {
				t.Errorf("limit=0: %d %s", resp.StatusCode, body)
			}

			// The console's search: kinds, program, dates, paging.
			for _, tc := range []struct {
				q    credential.BatchQuery
				want int
			}{
				{credential.BatchQuery{Limit: 10}, 3},
				{credential.BatchQuery{Kind: credential.BatchKindPreview, Limit: 10}, 2},
				{credential.BatchQuery{Kind: credential.BatchKindIssue, Status: credential.BatchDone, Program: regno, Limit: 10}, 1},
				{credential.BatchQuery{Program: "MQ-1999-0001", Limit: 10}, 0},
				{credential.BatchQuery{From: time.Now().Add(24 * time.Hour), Limit: 10}, 0},
				{credential.BatchQuery{From: time.Now().Add(-time.Hour), To: time.Now().Add(time.Hour), Limit: 10}, 3},
			} {
				items, total, err := h.App.Batches.Search(ctx, tc.q)
				if err != nil || total != tc.want || len(items) != tc.want {
					t.Errorf("search %+v: %d items of %d, %v; want %d", tc.q, len(items), total, err, tc.want)
				}
			}
			items, total, err := h.App.Batches.Search(ctx, credential.BatchQuery{Limit: 2, Offset: 2})
			if err != nil || total != 3 || len(items) != 1 || items[0].ID != pv.ID {
				t.Errorf("the second page: %d items of %d, %v", len(items), total, err)
			}
		})
	}
}

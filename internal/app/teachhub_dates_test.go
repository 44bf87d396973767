package app_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// TestTeachHubDates checks the card's dates as a coordinator meets them: a
// card without a study period is not completed; the stream's dates are
// taken once confirmed; a period too short for the contact hours is
// refused; the completion day may be past but not future nor before the
// period; a commission decision dated before today but not before the
// completion day is accepted. Errors are said in the request's language.
// The Russian certificate prints the real period and the coordinator who
// verified the card (named from the account behind the token).
func TestTeachHubDates(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		x := newTH(t, h)
		errOf := func(role, method, path string, body any, want int) apiError {
			t.Helper()
			code, b := x.call(role, method, path, body)
			if code != want {
				t.Fatalf("%s %s: %d %s, want %d", method, path, code, b, want)
			}
			return decode[apiError](t, b)
		}
		fields := func(e apiError) string {
			var f []string
			for _, d := range e.Error.Details {
				f = append(f, d.Field)
			}
			return strings.Join(f, ",")
		}
		var c credential.Card
		x.ok("coordinator", "POST", "/api/v1/teachhub/cards", map[string]any{"program": x.regno, "staff_id": "KZ-9001", "stream": "2026-осень",
			"family_name": "Омарова", "given_name": "Гүлнар", "department": "Физиология кафедрасы", "position": "доцент"}, http.StatusCreated, &c)
		x.move("coordinator", c.ID, body("in_progress"))
		x.patch(c.ID, work(24, 12, "мини-жоба", "презентация"))
		path := "/api/v1/teachhub/cards/" + c.ID + "/transition"

		// No period anywhere: the Russian answer names both days.
		e := errOf("coordinator", "POST", path+"?lang=ru", map[string]any{"to": "completed"}, http.StatusConflict)
		if fields(e) != "date_from,date_to" || !strings.Contains(e.Error.Message, "не указан первый день периода обучения") {
			t.Fatalf("completion without a period: %+v", e)
		}
		// The stream's dates: asked to confirm, then taken.
		x.ok("coordinator", "PUT", "/api/v1/teachhub/streams", map[string]any{"program": x.regno, "stream": "2026-осень",
			"date_from": daysAgo(40), "date_to": daysAgo(30)}, http.StatusOK, nil)
		e = errOf("coordinator", "POST", path+"?lang=kk", map[string]any{"to": "completed"}, http.StatusConflict)
		if fields(e) != "confirm_period" || !strings.Contains(e.Error.Message, "ағынның күндерін ("+daysAgo(40)+" – "+daysAgo(30)+") растаңыз") {
			t.Fatalf("completion before confirming the stream's dates: %+v", e)
		}
		// The completion day: never in the future, never before the period.
		e = errOf("coordinator", "POST", path+"?lang=ru", map[string]any{"to": "completed", "confirm_period": true,
			"completed_on": time.Now().UTC().AddDate(0, 0, 2).Format(time.DateOnly)}, http.StatusBadRequest)
		if fields(e) != "completed_on" || !strings.Contains(e.Error.Message, "ещё не наступила") {
			t.Fatalf("a completion day in the future: %+v", e)
		}
		e = errOf("coordinator", "POST", path+"?lang=en", map[string]any{"to": "completed", "confirm_period": true,
			"completed_on": daysAgo(41)}, http.StatusBadRequest)
		if fields(e) != "completed_on" || !strings.Contains(e.Error.Message, "before the study period starts") {
			t.Fatalf("a completion day before the period: %+v", e)
		}
		// A day of the stream for 36 contact hours: too short.
		x.ok("coordinator", "PUT", "/api/v1/teachhub/streams", map[string]any{"program": x.regno, "stream": "2026-осень",
			"date_from": daysAgo(30), "date_to": daysAgo(30)}, http.StatusOK, nil)
		x.patch(c.ID, work(36, 12, "мини-жоба", "презентация"))
		e = errOf("coordinator", "POST", path+"?lang=ru", map[string]any{"to": "completed", "confirm_period": true}, http.StatusConflict)
		if fields(e) != "date_from" || !strings.Contains(e.Error.Message, "слишком короток для 36 контактных часов") {
			t.Fatalf("a one-day period for 36 hours: %+v", e)
		}
		x.ok("coordinator", "PUT", "/api/v1/teachhub/streams", map[string]any{"program": x.regno, "stream": "2026-осень",
			"date_from": daysAgo(40), "date_to": daysAgo(30)}, http.StatusOK, nil)
		x.patch(c.ID, work(24, 12, "мини-жоба", "презентация"))
		done := x.move("coordinator", c.ID, map[string]any{"to": "completed", "confirm_period": true, "completed_on": daysAgo(5)})
		if done.DateFrom != daysAgo(40) || done.DateTo != daysAgo(30) || done.CompletedOn != daysAgo(5) || done.CompletedAt == nil ||
			done.CompletedAt.UTC().Format(time.DateOnly) != today() {
			t.Fatalf("completed card: period %s–%s, completed on %s at %v", done.DateFrom, done.DateTo, done.CompletedOn, done.CompletedAt)
		}

		// The coordinator verifies through a token of their own account.
		tok := userToken(t, h, "coordinator@uni.example", "Серікқызы Әйгерім", credential.RoleCoordinator)
		patch := `{"verified": true, "plan_entry_date": "` + today() + `", "plan_entry_number": "ЖЖ-4"}`
		resp, b := doWith(t, h, tok, "PATCH", "/api/v1/teachhub/cards/"+c.ID, patch)
		if v := decode[credential.Card](t, b); resp.StatusCode != http.StatusOK || v.Coordinator != "Серікқызы Әйгерім" {
			t.Fatalf("verification by a named coordinator: %d %s", resp.StatusCode, b)
		}
		x.move("coordinator", c.ID, body("submitted_for_recognition"))
		// The commission met before the participant completed: refused.
		e = errOf("registrar", "POST", path+"?lang=ru", map[string]any{"to": "recognized", "recognized_sb": 1.2,
			"decision_date": daysAgo(6), "decision_number": "№ 3"}, http.StatusBadRequest)
		if fields(e) != "decision_date" || !strings.Contains(e.Error.Message, "раньше даты завершения участником ("+daysAgo(5)+")") {
			t.Fatalf("a decision before the completion day: %+v", e)
		}
		// It met yesterday, after the completion day recorded today: accepted.
		rec := x.move("registrar", c.ID, map[string]any{"to": "recognized", "recognized_sb": 1.2, "decision_date": daysAgo(1), "decision_number": "№ 3"})
		if rec.DecisionDate != daysAgo(1) {
			t.Fatalf("recognized card %+v", rec)
		}

		// The Russian certificate: the real period and the coordinator.
		resp, pdf := h.Do(t, "", "GET", "/c/"+done.CredentialID+"/certificate.pdf?lang=ru", "", nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("certificate: %d", resp.StatusCode)
		}
		text := pdfToText(t, pdf)
		dmy := func(d string) string { return d[8:10] + "." + d[5:7] + "." + d[0:4] }
		for _, want := range []string{"Сроки проведения: " + dmy(daysAgo(40)) + " – " + dmy(daysAgo(30)), "Координатор TeachHub: Серікқызы Әйгерім",
			"/ Серікқызы Әйгерім /", "Признано: 1,20 СБ"} {
			if !strings.Contains(text, want) {
				t.Errorf("the Russian certificate has no %q:\n%s", want, text)
			}
		}
		if dir := os.Getenv("TANU_TEACHHUB_PDF_DIR"); dir != "" { // for looking at it
			_ = os.WriteFile(filepath.Join(dir, "teachhub-ru.pdf"), pdf, 0o644)
		}
	})
}

// userToken makes a staff account with a name and an API token of it.
func userToken(t *testing.T, h *apptest.Harness, email, name, role string) string {
	t.Helper()
	ctx := context.Background()
	now := time.Now().UTC()
	id := "u-" + strings.ReplaceAll(email, "@", "-")
	if err := h.App.Store.CreateUser(ctx, account.User{ID: id, Email: email, Name: name, Role: role, CreatedAt: now},
		account.Link{Hash: "h-" + id, UserID: id, Purpose: "setup", CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	tok := "tanu_" + base64.RawURLEncoding.EncodeToString(b)
	if err := h.App.Store.CreateToken(ctx, account.Token{ID: "t-" + id, Hash: account.HashSecret(tok), Role: role, OwnerID: id, CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	return tok
}

// doWith sends a JSON body with a bearer token.
func doWith(t *testing.T, h *apptest.Harness, token, method, path, body string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, h.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := h.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// pdfToText extracts a PDF's text with pdftotext, skipping the test
// without it.
func pdfToText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	cmd := exec.Command(bin, "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

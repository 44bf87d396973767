package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// credentialView is the JSON of GET /api/v1/credentials/{id}.
type credentialView struct {
	ID                 string         `json:"id"`
	Status             string         `json:"status"`
	StatusReason       string         `json:"status_reason"`
	Holder             string         `json:"holder"`
	CertificateNumber  string         `json:"certificate_number"`
	RegistrationNumber string         `json:"registration_number"`
	Replaces           string         `json:"replaces"`
	ReplacedBy         string         `json:"replaced_by"`
	Credential         map[string]any `json:"credential"`
}

func getCredential(t testing.TB, h *apptest.Harness, id string) credentialView {
	t.Helper()
	resp, body := h.Do(t, "viewer", "GET", "/api/v1/credentials/"+id, "", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("get credential %s: %d %s", id, resp.StatusCode, body)
	}
	return decode[credentialView](t, body)
}

// TestReissue corrects a misspelled name through the API: the old
// credential is revoked as replaced by the new one, both stay in the book
// with their own numbers, the pages link each other, and a second
// correction of the old one is refused.
func TestReissue(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		old := issue(t, h, regno, "S22633920")

		resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+old.ID+"/reissue", "application/json",
			mustJSON(t, map[string]any{"family_name": "Жұмабекова", "given_name": "Мөлдір", "patronymic": "Нұрланқызы"}))
		if e := decode[apiError](t, body); resp.StatusCode != http.StatusBadRequest || len(e.Error.Details) == 0 || e.Error.Details[0].Field != "reason" {
			t.Fatalf("reissue without a reason: %d %s", resp.StatusCode, body)
		}
		if resp, body := h.Do(t, "viewer", "POST", "/api/v1/credentials/"+old.ID+"/reissue", "application/json",
			mustJSON(t, map[string]any{"reason": "typo"})); resp.StatusCode != http.StatusForbidden {
			t.Fatalf("viewer reissues: %d %s", resp.StatusCode, body)
		}
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/credentials/"+old.ID+"/reissue", "application/json",
			mustJSON(t, map[string]any{"reason": "the family name was misspelled", "family_name": "Жумабекова", "grades": map[string]any{"LO1": 91}}))
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("reissue: %d %s", resp.StatusCode, body)
		}
		nw := decode[credentialView](t, body)
		if nw.Replaces != old.ID || nw.Status != "valid" || nw.Holder != "Жумабекова Мөлдір Нұрланқызы" || nw.CertificateNumber == old.CertificateNumber {
			t.Fatalf("new credential %s", body)
		}

		o := getCredential(t, h, old.ID)
		if o.Status != "revoked" || o.StatusReason != "replaced by "+nw.ID || o.ReplacedBy != nw.ID {
			t.Fatalf("old credential after reissue: %+v", o)
		}
		n := getCredential(t, h, nw.ID)
		if n.Replaces != old.ID || n.RegistrationNumber == o.RegistrationNumber || n.RegistrationNumber == "" {
			t.Fatalf("new credential: %+v (old book number %s)", n, o.RegistrationNumber)
		}
		// The hashed IIN and e-mail carry over; the grade is the corrected one.
		js := string(mustMarshal(t, n.Credential))
		for _, want := range []string{`"identityType":"nationalIdentityNumber"`, `"identityType":"emailAddress"`, `"value":"91"`} {
			if !strings.Contains(js, want) {
				t.Errorf("new credential lacks %s", want)
			}
		}

		// The book keeps both.
		_, body = h.Do(t, "viewer", "GET", "/api/v1/credentials?student_id=S22633920", "", nil)
		list := decode[struct {
			Credentials []credentialView `json:"credentials"`
		}](t, body)
		if len(list.Credentials) != 2 {
			t.Fatalf("%d credentials of the student, want 2: %s", len(list.Credentials), body)
		}

		// The pages link each other, in the page's language.
		_, page := h.Do(t, "", "GET", "/c/"+old.ID+"?lang=ru", "", nil)
		if !strings.Contains(string(page), "Заменён исправленным сертификатом") || !strings.Contains(string(page), `href="/c/`+nw.ID+`"`) ||
			strings.Contains(string(page), "replaced by") {
			t.Errorf("old page does not link the replacement:\n%s", page)
		}
		_, page = h.Do(t, "", "GET", "/c/"+nw.ID+"?lang=kk", "", nil)
		if !strings.Contains(string(page), "Түзетіліп қайта берілген") || !strings.Contains(string(page), `href="/c/`+old.ID+`"`) {
			t.Errorf("new page does not link the original:\n%s", page)
		}

		// Correcting the old one again is a conflict; the new one verifies.
		if resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+old.ID+"/reissue", "application/json",
			mustJSON(t, map[string]any{"reason": "again"})); resp.StatusCode != http.StatusConflict {
			t.Fatalf("second reissue of the old one: %d %s", resp.StatusCode, body)
		}
		if resp, body := h.Do(t, "", "GET", "/api/v1/verify/"+nw.ID, "", nil); resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"status":"valid"`) {
			t.Fatalf("verify new: %d %s", resp.StatusCode, body)
		}
		// Issuing the corrected award again answers the new credential.
		b := issueBody(regno, "S22633920")
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, b))
		if again := decode[issued](t, body); resp.StatusCode != http.StatusOK || again.ID != nw.ID {
			t.Fatalf("issue again after the correction: %d %s", resp.StatusCode, body)
		}
	})
}

// TestReissueAtomic makes the correction fail after the old credential was
// revoked (a trigger refuses the link between the two, the last write):
// nothing is left of it, the old credential is valid and keeps its award,
// and the numbers it would have taken are taken by the next credential.
func TestReissueAtomic(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		ctx := context.Background()
		regno := createProgram(t, h)
		old := issue(t, h, regno, "S22633920")
		db := h.App.Store.Driver()
		var stmts []string
		if h.App.Store.Dialect() == "postgres" {
			stmts = []string{`CREATE FUNCTION crash_reissue() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$ LANGUAGE plpgsql`,
				`CREATE TRIGGER crash BEFORE INSERT ON credential_reissues FOR EACH ROW EXECUTE FUNCTION crash_reissue()`}
		} else {
			stmts = []string{`CREATE TRIGGER crash BEFORE INSERT ON credential_reissues BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`}
		}
		for _, s := range stmts {
			if _, err := db.Exec(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+old.ID+"/reissue", "application/json",
			mustJSON(t, map[string]any{"reason": "typo", "family_name": "Жумабекова"}))
		if resp.StatusCode != http.StatusInternalServerError {
			t.Fatalf("reissue with the link refused: %d %s", resp.StatusCode, body)
		}
		o := getCredential(t, h, old.ID)
		if o.Status != "valid" || o.ReplacedBy != "" || o.StatusReason != "" {
			t.Fatalf("old credential after the failed correction: %+v", o)
		}
		_, body = h.Do(t, "viewer", "GET", "/api/v1/credentials?student_id=S22633920", "", nil)
		if n := strings.Count(string(body), `"id":`); n != 1 {
			t.Fatalf("%d credentials after the failed correction: %s", n, body)
		}
		// The award is still the old credential's.
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, issueBody(regno, "S22633920")))
		if again := decode[issued](t, body); resp.StatusCode != http.StatusOK || again.ID != old.ID {
			t.Fatalf("issue again: %d %s", resp.StatusCode, body)
		}
		// No number was lost: the next credential takes 000002.
		if c := issue(t, h, regno, "S2"); c.CertificateNumber != "000002" {
			t.Fatalf("next credential is %s, want 000002", c.CertificateNumber)
		}
		// Without the fault the same correction goes through.
		drop := "DROP TRIGGER crash"
		if h.App.Store.Dialect() == "postgres" {
			drop += " ON credential_reissues"
		}
		if _, err := db.Exec(ctx, drop); err != nil {
			t.Fatal(err)
		}
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/credentials/"+old.ID+"/reissue", "application/json",
			mustJSON(t, map[string]any{"reason": "typo", "family_name": "Жумабекова"}))
		if resp.StatusCode != http.StatusCreated || getCredential(t, h, old.ID).Status != "revoked" {
			t.Fatalf("reissue: %d %s", resp.StatusCode, body)
		}
	})
}

// TestBatchReissue uploads a cohort, then a corrected copy: the dry run
// offers the corrected row as a reissue (the others as already issued),
// confirming reissues it once, and the same file again changes nothing.
func TestBatchReissue(t *testing.T) {
	forEachEngineBatch(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgramTB(t, h)
		data := cohort(3)
		first := waitBatch(t, h, submit(t, h, regno, "cohort.csv", data, "").ID)
		if first.Issued != 3 {
			t.Fatalf("first batch: %+v", first)
		}
		rows := map[int]batchRowView{}
		for _, r := range first.Rows {
			rows[r.Row] = r
		}
		fixed := []byte(strings.Replace(string(data), "S0000001;Жұмабекова", "S0000001;Жумабекова", 1))

		preview := waitBatch(t, h, submit(t, h, regno, "cohort.csv", fixed, "dry_run=true").ID)
		states := map[string]int{}
		for _, r := range preview.Rows {
			states[r.Status]++
			if r.Status == "reissue" && (r.CredentialID == nil || *r.CredentialID != *rows[r.Row].CredentialID) {
				t.Errorf("reissue row %d points at %v, want %v", r.Row, r.CredentialID, *rows[r.Row].CredentialID)
			}
		}
		if states["reissue"] != 1 || states["already_issued"] != 2 {
			t.Fatalf("preview of the corrected file: %v", states)
		}

		// Without confirming, the corrected row stays already issued.
		if again := waitBatch(t, h, submit(t, h, regno, "cohort.csv", fixed, "").ID); again.Issued != 0 || again.Skipped != 3 {
			t.Fatalf("corrected file without reissue=true: %+v", again)
		}
		done := waitBatch(t, h, submit(t, h, regno, "cohort.csv", fixed, "reissue=true").ID)
		var newID, oldID string
		for _, r := range done.Rows {
			if r.Status == "reissued" {
				newID, oldID = *r.CredentialID, *rows[r.Row].CredentialID
			}
		}
		if newID == "" || done.Issued != 1 || done.Skipped != 2 {
			t.Fatalf("confirmed corrected batch: %+v", done)
		}
		if o := getCredential(t, h, oldID); o.Status != "revoked" || o.ReplacedBy != newID {
			t.Fatalf("old credential: %+v", o)
		}
		if n := getCredential(t, h, newID); n.Replaces != oldID || n.Holder != "Жумабекова Мөлдір Нұрланқызы" {
			t.Fatalf("new credential: %+v", n)
		}

		// The corrected file again: nothing to reissue, nothing issued twice.
		again := waitBatch(t, h, submit(t, h, regno, "cohort.csv", fixed, "reissue=true").ID)
		if again.Issued != 0 || again.Skipped != 3 {
			t.Fatalf("corrected file uploaded again: %+v", again)
		}
	})
}

// TestOrganizationIdentity: a fresh install has no identity: issuing
// refuses naming what is missing; an admin sets it through the API (a
// registrar may not), images are checked, and issuing then works under the
// new name, also on a second instance sharing the database.
func TestOrganizationIdentity(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			t.Parallel()
			h := apptest.Start(t, eng, apptest.Options{Configure: func(c *app.Config) { c.Org = app.OrgConfig{} }})
			regno := createProgram(t, h)
			resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, issueBody(regno, "S1")))
			e := decode[apiError](t, body)
			if resp.StatusCode != http.StatusUnprocessableEntity || e.Error.Code != "not_acceptable" || len(e.Error.Details) != 9 ||
				e.Error.Details[0].Field != "name.kk" || !strings.Contains(e.Error.Message, "head_title.en") {
				t.Fatalf("issue on a fresh install: %d %s", resp.StatusCode, body)
			}
			resp, body = upload(t, h, regno, "cohort.csv", cohort(2), "dry_run=true")
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(body), "name.ru") {
				t.Fatalf("batch on a fresh install: %d %s", resp.StatusCode, body)
			}
			_, body = h.Do(t, "viewer", "GET", "/api/v1/organization", "", nil)
			if st := decode[credential.OrgState](t, body); len(st.Missing) != 9 || st.Version != 0 {
				t.Fatalf("state of a fresh install: %s", body)
			}

			org := map[string]any{
				"name":       map[string]string{"kk": "Тест университеті", "ru": "Тестовый университет", "en": "Test University"},
				"head_name":  map[string]string{"kk": "Ә. Б. Басшы", "ru": "А. Б. Басшы", "en": "A. B. Basshy"},
				"head_title": map[string]string{"kk": "Ректор", "ru": "Ректор", "en": "Rector"},
				"url":        "https://test.example.edu", "email": "not an address", "default_language": "ru"}
			if resp, body := h.Do(t, "registrar", "PUT", "/api/v1/organization", "application/json", mustJSON(t, org)); resp.StatusCode != http.StatusForbidden {
				t.Fatalf("registrar sets the identity: %d %s", resp.StatusCode, body)
			}
			resp, body = h.Do(t, "admin", "PUT", "/api/v1/organization", "application/json", mustJSON(t, org))
			if e := decode[apiError](t, body); resp.StatusCode != http.StatusBadRequest || e.Error.Details[0].Field != "email" {
				t.Fatalf("identity with a bad e-mail: %d %s", resp.StatusCode, body)
			}
			org["email"] = "registrar@test.example.edu"
			resp, body = h.Do(t, "admin", "PUT", "/api/v1/organization", "application/json", mustJSON(t, org))
			if st := decode[credential.OrgState](t, body); resp.StatusCode != http.StatusOK || len(st.Missing) != 0 || st.Version != 1 {
				t.Fatalf("set the identity: %d %s", resp.StatusCode, body)
			}

			for _, tc := range []struct {
				name   string
				data   []byte
				status int
			}{
				{"text", []byte("<svg xmlns='http://www.w3.org/2000/svg'/>"), http.StatusUnsupportedMediaType},
				{"too small", pngOf(t, 8, 8), http.StatusBadRequest},
				{"too wide", pngOf(t, credential.MaxImageSide+1, 20), http.StatusBadRequest},
				{"too large", append(pngOf(t, 20, 20), make([]byte, credential.MaxImageBytes)...), http.StatusRequestEntityTooLarge},
				{"seal", pngOf(t, 200, 200), http.StatusOK},
			} {
				resp, body := h.Do(t, "admin", "PUT", "/api/v1/organization/images/seal", "image/png", bytes.NewReader(tc.data))
				if resp.StatusCode != tc.status {
					t.Errorf("%s: %d %s", tc.name, resp.StatusCode, body)
				}
			}
			if resp, _ := h.Do(t, "admin", "PUT", "/api/v1/organization/images/stamp", "image/png", bytes.NewReader(pngOf(t, 200, 200))); resp.StatusCode != http.StatusBadRequest {
				t.Errorf("unknown image kind: %d", resp.StatusCode)
			}
			resp, body = h.Do(t, "viewer", "GET", "/api/v1/organization/images/seal", "", nil)
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png" || !bytes.HasPrefix(body, []byte("\x89PNG")) {
				t.Fatalf("get seal: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
			}

			c := issue(t, h, regno, "S1")
			_, body = h.Do(t, "viewer", "GET", "/api/v1/credentials/"+c.ID, "", nil)
			if !strings.Contains(string(body), `"Тестовый университет"`) && !strings.Contains(string(body), "Тестовый университет") {
				t.Fatalf("credential does not name the new organization: %.600s", body)
			}
			if resp, pdf := h.Do(t, "", "GET", "/c/"+c.ID+"/certificate.pdf?lang=en", "", nil); resp.StatusCode != http.StatusOK || !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Fatalf("certificate with the new identity: %d", resp.StatusCode)
			}

			if eng != "postgres" {
				return
			}
			// A second instance on the same database follows a change within
			// app.OrgRefresh.
			h2 := apptest.Start(t, eng, apptest.Options{Share: h, Configure: func(c *app.Config) { c.Org = app.OrgConfig{} }})
			org["name"] = map[string]string{"kk": "Жаңа атау", "ru": "Новое название", "en": "New Name"}
			if resp, body := h.Do(t, "admin", "PUT", "/api/v1/organization", "application/json", mustJSON(t, org)); resp.StatusCode != http.StatusOK {
				t.Fatalf("rename: %d %s", resp.StatusCode, body)
			}
			deadline := time.Now().Add(app.OrgRefresh + 3*time.Second)
			for {
				_, page := h2.Do(t, "", "GET", "/c/"+c.ID+"?lang=ru", "", nil)
				if strings.Contains(string(page), "Новое название") {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("the second instance still shows the old name after %v", app.OrgRefresh+3*time.Second)
				}
				time.Sleep(100 * time.Millisecond)
			}
		})
	}
}

// pngOf returns a w×h PNG.
func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func mustMarshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

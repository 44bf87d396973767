package app_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/demo"
	"github.com/tanu-edu/tanu/verifier"
)

// programNames are the sample programs' names in Kazakh and Russian.
var programNames = map[string][2]string{
	"Data collection":         {"Деректерді жинау", "Сбор данных"},
	"Statistical analysis":    {"Статистикалық талдау", "Статистический анализ"},
	"Machine learning basics": {"Машиналық оқыту негіздері", "Основы машинного обучения"},
}

// stackProgram registers a microqualification named name (kk/ru/en) with
// credits and returns its registration number.
func stackProgram(t *testing.T, h *apptest.Harness, name string, credits float64) string {
	t.Helper()
	p := demo.Microqualification()
	p.Name = credential.Text{"kk": programNames[name][0], "ru": programNames[name][1], "en": name}
	p.Credits = credits
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/programs", "application/json", mustJSON(t, p))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create program: %d %s", resp.StatusCode, body)
	}
	return decode[credential.Program](t, body).RegistrationNumber
}

// stackIssue issues a credential of regno to student (another period than
// issueBody's, so that two programs never make the same award).
func stackIssue(t *testing.T, h *apptest.Harness, regno, student, family string) issued {
	t.Helper()
	b := issueBody(regno, student)
	b["family_name"] = family
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, b))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("issue: %d %s", resp.StatusCode, body)
	}
	return decode[issued](t, body)
}

func getJSON(t *testing.T, h *apptest.Harness, role, path string) (int, []byte) {
	t.Helper()
	resp, body := h.Do(t, role, "GET", path, "", nil)
	return resp.StatusCode, body
}

func publicPage(t *testing.T, h *apptest.Harness, path string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", h.URL+path, nil)
	req.Header.Set("Accept", "text/html")
	resp, err := h.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b.String())
	}
	if dir := os.Getenv("TANU_KEEP_PDF"); dir != "" { // to look at
		_ = os.WriteFile(filepath.Join(dir, "page-"+strings.NewReplacer("/", "_", "?", "_", "=", "_").Replace(path[len(path)-12:])+".html"), b.Bytes(), 0o600)
	}
	return b.String()
}

// TestPathwayNanoDiploma: a pathway of three programs (two required, one
// elective, 9 credits); a holder with two of the three is not offered and
// is refused; the one with all three is offered, and the registrar issues
// the nano-diploma, which verifies, lists its components on its page and
// PDF, and is flagged for review when a component is revoked.
func TestPathwayNanoDiploma(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		p1 := stackProgram(t, h, "Data collection", 3)
		p2 := stackProgram(t, h, "Statistical analysis", 3)
		p3 := stackProgram(t, h, "Machine learning basics", 3)
		// Bad pathways are refused with the field named, in the request's language.
		resp, body := h.Do(t, "registrar", "POST", "/api/v1/pathways?lang=ru", "application/json",
			strings.NewReader(`{"name":{"kk":"Деректер талдаушысы"},"nqf_level":6,"required":["MQ-2099-0001"],"min_credits":9}`))
		if resp.StatusCode != 400 || !strings.Contains(string(body), `"field":"required[0]"`) || !strings.Contains(string(body), "нет в реестре") {
			t.Fatalf("unknown program: %d %s", resp.StatusCode, body)
		}
		resp, body = h.Do(t, "viewer", "POST", "/api/v1/pathways", "application/json", strings.NewReader(`{}`))
		if resp.StatusCode != 403 {
			t.Fatalf("viewer creates a pathway: %d %s", resp.StatusCode, body)
		}
		pw := map[string]any{"name": map[string]string{"kk": "Деректер талдаушысы", "ru": "Аналитик данных", "en": "Data analyst"},
			"nqf_level": 6, "required": []string{p1, p2}, "electives": []string{p3}, "min_electives": 1, "min_credits": 9}
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/pathways", "application/json", mustJSON(t, pw))
		if resp.StatusCode != 201 {
			t.Fatalf("create pathway: %d %s", resp.StatusCode, body)
		}
		pathway := decode[credential.Pathway](t, body)
		if !strings.HasPrefix(pathway.ID, "ND-") {
			t.Fatalf("pathway id %q", pathway.ID)
		}
		// Two of three: not offered.
		var full []issued
		for _, p := range []string{p1, p2, p3} {
			full = append(full, stackIssue(t, h, p, "S100", "Әбенова"))
		}
		stackIssue(t, h, p1, "S200", "Бекова")
		stackIssue(t, h, p2, "S200", "Бекова")
		code, body := getJSON(t, h, "registrar", "/api/v1/pathways/"+pathway.ID+"/candidates")
		var cands struct {
			Candidates []struct {
				Holder      string                 `json:"holder"`
				Eligibility credential.Eligibility `json:"eligibility"`
			} `json:"candidates"`
		}
		if err := json.Unmarshal(body, &cands); err != nil || code != 200 || len(cands.Candidates) != 1 || cands.Candidates[0].Holder != "S100" ||
			cands.Candidates[0].Eligibility.Credits != 9 || len(cands.Candidates[0].Eligibility.Components) != 3 {
			t.Fatalf("candidates: %d %s", code, body)
		}
		code, body = getJSON(t, h, "registrar", "/api/v1/pathways/"+pathway.ID+"/eligibility?holder=S200")
		if e := decode[credential.Eligibility](t, body); code != 200 || e.Eligible || e.Electives != 0 || e.Credits != 6 {
			t.Fatalf("eligibility of S200: %d %s", code, body)
		}
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/pathways/"+pathway.ID+"/issue?lang=en", "application/json", strings.NewReader(`{"holder":"S200"}`))
		if resp.StatusCode != 422 || !strings.Contains(string(body), "do not satisfy") {
			t.Fatalf("issue to S200: %d %s", resp.StatusCode, body)
		}
		// All three: the registrar issues.
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/pathways/"+pathway.ID+"/issue", "application/json", strings.NewReader(`{"holder":"S100","language":"ru"}`))
		if resp.StatusCode != 201 {
			t.Fatalf("issue nano-diploma: %d %s", resp.StatusCode, body)
		}
		nano := decode[struct {
			Credential issued `json:"credential"`
		}](t, body).Credential
		code, body = getJSON(t, h, "", "/api/v1/verify/"+nano.ID)
		res := decode[verifier.Result](t, body)
		if code != 200 || !res.Verified || res.Credential.AchievementType != "Diploma" {
			t.Fatalf("verify nano-diploma: %d %s", code, body)
		}
		comps, _ := res.Annotations["components"].([]any)
		if len(comps) != 3 || res.Annotations["review"] != nil {
			t.Fatalf("annotations: %s", body)
		}
		// The credential lists the components: evidence and results.
		var payload struct {
			Evidence []credential.Evidence `json:"evidence"`
			Subject  struct {
				Result      []credential.Result `json:"result"`
				Achievement credential.Achievement
			} `json:"credentialSubject"`
		}
		code, body = getJSON(t, h, "registrar", "/api/v1/credentials/"+nano.ID)
		var detail struct {
			Credential json.RawMessage `json:"credential"`
		}
		_ = json.Unmarshal(body, &detail)
		if err := json.Unmarshal(detail.Credential, &payload); err != nil || code != 200 {
			t.Fatalf("nano credential: %d %s", code, body)
		}
		if len(payload.Evidence) != 3 || len(payload.Subject.Result) != 3 || payload.Evidence[0].ID != h.URL+"/c/"+full[0].ID {
			t.Fatalf("evidence %+v results %+v", payload.Evidence, payload.Subject.Result)
		}
		// Its PDF lists the components with grades and credits.
		if _, err := exec.LookPath("pdftotext"); err == nil {
			for l, words := range map[string][]string{"ru": {"НАНО-ДИПЛОМ", "Статистический анализ", "(элективная)", "Оценка"},
				"kk": {"НАНО-ДИПЛОМ", "Статистикалық талдау", "(таңдау)", "Баға"}, "en": {"NANO-DIPLOMA", "Statistical analysis", "(elective)", "Grade"}} {
				text := pdfText(t, h, "/c/"+nano.ID+"/certificate.pdf?lang="+l)
				for _, want := range append(words, p1, p2, p3, "№ "+full[2].CertificateNumber, pathway.ID) {
					if !strings.Contains(text, want) {
						t.Errorf("%s PDF lacks %q:\n%s", l, want, text)
					}
				}
				// The grade of each component is on its row.
				if strings.Count(text, " B ")+strings.Count(text, " B\n") < 3 && !strings.Contains(text, "B+") {
					t.Errorf("%s PDF lacks the grades:\n%s", l, text)
				}
			}
		} else {
			t.Log("pdftotext not installed: the PDF's text is not checked")
		}
		// Already holding it, S100 is no longer a candidate.
		code, body = getJSON(t, h, "registrar", "/api/v1/pathways/"+pathway.ID+"/candidates")
		if code != 200 || strings.Contains(string(body), "S100") {
			t.Fatalf("candidates after issue: %d %s", code, body)
		}
		// Revoking a component flags the nano-diploma, naming the component.
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/credentials/"+full[1].ID+"/revoke", "application/json", strings.NewReader(`{"reason":"plagiarism"}`))
		if resp.StatusCode != 200 {
			t.Fatalf("revoke: %d %s", resp.StatusCode, body)
		}
		code, body = getJSON(t, h, "", "/api/v1/verify/"+nano.ID)
		res = decode[verifier.Result](t, body)
		review, _ := res.Annotations["review"].([]any)
		if code != 200 || len(review) != 1 || !strings.Contains(string(body), `"component_id":"`+full[1].ID+`"`) {
			t.Fatalf("review annotation: %s", body)
		}
		for _, l := range []string{"kk", "ru"} {
			if s := strangers(publicPage(t, h, "/c/"+nano.ID+"?lang="+l)); len(s) > 0 {
				t.Errorf("nano-diploma page (%s) shows English words: %q", l, s)
			}
		}
		html := publicPage(t, h, "/c/"+nano.ID+"?lang=en")
		if !strings.Contains(html, "Under review") || !strings.Contains(html, "component "+p2) || !strings.Contains(html, "was revoked") {
			t.Fatalf("page lacks the review:\n%s", html)
		}
		code, body = getJSON(t, h, "registrar", "/api/v1/credentials/"+nano.ID)
		if code != 200 || !strings.Contains(string(body), `"review":[{"nano_id":"`+nano.ID+`","component_id":"`+full[1].ID+`"`) {
			t.Fatalf("registrar's view of the nano-diploma: %d %s", code, body)
		}
		code, body = getJSON(t, h, "registrar", "/api/v1/pathways/"+pathway.ID+"/diplomas?review=1")
		if code != 200 || !strings.Contains(string(body), nano.ID) || !strings.Contains(string(body), `"status":"revoked"`) {
			t.Fatalf("diplomas under review: %d %s", code, body)
		}
	})
}

// pdfText downloads a PDF and returns pdftotext's text of it.
func pdfText(t *testing.T, h *apptest.Harness, path string) string {
	t.Helper()
	resp, body := h.Do(t, "", "GET", path, "", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", path, resp.StatusCode)
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, body, 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TANU_KEEP_PDF"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "nano-"+strings.NewReplacer("/", "_", "?", "_", "=", "_").Replace(path[len(path)-7:])+".pdf"), body, 0o600)
	}
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestLearnerRecord: a holder's CLR 2.0 learner record holds their valid
// credentials only (not another holder's, not a revoked one), no IIN or
// e-mail in clear, validates against the official ClrCredential schema,
// and verifies: by tanu, and (when Node and npm ci are there) with the
// independent jose library against the served key set.
func TestLearnerRecord(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		p1 := stackProgram(t, h, "Data collection", 3)
		p2 := stackProgram(t, h, "Statistical analysis", 2)
		a := stackIssue(t, h, p1, "S300", "Сейітова")
		stackIssue(t, h, p2, "S300", "Сейітова")
		gone := stackIssue(t, h, p2, "S300-old", "Сейітова")
		other := stackIssue(t, h, p1, "S400", "Омаров")
		_ = gone
		schema, err := verifier.LoadSchema(verifier.SchemaCLR)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/api/v1/holders/S300/clr", "/c/" + a.ID + "/clr.json"} {
			role := "registrar"
			if strings.HasPrefix(path, "/c/") {
				role = ""
			}
			code, body := getJSON(t, h, role, path)
			if code != 200 {
				t.Fatalf("%s: %d %s", path, code, body)
			}
			var lr struct {
				JWT        string          `json:"clr_jwt"`
				Credential json.RawMessage `json:"credential"`
			}
			if err := json.Unmarshal(body, &lr); err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(lr.Credential); err != nil {
				t.Fatalf("%s: not a valid ClrCredential: %v", path, err)
			}
			var payload map[string]any
			if err := credential.DecodePayload(lr.JWT, &payload); err != nil {
				t.Fatal(err)
			}
			raw, _ := json.Marshal(payload)
			if err := schema.Validate(raw); err != nil {
				t.Fatalf("%s: the JWT's payload is not a valid ClrCredential: %v", path, err)
			}
			subj, _ := payload["credentialSubject"].(map[string]any)
			vcs, _ := subj["verifiableCredential"].([]any)
			if len(vcs) != 2 || strings.Contains(string(lr.Credential), other.ID) || strings.Contains(string(lr.Credential), gone.ID) {
				t.Fatalf("%s: %d credentials: %s", path, len(vcs), lr.Credential)
			}
			for _, secret := range []string{"760227487797", "s1@students.example.edu", `"S300"`} {
				if strings.Contains(string(body), secret) {
					t.Fatalf("%s: %s in clear", path, secret)
				}
			}
			// tanu verifies it: the dedicated endpoint, and the general one
			// (for records within its size limit).
			for _, ep := range []string{"/api/v1/verify/clr", "/api/v1/verify"} {
				resp, vb := h.Do(t, "", "POST", ep, "application/jwt", strings.NewReader(lr.JWT))
				res := decode[verifier.Result](t, vb)
				if resp.StatusCode != 200 || !res.Verified || res.Status != "valid" || res.Credential.Holder != "Сейітова Мөлдір Нұрланқызы" {
					t.Fatalf("%s: %d %s", ep, resp.StatusCode, vb)
				}
			}
		}
		// After a revocation the old record no longer verifies, naming the
		// credential; a revoked credential's page offers no record.
		_, body := getJSON(t, h, "registrar", "/api/v1/holders/S300/clr?format=jwt")
		jwt := string(body)
		resp, _ := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+a.ID+"/revoke", "application/json", strings.NewReader(`{"reason":"error"}`))
		if resp.StatusCode != 200 {
			t.Fatal("revoke")
		}
		resp, vb := h.Do(t, "", "POST", "/api/v1/verify/clr?lang=en", "application/jwt", strings.NewReader(jwt))
		if res := decode[verifier.Result](t, vb); res.Verified || res.Status != "revoked" || !strings.Contains(string(vb), a.ID) {
			t.Fatalf("verify CLR after a revocation: %d %s", resp.StatusCode, vb)
		}
		if code, body := getJSON(t, h, "", "/c/"+a.ID+"/clr.json"); code != 422 {
			t.Fatalf("CLR of a revoked credential: %d %s", code, body)
		}
		// The independent JOSE library verifies the signature.
		node, err := exec.LookPath("node")
		if err != nil {
			t.Log("jose check skipped: node is not installed")
			return
		}
		if _, err := os.Stat(filepath.Join(interopDir, "node_modules", "jose")); err != nil {
			t.Logf("jose check skipped: run `npm ci` in internal/app/%s (.ci/run does)", interopDir)
			return
		}
		dir := t.TempDir()
		f := filepath.Join(dir, "clr.jwt")
		if err := os.WriteFile(f, []byte(jwt), 0o600); err != nil {
			t.Fatal(err)
		}
		bad := filepath.Join(dir, "tampered.jwt")
		parts := strings.Split(jwt, ".")
		sig := []byte(parts[2])
		sig[10] ^= 1
		if err := os.WriteFile(bad, []byte(parts[0]+"."+parts[1]+"."+string(sig)), 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(node, "verify-jose.mjs", h.URL+"/.well-known/jwks.json", f, bad)
		cmd.Dir = interopDir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("node: %v\n%s", err, out)
		}
		got := map[string]map[string]any{}
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			var m map[string]any
			if json.Unmarshal(sc.Bytes(), &m) == nil {
				got[filepath.Base(fmt.Sprint(m["file"]))] = m
			}
		}
		if g := got["clr.jwt"]; g["ok"] != true || !strings.Contains(fmt.Sprint(g["type"]), "ClrCredential") {
			t.Fatalf("jose on the CLR: %s", out)
		}
		if g := got["tampered.jwt"]; g["ok"] != false {
			t.Fatalf("jose on a tampered CLR: %s", out)
		}
		t.Logf("jose: %s", bytes.TrimSpace(out))
	})
}

// TestCreditTransfer: a recognition in a degree program shows on the
// credential's verification (JSON and page, kk/ru/en), per holder, and in
// both exports; bad input names its field in the request's language.
func TestCreditTransfer(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		p1 := stackProgram(t, h, "Data collection", 3)
		c := stackIssue(t, h, p1, "S500", "Нұрланова")
		resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+c.ID+"/transfers?lang=ru", "application/json",
			strings.NewReader(`{"program_code":"6B06101","program_name":"Информатика","form":"nope","grade":"Z","body":"Академический совет","decision_date":"2026-06-10","decision_number":"12"}`))
		if resp.StatusCode != 400 || !strings.Contains(string(body), `"field":"form"`) || !strings.Contains(string(body), `"field":"grade"`) ||
			!strings.Contains(string(body), "форма признания") {
			t.Fatalf("bad transfer: %d %s", resp.StatusCode, body)
		}
		tr := `{"program_code":"6B06101","program_name":"Информатика","form":"credits","credits":5,"credit_system":"ects","grade":"B+",
			"body":"Академический совет","decision_date":"2026-06-10","decision_number":"12-АС",
			"validation":{"kind":"interview","date":"2026-06-05","result":"85 баллов","passed":true}}`
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/credentials/"+c.ID+"/transfers", "application/json", strings.NewReader(tr))
		if resp.StatusCode != 201 {
			t.Fatalf("record transfer: %d %s", resp.StatusCode, body)
		}
		code, body := getJSON(t, h, "", "/api/v1/verify/"+c.ID)
		if code != 200 || !strings.Contains(string(body), `"credit_transfers":[{"program_code":"6B06101"`) || strings.Contains(string(body), "S500") {
			t.Fatalf("verification: %d %s", code, body)
		}
		for l, want := range map[string]string{"kk": "Білім беру бағдарламасында танылды", "ru": "как 5 кредитов ECTS", "en": "after additional validation (interview): 85 баллов (passed)"} {
			html := publicPage(t, h, "/c/"+c.ID+"?lang="+l)
			if !strings.Contains(html, want) || !strings.Contains(html, "6B06101") {
				t.Errorf("%s page lacks %q", l, want)
			}
			if s := strangers(html); l != "en" && len(s) > 0 {
				t.Errorf("%s page shows English words: %q", l, s)
			}
		}
		code, body = getJSON(t, h, "registrar", "/api/v1/holders/S500/transfers")
		if code != 200 || !strings.Contains(string(body), `"decision_number":"12-АС"`) {
			t.Fatalf("per holder: %d %s", code, body)
		}
		code, body = getJSON(t, h, "registrar", "/api/v1/transfers/export?format=csv&lang=ru&from=2026-06-01")
		lines := strings.Split(strings.TrimSpace(string(body)), "\n")
		if code != 200 || !strings.HasPrefix(string(body), "\ufeffID признания;ID обучающегося;") || len(lines) != 2 ||
			!strings.Contains(lines[1], ";6B06101;Информатика;credits;;5;ects;B+;") {
			t.Fatalf("CSV export: %d %s", code, body)
		}
		code, body = getJSON(t, h, "registrar", "/api/v1/transfers/export?format=csv&to=2026-06-09")
		if code != 200 || len(strings.Split(strings.TrimSpace(string(body)), "\n")) != 1 {
			t.Fatalf("CSV export before the decision: %d %s", code, body)
		}
		code, body = getJSON(t, h, "registrar", "/api/v1/transfers/export?format=json")
		var ex struct {
			Format    string           `json:"format"`
			Transfers []map[string]any `json:"transfers"`
		}
		if err := json.Unmarshal(body, &ex); err != nil || code != 200 || ex.Format != "tanu.credit-transfers/1" || len(ex.Transfers) != 1 ||
			ex.Transfers[0]["validation_kind"] != "interview" || ex.Transfers[0]["verification_url"] != h.URL+"/c/"+c.ID {
			t.Fatalf("JSON export: %d %s", code, body)
		}
		// A revoked credential is not recognized.
		h.Do(t, "registrar", "POST", "/api/v1/credentials/"+c.ID+"/revoke", "application/json", strings.NewReader(`{"reason":"error"}`))
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/credentials/"+c.ID+"/transfers", "application/json", strings.NewReader(tr))
		if resp.StatusCode != 422 {
			t.Fatalf("transfer of a revoked credential: %d %s", resp.StatusCode, body)
		}
	})
}

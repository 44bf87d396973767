package app_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/demo"
	"github.com/tanu-edu/tanu/verifier"
)

func forEachEngine(t *testing.T, fn func(t *testing.T, h *apptest.Harness)) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			t.Parallel()
			fn(t, apptest.Start(t, eng))
		})
	}
}

func mustJSON(t testing.TB, v any) *bytes.Reader {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b)
}

func decode[T any](t testing.TB, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Details []struct {
			Field, Message string
		} `json:"details"`
	} `json:"error"`
}

// createProgram registers the sample microqualification through the API.
func createProgram(t *testing.T, h *apptest.Harness) string { return createProgramTB(t, h) }

func createProgramTB(t testing.TB, h *apptest.Harness) string {
	t.Helper()
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/programs", "application/json", mustJSON(t, demo.Microqualification()))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create program: %d %s", resp.StatusCode, body)
	}
	p := decode[map[string]any](t, body)
	regno, _ := p["registration_number"].(string)
	if regno == "" {
		t.Fatalf("no registration_number in %s", body)
	}
	return regno
}

func issueBody(regno, student string) map[string]any {
	return map[string]any{"program": regno, "student_id": student, "family_name": "Жұмабекова", "given_name": "Мөлдір",
		"patronymic": "Нұрланқызы", "email": "s1@students.example.edu", "iin": "760227487797", "date_from": "2026-02-02",
		"date_to": "2026-04-24", "decision_date": "2026-05-06", "grades": map[string]any{"LO1": 86, "LO2": "B+", "LO3": 76}, "language": "kk"}
}

type issued struct {
	ID                string `json:"id"`
	URL               string `json:"url"`
	CertificateNumber string `json:"certificate_number"`
	Status            string `json:"status"`
	Existed           bool   `json:"existed"`
}

func issueTB(t testing.TB, h *apptest.Harness, regno string) string {
	t.Helper()
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, issueBody(regno, "S1")))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("issue: %d %s", resp.StatusCode, body)
	}
	return decode[issued](t, body).ID
}

func issue(t *testing.T, h *apptest.Harness, regno, student string) issued {
	t.Helper()
	resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, issueBody(regno, student)))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("issue: %d %s", resp.StatusCode, body)
	}
	return decode[issued](t, body)
}

func TestIssueAndVerify(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		c := issue(t, h, regno, "S22633920")
		if c.URL != h.URL+"/c/"+c.ID || c.CertificateNumber != "000001" || c.Status != "valid" {
			t.Fatalf("issued %+v", c)
		}
		// Idempotent: the same award again answers 200 with the same credential.
		resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, issueBody(regno, "S22633920")))
		again := decode[issued](t, body)
		if resp.StatusCode != http.StatusOK || again.ID != c.ID || !again.Existed {
			t.Fatalf("re-issue: %d %+v", resp.StatusCode, again)
		}
		// The verification API, the page's JSON and the page agree.
		resp, body = h.Do(t, "", "GET", "/api/v1/verify/"+c.ID, "", nil)
		res := decode[verifier.Result](t, body)
		if resp.StatusCode != 200 || !res.Verified || res.Status != "valid" || res.Credential.Holder != "Жұмабекова Мөлдір Нұрланқызы" {
			t.Fatalf("verify: %d %s", resp.StatusCode, body)
		}
		req, _ := http.NewRequest("GET", h.URL+"/c/"+c.ID, nil)
		req.Header.Set("Accept", "application/json")
		r2, err := h.Client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var pageRes verifier.Result
		_ = json.NewDecoder(r2.Body).Decode(&pageRes)
		r2.Body.Close()
		if pageRes.Status != "valid" || !pageRes.Verified {
			t.Fatalf("page JSON: %+v", pageRes)
		}
		for lang, verdict := range map[string]string{"kk": "Түпнұсқа және жарамды", "ru": "Подлинный и действительный", "en": "Genuine and valid"} {
			_, html := h.Do(t, "", "GET", "/c/"+c.ID+"?lang="+lang, "", nil)
			if !bytes.Contains(html, []byte(verdict)) || !bytes.Contains(html, []byte("Жұмабекова Мөлдір Нұрланқызы")) {
				t.Fatalf("page in %s lacks the verdict or the holder", lang)
			}
			if bytes.Contains(html, []byte("760227487797")) || bytes.Contains(html, []byte("s1@students")) {
				t.Fatal("the page shows the IIN or e-mail in clear")
			}
		}
		// The credential as a stranger gets it verifies with another JOSE library.
		_, jws := h.Do(t, "", "GET", "/c/"+c.ID+"/credential.jwt", "", nil)
		verifyWithGolangJWT(t, h, string(jws))
		// The JSON form validates against the official formal schema.
		_, js := h.Do(t, "", "GET", "/c/"+c.ID+"/credential.json", "", nil)
		schema, _ := verifier.LoadSchema(verifier.SchemaFormal)
		if err := schema.Validate(js); err != nil {
			t.Fatalf("credential.json: %v", err)
		}
		// POST /api/v1/verify with the JWS, and with the JSON.
		resp, body = h.Do(t, "", "POST", "/api/v1/verify", "text/plain", bytes.NewReader(jws))
		if res := decode[verifier.Result](t, body); resp.StatusCode != 200 || res.Status != "valid" {
			t.Fatalf("POST verify JWS: %d %s", resp.StatusCode, body)
		}
		resp, body = h.Do(t, "", "POST", "/api/v1/verify", "application/json", bytes.NewReader(js))
		if res := decode[verifier.Result](t, body); resp.StatusCode != 200 || res.Status != "valid" {
			t.Fatalf("POST verify JSON: %d %s", resp.StatusCode, body)
		}
		// Altered JSON is caught.
		altered := bytes.Replace(js, []byte("Мөлдір"), []byte("Мадина"), 1)
		resp, body = h.Do(t, "", "POST", "/api/v1/verify", "application/json", bytes.NewReader(altered))
		if res := decode[verifier.Result](t, body); res.Verified || res.Status != "invalid" {
			t.Fatalf("altered JSON: %d %s", resp.StatusCode, body)
		}
	})
}

// verifyWithGolangJWT checks the signature with golang-jwt and a key taken
// from the JWKS over HTTP: no go-jose involved.
func verifyWithGolangJWT(t *testing.T, h *apptest.Harness, token string) {
	t.Helper()
	parsed := verifyWithGolangJWTIssuer(t, h, token, h.App.Issuer.Identity().DID())
	// The kid is a DID URL of the issuer's did:web: its DID document lists
	// it as an assertion method; the key URL of earlier credentials still
	// answers the bare public JWK.
	kid := parsed.Header["kid"].(string)
	did := h.App.Issuer.Identity().DID()
	tp, ok := strings.CutPrefix(kid, did+"#")
	if !ok {
		t.Fatalf("kid %s is not a DID URL of %s", kid, did)
	}
	_, body := h.Do(t, "", "GET", "/.well-known/did.json", "", nil)
	if _, err := verifier.KeyInDIDDocument(body, did, kid); err != nil {
		t.Fatalf("did.json: %v", err)
	}
	resp, err := h.Client.Get(h.URL + "/issuer/keys/" + tp)
	if err != nil {
		t.Fatal(err)
	}
	var jwk map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&jwk)
	resp.Body.Close()
	if resp.StatusCode != 200 || jwk["kty"] != "EC" || jwk["d"] != nil || jwk["keys"] != nil {
		t.Fatalf("key URL of %s: %d %v", kid, resp.StatusCode, jwk)
	}
}

// verifyWithGolangJWTIssuer checks a token's signature and issuer with
// golang-jwt and the JWKS.
func verifyWithGolangJWTIssuer(t *testing.T, h *apptest.Harness, token, iss string) *jwt.Token {
	t.Helper()
	_, body := h.Do(t, "", "GET", "/.well-known/jwks.json", "", nil)
	var set struct {
		Keys []struct{ Kid, Kty, Crv, X, Y string } `json:"keys"`
	}
	if err := json.Unmarshal(body, &set); err != nil {
		t.Fatal(err)
	}
	parsed, err := jwt.Parse(token, func(tok *jwt.Token) (any, error) {
		kid, _ := tok.Header["kid"].(string)
		for _, k := range set.Keys {
			if k.Kid == kid && k.Kty == "EC" && k.Crv == "P-256" {
				x, _ := base64.RawURLEncoding.DecodeString(k.X)
				y, _ := base64.RawURLEncoding.DecodeString(k.Y)
				return ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append(append([]byte{4}, x...), y...))
			}
		}
		return nil, fmt.Errorf("kid %s not in the JWKS", kid)
	}, jwt.WithValidMethods([]string{"ES256"}), jwt.WithIssuer(iss))
	if err != nil || !parsed.Valid {
		t.Fatalf("golang-jwt: %v", err)
	}
	return parsed
}

func TestVerifyRejectsForgeriesOverHTTP(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		c := issue(t, h, regno, "S1")
		_, jws := h.Do(t, "", "GET", "/c/"+c.ID+"/credential.jwt", "", nil)
		parts := strings.Split(string(jws), ".")
		pl, _ := base64.RawURLEncoding.DecodeString(parts[1])
		tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString(bytes.Replace(pl, []byte(`"A-"`), []byte(`"A"`), 1)) + "." + parts[2]
		tampered2 := parts[0] + "." + base64.RawURLEncoding.EncodeToString(bytes.Replace(pl, []byte("Мөлдір"), []byte("Мадина"), 1)) + "." + parts[2]
		none := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + parts[1] + "."
		for name, tok := range map[string]string{"tampered grade": tampered, "tampered name": tampered2, "alg none": none, "garbage": "not a credential"} {
			resp, body := h.Do(t, "", "POST", "/api/v1/verify", "text/plain", strings.NewReader(tok))
			res := decode[verifier.Result](t, body)
			if res.Verified || res.Status != "invalid" || (resp.StatusCode != 200 && resp.StatusCode != 400) {
				t.Errorf("%s: %d %s", name, resp.StatusCode, body)
			}
		}
		resp, body := h.Do(t, "", "GET", "/api/v1/verify/8f14e45f-ceea-467f-a8f0-6c0b1d2f0000", "", nil)
		if res := decode[verifier.Result](t, body); resp.StatusCode != 404 || res.Status != "not_found" {
			t.Fatalf("unknown id: %d %s", resp.StatusCode, body)
		}
		resp, _ = h.Do(t, "", "GET", "/c/8f14e45f-ceea-467f-a8f0-6c0b1d2f0000", "", nil)
		if resp.StatusCode != 404 {
			t.Fatalf("unknown page: %d", resp.StatusCode)
		}
		resp, body = h.Do(t, "", "GET", "/healthz", "", nil)
		if resp.StatusCode != 200 {
			t.Fatalf("server unhealthy after forgeries: %d %s", resp.StatusCode, body)
		}
	})
}

func TestAuthAndErrors(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		prog := mustJSON(t, demo.Microqualification())
		cases := []struct {
			name, role, method, path, ct string
			body                         *bytes.Reader
			status                       int
			code                         string
		}{
			{"no token", "", "GET", "/api/v1/programs", "", nil, 401, "unauthorized"},
			{"viewer cannot create", "viewer", "POST", "/api/v1/programs", "application/json", prog, 403, "forbidden"},
			{"bad JSON", "registrar", "POST", "/api/v1/programs", "application/json", bytes.NewReader([]byte(`{"kind":`)), 400, "invalid"},
			{"unknown field", "registrar", "POST", "/api/v1/programs", "application/json", bytes.NewReader([]byte(`{"kind":"microqualification","nam":{}}`)), 400, "invalid"},
			{"invalid program", "registrar", "POST", "/api/v1/programs", "application/json", bytes.NewReader([]byte(`{"kind":"microqualification","name":{"kk":"X"},"hours":0}`)), 400, "invalid"},
			{"unknown program", "viewer", "GET", "/api/v1/programs/MQ-1999-0001", "", nil, 404, "not_found"},
			{"too large", "registrar", "POST", "/api/v1/programs", "application/json", bytes.NewReader(bytes.Repeat([]byte(" "), 2<<20)), 413, "too_large"},
			{"unknown endpoint", "", "GET", "/api/v1/nothing", "", nil, 404, "not_found"},
			{"wrong method", "", "DELETE", "/c/8f14e45f-ceea-467f-a8f0-6c0b1d2f0000", "", nil, 405, "method_not_allowed"},
		}
		for _, tc := range cases {
			var resp *http.Response
			var body []byte
			if tc.body != nil {
				resp, body = h.Do(t, tc.role, tc.method, tc.path, tc.ct, tc.body)
			} else {
				resp, body = h.Do(t, tc.role, tc.method, tc.path, tc.ct, nil)
			}
			e := decode[apiError](t, body)
			if resp.StatusCode != tc.status || e.Error.Code != tc.code || e.Error.Message == "" {
				t.Errorf("%s: %d %s, want %d %s", tc.name, resp.StatusCode, body, tc.status, tc.code)
			}
		}
		// A wrong token and an overlong one are refused too.
		req, _ := http.NewRequest("GET", h.URL+"/api/v1/programs", nil)
		req.Header.Set("Authorization", "Bearer tanu_wrong")
		if r, _ := h.Client.Do(req); r.StatusCode != 401 {
			t.Errorf("wrong token: %d", r.StatusCode)
		}
		req.Header.Set("Authorization", "Bearer "+strings.Repeat("x", 300))
		if r, _ := h.Client.Do(req); r.StatusCode != 401 {
			t.Errorf("long token: %d", r.StatusCode)
		}
		// 405 names the methods allowed.
		if r, _ := h.Do(t, "", "PUT", "/c/8f14e45f-ceea-467f-a8f0-6c0b1d2f0000", "", nil); !strings.Contains(r.Header.Get("Allow"), "GET") {
			t.Errorf("405 without Allow: %v", r.Header)
		}
		// A failing grade is refused with a detail naming the competency, and nothing is stored.
		regno := createProgram(t, h)
		// HEAD on a credential page answers as GET, without a body.
		id := issueTB(t, h, regno)
		get, page := h.Do(t, "", "GET", "/c/"+id, "", nil)
		head, nobody := h.Do(t, "", "HEAD", "/c/"+id, "", nil)
		if head.StatusCode != 200 || get.StatusCode != 200 || len(nobody) != 0 || len(page) == 0 ||
			head.Header.Get("Content-Type") != get.Header.Get("Content-Type") {
			t.Errorf("HEAD /c/{id}: %d %q %d bytes; GET: %d %q", head.StatusCode, head.Header.Get("Content-Type"), len(nobody), get.StatusCode, get.Header.Get("Content-Type"))
		}
		if head, _ := h.Do(t, "", "HEAD", "/c/8f14e45f-ceea-467f-a8f0-6c0b1d2f0000", "", nil); head.StatusCode != 404 {
			t.Errorf("HEAD on an unknown credential: %d", head.StatusCode)
		}
		b := issueBody(regno, "S9")
		b["grades"] = map[string]any{"LO1": 40, "LO2": 90, "LO3": 90}
		resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, b))
		e := decode[apiError](t, body)
		if resp.StatusCode != 400 || len(e.Error.Details) == 0 || e.Error.Details[0].Field != "grades.LO1" {
			t.Fatalf("failing grade: %d %s", resp.StatusCode, body)
		}
		_, body = h.Do(t, "viewer", "GET", "/api/v1/credentials?student_id=S9", "", nil)
		if list := decode[struct{ Credentials []any }](t, body); len(list.Credentials) != 0 {
			t.Fatalf("refused award was stored: %s", body)
		}
		// Archived programs issue nothing (422).
		resp, _ = h.Do(t, "registrar", "PATCH", "/api/v1/programs/"+regno, "application/json", strings.NewReader(`{"status":"archived"}`))
		if resp.StatusCode != 200 {
			t.Fatalf("archive: %d", resp.StatusCode)
		}
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, issueBody(regno, "S10")))
		if resp.StatusCode != 422 {
			t.Fatalf("issue under archived program: %d %s", resp.StatusCode, body)
		}
	})
}

func TestProgramVersions(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		first := issue(t, h, regno, "S1")
		// The content table's hours add up to the program's: a new total
		// drops (or replaces) the table.
		resp, body := h.Do(t, "registrar", "PATCH", "/api/v1/programs/"+regno, "application/json", strings.NewReader(`{"hours": 120, "content": null}`))
		p := decode[map[string]any](t, body)
		if resp.StatusCode != 200 || p["version"] != 2.0 || p["hours"] != 120.0 {
			t.Fatalf("patch: %d %s", resp.StatusCode, body)
		}
		second := issue(t, h, regno, "S2")
		_, b1 := h.Do(t, "viewer", "GET", "/api/v1/credentials/"+first.ID, "", nil)
		_, b2 := h.Do(t, "viewer", "GET", "/api/v1/credentials/"+second.ID, "", nil)
		if decode[map[string]any](t, b1)["program_version"] != 1.0 || decode[map[string]any](t, b2)["program_version"] != 2.0 {
			t.Fatalf("versions: %s / %s", b1, b2)
		}
		// The old credential still verifies.
		_, body = h.Do(t, "", "GET", "/api/v1/verify/"+first.ID, "", nil)
		if decode[verifier.Result](t, body).Status != "valid" {
			t.Fatalf("old-version credential: %s", body)
		}
		_, body = h.Do(t, "viewer", "GET", "/api/v1/programs/"+regno+"?version=1", "", nil)
		if decode[map[string]any](t, body)["hours"] != 90.0 {
			t.Fatalf("version 1: %s", body)
		}
	})
}

func TestOperationalEndpoints(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	for _, path := range []string{"/healthz", "/readyz", "/metrics", "/openapi.yaml", "/issuer", "/.well-known/did.json", "/", "/verify"} {
		role := ""
		if path == "/metrics" {
			role = "admin" // metrics need an admin token (or the metrics token)
		}
		resp, body := h.Do(t, role, "GET", path, "", nil)
		if resp.StatusCode != 200 || len(body) == 0 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
	_, body := h.Do(t, "", "GET", "/issuer", "", nil)
	schema, _ := verifier.LoadSchema(verifier.SchemaProfile)
	if err := schema.Validate(body); err != nil {
		t.Fatalf("issuer profile: %v\n%s", err, body)
	}
	if err := h.App.Store.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
}

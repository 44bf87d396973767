package app_test

import (
	"encoding/base64"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// TestDomainMove issues credentials under base URL A, moves the issuer to
// B with A as a previous public URL, and checks at B that the old
// credentials verify (by id, as posted JWS, on their pages), that a
// revocation made under A still shows, and that new credentials are signed
// under B. Without the alias the same credentials are not this issuer's.
func TestDomainMove(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			a := apptest.Start(t, eng)
			regno := createProgram(t, a)
			kept, revoked := issue(t, a, regno, "S1"), issue(t, a, regno, "S2")
			resp, body := a.Do(t, "registrar", "POST", "/api/v1/credentials/"+revoked.ID+"/revoke", "application/json", strings.NewReader(`{"reason":"issued in error"}`))
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("revoke: %d %s", resp.StatusCode, body)
			}
			_, jws := a.Do(t, "", "GET", "/c/"+kept.ID+"/credential.jwt", "", nil)
			if !strings.HasPrefix(kidOf(t, string(jws)), a.App.Issuer.Identity().DID()+"#") {
				t.Fatalf("credential issued under A has kid %s", kidOf(t, string(jws)))
			}
			old := a.App.Config
			a.Stop()

			moved := func(previous ...string) *apptest.Harness {
				return apptest.Start(t, eng, apptest.Options{Configure: func(c *app.Config) {
					c.DataDir, c.KeysDir, c.DatabaseURL = old.DataDir, old.KeysDir, old.DatabaseURL
					c.PreviousPublicURLs = previous
				}})
			}

			// Without the alias, A's credentials belong to a stranger whose
			// kid is not https: not valid at B.
			stranger := moved()
			if got := verdict(t, stranger, "GET", "/api/v1/verify/"+kept.ID, nil); got == "valid" {
				t.Fatalf("without the previous URL, a credential of A verified as %s", got)
			}
			stranger.Stop()

			b := moved(old.PublicURL + "/")
			if b.URL == old.PublicURL {
				t.Fatal("B has the same URL as A")
			}
			if got := verdict(t, b, "GET", "/api/v1/verify/"+kept.ID, nil); got != "valid" {
				t.Errorf("at B, credential of A by id: %s", got)
			}
			if got := verdict(t, b, "POST", "/api/v1/verify", strings.NewReader(string(jws))); got != "valid" {
				t.Errorf("at B, posted JWS of A: %s", got)
			}
			if got := verdict(t, b, "GET", "/api/v1/verify/"+revoked.ID, nil); got != "revoked" {
				t.Errorf("at B, credential revoked under A: %s", got)
			}
			// The old QR code's path resolves at B (the old host redirects).
			resp, page := b.Do(t, "", "GET", "/c/"+kept.ID+"?lang=en", "", nil)
			if resp.StatusCode != http.StatusOK || !strings.Contains(strings.ToLower(string(page)), "valid") {
				t.Errorf("at B, page of A's credential: %d", resp.StatusCode)
			}
			// New credentials are signed under B.
			fresh := issue(t, b, regno, "S3")
			_, jwsB := b.Do(t, "", "GET", "/c/"+fresh.ID+"/credential.jwt", "", nil)
			if !strings.HasPrefix(kidOf(t, string(jwsB)), b.App.Issuer.Identity().DID()+"#") || !strings.HasPrefix(fresh.URL, b.URL+"/c/") {
				t.Errorf("credential issued at B: kid %s, url %s", kidOf(t, string(jwsB)), fresh.URL)
			}
			if got := verdict(t, b, "GET", "/api/v1/verify/"+fresh.ID, nil); got != "valid" {
				t.Errorf("at B, new credential: %s", got)
			}
		})
	}
}

// verdict asks h to verify and returns the status of the answer.
func verdict(t *testing.T, h *apptest.Harness, method, path string, body io.Reader) string {
	t.Helper()
	ct := ""
	if body != nil {
		ct = "text/plain"
	}
	resp, b := h.Do(t, "", method, path, ct, body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, b)
	}
	return decode[struct {
		Status string `json:"status"`
	}](t, b).Status
}

// kidOf returns the kid of a compact JWS's protected header.
func kidOf(t *testing.T, jws string) string {
	t.Helper()
	head, _, _ := strings.Cut(jws, ".")
	b, err := base64.RawURLEncoding.DecodeString(head)
	if err != nil {
		t.Fatalf("header of %q: %v", jws, err)
	}
	return decode[struct {
		KID string `json:"kid"`
	}](t, b).KID
}

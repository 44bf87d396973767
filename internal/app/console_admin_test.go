package app_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/verifier"
)

// jwsKID reads the kid of a credential's JWS header.
func jwsKID(t *testing.T, h *apptest.Harness, id string) string {
	t.Helper()
	_, body := h.Do(t, "", "GET", "/c/"+id+"/credential.jwt", "", nil)
	head, _, _ := strings.Cut(string(body), ".")
	raw, err := base64.RawURLEncoding.DecodeString(head)
	if err != nil {
		t.Fatalf("credential.jwt: %v: %.80s", err, body)
	}
	var hdr struct{ KID string }
	if err := json.Unmarshal(raw, &hdr); err != nil {
		t.Fatal(err)
	}
	return hdr.KID
}

// TestConsoleAdmin: an administrator invites a user (and gets the one-time
// setup link, which works), revokes an API token (it stops working at
// once), rotates the signing key (a credential signed before still
// verifies; the next one is signed with the new key) and finds each of
// these in the audit trail; a viewer gets 403 posting a rotation anyway.
// The pages speak Kazakh and Russian without English words and fit a
// phone.
func TestConsoleAdmin(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	before := issueTB(t, h, regno)
	oldKID := jwsKID(t, h, before)
	admin := h.Staff(t, credential.RoleAdmin, "Бауыржан Әлиев")
	viewer := h.Staff(t, credential.RoleViewer, "Айгүл Серікова")

	b := h.Browser(t, 1280, 900)
	b.SignIn(admin, apptest.StaffPassword, "kk")
	b.Open("/console/admin")
	b.Shot("admin-kk")

	// Invite.
	b.Open("/console/admin/users")
	b.Fill("#email", "dana@uni.example")
	b.Fill("#name", "Дана Ермекова")
	b.Click(`form[action^="/console/admin/users"] button[type=submit]`)
	link, err := b.Page.MustElement("#link input").Property("value")
	if err != nil || !strings.Contains(link.String(), "/console/setup/") {
		t.Fatalf("no setup link after the invitation: %v %v\n%s", link, err, b.Text())
	}
	b.Shot("admin-users-kk")
	if resp, _ := h.Do(t, "", "GET", strings.TrimPrefix(link.String(), h.URL), "", nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("the setup link answers %d", resp.StatusCode)
	}

	// Revoke the viewer's system token, after a confirmation.
	if resp, _ := h.Do(t, "viewer", "GET", "/api/v1/me", "", nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("the viewer token before: %d", resp.StatusCode)
	}
	b.Open("/console/admin/tokens?lang=ru")
	b.Shot("admin-tokens-ru")
	b.Click(`a[href^="/console/admin/tokens/viewer/revoke"]`)
	b.Shot("admin-token-revoke-ru")
	b.Click(`form[action^="/console/admin/tokens/viewer/revoke"] button`)
	if !strings.Contains(b.Text(), "Токен отозван") {
		t.Fatalf("after the revocation:\n%s", b.Text())
	}
	if resp, _ := h.Do(t, "viewer", "GET", "/api/v1/me", "", nil); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("the revoked token still answers %d", resp.StatusCode)
	}

	// Rotate the signing key, after a confirmation.
	b.Open("/console/admin/keys?lang=ru")
	if !strings.Contains(b.Text(), "подписывает") {
		t.Fatalf("keys page:\n%s", b.Text())
	}
	b.Shot("admin-keys-ru")
	b.Click(`a[href^="/console/admin/keys/rotate"]`)
	b.Shot("admin-rotate-ru")
	b.Click(`form[action^="/console/admin/keys/rotate"] button`)
	if !strings.Contains(b.Text(), "Новый ключ начал подписывать") {
		t.Fatalf("after the rotation:\n%s", b.Text())
	}
	resp, body := h.Do(t, "", "GET", "/api/v1/verify/"+before, "", nil)
	if res := decode[verifier.Result](t, body); resp.StatusCode != http.StatusOK || !res.Verified || res.Status != "valid" {
		t.Fatalf("a credential signed before the rotation: %d %s", resp.StatusCode, body)
	}
	after := issue(t, h, regno, "S-after-rotation").ID
	if k := jwsKID(t, h, after); k == oldKID || k == "" {
		t.Fatalf("signed after the rotation with %q (before: %q)", k, oldKID)
	}
	if resp, body := h.Do(t, "", "GET", "/api/v1/verify/"+after, "", nil); !decode[verifier.Result](t, body).Verified {
		t.Fatalf("a credential signed after the rotation: %d %s", resp.StatusCode, body)
	}

	// The audit trail holds each action, attributed to the administrator.
	b.Open("/console/admin/audit?lang=ru")
	text := b.Text()
	for _, want := range []string{"пользователь приглашён", "токен отозван", "ключ подписи сменён", "user:" + admin} {
		if !strings.Contains(text, want) {
			t.Errorf("the audit trail lacks %q", want)
		}
	}
	b.Shot("admin-audit-ru")
	for _, l := range []string{"kk", "ru"} {
		for _, page := range []string{"/console/admin", "/console/admin/users", "/console/admin/tokens", "/console/admin/keys", "/console/admin/keys/rotate", "/console/admin/audit"} {
			b.Open(page + "?lang=" + l)
			// The system tokens are named after their roles: data, not words
			// of the page.
			if w := apptest.EnglishWords(b.Text(), "EdDSA", "ES256", "JWS", "viewer", "coordinator", "registrar", "admin"); len(w) > 0 {
				t.Errorf("%s in %s shows English words %q", page, l, w)
			}
		}
	}

	phone := h.Browser(t, apptest.PhoneWidth, 800)
	phone.SignIn(admin, apptest.StaffPassword, "kk")
	for _, page := range []string{"/console/admin/users", "/console/admin/tokens", "/console/admin/keys", "/console/admin/audit"} {
		phone.Open(page)
		if ok, w := phone.Fits(); !ok {
			t.Errorf("%s is %d px wide on a %d px phone", page, w, apptest.PhoneWidth)
		}
	}
	phone.Shot("admin-audit-kk-phone")

	// A viewer sees no administration and is refused a rotation posted
	// from the console's own page.
	v := h.Browser(t, 1280, 900)
	v.SignIn(viewer, apptest.StaffPassword, "kk")
	res, err := v.Page.Eval(`() => fetch("/console/admin/keys/rotate", {method: "POST", headers: {"Accept": "text/html"}}).then(r => r.status)`)
	if err != nil || res.Value.Int() != http.StatusForbidden {
		t.Fatalf("a viewer posting a rotation: %v %v", res, err)
	}
	if k := jwsKID(t, h, issue(t, h, regno, "S-after-viewer").ID); k == oldKID {
		t.Fatal("the viewer's post changed the key")
	}
}

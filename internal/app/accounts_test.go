package app_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/internal/testdb"
	"github.com/tanu-edu/tanu/store/storetest"
)

const staffPassword = "a long staff passphrase 42"

// browser is an HTTP client with a cookie jar that does not follow
// redirects (tests look at each answer).
func browser(t testing.TB) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

type answer struct {
	*http.Response
	Body string
}

// send makes a request with extra headers ("K: V" pairs).
func send(t testing.TB, c *http.Client, method, u, contentType string, body io.Reader, headers ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{resp, string(b)}
}

func form(kv ...string) io.Reader {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return strings.NewReader(v.Encode())
}

const formType = "application/x-www-form-urlencoded"

// wantError checks a JSON error answer.
func wantError(t testing.TB, a answer, status int, code credential.Code) {
	t.Helper()
	var e struct {
		Error struct {
			Code    credential.Code     `json:"code"`
			Message string              `json:"message"`
			Details []credential.Detail `json:"details"`
		} `json:"error"`
	}
	if a.StatusCode != status || json.Unmarshal([]byte(a.Body), &e) != nil || e.Error.Code != code || e.Error.Message == "" {
		t.Fatalf("%s %s: got %d %s, want %d %s", a.Request.Method, a.Request.URL.Path, a.StatusCode, a.Body, status, code)
	}
}

// invite makes a user through the admin API and returns the setup page URL.
func invite(t testing.TB, h *apptest.Harness, email, role string) string {
	t.Helper()
	resp, body := h.Do(t, "admin", "POST", "/api/v1/users", "application/json", mustJSON(t, map[string]string{"email": email, "role": role, "name": "Staff " + role}))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("invite %s: %d %s", email, resp.StatusCode, body)
	}
	var out struct {
		URL       string    `json:"url"`
		ExpiresAt time.Time `json:"expires_at"`
	}
	if err := json.Unmarshal(body, &out); err != nil || !strings.HasPrefix(out.URL, h.App.Config.PublicURL+"/console/setup/") {
		t.Fatalf("invite answer %s: %v", body, err)
	}
	return h.URL + strings.TrimPrefix(out.URL, h.App.Config.PublicURL)
}

// signUp sets the password through the setup page, which signs in.
func signUp(t testing.TB, h *apptest.Harness, email, role string) *http.Client {
	t.Helper()
	c := browser(t)
	a := send(t, c, "POST", invite(t, h, email, role), formType, form("password", staffPassword, "password2", staffPassword))
	if a.StatusCode != http.StatusSeeOther {
		t.Fatalf("setup %s: %d %s", email, a.StatusCode, a.Body)
	}
	return c
}

func me(t testing.TB, c *http.Client, h *apptest.Harness, headers ...string) (answer, map[string]any) {
	t.Helper()
	a := send(t, c, "GET", h.URL+"/api/v1/me", "", nil, headers...)
	var m map[string]any
	_ = json.Unmarshal([]byte(a.Body), &m)
	return a, m
}

func TestConsoleSignIn(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			t.Parallel()
			clk := storetest.NewClock(time.Now().UTC())
			h := apptest.Start(t, eng, apptest.Options{Now: clk.Now})
			testConsoleSignIn(t, h, clk)
		})
	}
}

func testConsoleSignIn(t *testing.T, h *apptest.Harness, clk *storetest.Clock) {
	c := browser(t)
	setup := invite(t, h, "Alice@Uni.Example", credential.RoleRegistrar)
	// The setup page, in Russian; mismatched and common passwords are refused
	// with the page's wording, and the link still works.
	a := send(t, c, "GET", setup+"?lang=ru", "", nil)
	if a.StatusCode != 200 || !strings.Contains(a.Body, "alice@uni.example") || !strings.Contains(a.Body, "Установка пароля") {
		t.Fatalf("setup page: %d %s", a.StatusCode, a.Body)
	}
	a = send(t, c, "POST", setup+"?lang=ru", formType, form("password", staffPassword, "password2", staffPassword+"x"), "Accept: text/html")
	if a.StatusCode != 400 || !strings.Contains(a.Body, "Пароли не совпадают") {
		t.Fatalf("mismatch: %d %s", a.StatusCode, a.Body)
	}
	a = send(t, c, "POST", setup, formType, form("password", "password1234", "password2", "password1234"))
	wantError(t, a, 400, credential.CodeInvalid)
	a = send(t, c, "POST", setup, formType, form("password", staffPassword, "password2", staffPassword))
	if a.StatusCode != http.StatusSeeOther || !strings.HasPrefix(a.Header.Get("Location"), "/console") {
		t.Fatalf("setup: %d %s", a.StatusCode, a.Body)
	}
	ck := a.Header.Get("Set-Cookie")
	for _, want := range []string{"tanu_session=", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(ck, want) {
			t.Errorf("session cookie %q lacks %s", ck, want)
		}
	}
	if strings.Contains(ck, "Secure") || strings.Contains(ck, "Domain") {
		t.Errorf("http session cookie %q is Secure or has a Domain", ck)
	}
	// The link is spent.
	a = send(t, browser(t), "GET", setup, "", nil)
	if a.StatusCode != 404 {
		t.Errorf("used setup link: %d", a.StatusCode)
	}
	// Signed in: the console and /api/v1/me say who.
	a = send(t, c, "GET", h.URL+"/console?lang=kk", "", nil)
	if a.StatusCode != 200 || !strings.Contains(a.Body, "alice@uni.example") || !strings.Contains(a.Body, "Тіркеуші") {
		t.Fatalf("console: %d %s", a.StatusCode, a.Body)
	}
	a, m := me(t, c, h)
	if a.StatusCode != 200 || m["via"] != "session" || m["actor"] != "user:alice@uni.example" {
		t.Fatalf("me: %d %s", a.StatusCode, a.Body)
	}
	// Sign out and in again with the password form.
	a = send(t, c, "POST", h.URL+"/console/logout", formType, nil)
	if a.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d %s", a.StatusCode, a.Body)
	}
	a, _ = me(t, c, h)
	wantError(t, a, 401, credential.CodeUnauthorized)
	a = send(t, c, "GET", h.URL+"/console", "", nil)
	if a.StatusCode != http.StatusSeeOther || !strings.HasPrefix(a.Header.Get("Location"), "/console/login") {
		t.Fatalf("console signed out: %d", a.StatusCode)
	}
	// Wrong password: JSON clients get the error shape, browsers the page in
	// their language; an unknown account answers the same.
	a = send(t, c, "POST", h.URL+"/console/login", formType, form("email", "alice@uni.example", "password", "wrong password!!"))
	wantError(t, a, 401, credential.CodeUnauthorized)
	unknown := send(t, c, "POST", h.URL+"/console/login", formType, form("email", "nobody@uni.example", "password", "wrong password!!"))
	if unknown.StatusCode != a.StatusCode || unknown.Body != a.Body {
		t.Errorf("an unknown account answers differently: %s vs %s", unknown.Body, a.Body)
	}
	a = send(t, c, "POST", h.URL+"/console/login?lang=ru", formType, form("email", "alice@uni.example", "password", "wrong password!!"), "Accept: text/html")
	if a.StatusCode != 401 || !strings.Contains(a.Body, "Неверная электронная почта или пароль") {
		t.Fatalf("wrong password page: %d %s", a.StatusCode, a.Body)
	}
	// Bad input: a clear 400 naming the field, nothing stored.
	a = send(t, c, "POST", h.URL+"/console/login", formType, form("email", strings.Repeat("a", 300)+"@uni.example", "password", staffPassword))
	wantError(t, a, 400, credential.CodeInvalid)
	a = send(t, c, "POST", h.URL+"/console/login", formType, form("email", "alice@uni.example", "password", strings.Repeat("p", 300)))
	wantError(t, a, 400, credential.CodeInvalid)
	resp, body := h.Do(t, "admin", "POST", "/api/v1/users", "application/json", mustJSON(t, map[string]string{"email": strings.Repeat("b", 300) + "@uni.example", "role": "viewer"}))
	wantError(t, answer{resp, string(body)}, 400, credential.CodeInvalid)
	_, body = h.Do(t, "admin", "GET", "/api/v1/users", "", nil)
	if n := strings.Count(string(body), `"email"`); n != 1 {
		t.Errorf("%d users stored, want 1: %s", n, body)
	}
	// Sign in.
	a = send(t, c, "POST", h.URL+"/console/login", formType, form("email", "ALICE@uni.example", "password", staffPassword))
	if a.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d %s", a.StatusCode, a.Body)
	}
	// Cross-site posts are refused, same-site ones (and API clients) pass.
	a = send(t, c, "POST", h.URL+"/api/v1/tokens", "application/json", mustJSON(t, map[string]string{"name": "x"}), "Origin: https://evil.example")
	wantError(t, a, 403, credential.CodeForbidden)
	a = send(t, c, "POST", h.URL+"/console/logout", formType, nil, "Sec-Fetch-Site: cross-site")
	wantError(t, a, 403, credential.CodeForbidden)
	a = send(t, c, "POST", h.URL+"/console/login", formType, form("email", "alice@uni.example", "password", staffPassword), "Sec-Fetch-Site: cross-site")
	wantError(t, a, 403, credential.CodeForbidden)
	if a, _ := me(t, c, h); a.StatusCode != 200 {
		t.Fatalf("a refused cross-site logout ended the session: %d", a.StatusCode)
	}
	a = send(t, c, "POST", h.URL+"/api/v1/tokens", "application/json", mustJSON(t, map[string]string{"name": "laptop"}), "Sec-Fetch-Site: same-origin", "Origin: "+h.URL)
	if a.StatusCode != 201 {
		t.Fatalf("same-origin token create: %d %s", a.StatusCode, a.Body)
	}
	var tk struct {
		ID, Token, Role string
	}
	_ = json.Unmarshal([]byte(a.Body), &tk)
	if tk.Role != credential.RoleRegistrar || !strings.HasPrefix(tk.Token, "tanu_") {
		t.Fatalf("token: %s", a.Body)
	}
	// The audit trail names the user.
	_, body = h.Do(t, "admin", "GET", "/api/v1/audit?object="+tk.ID, "", nil)
	if !strings.Contains(string(body), `"actor":"user:alice@uni.example"`) {
		t.Errorf("audit of the token does not name alice: %s", body)
	}
	// The session idles out on the injected clock.
	clk.Advance(h.App.Accounts.Config().IdleTimeout + time.Minute)
	a, _ = me(t, c, h)
	wantError(t, a, 401, credential.CodeUnauthorized)

	// Throttling after repeated failures, even for the right password.
	for range h.App.Accounts.Config().MaxFailures {
		send(t, c, "POST", h.URL+"/console/login", formType, form("email", "alice@uni.example", "password", "wrong password!!"))
	}
	a = send(t, c, "POST", h.URL+"/console/login", formType, form("email", "alice@uni.example", "password", staffPassword))
	wantError(t, a, 429, credential.CodeTooManyRequests)
}

func TestAPITokens(t *testing.T) {
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			t.Parallel()
			clk := storetest.NewClock(time.Now().UTC())
			h := apptest.Start(t, eng, apptest.Options{Now: clk.Now})
			v := signUp(t, h, "viewer@uni.example", credential.RoleViewer)
			// A viewer cannot make a higher-role token.
			a := send(t, v, "POST", h.URL+"/api/v1/tokens", "application/json", mustJSON(t, map[string]string{"name": "x", "role": "registrar"}))
			wantError(t, a, 403, credential.CodeForbidden)
			a = send(t, v, "POST", h.URL+"/api/v1/tokens", "application/json", mustJSON(t, map[string]any{"name": "x", "expires_at": "yesterday"}))
			wantError(t, a, 400, credential.CodeInvalid)
			exp := clk.Now().Add(48 * time.Hour).Format(time.RFC3339)
			a = send(t, v, "POST", h.URL+"/api/v1/tokens", "application/json", mustJSON(t, map[string]any{"name": "reports", "expires_at": exp}))
			if a.StatusCode != 201 {
				t.Fatalf("create: %d %s", a.StatusCode, a.Body)
			}
			var tk struct{ ID, Token string }
			_ = json.Unmarshal([]byte(a.Body), &tk)
			bearer := "Authorization: Bearer " + tk.Token
			if a, m := me(t, http.DefaultClient, h, bearer); a.StatusCode != 200 || m["actor"] != "user:viewer@uni.example via token:"+tk.ID {
				t.Fatalf("me by token: %d %s", a.StatusCode, a.Body)
			}
			a = send(t, http.DefaultClient, "POST", h.URL+"/api/v1/programs", "application/json", mustJSON(t, map[string]string{}), bearer)
			wantError(t, a, 403, credential.CodeForbidden)
			a = send(t, v, "GET", h.URL+"/api/v1/tokens", "", nil)
			if a.StatusCode != 200 || !strings.Contains(a.Body, `"last_used_at"`) || !strings.Contains(a.Body, `"reports"`) {
				t.Fatalf("list: %d %s", a.StatusCode, a.Body)
			}
			// Expiry, on the injected clock.
			clk.Advance(48 * time.Hour)
			a, _ = me(t, http.DefaultClient, h, bearer)
			wantError(t, a, 401, credential.CodeUnauthorized)
			// Revocation: at once.
			v = signUp(t, h, "viewer2@uni.example", credential.RoleViewer)
			a = send(t, v, "POST", h.URL+"/api/v1/tokens", "application/json", mustJSON(t, map[string]any{"name": "cron"}))
			_ = json.Unmarshal([]byte(a.Body), &tk)
			bearer = "Authorization: Bearer " + tk.Token
			if a, _ := me(t, http.DefaultClient, h, bearer); a.StatusCode != 200 {
				t.Fatalf("new token: %d", a.StatusCode)
			}
			a = send(t, v, "DELETE", h.URL+"/api/v1/tokens/"+tk.ID, "", nil)
			if a.StatusCode != 200 || !strings.Contains(a.Body, "revoked_at") {
				t.Fatalf("revoke: %d %s", a.StatusCode, a.Body)
			}
			a, _ = me(t, http.DefaultClient, h, bearer)
			wantError(t, a, 401, credential.CodeUnauthorized)
			// System tokens (made before accounts, or by tanu token create)
			// still work and say so.
			if a, m := me(t, http.DefaultClient, h, "Authorization: Bearer "+h.Tokens["registrar"]); a.StatusCode != 200 || m["actor"] != "token:registrar" || m["user"] != nil {
				t.Fatalf("system token: %d %s", a.StatusCode, a.Body)
			}
		})
	}
}

func TestHTTPSCookies(t *testing.T) {
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) { c.PublicURL = "https://credentials.uni.example" }})
	setup := invite(t, h, "bob@uni.example", credential.RoleViewer)
	a := send(t, browser(t), "POST", setup, formType, form("password", staffPassword, "password2", staffPassword))
	ck := a.Header.Get("Set-Cookie")
	if a.StatusCode != http.StatusSeeOther || !strings.HasPrefix(ck, "__Host-tanu_session=") || !strings.Contains(ck, "Secure") ||
		!strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Lax") || !strings.Contains(ck, "Path=/") || strings.Contains(ck, "Domain") {
		t.Fatalf("https session cookie: %d %q", a.StatusCode, ck)
	}
	// A post from the public origin passes; another origin is refused.
	a = send(t, browser(t), "POST", h.URL+"/console/login", formType, form("email", "bob@uni.example", "password", staffPassword), "Origin: https://credentials.uni.example")
	if a.StatusCode != http.StatusSeeOther {
		t.Fatalf("same-origin login behind a proxy: %d %s", a.StatusCode, a.Body)
	}
	a = send(t, browser(t), "POST", h.URL+"/console/login", formType, form("email", "bob@uni.example", "password", staffPassword), "Origin: https://credentials.evil.example")
	wantError(t, a, 403, credential.CodeForbidden)
}

// TestDisabledEverywhere runs two instances on one PostgreSQL: a user
// disabled on one loses their session and token at once on the other.
func TestDisabledEverywhere(t *testing.T) {
	if os.Getenv(testdb.EnvURL) == "" {
		t.Skipf("needs PostgreSQL: %s is not set", testdb.EnvURL)
	}
	h1 := apptest.Start(t, "postgres")
	h2 := apptest.Start(t, "postgres", apptest.Options{Share: h1})
	c := signUp(t, h1, "carol@uni.example", credential.RoleRegistrar)
	a := send(t, c, "POST", h1.URL+"/api/v1/tokens", "application/json", mustJSON(t, map[string]any{"name": "sync"}))
	var tk struct{ ID, Token string }
	_ = json.Unmarshal([]byte(a.Body), &tk)
	// The session cookie and the token work on the second instance.
	cookie := "Cookie: tanu_session=" + sessionCookie(t, c, h1)
	for _, hdr := range []string{cookie, "Authorization: Bearer " + tk.Token} {
		if a, _ := me(t, http.DefaultClient, h2, hdr); a.StatusCode != 200 {
			t.Fatalf("on the second instance (%s): %d %s", hdr[:6], a.StatusCode, a.Body)
		}
	}
	resp, body := h1.Do(t, "admin", "PATCH", "/api/v1/users/carol@uni.example", "application/json", mustJSON(t, map[string]bool{"disabled": true}))
	if resp.StatusCode != 200 {
		t.Fatalf("disable: %d %s", resp.StatusCode, body)
	}
	for _, hdr := range []string{cookie, "Authorization: Bearer " + tk.Token} {
		a, _ := me(t, http.DefaultClient, h2, hdr)
		wantError(t, a, 401, credential.CodeUnauthorized)
	}
	_, _, err := h2.App.Accounts.Login(context.Background(), "carol@uni.example", staffPassword, "127.0.0.1")
	if credential.ErrorCode(err) != credential.CodeUnauthorized {
		t.Fatalf("disabled login on the second instance: %v", err)
	}
}

func sessionCookie(t testing.TB, c *http.Client, h *apptest.Harness) string {
	u, _ := url.Parse(h.URL)
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == "tanu_session" {
			return ck.Value
		}
	}
	t.Fatal("no session cookie")
	return ""
}

package app_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"html"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/account"
	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

const opDir = "testdata/oidc-provider"

// startOP starts a real OpenID Provider (the OpenID-certified npm package
// oidc-provider, run by Node) on 127.0.0.1 with one client whose redirect
// URI is redirect, and returns its issuer URL. It skips the test, saying
// why, when Node or the package is missing (.ci/run installs both).
func startOP(t *testing.T, redirect string, accounts map[string]map[string]any) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("single sign-on test skipped: node is not installed (the OpenID Provider runs on Node)")
	}
	if _, err := os.Stat(filepath.Join(opDir, "node_modules", "oidc-provider", "package.json")); err != nil {
		t.Skipf("single sign-on test skipped: the npm package oidc-provider is not installed: run `npm ci` in internal/app/%s (.ci/run does)", opDir)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cfg, _ := json.Marshal(map[string]any{
		"clients":  []map[string]any{{"client_id": "tanu-test", "client_secret": "tanu-test-secret-0123456789", "redirect_uris": []string{redirect}}},
		"accounts": accounts,
	})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	cmd := exec.CommandContext(ctx, node, "provider.mjs")
	cmd.Dir = opDir
	cmd.Env = append(os.Environ(), "OP_PORT="+strconv.Itoa(port), "OP_CONFIG="+string(cfg))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		cancel()
	})
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == "ready" {
				ready <- true
				return
			}
		}
		ready <- false
	}()
	select {
	case ok := <-ready:
		if !ok {
			t.Fatalf("the OpenID Provider stopped: %s", stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("the OpenID Provider did not start: %s", stderr.String())
	}
	return "http://127.0.0.1:" + strconv.Itoa(port)
}

var (
	formAction = regexp.MustCompile(`<form[^>]*action="([^"]*)"`)
	formInput  = regexp.MustCompile(`<input[^>]*>`)
	inputName  = regexp.MustCompile(`\bname="([^"]+)"`)
	inputValue = regexp.MustCompile(`\bvalue="([^"]*)"`)
)

// ssoFlow drives a browser through the whole redirect flow from start:
// tanu → provider login form (filled with login) → consent form → tanu's
// callback → the console. rewrite may change each URL before it is
// followed; stop ends the walk before a URL is requested (returned).
func ssoFlow(t *testing.T, c *http.Client, start, login string, rewrite func(*url.URL), stop func(*url.URL) bool) (answer, *url.URL) {
	t.Helper()
	a := send(t, c, "GET", start, "", nil)
	for range 30 {
		switch {
		case a.StatusCode >= 300 && a.StatusCode < 400:
			next, err := a.Request.URL.Parse(a.Header.Get("Location"))
			if err != nil {
				t.Fatal(err)
			}
			if rewrite != nil {
				rewrite(next)
			}
			if stop != nil && stop(next) {
				return a, next
			}
			a = send(t, c, "GET", next.String(), "", nil)
		case a.StatusCode == 200 && strings.Contains(a.Body, "<form") && !strings.Contains(a.Request.URL.Path, "/console"):
			m := formAction.FindStringSubmatch(a.Body)
			if m == nil {
				t.Fatalf("provider form without action: %s", a.Body)
			}
			action, _ := a.Request.URL.Parse(html.UnescapeString(m[1]))
			v := url.Values{}
			for _, in := range formInput.FindAllString(a.Body, -1) {
				n, val := inputName.FindStringSubmatch(in), inputValue.FindStringSubmatch(in)
				if n == nil {
					continue
				}
				if val == nil {
					val = []string{"", ""}
				}
				v.Set(n[1], html.UnescapeString(val[1]))
			}
			if v.Get("prompt") == "login" {
				v.Set("login", login)
				v.Set("password", "any password: development interactions")
			}
			a = send(t, c, "POST", action.String(), formType, strings.NewReader(v.Encode()))
		default:
			return a, nil
		}
	}
	t.Fatal("the sign-in flow does not end")
	return a, nil
}

// TestSingleSignOn signs in through a real OpenID Provider.
func TestSingleSignOn(t *testing.T) {
	accounts := map[string]map[string]any{
		"alice":      {"email": "Alice@Uni.Example", "email_verified": true, "name": "Alice Invited"},
		"newbie":     {"email": "newbie@allowed.example", "email_verified": true, "name": "New Registrar", "groups": []string{"staff", "tanu-registrars"}},
		"plain":      {"email": "plain@allowed.example", "email_verified": true},
		"mallory":    {"email": "mallory@evil.example", "email_verified": true},
		"unverified": {"email": "eve@allowed.example", "email_verified": false},
	}
	var issuer string
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) {
		issuer = startOP(t, c.PublicURL+"/console/sso/op/callback", accounts)
		c.SSO = &account.SSOConfig{Providers: []account.ProviderConfig{{
			ID: "op", Label: "Test OP", Issuer: issuer, ClientID: "tanu-test", ClientSecret: "tanu-test-secret-0123456789",
			Scopes: []string{"openid", "email", "profile", "groups"}, AllowedDomains: []string{"allowed.example"},
			GroupsClaim: "groups", GroupRoles: map[string]string{"tanu-registrars": credential.RoleRegistrar},
			AllowPrivateNetwork: true,
		}}}
	}})
	ctx := context.Background()
	if _, _, err := h.App.Accounts.Invite(ctx, account.NewUser{Email: "alice@uni.example", Role: credential.RoleCoordinator}); err != nil {
		t.Fatal(err)
	}
	start := h.URL + "/console/sso/op?lang=ru"
	isCallback := func(u *url.URL) bool { return strings.HasSuffix(u.Path, "/console/sso/op/callback") }

	// The sign-in page offers the provider.
	if a := send(t, browser(t), "GET", h.URL+"/console/login?lang=ru", "", nil); !strings.Contains(a.Body, "Войти через Test OP") {
		t.Fatalf("sign-in page lacks the provider button: %s", a.Body)
	}

	var callback *url.URL
	var authURL *url.URL
	c := browser(t)
	a, _ := ssoFlow(t, c, start, "alice", func(u *url.URL) {
		if isCallback(u) {
			cp := *u
			callback = &cp
		}
		if strings.HasPrefix(u.String(), issuer+"/auth?") {
			cp := *u
			authURL = &cp
		}
	}, nil)
	t.Run("invited user signs in", func(t *testing.T) {
		if a.StatusCode != 200 || a.Request.URL.Path != "/console" || !strings.Contains(a.Body, "alice@uni.example") || !strings.Contains(a.Body, "Координатор") {
			t.Fatalf("end of the flow: %d %s %s", a.StatusCode, a.Request.URL, a.Body)
		}
		q := authURL.Query()
		if q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("nonce") == "" || q.Get("state") == "" {
			t.Errorf("authorization request lacks PKCE, nonce or state: %s", authURL)
		}
		m, ma := me(t, c, h)
		if m.StatusCode != 200 || ma["actor"] != "user:alice@uni.example" || ma["role"] != credential.RoleCoordinator {
			t.Fatalf("me: %d %s", m.StatusCode, m.Body)
		}
		es, _ := h.App.Store.AuditLog(ctx, credential.AuditFilter{Action: credential.ActionUserIdentityLinked})
		if len(es) != 1 || es[0].Actor != "sso:op" {
			t.Errorf("identity link audit: %+v", es)
		}
	})
	if callback == nil || authURL == nil {
		t.Fatalf("the flow did not pass the provider and the callback: %d %s", a.StatusCode, a.Body)
	}
	t.Run("replayed callback refused", func(t *testing.T) {
		// The same browser, the same answer again: the state is spent.
		r := send(t, c, "GET", callback.String(), "", nil)
		wantError(t, r, 400, credential.CodeInvalid)
		// Even with the state cookie planted, the state works once.
		b := browser(t)
		u, _ := url.Parse(h.URL)
		b.Jar.SetCookies(u, []*http.Cookie{{Name: "tanu_sso", Value: callback.Query().Get("state")}})
		wantError(t, send(t, b, "GET", callback.String(), "", nil), 400, credential.CodeInvalid)
		// The used code with a fresh state of this browser: the provider refuses it.
		b = browser(t)
		_, cb := ssoFlow(t, b, start, "alice", nil, isCallback)
		if cb == nil {
			t.Fatal("the second flow did not reach the callback")
		}
		q := cb.Query()
		q.Set("code", callback.Query().Get("code"))
		cb.RawQuery = q.Encode()
		r = send(t, b, "GET", cb.String(), "", nil)
		wantError(t, r, 401, credential.CodeUnauthorized)
	})
	t.Run("logout ends the tanu session", func(t *testing.T) {
		if r := send(t, c, "POST", h.URL+"/console/logout", formType, nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("logout: %d", r.StatusCode)
		}
		r, _ := me(t, c, h)
		wantError(t, r, 401, credential.CodeUnauthorized)
	})
	t.Run("allow-listed domain gets the mapped role", func(t *testing.T) {
		b := browser(t)
		r, _ := ssoFlow(t, b, start, "newbie", nil, nil)
		if r.StatusCode != 200 || !strings.Contains(r.Body, "newbie@allowed.example") {
			t.Fatalf("newbie: %d %s", r.StatusCode, r.Body)
		}
		if _, m := me(t, b, h); m["role"] != credential.RoleRegistrar {
			t.Errorf("mapped role: %v", m)
		}
		b = browser(t)
		r, _ = ssoFlow(t, b, start, "plain", nil, nil)
		if _, m := me(t, b, h); r.StatusCode != 200 || m["role"] != credential.RoleViewer {
			t.Errorf("default role: %d %v", r.StatusCode, m)
		}
	})
	t.Run("e-mail outside the allow-list refused", func(t *testing.T) {
		r, _ := ssoFlow(t, browser(t), start, "mallory", nil, nil)
		wantError(t, r, 403, credential.CodeForbidden)
		r, _ = ssoFlow(t, browser(t), start, "unverified", nil, nil)
		wantError(t, r, 403, credential.CodeForbidden)
		for _, e := range []string{"mallory@evil.example", "eve@allowed.example"} {
			if _, err := h.App.Accounts.Find(ctx, e); !credential.IsNotFound(err) {
				t.Errorf("%s was stored: %v", e, err)
			}
		}
		// A browser sees the page in its language.
		b := browser(t)
		_, cb := ssoFlow(t, b, start, "mallory", nil, isCallback)
		r = send(t, b, "GET", cb.String(), "", nil, "Accept: text/html")
		if r.StatusCode != 403 || !strings.Contains(r.Body, "Для этой учётной записи вход не разрешён") {
			t.Errorf("refusal page: %d %s", r.StatusCode, r.Body)
		}
	})
	t.Run("forged state refused", func(t *testing.T) {
		b := browser(t)
		r := send(t, b, "GET", h.URL+"/console/sso/op/callback?state=forged&code=forged", "", nil)
		wantError(t, r, 400, credential.CodeInvalid)
		// A real flow whose state is swapped for another: refused.
		_, cb := ssoFlow(t, b, start, "alice", nil, isCallback)
		q := cb.Query()
		q.Set("state", "Zm9yZ2VkLXN0YXRlLWZvcmdlZC1zdGF0ZS1mb3JnZWQ")
		cb.RawQuery = q.Encode()
		wantError(t, send(t, b, "GET", cb.String(), "", nil), 400, credential.CodeInvalid)
	})
	t.Run("wrong nonce refused", func(t *testing.T) {
		// The authorization request reaches the provider with another
		// nonce (as an attacker's injected code would carry): the ID token
		// then names a nonce this sign-in did not make.
		r, _ := ssoFlow(t, browser(t), start, "alice", func(u *url.URL) {
			if strings.HasPrefix(u.String(), issuer+"/auth?") {
				q := u.Query()
				q.Set("nonce", "attacker-chosen-nonce")
				u.RawQuery = q.Encode()
			}
		}, nil)
		wantError(t, r, 401, credential.CodeUnauthorized)
		if !strings.Contains(r.Body, "nonce") {
			t.Errorf("refusal does not say why: %s", r.Body)
		}
	})
	t.Run("malformed callback and unknown provider", func(t *testing.T) {
		b := browser(t)
		wantError(t, send(t, b, "GET", h.URL+"/console/sso/op/callback", "", nil), 400, credential.CodeInvalid)
		wantError(t, send(t, b, "GET", h.URL+"/console/sso/op/callback?state="+strings.Repeat("s", 5000), "", nil), 400, credential.CodeInvalid)
		wantError(t, send(t, b, "GET", h.URL+"/console/sso/nope", "", nil), 404, credential.CodeNotFound)
		wantError(t, send(t, b, "GET", h.URL+"/console/sso/nope/callback?state=x&code=y", "", nil), 404, credential.CodeNotFound)
		if _, err := h.App.Accounts.Find(ctx, "nope"); !credential.IsNotFound(err) {
			t.Errorf("lookup: %v", err)
		}
	})
}

// TestSSOConfig checks the configuration file's validation.
func TestSSOConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "sso.json")
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	env := map[string]string{"ENTRA_SECRET": "from-env"}
	var mu sync.Mutex
	getenv := func(k string) string { mu.Lock(); defer mu.Unlock(); return env[k] }
	c, err := account.LoadSSOConfig(write(`{"providers":[{"id":"entra","label":"Microsoft","issuer":"https://login.microsoftonline.com/t/v2.0","client_id":"c","client_secret_env":"ENTRA_SECRET","trust_email":true}]}`), getenv)
	if err != nil || c.Providers[0].ClientSecret != "from-env" {
		t.Fatalf("good config: %+v %v", c, err)
	}
	for _, bad := range []string{
		`{"providers":[{"id":"Bad ID","issuer":"https://x","client_id":"c"}]}`,
		`{"providers":[{"id":"a","issuer":"http://x","client_id":"c"}]}`,
		`{"providers":[{"id":"a","issuer":"https://x"}]}`,
		`{"providers":[{"id":"a","issuer":"https://x","client_id":"c","default_role":"root"}]}`,
		`{"providers":[{"id":"a","issuer":"https://x","client_id":"c","group_roles":{"g":"admin"}}]}`,
		`{"providers":[{"id":"a","issuer":"https://x","client_id":"c","unknown":1}]}`,
	} {
		if _, err := account.LoadSSOConfig(write(bad), getenv); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

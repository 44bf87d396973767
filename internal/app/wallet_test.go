package app_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// walletDir holds the independent wallet (package.json,
// package-lock.json; .ci/run installs node_modules with npm ci).
const walletDir = "testdata/wallet"

var (
	offerLink = regexp.MustCompile(`href="(openid-credential-offer://\?credential_offer_uri=[^"]+)"`)
	txDigits  = regexp.MustCompile(`\b(\d{6})\b`)
)

type walletOut struct {
	Configs     []string `json:"configs"`
	Format      string   `json:"format"`
	Credential1 string   `json:"credential1"`
	Credential2 string   `json:"credential2"`
	DID1, DID2  string
	Check1      struct {
		Alg, ID, Sub, Subject string
		Status                map[string]any
	} `json:"check1"`
	Check2 struct {
		Alg, ID, Sub, Subject string
	} `json:"check2"`
	Reuse, ReuseOffer   string
	WrongTx, StaleNonce string
	TxCode              map[string]any `json:"txCode"`
}

// TestWalletOID4VCI: a holder signed in at /my makes two wallet offers (one
// with a transaction code sent by e-mail); an independent OpenID4VCI client
// from npm redeems them, proves keys and receives the credentials, which an
// independent JOSE library verifies and tanu finds valid, bound to the
// wallet's keys and tied to the registry entry: revoking the credential
// revokes the copies. A reused offer, a wrong transaction code and a stale
// nonce are refused.
func TestWalletOID4VCI(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("wallet test skipped: node is not installed")
	}
	if _, err := os.Stat(filepath.Join(walletDir, "node_modules", "@openid4vc", "openid4vci")); err != nil {
		t.Skipf("wallet test skipped: run `npm ci` in internal/app/%s (.ci/run does)", walletDir)
	}
	for _, eng := range apptest.Engines(t) {
		t.Run(eng, func(t *testing.T) {
			mp := newMailpit(t)
			mp.start(t)
			h := apptest.Start(t, eng, apptest.Options{Configure: mailConfig(mp)})
			regno := createProgram(t, h)
			const addr = "wallet@students.example.edu"
			body := issueBody(regno, "W1")
			body["email"], body["notify"] = addr, false
			resp, out := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, body))
			if resp.StatusCode != http.StatusCreated {
				t.Fatalf("issue: %d %s", resp.StatusCode, out)
			}
			id := decode[issued](t, out).ID

			// Sign in at /my.
			b := holderBrowser(t)
			postForm(t, b, h.URL+"/my?lang=en", url.Values{"email": {addr}})
			u, _ := url.Parse(mp.signInMail(t, addr, 1))
			if resp, _ := postForm(t, b, h.URL+"/my/signin?lang=en", url.Values{"t": {u.Query().Get("t")}}); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("sign in: %d", resp.StatusCode)
			}
			offer := func(email string) string {
				resp, page := postForm(t, b, h.URL+"/my/wallet/"+id+"?lang=en", url.Values{"email": {email}})
				m := offerLink.FindStringSubmatch(page)
				if resp.StatusCode != http.StatusOK || m == nil || !strings.Contains(page, `src="data:image/png;base64,`) {
					t.Fatalf("wallet offer: %d %s", resp.StatusCode, page)
				}
				return html.UnescapeString(m[1])
			}
			offer1 := offer("")
			// A wrong address for the code is refused; the right one gets it.
			if resp, _ := postForm(t, b, h.URL+"/my/wallet/"+id+"?lang=en", url.Values{"email": {"someone@else.example.edu"}}); resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("offer with a code to another address: %d", resp.StatusCode)
			}
			offer2 := offer(addr)
			var tx string
			deadline := time.Now().Add(60 * time.Second)
			for tx == "" {
				for _, s := range mp.list(t) {
					if strings.Contains(s.Subject, "code for your wallet") {
						if m := txDigits.FindStringSubmatch(mp.message(t, s.ID).Text); m != nil {
							tx = m[1]
						}
					}
				}
				if time.Now().After(deadline) {
					t.Fatal("no transaction code arrived")
				}
				time.Sleep(100 * time.Millisecond)
			}

			in, _ := json.Marshal(map[string]string{"offer1": offer1, "offer2": offer2, "tx2": tx, "jwks": h.URL + "/.well-known/jwks.json"})
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, node, "wallet.mjs", string(in))
			cmd.Dir = walletDir
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("wallet: %v\n%s\n%s", err, stdout.Bytes(), stderr.Bytes())
			}
			var w walletOut
			if err := json.Unmarshal(stdout.Bytes(), &w); err != nil {
				t.Fatalf("wallet output %s: %v", stdout.Bytes(), err)
			}
			if w.Format != "jwt_vc_json" || len(w.Configs) != 1 {
				t.Errorf("metadata: %+v", w.Configs)
			}
			if w.Reuse != "invalid_grant" || w.ReuseOffer != "404" || w.WrongTx != "invalid_grant" || w.StaleNonce != "invalid_nonce" {
				t.Errorf("refusals: reused offer %q (its URI %q), wrong tx_code %q, stale nonce %q", w.Reuse, w.ReuseOffer, w.WrongTx, w.StaleNonce)
			}
			if w.TxCode == nil || w.TxCode["length"] != float64(6) {
				t.Errorf("offer 2 tx_code: %v", w.TxCode)
			}
			for i, c := range []struct{ id, sub, subject, did string }{
				{w.Check1.ID, w.Check1.Sub, w.Check1.Subject, w.DID1}, {w.Check2.ID, w.Check2.Sub, w.Check2.Subject, w.DID2}} {
				if c.id != "urn:uuid:"+id || !sameDIDJWK(c.subject, c.did) || c.sub != c.subject {
					t.Errorf("credential %d: id %s subject %s sub %s, want urn:uuid:%s bound to %s", i+1, c.id, c.subject, c.sub, id, c.did)
				}
			}
			if w.Check1.Status == nil {
				t.Error("credential 1 has no credentialStatus")
			}
			verdict := func(jwt string) string {
				resp, out := h.Do(t, "", "POST", "/api/v1/verify", "text/plain", strings.NewReader(jwt))
				if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusGone && resp.StatusCode != http.StatusUnprocessableEntity {
					t.Fatalf("verify: %d %s", resp.StatusCode, out)
				}
				return decode[map[string]any](t, out)["status"].(string)
			}
			for _, c := range []string{w.Credential1, w.Credential2} {
				if v := verdict(c); v != "valid" {
					_, out := h.Do(t, "", "POST", "/api/v1/verify", "text/plain", strings.NewReader(c))
					t.Fatalf("tanu says %s for the wallet's copy: %s", v, out)
				}
			}
			// Revoking the credential revokes every copy.
			resp, out = h.Do(t, "registrar", "POST", "/api/v1/credentials/"+id+"/revoke", "application/json", strings.NewReader(`{"reason":"test"}`))
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("revoke: %d %s", resp.StatusCode, out)
			}
			for _, c := range []string{w.Credential1, w.Credential2} {
				if v := verdict(c); v != "revoked" {
					t.Fatalf("after revocation tanu says %s for a wallet's copy", v)
				}
			}
		})
	}
}

// sameDIDJWK reports whether two did:jwk name the same key (the JSON may
// list the members in another order).
func sameDIDJWK(a, b string) bool {
	key := func(did string) map[string]any {
		raw, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(did, "did:jwk:"))
		if err != nil || !strings.HasPrefix(did, "did:jwk:") {
			return nil
		}
		var m map[string]any
		if json.Unmarshal(raw, &m) != nil {
			return nil
		}
		return m
	}
	ka, kb := key(a), key(b)
	return ka != nil && reflect.DeepEqual(ka, kb)
}

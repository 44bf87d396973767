package verifier_test

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/outbound"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/keyring"
	"github.com/tanu-edu/tanu/statuslist"
	"github.com/tanu-edu/tanu/verifier"
)

// The foreign issuers of these tests live on one TLS test server on
// 127.0.0.1. Their names resolve (through an injected resolver) to
// addresses the guard judges; every approved dial is rewritten to the test
// server, and only the test server's own address is permitted, so a
// refusal is proved by the server not being asked, and no other machine
// is ever contacted.

var verifyNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

type dns map[string]string

func (d dns) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if a, ok := d[host]; ok {
		return []netip.Addr{netip.MustParseAddr(a)}, nil
	}
	return nil, fmt.Errorf("no such host %s", host)
}

// web is the test server with its routes (host + path) and hit counts.
type web struct {
	srv    *httptest.Server
	fetch  *outbound.Client
	mu     sync.Mutex
	routes map[string]http.HandlerFunc
	hits   map[string]int
}

func newWeb(t *testing.T) *web {
	w := &web{routes: map[string]http.HandlerFunc{}, hits: map[string]int{}}
	w.srv = httptest.NewTLSServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		key := r.Host + r.URL.Path
		w.mu.Lock()
		w.hits[key]++
		h := w.routes[key]
		w.mu.Unlock()
		if h == nil {
			http.NotFound(rw, r)
			return
		}
		h(rw, r)
	}))
	t.Cleanup(w.srv.Close)
	ap := netip.MustParseAddrPort(strings.TrimPrefix(w.srv.URL, "https://"))
	roots := x509.NewCertPool()
	roots.AddCert(w.srv.Certificate())
	public := "93.184.215.14"
	w.fetch = outbound.New(outbound.Config{
		RootCAs: roots,
		Resolver: dns{"uni.example.com": public, "redir.example.com": public, "evil.example.com": public,
			"intranet.example.com": "10.0.0.7", "metadata.example.com": "169.254.169.254", "loop.example.com": "127.0.0.1"},
		Permit:  func(a netip.AddrPort) bool { return a == ap },
		Rewrite: func(netip.AddrPort) netip.AddrPort { return ap },
	})
	return w
}

func (w *web) handle(hostPath string, h http.HandlerFunc) {
	w.mu.Lock()
	w.routes[hostPath] = h
	w.mu.Unlock()
}

func (w *web) count(hostPath string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.hits[hostPath]
}

// hostHits counts the requests that reached host.
func (w *web) hostHits(host string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for k, v := range w.hits {
		if strings.HasPrefix(k, host+"/") {
			n += v
		}
	}
	return n
}

// newFixtureAt is newFixture for an issuer at base.
func newFixtureAt(t *testing.T, base string) *fixture {
	t.Helper()
	ring, err := keyring.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k, err := ring.Generate(keyring.ES256)
	if err != nil {
		t.Fatal(err)
	}
	id := issuer.Identity{BaseURL: base, Name: credential.Text{"kk": "Шетел университеті"}, DefaultLang: "kk", Scale: credential.DefaultGradeScale()}
	signer, err := keyring.NewSigner(k, id.VerificationMethod(k.KID))
	if err != nil {
		t.Fatal(err)
	}
	p := &credential.Program{RegistrationNumber: "MQ-2026-0001", Version: 1, Status: credential.ProgramActive, Kind: credential.KindMicroqualification,
		Name: credential.Text{"kk": "Python"}, Hours: 90, Credits: 3, NQFLevel: 6,
		Competencies: []credential.Competency{{Code: "LO1", Title: credential.Text{"kk": "Деректер"}}}}
	is, err := issuer.New(id, &memStore{prog: p}, signer, issuer.WithClock(func() time.Time { return time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC) }))
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{ring: ring, signer: signer, id: id, is: is}
}

// publish serves f's JWKS and revocation list 1 (revoked indexes, valid
// until until) on host.
func (w *web) publish(t *testing.T, host string, f *fixture, until time.Time, revoked ...int) {
	w.handle(host+"/.well-known/jwks.json", func(rw http.ResponseWriter, r *http.Request) {
		var set jose.JSONWebKeySet
		for _, k := range f.ring.Keys() {
			set.Keys = append(set.Keys, k.Public(f.id.KeyURL(k.KID)))
		}
		rw.Header().Set("Cache-Control", "public, max-age=300")
		_ = json.NewEncoder(rw).Encode(set)
	})
	// The issuer is its did:web (tanu issues so since Data Integrity): its
	// DID document lists the same keys under assertionMethod.
	w.handle(host+"/.well-known/did.json", func(rw http.ResponseWriter, r *http.Request) {
		did := f.id.DID()
		var vms, refs []any
		for _, k := range f.ring.Keys() {
			vms = append(vms, map[string]any{"id": f.id.VerificationMethod(k.KID), "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": k.Public("")})
			refs = append(refs, f.id.VerificationMethod(k.KID))
		}
		rw.Header().Set("Cache-Control", "public, max-age=300")
		_ = json.NewEncoder(rw).Encode(map[string]any{"id": did, "verificationMethod": vms, "assertionMethod": refs})
	})
	w.handle(host+"/status/revocation-1", func(rw http.ResponseWriter, r *http.Request) {
		jws, err := f.is.StatusListCredential("revocation", 1, statuslist.MinEntries, revoked, until)
		if err != nil {
			t.Error(err)
		}
		_, _ = rw.Write([]byte(jws))
	})
}

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// remoteVerifier verifies other issuers' credentials through w.
func (w *web) verifier(t *testing.T, clk *clock) *verifier.Verifier {
	keys := &verifier.HTTPKeys{Fetcher: w.fetch, Now: clk.now}
	v, err := verifier.New(keys, verifier.WithClock(clk.now), verifier.WithCacheSize(0),
		verifier.WithStatus(&verifier.StatusLists{Keys: keys, Fetcher: w.fetch, Now: clk.now}))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// resign changes a credential's payload and signs it with signer.
func resign(t *testing.T, jws string, signer *keyring.Signer, mutate func(map[string]any)) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(part(t, jws, 1), &m); err != nil {
		t.Fatal(err)
	}
	mutate(m)
	b, _ := json.Marshal(m)
	out, err := signer.Sign(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestForeignIssuer(t *testing.T) {
	w := newWeb(t)
	f := newFixtureAt(t, "https://uni.example.com")
	w.publish(t, "uni.example.com", f, verifyNow.Add(48*time.Hour))
	jws := f.issue(t, nil)
	clk := &clock{t: verifyNow}
	v := w.verifier(t, clk)
	r := v.VerifyJWS(context.Background(), jws)
	if !r.Verified || r.Status != verifier.StatusValid {
		t.Fatalf("a genuine foreign credential: %s %+v", r.Status, r.Checks)
	}
	// Key set and list are kept for their lifetime (max-age 300 s, ttl 5 min)…
	for range 3 {
		if r := v.VerifyJWS(context.Background(), jws); !r.Verified {
			t.Fatalf("again: %s", r.Status)
		}
	}
	if a, b := w.count("uni.example.com/.well-known/did.json"), w.count("uni.example.com/status/revocation-1"); a != 1 || b != 1 {
		t.Fatalf("fetched the key set %d and the list %d times, want once each", a, b)
	}
	// …and fetched again after it.
	clk.add(6 * time.Minute)
	if r := v.VerifyJWS(context.Background(), jws); !r.Verified {
		t.Fatalf("after the ttl: %s %+v", r.Status, r.Checks)
	}
	if b := w.count("uni.example.com/status/revocation-1"); b != 2 {
		t.Fatalf("list fetched %d times after its ttl, want 2", b)
	}
	// Revoked in the published list.
	w.publish(t, "uni.example.com", f, verifyNow.Add(48*time.Hour), 7)
	if r := w.verifier(t, clk).VerifyJWS(context.Background(), jws); r.Status != verifier.StatusRevoked || r.Verified {
		t.Fatalf("revoked: %s", r.Status)
	}
}

// TestForeignKeyOnlyFromKeySet: a key the issuer's key set does not list is
// refused, wherever the kid points (a file on the issuer's host, a host an
// open redirect leads to), and is never fetched.
func TestForeignKeyOnlyFromKeySet(t *testing.T) {
	w := newWeb(t)
	f := newFixtureAt(t, "https://uni.example.com")
	w.publish(t, "uni.example.com", f, verifyNow.Add(48*time.Hour))
	good := f.issue(t, nil)
	clk := &clock{t: verifyNow}

	// An attacker who can put a file on the university's web site.
	attacker := newFixtureAt(t, "https://evil.example.com")
	evilKey := attacker.ring.Keys()[0]
	w.handle("uni.example.com/uploads/key.json", func(rw http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(rw).Encode(evilKey.Public("https://uni.example.com/uploads/key.json"))
	})
	onHost, _ := keyring.NewSigner(evilKey, "https://uni.example.com/uploads/key.json")
	forged := resign(t, good, onHost, func(m map[string]any) {})
	if r := w.verifier(t, clk).VerifyJWS(context.Background(), forged); r.Verified || r.Status != verifier.StatusInvalid {
		t.Fatalf("kid at an arbitrary path on the issuer's host: %s %+v", r.Status, r.Checks)
	}
	if n := w.count("uni.example.com/uploads/key.json"); n != 0 {
		t.Fatalf("the kid URL was fetched %d times", n)
	}

	// An issuer whose key set location redirects to another host.
	redir := newFixtureAt(t, "https://redir.example.com")
	w.handle("redir.example.com/.well-known/did.json", func(rw http.ResponseWriter, r *http.Request) {
		http.Redirect(rw, r, "https://evil.example.com/.well-known/did.json", http.StatusFound)
	})
	w.publish(t, "evil.example.com", redir, verifyNow.Add(48*time.Hour))
	viaRedirect := redir.issue(t, nil)
	r := w.verifier(t, clk).VerifyJWS(context.Background(), viaRedirect)
	if r.Verified || r.Status != verifier.StatusInvalid {
		t.Fatalf("key set behind a cross-host redirect: %s %+v", r.Status, r.Checks)
	}
	if n := w.hostHits("evil.example.com"); n != 0 {
		t.Fatalf("the redirect target was fetched %d times", n)
	}
	if w.count("redir.example.com/.well-known/did.json") != 1 {
		t.Fatal("the issuer's key set location was not asked")
	}
}

// TestForeignIssuerInternalAddress: issuers whose names or addresses are
// internal are refused before any connection; the caller is told "could
// not reach the issuer", nothing more.
func TestForeignIssuerInternalAddress(t *testing.T) {
	for _, host := range []string{"intranet.example.com", "metadata.example.com", "loop.example.com", "127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "10.0.0.8"} {
		t.Run(host, func(t *testing.T) {
			w := newWeb(t)
			f := newFixtureAt(t, "https://"+host)
			w.publish(t, strings.Trim(host, "[]"), f, verifyNow.Add(48*time.Hour))
			w.publish(t, host, f, verifyNow.Add(48*time.Hour))
			r := w.verifier(t, &clock{t: verifyNow}).VerifyJWS(context.Background(), f.issue(t, nil))
			if r.Verified || r.Status == verifier.StatusValid {
				t.Fatalf("issuer at %s: %s", host, r.Status)
			}
			last := r.Checks[len(r.Checks)-1]
			if last.Code != verifier.CodeIssuerUnreachable || !strings.Contains(last.Detail, "could not reach the issuer") ||
				strings.Contains(last.Detail, "10.0.0.7") || strings.Contains(last.Detail, "169.254") || strings.Contains(last.Detail, "refused") {
				t.Fatalf("check %+v", last)
			}
			w.mu.Lock()
			defer w.mu.Unlock()
			if len(w.hits) != 0 {
				t.Fatalf("reached: %v", w.hits)
			}
		})
	}
}

// TestForeignStatusListChecks: a list that lapsed, is not yet valid, has
// another id than its URL, or lives on another origin makes the status
// unknown, never valid.
func TestForeignStatusListChecks(t *testing.T) {
	w := newWeb(t)
	f := newFixtureAt(t, "https://uni.example.com")
	good := f.issue(t, nil)
	clk := &clock{t: verifyNow}
	later, err := issuer.New(f.id, &memStore{}, f.signer, issuer.WithClock(func() time.Time { return verifyNow.Add(48 * time.Hour) }))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		list  func() (string, error)
		token string
	}{
		{"lapsed validUntil", func() (string, error) {
			return f.is.StatusListCredential("revocation", 1, statuslist.MinEntries, nil, verifyNow.Add(-2*time.Hour))
		}, good},
		{"not yet valid", func() (string, error) {
			return later.StatusListCredential("revocation", 1, statuslist.MinEntries, nil, verifyNow.Add(72*time.Hour))
		}, good},
		{"id of another list", func() (string, error) {
			return f.is.StatusListCredential("revocation", 2, statuslist.MinEntries, nil, verifyNow.Add(48*time.Hour))
		}, good},
		{"list on another origin", func() (string, error) {
			return f.is.StatusListCredential("revocation", 1, statuslist.MinEntries, nil, verifyNow.Add(48*time.Hour))
		}, resign(t, good, f.signer, func(m map[string]any) {
			m["credentialStatus"].(map[string]any)["statusListCredential"] = "https://evil.example.com/status/revocation-1"
		})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w.publish(t, "uni.example.com", f, verifyNow.Add(48*time.Hour))
			serve := func(rw http.ResponseWriter, r *http.Request) {
				jws, err := tc.list()
				if err != nil {
					t.Error(err)
				}
				_, _ = rw.Write([]byte(jws))
			}
			w.handle("uni.example.com/status/revocation-1", serve)
			w.handle("evil.example.com/status/revocation-1", serve)
			r := w.verifier(t, clk).VerifyJWS(context.Background(), tc.token)
			if r.Verified || r.Status != verifier.StatusUnknown {
				t.Fatalf("%s: %s %+v", tc.name, r.Status, r.Checks)
			}
			if w.count("evil.example.com/status/revocation-1") != 0 {
				t.Fatal("a list on another origin was fetched")
			}
		})
	}
}

// TestForeignDIDWeb: a did:web issuer's keys come from its DID document's
// assertionMethod.
func TestForeignDIDWeb(t *testing.T) {
	w := newWeb(t)
	f := newFixtureAt(t, "https://uni.example.com")
	did := "did:web:uni.example.com"
	k := f.ring.Keys()[0]
	pub := k.Public("")
	signer, _ := keyring.NewSigner(k, did+"#"+k.KID)
	other, _ := keyring.NewSigner(newFixtureAt(t, "https://x.example.com").ring.Keys()[0], did+"#not-asserted")
	otherPub := other.Key().Public("")
	w.handle("uni.example.com/.well-known/did.json", func(rw http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(rw).Encode(map[string]any{
			"id": did,
			"verificationMethod": []any{
				map[string]any{"id": did + "#" + k.KID, "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": pub},
				map[string]any{"id": "#not-asserted", "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": otherPub},
			},
			"assertionMethod": []string{"#" + k.KID},
		})
	})
	asDID := func(s *keyring.Signer) string {
		return resign(t, f.issue(t, nil), s, func(m map[string]any) {
			m["iss"] = did
			m["issuer"].(map[string]any)["id"] = did
			delete(m, "credentialStatus")
		})
	}
	clk := &clock{t: verifyNow}
	if r := w.verifier(t, clk).VerifyJWS(context.Background(), asDID(signer)); !r.Verified {
		t.Fatalf("did:web issuer: %s %+v", r.Status, r.Checks)
	}
	if r := w.verifier(t, clk).VerifyJWS(context.Background(), asDID(other)); r.Verified || r.Status != verifier.StatusInvalid {
		t.Fatalf("a key not in assertionMethod: %s", r.Status)
	}
}

package verifier_test

import (
	"context"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/keyring"
	"github.com/tanu-edu/tanu/verifier"
)

// twoIssuers trusts the keys of both fixtures, each for its own issuer id.
type twoIssuers struct{ a, b verifier.Keys }

func (k twoIssuers) Key(ctx context.Context, iss, kid string) (*jose.JSONWebKey, error) {
	if key, err := k.a.Key(ctx, iss, kid); err == nil {
		return key, nil
	}
	return k.b.Key(ctx, iss, kid)
}

// ownRegistry holds the credentials of one issuer.
type ownRegistry struct {
	issuerID string
	jws      map[string]string
}

func (r ownRegistry) Lookup(_ context.Context, iss, id string) (string, bool, error) {
	if iss != r.issuerID {
		return "", false, nil
	}
	if j, ok := r.jws[id]; ok {
		return j, true, nil
	}
	return "", true, credential.Errorf(credential.CodeNotFound, "no %s", id)
}

// TestForeignIssuerWithOurName: a genuine credential from another issuer
// whose self-asserted name equals ours is valid but not ours: its verdict
// is "foreign", in_registry is false and its issuer id is reported; our
// own credential is "valid" and in the registry.
func TestForeignIssuerWithOurName(t *testing.T) {
	ours := newFixture(t)
	theirs := newNamesakeAt(t, "https://imposter.example.org")
	if ours.id.Name.Get("kk") != theirs.id.Name.Get("kk") {
		t.Fatal("the fixtures should share a name")
	}
	own := ours.issue(t, nil)
	foreign := theirs.issue(t, nil)
	var p struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(part(t, own, 1), &p)
	v, err := verifier.New(twoIssuers{ours.keys(), theirs.keys()},
		verifier.WithRegistry(ownRegistry{issuerID: ours.id.IssuerID(), jws: map[string]string{p.ID: own}}),
		verifier.WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	if err != nil {
		t.Fatal(err)
	}
	r := v.VerifyJWS(context.Background(), foreign)
	if r.Status != verifier.StatusValid || r.Verdict != verifier.VerdictForeign || r.InRegistry || r.IssuerID != theirs.id.IssuerID() {
		t.Errorf("foreign: status %s verdict %s in_registry %v issuer %s", r.Status, r.Verdict, r.InRegistry, r.IssuerID)
	}
	b, _ := json.Marshal(r)
	if !strings.Contains(string(b), `"in_registry":false`) || !strings.Contains(string(b), `"issuer_id":"did:web:imposter.example.org"`) {
		t.Errorf("foreign JSON: %s", b)
	}
	r = v.VerifyJWS(context.Background(), own)
	if r.Status != verifier.StatusValid || r.Verdict != verifier.StatusValid || !r.InRegistry || r.IssuerID != ours.id.IssuerID() {
		t.Errorf("own: status %s verdict %s in_registry %v issuer %s", r.Status, r.Verdict, r.InRegistry, r.IssuerID)
	}
}

// newNamesakeAt is newFixture for an issuer at another address with the
// same name.
func newNamesakeAt(t *testing.T, baseURL string) *fixture {
	f := newFixture(t)
	id := f.id
	id.BaseURL = baseURL
	k, err := f.ring.Active()
	if err != nil {
		t.Fatal(err)
	}
	signer, err := keyring.NewSigner(k, id.KeyURL(k.KID))
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
	return &fixture{ring: f.ring, signer: signer, id: id, is: is}
}

// TestCacheBoundedByBytes: distinct large valid credentials (an attacker
// running an issuer can mint any number) do not pile up in the cache:
// what it keeps alive stays within its byte budget.
func TestCacheBoundedByBytes(t *testing.T) {
	f := newFixture(t)
	good := f.issue(t, nil)
	var payload map[string]any
	if err := json.Unmarshal(part(t, good, 1), &payload); err != nil {
		t.Fatal(err)
	}
	const budget = 2 << 20
	v, err := verifier.New(f.keys(), verifier.WithCacheBytes(budget), verifier.WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	if err != nil {
		t.Fatal(err)
	}
	filler := strings.Repeat("x", 40<<10)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range 200 { // 200 × ~55 KB of tokens: 11 MB, five times the budget
		payload["description"] = filler + strings.Repeat("y", i)
		b, _ := json.Marshal(payload)
		jws, err := f.signer.Sign(b)
		if err != nil {
			t.Fatal(err)
		}
		if r := v.VerifyJWS(context.Background(), jws); !r.Verified {
			t.Fatalf("credential %d: %s %+v", i, r.Status, r.Checks)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 3*budget {
		t.Errorf("the cache keeps %d MiB alive, budget %d MiB", grown>>20, budget>>20)
	}
}

// TestExtractLimits: each kind of credential has its own explicit cap; a
// JSON body is never decoded beyond it; text without a credential is no
// verdict.
func TestExtractLimits(t *testing.T) {
	ctx := context.Background()
	big := `{"id":"urn:uuid:1","x":"` + strings.Repeat("a", verifier.MaxCredentialBytes) + `"}`
	if _, err := verifier.Extract(ctx, []byte(big)); !errors.Is(err, verifier.ErrTooLarge) {
		t.Errorf("oversized JSON: %v", err)
	}
	if _, err := verifier.Extract(ctx, make([]byte, verifier.MaxFileBytes+1)); !errors.Is(err, verifier.ErrTooLarge) {
		t.Errorf("oversized file: %v", err)
	}
	for name, in := range map[string]string{"empty": "", "blank": " \n ", "jpeg photo": "\xff\xd8\xff\xe0\x00\x10JFIF\x00"} {
		if _, err := verifier.Extract(ctx, []byte(in)); !errors.Is(err, verifier.ErrNoCredential) {
			t.Errorf("%s: %v", name, err)
		}
	}
	f := newFixture(t)
	jws := f.issue(t, nil)
	for name, in := range map[string]string{
		"compact":          jws,
		"wrapper":          `{"jws":"` + jws + `"}`,
		"proof array":      `{"id":"urn:uuid:x","proof":[{"type":"JwtProof2020","jwt":"` + jws + `"}]}`,
		"proof object":     `{"id":"urn:uuid:x","proof":{"type":"JwtProof2020","jwt":"` + jws + `"}}`,
		"quoted":           `"` + jws + `"`,
		"compactJwsString": `{"compactJwsString":"` + jws + `"}`,
	} {
		x, err := verifier.Extract(ctx, []byte(in))
		if err != nil || x.JWS != jws {
			t.Errorf("%s: %+v %v", name, x, err)
		}
	}
	for in, want := range map[string]string{
		"https://credentials.example.edu/c/5F0C7F0E-3B1D-4F6A-9A53-2D7C1E8B9A41": "url:https://credentials.example.edu/c/5F0C7F0E-3B1D-4F6A-9A53-2D7C1E8B9A41",
		"urn:uuid:5f0c7f0e-3b1d-4f6a-9a53-2d7c1e8b9a41":                          "id:5f0c7f0e-3b1d-4f6a-9a53-2d7c1e8b9a41",
		"№ 000042": "number:000042",
		"000042":   "number:000042",
	} {
		x, err := verifier.Extract(ctx, []byte(in))
		if err != nil || x.Kind != verifier.KindReference || x.Reference != want {
			t.Errorf("%s: %+v %v", in, x, err)
		}
	}
}

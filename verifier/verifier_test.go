package verifier_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/keyring"
	"github.com/tanu-edu/tanu/verifier"
)

const base = "https://credentials.example.edu"

// memStore is an in-memory issuer.Store.
type memStore struct {
	prog *credential.Program
	recs []*credential.Record
}

func (m *memStore) Program(ctx context.Context, regno string, v int) (*credential.Program, error) {
	return m.prog, nil
}

func (m *memStore) IssueAwards(ctx context.Context, keys []string, build credential.BuildFunc) ([]credential.Outcome, error) {
	out := make([]credential.Outcome, len(keys))
	for i := range keys {
		n := len(m.recs) + 1
		r, err := build(i, credential.Numbers{Certificate: int64(n), Book: "2026/000001", StatusList: 1, StatusIndex: 7}, time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC))
		if err != nil {
			return nil, err
		}
		m.recs = append(m.recs, r)
		out[i] = credential.Outcome{Record: r}
	}
	return out, nil
}

type fixture struct {
	ring   *keyring.Ring
	signer *keyring.Signer
	id     issuer.Identity
	is     *issuer.Issuer
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ring, err := keyring.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k, err := ring.Generate(keyring.ES256)
	if err != nil {
		t.Fatal(err)
	}
	id := issuer.Identity{BaseURL: base, Name: credential.Text{"kk": "Үлгі университеті"}, DefaultLang: "kk", Scale: credential.DefaultGradeScale()}
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
	return &fixture{ring: ring, signer: signer, id: id, is: is}
}

func (f *fixture) issue(t *testing.T, mod func(*issuer.Request)) string {
	t.Helper()
	r := issuer.Request{Program: "MQ-2026-0001", StudentID: "S1", FamilyName: "Жұмабекова", GivenName: "Мөлдір",
		DateFrom: "2026-02-02", DateTo: "2026-04-24", DecisionDate: "2026-05-06", Grades: map[string]any{"LO1": 86}}
	if mod != nil {
		mod(&r)
	}
	res, err := f.is.Issue(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	return res.Record.JWS
}

// keysOf trusts exactly the fixture's published keys.
func (f *fixture) keys() verifier.Keys {
	return &verifier.LocalKeys{IssuerID: f.id.IssuerID(), Load: func(context.Context) ([]jose.JSONWebKey, error) {
		var out []jose.JSONWebKey
		for _, k := range f.ring.Keys() {
			out = append(out, k.Public(f.id.KeyURL(k.KID)))
		}
		return out, nil
	}}
}

func (f *fixture) verifier(t *testing.T, now time.Time) *verifier.Verifier {
	v, err := verifier.New(f.keys(), verifier.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func part(t *testing.T, jws string, i int) []byte {
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(jws, ".")[i])
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestVerifyValid(t *testing.T) {
	f := newFixture(t)
	jws := f.issue(t, nil)
	r := f.verifier(t, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)).VerifyJWS(context.Background(), jws)
	if !r.Verified || r.Status != verifier.StatusValid {
		t.Fatalf("got %s %+v", r.Status, r.Checks)
	}
	if r.Credential.Holder != "Жұмабекова Мөлдір" || r.Credential.Program != "MQ-2026-0001" {
		t.Fatalf("summary %+v", r.Credential)
	}
}

// TestVerifyRejects: every kind of forgery verifies as invalid (or expired),
// never as valid, and never panics.
func TestVerifyRejects(t *testing.T) {
	f := newFixture(t)
	good := f.issue(t, nil)
	expiring := f.issue(t, func(r *issuer.Request) { r.StudentID = "S2"; r.ValidUntil = "2026-05-31" })
	other := newFixture(t) // another issuer with its own key
	otherJWS := other.issue(t, nil)
	hdr, pl, sig := strings.Split(good, ".")[0], strings.Split(good, ".")[1], strings.Split(good, ".")[2]

	tampered := func() string {
		var m map[string]any
		_ = json.Unmarshal(part(t, good, 1), &m)
		subj := m["credentialSubject"].(map[string]any)
		subj["identifier"].([]any)[0].(map[string]any)["identityHash"] = "Someone Else"
		b, _ := json.Marshal(m)
		return hdr + "." + b64(b) + "." + sig
	}()
	algNone := b64([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + pl + "."
	unknownKid := func() string {
		var h map[string]any
		_ = json.Unmarshal(part(t, good, 0), &h)
		h["kid"] = f.id.KeyURL("not-a-published-key")
		b, _ := json.Marshal(h)
		return b64(b) + "." + pl + "." + sig
	}()
	// Signed with a stranger's key but claiming our kid.
	strangerKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	forged := func() string {
		s, _ := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: jose.JSONWebKey{Key: strangerKey, KeyID: f.signer.KID()}}, (&jose.SignerOptions{}).WithType("JWT"))
		o, _ := s.Sign(part(t, good, 1))
		c, _ := o.CompactSerialize()
		return c
	}()
	// Another issuer's genuine credential relabelled as ours.
	relabelled := strings.Split(otherJWS, ".")[0] + "." + pl + "." + strings.Split(otherJWS, ".")[2]
	hs256 := func() string {
		s, _ := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: []byte("0123456789abcdef0123456789abcdef")}, (&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", f.signer.KID()))
		o, _ := s.Sign(part(t, good, 1))
		c, _ := o.CompactSerialize()
		return c
	}()
	otherSig := otherJWS[strings.LastIndex(otherJWS, ".")+1:]

	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	v := f.verifier(t, now)
	tests := []struct {
		name, token, want string
	}{
		{"tampered payload", tampered, verifier.StatusInvalid},
		{"swapped signature", hdr + "." + pl + "." + otherSig, verifier.StatusInvalid},
		{"alg none", algNone, verifier.StatusInvalid},
		{"HS256 with a guessed secret", hs256, verifier.StatusInvalid},
		{"unknown kid", unknownKid, verifier.StatusInvalid},
		{"stranger's key under our kid", forged, verifier.StatusInvalid},
		{"other issuer's signature relabelled", relabelled, verifier.StatusInvalid},
		{"other issuer's credential, its key unknown here", otherJWS, verifier.StatusInvalid},
		{"expired", expiring, verifier.StatusExpired},
		{"empty", "", verifier.StatusInvalid},
		{"garbage", "a.b.c", verifier.StatusInvalid},
		{"two parts", hdr + "." + pl, verifier.StatusInvalid},
		{"truncated signature", good[:len(good)-10], verifier.StatusInvalid},
		{"huge", strings.Repeat("A", verifier.MaxTokenBytes+1), verifier.StatusInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := v.VerifyJWS(context.Background(), tc.token)
			if r.Verified || r.Status != tc.want {
				t.Fatalf("status %s verified %v, want %s: %+v", r.Status, r.Verified, tc.want, r.Checks)
			}
		})
	}
}

func TestVerifyNotYetValid(t *testing.T) {
	f := newFixture(t)
	jws := f.issue(t, nil)
	r := f.verifier(t, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).VerifyJWS(context.Background(), jws)
	if r.Verified || r.Status != verifier.StatusInvalid {
		t.Fatalf("before validFrom: %s", r.Status)
	}
}

func TestRotatedKeyStillVerifies(t *testing.T) {
	f := newFixture(t)
	old := f.issue(t, nil)
	if _, err := f.ring.Rotate(keyring.EdDSA); err != nil {
		t.Fatal(err)
	}
	r := f.verifier(t, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)).VerifyJWS(context.Background(), old)
	if !r.Verified {
		t.Fatalf("credential signed before rotation: %s %+v", r.Status, r.Checks)
	}
}

type failingStatus struct{}

func (failingStatus) Status(context.Context, *verifier.Parsed) (verifier.StatusResult, error) {
	return verifier.StatusResult{}, errors.New("status list unreachable")
}

func TestStatusUnknownIsNeverValid(t *testing.T) {
	f := newFixture(t)
	jws := f.issue(t, nil)
	v, _ := verifier.New(f.keys(), verifier.WithStatus(failingStatus{}), verifier.WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	r := v.VerifyJWS(context.Background(), jws)
	if r.Verified || r.Status != verifier.StatusUnknown {
		t.Fatalf("unreachable status list gave %s verified=%v", r.Status, r.Verified)
	}
}

func FuzzVerifyJWS(f *testing.F) {
	fx := newFixtureF(f)
	good := fx.issueF(f)
	f.Add(good)
	f.Add("eyJhbGciOiJub25lIn0.e30.")
	f.Add("..")
	v, _ := verifier.New(fx.keys())
	f.Fuzz(func(t *testing.T, s string) {
		r := v.VerifyJWS(context.Background(), s)
		if r.Verified && strings.TrimSpace(s) != good {
			t.Fatalf("a modified token verified: %q", s)
		}
	})
}

// newFixtureF is newFixture for fuzz targets.
func newFixtureF(f *testing.F) *fixture {
	ring, _ := keyring.Open(f.TempDir())
	k, _ := ring.Generate(keyring.ES256)
	id := issuer.Identity{BaseURL: base, Name: credential.Text{"kk": "Үлгі"}, DefaultLang: "kk", Scale: credential.DefaultGradeScale()}
	signer, _ := keyring.NewSigner(k, id.KeyURL(k.KID))
	p := &credential.Program{RegistrationNumber: "MQ-2026-0001", Version: 1, Status: credential.ProgramActive, Kind: credential.KindMicroqualification,
		Name: credential.Text{"kk": "Python"}, Hours: 90, Credits: 3, NQFLevel: 6,
		Competencies: []credential.Competency{{Code: "LO1", Title: credential.Text{"kk": "Деректер"}}, {Code: "LO2", Title: credential.Text{"kk": "Талдау"}}, {Code: "LO3", Title: credential.Text{"kk": "Көрсету"}}}}
	is, _ := issuer.New(id, &memStore{prog: p}, signer)
	return &fixture{ring: ring, signer: signer, id: id, is: is}
}

func (f *fixture) issueF(tb testing.TB) string {
	res, err := f.is.Issue(context.Background(), issuer.Request{Program: "MQ-2026-0001", StudentID: "S1", FamilyName: "A", GivenName: "B",
		DateFrom: "2026-02-02", DateTo: "2026-04-24", DecisionDate: "2026-05-06", Grades: map[string]any{"LO1": 86, "LO2": 75, "LO3": "B"}})
	if err != nil {
		tb.Fatal(err)
	}
	return res.Record.JWS
}

type switchStatus struct{ status string }

func (s *switchStatus) Status(context.Context, *verifier.Parsed) (verifier.StatusResult, error) {
	return verifier.StatusResult{Status: s.status, Detail: s.status}, nil
}

// TestCacheRechecksStatus: a token whose signature was cached still gets
// its status checked on every call.
func TestCacheRechecksStatus(t *testing.T) {
	f := newFixture(t)
	jws := f.issue(t, nil)
	st := &switchStatus{status: verifier.StatusValid}
	v, _ := verifier.New(f.keys(), verifier.WithStatus(st), verifier.WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	if r := v.VerifyJWS(context.Background(), jws); r.Status != verifier.StatusValid {
		t.Fatalf("first: %s", r.Status)
	}
	st.status = verifier.StatusRevoked
	r := v.VerifyJWS(context.Background(), jws)
	if r.Status != verifier.StatusRevoked || r.Verified {
		t.Fatalf("after revocation: %s", r.Status)
	}
	if len(r.Checks) != 6 && len(r.Checks) != 5 {
		t.Fatalf("checks %+v", r.Checks)
	}
}

// BenchmarkVerifyJWS measures a full verification without the cache
// (signature, claims, schema, time) and with it.
func BenchmarkVerifyJWS(b *testing.B) {
	ring, _ := keyring.Open(b.TempDir())
	k, _ := ring.Generate(keyring.ES256)
	id := issuer.Identity{BaseURL: base, Name: credential.Text{"kk": "Үлгі"}, DefaultLang: "kk", Scale: credential.DefaultGradeScale()}
	signer, _ := keyring.NewSigner(k, id.KeyURL(k.KID))
	p := &credential.Program{RegistrationNumber: "MQ-2026-0001", Version: 1, Status: credential.ProgramActive, Kind: credential.KindMicroqualification,
		Name: credential.Text{"kk": "Python"}, Hours: 90, Credits: 3, NQFLevel: 6,
		Competencies: []credential.Competency{{Code: "LO1", Title: credential.Text{"kk": "Деректер"}}, {Code: "LO2", Title: credential.Text{"kk": "Талдау"}}, {Code: "LO3", Title: credential.Text{"kk": "Көрсету"}}}}
	is, _ := issuer.New(id, &memStore{prog: p}, signer)
	fx := &fixture{ring: ring, signer: signer, id: id, is: is}
	jws := fx.issueF(b)
	for _, size := range []int{0, 4096} {
		name := "nocache"
		if size > 0 {
			name = "cached"
		}
		b.Run(name, func(b *testing.B) {
			v, _ := verifier.New(fx.keys(), verifier.WithCacheSize(size))
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if r := v.VerifyJWS(ctx, jws); !r.Verified {
					b.Fatal(r.Status)
				}
			}
		})
	}
}

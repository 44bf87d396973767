package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/keyring"
	"github.com/tanu-edu/tanu/verifier"
)

// failingBody is a request body that breaks off with err after a few bytes,
// as a client that disconnects or stalls does.
type failingBody struct {
	sent bool
	err  error
}

func (b *failingBody) Read(p []byte) (int, error) {
	if !b.sent {
		b.sent = true
		return copy(p, "eyJhbGciOi"), nil
	}
	return 0, b.err
}

func (b *failingBody) Close() error { return nil }

// TestClientFaultsAreNotServerErrors: a body the client cuts off answers
// 400 and one that stalls past the read deadline 408, in the error shape,
// and neither is logged at ERROR.
func TestClientFaultsAreNotServerErrors(t *testing.T) {
	var logs bytes.Buffer
	s, err := newServer(Config{}, Services{Issuer: openapiStubIssuer{}, Log: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		err  error
		want int
	}{
		{io.ErrUnexpectedEOF, http.StatusBadRequest},
		{os.ErrDeadlineExceeded, http.StatusRequestTimeout},
	} {
		logs.Reset()
		req := httptest.NewRequest("POST", "/api/v1/verify", nil)
		req.Body = &failingBody{err: tc.err}
		req.ContentLength = 5000
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		var body errorBody
		if w.Code != tc.want || json.Unmarshal(w.Body.Bytes(), &body) != nil || body.Error.Code == "" || body.Error.Code == credential.CodeInternal {
			t.Errorf("%v: %d %s", tc.err, w.Code, w.Body)
		}
		if strings.Contains(logs.String(), "level=ERROR") {
			t.Errorf("%v logged at ERROR:\n%s", tc.err, logs.String())
		}
	}
}

// memIssuerStore is the least an issuer needs to sign in a test.
type memIssuerStore struct{ prog *credential.Program }

func (m memIssuerStore) Program(context.Context, string, int) (*credential.Program, error) {
	return m.prog, nil
}

func (m memIssuerStore) IssueAwards(_ context.Context, keys []string, build credential.BuildFunc) ([]credential.Outcome, error) {
	out := make([]credential.Outcome, len(keys))
	for i := range keys {
		r, err := build(i, credential.Numbers{Certificate: int64(i + 1), Book: "MQ-2026-000001", StatusList: 1, StatusIndex: i}, time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC))
		if err != nil {
			return nil, err
		}
		out[i] = credential.Outcome{Record: r}
	}
	return out, nil
}

// testIssuer is a real issuer at base, named like every other test issuer.
func testIssuer(t *testing.T, base string) (*issuer.Issuer, *verifier.LocalKeys) {
	t.Helper()
	ring, err := keyring.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k, err := ring.Generate(keyring.ES256)
	if err != nil {
		t.Fatal(err)
	}
	id := issuer.Identity{BaseURL: base, Name: credential.Text{"kk": "Үлгі университеті", "ru": "Примерный университет", "en": "Sample University"},
		DefaultLang: "kk", Scale: credential.DefaultGradeScale()}
	signer, err := keyring.NewSigner(k, id.KeyURL(k.KID))
	if err != nil {
		t.Fatal(err)
	}
	p := &credential.Program{RegistrationNumber: "MQ-2026-0001", Version: 1, Status: credential.ProgramActive, Kind: credential.KindMicroqualification,
		Name: credential.Text{"kk": "Python"}, Hours: 90, Credits: 3, NQFLevel: 6,
		Competencies: []credential.Competency{{Code: "LO1", Title: credential.Text{"kk": "Деректер"}}}}
	is, err := issuer.New(id, memIssuerStore{prog: p}, signer, issuer.WithClock(func() time.Time { return time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC) }))
	if err != nil {
		t.Fatal(err)
	}
	keys := &verifier.LocalKeys{IssuerID: id.IssuerID(), Load: func(context.Context) ([]jose.JSONWebKey, error) {
		return []jose.JSONWebKey{k.Public(id.KeyURL(k.KID))}, nil
	}}
	return is, keys
}

type keysOf []verifier.Keys

func (ks keysOf) Key(ctx context.Context, iss, kid string) (*jose.JSONWebKey, error) {
	var err error
	for _, k := range ks {
		var key *jose.JSONWebKey
		if key, err = k.Key(ctx, iss, kid); err == nil {
			return key, nil
		}
	}
	return nil, err
}

// onlyOurs is a registry that holds no credentials but knows its issuer.
type onlyOurs string

func (o onlyOurs) Lookup(_ context.Context, iss, id string) (string, bool, error) {
	if iss != string(o) {
		return "", false, nil
	}
	return "", true, credential.Errorf(credential.CodeNotFound, "no %s", id)
}

// TestForeignCredentialPage: a genuine credential of another issuer that
// calls itself by our name is not shown as ours: the page names its
// issuer's domain, says it was issued by another organization, and never
// says it is in the registry; the JSON says in_registry false.
func TestForeignCredentialPage(t *testing.T) {
	ours, ourKeys := testIssuer(t, "https://credentials.example.edu")
	theirs, theirKeys := testIssuer(t, "https://imposter.example.org")
	res, err := theirs.Issue(context.Background(), issuer.Request{Program: "MQ-2026-0001", StudentID: "S1", FamilyName: "Жұмабекова", GivenName: "Мөлдір",
		DateFrom: "2026-02-02", DateTo: "2026-04-24", DecisionDate: "2026-05-06", Grades: map[string]any{"LO1": 86}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := verifier.New(keysOf{ourKeys, theirKeys}, verifier.WithRegistry(onlyOurs(ours.Identity().IssuerID())),
		verifier.WithClock(func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }))
	if err != nil {
		t.Fatal(err)
	}
	s, err := newServer(Config{}, Services{Issuer: ours, Verifier: v, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	post := func(accept, lang string) (int, string) {
		req := httptest.NewRequest("POST", "/api/v1/verify?lang="+lang, strings.NewReader(res.Record.JWS))
		req.Header.Set("Accept", accept)
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		return w.Code, w.Body.String()
	}
	code, body := post("application/json", "en")
	if code != 200 || !strings.Contains(body, `"verdict":"foreign"`) || !strings.Contains(body, `"in_registry":false`) || !strings.Contains(body, `"issuer_id":"did:web:imposter.example.org"`) {
		t.Errorf("JSON: %d %s", code, body)
	}
	for lang, want := range map[string]struct{ says, never string }{
		"kk": {"басқа ұйым берген", "тізілімде бар"},
		"ru": {"выдан другой организацией", "есть в реестре"},
		"en": {"signed by another issuer", "is in the registry"},
	} {
		code, page := post("text/html", lang)
		if code != 200 || !strings.Contains(page, want.says) || strings.Contains(page, want.never) || !strings.Contains(page, "<code>imposter.example.org</code>") ||
			!strings.Contains(page, `class="verdict v-foreign"`) {
			t.Errorf("%s page: %d\n%s", lang, code, page)
		}
	}
}

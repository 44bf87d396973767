package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/internal/app/apptest"
	"github.com/tanu-edu/tanu/keyring"
	"github.com/tanu-edu/tanu/verifier"
)

// TestDataIntegrityVerifiedByTanu: credential.json carries an
// eddsa-rdfc-2022 proof by a Multikey of the did:web document; tanu's own
// verifier (POST /api/v1/verify) gives it the verdicts a JWT gets: valid,
// invalid when tampered, revoked once revoked. The API form carries it too.
func TestDataIntegrityVerifiedByTanu(t *testing.T) {
	forEachEngine(t, func(t *testing.T, h *apptest.Harness) {
		regno := createProgram(t, h)
		c := issue(t, h, regno, "S22633920")
		did := h.App.Issuer.Identity().DID()
		_, doc := h.Do(t, "", "GET", "/c/"+c.ID+"/credential.json", "", nil)
		var m struct {
			Issuer struct{ ID, Name string }
			Proof  []struct{ Type, Cryptosuite, VerificationMethod, ProofPurpose, ProofValue string }
		}
		if err := json.Unmarshal(doc, &m); err != nil || len(m.Proof) != 1 {
			t.Fatalf("credential.json: %v %s", err, doc)
		}
		p := m.Proof[0]
		if m.Issuer.ID != did || p.Type != "DataIntegrityProof" || p.Cryptosuite != "eddsa-rdfc-2022" ||
			p.ProofPurpose != "assertionMethod" || !strings.HasPrefix(p.VerificationMethod, did+"#") || !strings.HasPrefix(p.ProofValue, "z") {
			t.Fatalf("proof %+v of issuer %s", p, m.Issuer.ID)
		}
		// The verification method is a Multikey under assertionMethod; the
		// JWKS has the same key as OKP.
		_, didDoc := h.Do(t, "", "GET", "/.well-known/did.json", "", nil)
		if _, err := verifier.KeyInDIDDocument(didDoc, did, p.VerificationMethod); err != nil || !bytes.Contains(didDoc, []byte(`"Multikey"`)) {
			t.Fatalf("did.json: %v %s", err, didDoc)
		}
		_, jwks := h.Do(t, "", "GET", "/.well-known/jwks.json", "", nil)
		if !bytes.Contains(jwks, []byte(`"kty":"OKP"`)) || !bytes.Contains(jwks, []byte(p.VerificationMethod)) {
			t.Fatalf("jwks lacks the Ed25519 key: %s", jwks)
		}
		// The same bytes every time (the proof is deterministic).
		if _, again := h.Do(t, "", "GET", "/c/"+c.ID+"/credential.json", "", nil); !bytes.Equal(again, doc) {
			t.Fatal("credential.json changed between two requests")
		}
		verify := func(body []byte) verifier.Result {
			t.Helper()
			_, b := h.Do(t, "", "POST", "/api/v1/verify", "application/json", bytes.NewReader(body))
			return decode[verifier.Result](t, b)
		}
		res := verify(doc)
		if res.Status != "valid" || !res.Verified || res.Checks[0].Name != "signature" || !strings.Contains(res.Checks[0].Detail, "eddsa-rdfc-2022") {
			t.Fatalf("verify credential.json: %+v", res)
		}
		tampered := bytes.Replace(doc, []byte("Жұмабекова"), []byte("Жұмабеков"), 1)
		if res := verify(tampered); res.Status != "invalid" || res.Verified {
			t.Fatalf("tampered: %+v", res)
		}
		// A proof by a key the issuer never published.
		forged := bytes.Replace(doc, []byte(p.ProofValue), []byte("z"+strings.Repeat("1", 10)+p.ProofValue[11:]), 1)
		if res := verify(forged); res.Status != "invalid" {
			t.Fatalf("forged proof value: %+v", res)
		}
		resp, body := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+c.ID+"/revoke", "application/json", strings.NewReader(`{"reason":"issued in error"}`))
		if resp.StatusCode != 200 {
			t.Fatalf("revoke: %s", body)
		}
		if res := verify(doc); res.Status != "revoked" || res.Verified {
			t.Fatalf("revoked: %+v", res)
		}
		// The API form.
		_, body = h.Do(t, "viewer", "GET", "/api/v1/credentials/"+c.ID, "", nil)
		var api struct {
			Secured map[string]any `json:"credential_data_integrity"`
		}
		if err := json.Unmarshal(body, &api); err != nil || api.Secured["proof"] == nil {
			t.Fatalf("API form: %v %s", err, body)
		}
	})
}

// TestCredentialsIssuedBeforeTheDIDKeepVerifying stores a credential
// made the old way (issuer and iss the Profile URL, kid the key URL), as
// earlier versions of tanu stored them, and checks it still verifies and
// revokes, and that its credential.json stays the plain payload.
func TestCredentialsIssuedBeforeTheDIDKeepVerifying(t *testing.T) {
	h := apptest.Start(t, "sqlite")
	regno := createProgram(t, h)
	fresh := issue(t, h, regno, "S22633920")
	rec, err := h.App.Store.Credential(context.Background(), fresh.ID)
	if err != nil {
		t.Fatal(err)
	}
	id := h.App.Issuer.Identity()
	var pl map[string]any
	if err := credential.DecodePayload(rec.JWS, &pl); err != nil {
		t.Fatal(err)
	}
	oldID := uuid.NewString()
	pl["id"], pl["jti"] = "urn:uuid:"+oldID, "urn:uuid:"+oldID
	pl["iss"] = id.ProfileURL()
	pl["issuer"].(map[string]any)["id"] = id.ProfileURL()
	payload, _ := json.Marshal(pl)
	key, _ := h.App.Ring.Active()
	signer, _ := keyring.NewSigner(key, id.KeyURL(key.KID))
	jws, err := signer.Sign(payload)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, err = h.App.Store.IssueAwards(ctx, []string{"old-award"}, func(i int, n credential.Numbers, at time.Time) (*credential.Record, error) {
		r := *rec
		r.ID, r.AwardKey, r.JWS, r.KID, r.StudentID = oldID, "old-award", jws, signer.KID(), "S-OLD"
		r.ValidFrom = at
		return &r, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check := func(want string) {
		t.Helper()
		_, b := h.Do(t, "", "GET", "/api/v1/verify/"+oldID, "", nil)
		if res := decode[verifier.Result](t, b); res.Status != want {
			t.Fatalf("GET verify: want %s, got %s", want, b)
		}
		_, b = h.Do(t, "", "POST", "/api/v1/verify", "application/jwt", strings.NewReader(jws))
		if res := decode[verifier.Result](t, b); res.Status != want {
			t.Fatalf("POST verify: want %s, got %s", want, b)
		}
	}
	check("valid")
	verifyWithGolangJWTIssuer(t, h, jws, id.ProfileURL())
	_, doc := h.Do(t, "", "GET", "/c/"+oldID+"/credential.json", "", nil)
	if bytes.Contains(doc, []byte(`"proof"`)) || !bytes.Contains(doc, []byte(id.ProfileURL())) {
		t.Fatalf("old credential.json: %s", doc)
	}
	if resp, b := h.Do(t, "registrar", "POST", "/api/v1/credentials/"+oldID+"/revoke", "application/json", strings.NewReader(`{"reason":"x"}`)); resp.StatusCode != http.StatusOK {
		t.Fatalf("revoke: %s", b)
	}
	check("revoked")
}

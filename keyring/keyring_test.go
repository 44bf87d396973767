package keyring_test

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/keyring"
)

func TestGenerateSignVerify(t *testing.T) {
	for _, alg := range []string{keyring.ES256, keyring.EdDSA, keyring.RS256} {
		t.Run(alg, func(t *testing.T) {
			dir := t.TempDir()
			r, err := keyring.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			k, err := r.Generate(alg)
			if err != nil {
				t.Fatal(err)
			}
			st, err := os.Stat(filepath.Join(dir, k.KID+".json"))
			if err != nil || st.Mode().Perm() != 0o600 {
				t.Fatalf("key file mode %v err %v", st.Mode().Perm(), err)
			}
			s, err := keyring.NewSigner(k, "https://x.example/issuer/keys/"+k.KID)
			if err != nil {
				t.Fatal(err)
			}
			jws, err := s.Sign([]byte(`{"a":1}`))
			if err != nil {
				t.Fatal(err)
			}
			obj, err := jose.ParseSignedCompact(jws, []jose.SignatureAlgorithm{jose.SignatureAlgorithm(alg)})
			if err != nil {
				t.Fatal(err)
			}
			pub := k.Public("")
			if _, err := obj.Verify(pub.Key); err != nil {
				t.Fatal(err)
			}
			if h := obj.Signatures[0].Header; h.KeyID != s.KID() || h.ExtraHeaders["typ"] != "JWT" {
				t.Fatalf("header %+v", h)
			}
			// Reopening reads the same key.
			r2, err := keyring.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := r2.Active()
			if a.KID != k.KID || a.Alg != alg {
				t.Fatalf("reopened %s %s", a.KID, a.Alg)
			}
			if b, _ := pub.MarshalJSON(); strings.Contains(string(b), `"d"`) {
				t.Fatal("public JWK carries a private member")
			}
		})
	}
}

func TestRotateKeepsOldKeys(t *testing.T) {
	r, _ := keyring.Open(t.TempDir())
	old, _ := r.Generate(keyring.ES256)
	nk, err := r.Rotate(keyring.ES256)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := r.Active()
	if a.KID != nk.KID || len(r.Keys()) != 2 {
		t.Fatalf("active %s, %d keys", a.KID, len(r.Keys()))
	}
	for _, k := range r.Keys() {
		if k.KID == old.KID && k.Retired == nil {
			t.Fatal("old key not retired")
		}
	}
}

func TestRefusesReadableKeyFiles(t *testing.T) {
	dir := t.TempDir()
	r, _ := keyring.Open(dir)
	k, _ := r.Generate(keyring.ES256)
	if err := os.Chmod(filepath.Join(dir, k.KID+".json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := keyring.Open(dir); err == nil || !strings.Contains(err.Error(), "readable by others") {
		t.Fatalf("err %v", err)
	}
}

func TestExampleKeysAreMarked(t *testing.T) {
	r, err := keyring.Open("../keys.example")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Keys()) == 0 {
		t.Fatal("no example keys")
	}
	for _, k := range r.Keys() {
		if !k.Example {
			t.Fatalf("%s is not marked as an example key", k.KID)
		}
	}
}

func TestUnsupportedAlgorithm(t *testing.T) {
	r, _ := keyring.Open(t.TempDir())
	if _, err := r.Generate("HS256"); err == nil {
		t.Fatal("HS256 accepted")
	}
	if _, err := r.Active(); err != keyring.ErrNoKey {
		t.Fatalf("err %v", err)
	}
}

// TestDataIntegrityKeys: the Ed25519 key of Data Integrity proofs lives in
// the ring beside the JWS key, rotates and retires on its own, and survives
// reopening; the JWS key is untouched.
func TestDataIntegrityKeys(t *testing.T) {
	dir := t.TempDir()
	r, _ := keyring.Open(dir)
	jwsKey, _ := r.Generate(keyring.ES256)
	if _, err := r.GenerateFor(keyring.PurposeDataIntegrity, keyring.ES256); err == nil {
		t.Fatal("a P-256 data-integrity key was made")
	}
	if _, err := r.DataIntegritySigner(func(string) string { return "" }); !errors.Is(err, keyring.ErrNoKey) {
		t.Fatalf("no DI key: err = %v", err)
	}
	di, err := r.GenerateFor(keyring.PurposeDataIntegrity, "")
	if err != nil || di.Alg != keyring.EdDSA || di.Purpose != keyring.PurposeDataIntegrity {
		t.Fatalf("DI key %+v, %v", di, err)
	}
	if a, _ := r.Active(); a.KID != jwsKey.KID {
		t.Fatalf("the JWS key changed to %s", a.KID)
	}
	s, err := r.DataIntegritySigner(func(kid string) string { return "did:web:x.example#" + kid })
	if err != nil || s.VerificationMethod() != "did:web:x.example#"+di.KID {
		t.Fatalf("signer %v, %v", s, err)
	}
	sig, _ := s.SignEd25519([]byte("hash"))
	if !ed25519.Verify(di.PublicKey().(ed25519.PublicKey), []byte("hash"), sig) {
		t.Fatal("signature does not verify")
	}
	nd, err := r.RotateFor(keyring.PurposeDataIntegrity, "")
	if err != nil {
		t.Fatal(err)
	}
	r2, err := keyring.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]string{}
	for _, k := range r2.Keys() {
		states[k.KID] = k.Purpose + fmt.Sprint(k.Retired != nil)
	}
	want := map[string]string{jwsKey.KID: "jwsfalse", di.KID: "data-integritytrue", nd.KID: "data-integrityfalse"}
	if fmt.Sprint(states) != fmt.Sprint(want) {
		t.Fatalf("after rotation %v, want %v", states, want)
	}
	if _, err := r2.Retire(nd.KID); err != nil {
		t.Fatal(err)
	}
	if _, err := r2.ActiveFor(keyring.PurposeDataIntegrity); !errors.Is(err, keyring.ErrNoKey) {
		t.Fatalf("retired DI key still active: %v", err)
	}
	if a, _ := r2.Active(); a.KID != jwsKey.KID {
		t.Fatal("retiring the DI key touched the JWS key")
	}
}

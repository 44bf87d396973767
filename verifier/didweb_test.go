package verifier

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"testing"

	"github.com/tanu-edu/tanu/dataintegrity"
)

func TestDIDWebURL(t *testing.T) {
	for did, want := range map[string]string{
		"did:web:example.edu":              "https://example.edu/.well-known/did.json",
		"did:web:127.0.0.1%3A8080":         "https://127.0.0.1:8080/.well-known/did.json",
		"did:web:example.edu:issuers:tanu": "https://example.edu/issuers/tanu/did.json",
	} {
		if got, err := DIDWebURL(did); err != nil || got != want {
			t.Errorf("%s: %s, %v; want %s", did, got, err, want)
		}
	}
	for _, bad := range []string{"did:key:z6Mk", "did:web:", "did:web:a%2Fb"} {
		if _, err := DIDWebURL(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

// TestDIDDocumentMultikey: a did:web document's Multikey (Ed25519
// publicKeyMultibase) is an issuer key when listed under assertionMethod.
func TestDIDDocumentMultikey(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	did := "did:web:credentials.example.edu"
	doc, _ := json.Marshal(map[string]any{
		"id": did,
		"verificationMethod": []any{
			map[string]any{"id": did + "#k1", "type": "Multikey", "controller": did, "publicKeyMultibase": dataintegrity.MultikeyEd25519(pub)},
			map[string]any{"id": did + "#k2", "type": "Multikey", "controller": did, "publicKeyMultibase": dataintegrity.MultikeyEd25519(pub)},
		},
		"assertionMethod": []any{did + "#k1"},
	})
	set, err := parseDIDDocument(doc, did)
	if err != nil {
		t.Fatal(err)
	}
	k := set.find(did + "#k1")
	if k == nil {
		t.Fatal("the Multikey is not found")
	}
	if got, ok := k.Key.(ed25519.PublicKey); !ok || !got.Equal(pub) {
		t.Fatalf("key %v", k.Key)
	}
	if set.find(did+"#k2") != nil {
		t.Fatal("a key outside assertionMethod is accepted")
	}
	if _, err := KeyInDIDDocument(doc, did, did+"#k2"); !errors.Is(err, ErrUnknownKey) {
		t.Fatalf("KeyInDIDDocument k2: %v", err)
	}
	if k, err := KeyInDIDDocument(doc, did, did+"#k1"); err != nil || !k.Key.(ed25519.PublicKey).Equal(pub) {
		t.Fatalf("KeyInDIDDocument k1: %v", err)
	}
}

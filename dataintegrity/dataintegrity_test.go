package dataintegrity

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

const contextExamples = "https://www.w3.org/ns/credentials/examples/v2"

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readJSON(t testing.TB, name string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(readFile(t, name), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func vectorSuite(t testing.TB) *Suite {
	t.Helper()
	s, err := New(map[string][]byte{contextExamples: readFile(t, "credentials-examples-v2.jsonld")})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type keySigner struct {
	priv ed25519.PrivateKey
	vm   string
}

func (k keySigner) SignEd25519(msg []byte) ([]byte, error) { return ed25519.Sign(k.priv, msg), nil }
func (k keySigner) VerificationMethod() string             { return k.vm }

// TestW3CVector reproduces the eddsa-rdfc-2022 test vector of W3C
// vc-di-eddsa (TestVectors/eddsa-rdfc-2022) byte for byte: both canonical
// forms, both hashes, the signature and the signed document.
func TestW3CVector(t *testing.T) {
	s := vectorSuite(t)
	var kp struct{ PublicKeyMultibase, PrivateKeyMultibase string }
	if err := json.Unmarshal(readFile(t, "w3c-keyPair.json"), &kp); err != nil {
		t.Fatal(err)
	}
	priv, err := ParseSecretMultikeyEd25519(kp.PrivateKeyMultibase)
	if err != nil {
		t.Fatal(err)
	}
	if got := MultikeyEd25519(priv.Public().(ed25519.PublicKey)); got != kp.PublicKeyMultibase {
		t.Fatalf("public multikey %s, want %s", got, kp.PublicKeyMultibase)
	}
	doc := readJSON(t, "w3c-unsigned.json")
	canon, err := s.Canonicalize(doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := string(readFile(t, "w3c-canonDocDataInt.txt")); canon != want {
		t.Fatalf("canonical document:\n%s\nwant:\n%s", canon, want)
	}
	dh := sha256.Sum256([]byte(canon))
	if got, want := hex.EncodeToString(dh[:]), string(readFile(t, "w3c-docHashDataInt.txt")); got != want {
		t.Fatalf("document hash %s, want %s", got, want)
	}
	pc := readJSON(t, "w3c-proofConfigDataInt.json")
	pcanon, err := s.Canonicalize(pc)
	if err != nil {
		t.Fatal(err)
	}
	if want := string(readFile(t, "w3c-proofCanonDataInt.txt")); pcanon != want {
		t.Fatalf("canonical proof options:\n%s\nwant:\n%s", pcanon, want)
	}
	ph := sha256.Sum256([]byte(pcanon))
	if got, want := hex.EncodeToString(ph[:]), string(readFile(t, "w3c-proofHashDataInt.txt")); got != want {
		t.Fatalf("proof hash %s, want %s", got, want)
	}
	h, err := s.HashData(doc, pc)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := hex.EncodeToString(h), string(readFile(t, "w3c-combinedHashDataInt.txt")); got != want {
		t.Fatalf("combined hash %s, want %s", got, want)
	}
	created, _ := time.Parse(time.RFC3339, pc["created"].(string))
	p, err := s.Sign(doc, keySigner{priv, pc["verificationMethod"].(string)}, created)
	if err != nil {
		t.Fatal(err)
	}
	if want := string(readFile(t, "w3c-sigBTC58DataInt.txt")); p.ProofValue != want {
		t.Fatalf("proofValue %s, want %s", p.ProofValue, want)
	}
	// The signed document, member for member.
	signed := readJSON(t, "w3c-signedDataInt.json")
	doc["proof"] = p
	a, _ := json.Marshal(doc)
	var got map[string]any
	_ = json.Unmarshal(a, &got)
	b, _ := json.Marshal(signed)
	a, _ = json.Marshal(got)
	if string(a) != string(b) {
		t.Fatalf("signed document:\n%s\nwant:\n%s", a, b)
	}
	// And the published signed document verifies.
	sp, err := ProofOf(signed)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(signed, sp, priv.Public().(ed25519.PublicKey)); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyRejects(t *testing.T) {
	s := vectorSuite(t)
	signed := readJSON(t, "w3c-signedDataInt.json")
	var kp struct{ PublicKeyMultibase string }
	_ = json.Unmarshal(readFile(t, "w3c-keyPair.json"), &kp)
	pub, err := ParseMultikeyEd25519(kp.PublicKeyMultibase)
	if err != nil {
		t.Fatal(err)
	}
	other, _, _ := ed25519.GenerateKey(nil)
	tests := []struct {
		name   string
		modify func(m map[string]any)
		key    ed25519.PublicKey
		want   string
	}{
		{"tampered subject", func(m map[string]any) {
			m["credentialSubject"].(map[string]any)["alumniOf"] = "Another School"
		}, pub, "does not match"},
		{"tampered proof date", func(m map[string]any) { m["proof"].(map[string]any)["created"] = "2024-02-24T23:36:38Z" }, pub, "does not match"},
		{"other key", func(map[string]any) {}, other, "does not match"},
		{"unknown context", func(m map[string]any) {
			m["@context"] = []any{ContextVC2, "https://evil.example/context.json"}
		}, pub, "never fetched"},
		{"undefined term", func(m map[string]any) {
			m["@context"] = []any{ContextVC2}
		}, pub, "did not expand"},
		{"undefined type", func(m map[string]any) {
			m["@context"] = []any{ContextVC2}
			delete(m["credentialSubject"].(map[string]any), "alumniOf")
		}, pub, "not defined"},
		{"bad proof value", func(m map[string]any) { m["proof"].(map[string]any)["proofValue"] = "zzz" }, pub, "64-byte"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := json.Marshal(signed)
			var m map[string]any
			_ = json.Unmarshal(b, &m)
			tc.modify(m)
			p, err := ProofOf(m)
			if err == nil {
				err = s.Verify(m, p, tc.key)
			}
			if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// TestBudget refuses a document whose blank nodes only their neighbours
// tell apart, before the exponential part of RDFC-1.0 runs.
func TestBudget(t *testing.T) {
	s := vectorSuite(t)
	var nodes []any
	for range 12 {
		nodes = append(nodes, map[string]any{"knows": map[string]any{"name": "x"}})
	}
	doc := map[string]any{"@context": []any{ContextVC2, contextExamples}, "member": nodes}
	start := time.Now()
	_, err := s.Canonicalize(doc)
	if err == nil || !strings.Contains(err.Error(), "nothing tells apart") && !strings.Contains(fmt.Sprint(err), "neighbours") {
		t.Fatalf("err = %v, want the ambiguity limit", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("refusing took %v", d)
	}
}

func TestBase58(t *testing.T) {
	for _, b := range [][]byte{{}, {0}, {0, 0, 1}, []byte("hello world"), {0xff, 0xfe}} {
		got, err := Base58Decode(Base58Encode(b))
		if err != nil || string(got) != string(b) {
			t.Fatalf("%x: round trip %x, %v", b, got, err)
		}
	}
	if Base58Encode([]byte("hello world")) != "StV1DL6CwTryKyV" {
		t.Fatal("base58 of hello world")
	}
}

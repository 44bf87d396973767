package dataintegrity

import (
	"crypto/ed25519"
	"encoding/json"
	"testing"
	"time"
)

// ob3 is a tanu credential (the issuer's golden file) without its JWT claims.
func ob3(b testing.TB) map[string]any {
	doc := readJSON(b, "ob3-credential.json")
	for _, k := range []string{"iss", "jti", "sub", "nbf", "exp"} {
		delete(doc, k)
	}
	return doc
}

// TestOB3Credential signs and verifies a whole tanu credential: every term
// is defined (safe mode) and its blank nodes are within the limits.
func TestOB3Credential(t *testing.T) {
	s, _ := New(nil)
	_, priv, _ := ed25519.GenerateKey(nil)
	doc := ob3(t)
	p, err := s.Sign(doc, keySigner{priv, "did:web:credentials.example.edu#k"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(p)
	var pm map[string]any
	_ = json.Unmarshal(b, &pm)
	doc["proof"] = []any{pm}
	got, err := ProofOf(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(doc, got, priv.Public().(ed25519.PublicKey)); err != nil {
		t.Fatal(err)
	}
	doc["certificateNumber"] = "000002"
	if err := s.Verify(doc, got, priv.Public().(ed25519.PublicKey)); err == nil {
		t.Fatal("a changed certificate number verifies")
	}
}

// BenchmarkSignOB3 is the Data Integrity proof of one tanu credential
// (canonicalization of the document; the proof options' hash is cached).
//
//	go test -run '^$' -bench 'SignOB3|VerifyOB3' -cpu 1 ./dataintegrity
func BenchmarkSignOB3(b *testing.B) {
	s, _ := New(nil)
	_, priv, _ := ed25519.GenerateKey(nil)
	doc := ob3(b)
	at := time.Now()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Sign(doc, keySigner{priv, "did:web:x#k"}, at); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyOB3 verifies that proof.
func BenchmarkVerifyOB3(b *testing.B) {
	s, _ := New(nil)
	_, priv, _ := ed25519.GenerateKey(nil)
	doc := ob3(b)
	p, err := s.Sign(doc, keySigner{priv, "did:web:x#k"}, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	pub := priv.Public().(ed25519.PublicKey)
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Verify(doc, p, pub); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCanonicalizeOB3 is the canonicalization alone.
func BenchmarkCanonicalizeOB3(b *testing.B) {
	s, _ := New(nil)
	doc := ob3(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Canonicalize(doc); err != nil {
			b.Fatal(err)
		}
	}
}

package oid4vci

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"testing"

	"github.com/tanu-edu/tanu/dataintegrity"
)

func TestResolveDIDKey(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	got, err := resolveDID("did:key:z" + dataintegrity.Base58Encode(append([]byte{0xed, 0x01}, pub...)))
	if err != nil || !pub.Equal(got) {
		t.Fatalf("ed25519: %v %v", got, err)
	}
	k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	raw, err := k.PublicKey.Bytes() // 04 || x || y
	if err != nil {
		t.Fatal(err)
	}
	c := append([]byte{2 + raw[64]&1}, raw[1:33]...) // the compressed point
	got, err = resolveDID("did:key:z" + dataintegrity.Base58Encode(append([]byte{0x80, 0x24}, c...)))
	if err != nil || !k.PublicKey.Equal(got) {
		t.Fatalf("p-256: %v %v", got, err)
	}
	for _, bad := range []string{"did:web:example.edu", "did:key:zzz", "did:jwk:!!", "did:key:z" + dataintegrity.Base58Encode([]byte{1, 2, 3})} {
		if _, err := resolveDID(bad); err == nil {
			t.Errorf("%s: resolved", bad)
		}
	}
}

func TestAudience(t *testing.T) {
	for _, tc := range []struct {
		aud  any
		want bool
	}{{"https://a", true}, {"https://b", false}, {[]any{"x", "https://a"}, true}, {nil, false}, {42.0, false}} {
		if got := audience(tc.aud, "https://a"); got != tc.want {
			t.Errorf("audience(%v) = %v", tc.aud, got)
		}
	}
}

package dataintegrity

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"math/big"
)

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// Base58Encode encodes b in the Bitcoin base58 alphabet (multibase "z").
func Base58Encode(b []byte) string {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	n := new(big.Int).SetBytes(b)
	base, mod := big.NewInt(58), new(big.Int)
	var out []byte
	for n.Sign() > 0 {
		n.DivMod(n, base, mod)
		out = append(out, base58Alphabet[mod.Int64()])
	}
	for range zeros {
		out = append(out, '1')
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

// maxBase58 bounds decoded input: nothing tanu reads in base58 is long.
const maxBase58 = 256

// Base58Decode decodes Bitcoin base58.
func Base58Decode(s string) ([]byte, error) {
	if len(s) > maxBase58 {
		return nil, errors.New("base58: input too long")
	}
	n, base := new(big.Int), big.NewInt(58)
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	for i := 0; i < len(s); i++ {
		d := bytes.IndexByte([]byte(base58Alphabet), s[i])
		if d < 0 {
			return nil, errors.New("base58: invalid character")
		}
		n.Mul(n, base)
		n.Add(n, big.NewInt(int64(d)))
	}
	return append(make([]byte, zeros), n.Bytes()...), nil
}

// Multicodec prefixes of Ed25519 keys (unsigned varints).
var (
	prefixEd25519Pub  = []byte{0xed, 0x01}
	prefixEd25519Priv = []byte{0x80, 0x26}
)

// MultikeyEd25519 is the publicKeyMultibase of an Ed25519 public key
// (z6Mk…), as a Multikey verification method carries it.
func MultikeyEd25519(pub ed25519.PublicKey) string {
	return "z" + Base58Encode(append(append([]byte(nil), prefixEd25519Pub...), pub...))
}

// ParseMultikeyEd25519 reads an Ed25519 publicKeyMultibase.
func ParseMultikeyEd25519(s string) (ed25519.PublicKey, error) {
	if len(s) < 2 || s[0] != 'z' {
		return nil, errors.New("publicKeyMultibase must be base58btc (z…)")
	}
	b, err := Base58Decode(s[1:])
	if err != nil {
		return nil, err
	}
	if len(b) != 2+ed25519.PublicKeySize || !bytes.HasPrefix(b, prefixEd25519Pub) {
		return nil, errors.New("publicKeyMultibase is not an Ed25519 public key")
	}
	return ed25519.PublicKey(b[2:]), nil
}

// ParseSecretMultikeyEd25519 reads an Ed25519 secretKeyMultibase (the
// 32-byte seed), as test vectors publish it.
func ParseSecretMultikeyEd25519(s string) (ed25519.PrivateKey, error) {
	if len(s) < 2 || s[0] != 'z' {
		return nil, errors.New("secret multibase must be base58btc (z…)")
	}
	b, err := Base58Decode(s[1:])
	if err != nil {
		return nil, err
	}
	if len(b) != 2+ed25519.SeedSize || !bytes.HasPrefix(b, prefixEd25519Priv) {
		return nil, errors.New("not an Ed25519 secret key")
	}
	return ed25519.NewKeyFromSeed(b[2:]), nil
}

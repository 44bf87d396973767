// Package keyring keeps the issuer's signing keys: one JSON file per key in
// a directory (0600), ES256 (P-256) by default, EdDSA (Ed25519) and RS256
// (RSA 3072) on request. The key id is the RFC 7638 thumbprint. Private
// keys never leave this package; callers get a Signer and public JWKs.
package keyring

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// Supported algorithms.
const (
	ES256 = "ES256"
	EdDSA = "EdDSA"
	RS256 = "RS256"
)

// ErrNoKey means the directory holds no usable signing key.
var ErrNoKey = errors.New("keyring: no active signing key")

// file is the on-disk form of a key.
type file struct {
	KID     string          `json:"kid"`
	Alg     string          `json:"alg"`
	Created time.Time       `json:"created"`
	Retired *time.Time      `json:"retired,omitempty"`
	Example bool            `json:"example,omitempty"`
	JWK     json.RawMessage `json:"jwk"`
}

// Key is one key of the ring. Its private part is unexported.
type Key struct {
	KID     string
	Alg     string
	Created time.Time
	Retired *time.Time
	// Example marks the fake keys of keys.example/: never for production.
	Example bool
	path    string
	priv    crypto.Signer
}

// Public returns the public JWK of the key with the given key id.
func (k *Key) Public(kid string) jose.JSONWebKey {
	return jose.JSONWebKey{Key: k.priv.Public(), KeyID: kid, Algorithm: k.Alg, Use: "sig"}
}

// Ring is the set of keys in a directory.
type Ring struct {
	dir  string
	keys []*Key // oldest first
	now  func() time.Time
	rnd  io.Reader
}

// Option configures a Ring.
type Option func(*Ring)

// WithClock sets the clock.
func WithClock(now func() time.Time) Option { return func(r *Ring) { r.now = now } }

// WithRand sets the randomness source for key generation.
func WithRand(rnd io.Reader) Option { return func(r *Ring) { r.rnd = rnd } }

// Open loads every key in dir (creating dir if missing). Private key files
// readable by group or others are refused, except example keys.
func Open(dir string, opts ...Option) (*Ring, error) {
	r := &Ring{dir: dir, now: time.Now, rnd: rand.Reader}
	for _, o := range opts {
		o(r)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("keyring: %w", err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("keyring: %w", err)
	}
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		k, err := load(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		r.keys = append(r.keys, k)
	}
	sort.SliceStable(r.keys, func(i, j int) bool { return r.keys[i].Created.Before(r.keys[j].Created) })
	return r, nil
}

func load(path string) (*Key, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("keyring: %w", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("keyring: %w", err)
	}
	var f file
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("keyring: %s: %w", filepath.Base(path), err)
	}
	if !f.Example && st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("keyring: %s is readable by others (mode %v): chmod 600 it", filepath.Base(path), st.Mode().Perm())
	}
	var jwk jose.JSONWebKey
	if err := jwk.UnmarshalJSON(f.JWK); err != nil {
		return nil, fmt.Errorf("keyring: %s: %w", filepath.Base(path), err)
	}
	priv, ok := jwk.Key.(crypto.Signer)
	if !ok || jwk.IsPublic() {
		return nil, fmt.Errorf("keyring: %s holds no private key", filepath.Base(path))
	}
	if ed, ok := jwk.Key.(ed25519.PrivateKey); ok {
		priv = ed
	}
	kid, err := thumbprint(priv.Public())
	if err != nil {
		return nil, err
	}
	if kid != f.KID {
		return nil, fmt.Errorf("keyring: %s: kid %q does not match the key's thumbprint", filepath.Base(path), f.KID)
	}
	if algFor(priv) != f.Alg {
		return nil, fmt.Errorf("keyring: %s: alg %s does not fit the key", filepath.Base(path), f.Alg)
	}
	return &Key{KID: f.KID, Alg: f.Alg, Created: f.Created, Retired: f.Retired, Example: f.Example, path: path, priv: priv}, nil
}

func algFor(k crypto.Signer) string {
	switch p := k.Public().(type) {
	case *ecdsa.PublicKey:
		if p.Curve == elliptic.P256() {
			return ES256
		}
	case ed25519.PublicKey:
		return EdDSA
	case *rsa.PublicKey:
		return RS256
	}
	return ""
}

func thumbprint(pub crypto.PublicKey) (string, error) {
	tp, err := (&jose.JSONWebKey{Key: pub}).Thumbprint(crypto.SHA256)
	if err != nil {
		return "", fmt.Errorf("keyring: thumbprint: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(tp), nil
}

// Dir returns the key directory.
func (r *Ring) Dir() string { return r.dir }

// Keys returns every key, oldest first.
func (r *Ring) Keys() []*Key { return append([]*Key(nil), r.keys...) }

// Active returns the newest key that is not retired.
func (r *Ring) Active() (*Key, error) {
	for i := len(r.keys) - 1; i >= 0; i-- {
		if r.keys[i].Retired == nil {
			return r.keys[i], nil
		}
	}
	return nil, ErrNoKey
}

// Generate makes a new key of alg, writes it with mode 0600 and returns it.
// It becomes the active key.
func (r *Ring) Generate(alg string) (*Key, error) {
	var (
		priv crypto.Signer
		err  error
	)
	switch alg {
	case ES256, "":
		alg = ES256
		priv, err = ecdsa.GenerateKey(elliptic.P256(), r.rnd)
	case EdDSA:
		_, priv, err = ed25519.GenerateKey(r.rnd)
	case RS256:
		priv, err = rsa.GenerateKey(r.rnd, 3072)
	default:
		return nil, fmt.Errorf("keyring: unsupported algorithm %q (use ES256, EdDSA or RS256)", alg)
	}
	if err != nil {
		return nil, fmt.Errorf("keyring: generate %s: %w", alg, err)
	}
	kid, err := thumbprint(priv.Public())
	if err != nil {
		return nil, err
	}
	k := &Key{KID: kid, Alg: alg, Created: r.now().UTC().Truncate(time.Second), priv: priv,
		path: filepath.Join(r.dir, kid+".json")}
	if err := r.write(k); err != nil {
		return nil, err
	}
	r.keys = append(r.keys, k)
	return k, nil
}

// Rotate generates a new key of alg and retires every other key. Retired
// keys stay in the directory and stay published, so credentials signed with
// them still verify.
func (r *Ring) Rotate(alg string) (*Key, error) {
	old := r.Keys()
	k, err := r.Generate(alg)
	if err != nil {
		return nil, err
	}
	now := r.now().UTC().Truncate(time.Second)
	for _, o := range old {
		if o.Retired == nil {
			o.Retired = &now
			if err := r.write(o); err != nil {
				return nil, err
			}
		}
	}
	return k, nil
}

func (r *Ring) write(k *Key) error {
	jwk := jose.JSONWebKey{Key: k.priv, KeyID: k.KID, Algorithm: k.Alg, Use: "sig"}
	if ed, ok := k.priv.(ed25519.PrivateKey); ok {
		jwk.Key = ed
	}
	raw, err := jwk.MarshalJSON()
	if err != nil {
		return fmt.Errorf("keyring: encode key: %w", err)
	}
	b, err := json.MarshalIndent(file{KID: k.KID, Alg: k.Alg, Created: k.Created, Retired: k.Retired, Example: k.Example, JWK: raw}, "", "  ")
	if err != nil {
		return fmt.Errorf("keyring: encode key: %w", err)
	}
	tmp, err := os.CreateTemp(r.dir, ".key-*")
	if err != nil {
		return fmt.Errorf("keyring: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("keyring: %w", err)
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("keyring: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("keyring: %w", err)
	}
	if err := os.Rename(tmp.Name(), k.path); err != nil {
		return fmt.Errorf("keyring: %w", err)
	}
	return nil
}

// Signer signs JWS payloads with one key, stamping the protected header
// {"alg","kid","typ":"JWT"} with the key's public URL as kid. It writes the
// compact serialization directly: the header segment is encoded once, and
// the payload is encoded once into the output buffer. go-jose reads and
// checks everything it writes (see the tests); verification always goes
// through go-jose.
type Signer struct {
	key    *Key
	kidURL string
	header string // base64url of the protected header
}

// Signer returns a signer for the active key; kidURL is the URL under which
// the key's public JWK is published.
func (r *Ring) Signer(kidURL func(kid string) string) (*Signer, error) {
	k, err := r.Active()
	if err != nil {
		return nil, err
	}
	return NewSigner(k, kidURL(k.KID))
}

// NewSigner returns a signer for k with the given kid URL.
func NewSigner(k *Key, kidURL string) (*Signer, error) {
	h, err := json.Marshal(struct {
		Alg string `json:"alg"`
		Kid string `json:"kid"`
		Typ string `json:"typ"`
	}{k.Alg, kidURL, "JWT"})
	if err != nil {
		return nil, fmt.Errorf("keyring: header: %w", err)
	}
	return &Signer{key: k, kidURL: kidURL, header: base64.RawURLEncoding.EncodeToString(h)}, nil
}

// Sign returns the compact JWS of payload.
func (s *Signer) Sign(payload []byte) (string, error) {
	enc := base64.RawURLEncoding
	sigLen := 64
	if k, ok := s.key.priv.(*rsa.PrivateKey); ok {
		sigLen = k.Size()
	}
	n := len(s.header) + 1 + enc.EncodedLen(len(payload))
	buf := make([]byte, n, n+1+enc.EncodedLen(sigLen))
	copy(buf, s.header)
	buf[len(s.header)] = '.'
	enc.Encode(buf[len(s.header)+1:], payload)
	var sig []byte
	switch k := s.key.priv.(type) {
	case *ecdsa.PrivateKey:
		d := sha256.Sum256(buf)
		r, ss, err := ecdsa.Sign(rand.Reader, k, d[:])
		if err != nil {
			return "", fmt.Errorf("keyring: sign: %w", err)
		}
		sig = make([]byte, 64)
		r.FillBytes(sig[:32])
		ss.FillBytes(sig[32:])
	case ed25519.PrivateKey:
		sig = ed25519.Sign(k, buf)
	case *rsa.PrivateKey:
		d := sha256.Sum256(buf)
		var err error
		if sig, err = rsa.SignPKCS1v15(rand.Reader, k, crypto.SHA256, d[:]); err != nil {
			return "", fmt.Errorf("keyring: sign: %w", err)
		}
	default:
		return "", fmt.Errorf("keyring: sign: unsupported key type %T", s.key.priv)
	}
	buf = append(buf, '.')
	buf = buf[:len(buf)+enc.EncodedLen(len(sig))]
	enc.Encode(buf[len(buf)-enc.EncodedLen(len(sig)):], sig)
	return string(buf), nil
}

// KID returns the kid URL the signer puts in headers.
func (s *Signer) KID() string { return s.kidURL }

// Key returns the signing key's public description.
func (s *Signer) Key() *Key { return s.key }

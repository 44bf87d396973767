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

// Key purposes: what a key signs. A key file without a purpose is a JWS
// key (every key made before Data Integrity proofs).
const (
	// PurposeJWS keys sign VC-JWTs (any supported algorithm).
	PurposeJWS = "jws"
	// PurposeDataIntegrity keys sign eddsa-rdfc-2022 Data Integrity
	// proofs (Ed25519 only).
	PurposeDataIntegrity = "data-integrity"
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
	Purpose string          `json:"purpose,omitempty"`
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
	// Purpose is PurposeJWS or PurposeDataIntegrity.
	Purpose string
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
	purpose := f.Purpose
	switch purpose {
	case "", PurposeJWS:
		purpose = PurposeJWS
	case PurposeDataIntegrity:
		if f.Alg != EdDSA {
			return nil, fmt.Errorf("keyring: %s: a data-integrity key must be EdDSA (Ed25519)", filepath.Base(path))
		}
	default:
		return nil, fmt.Errorf("keyring: %s: unknown purpose %q", filepath.Base(path), f.Purpose)
	}
	return &Key{KID: f.KID, Alg: f.Alg, Created: f.Created, Retired: f.Retired, Example: f.Example, Purpose: purpose, path: path, priv: priv}, nil
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

// Active returns the newest JWS key that is not retired.
func (r *Ring) Active() (*Key, error) { return r.ActiveFor(PurposeJWS) }

// ActiveFor returns the newest key of a purpose that is not retired.
func (r *Ring) ActiveFor(purpose string) (*Key, error) {
	for i := len(r.keys) - 1; i >= 0; i-- {
		if r.keys[i].Retired == nil && r.keys[i].Purpose == purpose {
			return r.keys[i], nil
		}
	}
	if purpose == PurposeDataIntegrity {
		return nil, fmt.Errorf("%w for Data Integrity proofs (tanu keys generate --purpose data-integrity)", ErrNoKey)
	}
	return nil, ErrNoKey
}

// Generate makes a new JWS key of alg, writes it with mode 0600 and
// returns it. It becomes the active JWS key.
func (r *Ring) Generate(alg string) (*Key, error) { return r.GenerateFor(PurposeJWS, alg) }

// GenerateFor makes a new key of a purpose; data-integrity keys are always
// Ed25519 (alg "" or EdDSA). It becomes the purpose's active key.
func (r *Ring) GenerateFor(purpose, alg string) (*Key, error) {
	switch purpose {
	case PurposeJWS:
	case PurposeDataIntegrity:
		if alg != "" && alg != EdDSA {
			return nil, fmt.Errorf("keyring: a data-integrity key is Ed25519: use --alg EdDSA (or none), not %s", alg)
		}
		alg = EdDSA
	default:
		return nil, fmt.Errorf("keyring: unknown key purpose %q (use %s or %s)", purpose, PurposeJWS, PurposeDataIntegrity)
	}
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
	k := &Key{KID: kid, Alg: alg, Created: r.now().UTC().Truncate(time.Second), Purpose: purpose, priv: priv,
		path: filepath.Join(r.dir, kid+".json")}
	if err := r.write(k); err != nil {
		return nil, err
	}
	r.keys = append(r.keys, k)
	return k, nil
}

// Rotate generates a new JWS key of alg and retires every other JWS key.
// Retired keys stay in the directory and stay published, so credentials
// signed with them still verify.
func (r *Ring) Rotate(alg string) (*Key, error) { return r.RotateFor(PurposeJWS, alg) }

// RotateFor generates a new key of a purpose and retires the purpose's
// other keys (which stay published).
func (r *Ring) RotateFor(purpose, alg string) (*Key, error) {
	old := r.Keys()
	k, err := r.GenerateFor(purpose, alg)
	if err != nil {
		return nil, err
	}
	now := r.now().UTC().Truncate(time.Second)
	for _, o := range old {
		if o.Retired == nil && o.Purpose == purpose {
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
	purpose := k.Purpose
	if purpose == PurposeJWS {
		purpose = "" // as every key file before purposes existed
	}
	b, err := json.MarshalIndent(file{KID: k.KID, Alg: k.Alg, Created: k.Created, Retired: k.Retired, Example: k.Example, Purpose: purpose, JWK: raw}, "", "  ")
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

// Alg returns the JWS algorithm the signer signs with.
func (s *Signer) Alg() string { return s.key.Alg }

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

// Retire marks a key retired: it signs nothing more and stays published, so
// what it signed still verifies.
func (r *Ring) Retire(kid string) (*Key, error) {
	for _, k := range r.keys {
		if k.KID == kid {
			if k.Retired == nil {
				now := r.now().UTC().Truncate(time.Second)
				k.Retired = &now
				if err := r.write(k); err != nil {
					return nil, err
				}
			}
			return k, nil
		}
	}
	return nil, fmt.Errorf("keyring: no key %s", kid)
}

// EdSigner makes Ed25519 signatures for Data Integrity proofs with one
// data-integrity key; its private half stays in the ring.
type EdSigner struct {
	key *Key
	vm  string
}

// DataIntegritySigner returns a signer for the active data-integrity key;
// vm maps a kid to the key's verification method (a DID URL).
func (r *Ring) DataIntegritySigner(vm func(kid string) string) (*EdSigner, error) {
	k, err := r.ActiveFor(PurposeDataIntegrity)
	if err != nil {
		return nil, err
	}
	return NewEdSigner(k, vm(k.KID))
}

// NewEdSigner returns a Data Integrity signer for an Ed25519 key.
func NewEdSigner(k *Key, verificationMethod string) (*EdSigner, error) {
	if _, ok := k.priv.(ed25519.PrivateKey); !ok {
		return nil, fmt.Errorf("keyring: key %s is not Ed25519", k.KID)
	}
	return &EdSigner{key: k, vm: verificationMethod}, nil
}

// SignEd25519 returns the Ed25519 signature of msg.
func (s *EdSigner) SignEd25519(msg []byte) ([]byte, error) {
	return ed25519.Sign(s.key.priv.(ed25519.PrivateKey), msg), nil
}

// VerificationMethod returns the DID URL of the key.
func (s *EdSigner) VerificationMethod() string { return s.vm }

// Key returns the signing key's public description.
func (s *EdSigner) Key() *Key { return s.key }

// PublicKey returns the key's public half.
func (k *Key) PublicKey() crypto.PublicKey { return k.priv.Public() }

// DataIntegritySignerAt returns a signer for the data-integrity key that
// was active at t: created at or before t and not retired by then (the
// newest such key), else the active one. A credential's proof is then made
// with the same key whenever it is made.
func (r *Ring) DataIntegritySignerAt(t time.Time, vm func(kid string) string) (*EdSigner, error) {
	for i := len(r.keys) - 1; i >= 0; i-- {
		k := r.keys[i]
		if k.Purpose != PurposeDataIntegrity || k.Created.After(t) || (k.Retired != nil && !k.Retired.After(t)) {
			continue
		}
		return NewEdSigner(k, vm(k.KID))
	}
	return r.DataIntegritySigner(vm)
}

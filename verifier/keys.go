package verifier

import (
	"context"
	"crypto"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/dataintegrity"
)

// ErrUnknownKey means no published key matches.
var ErrUnknownKey = errors.New("unknown key")

// LocalKeys trusts the keys of one issuer, loaded by a function (from the
// registry's published keys). It reloads at most once a second when asked
// for a kid it does not know, so a key published by another instance is
// found without letting unknown kids hammer the database.
type LocalKeys struct {
	IssuerID string
	Load     func(ctx context.Context) ([]jose.JSONWebKey, error)
	Now      func() time.Time

	mu     sync.Mutex
	keys   map[string]*jose.JSONWebKey
	loaded time.Time
}

// Key implements Keys.
func (l *LocalKeys) Key(ctx context.Context, issuerID, kid string) (*jose.JSONWebKey, error) {
	if issuerID != l.IssuerID {
		return nil, fmt.Errorf("%w: issuer %s is not %s", ErrUnknownKey, issuerID, l.IssuerID)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now
	if l.Now != nil {
		now = l.Now
	}
	if k, ok := l.keys[kid]; ok {
		return k, nil
	}
	if now().Sub(l.loaded) < time.Second && l.keys != nil {
		return nil, ErrUnknownKey
	}
	keys, err := l.Load(ctx)
	if err != nil {
		return nil, fmt.Errorf("load keys: %w", err)
	}
	l.keys, l.loaded = map[string]*jose.JSONWebKey{}, now()
	for i := range keys {
		k := keys[i]
		l.keys[k.KeyID] = &k
	}
	if k, ok := l.keys[kid]; ok {
		return k, nil
	}
	// A bare thumbprint (from an embedded jwk) matches a kid URL ending in it.
	for id, k := range l.keys {
		if strings.HasSuffix(id, "/"+kid) {
			return k, nil
		}
	}
	return nil, ErrUnknownKey
}

// HTTPKeys finds other issuers' keys in the key set each issuer publishes,
// never at a URL a credential names: the JWKS at the issuer's well-known
// location ({base}/.well-known/jwks.json, where {base} is the issuer id
// without a trailing /issuer, then the origin's /.well-known/jwks.json),
// or a did:web issuer's DID document (its assertionMethod keys). A kid is
// accepted only when the set lists it (by kid, DID URL or JWK
// thumbprint). Documents come through a Fetcher that refuses internal
// addresses and cross-origin redirects, and are cached for their
// Cache-Control max-age (clamped to 30 s … 1 h), within a byte budget.
type HTTPKeys struct {
	// Fetcher fetches key sets (default: the guarded internal/outbound
	// client).
	Fetcher Fetcher
	// MaxBytes bounds a key set document; 0 means 64 KiB.
	MaxBytes int64
	// CacheBytes bounds the key sets kept; 0 means DefaultRemoteCacheBytes.
	CacheBytes int64
	// Now is the clock (default time.Now).
	Now func() time.Time

	init  sync.Once
	fetch Fetcher
	cache *remoteCache
}

// maxKeysPerSet bounds the keys read from one key set.
const maxKeysPerSet = 64

// keySet is a fetched key set: its keys, with the ids each is known by.
type keySet struct {
	keys []jose.JSONWebKey
	ids  [][]string
}

func (s *keySet) find(kid string) *jose.JSONWebKey {
	for i := range s.keys {
		for _, id := range s.ids[i] {
			if id == kid {
				k := s.keys[i]
				return &k
			}
		}
	}
	return nil
}

func (h *HTTPKeys) setup() {
	h.init.Do(func() { h.fetch, h.cache = remoteDefaults(h.Fetcher, h.CacheBytes) })
}

func (h *HTTPKeys) now() time.Time { return nowOr(h.Now) }

// Key implements Keys.
func (h *HTTPKeys) Key(ctx context.Context, issuerID, kid string) (*jose.JSONWebKey, error) {
	h.setup()
	urls := keySetURLs(issuerID)
	if len(urls) == 0 {
		return nil, fmt.Errorf("%w: the issuer %q is neither an https URL nor a did:web", ErrUnknownKey, issuerID)
	}
	var errs []error
	for _, u := range urls {
		set, fetched, err := h.keySet(ctx, u, issuerID, false)
		if err == nil && set.find(kid) == nil && h.now().Sub(fetched) > time.Minute {
			// Not listed in a copy over a minute old: the issuer may have
			// published a new key since.
			set, _, err = h.keySet(ctx, u, issuerID, true)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if k := set.find(kid); k != nil {
			return k, nil
		}
	}
	if len(errs) == len(urls) {
		return nil, fmt.Errorf("%w: the issuer's key set: %w", ErrUnknownKey, errs[0])
	}
	return nil, fmt.Errorf("%w: %s is not in the key set the issuer publishes", ErrUnknownKey, kid)
}

// keySet returns the key set at u, cached or fetched, and when it was
// fetched.
func (h *HTTPKeys) keySet(ctx context.Context, u, issuerID string, refresh bool) (*keySet, time.Time, error) {
	if !refresh {
		if e, ok := h.cache.get(u, h.now()); ok {
			return e.val.(*keySet), e.fetched, nil
		}
	}
	v, err := h.cache.once(ctx, u, func() (any, error) {
		max := h.MaxBytes
		if max == 0 {
			max = 64 << 10
		}
		did := strings.HasPrefix(issuerID, "did:")
		accept := "application/jwk-set+json, application/json"
		if did {
			accept = "application/did+json, application/json"
		}
		body, maxAge, err := h.fetch.Fetch(ctx, u, accept, max)
		if err != nil {
			return nil, err
		}
		var set *keySet
		if did {
			set, err = parseDIDDocument(body, issuerID)
		} else {
			set, err = parseJWKS(body)
		}
		if err != nil {
			return nil, err
		}
		now := h.now()
		h.cache.put(u, set, int64(len(body)), now, now.Add(lifetime(maxAge)))
		return set, nil
	})
	if err != nil {
		return nil, time.Time{}, err
	}
	return v.(*keySet), h.now(), nil
}

// keySetURLs lists where an issuer publishes its keys.
func keySetURLs(issuerID string) []string {
	if rest, ok := strings.CutPrefix(issuerID, "did:web:"); ok {
		o := issuerOrigin(issuerID)
		if o == "" {
			return nil
		}
		parts := strings.Split(rest, ":")
		if len(parts) == 1 {
			return []string{o + "/.well-known/did.json"}
		}
		path := ""
		for _, p := range parts[1:] {
			seg, err := url.PathUnescape(p)
			if err != nil || seg == "" || seg == "." || seg == ".." || strings.ContainsAny(seg, "/?#") {
				return nil
			}
			path += "/" + url.PathEscape(seg)
		}
		return []string{o + path + "/did.json"}
	}
	o := origin(issuerID)
	if o == "" {
		return nil
	}
	u, _ := url.Parse(issuerID)
	if u.RawQuery != "" || u.Fragment != "" {
		return nil
	}
	base := strings.TrimSuffix(strings.TrimSuffix(u.EscapedPath(), "/"), "/issuer")
	urls := []string{o + base + "/.well-known/jwks.json"}
	if base != "" {
		urls = append(urls, o+"/.well-known/jwks.json")
	}
	return urls
}

func publicKey(raw json.RawMessage) (*jose.JSONWebKey, string, error) {
	var k jose.JSONWebKey
	if err := json.Unmarshal(raw, &k); err != nil {
		return nil, "", err
	}
	if !k.Valid() || !k.IsPublic() {
		return nil, "", errors.New("not a valid public JWK")
	}
	tp, err := k.Thumbprint(crypto.SHA256)
	if err != nil {
		return nil, "", err
	}
	return &k, base64.RawURLEncoding.EncodeToString(tp), nil
}

// parseJWKS reads a JWK set; a key is known by its kid and its thumbprint.
func parseJWKS(body []byte) (*keySet, error) {
	var doc struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("%w: the issuer's key set is not a JWK set", ErrUnknownKey)
	}
	if len(doc.Keys) > maxKeysPerSet {
		return nil, fmt.Errorf("%w: the issuer's key set has more than %d keys", ErrUnknownKey, maxKeysPerSet)
	}
	set := &keySet{}
	for _, raw := range doc.Keys {
		k, tp, err := publicKey(raw)
		if err != nil {
			continue // one odd key does not spoil the others
		}
		ids := []string{tp}
		if k.KeyID != "" {
			ids = append(ids, k.KeyID)
		}
		set.keys, set.ids = append(set.keys, *k), append(set.ids, ids)
	}
	return set, nil
}

// parseDIDDocument reads the assertionMethod keys of a DID document whose
// id is did; a key is known by its DID URL (did#fragment), its bare
// fragment and its thumbprint.
func parseDIDDocument(body []byte, did string) (*keySet, error) {
	type method struct {
		ID                 string          `json:"id"`
		PublicKeyJwk       json.RawMessage `json:"publicKeyJwk"`
		PublicKeyMultibase string          `json:"publicKeyMultibase"`
	}
	var doc struct {
		ID                 string            `json:"id"`
		VerificationMethod []method          `json:"verificationMethod"`
		AssertionMethod    []json.RawMessage `json:"assertionMethod"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("%w: the issuer's DID document is malformed", ErrUnknownKey)
	}
	if doc.ID != did {
		return nil, fmt.Errorf("%w: the DID document is of %q, not %q", ErrUnknownKey, doc.ID, did)
	}
	if len(doc.VerificationMethod) > maxKeysPerSet || len(doc.AssertionMethod) > maxKeysPerSet {
		return nil, fmt.Errorf("%w: the DID document has more than %d keys", ErrUnknownKey, maxKeysPerSet)
	}
	abs := func(id string) string {
		if strings.HasPrefix(id, "#") {
			return did + id
		}
		return id
	}
	methods := map[string]method{}
	for _, m := range doc.VerificationMethod {
		methods[abs(m.ID)] = m
	}
	set := &keySet{}
	for _, raw := range doc.AssertionMethod {
		var m method
		var ref string
		if json.Unmarshal(raw, &ref) == nil {
			m = methods[abs(ref)]
		} else if json.Unmarshal(raw, &m) != nil {
			continue
		}
		id := abs(m.ID)
		if !strings.HasPrefix(id, did+"#") {
			continue
		}
		jwk := m.PublicKeyJwk
		if len(jwk) == 0 && m.PublicKeyMultibase != "" {
			// A Multikey (Ed25519, as Data Integrity proofs use).
			pub, err := dataintegrity.ParseMultikeyEd25519(m.PublicKeyMultibase)
			if err != nil {
				continue
			}
			if jwk, err = (&jose.JSONWebKey{Key: pub}).MarshalJSON(); err != nil {
				continue
			}
		}
		if len(jwk) == 0 {
			continue
		}
		k, tp, err := publicKey(jwk)
		if err != nil {
			continue
		}
		k.KeyID = id
		set.keys, set.ids = append(set.keys, *k), append(set.ids, []string{id, strings.TrimPrefix(id, did), tp})
	}
	return set, nil
}

// ChainKeys asks each source in turn and returns the first key found.
type ChainKeys []Keys

// Key implements Keys.
func (c ChainKeys) Key(ctx context.Context, issuerID, kid string) (*jose.JSONWebKey, error) {
	var errs []error
	for _, k := range c {
		key, err := k.Key(ctx, issuerID, kid)
		if err == nil {
			return key, nil
		}
		errs = append(errs, err)
	}
	return nil, errors.Join(errs...)
}

package verifier

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"
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

// HTTPKeys fetches keys of other issuers: the kid must be an https URL on
// the issuer id's origin (or a did:web issuer's host), and must answer with
// one bare public JWK. Fetches have a timeout and a size limit.
type HTTPKeys struct {
	Client *http.Client
	// AllowHTTP permits http:// kids on loopback addresses (for tests).
	AllowHTTP bool
	// MaxBytes bounds a key document; 0 means 64 KiB.
	MaxBytes int64
}

// Key implements Keys.
func (h *HTTPKeys) Key(ctx context.Context, issuerID, kid string) (*jose.JSONWebKey, error) {
	ku, err := url.Parse(kid)
	if err != nil || ku.Host == "" {
		return nil, fmt.Errorf("%w: kid %q is not a URL", ErrUnknownKey, kid)
	}
	if ku.Scheme != "https" && !(h.AllowHTTP && ku.Scheme == "http" && isLoopback(ku.Hostname())) {
		return nil, fmt.Errorf("%w: kid %q is not https", ErrUnknownKey, kid)
	}
	if host := issuerHost(issuerID); host == "" || !strings.EqualFold(host, ku.Host) {
		return nil, fmt.Errorf("%w: kid %q is not on the issuer's host", ErrUnknownKey, kid)
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, kid, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/jwk+json, application/json")
	c := h.Client
	if c == nil {
		c = &http.Client{Timeout: 5 * time.Second}
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch key: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: fetching %s answered %s", ErrUnknownKey, kid, resp.Status)
	}
	max := h.MaxBytes
	if max == 0 {
		max = 64 << 10
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("fetch key: %w", err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: key document over %d bytes", ErrUnknownKey, max)
	}
	var k jose.JSONWebKey
	if err := json.Unmarshal(b, &k); err != nil {
		return nil, fmt.Errorf("%w: %s is not a JWK: %v", ErrUnknownKey, kid, err)
	}
	if !k.Valid() || !k.IsPublic() {
		return nil, fmt.Errorf("%w: %s is not a valid public JWK", ErrUnknownKey, kid)
	}
	return &k, nil
}

func issuerHost(issuerID string) string {
	if rest, ok := strings.CutPrefix(issuerID, "did:web:"); ok {
		host, _, _ := strings.Cut(rest, ":")
		host, _ = url.PathUnescape(host)
		return host
	}
	u, err := url.Parse(issuerID)
	if err != nil {
		return ""
	}
	return u.Host
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
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

package verifier

import (
	"container/list"
	"context"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/tanu-edu/tanu/internal/outbound"
)

// ErrUnreachable is what a failed fetch from another issuer is, as the
// caller of the verifier sees it: "could not reach the issuer". The cause
// (address, status, network error) only goes to the fetcher's log.
var ErrUnreachable = outbound.ErrUnreachable

// Fetcher gets a document from another issuer's origin. It must refuse
// internal addresses and cross-origin redirects (internal/outbound does),
// and return ErrUnreachable on any failure. maxAge is the document's
// Cache-Control max-age: -1 when it has none, 0 for no-store.
type Fetcher interface {
	Fetch(ctx context.Context, url, accept string, maxBytes int64) (body []byte, maxAge time.Duration, err error)
}

// defaultFetcher is the guarded client with its defaults.
func defaultFetcher() Fetcher { return outbound.New(outbound.Config{}) }

// Bounds on how long a fetched document is trusted.
const (
	// remoteMinTTL and remoteMaxTTL clamp a document's max-age.
	remoteMinTTL = 30 * time.Second
	remoteMaxTTL = time.Hour
	// remoteDefaultTTL applies when a document says nothing.
	remoteDefaultTTL = 5 * time.Minute
	// DefaultRemoteCacheBytes bounds what is kept of other issuers' key
	// sets and status lists.
	DefaultRemoteCacheBytes = 8 << 20
)

// lifetime is how long a document fetched at now may be used.
func lifetime(maxAge time.Duration) time.Duration {
	switch {
	case maxAge == 0:
		return 0
	case maxAge < 0:
		return remoteDefaultTTL
	case maxAge < remoteMinTTL:
		return remoteMinTTL
	case maxAge > remoteMaxTTL:
		return remoteMaxTTL
	}
	return maxAge
}

// remoteCache keeps parsed documents of other issuers, by URL, until they
// expire, LRU-bounded by their size in bytes. Concurrent misses of one URL
// share one fetch.
type remoteCache struct {
	mu       sync.Mutex
	max      int64
	used     int64
	ll       *list.List
	items    map[string]*list.Element
	inflight map[string]*call
}

type remoteEntry struct {
	key     string
	val     any
	size    int64
	fetched time.Time
	expires time.Time
}

type call struct {
	done chan struct{}
	val  any
	err  error
}

func newRemoteCache(max int64) *remoteCache {
	return &remoteCache{max: max, ll: list.New(), items: map[string]*list.Element{}, inflight: map[string]*call{}}
}

// get returns a fresh entry of key.
func (c *remoteCache) get(key string, now time.Time) (*remoteEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*remoteEntry)
	if !now.Before(e.expires) {
		c.remove(el)
		return nil, false
	}
	c.ll.MoveToFront(el)
	return e, true
}

func (c *remoteCache) remove(el *list.Element) {
	e := el.Value.(*remoteEntry)
	c.ll.Remove(el)
	delete(c.items, e.key)
	c.used -= e.size
}

// put stores val until expires; entries larger than a quarter of the cache
// are not kept.
func (c *remoteCache) put(key string, val any, size int64, fetched, expires time.Time) {
	if !fetched.Before(expires) || size > c.max/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.remove(el)
	}
	c.items[key] = c.ll.PushFront(&remoteEntry{key: key, val: val, size: size, fetched: fetched, expires: expires})
	c.used += size
	for c.used > c.max {
		c.remove(c.ll.Back())
	}
}

// once runs fn for key, or waits for the run already under way.
func (c *remoteCache) once(ctx context.Context, key string, fn func() (any, error)) (any, error) {
	c.mu.Lock()
	if cl, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		select {
		case <-cl.done:
			return cl.val, cl.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	cl := &call{done: make(chan struct{})}
	c.inflight[key] = cl
	c.mu.Unlock()
	cl.val, cl.err = fn()
	c.mu.Lock()
	delete(c.inflight, key)
	c.mu.Unlock()
	close(cl.done)
	return cl.val, cl.err
}

// origin returns scheme://host of an https (or http) URL, "" otherwise.
func origin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil {
		return ""
	}
	return u.Scheme + "://" + strings.ToLower(u.Host)
}

// issuerOrigin is the origin an issuer publishes its keys and lists on:
// the issuer id's, or a did:web issuer's https host.
func issuerOrigin(issuerID string) string {
	if rest, ok := strings.CutPrefix(issuerID, "did:web:"); ok {
		host, _, _ := strings.Cut(rest, ":")
		host, err := url.PathUnescape(host)
		if err != nil || host == "" || strings.ContainsAny(host, "/?#@") {
			return ""
		}
		// A did:web on a loopback address (a test or development
		// instance) is served over plain http; the guarded fetcher refuses
		// loopback addresses unless told to allow them.
		if h, _, err := net.SplitHostPort(host); err == nil && isLoopbackHost(h) || isLoopbackHost(host) {
			return "http://" + strings.ToLower(host)
		}
		return "https://" + strings.ToLower(host)
	}
	return origin(issuerID)
}

func isLoopbackHost(h string) bool {
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(h, "[]"))
	return ip != nil && ip.IsLoopback()
}

// remoteDefaults is what HTTPKeys and StatusLists fetch with and cache in:
// f (nil: the default guarded fetcher) and a cache of cacheBytes (0 or
// less: DefaultRemoteCacheBytes).
func remoteDefaults(f Fetcher, cacheBytes int64) (Fetcher, *remoteCache) {
	if f == nil {
		f = defaultFetcher()
	}
	if cacheBytes <= 0 {
		cacheBytes = DefaultRemoteCacheBytes
	}
	return f, newRemoteCache(cacheBytes)
}

// nowOr is now(), or the wall clock when now is nil.
func nowOr(now func() time.Time) time.Time {
	if now != nil {
		return now()
	}
	return time.Now()
}

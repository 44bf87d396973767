package verifier

import (
	"container/list"
	"crypto/sha256"
	"sync"
	"time"
)

// cache remembers tokens whose static checks (signature, claims, schema)
// passed, keyed by the token's SHA-256, LRU-bounded and with a TTL so a
// key withdrawn from the published set stops verifying soon.
type cache struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	ll    *list.List
	items map[[32]byte]*list.Element
}

type cacheEntry struct {
	key     [32]byte
	at      time.Time
	checks  []Check
	summary *Summary
	parsed  *Parsed
}

func newCache(max int, ttl time.Duration) *cache {
	return &cache{max: max, ttl: ttl, ll: list.New(), items: map[[32]byte]*list.Element{}}
}

func (c *cache) get(token string) (*cacheEntry, bool) {
	if c == nil || c.max <= 0 {
		return nil, false
	}
	k := sha256.Sum256([]byte(token))
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[k]
	if !ok {
		return nil, false
	}
	e := el.Value.(*cacheEntry)
	if time.Since(e.at) > c.ttl || e.parsed.JWS != token {
		c.ll.Remove(el)
		delete(c.items, k)
		return nil, false
	}
	c.ll.MoveToFront(el)
	return e, true
}

func (c *cache) put(token string, checks []Check, s *Summary, p *Parsed) {
	if c == nil || c.max <= 0 {
		return
	}
	k := sha256.Sum256([]byte(token))
	e := &cacheEntry{key: k, at: time.Now(), checks: append([]Check(nil), checks...), summary: s, parsed: p}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[k]; ok {
		el.Value = e
		c.ll.MoveToFront(el)
		return
	}
	c.items[k] = c.ll.PushFront(e)
	for c.ll.Len() > c.max {
		old := c.ll.Back()
		c.ll.Remove(old)
		delete(c.items, old.Value.(*cacheEntry).key)
	}
}

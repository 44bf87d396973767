package verifier

import (
	"container/list"
	"hash/maphash"
	"sync"
	"time"
)

// cache remembers tokens whose static checks (signature, claims, schema)
// passed, LRU-bounded and with a TTL so a key withdrawn from the published
// set stops verifying soon. Entries are keyed by a fast seeded hash and
// confirmed by comparing the whole token, so a collision can only miss.
type cache struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	seed  maphash.Seed
	ll    *list.List
	items map[uint64]*list.Element
}

type cacheEntry struct {
	key     uint64
	at      time.Time
	checks  []Check
	summary *Summary
	parsed  *Parsed
}

func newCache(max int, ttl time.Duration) *cache {
	return &cache{max: max, ttl: ttl, seed: maphash.MakeSeed(), ll: list.New(), items: map[uint64]*list.Element{}}
}

func (c *cache) get(token string) (*cacheEntry, bool) {
	if c == nil || c.max <= 0 {
		return nil, false
	}
	k := maphash.String(c.seed, token)
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
	k := maphash.String(c.seed, token)
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

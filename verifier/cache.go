package verifier

import (
	"container/list"
	"hash/maphash"
	"sync"
	"time"
)

// cache remembers tokens whose static checks (signature, claims, schema)
// passed, LRU-bounded by entries and by the bytes the entries hold (the
// token, its payload and the decoded payload, estimated), and with a TTL
// so a key withdrawn from the published set stops verifying soon. Entries are keyed by a fast seeded hash and
// confirmed by comparing the whole token, so a collision can only miss.
type cache struct {
	mu    sync.Mutex
	max   int
	bytes int64 // budget for the entries' estimated sizes
	used  int64
	ttl   time.Duration
	seed  maphash.Seed
	ll    *list.List
	items map[uint64]*list.Element
}

type cacheEntry struct {
	key     uint64
	cost    int64
	at      time.Time
	checks  []Check
	summary *Summary
	parsed  *Parsed
}

// entryCost estimates what an entry keeps alive: the token, the payload
// bytes, the decoded payload (about twice its JSON) and fixed overhead.
func entryCost(token string, p *Parsed) int64 {
	return int64(len(token)+3*len(p.Raw)) + 2048
}

func newCache(max int, maxBytes int64, ttl time.Duration) *cache {
	return &cache{max: max, bytes: maxBytes, ttl: ttl, seed: maphash.MakeSeed(), ll: list.New(), items: map[uint64]*list.Element{}}
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
		c.remove(el)
		return nil, false
	}
	c.ll.MoveToFront(el)
	return e, true
}

func (c *cache) put(token string, checks []Check, s *Summary, p *Parsed) {
	if c == nil || c.max <= 0 {
		return
	}
	cost := entryCost(token, p)
	if cost > c.bytes/8 {
		return // one entry never takes more than an eighth of the budget
	}
	k := maphash.String(c.seed, token)
	e := &cacheEntry{key: k, cost: cost, at: time.Now(), checks: append([]Check(nil), checks...), summary: s, parsed: p}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[k]; ok {
		c.remove(el)
	}
	c.items[k] = c.ll.PushFront(e)
	c.used += cost
	for c.ll.Len() > c.max || c.used > c.bytes {
		c.remove(c.ll.Back())
	}
}

// remove drops an entry; c.mu is held.
func (c *cache) remove(el *list.Element) {
	e := el.Value.(*cacheEntry)
	c.ll.Remove(el)
	delete(c.items, e.key)
	c.used -= e.cost
}

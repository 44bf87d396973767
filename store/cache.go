package store

import (
	"container/list"
	"sync"

	"github.com/tanu-edu/tanu/credential"
)

// recordCache keeps the immutable part of recently read credentials (the
// signed JWS and its numbers never change once stored), so a verification
// reads only the small status columns. It is safe across instances: the
// cached part is never updated by anyone.
type recordCache struct {
	mu    sync.Mutex
	max   int
	ll    *list.List
	items map[string]*list.Element
}

func newRecordCache(max int) *recordCache {
	return &recordCache{max: max, ll: list.New(), items: map[string]*list.Element{}}
}

func (c *recordCache) get(id string) (credential.Record, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[id]
	if !ok {
		return credential.Record{}, false
	}
	c.ll.MoveToFront(el)
	return *el.Value.(*credential.Record), true
}

func (c *recordCache) put(r *credential.Record) {
	if c.max <= 0 {
		return
	}
	cp := *r
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[r.ID]; ok {
		el.Value = &cp
		c.ll.MoveToFront(el)
		return
	}
	c.items[r.ID] = c.ll.PushFront(&cp)
	for c.ll.Len() > c.max {
		old := c.ll.Back()
		c.ll.Remove(old)
		delete(c.items, old.Value.(*credential.Record).ID)
	}
}

package load

import "container/list"

// lru is a map that keeps at most max entries, dropping the least recently
// used. The loader caches what documents share (registries, directives,
// the kinds a tree defines) in lrus, so that a build of any number of
// documents in any number of trees keeps a bounded amount in memory: a
// build visits documents in path order, so what is dropped is what the
// next documents no longer share. It is not safe for concurrent use; the
// Loader's mutex guards it.
type lru[V any] struct {
	max   int
	order *list.List // of *lruItem[V], most recent first
	items map[string]*list.Element
}

type lruItem[V any] struct {
	key string
	val V
}

func newLRU[V any](max int) *lru[V] {
	return &lru[V]{max: max, order: list.New(), items: map[string]*list.Element{}}
}

// get returns the value for key, making it the most recent.
func (c *lru[V]) get(key string) (V, bool) {
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*lruItem[V]).val, true
	}
	var zero V
	return zero, false
}

// put adds or replaces the value for key and drops the least recently used
// entries beyond max.
func (c *lru[V]) put(key string, v V) {
	if e, ok := c.items[key]; ok {
		e.Value.(*lruItem[V]).val = v
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(&lruItem[V]{key: key, val: v})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*lruItem[V]).key)
	}
}

// getOrAdd returns the value for key, adding make()'s when there is none.
func (c *lru[V]) getOrAdd(key string, make func() V) V {
	if v, ok := c.get(key); ok {
		return v
	}
	v := make()
	c.put(key, v)
	return v
}

// len is the number of entries.
func (c *lru[V]) len() int { return c.order.Len() }

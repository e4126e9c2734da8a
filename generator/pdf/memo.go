package pdf

import (
	"strings"
	"sync"
)

// memo keeps what a renderer worked out from a string (a word's
// hyphenation points) for the documents that follow: those of one
// organisation repeat the same words and phrases. It holds
// at most max entries and is emptied when full, so that its memory stays
// small whatever the build. Safe for concurrent use; the values are
// shared, and must not be changed.
type memo[V any] struct {
	mu  sync.Mutex
	m   map[string]V
	max int
}

// get returns the value of key, made with make when it is not kept.
func (c *memo[V]) get(key string, make func(string) V) V {
	c.mu.Lock()
	v, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = make(key)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= c.max {
		c.m = map[string]V{}
	}
	c.m[strings.Clone(key)] = v // the key is a piece of a document's text
	c.mu.Unlock()
	return v
}

package load

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLRU(t *testing.T) {
	c := newLRU[int](3)
	for i := range 5 {
		c.put(fmt.Sprint(i), i)
	}
	assert.Equal(t, 3, c.len(), "never more than max")
	_, ok := c.get("0")
	assert.False(t, ok, "the oldest are dropped")
	v, ok := c.get("2")
	assert.True(t, ok)
	assert.Equal(t, 2, v)
	c.put("5", 5) // drops 3, since 2 was used after it
	_, ok = c.get("3")
	assert.False(t, ok)
	_, ok = c.get("2")
	assert.True(t, ok)
	c.put("2", 20)
	v, _ = c.get("2")
	assert.Equal(t, 20, v, "put replaces")
}

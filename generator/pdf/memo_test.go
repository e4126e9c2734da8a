package pdf

import (
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/underlag/underlag/generator/doc"
)

// TestMemo checks that a memo gives what its maker gives, makes each key
// once while it is kept, stays within its bound, and can be used from
// several goroutines.
func TestMemo(t *testing.T) {
	texts := []string{"", "HSN 1203-2024", "Sida 1 (3)", "2025-06-16", "§ 173", "12 500 kr", "Region Västerbotten", "070-123 45 67"}
	var mu sync.Mutex
	made := map[string]int{}
	c := memo[[][2]int]{max: len(texts)}
	maker := func(s string) [][2]int {
		mu.Lock()
		made[s]++
		mu.Unlock()
		return doc.Unbreakable(s)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				for _, s := range texts {
					assert.Equal(t, doc.Unbreakable(s), c.get(s, maker), "%q", s)
				}
			}
		})
	}
	wg.Wait()
	for _, s := range texts {
		// Two goroutines may both make a key before either keeps it.
		assert.LessOrEqual(t, made[s], 4, "%q made again while kept", s)
	}
	for i := range 3 * len(texts) {
		c.get("text "+strconv.Itoa(i), maker)
	}
	assert.LessOrEqual(t, len(c.m), c.max, "the bound")
}

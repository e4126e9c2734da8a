package main

import (
	"math"
	"os"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLimitMemory: underlag sets its soft memory limit only when the
// environment sets none.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	cases := []struct {
		name string
		env  string // "" leaves GOMEMLIMIT unset
		want int64
	}{
		{"unset", "", memoryLimit},
		{"set by the user", "200MiB", math.MaxInt64},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			debug.SetMemoryLimit(math.MaxInt64)
			if c.env != "" {
				t.Setenv("GOMEMLIMIT", c.env)
			} else {
				t.Setenv("GOMEMLIMIT", "") // restored afterwards
				os.Unsetenv("GOMEMLIMIT")
			}
			limitMemory()
			assert.Equal(t, c.want, debug.SetMemoryLimit(-1), "the limit in effect")
		})
	}
}

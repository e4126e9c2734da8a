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

// TestBuildLimit: a build up to about 10,000 documents keeps the soft
// limit; a larger one gets a limit that grows with it, above what it
// keeps live; and the observer leaves a limit GOMEMLIMIT set alone.
func TestBuildLimit(t *testing.T) {
	live := func(docs int) int64 { return liveBase + int64(docs)*livePerDocument }
	for _, docs := range []int{0, 1, 1000, 10_000} {
		assert.Equal(t, int64(memoryLimit), buildLimit(docs), "%d documents", docs)
	}
	prev := buildLimit(10_000)
	for _, docs := range []int{20_000, 50_000, 200_000} {
		l := buildLimit(docs)
		assert.Greater(t, l, prev, "%d documents: more than for fewer", docs)
		assert.Greater(t, l, live(docs), "%d documents: above what the build keeps live", docs)
		prev = l
	}

	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	t.Setenv("GOMEMLIMIT", "") // restored afterwards
	os.Unsetenv("GOMEMLIMIT")
	memoryObserver{}.Start(50_000)
	assert.Equal(t, buildLimit(50_000), debug.SetMemoryLimit(-1), "raised for a large build")
	t.Setenv("GOMEMLIMIT", "200MiB")
	debug.SetMemoryLimit(math.MaxInt64)
	memoryObserver{}.Start(50_000)
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "GOMEMLIMIT's stays")
}

// TestBuildGCPercent: a build lets its soft limit alone pace the
// collector, unless the environment sets GOGC or a limit of its own (a
// GOMEMLIMIT of "off" with the percentage off would let the heap grow
// without bound).
func TestBuildGCPercent(t *testing.T) {
	beforeLimit := debug.SetMemoryLimit(-1)
	beforePercent := debug.SetGCPercent(100)
	t.Cleanup(func() {
		debug.SetMemoryLimit(beforeLimit)
		debug.SetGCPercent(beforePercent)
	})
	cases := []struct {
		name, gogc, memlimit string // "" leaves the variable unset
		want                 int
	}{
		{"neither set", "", "", -1},
		{"GOGC set", "150", "", 100},
		{"GOMEMLIMIT set", "", "off", 100},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for name, v := range map[string]string{"GOGC": c.gogc, "GOMEMLIMIT": c.memlimit} {
				t.Setenv(name, v) // restored afterwards
				if v == "" {
					os.Unsetenv(name)
				}
			}
			debug.SetGCPercent(100)
			memoryObserver{}.Start(1000)
			assert.Equal(t, c.want, debug.SetGCPercent(100), "the percentage in effect")
		})
	}
}

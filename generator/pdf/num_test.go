package pdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// appendNumDefined is appendNum as first written, all through
// strconv.AppendFloat: the definition the fast way is held to.
func appendNumDefined(c []byte, v float64) []byte {
	if v > -0.0005 && v < 0.0005 {
		return append(c, '0')
	}
	n := len(c)
	c = strconv.AppendFloat(c, v, 'f', 3, 64)
	for c[len(c)-1] == '0' {
		c = c[:len(c)-1]
	}
	if c[len(c)-1] == '.' {
		c = c[:len(c)-1]
	}
	if string(c[n:]) == "-0" {
		c = append(c[:n], '0')
	}
	return c
}

// TestAppendNumDefined: appendNum writes what strconv.AppendFloat rounds to, for
// a page's coordinates and sizes, for values at and next to halfway
// between two thousandths, and for the very large and the very small.
func TestAppendNumDefined(t *testing.T) {
	check := func(v float64) {
		t.Helper()
		if got, want := string(appendNum([]byte("x "), v)), string(appendNumDefined([]byte("x "), v)); got != want {
			t.Fatalf("%v (%b): %q, want %q", v, math.Float64bits(v), got, want)
		}
	}
	for _, v := range []float64{0, 0.0005, -0.0005, 0.0004999, 0.0015, 0.0025, 0.0625, -0.0625, 1.0005, 2.5e-4,
		210, 297, 0.1, 0.2, 0.3, 1e6, 1 << 21, 1<<31/1000 + 0.0005, -(1<<31)/1000 - 0.1, 1e20, -1e20, math.MaxFloat64,
		math.SmallestNonzeroFloat64, 123.4565, 123.4575, 841.8897637795276, 595.2755905511812} {
		for _, w := range []float64{v, -v, math.Nextafter(v, math.Inf(1)), math.Nextafter(v, math.Inf(-1))} {
			check(w)
		}
	}
	rng := rand.New(rand.NewPCG(31, 3))
	for range 400_000 {
		// Points on an A4 page and font sizes, in mm and pt.
		check((rng.Float64() - 0.1) * 900)
		// Exactly halfway, or a step off it.
		h := (float64(rng.IntN(2_000_000)-1_000_000) + 0.5) / 1000
		check(h)
		check(math.Nextafter(h, 0))
		check(math.Nextafter(h, math.Inf(1)))
		// Any magnitude.
		check(math.Float64frombits(rng.Uint64()))
	}
}

// FuzzAppendNum: appendNum agrees with its definition for any float.
func FuzzAppendNum(f *testing.F) {
	for _, v := range []float64{0, 0.0005, 123.4565, -841.89, 1e300} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		if got, want := string(appendNum(nil, v)), string(appendNumDefined(nil, v)); got != want {
			t.Fatalf("%v: %q, want %q", v, got, want)
		}
	})
}

// BenchmarkAppendNum writes a page's worth of coordinates, the fast way
// and the way it is defined.
func BenchmarkAppendNum(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	vs := make([]float64, 1000)
	for i := range vs {
		vs[i] = rng.Float64() * 297
	}
	for _, f := range []struct {
		name string
		fn   func([]byte, float64) []byte
	}{{"fast", appendNum}, {"defined", appendNumDefined}} {
		b.Run(f.name, func(b *testing.B) {
			c := make([]byte, 0, 16<<10)
			for b.Loop() {
				c = c[:0]
				for _, v := range vs {
					c = f.fn(c, v)
				}
			}
		})
	}
}

package pdf

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAppendNumRounded: appendNum writes what strconv.AppendFloat rounds to
// (appendRounded), for a page's coordinates and sizes, for values at and
// next to halfway between two thousandths, and for the very large and the
// very small.
func TestAppendNumRounded(t *testing.T) {
	check := func(v float64) {
		t.Helper()
		if got, want := string(appendNum([]byte("x "), v)), string(appendRounded([]byte("x "), v)); got != want {
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

// FuzzAppendNum: appendNum agrees with appendRounded for any float.
func FuzzAppendNum(f *testing.F) {
	for _, v := range []float64{0, 0.0005, 123.4565, -841.89, 1e300} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		if got, want := string(appendNum(nil, v)), string(appendRounded(nil, v)); got != want {
			t.Fatalf("%v: %q, want %q", v, got, want)
		}
	})
}

// BenchmarkAppendNum writes a page's worth of coordinates, the fast way
// and through strconv.AppendFloat.
func BenchmarkAppendNum(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	vs := make([]float64, 1000)
	for i := range vs {
		vs[i] = rng.Float64() * 297
	}
	for _, f := range []struct {
		name string
		fn   func([]byte, float64) []byte
	}{{"fast", appendNum}, {"strconv", appendRounded}} {
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

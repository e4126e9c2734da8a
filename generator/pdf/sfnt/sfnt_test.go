package sfnt

import (
	"encoding/binary"
	"testing"

	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-pdf/fpdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func glyphLen(s *Font, g uint16) uint32 { return s.loca[g+1] - s.loca[g] }

// TestSubset checks the subsetter: the used glyphs keep their bytes, the
// others are emptied, and the result parses again.
func TestSubset(t *testing.T) {
	t.Parallel()
	f, err := Parse(liberationsansregular.TTF)
	require.NoError(t, err)
	gid, err := f.Cmap(0x2ff)
	require.NoError(t, err)
	ss := NewSubsetter(f, nil)
	used := make([]bool, f.NumGlyphs)
	a, z := gid['å'], gid['ŋ']
	require.NotZero(t, a)
	require.NotZero(t, z)
	used[a], used[z] = true, true
	dir, static, dyn := ss.Subset(used)
	sub, err := Parse(append(append(append([]byte(nil), dir...), static...), dyn...))
	require.NoError(t, err)
	require.Equal(t, f.NumGlyphs, sub.NumGlyphs)
	assert.Equal(t, glyphLen(f, a), glyphLen(sub, a))
	assert.Equal(t, glyphLen(f, z), glyphLen(sub, z))
	// 'å' is a composite of 'a' and the ring: both come along.
	require.NotEmpty(t, f.comps(int(a)))
	for _, c := range f.comps(int(a)) {
		assert.NotZero(t, glyphLen(sub, c))
	}
	assert.Zero(t, glyphLen(sub, gid['Q']))
	assert.Equal(t, f.Advance, sub.Advance)
	m, err := CmapOf(liberationsansregular.TTF, 0x2ff)
	require.NoError(t, err)
	assert.Equal(t, gid, m, "CmapOf reads the cmap Parse reads")
	into := make([]uint16, len(m))
	for i := range into {
		into[i] = 0xffff // what another font left there
	}
	require.NoError(t, CmapInto(into, liberationsansregular.TTF))
	assert.Equal(t, m, into, "CmapInto clears the table it reuses")
	each := make([]uint16, len(m))
	require.NoError(t, f.EachCmap(0x2ff, func(r rune, g uint16) { each[r] = g }))
	assert.Equal(t, m, each, "EachCmap lists what Cmap keeps")
}

// TestTruncated checks that every cut of a font's data is an error, never
// a panic: every offset the reader follows is checked.
func TestTruncated(t *testing.T) {
	t.Parallel()
	data := fpdf.UTF8CutFont(liberationsansregular.TTF, "abcåäö")
	for n := 0; n < len(data); n += 1 + n/16 {
		cut := data[:n]
		assert.NotPanics(t, func() {
			if f, err := Parse(cut); err == nil {
				_, _ = f.Cmap(0xffff)
			}
			_, _ = CmapOf(cut, 0xffff)
		}, "cut at %d", n)
	}
}

// TestRepairCmap checks the repair of the cmap that fpdf's cutter writes:
// its format 4 subtable declares a length short of what it holds (odd
// for some fonts, which fontTools refuses); after the repair it declares
// the bytes it has, and maps the same.
func TestRepairCmap(t *testing.T) {
	t.Parallel()
	data := fpdf.UTF8CutFont(liberationsansregular.TTF, "abcåäö ŋ")
	tables, _, err := directory(data)
	require.NoError(t, err)
	c := tables["cmap"]
	off := int(binary.BigEndian.Uint32(c[8:]))
	before := u16(c, off+2)
	want, err := CmapOf(data, 0x3ff)
	require.NoError(t, err)
	fixed := append([]byte(nil), data...)
	require.NoError(t, RepairCmap(fixed))
	tables, _, err = directory(fixed)
	require.NoError(t, err)
	after := u16(tables["cmap"], off+2)
	assert.Equal(t, len(c)-off, after, "the subtable declares the bytes it holds (fpdf said %d)", before)
	assert.Zero(t, after%2)
	got, err := CmapOf(fixed, 0x3ff)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Error(t, RepairCmap(fixed[:20]))
}

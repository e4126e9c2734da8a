package pdf

import (
	"encoding/binary"
	"slices"
	"testing"

	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/pdf/sfnt"
	"github.com/underlag/underlag/generator/style"
)

// withFsType is a copy of a TrueType font with its OS/2 fsType set.
func withFsType(t *testing.T, ttf []byte, v uint16) []byte {
	t.Helper()
	b := slices.Clone(ttf)
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := range n {
		rec := b[12+16*i:]
		if string(rec[:4]) == "OS/2" {
			binary.BigEndian.PutUint16(b[int(binary.BigEndian.Uint32(rec[8:]))+8:], v)
			return b
		}
	}
	t.Fatal("no OS/2 table")
	return nil
}

// Embeddable follows the licence bits of OS/2 fsType, and refuses what
// it cannot embed (CFF outlines, data that is no font) with the reason.
func TestEmbeddable(t *testing.T) {
	t.Parallel()
	ttf := liberationsansregular.TTF
	otto := append([]byte("OTTO"), ttf[4:]...)
	for _, tc := range []struct {
		name string
		font []byte
		want string // "" when the font may be embedded
	}{
		{"installable", withFsType(t, ttf, 0x0000), ""},
		{"preview and print", withFsType(t, ttf, 0x0004), ""},
		{"editable", withFsType(t, ttf, 0x0008), ""},
		{"restricted licence", withFsType(t, ttf, 0x0002), "licence forbids embedding"},
		{"bitmaps only", withFsType(t, ttf, 0x0200|0x0008), "only bitmaps"},
		{"OpenType with CFF outlines", otto, "OpenType fonts with CFF outlines are not supported"},
		{"not a font", []byte("%PDF-1.7 this is no font"), "not a TrueType font"},
		{"empty", nil, "not a TrueType font"},
	} {
		err := Embeddable(tc.font)
		if tc.want == "" {
			assert.NoError(t, err, tc.name)
			continue
		}
		require.Error(t, err, tc.name)
		assert.Contains(t, err.Error(), tc.want, tc.name)
	}
}

// Has answers for the runes of the font's cmap and for the characters
// drawn with stand-ins, and no more.
func TestHas(t *testing.T) {
	t.Parallel()
	has, err := Has(liberationsansregular.TTF)
	require.NoError(t, err)
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'å', true}, {'€', true}, {0x00AD, true}, {0x2011, true},
		{0x4E2D, false}, {0x1F600, false}, {-1, false},
	} {
		assert.Equal(t, tc.want, has(tc.r), "%U", tc.r)
	}
	_, err = Has([]byte("no font"))
	assert.Error(t, err)
}

// A damaged font file is an error, never a crash. Each case overwrites
// two bytes of Liberation Sans's cmap where fpdf's cutter then indexes
// past its tables (found by overwriting bytes at random).
func TestOwnFaceDamaged(t *testing.T) {
	t.Parallel()
	orig := liberationsansregular.TTF
	cmap := -1
	for i := range int(binary.BigEndian.Uint16(orig[4:])) {
		if rec := orig[12+16*i:]; string(rec[:4]) == "cmap" {
			cmap = int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	require.GreaterOrEqual(t, cmap, 0, "Liberation Sans has a cmap")
	for _, tc := range []struct {
		at    int // offset into the cmap table
		bytes [2]byte
	}{{747, [2]byte{0x95, 0x27}}, {634, [2]byte{0x4e, 0x16}}, {678, [2]byte{0xcc, 0x9d}}} {
		b := slices.Clone(orig)
		copy(b[cmap+tc.at:], tc.bytes[:])
		require.NoError(t, Embeddable(b), "sfnt does not read what is damaged")
		var faces [numFaces]*face
		var err error
		require.NotPanics(t, func() { err = ownFaces(&faces, "Skadad", &style.Fonts{Regular: b}, &bestZ{}) }, "cmap+%d", tc.at)
		require.Error(t, err, "cmap+%d", tc.at)
		assert.Contains(t, err.Error(), "Skadad: the font file is damaged")
	}
}

// A composite glyph that contains itself (å's first component made å)
// is a damaged file too: fpdf's cutter, which the renderer used before
// sfnt.Cut, recursed on it until the stack overflowed, which no recover
// catches, and the process died.
func TestOwnFaceCyclicGlyph(t *testing.T) {
	t.Parallel()
	b := slices.Clone(liberationsansregular.TTF)
	f, err := sfnt.Parse(b)
	require.NoError(t, err)
	gid, err := f.Cmap('å')
	require.NoError(t, err)
	g := gid['å']
	var glyf, loca, long = -1, -1, binary.BigEndian.Uint16(f.Tables["head"][50:]) == 1
	for i := range int(binary.BigEndian.Uint16(b[4:])) {
		rec := b[12+16*i:]
		switch string(rec[:4]) {
		case "glyf":
			glyf = int(binary.BigEndian.Uint32(rec[8:]))
		case "loca":
			loca = int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	require.True(t, glyf >= 0 && loca >= 0 && long, "Liberation Sans has glyf and a long loca")
	at := glyf + int(binary.BigEndian.Uint32(b[loca+4*int(g):]))
	require.Less(t, int16(binary.BigEndian.Uint16(b[at:])), int16(0), "å is a composite glyph")
	binary.BigEndian.PutUint16(b[at+12:], g) // its first component: itself
	require.NoError(t, Embeddable(b), "sfnt does not read what is damaged")
	var faces [numFaces]*face
	err = ownFaces(&faces, "Slinga", &style.Fonts{Regular: b}, &bestZ{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Slinga: the font file is damaged")
	assert.Contains(t, err.Error(), "contains itself")
}

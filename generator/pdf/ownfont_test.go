package pdf

import (
	"encoding/binary"
	"slices"
	"testing"

	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

package coverage

import (
	"testing"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/pdf/sfnt"
)

// TestTable checks the table against its definition, rune by rune over
// the whole plane: covered when in the repertoire, not refused, and drawn
// by all five faces; or one of the invisibles.
func TestTable(t *testing.T) {
	faces := [][]byte{liberationsansregular.TTF, liberationsansbold.TTF, liberationsansitalic.TTF, liberationsansbolditalic.TTF, liberationmonoregular.TTF}
	var maps [][]uint16
	for _, f := range faces {
		m, err := sfnt.CmapOf(f, 0xffff)
		require.NoError(t, err)
		maps = append(maps, m)
	}
	got := covered()
	for r := rune(0); r < 0x10000; r++ {
		want := r >= 0x20 && inRepertoire(r) && !refused(r)
		for _, m := range maps {
			want = want && m[r] != 0
		}
		want = want || seen(invisibles, r)
		if got[r] != want {
			t.Errorf("U+%04X: covered %v, want %v", r, got[r], want)
		}
	}
	for _, r := range "åäöÅÄÖéüß€–”§ΩЖ" {
		require.True(t, got[r], "%c", r)
	}
}

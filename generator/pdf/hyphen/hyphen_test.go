package hyphen

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSwedish(t *testing.T) {
	t.Parallel()
	h, err := Swedish()
	require.NoError(t, err)
	for _, tc := range []struct{ in, want string }{
		{"primärvårdsutvecklingsarbetet", "pri-mär-vårds-ut-veck-lings-ar-be-tet"},
		{"omställningen", "om-ställ-ning-en"},
		{"Sjukvårdsnämnden", "Sjuk-vårds-nämn-den"},
		{"HSN", "HSN"}, // an abbreviation
		{"(primärvård),", "(pri-mär-vård),"},
		{"och", "och"},
		{"ut", "ut"},
	} {
		assert.Equal(t, tc.want, h.Hyphenate(tc.in, "-"))
	}
}

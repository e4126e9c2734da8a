package doc

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNumberingCheck(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		nb    Numbering
		pages int
		want  string // "" for no error
	}{
		{"no count from data", Numbering{Start: 53}, 9, ""},
		{"pages unknown", Numbering{Start: 53, Total: 53}, 0, ""},
		{"fits", Numbering{Start: 5, Total: 53}, 2, ""},
		{"ends on the last page", Numbering{Start: 52, Total: 53}, 2, ""},
		{"one page past", Numbering{Start: 53, Total: 53, From: "mallar/_sidhuvud.md.tmpl"}, 2,
			"mallar/_sidhuvud.md.tmpl: sidnumrering 53 53: the document's 2 pages would be numbered 53 to 54, past the count 53; make the first page 52 or less, or the count 54 or more"},
		{"count alone, smaller than the pages", Numbering{Total: 2}, 3,
			"sidnumrering 1 2: the document's 3 pages would be numbered 1 to 3, past the count 2; make the count 3 or more"},
	} {
		err := tc.nb.Check(tc.pages)
		if tc.want == "" {
			assert.NoError(t, err, tc.name)
			continue
		}
		assert.EqualError(t, err, tc.want, tc.name)
	}
}

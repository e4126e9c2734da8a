package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 24: the profile's footer shorthand written out as no lines is no
// footer, not the default address footer it once still printed.
func TestFooterShorthandEmpty(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, org string
		footer    bool
	}{
		{"no sidfot: the address footer", "adress: {postadress: \"Box 1, 901 89 Umeå\"}\n", true},
		{"rader with a line", "adress: {postadress: \"Box 1, 901 89 Umeå\"}\nsidfot:\n  rader: [[postadress]]\n", true},
		{"rader: [] written out", "adress: {postadress: \"Box 1, 901 89 Umeå\"}\nsidfot:\n  rader: []\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := contentTree(t, map[string]string{"organisation.yaml": tc.org, "m.yaml": contentMemo})
			p := contentPipeline(t)
			d, diags := p.Load(filepath.Join(dir, "m.yaml"))
			require.False(t, diags.HasErrors(), "%v", diags)
			tree, diags := p.Compose(d)
			require.False(t, diags.HasErrors(), "%v", diags)
			assert.Equal(t, tc.footer, len(tree.Meta.Footer) > 0, "footer %v", tree.Meta.Footer)
		})
	}
}

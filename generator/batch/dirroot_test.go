package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDirRootsBounded writes outputs into more directories than are kept
// open, twice over: every file is written whole where it belongs, no
// more directories than the bound stay open, and Close leaves none.
func TestDirRootsBounded(t *testing.T) {
	dir := t.TempDir()
	o, err := openOut(dir)
	require.NoError(t, err)
	dirs := maxDirRoots + 5
	for round := range 2 {
		for i := range dirs {
			rel := fmt.Sprintf("n%02d/sub/doc.pdf", i)
			data := fmt.Sprintf("round %d dir %d", round, i)
			require.NoError(t, o.write(rel, []byte(data)))
			got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
			require.NoError(t, err)
			assert.Equal(t, data, string(got))
			assert.LessOrEqual(t, len(o.open), maxDirRoots)
		}
	}
	require.NoError(t, o.write("top.pdf", []byte("top")), "the output directory itself")
	require.NoError(t, o.Close())
	assert.Empty(t, o.open)
	left, err := filepath.Glob(filepath.Join(dir, "n*", "sub", ".*"))
	require.NoError(t, err)
	assert.Empty(t, left, "no temporary file is left")
}

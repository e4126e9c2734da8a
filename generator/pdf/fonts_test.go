package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/style"
)

// TestLiberationFaces prepares every embedded face: Renderer.face panics
// on one that cannot be read, which only a broken build can bring.
func TestLiberationFaces(t *testing.T) {
	t.Parallel()
	faces := lazyFaces(&bestZ{})
	for i, prepare := range faces {
		f, err := prepare()
		require.NoError(t, err, liberation[i].name)
		assert.Equal(t, liberation[i].name, f.name)
		assert.NotZero(t, f.glyph('å'), liberation[i].name)
		again, _ := prepare()
		assert.Same(t, f, again, "%s is prepared once", liberation[i].name)
	}
}

// TestFacesOnFirstUse checks that a renderer's face is the Liberation
// face of its index, prepared once however often it is asked for.
func TestFacesOnFirstUse(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	f := r.face(faceBold)
	assert.Same(t, f, r.face(faceBold))
	assert.Equal(t, liberation[faceBold].name, f.name)
}

package docx

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/style"
)

// TestSignaturePictureOnce: a renderer draws a signature line's picture
// once per size and hands out the same bytes, the picture drawn afresh.
func TestSignaturePictureOnce(t *testing.T) {
	r, err := New(style.Default())
	require.NoError(t, err)
	sizes := [][2]float64{{60, 11}, {80, 11}, {60, 14}}
	for _, sz := range sizes {
		first, err := r.signaturePicture(sz[0], sz[1])
		require.NoError(t, err)
		again, err := r.signaturePicture(sz[0], sz[1])
		require.NoError(t, err)
		assert.Same(t, &first[0], &again[0], "%v: the same bytes, not drawn again", sz)
		fresh, err := drawSignaturePicture(sz[0], sz[1])
		require.NoError(t, err)
		assert.Equal(t, fresh, again, "%v: the picture as drawn", sz)
	}
	_, err = r.signaturePicture(0.5, 0.5)
	assert.Error(t, err, "too small is still an error")
}

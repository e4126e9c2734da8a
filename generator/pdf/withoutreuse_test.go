package pdf

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

// TestWithoutReuse checks that a renderer from NewWithoutReuse writes what
// New's writes, render after render, and keeps no body and no stream.
func TestWithoutReuse(t *testing.T) {
	t.Parallel()
	kept, err := New(style.Default())
	require.NoError(t, err)
	fresh, err := NewWithoutReuse(style.Default())
	require.NoError(t, err)
	d := doctest.All()
	for round := range 2 {
		var a, b bytes.Buffer
		require.NoError(t, kept.Render(&a, d))
		require.NoError(t, fresh.Render(&b, d))
		assert.Equal(t, a.Bytes(), b.Bytes(), "round %d", round)
	}
	assert.Empty(t, fresh.bodies.byDoc, "bodies kept")
	assert.Nil(t, fresh.streams, "streams kept")
	assert.NotEmpty(t, kept.bodies.byDoc, "New's renderer keeps the body it laid out")
}

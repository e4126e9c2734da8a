package pdf

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

// TestFontSetsShareBytes renders documents through one renderer, whose
// font sets fill as it goes, and each through a renderer of its own: the
// files are the same byte for byte, and a document rendered again makes
// no new set (its fonts came from the build's sets).
func TestFontSetsShareBytes(t *testing.T) {
	docs := map[string]*doc.Document{
		"all kinds":        doctest.All(),
		"long table":       doctest.LongTable(40),
		"long definitions": doctest.LongDefinitions(30),
	}
	shared, err := New(style.Default())
	require.NoError(t, err)
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			fresh, err := New(style.Default())
			require.NoError(t, err)
			var want, got, again bytes.Buffer
			require.NoError(t, fresh.Render(&want, d))
			require.NoError(t, shared.Render(&got, d))
			sets := len(shared.fonts.sets)
			require.NotZero(t, sets, "a rendered document leaves its font sets")
			require.NoError(t, shared.Render(&again, d))
			assert.Equal(t, sets, len(shared.fonts.sets), "the second rendering reuses the sets")
			assert.True(t, bytes.Equal(want.Bytes(), got.Bytes()), "the same bytes with the sets of other documents")
			assert.True(t, bytes.Equal(want.Bytes(), again.Bytes()), "the same bytes from the sets")
		})
	}
}

// TestFontSetsBounded fills the sets past their bound: they stay within
// it.
func TestFontSetsBounded(t *testing.T) {
	var c fontSets
	for i := range maxFontSets + 10 {
		c.put(string(rune(i)), &fontSet{})
	}
	assert.Len(t, c.sets, maxFontSets)
}

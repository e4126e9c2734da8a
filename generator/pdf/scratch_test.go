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

// TestScratchReused renders documents of different sizes one after the
// other through one renderer, so that each file starts in the buffers of
// the one before: each is byte for byte what a fresh renderer writes, and
// the buffers are kept between files.
func TestScratchReused(t *testing.T) {
	t.Parallel()
	docs := []*doc.Document{doctest.LongTable(80), doctest.All(), doctest.LongDefinitions(40), doctest.All()}
	r, err := New(style.Default())
	require.NoError(t, err)
	for i, d := range docs {
		fresh, err := New(style.Default())
		require.NoError(t, err)
		var want, got bytes.Buffer
		_, err = fresh.RenderPages(&want, d)
		require.NoError(t, err)
		_, err = r.RenderPages(&got, d)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want.Bytes(), got.Bytes()), "document %d: not the fresh renderer's bytes", i)
		assert.NotEmpty(t, r.scratches, "document %d: its buffers were not kept", i)
		assert.NotEmpty(t, r.spanScratches, "document %d: its paragraphs' buffers were not kept", i)
	}
}

// TestScratchBounded gives back buffers of each size: one that grew beyond
// maxScratch is not kept.
func TestScratchBounded(t *testing.T) {
	cases := []struct {
		name string
		buf  int
		kept bool
	}{
		{"a usual file", 200 << 10, true},
		{"at the bound", maxScratch, true},
		{"beyond it", maxScratch + 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := New(style.Default())
			require.NoError(t, err)
			fw := &fileWriter{w: writer{buf: make([]byte, c.buf), zbuf: new(bytes.Buffer)}}
			r.keepScratch(fw)
			assert.Equal(t, c.kept, len(r.scratches) == 1)
		})
	}
}

// TestSpanScratchBounded gives back paragraphs' buffers of each size: one
// that grew beyond maxSpanScratch is not kept, and one that is kept is
// emptied.
func TestSpanScratchBounded(t *testing.T) {
	cases := []struct {
		name  string
		spans int
		kept  bool
	}{
		{"a usual paragraph", 200, true},
		{"at the bound", maxSpanScratch, true},
		{"beyond it", maxSpanScratch + 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := New(style.Default())
			require.NoError(t, err)
			sc := &spanScratch{spans: make([]span, c.spans), buf: make([]span, 0, 16), lines: make([][]span, 1)}
			sc.spans[0].text = "kvar"
			r.keepSpanScratch(sc)
			require.Equal(t, c.kept, len(r.spanScratches) == 1)
			if c.kept {
				got := <-r.spanScratches
				assert.Empty(t, got.spans)
				assert.Empty(t, got.spans[:1][0].text, "the text is let go")
			}
		})
	}
}

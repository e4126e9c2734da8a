package docx

import (
	"bytes"
	"html"
	"image/png"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

// A timeline is one picture with the timeline's Alt as its description,
// as wide as the text, kept with its caption.
func TestTimeline(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	p := parts(t, render(t, r, doctest.Timeline()))
	body := p["word/document.xml"]
	assert.Contains(t, body, `descr="`+html.EscapeString(doctest.TimelineAlt)+`"`)
	assert.Contains(t, body, `<w:keepNext/>`, "the picture stays with its caption")
	assert.Contains(t, p["word/_rels/document.xml.rels"], `Target="media/image1.png"`)
	img, err := png.Decode(bytes.NewReader([]byte(p["word/media/image1.png"])))
	require.NoError(t, err)
	prof := style.Default()
	textMM := prof.TextWidth()
	assert.InDelta(t, textMM*chartDPI/25.4, float64(img.Bounds().Dx()), 2, "the text's width at %d dpi", chartDPI)
}

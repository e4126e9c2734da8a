package docx

import (
	"encoding/binary"
	"html"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
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
	assert.Contains(t, p["word/_rels/document.xml.rels"], `Target="media/image1.emf"`)
	assert.Contains(t, p["[Content_Types].xml"], `<Default Extension="emf" ContentType="image/x-emf"/>`)
	assert.Equal(t, 1, strings.Count(body, "<pic:pic>"), "one picture")
	// The picture is as wide as the text, in its frame and on the page.
	w, h, ok := emfFrame([]byte(p["word/media/image1.emf"]))
	require.True(t, ok, "an enhanced metafile")
	prof := style.Default()
	textEMU := float64(wordpkg.EMU(prof.TextWidth()))
	assert.InDelta(t, textEMU, w, 635+360, "the frame is the text's width, to a twip and a hundredth of a millimetre")
	assert.Contains(t, body, `<wp:extent cx="`+strconv.FormatInt(int64(w+0.5), 10)+`" cy="`+strconv.FormatInt(int64(h+0.5), 10)+`"/>`)
}

// A picture's natural size is read from an EMF's frame; anything else
// given as an EMF is refused with the picture's name.
func TestEMFFrame(t *testing.T) {
	header := func(sig uint32, r, b int32) []byte {
		h := make([]byte, 108)
		binary.LittleEndian.PutUint32(h, 1)
		binary.LittleEndian.PutUint32(h[4:], 108)
		binary.LittleEndian.PutUint32(h[32:], uint32(r))
		binary.LittleEndian.PutUint32(h[36:], uint32(b))
		binary.LittleEndian.PutUint32(h[40:], sig)
		return h
	}
	for _, tc := range []struct {
		name string
		data []byte
		w, h float64
		ok   bool
	}{
		{"16 by 9 cm", header(0x464D4520, 16000, 9000), 16000 * 360, 9000 * 360, true},
		{"no signature", header(0, 16000, 9000), 0, 0, false},
		{"no size", header(0x464D4520, 0, 9000), 0, 0, false},
		{"short", []byte("EMF"), 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, h, ok := emfFrame(tc.data)
			assert.Equal(t, tc.ok, ok)
			if tc.ok {
				assert.Equal(t, tc.w, w)
				assert.Equal(t, tc.h, h)
			}
			var s state
			_, err := s.drawing(nil, &doc.Image{Data: tc.data, Format: "emf", Alt: "Bild"}, &wordpkg.Rels{}, 0, 0)
			if tc.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, `"Bild"`)
			}
		})
	}
}

package gantt

import (
	"fmt"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The chart is set in Liberation Sans, the documents' own face (and
// Arial's metric twin, which Word and browsers fall back to), so that the
// widths the layout measures are the widths every format draws.

// metrics are the advance widths of one face, in thousandths of an em.
type metrics struct {
	font  *sfnt.Font
	ascii [0x250]uint16 // Latin, measured once
	punct [0x70]uint16  // General Punctuation (U+2000–U+206F: dashes, the ellipsis fit adds), measured once
	upem  float64
	paths pathCache // glyphs as EMF paths (emf.go)
}

func newMetrics(ttf []byte) (*metrics, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	m := &metrics{font: f, upem: float64(f.UnitsPerEm())}
	var buf sfnt.Buffer
	for r := rune(0); r < rune(len(m.ascii)); r++ {
		m.ascii[r] = m.advance(&buf, r)
	}
	for i := range m.punct {
		m.punct[i] = m.advance(&buf, punctFirst+rune(i))
	}
	return m, nil
}

func (m *metrics) advance(buf *sfnt.Buffer, r rune) uint16 {
	g, err := m.font.GlyphIndex(buf, r)
	if err != nil || g == 0 {
		return 556 // the face's digit width: a fair guess for a glyph it lacks
	}
	a, err := m.font.GlyphAdvance(buf, g, fixed.Int26_6(m.upem*64), font.HintingNone)
	if err != nil {
		return 556
	}
	return uint16(float64(a) / 64 * 1000 / m.upem)
}

const punctFirst = 0x2000

// of is the advance width of r in thousandths of an em: from the tables
// for Latin and punctuation, which a chart's labels almost always are,
// else looked up in the face (a sfnt.Buffer of its own: metrics are
// shared by the goroutines of a build).
func (m *metrics) of(r rune) uint16 {
	switch {
	case r >= 0 && int(r) < len(m.ascii):
		return m.ascii[r]
	case r >= punctFirst && int(r-punctFirst) < len(m.punct):
		return m.punct[r-punctFirst]
	}
	var buf sfnt.Buffer
	return m.advance(&buf, r)
}

// width is the width of s at size points, in millimetres.
func (m *metrics) width(s string, size float64) float64 {
	return m.mm(m.advances(s), size)
}

// advances is the sum of the advance widths of s's characters, in
// thousandths of an em.
func (m *metrics) advances(s string) float64 {
	var w float64
	for _, r := range s {
		w += float64(m.of(r))
	}
	return w
}

// mm turns a sum of advance widths at size points into millimetres.
func (m *metrics) mm(w, size float64) float64 { return w / 1000 * size * ptToMM }

const ptToMM = 25.4 / 72

// faces are the regular and the bold face.
type faces [2]*metrics

func loadFaces() (faces, error) {
	var fs faces
	for i, ttf := range [][]byte{liberationsansregular.TTF, liberationsansbold.TTF} {
		m, err := newMetrics(ttf)
		if err != nil {
			return fs, fmt.Errorf("gantt: font: %w", err)
		}
		fs[i] = m
	}
	return fs, nil
}

func (fs faces) width(s string, size float64, bold bool) float64 {
	return fs.face(bold).width(s, size)
}

func (fs faces) face(bold bool) *metrics {
	if bold {
		return fs[1]
	}
	return fs[0]
}

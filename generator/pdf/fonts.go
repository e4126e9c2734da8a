package pdf

import (
	"compress/flate"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/underlag/underlag/generator/pdf/coverage"
	"github.com/underlag/underlag/generator/pdf/sfnt"
)

// Face indexes. The first four are the bits of doc.Bold and doc.Italic, so
// that a run's style picks its face without a lookup.
const (
	faceRegular = iota
	faceBold
	faceItalic
	faceBoldItalic
	faceMono
	numFaces
)

// face is one prepared font: parsed once, with our own width and glyph
// tables, so that measuring and encoding text need no lock and no parsing.
type face struct {
	name string // PostScript name, as the PDF names the font
	font *sfnt.Font
	// sub lays out and deflates, on first use, the tables every subset
	// of the face shares: writing a PDF needs them, laying it out does
	// not, and a renderer that only measures (NewMeasurer) never does.
	sub    func() *sfnt.Subsetter
	gid    glyphIDs // glyph id by rune; 0 is the missing glyph
	widths []uint16 // advance widths by glyph id, in thousandths of an em
	// ascent and descent in thousandths of an em, for placing baselines.
	ascent, descent float64
	capHeight       float64
	italicAngle     float64
	bbox            [4]int
	flags           int
	stemV           int
}

// The faces are cut, once each, to the characters package coverage says the
// PDF can draw: every character all five Liberation faces have, less the
// right-to-left scripts the layout cannot order. The data check reports
// any other character with its position (see coverage.Uncovered); the
// renderer draws it as a white square (U+25A1), never as the font's
// missing-glyph box, which PDF/A forbids.

// liberation is the Liberation face of each face index.
var liberation = [numFaces]struct {
	name string
	ttf  []byte
}{
	faceRegular:    {"LiberationSans", liberationsansregular.TTF},
	faceBold:       {"LiberationSans-Bold", liberationsansbold.TTF},
	faceItalic:     {"LiberationSans-Italic", liberationsansitalic.TTF},
	faceBoldItalic: {"LiberationSans-BoldItalic", liberationsansbolditalic.TTF},
	faceMono:       {"LiberationMono", liberationmonoregular.TTF},
}

// lazyFaces returns the five Liberation faces, each prepared the first
// time it is asked for and then kept. Preparing one (cutting and parsing
// it) takes some 10 ms, a fifth of a cold `underlag render`, and a memo
// draws with two of the five: the regular and the bold.
func lazyFaces(z *bestZ) [numFaces]func() (*face, error) {
	var faces [numFaces]func() (*face, error)
	for i, s := range liberation {
		faces[i] = sync.OnceValues(func() (*face, error) {
			f, err := prepareFace(s.name, s.ttf, z)
			if err != nil {
				return nil, fmt.Errorf("pdf: font %s: %w", s.name, err)
			}
			return f, nil
		})
	}
	return faces
}

// face returns face i, preparing it on first use. The Liberation faces
// are embedded in the program, and TestLiberationFaces prepares each of
// them: one that cannot be read is a broken build, not bad input, and
// panics, as template.Must does for an embedded template.
func (r *Renderer) face(i uint8) *face {
	f, err := r.faces[i]()
	if err != nil {
		panic(err)
	}
	return f
}

// prepareFace cuts a font down to the repertoire (a rune the font lacks
// maps to the missing glyph, as it would in the full font), repairs the
// cut font's cmap, and reads its tables once. The cut is package sfnt's
// Cut, which writes what go-pdf/fpdf's cutter (UTF8CutFont) writes, byte
// for byte, in a fraction of its time: fpdf's cutter took some 13 ms of
// each face on the cold path (see sfnt.Cut for the measurements, and
// TestCutMatchesFpdf, where fpdf's cutter is the oracle).
func prepareFace(name string, ttf []byte, z *bestZ) (*face, error) {
	runes := coverage.Runes()
	small, err := sfnt.Cut(ttf, runes)
	if err != nil {
		return nil, err
	}
	// The cutter declares a cmap subtable length short of its bytes (odd
	// for the regular face), which strict font readers refuse.
	if err := sfnt.RepairCmap(small); err != nil {
		return nil, err
	}
	font, err := sfnt.Parse(small)
	if err != nil {
		return nil, err
	}
	var gid glyphIDs
	if err := font.EachCmap(slices.Max(runes), gid.set); err != nil {
		return nil, err
	}
	em := float64(font.UnitsPerEm)
	scale := func(v int) int { return int(math.Round(float64(v) * 1000 / em)) }
	sub := sync.OnceValue(func() (ss *sfnt.Subsetter) {
		z.use(func(zw *flate.Writer) { ss = sfnt.NewSubsetter(font, zw) })
		return ss
	})
	f := &face{name: name, font: font, sub: sub, gid: gid, widths: make([]uint16, font.NumGlyphs)}
	for g, a := range font.Advance {
		f.widths[g] = uint16(scale(int(a)))
	}
	head, hhea := font.Tables["head"], font.Tables["hhea"]
	i16 := func(b []byte, off int) int { return int(int16(u16(b, off))) }
	f.bbox = [4]int{scale(i16(head, 36)), scale(i16(head, 38)), scale(i16(head, 40)), scale(i16(head, 42))}
	f.ascent = float64(scale(i16(hhea, 4)))
	f.descent = float64(scale(i16(hhea, 6)))
	f.capHeight = f.ascent
	if os2 := font.Tables["OS/2"]; len(os2) >= 90 && u16(os2, 0) >= 2 {
		f.capHeight = float64(scale(i16(os2, 88)))
	}
	post := font.Tables["post"]
	if len(post) >= 8 {
		f.italicAngle = float64(int32(u32(post, 4))) / 65536
	}
	f.flags = 32 // nonsymbolic
	if f.italicAngle != 0 {
		f.flags |= 64
	}
	if len(post) >= 16 && u32(post, 12) != 0 {
		f.flags |= 1 // fixed pitch
	}
	f.stemV = 80
	if macStyle := u16(head, 44); macStyle&1 != 0 {
		f.stemV = 120
	}
	return f, nil
}

// glyph returns the glyph id of a rune, 0 when the face lacks it.
func (f *face) glyph(r rune) uint16 { return f.gid.get(r) }

// glyphIDs maps the runes of the Basic Multilingual Plane to glyph ids,
// in pages of 256 runes of which only those that map a rune are made: a
// face maps some 1,600 runes from a dozen pages, where a table of the
// whole plane was 128 kB per face of fresh memory, page faults that a
// cold process paid for.
type glyphIDs [256]*[256]uint16

func (m *glyphIDs) get(r rune) uint16 {
	if r < 0 || r > 0xffff {
		return 0
	}
	if p := m[r>>8]; p != nil {
		return p[r&0xff]
	}
	return 0
}

// set maps r to g; r must be in the plane.
func (m *glyphIDs) set(r rune, g uint16) {
	p := m[r>>8]
	if p == nil {
		if g == 0 {
			return
		}
		p = new([256]uint16)
		m[r>>8] = p
	}
	p[r&0xff] = g
}

// advance returns the width of s in thousandths of an em.
func (f *face) advance(s string) float64 {
	var w int
	for _, r := range s {
		w += int(f.widths[f.glyph(r)])
	}
	return float64(w)
}

// width returns the width of s in millimetres at size points.
func (f *face) width(s string, size float64) float64 {
	return f.advance(s) * size / 1000 * ptToMM
}

// u16 and u32 read big-endian numbers of a font table; sfnt.Parse has
// checked the length of head and hhea, and the callers that of OS/2 and
// post.
func u16(b []byte, off int) int    { return int(binary.BigEndian.Uint16(b[off:])) }
func u32(b []byte, off int) uint32 { return binary.BigEndian.Uint32(b[off:]) }

// ptToMM converts points to millimetres.
const ptToMM = 25.4 / 72

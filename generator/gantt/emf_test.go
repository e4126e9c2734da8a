package gantt

import (
	"bytes"
	"encoding/binary"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
)

// emfRecord is one record read back: its type and the bytes after its
// type and size.
type emfRecord struct {
	typ  uint32
	data []byte
}

// emfFile is an EMF read back record by record, with what its header
// says and what the records hold, in device units.
type emfFile struct {
	records        []emfRecord
	bounds, frame  rect
	nBytes, nRecs  uint32
	nHandles       uint16
	points         []point // every point a drawing record names
	fills, ellipse int
	polygons       int
	lines          int // polylines and poly-polylines
	texts          int // GDI text records: none expected
}

// readEMF parses b as [MS-EMF] says, failing t on any record out of
// shape: a size not a multiple of 4 or past the end, a header not first,
// an EOF not last, counts that disagree, an object handle outside the
// table, a selected object deleted.
func readEMF(t *testing.T, b []byte) emfFile {
	t.Helper()
	var f emfFile
	le := binary.LittleEndian
	i32 := func(p []byte) int32 { return int32(le.Uint32(p)) }
	rectAt := func(p []byte) rect { return rect{i32(p), i32(p[4:]), i32(p[8:]), i32(p[12:])} }
	var org point // the window origin
	// made is the kind of each object alive, a brush or a pen, by the
	// record that made it; sel the brush and the pen selected.
	const brush, pen = 1, 2
	made := map[uint32]int{}
	sel := map[int]uint32{}
	kindOf := func(h uint32) int {
		if h&0x80000000 != 0 { // a stock object: brushes 0–5, pens 6–8
			if h&0xFF <= 5 {
				return brush
			}
			return pen
		}
		require.NotZero(t, made[h], "object %d used but not made", h)
		return made[h]
	}
	for off := 0; off < len(b); {
		require.LessOrEqual(t, off+8, len(b), "a record's type and size at %d", off)
		typ, size := le.Uint32(b[off:]), le.Uint32(b[off+4:])
		require.Zero(t, size%4, "record %#x at %d: size %d is not a multiple of 4", typ, off, size)
		require.GreaterOrEqual(t, size, uint32(8), "record %#x at %d", typ, off)
		require.LessOrEqual(t, off+int(size), len(b), "record %#x at %d runs past the end", typ, off)
		data := b[off+8 : off+int(size)]
		f.records = append(f.records, emfRecord{typ, data})
		off += int(size)

		// The points of a record, logical units to device units.
		pts := func(at int, n uint32, small bool) {
			for k := range int(n) {
				var p point
				if small {
					p = point{int32(int16(le.Uint16(data[at+4*k:]))), int32(int16(le.Uint16(data[at+4*k+2:])))}
				} else {
					p = point{i32(data[at+8*k:]), i32(data[at+8*k+4:])}
				}
				f.points = append(f.points, point{p.x - org.x, p.y - org.y})
			}
		}
		switch typ {
		case emrHeader:
			require.Len(t, f.records, 1, "the header is the first record")
			require.GreaterOrEqual(t, len(data), emfHeaderSize-8)
			f.bounds, f.frame = rectAt(data), rectAt(data[16:])
			assert.Equal(t, uint32(emfSignature), le.Uint32(data[32:]))
			f.nBytes, f.nRecs = le.Uint32(data[40:]), le.Uint32(data[44:])
			f.nHandles = le.Uint16(data[48:])
		case emrPolygon16, emrPolyline16, emrPolyBezierTo16, emrPolylineTo16, emrPolygon, emrPolyline, emrPolyBezierTo, emrPolylineTo:
			small := typ >= emrPolygon16
			n := le.Uint32(data[16:])
			per := 8
			if small {
				per = 4
			}
			require.Equal(t, 20+per*int(n), len(data), "record %#x holds its %d points", typ, n)
			pts(20, n, small)
			switch typ {
			case emrPolygon, emrPolygon16:
				f.polygons++
			case emrPolyline, emrPolyline16:
				f.lines++
			}
		case emrPolyPolyline16, emrPolyPolyline:
			lines, n := le.Uint32(data[16:]), le.Uint32(data[20:])
			per := 8
			if typ == emrPolyPolyline16 {
				per = 4
			}
			require.Equal(t, 24+4*int(lines)+per*int(n), len(data))
			pts(24+4*int(lines), n, typ == emrPolyPolyline16)
			f.lines++
		case emrMoveToEx:
			pts(0, 1, false)
		case emrEllipse:
			r := rectAt(data)
			f.points = append(f.points, point{r.l - org.x, r.t - org.y}, point{r.r - org.x, r.b - org.y})
			f.ellipse++
		case emrSetWindowOrgEx:
			org = point{i32(data), i32(data[4:])}
		case emrFillPath:
			f.fills++
		case emrCreateBrush, emrExtCreatePen:
			h := le.Uint32(data)
			require.Less(t, h, uint32(f.nHandles), "object %d in a table of %d", h, f.nHandles)
			require.NotZero(t, h, "handle 0 is the metafile's own")
			require.Zero(t, made[h], "object %d made again before it was deleted", h)
			made[h] = pen
			if typ == emrCreateBrush {
				made[h] = brush
			}
		case emrSelectObject:
			h := le.Uint32(data)
			sel[kindOf(h)] = h
		case emrDeleteObject:
			h := le.Uint32(data)
			require.NotZero(t, made[h], "object %d deleted but not made", h)
			require.NotEqual(t, h, sel[made[h]], "object %d deleted while selected", h)
			delete(made, h)
		case 0x53, 0x54, 0x60, 0x61, 0x52: // EXTTEXTOUTA/W, POLYTEXTOUTA/W, EXTCREATEFONTINDIRECTW
			f.texts++
		}
	}
	require.NotEmpty(t, f.records)
	assert.Equal(t, uint32(emrEOF), f.records[len(f.records)-1].typ, "EOF is the last record")
	for _, r := range f.records[:len(f.records)-1] {
		require.NotEqual(t, uint32(emrEOF), r.typ, "EOF only at the end")
	}
	assert.Equal(t, uint32(len(b)), f.nBytes, "the header's nBytes")
	assert.Equal(t, uint32(len(f.records)), f.nRecs, "the header's nRecords")
	assert.Empty(t, made, "every object made is deleted by the end")
	return f
}

// emfDrawings are drawings of every kind of shape: a status report's
// chart (dashes, hatching, circles, bold and regular text), a plan, and
// the status report's chart scaled down to fit a short page.
func emfDrawings(t *testing.T) map[string]*Drawing {
	l := layouter(t)
	p := style.Default()
	status := l.Layout(benchTimeline(nil), textWidth, p)
	plan := l.Layout(&doc.Timeline{Rows: []doc.TimelineRow{
		{Label: "Faser", Group: true},
		{ID: "F1", Label: "Förstudie – åtgärder", Marks: []doc.TimelineMark{{Role: doc.Plan, From: must(t, "2025-02"), To: must(t, "2025-06")}}},
		{ID: "BP1", Label: "Beslut i nämnd", Marks: []doc.TimelineMark{{Role: doc.Plan, From: must(t, "2025-09-17"), Text: "2025-09-17"}}},
	}}, textWidth, p)
	return map[string]*Drawing{"status": status, "plan": plan, "fitted": status.Fit(status.H / 3)}
}

// The EMF reads back record by record as [MS-EMF] lays it out: sizes,
// the header's counts and frame, objects made, selected and deleted in
// order, and every point inside the bounds the header gives. It draws
// each shape, and the same drawing gives the same bytes.
func TestEMFRecords(t *testing.T) {
	for name, d := range emfDrawings(t) {
		t.Run(name, func(t *testing.T) {
			b, err := d.EMF()
			require.NoError(t, err)
			f := readEMF(t, b)
			assert.Equal(t, rect{0, 0, emfU(d.W), emfU(d.H)}, f.frame, "the frame is the drawing, in hundredths of a millimetre")
			assert.Equal(t, uint16(emfHandles), f.nHandles)
			for _, p := range f.points {
				require.True(t, p.x >= f.bounds.l && p.x <= f.bounds.r && p.y >= f.bounds.t && p.y <= f.bounds.b,
					"point %v outside the bounds %v", p, f.bounds)
			}
			var polys, circles, lines int
			for _, s := range d.Shapes {
				switch s.Kind {
				case Rect, Poly:
					polys++
				case Circle:
					circles++
				case Line:
					lines++
				}
			}
			assert.Equal(t, polys, f.polygons, "a polygon a rectangle or polygon")
			assert.Equal(t, circles, f.ellipse, "an ellipse a circle")
			assert.Equal(t, lines, f.lines, "a polyline a line, its dashes one record")
			again, err := d.EMF()
			require.NoError(t, err)
			assert.True(t, bytes.Equal(b, again), "the same bytes every time")
		})
	}
}

// Every glyph that has ink is a filled path of its own, and no text is
// left to the fonts of the program that opens the picture.
func TestEMFTextIsOutlines(t *testing.T) {
	for name, d := range emfDrawings(t) {
		t.Run(name, func(t *testing.T) {
			glyphs := 0
			for _, s := range d.Shapes {
				if s.Kind == Text {
					glyphs += utf8.RuneCountInString(strings.Map(func(r rune) rune {
						if unicode.IsSpace(r) {
							return -1
						}
						return r
					}, s.Text))
				}
			}
			require.Positive(t, glyphs)
			b, err := d.EMF()
			require.NoError(t, err)
			f := readEMF(t, b)
			assert.Equal(t, glyphs, f.fills, "one filled path a glyph")
			assert.Zero(t, f.texts, "no GDI text record")
		})
	}
}

// A text stands on its baseline, y downwards as in the drawing, as wide
// as the layout measured it and as tall as the face's capitals.
func TestEMFTextPlacement(t *testing.T) {
	l := layouter(t)
	for _, tc := range []struct {
		text string
		bold bool
		size float64
	}{
		{"HEH", false, labelSize},
		{"HIH", true, smallSize},
	} {
		t.Run(tc.text, func(t *testing.T) {
			x, base := 20.0, 10.0
			d := &Drawing{W: 60, H: 20, faces: l.faces, Shapes: []Shape{{Kind: Text, X: x, Y: base, Text: tc.text, Size: tc.size, Bold: tc.bold}}}
			b, err := d.EMF()
			require.NoError(t, err)
			f := readEMF(t, b)
			ink := emptyRect()
			for _, p := range f.points {
				ink.add(p)
			}
			em := tc.size * ptToMM * emfUnit
			assert.InDelta(t, float64(emfU(base)), float64(ink.b), 1, "the capitals stand on the baseline")
			// Liberation Sans's capitals are 1409 of 2048 units high.
			assert.InDelta(t, em*1409/2048, float64(ink.b-ink.t), 2, "as tall as the face's capitals")
			w := l.faces.width(tc.text, tc.size, tc.bold) * emfUnit
			assert.Greater(t, float64(ink.l), float64(emfU(x)), "H has a left side bearing")
			assert.InDelta(t, float64(emfU(x))+w, float64(ink.r), em*0.12, "as wide as measured, less the last side bearing")
		})
	}
}

// A picture of no size, or of an absurd one, is an error, not a file.
func TestEMFRefusesOddSizes(t *testing.T) {
	for _, d := range []*Drawing{{W: 0, H: 10}, {W: 10, H: -1}, {W: 2 * maxEMFSide, H: 10}} {
		_, err := d.EMF()
		assert.Error(t, err, "%g × %g", d.W, d.H)
	}
}

// Drawings of one Layouter share its glyphs' paths: pictures written at
// once from many goroutines are each the bytes written alone.
func TestEMFConcurrent(t *testing.T) {
	ds := emfDrawings(t)
	want := map[string][]byte{}
	for name, d := range ds {
		// From a Layouter of its own, so that nothing is cached yet.
		alone := *d
		alone.faces = faces{}
		b, err := alone.EMF()
		require.NoError(t, err)
		want[name] = b
	}
	var wg sync.WaitGroup
	for range 4 {
		for name, d := range ds {
			wg.Add(1)
			go func() {
				defer wg.Done()
				b, err := d.EMF()
				assert.NoError(t, err)
				assert.True(t, bytes.Equal(want[name], b), "%s drawn concurrently", name)
			}()
		}
	}
	wg.Wait()
}

// A picture appended after other bytes is the picture alone, after them.
func TestAppendEMF(t *testing.T) {
	for name, d := range emfDrawings(t) {
		alone, err := d.EMF()
		require.NoError(t, err)
		prefix := []byte("some bytes before")
		b, err := d.AppendEMF(prefix)
		require.NoError(t, err)
		assert.Equal(t, string(prefix), string(b[:len(prefix)]), name)
		assert.True(t, bytes.Equal(alone, b[len(prefix):]), "%s: the same picture after other bytes", name)
	}
}

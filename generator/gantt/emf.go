package gantt

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sync"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/underlag/underlag/generator/style"
)

// EMF writes the drawing as an Enhanced Metafile ([MS-EMF]): the picture
// the DOCX embeds. It is vector, as the PDF's chart is: shapes as GDI
// polygons, polylines and ellipses, and every text as the outlines of
// its glyphs in Liberation Sans, filled, so that the picture looks the
// same wherever it is opened, whatever fonts are installed there. No
// GDI text record is written.
//
// One logical unit is a hundredth of a millimetre (emfUnit), y downwards
// from the picture's top left corner as in the drawing: the map mode is
// the default MM_TEXT, and the reference device the header names has 100
// pixels per millimetre. The bytes depend on the drawing alone.
func (d *Drawing) EMF() ([]byte, error) { return d.AppendEMF(nil) }

// AppendEMF appends the drawing's EMF to dst, so that a caller drawing
// many pictures can reuse one buffer. On an error, dst is returned as it
// was.
func (d *Drawing) AppendEMF(dst []byte) ([]byte, error) {
	if !(d.W > 0 && d.H > 0 && d.W <= maxEMFSide && d.H <= maxEMFSide) {
		return dst, fmt.Errorf("gantt: a picture of %g × %g mm", d.W, d.H)
	}
	fs := d.faces
	if fs[0] == nil {
		var err error
		if fs, err = loadFaces(); err != nil {
			return dst, err
		}
	}
	w := &emfWriter{
		b:     slices.Grow(dst, emfSizeHint(d)),
		base:  len(dst),
		faces: fs,
		brush: gdiSlot{first: 1},
		pen:   gdiSlot{first: 3},
	}
	w.header(emfU(d.W), emfU(d.H))
	w.record32(emrSetPolyFillMode, polyFillWinding)
	for _, s := range d.Shapes {
		if err := w.shape(s); err != nil {
			return dst, err
		}
	}
	// Nothing of ours stays selected or alive past the end.
	w.brush.release(w, stockNullBrush)
	w.pen.release(w, stockNullPen)
	w.eof()
	w.finish()
	return w.b, nil
}

// emfSizeHint is about the size of the drawing's EMF, a little over: a
// glyph is some 300 bytes, any other shape under a hundred.
func emfSizeHint(d *Drawing) int {
	n := 256
	for _, s := range d.Shapes {
		n += 96 + 8*len(s.Pts)
		if s.Kind == Text {
			n += 300 * len(s.Text)
		}
		if s.Kind == Line && s.Dash > 0 {
			n += int(4 * math.Hypot(s.W, s.H) / s.Dash * 8)
		}
	}
	return n
}

// The units and record types of [MS-EMF] that the writer uses.
const (
	emfUnit    = 100    // logical units per millimetre
	maxEMFSide = 10_000 // mm: far beyond any page, and inside int32 units

	emrHeader             = 0x01
	emrPolygon            = 0x03
	emrPolyline           = 0x04
	emrPolyBezierTo       = 0x05
	emrPolylineTo         = 0x06
	emrPolyPolyline       = 0x07
	emrSetWindowOrgEx     = 0x0A
	emrEOF                = 0x0E
	emrSetPolyFillMode    = 0x13
	emrMoveToEx           = 0x1B
	emrSelectObject       = 0x25
	emrCreateBrush        = 0x27
	emrDeleteObject       = 0x28
	emrEllipse            = 0x2A
	emrBeginPath          = 0x3B
	emrEndPath            = 0x3C
	emrCloseFigure        = 0x3D
	emrFillPath           = 0x3E
	emrPolygon16          = 0x56
	emrPolyline16         = 0x57
	emrPolyBezierTo16     = 0x58
	emrPolylineTo16       = 0x59
	emrPolyPolyline16     = 0x5A
	emrExtCreatePen       = 0x5F
	emfSignature          = 0x464D4520 // " EMF"
	emfVersion            = 0x00010000
	emfHeaderSize         = 108 // with both header extensions
	emfHandles            = 5   // index 0 (the metafile), two brushes, two pens
	polyFillWinding       = 2
	stockNullBrush        = 0x80000005
	stockNullPen          = 0x80000008
	penGeometric          = 0x00010000
	penEndcapFlat         = 0x00000200 // the PDF's butt cap
	penJoinMiter          = 0x00002000 // the PDF's miter join
	refDeviceMillimetresX = 210
	refDeviceMillimetresY = 297
)

// emfU converts millimetres to logical units.
func emfU(mm float64) int32 {
	return int32(math.Round(max(min(mm, maxEMFSide), -maxEMFSide) * emfUnit))
}

type point struct{ x, y int32 }

// rect is inclusive on every side, as RectL is.
type rect struct{ l, t, r, b int32 }

func emptyRect() rect { return rect{math.MaxInt32, math.MaxInt32, math.MinInt32, math.MinInt32} }

func (r *rect) add(p point) {
	r.l, r.t = min(r.l, p.x), min(r.t, p.y)
	r.r, r.b = max(r.r, p.x), max(r.b, p.y)
}

func (r *rect) union(o rect) {
	r.add(point{o.l, o.t})
	r.add(point{o.r, o.b})
}

func boundsOf(pts []point) rect {
	r := emptyRect()
	for _, p := range pts {
		r.add(p)
	}
	return r
}

// glyph is a glyph's outline in font units, y downwards from the
// baseline.
type glyph []contour

// contour is one closed figure from start: cubic curves, three points
// each, or, when every segment of it is straight, line ends.
type contour struct {
	start [2]float64
	pts   [][2]float64
	lines bool
}

// path is a glyph's records at a size, drawn about its origin, and
// their bounds in logical units.
type path struct {
	b       []byte
	records uint32
	box     rect
}

type emfWriter struct {
	b          []byte
	base       int // where the picture starts in b
	records    uint32
	bounds     rect // of every point drawn
	frameW     int32
	frameH     int32
	faces      faces
	brush, pen gdiSlot
	buf        sfnt.Buffer
	org        point   // the window origin: minus where logical (0, 0) is
	pts        []point // scratch
	run        []point // scratch
}

// gdiSlot keeps one kind of object (brushes or pens): two handles used in
// turn, so that the object deleted is never the one selected, and the
// colour and width of the one made last, so that it is made again only
// when they change.
type gdiSlot struct {
	first uint32 // the first of the kind's two handles
	made  uint32 // the handle made last; 0 before the first
	color style.RGB
	width int32
	sel   uint32 // the handle or stock object selected; 0 the device's default
}

func (s *gdiSlot) use(w *emfWriter, c style.RGB, width int32, create func(h uint32)) {
	if s.made != 0 && s.color == c && s.width == width {
		if s.sel != s.made {
			w.record32(emrSelectObject, s.made)
			s.sel = s.made
		}
		return
	}
	h := s.first
	if s.made == s.first {
		h = s.first + 1
	}
	create(h)
	w.record32(emrSelectObject, h)
	if s.made != 0 {
		w.record32(emrDeleteObject, s.made)
	}
	s.made, s.color, s.width, s.sel = h, c, width, h
}

// none selects the stock object that draws nothing.
func (s *gdiSlot) none(w *emfWriter, stock uint32) {
	if s.sel != stock {
		w.record32(emrSelectObject, stock)
		s.sel = stock
	}
}

// release selects the stock object and deletes the one made last.
func (s *gdiSlot) release(w *emfWriter, stock uint32) {
	if s.made == 0 {
		return
	}
	s.none(w, stock)
	w.record32(emrDeleteObject, s.made)
	s.made = 0
}

func (w *emfWriter) u32(v uint32) { w.b = binary.LittleEndian.AppendUint32(w.b, v) }
func (w *emfWriter) i32(v int32)  { w.u32(uint32(v)) }

func (w *emfWriter) colorRef(c style.RGB) { w.b = append(w.b, c.R, c.G, c.B, 0) }

// begin starts a record; end writes its size.
func (w *emfWriter) begin(typ uint32) int {
	at := len(w.b)
	w.u32(typ)
	w.u32(0)
	w.records++
	return at
}

func (w *emfWriter) end(at int) {
	binary.LittleEndian.PutUint32(w.b[at+4:], uint32(len(w.b)-at))
}

// record32 writes a record of one 32-bit field.
func (w *emfWriter) record32(typ, v uint32) {
	at := w.begin(typ)
	w.u32(v)
	w.end(at)
}

func (w *emfWriter) rectL(r rect) {
	w.i32(r.l)
	w.i32(r.t)
	w.i32(r.r)
	w.i32(r.b)
}

// header writes EMR_HEADER; finish fills in what is known only at the end.
func (w *emfWriter) header(wu, hu int32) {
	w.frameW, w.frameH = wu, hu
	w.bounds = rect{0, 0, wu, hu}
	at := w.begin(emrHeader)
	w.rectL(rect{}) // rclBounds, in finish
	w.rectL(rect{}) // rclFrame, in finish
	w.u32(emfSignature)
	w.u32(emfVersion)
	w.u32(0)          // nBytes, in finish
	w.u32(0)          // nRecords, in finish
	w.u32(emfHandles) // nHandles (16 bits) and a reserved 16 bits
	w.u32(0)          // nDescription
	w.u32(0)          // offDescription
	w.u32(0)          // nPalEntries
	// The reference device: 100 pixels a millimetre, so that MM_TEXT's
	// logical unit, the device pixel, is a hundredth of a millimetre.
	w.u32(refDeviceMillimetresX * emfUnit)
	w.u32(refDeviceMillimetresY * emfUnit)
	w.u32(refDeviceMillimetresX)
	w.u32(refDeviceMillimetresY)
	w.u32(0) // cbPixelFormat
	w.u32(0) // offPixelFormat
	w.u32(0) // bOpenGL
	w.u32(refDeviceMillimetresX * 1000)
	w.u32(refDeviceMillimetresY * 1000)
	w.end(at)
}

func (w *emfWriter) eof() {
	at := w.begin(emrEOF)
	w.u32(0)  // nPalEntries
	w.u32(16) // offPalEntries: where they would start
	w.u32(20) // SizeLast: this record's size
	w.end(at)
}

// finish writes the header's bounds, frame and counts. The frame is the
// drawing's W × H, in hundredths of a millimetre as the unit is.
func (w *emfWriter) finish() {
	h := w.b[w.base : w.base+emfHeaderSize]
	put := func(off int, v int32) { binary.LittleEndian.PutUint32(h[off:], uint32(v)) }
	put(8, w.bounds.l)
	put(12, w.bounds.t)
	put(16, w.bounds.r)
	put(20, w.bounds.b)
	put(24, 0)
	put(28, 0)
	put(32, w.frameW)
	put(36, w.frameH)
	binary.LittleEndian.PutUint32(h[48:], uint32(len(w.b)-w.base))
	binary.LittleEndian.PutUint32(h[52:], w.records)
}

// solid selects a brush of colour c.
func (w *emfWriter) solid(c style.RGB) {
	w.brush.use(w, c, 0, func(h uint32) {
		at := w.begin(emrCreateBrush)
		w.u32(h)
		w.u32(0) // BS_SOLID
		w.colorRef(c)
		w.u32(0) // hatch
		w.end(at)
	})
}

// stroke selects a pen lw millimetres wide, with the PDF's caps and joins.
func (w *emfWriter) stroke(c style.RGB, lw float64) {
	width := max(emfU(lw), 1)
	w.pen.use(w, c, width, func(h uint32) {
		at := w.begin(emrExtCreatePen)
		w.u32(h)
		w.u32(0) // offBmi
		w.u32(0) // cbBmi
		w.u32(0) // offBits
		w.u32(0) // cbBits
		w.u32(penGeometric | penEndcapFlat | penJoinMiter)
		w.i32(width)
		w.u32(0) // BS_SOLID
		w.colorRef(c)
		w.u32(0) // hatch
		w.u32(0) // no style entries: solid
		w.end(at)
	})
}

// paint selects what a closed shape needs: its fill, its edge, or both.
func (w *emfWriter) paint(s Shape) {
	if s.Filled {
		w.solid(s.Fill)
	} else {
		w.brush.none(w, stockNullBrush)
	}
	if s.LineW > 0 {
		w.stroke(s.Stroke, s.LineW)
	} else {
		w.pen.none(w, stockNullPen)
	}
}

// at converts a point in millimetres.
func at(x, y float64) point { return point{emfU(x), emfU(y)} }

func fits16(pts []point) bool {
	for _, p := range pts {
		if p.x != int32(int16(p.x)) || p.y != int32(int16(p.y)) {
			return false
		}
	}
	return true
}

// poly writes a record of a bounds and points, in 16 bits when they fit.
func (w *emfWriter) poly(typ32, typ16 uint32, pts []point) {
	small := fits16(pts)
	typ := typ32
	if small {
		typ = typ16
	}
	// The bounds of a record of points are in logical units ([MS-EMF]
	// 2.3.5), so that a glyph drawn about its own origin is the same
	// bytes wherever it is; the picture's bounds are in device units.
	b := boundsOf(pts)
	w.bounds.union(w.device(b))
	a := w.begin(typ)
	w.rectL(b)
	w.u32(uint32(len(pts)))
	w.points(pts, small)
	w.end(a)
}

// device converts a rectangle in logical units to device units, which a
// record's bounds are in.
func (w *emfWriter) device(r rect) rect {
	return rect{r.l - w.org.x, r.t - w.org.y, r.r - w.org.x, r.b - w.org.y}
}

func (w *emfWriter) points(pts []point, small bool) {
	for _, p := range pts {
		if small {
			w.b = binary.LittleEndian.AppendUint16(w.b, uint16(int16(p.x)))
			w.b = binary.LittleEndian.AppendUint16(w.b, uint16(int16(p.y)))
			continue
		}
		w.i32(p.x)
		w.i32(p.y)
	}
}

// origin moves logical (0, 0) to p: every glyph is drawn about its own
// origin, so that the same glyph at the same size is the same bytes
// wherever it is, which the DOCX's deflate then stores once.
func (w *emfWriter) origin(p point) {
	o := point{-p.x, -p.y}
	if o == w.org {
		return
	}
	a := w.begin(emrSetWindowOrgEx)
	w.i32(o.x)
	w.i32(o.y)
	w.end(a)
	w.org = o
}

func (w *emfWriter) shape(s Shape) error {
	if s.Kind != Text {
		w.origin(point{})
	}
	switch s.Kind {
	case Rect:
		w.paint(s)
		w.poly(emrPolygon, emrPolygon16, append(w.pts[:0], at(s.X, s.Y), at(s.X+s.W, s.Y), at(s.X+s.W, s.Y+s.H), at(s.X, s.Y+s.H)))
	case Poly:
		if len(s.Pts) < 6 {
			return nil
		}
		w.paint(s)
		pts := w.pts[:0]
		for i := 0; i+1 < len(s.Pts); i += 2 {
			pts = append(pts, at(s.Pts[i], s.Pts[i+1]))
		}
		w.pts = pts
		w.poly(emrPolygon, emrPolygon16, pts)
	case Circle:
		w.paint(s)
		b := rect{emfU(s.X - s.W), emfU(s.Y - s.W), emfU(s.X + s.W), emfU(s.Y + s.W)}
		w.bounds.union(b)
		a := w.begin(emrEllipse)
		w.rectL(b)
		w.end(a)
	case Line:
		if s.LineW <= 0 {
			return nil
		}
		w.stroke(s.Stroke, s.LineW)
		w.line(s)
	case Text:
		return w.text(s)
	}
	return nil
}

// line draws a line, solid or dashed. A dashed line is its dashes, as the
// PDF's dash pattern draws them (on Dash, off 0.7 Dash, from the start),
// each an open polyline of one record: a pen's own dash style is read by
// too few programs (LibreOffice takes a user style as solid).
func (w *emfWriter) line(s Shape) {
	if s.Dash <= 0 {
		w.poly(emrPolyline, emrPolyline16, append(w.pts[:0], at(s.X, s.Y), at(s.X+s.W, s.Y+s.H)))
		return
	}
	l := math.Hypot(s.W, s.H)
	if l == 0 {
		return
	}
	pts := w.pts[:0]
	on, off := s.Dash, s.Dash*0.7
	for t := 0.0; t < l; t += on + off {
		e := min(t+on, l)
		pts = append(pts, at(s.X+s.W*t/l, s.Y+s.H*t/l), at(s.X+s.W*e/l, s.Y+s.H*e/l))
	}
	w.pts = pts
	small := fits16(pts)
	typ := uint32(emrPolyPolyline)
	if small {
		typ = emrPolyPolyline16
	}
	b := boundsOf(pts)
	w.bounds.union(b)
	a := w.begin(typ)
	w.rectL(b)
	w.u32(uint32(len(pts) / 2)) // polylines
	w.u32(uint32(len(pts)))     // points
	for range len(pts) / 2 {
		w.u32(2)
	}
	w.points(pts, small)
	w.end(a)
}

// text fills the outline of each glyph of s, one path a glyph, advancing
// by the widths the layout measured the text with.
func (w *emfWriter) text(s Shape) error {
	m := w.faces[0]
	if s.Bold {
		m = w.faces[1]
	}
	w.solid(s.Fill)
	w.pen.none(w, stockNullPen)
	em := s.Size * ptToMM // millimetres
	x := s.X
	for _, r := range s.Text {
		g, err := m.font.GlyphIndex(&w.buf, r)
		if err != nil {
			return fmt.Errorf("gantt: glyph %q: %w", r, err)
		}
		key := pathKey{g, s.Size}
		p, ok := m.paths.load(key)
		if !ok {
			gl, err := w.glyph(m, g)
			if err != nil {
				return fmt.Errorf("gantt: glyph %q: %w", r, err)
			}
			p = w.glyphPath(gl, em/m.upem)
			m.paths.store(key, p)
		}
		if len(p.b) > 0 {
			w.origin(at(x, s.Y))
			w.b = append(w.b, p.b...)
			w.records += p.records
			box := w.device(p.box)
			w.bounds.union(box)
			a := w.begin(emrFillPath)
			w.rectL(box)
			w.end(a)
		}
		x += m.mm(float64(m.of(r)), s.Size)
	}
	return nil
}

// glyph reads glyph g's outline.
func (w *emfWriter) glyph(m *metrics, g sfnt.GlyphIndex) (glyph, error) {
	// At one pixel a font unit, so that the outline is the font's own.
	segs, err := m.font.LoadGlyph(&w.buf, g, fixed.Int26_6(m.upem*64), nil)
	if err != nil {
		return glyph{}, err
	}
	f := func(p fixed.Point26_6) [2]float64 { return [2]float64{float64(p.X) / 64, float64(p.Y) / 64} }
	var gl glyph
	var cur [2]float64
	var c *contour
	for _, sg := range segs {
		if sg.Op == sfnt.SegmentOpMoveTo {
			cur = f(sg.Args[0])
			gl = append(gl, contour{start: cur, lines: true})
			c = &gl[len(gl)-1]
			continue
		}
		if c == nil {
			continue // a segment before any move: none in a valid font
		}
		switch sg.Op {
		case sfnt.SegmentOpLineTo:
			p := f(sg.Args[0])
			// As a curve, if the contour has any: controls at its ends.
			c.pts = append(c.pts, cur, p, p)
			cur = p
		case sfnt.SegmentOpQuadTo:
			// The cubic of the same curve: its controls two thirds of
			// the way from each end to the quadratic's.
			q, p := f(sg.Args[0]), f(sg.Args[1])
			c1 := [2]float64{cur[0] + 2.0/3*(q[0]-cur[0]), cur[1] + 2.0/3*(q[1]-cur[1])}
			c2 := [2]float64{p[0] + 2.0/3*(q[0]-p[0]), p[1] + 2.0/3*(q[1]-p[1])}
			c.pts = append(c.pts, c1, c2, p)
			c.lines = false
			cur = p
		case sfnt.SegmentOpCubeTo:
			p := f(sg.Args[2])
			c.pts = append(c.pts, f(sg.Args[0]), f(sg.Args[1]), p)
			c.lines = false
			cur = p
		}
	}
	for i := range gl {
		if c := &gl[i]; c.lines {
			// Only the ends of straight segments.
			ends := c.pts[:0]
			for j := 2; j < len(c.pts); j += 3 {
				ends = append(ends, c.pts[j])
			}
			c.pts = ends
		}
	}
	return gl, nil
}

// pathKey is a glyph at a size in points.
type pathKey struct {
	g    sfnt.GlyphIndex
	size float64
}

// pathCache keeps a face's glyphs' paths for every picture the Layouter's
// drawings make: a build draws the same few score glyphs at two sizes in
// every chart. It is safe for concurrent use, and bounded: a drawing
// scaled to fit a page has sizes of its own, and past maxPaths paths a
// glyph's path is made for each picture instead.
type pathCache struct {
	mu    sync.RWMutex
	paths map[pathKey]path
}

const maxPaths = 4096

func (c *pathCache) load(k pathKey) (path, bool) {
	c.mu.RLock()
	p, ok := c.paths[k]
	c.mu.RUnlock()
	return p, ok
}

func (c *pathCache) store(k pathKey, p path) {
	c.mu.Lock()
	if c.paths == nil {
		c.paths = map[pathKey]path{}
	}
	if len(c.paths) < maxPaths {
		c.paths[k] = p
	}
	c.mu.Unlock()
}

// glyphPath writes one glyph as a path about its origin, k millimetres
// a font unit, each contour a figure of one record, and returns the
// records, to be filled (non-zero winding, as TrueType outlines are
// drawn) wherever the glyph is. The caller writes the fill.
func (w *emfWriter) glyphPath(gl glyph, k float64) path {
	from, n, bounds := len(w.b), w.records, w.bounds
	conv := func(p [2]float64) point { return at(p[0]*k, p[1]*k) }
	box := emptyRect()
	if len(gl) == 0 {
		return path{}
	}
	w.record0(emrBeginPath)
	for _, c := range gl {
		p := conv(c.start)
		box.add(p)
		a := w.begin(emrMoveToEx)
		w.i32(p.x)
		w.i32(p.y)
		w.end(a)
		run := w.run[:0]
		for _, q := range c.pts {
			run = append(run, conv(q))
		}
		w.run = run
		if len(run) > 0 {
			box.union(boundsOf(run))
			if c.lines {
				w.poly(emrPolylineTo, emrPolylineTo16, run)
			} else {
				w.poly(emrPolyBezierTo, emrPolyBezierTo16, run)
			}
		}
		w.record0(emrCloseFigure)
	}
	w.record0(emrEndPath)
	p := path{b: append([]byte(nil), w.b[from:]...), records: w.records - n, box: box}
	// Written once to learn the bytes; text appends them where they go.
	w.b, w.records, w.bounds = w.b[:from], n, bounds
	return p
}

// record0 writes a record with no fields.
func (w *emfWriter) record0(typ uint32) { w.end(w.begin(typ)) }

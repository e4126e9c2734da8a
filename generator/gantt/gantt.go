// Package gantt lays out a timeline (doc.Timeline) as a Gantt chart: once,
// in millimetres, the same for every format. The PDF draws the shapes as
// vectors, HTML writes them as SVG (SVG) and the DOCX embeds them as a
// vector picture (EMF); none of them decides anything about the chart.
//
// The scale fits the chart to the text width of an A4 page in portrait
// from a few months to many years: months for up to a year and a half,
// quarters for up to four years, years beyond, with the month names in
// Swedish as Swedish spreadsheets abbreviate them (jan, feb, mar …).
package gantt

import (
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
)

// ShapeKind says what a shape is.
type ShapeKind uint8

const (
	Rect   ShapeKind = iota // X, Y, W, H
	Poly                    // Pts, closed
	Line                    // from (X, Y) to (X+W, Y+H)
	Circle                  // centre (X, Y), radius W
	Text                    // Text with its baseline starting at (X, Y)
)

// Shape is one thing drawn. Lengths are millimetres from the chart's top
// left corner, y downwards; a text's size is in points.
type Shape struct {
	Kind       ShapeKind
	X, Y, W, H float64
	Pts        []float64 // x, y pairs of a polygon
	Fill       style.RGB
	Filled     bool
	Stroke     style.RGB
	LineW      float64 // 0: not stroked
	Dash       float64 // dash length; 0: solid
	Text       string
	Size       float64
	Bold       bool
}

// Drawing is a timeline laid out.
type Drawing struct {
	W, H   float64
	Shapes []Shape
	Alt    string
	faces  faces // the Layouter's, for the texts' outlines (EMF)
}

// Layouter lays out timelines. It holds the fonts' metrics, read once;
// it is safe for concurrent use.
type Layouter struct {
	faces faces
	// shapes is the most shapes a drawing of this Layouter has had (up
	// to maxShapesHint): the room the next one starts with. A chart's
	// hatching is hundreds of lines, and growing the list as they come
	// copied it again and again (a quarter of a layout's time).
	shapes atomic.Int64
}

// maxShapesHint bounds the room a drawing starts with: about 1.3 MB.
const maxShapesHint = 1 << 13

// New returns a Layouter.
func New() (*Layouter, error) {
	fs, err := loadFaces()
	if err != nil {
		return nil, err
	}
	return &Layouter{faces: fs}, nil
}

// Sizes of the chart, in millimetres and points.
const (
	labelSize = 7.5 // row labels
	smallSize = 6.5 // the axis, mark texts, notes and the legend
	axisRowH  = 4.4
	rowH      = 6.0
	rowH2     = 8.2 // a row whose label takes two lines
	groupH    = 5.6
	barH      = 3.0
	diamondW  = 3.6
	hatchGap  = 0.9
	gap       = 1.5
	legendH   = 5.0
)

// scale is the unit of the axis.
type scale uint8

const (
	months scale = iota
	quarters
	years
)

// chart is the state of one Layout call.
type chart struct {
	l      *Layouter
	p      style.Profile
	t      *doc.Timeline
	d      *Drawing
	lo, hi time.Time // the axis's first day and the day after its last
	x0, x1 float64   // the chart area between the labels and the notes
	sc     scale     // the axis's unit
	accent style.RGB
}

// Layout lays out t in a figure width millimetres wide, in the colours of
// p (Accent for a plan; its status colours for the traffic lights). A
// timeline with no marks lays out as an empty drawing.
func (l *Layouter) Layout(t *doc.Timeline, width float64, p style.Profile) *Drawing {
	c := &chart{l: l, p: p, t: t, d: &Drawing{W: width, Alt: t.Alt, faces: l.faces}, accent: Accent(t, p)}
	lo, hi, ok := c.span()
	if !ok {
		return c.d
	}
	c.d.Shapes = make([]Shape, 0, l.shapes.Load())
	defer func() {
		if n := int64(min(len(c.d.Shapes), maxShapesHint)); n > l.shapes.Load() {
			l.shapes.Store(n) // a race between two loses a hint, never a shape
		}
	}()
	sc := pickScale(lo, hi)
	c.sc = sc
	c.lo, c.hi = snap(lo, sc, false), snap(hi, sc, true)
	if sc == months && hasTexts(t) {
		// A month more at the end, for the date beside the last mark.
		c.hi = c.hi.AddDate(0, 1, 0)
	}
	if c.hi.Before(c.lo.AddDate(0, 3, 0)) {
		c.hi = c.lo.AddDate(0, 3, 0)
	}
	c.columns(width)
	y := c.axis()
	y = c.rows(y)
	y = c.today(y)
	y = c.legend(y + gap)
	c.d.H = y
	return c.d
}

func hasTexts(t *doc.Timeline) bool {
	for _, r := range t.Rows {
		for _, m := range r.Marks {
			if m.Text != "" {
				return true
			}
		}
	}
	return false
}

// span is the first day a mark covers and the day after the last.
func (c *chart) span() (lo, hi time.Time, ok bool) {
	add := func(d date.Date) {
		if d.IsZero() {
			return
		}
		f, e := d.First(), d.Last().AddDate(0, 0, 1)
		if !ok || f.Before(lo) {
			lo = f
		}
		if !ok || e.After(hi) {
			hi = e
		}
		ok = true
	}
	for _, r := range c.t.Rows {
		for _, m := range r.Marks {
			add(m.From)
			add(m.To)
		}
	}
	if ok {
		add(c.t.Today)
	}
	return lo, hi, ok
}

func monthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

// pickScale chooses the axis's unit for a span.
func pickScale(lo, hi time.Time) scale {
	n := monthIndex(hi.AddDate(0, 0, -1)) - monthIndex(lo) + 1
	switch {
	case n <= 18:
		return months
	case n <= 48:
		return quarters
	}
	return years
}

// unitMonths is the length of one step of the axis in months.
func unitMonths(sc scale) int {
	switch sc {
	case quarters:
		return 3
	case years:
		return 12
	}
	return 1
}

// snap moves t to the start of its unit, or for an end (the day after the
// last) to the start of the next unit unless it is one. A span shorter
// than three months is widened to three: the smallest chart the scale
// draws.
func snap(t time.Time, sc scale, end bool) time.Time {
	u := unitMonths(sc)
	m := monthIndex(t)
	if end {
		if t.Day() != 1 {
			m++
		}
		m = (m + u - 1) / u * u
	} else {
		m -= m % u
	}
	return time.Date(m/12, time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC)
}

// x is the position of a moment on the axis.
func (c *chart) x(t time.Time) float64 {
	total := c.hi.Sub(c.lo).Hours()
	return c.x0 + (c.x1-c.x0)*t.Sub(c.lo).Hours()/total
}

// columns sizes the label column at the left and the note column at the
// right from what they hold, within bounds, and gives the chart the rest.
func (c *chart) columns(width float64) {
	labW, noteW := 0.0, 0.0
	for _, r := range c.t.Rows {
		labW = max(labW, c.labelWidth(r))
		if r.Note != "" {
			noteW = max(noteW, c.l.faces.width(r.Note, smallSize, false)+noteMark+gap)
		}
	}
	labW = min(max(labW+2*gap, 0.2*width), 0.36*width)
	if noteW > 0 {
		noteW = min(noteW+gap, 0.2*width)
	}
	c.x0, c.x1 = labW, width-noteW
	if noteW == 0 {
		// Room for half a diamond on the chart's last day.
		c.x1 -= diamondW / 2
	}
}

// rowHeight is a row's height: a label of two lines makes it taller.
func (c *chart) rowHeight(r doc.TimelineRow) float64 {
	switch _, lines := c.labelLines(r); {
	case r.Group:
		return groupH
	case len(lines) > 1:
		return rowH2
	}
	return rowH
}

// labelLines is where a row's label starts, after its id, and its label
// in at most two lines that fit the label column, the second cut with an
// ellipsis when the label is longer still.
func (c *chart) labelLines(r doc.TimelineRow) (x float64, lines []string) {
	x = gap
	if r.ID != "" {
		x += c.l.faces.width(r.ID+" ", labelSize, true)
	}
	avail := c.x0 - gap - x
	fs := c.l.faces
	if r.Group || fs.width(r.Label, labelSize, false) <= avail {
		return x, []string{r.Label}
	}
	words := strings.Fields(r.Label)
	i := firstLine(fs.face(false), words, avail, labelSize)
	if i == 0 {
		return x, []string{fit(fs, r.Label, avail, labelSize, false)}
	}
	return x, []string{strings.Join(words[:i], " "), fit(fs, strings.Join(words[i:], " "), avail, labelSize, false)}
}

// firstLine is how many of words, joined by spaces, fit in avail at size
// points. The widths are summed a word at a time: advance widths are
// whole numbers, so the sums are exact, the same as measuring each longer
// line anew, which made a label's lines in time quadratic in its words.
func firstLine(m *metrics, words []string, avail, size float64) int {
	space := float64(m.of(' '))
	var line float64 // advance widths of the words that fit, and the spaces
	for i, w := range words {
		next := m.advances(w)
		if i > 0 {
			next += line + space
		}
		if m.mm(next, size) > avail {
			return i
		}
		line = next
	}
	return len(words)
}

// noteMark is the width of a note's traffic light and the space after it.
const noteMark = 3.2

func (c *chart) labelWidth(r doc.TimelineRow) float64 {
	if r.Group {
		return c.l.faces.width(r.Label, labelSize, true)
	}
	w := c.l.faces.width(r.Label, labelSize, false)
	if r.ID != "" {
		w += c.l.faces.width(r.ID+" ", labelSize, true)
	}
	return w
}

// Swedish month abbreviations, as Swedish spreadsheets print them.
var monthShort = [...]string{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}

// axis draws the two rows of the scale (years over months, quarters or
// halves) and returns the y under it.
func (c *chart) axis() float64 {
	sc := c.sc
	grid := c.p.GridColor
	text := c.p.TextColor
	y1 := axisRowH
	y2 := 2 * axisRowH
	// Years, across the top.
	for y := c.lo.Year(); y <= c.hi.AddDate(0, 0, -1).Year(); y++ {
		a := maxTime(c.lo, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		b := minTime(c.hi, time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC))
		xa, xb := c.x(a), c.x(b)
		label := strconv.Itoa(y)
		if c.l.faces.width(label, smallSize, true)+1 > xb-xa && len(label) == 4 {
			label = "’" + label[2:]
		}
		c.centred(label, (xa+xb)/2, y1-1.2, smallSize, true, text, xb-xa)
	}
	// The second row: months, quarters or halves.
	step, names := 1, monthShort[:]
	switch sc {
	case quarters:
		step, names = 3, []string{"K1", "K2", "K3", "K4"}
	case years:
		step, names = 6, []string{"H1", "H2"}
	}
	cellW := c.x(c.lo.AddDate(0, step, 0)) - c.x0
	widest := 0.0
	for _, n := range names {
		widest = max(widest, c.l.faces.width(n, smallSize, false))
	}
	initials := sc == months && widest+0.8 > cellW
	for t := c.lo; t.Before(c.hi); t = t.AddDate(0, step, 0) {
		xa, xb := c.x(t), c.x(t.AddDate(0, step, 0))
		i := (int(t.Month()) - 1) / step
		label := names[i]
		if initials {
			label = strings.ToUpper(label[:1])
		}
		c.centred(label, (xa+xb)/2, y2-1.2, smallSize, false, text, xb-xa)
	}
	c.line(c.x0, y2, c.x1-c.x0, 0, 0.2, grid, 0)
	return y2
}

// rows draws the rows from y and returns the y under them, with the
// grid lines of the scale across them.
func (c *chart) rows(y float64) float64 {
	top := y
	light := mix(c.p.GridColor, white, 0.55)
	band := mix(c.p.GridColor, white, 0.88)
	n := 0 // rows of marks so far: every other one is shaded
	for _, r := range c.t.Rows {
		h := c.rowHeight(r)
		if !r.Group {
			n++
		}
		if !r.Group && n%2 == 0 {
			c.rect(0, y, c.d.W, h, band, false, style.RGB{}, 0)
		}
		y += h
	}
	// Grid: a light line at every month (or the unit), darker at a year.
	for t := c.lo; !t.After(c.hi); t = t.AddDate(0, unitMonths(c.sc), 0) {
		col, from := light, top
		if t.Month() == time.January || t.Equal(c.lo) || t.Equal(c.hi) {
			col, from = c.p.GridColor, axisRowH*0.15
		}
		c.line(c.x(t), from, 0, y-from, 0.15, col, 0)
	}
	y = top
	for _, r := range c.t.Rows {
		h := c.rowHeight(r)
		c.row(r, y, h)
		y += h
	}
	c.line(0, y, c.d.W, 0, 0.2, c.p.GridColor, 0)
	return y
}

// row draws one row's label, marks and note.
func (c *chart) row(r doc.TimelineRow, y, h float64) {
	base := y + h/2 + labelSize*ptToMM*0.35
	text := c.p.TextColor
	if r.Group {
		c.text(fit(c.l.faces, r.Label, c.x0-2*gap, labelSize, true), gap, base, labelSize, true, text)
		return
	}
	x, lines := c.labelLines(r)
	lead := labelSize * ptToMM * 1.15
	base -= lead * float64(len(lines)-1) / 2
	if r.ID != "" {
		c.text(r.ID+" ", gap, base, labelSize, true, text)
	}
	for i, ln := range lines {
		c.text(ln, x, base+lead*float64(i), labelSize, false, text)
	}
	mid := y + h/2
	var placed [][2]float64 // the marks' extents, left to right in data order
	for _, m := range r.Marks {
		placed = append(placed, c.mark(m, mid, stacked(r)))
	}
	c.markTexts(r, placed, mid)
	if r.Note != "" {
		nx := c.x1 + gap
		if r.Level != 0 {
			c.circle(nx+1.2, mid, 1.2, c.level(r.Level, text))
		}
		c.text(fit(c.l.faces, r.Note, c.d.W-nx-noteMark, smallSize, false), nx+noteMark, mid+smallSize*ptToMM*0.35, smallSize, false, text)
	}
}

// markTexts prints the texts of a row's marks beside them: the last
// mark's, then the first's, each on the side where it fits inside the
// chart without covering a mark or the other text; a text that fits
// nowhere is left out (Alt has every date).
func (c *chart) markTexts(r doc.TimelineRow, ext [][2]float64, mid float64) {
	if len(r.Marks) == 0 {
		return
	}
	lo, hi := 0, 0
	for i := range ext {
		if ext[i][0] < ext[lo][0] {
			lo = i
		}
		if ext[i][1] >= ext[hi][1] {
			hi = i
		}
	}
	taken := append([][2]float64(nil), ext...)
	free := func(a, b float64) bool {
		if a < c.x0 || b > c.x1 {
			return false
		}
		for _, t := range taken {
			if a < t[1] && b > t[0] {
				return false
			}
		}
		return true
	}
	base := mid + smallSize*ptToMM*0.35
	place := func(i int, rightFirst bool) {
		s := r.Marks[i].Text
		if s == "" {
			return
		}
		w := c.l.faces.width(s, smallSize, false)
		right := [2]float64{ext[i][1] + 0.8, ext[i][1] + 0.8 + w}
		left := [2]float64{ext[i][0] - 0.8 - w, ext[i][0] - 0.8}
		sides := [][2]float64{right, left}
		if !rightFirst {
			sides = [][2]float64{left, right}
		}
		for _, sd := range sides {
			if free(sd[0], sd[1]) {
				c.text(s, sd[0], base, smallSize, false, c.p.TextColor)
				taken = append(taken, sd)
				return
			}
		}
	}
	place(hi, true)
	if lo != hi {
		place(lo, false)
	}
}

// stacked reports whether a row has a planned bar and another bar: the
// plan is then drawn as a thin baseline under the other, as a project
// plan draws its baseline, so that neither hides the other.
func stacked(r doc.TimelineRow) bool {
	planned, other := false, false
	for _, m := range r.Marks {
		if m.Point() {
			continue
		}
		if m.Role == doc.Planned {
			planned = true
		} else {
			other = true
		}
	}
	return planned && other
}

// mark draws a bar or a diamond centred on mid and returns its extent. In
// a stacked row a planned bar is a thin baseline under the middle and the
// other bars sit above it.
func (c *chart) mark(m doc.TimelineMark, mid float64, stack bool) [2]float64 {
	fill, edge, hatch := c.look(m)
	if m.Point() {
		a, b := m.From.First(), m.From.Last().AddDate(0, 0, 1)
		xa, xb := c.x(a), c.x(b)
		cx := (xa + xb) / 2
		if xb-xa > diamondW {
			// A month, a quarter or a year: the band it covers, under
			// the diamond at its middle.
			c.rect(xa, mid-0.6, xb-xa, 1.2, mix(edge, white, 0.7), false, style.RGB{}, 0)
		}
		pts := []float64{cx, mid - diamondW/2, cx + diamondW/2, mid, cx, mid + diamondW/2, cx - diamondW/2, mid}
		c.poly(pts, fill, true, edge, 0.3)
		if hatch {
			c.hatch(pts, edge)
		}
		return [2]float64{cx - diamondW/2, cx + diamondW/2}
	}
	from, to := m.From, m.To
	if to.Compare(from) < 0 {
		from, to = to, from
	}
	xa, xb := c.x(from.First()), c.x(to.Last().AddDate(0, 0, 1))
	if xb-xa < 0.8 {
		xb = xa + 0.8
	}
	y, h := mid-barH/2, barH
	if stack {
		if m.Role == doc.Planned {
			y, h = mid+barH/2-0.2, 1.4
		} else {
			y, h = mid-barH/2-0.9, barH
		}
	}
	pts := []float64{xa, y, xb, y, xb, y + h, xa, y + h}
	c.poly(pts, fill, true, edge, 0.3)
	if hatch {
		c.hatch(pts, edge)
	}
	return [2]float64{xa, xb}
}

// look is how a mark of a role is drawn: its fill, its edge and whether
// it is hatched. A plan is solid in the accent; a
// planned mark is white with an edge; a forecast is hatched and an actual
// solid, both in the traffic light's colour when they have one.
func (c *chart) look(m doc.TimelineMark) (fill, edge style.RGB, hatch bool) {
	switch m.Role {
	case doc.Planned:
		return white, mix(c.accent, c.p.TextColor, 0.3), false
	case doc.Forecast:
		e := c.level(m.Level, c.accent)
		return white, e, true
	case doc.Actual:
		e := c.level(m.Level, c.accent)
		return e, e, false
	}
	return c.accent, c.accent, false
}

// level is a traffic light's colour, or def for none.
func (c *chart) level(l doc.StatusLevel, def style.RGB) style.RGB {
	if l >= doc.Green && int(l) <= len(c.p.StatusColors) {
		return c.p.StatusColors[l-1]
	}
	return def
}

// today draws the dashed line of the report's day across the rows, with
// its label under them, and returns the y under the label.
func (c *chart) today(y float64) float64 {
	if c.t.Today.IsZero() {
		return y
	}
	mid := c.t.Today.First().Add(12 * time.Hour)
	if c.t.Today.Prec != date.Day {
		mid = c.t.Today.First().Add(c.t.Today.Last().AddDate(0, 0, 1).Sub(c.t.Today.First()) / 2)
	}
	x := c.x(mid)
	col := todayColor(c.p)
	c.line(x, axisRowH*2, 0, y-axisRowH*2+1, 0.35, col, 1.0)
	if c.t.TodayLabel != "" {
		w := c.l.faces.width(c.t.TodayLabel, smallSize, true)
		lx := min(max(x-w/2, c.x0), c.d.W-w)
		c.text(c.t.TodayLabel, lx, y+1+smallSize*ptToMM, smallSize, true, col)
	}
	return y + 1.5 + smallSize*ptToMM
}

// todayColor is the line of the report's day: the text colour, so that
// it reads as a line and a label, not as a traffic light.
func todayColor(p style.Profile) style.RGB { return p.TextColor }

// legend draws the legend's entries from y, flowing left to right, and
// returns the y under them.
func (c *chart) legend(y float64) float64 {
	if len(c.t.Legend) == 0 {
		return y
	}
	x := 0.0
	y += legendH / 2
	for _, it := range c.t.Legend {
		sw := 6.0
		switch {
		case it.Point, it.Swatch:
			sw = diamondW
		case it.Today:
			sw = 1.5
		}
		w := sw + 1.2 + c.l.faces.width(it.Text, smallSize, false)
		if x > 0 && x+w > c.d.W {
			x, y = 0, y+legendH
		}
		switch {
		case it.Today:
			c.line(x+sw/2, y-2, 0, 4, 0.35, todayColor(c.p), 1.0)
		case it.Swatch:
			c.circle(x+sw/2, y, 1.4, c.level(it.Level, c.accent))
		default:
			m := doc.TimelineMark{Role: it.Role, Level: it.Level}
			fill, edge, hatch := c.look(m)
			if it.Level == 0 && (it.Role == doc.Forecast || it.Role == doc.Actual) {
				// The shape alone: the traffic lights have their own
				// entries.
				g := mix(c.p.TextColor, white, 0.3)
				if fill != white {
					fill = g
				}
				edge = g
			}
			var pts []float64
			if it.Point {
				cx := x + sw/2
				pts = []float64{cx, y - diamondW/2, cx + diamondW/2, y, cx, y + diamondW/2, cx - diamondW/2, y}
			} else {
				pts = []float64{x, y - barH/2, x + sw, y - barH/2, x + sw, y + barH/2, x, y + barH/2}
			}
			c.poly(pts, fill, true, edge, 0.3)
			if hatch {
				c.hatch(pts, edge)
			}
		}
		c.text(it.Text, x+sw+1.2, y+smallSize*ptToMM*0.35, smallSize, false, c.p.TextColor)
		x += w + 4
	}
	return y + legendH/2
}

// Drawing primitives.

func (c *chart) add(s Shape) { c.d.Shapes = append(c.d.Shapes, s) }

func (c *chart) rect(x, y, w, h float64, fill style.RGB, stroke bool, edge style.RGB, lw float64) {
	s := Shape{Kind: Rect, X: x, Y: y, W: w, H: h, Fill: fill, Filled: true}
	if stroke {
		s.Stroke, s.LineW = edge, lw
	}
	c.add(s)
}

func (c *chart) poly(pts []float64, fill style.RGB, stroke bool, edge style.RGB, lw float64) {
	s := Shape{Kind: Poly, Pts: pts, Fill: fill, Filled: true}
	if stroke {
		s.Stroke, s.LineW = edge, lw
	}
	c.add(s)
}

func (c *chart) line(x, y, w, h, lw float64, col style.RGB, dash float64) {
	c.add(Shape{Kind: Line, X: x, Y: y, W: w, H: h, Stroke: col, LineW: lw, Dash: dash})
}

func (c *chart) circle(x, y, r float64, col style.RGB) {
	c.add(Shape{Kind: Circle, X: x, Y: y, W: r, Fill: col, Filled: true})
}

func (c *chart) text(s string, x, base, size float64, bold bool, col style.RGB) {
	if s == "" {
		return
	}
	c.add(Shape{Kind: Text, X: x, Y: base, Text: s, Size: size, Bold: bold, Fill: col})
}

// centred prints s centred on x when it fits in room.
func (c *chart) centred(s string, x, base, size float64, bold bool, col style.RGB, room float64) {
	w := c.l.faces.width(s, size, bold)
	if w > room {
		return
	}
	c.text(s, x-w/2, base, size, bold, col)
}

// hatch draws diagonal lines across a convex polygon.
func (c *chart) hatch(pts []float64, col style.RGB) {
	minX, maxX, minY, maxY := bounds(pts)
	// Lines x - y = k, k from minX-maxY to maxX-minY.
	for k := minX - maxY + hatchGap/2; k < maxX-minY; k += hatchGap * math.Sqrt2 {
		a := [2]float64{k + minY - 1, minY - 1}
		b := [2]float64{k + maxY + 1, maxY + 1}
		if p, q, ok := clip(a, b, pts); ok {
			c.line(p[0], p[1], q[0]-p[0], q[1]-p[1], 0.3, col, 0)
		}
	}
}

func bounds(pts []float64) (minX, maxX, minY, maxY float64) {
	minX, minY = math.Inf(1), math.Inf(1)
	maxX, maxY = math.Inf(-1), math.Inf(-1)
	for i := 0; i+1 < len(pts); i += 2 {
		minX, maxX = min(minX, pts[i]), max(maxX, pts[i])
		minY, maxY = min(minY, pts[i+1]), max(maxY, pts[i+1])
	}
	return
}

// clip cuts the segment a–b to a convex polygon (Cyrus–Beck).
func clip(a, b [2]float64, pts []float64) (p, q [2]float64, ok bool) {
	n := len(pts) / 2
	// The polygon's orientation, so that "inside" is on the right side
	// of every edge.
	area := 0.0
	for i := 0; i < n; i++ {
		j := (i + 1) % n
		area += pts[2*i]*pts[2*j+1] - pts[2*j]*pts[2*i+1]
	}
	sign := 1.0
	if area < 0 {
		sign = -1
	}
	t0, t1 := 0.0, 1.0
	dx, dy := b[0]-a[0], b[1]-a[1]
	for i := 0; i < n; i++ {
		j := (i + 1) % n
		ex, ey := pts[2*j]-pts[2*i], pts[2*j+1]-pts[2*i+1]
		// Inward normal.
		nx, ny := -ey*sign, ex*sign
		num := nx*(a[0]-pts[2*i]) + ny*(a[1]-pts[2*i+1])
		den := nx*dx + ny*dy
		if den == 0 {
			if num < 0 {
				return p, q, false
			}
			continue
		}
		t := -num / den
		if den > 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return p, q, false
		}
	}
	p = [2]float64{a[0] + t0*dx, a[1] + t0*dy}
	q = [2]float64{a[0] + t1*dx, a[1] + t1*dy}
	return p, q, t1-t0 > 1e-9
}

// fit cuts s with an ellipsis to fit in w: the longest of its beginnings
// (short of all of s), without the spaces and punctuation it ends with,
// that fits with the ellipsis. The widths are summed as the beginnings
// grow, in the order width sums them, so each is the width width would
// give; a longer beginning is never narrower, so the first that does not
// fit ends the search.
func fit(fs faces, s string, w, size float64, bold bool) string {
	m := fs.face(bold)
	if m.width(s, size) <= w {
		return s
	}
	if !utf8.ValidString(s) {
		// Each invalid byte a U+FFFD, as ranging over s measures it.
		s = string([]rune(s))
	}
	ellipsis := float64(m.of('…'))
	var sum float64 // the widths of s before the character at off
	end := 0        // where that beginning ends without its trailing separators
	var endSum float64
	cut := -1
	for off, r := range s {
		if off > 0 {
			if m.mm(endSum+ellipsis, size) > w {
				break
			}
			cut = end
		}
		sum += float64(m.of(r))
		if !strings.ContainsRune(" ,;:–-", r) {
			end, endSum = off+utf8.RuneLen(r), sum
		}
	}
	if cut < 0 {
		return ""
	}
	return s[:cut] + "…"
}

var white = style.RGB{R: 255, G: 255, B: 255}

// mix is a between b (f=0) and b (f=1).
func mix(a, b style.RGB, f float64) style.RGB {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-f) + float64(y)*f)) }
	return style.RGB{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B)}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// Accent is the colour of a plan's bars and diamonds: the timeline's own
// (the template's "färg"), else the organisation's heading colour when
// its reference document gives its headings one, else the profile's link
// colour.
func Accent(t *doc.Timeline, p style.Profile) style.RGB {
	if rgb, ok := style.ParseHex(t.Color); ok {
		return rgb
	}
	if p.HeadingColor != p.TextColor {
		return p.HeadingColor
	}
	return p.LinkColor
}

// Fit returns the drawing scaled down, whole, to be at most maxH high: a
// timeline of more rows than a page holds is drawn smaller rather than
// past the page's foot. A drawing that fits is returned as it is.
func (d *Drawing) Fit(maxH float64) *Drawing {
	if d.H <= maxH || maxH <= 0 {
		return d
	}
	f := maxH / d.H
	out := &Drawing{W: d.W * f, H: maxH, Alt: d.Alt, Shapes: make([]Shape, len(d.Shapes)), faces: d.faces}
	for i, s := range d.Shapes {
		s.X, s.Y, s.W, s.H = s.X*f, s.Y*f, s.W*f, s.H*f
		s.LineW, s.Dash, s.Size = s.LineW*f, s.Dash*f, s.Size*f
		if s.Pts != nil {
			pts := make([]float64, len(s.Pts))
			for j, v := range s.Pts {
				pts[j] = v * f
			}
			s.Pts = pts
		}
		out.Shapes[i] = s
	}
	return out
}

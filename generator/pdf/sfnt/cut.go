package sfnt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// Cut is the seam between go-pdf/fpdf's font cutter and our own. The PDF
// renderer cuts each font down to the characters it can draw before it
// parses it (generator/pdf prepareFace). fpdf's UTF8CutFont did that, and
// did it well enough, but measured on the cold path it was the single
// largest cost of a one-memo `underlag render`: some 30 % of the process's
// CPU time (a perf profile of ten cold renders), 5.5 ms and 4.5 MB in
// 7,155 allocations per face warm, about 13 ms per face from a cold
// process, where the goal for the whole render is 40 ms (issue 31). It
// walks every character of the font's cmap into maps, and splices byte
// slices copy by copy; no option of fpdf's makes that cheaper.
//
// Cut is our own cutter beside it, not a replacement of fpdf's role: it
// writes, byte for byte, what UTF8CutFont writes for the same font and the
// same characters, so that every PDF the program writes stays the same.
// That includes fpdf's quirks, which the output depends on:
//
//   - the glyphs are renumbered: glyph 0, then the glyphs of the runes in
//     the order of their old ids, then the components of composite glyphs
//     in the order a depth-first walk from those glyphs meets them;
//   - the cmap's format 4 subtable declares a length short of its bytes
//     (RepairCmap corrects it), and maps each run of consecutive runes
//     and glyphs with a delta, followed by an unused glyph id array;
//   - post is cut to a version 3 header, its 16 memory fields zeroed;
//   - head's checksum adjustment is computed with fpdf's borrow (the high
//     half one more, not one less, when the low half borrows);
//   - for a glyph beyond the font's long horizontal metrics, fpdf appends
//     the glyph's left side bearing to a slice of the font's own bytes and
//     so writes it over the last long metric's bearing, in the font it
//     was given: a later glyph that reads that metric reads it changed.
//     Cut leaves the font alone and keeps the change aside (overlay), so
//     that a second cut of the same bytes is the first; fpdf's second
//     cut (an organisation's regular face cut again to stand in for a
//     face its family lacks) differed from its first in that bearing
//     (TestCutLeavesFontAlone).
//
// TestCutMatchesFpdf holds Cut to fpdf's bytes for the Liberation faces,
// every TrueType font on the machine and several sets of runes; FuzzCut
// holds it to fpdf's bytes, or to an error where fpdf fails, on damaged
// fonts. Where fpdf panics on a damaged font (it indexes the tables
// without checking them) or returns nothing (no Unicode cmap), Cut
// returns an error; where fpdf recurses without end (a composite glyph
// that contains itself) and so kills the process, Cut returns an error
// too.

// ErrCut is the error of a font that Cut cannot cut: one where fpdf's
// cutter would panic, loop without end, or return nothing.
var ErrCut = errors.New("font cannot be cut")

// The tags Cut writes, in the order of their bytes, as the table
// directory lists them.
const (
	tOS2 = iota
	tCmap
	tCvt
	tFpgm
	tGasp
	tGlyf
	tHead
	tHhea
	tHmtx
	tLoca
	tMaxp
	tName
	tPost
	tPrep
	numTags
)

var cutTags = [numTags]string{"OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"}

// record is a table of the font being cut, as its directory gives it.
type record struct {
	off, size int
	ok        bool
}

// cutter holds the state of one Cut.
type cutter struct {
	data []byte
	tab  [numTags]record
	// From head, hhea and maxp: loca's format, the number of long
	// horizontal metrics, the number of glyphs.
	locaFormat, numMetrics, numGlyphs int
	cmap                              bmpCmap
	// The overlay: the two bytes fpdf has written into its input at
	// patchAt, once patched (see Cut).
	patchAt int
	patch   [2]byte
	patched bool

	rs    []rune   // the runes asked for, each once, in order
	gids  []int32  // the glyph of each of rs in the font, -1 for none
	keys  []int    // the glyphs kept, by old id, in their new order
	id    []uint16 // each kept glyph's new id plus one, by old id
	state []uint8  // the walk's state of each glyph (visit)
}

// Cut returns font cut to the glyphs of runes, as go-pdf/fpdf's
// UTF8CutFont(font, string(runes)) returns it (see the comment above). A
// rune that is not valid Unicode stands for U+FFFD, as it would in a
// string. font is only read.
func Cut(font []byte, runes []rune) ([]byte, error) {
	c := &cutter{data: font}
	out, err := c.cut(runes)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCut, err)
	}
	return out, nil
}

var (
	errRange = errors.New("offset out of range")
	// errCycle is a composite glyph that contains itself: fpdf's walk
	// recurses until the stack overflows, which no recover catches.
	errCycle = errors.New("composite glyph contains itself")
	// errOverlap is a cut whose glyphs together are longer than the font:
	// only glyphs whose data overlap, in a damaged font, make one, and
	// fpdf would write it however large (65,535 glyphs each as long as
	// the file); Cut refuses it.
	errOverlap = errors.New("glyphs overlap")
)

// in reports whether n bytes at off lie in the font.
func (c *cutter) in(off, n int) bool { return off >= 0 && n >= 0 && off <= len(c.data)-n }

// raw reads a big-endian uint16 at off as the font was given (callers
// check the range).
func (c *cutter) raw(off int) int { return int(binary.BigEndian.Uint16(c.data[off:])) }

// read copies len(dst) bytes at off into dst as fpdf sees them then: with
// the overlay (callers check the range).
func (c *cutter) read(dst []byte, off int) {
	copy(dst, c.data[off:])
	if c.patched {
		for i, b := range c.patch {
			if j := c.patchAt + i - off; j >= 0 && j < len(dst) {
				dst[j] = b
			}
		}
	}
}

// directory finds the tables Cut reads: the last record of a tag, as
// fpdf keeps it.
func (c *cutter) directory() error {
	if !c.in(0, 12) {
		return errRange
	}
	n := c.raw(4)
	if !c.in(12, 16*n) {
		return errRange
	}
	for i := n - 1; i >= 0; i-- {
		rec := c.data[12+16*i:]
		for t, tag := range cutTags {
			if !c.tab[t].ok && string(rec[:4]) == tag {
				c.tab[t] = record{off: int(binary.BigEndian.Uint32(rec[8:])), size: int(binary.BigEndian.Uint32(rec[12:])), ok: true}
			}
		}
	}
	return nil
}

// at reads a uint16 at off bytes into table t, which fpdf reads without
// looking at the table's length, only at the font's.
func (c *cutter) at(t, off int) (int, error) {
	if !c.tab[t].ok {
		return 0, fmt.Errorf("no %s table", cutTags[t])
	}
	if !c.in(c.tab[t].off+off, 2) {
		return 0, errRange
	}
	return c.raw(c.tab[t].off + off), nil
}

// bmpCmap is the font's Unicode BMP subtable, as fpdf reads it.
type bmpCmap struct {
	at, rim          int // where it starts; where its declared length ends
	segs             int
	ends, starts     int // offsets of the arrays
	deltas, rangeOff int
}

// findCmap finds the first (3,1) or Unicode subtable of format 4.
func (c *cutter) findCmap() (bmpCmap, error) {
	var m bmpCmap
	n, err := c.at(tCmap, 2)
	if err != nil {
		return m, err
	}
	base := c.tab[tCmap].off
	for i := 0; i < n; i++ {
		rec := base + 4 + 8*i
		if !c.in(rec, 8) {
			return m, errRange
		}
		pid, eid, off := c.raw(rec), c.raw(rec+2), int(binary.BigEndian.Uint32(c.data[rec+4:]))
		if pid == 3 && eid == 1 || pid == 0 {
			if !c.in(base+off, 2) {
				return m, errRange
			}
			if c.raw(base+off) == 4 {
				m.at = base + off
				break
			}
		}
	}
	if m.at == 0 {
		return m, errors.New("no Unicode BMP cmap of format 4")
	}
	if !c.in(m.at, 8) {
		return m, errRange
	}
	m.rim = m.at + c.raw(m.at+2)
	m.segs = c.raw(m.at+6) / 2
	m.ends = m.at + 14
	m.starts = m.ends + 2*m.segs + 2
	m.deltas = m.starts + 2*m.segs
	m.rangeOff = m.deltas + 2*m.segs
	if m.segs > 0 && !c.in(m.at, 16+8*m.segs) {
		return m, errRange
	}
	// fpdf maps every character of every segment, and reads the glyph id
	// array for each below the declared end: one beyond the font's data
	// is a panic there, an error here, whichever characters are asked for.
	for n := 0; n < m.segs; n++ {
		start, end, ro := c.raw(m.starts+2*n), c.raw(m.ends+2*n), c.raw(m.rangeOff+2*n)
		if ro == 0 || start > end {
			continue
		}
		first := m.rangeOff + 2*n + ro
		if first >= m.rim {
			continue
		}
		last := min(first+2*(end-start), first+(m.rim-1-first)&^1)
		if !c.in(last, 2) {
			return m, errRange
		}
	}
	return m, nil
}

// glyph returns the glyph of r in segment n, which holds it.
func (c *cutter) glyph(m bmpCmap, n int, r rune) int {
	start, delta, ro := c.raw(m.starts+2*n), c.raw(m.deltas+2*n), c.raw(m.rangeOff+2*n)
	if ro == 0 {
		return (int(r) + delta) & 0xffff
	}
	p := m.rangeOff + 2*n + ro + 2*(int(r)-start)
	if p >= m.rim {
		return 0
	}
	g := c.raw(p)
	if g != 0 {
		g = (g + delta) & 0xffff
	}
	return g
}

// Composite glyph flags.
const (
	argsAreWords = 0x1
	haveScale    = 0x8
	moreComps    = 0x20
	haveXYScale  = 0x40
	have2x2      = 0x80
)

// compArgs is the length of a component's arguments and transform.
func compArgs(flags int) int {
	n := 2
	if flags&argsAreWords != 0 {
		n = 4
	}
	switch {
	case flags&haveScale != 0:
		n += 2
	case flags&haveXYScale != 0:
		n += 4
	case flags&have2x2 != 0:
		n += 8
	}
	return n
}

func (c *cutter) cut(runes []rune) ([]byte, error) {
	if err := c.tables(); err != nil {
		return nil, err
	}
	c.lookup(runes)
	if err := c.keep(); err != nil {
		return nil, err
	}
	return c.write()
}

// tables reads what fpdf reads before it walks the glyphs: the table
// directory, the numbers in head, hhea and maxp, the cmap, and the
// bounds of hmtx and loca.
func (c *cutter) tables() error {
	if err := c.directory(); err != nil {
		return err
	}
	var err error
	if c.locaFormat, err = c.at(tHead, 50); err != nil {
		return err
	}
	if c.numMetrics, err = c.at(tHhea, 34); err != nil {
		return err
	}
	if c.numGlyphs, err = c.at(tMaxp, 4); err != nil {
		return err
	}
	if c.cmap, err = c.findCmap(); err != nil {
		return err
	}
	hmtx := c.tab[tHmtx]
	if !hmtx.ok {
		return errors.New("no hmtx table")
	}
	if c.numMetrics > 0 && !c.in(hmtx.off, 4*c.numMetrics) {
		return errRange
	}
	// loca, as fpdf reads it once, before it writes anything.
	loca := c.tab[tLoca]
	if !loca.ok {
		return errors.New("no loca table")
	}
	switch c.locaFormat {
	case 0:
		if !c.in(loca.off, 2*c.numGlyphs+2) {
			return errRange
		}
	case 1:
		if !c.in(loca.off, 4*c.numGlyphs+4) {
			return errRange
		}
	default:
		return fmt.Errorf("loca format %d", c.locaFormat)
	}
	if !c.tab[tGlyf].ok {
		return errors.New("no glyf table")
	}
	return nil
}

// glyphAt is where glyph g starts in glyf (g up to numGlyphs), as loca
// says.
func (c *cutter) glyphAt(g int) int {
	if c.locaFormat == 0 {
		return 2 * c.raw(c.tab[tLoca].off+2*g)
	}
	return int(binary.BigEndian.Uint32(c.data[c.tab[tLoca].off+4*g:]))
}

// lookup finds the glyph of each rune. A rune in more than one segment
// takes the last, as fpdf's map of every character does.
func (c *cutter) lookup(runes []rune) {
	c.rs = make([]rune, len(runes))
	for i, r := range runes {
		if !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		c.rs[i] = r
	}
	slices.Sort(c.rs)
	c.rs = slices.Compact(c.rs)
	c.gids = make([]int32, len(c.rs))
	for i := range c.gids {
		c.gids[i] = -1
	}
	m := c.cmap
	for n := 0; n < m.segs; n++ {
		start, end := rune(c.raw(m.starts+2*n)), rune(c.raw(m.ends+2*n))
		i, _ := slices.BinarySearch(c.rs, start)
		for ; i < len(c.rs) && c.rs[i] <= end; i++ {
			c.gids[i] = int32(c.glyph(m, n, c.rs[i]))
		}
	}
}

// keep finds the glyphs kept: glyph 0 and those of the runes, by old id,
// then the components as the walk meets them. The walk follows fpdf's,
// read for read, so that where it fails fpdf fails at the same place: a
// glyph beyond the font's count fails when its turn comes, not before.
func (c *cutter) keep() error {
	c.keys = make([]int, 1, len(c.rs)+64)
	for _, g := range c.gids {
		if g >= 0 {
			c.keys = append(c.keys, int(g))
		}
	}
	slices.Sort(c.keys)
	c.keys = slices.Compact(c.keys)
	c.id = make([]uint16, c.numGlyphs)
	for i, g := range c.keys {
		if g < c.numGlyphs {
			c.id[g] = uint16(i + 1)
		}
	}
	c.state = make([]uint8, c.numGlyphs)
	for i, n := 0, len(c.keys); i < n; i++ {
		if err := c.visit(c.keys[i]); err != nil {
			return err
		}
	}
	return nil
}

// The states of a glyph in the walk: not met yet (0), its components
// being walked, walked.
const (
	active = 1
	done   = 2
)

// visit walks glyph g's components, keeping each the first time it is
// met. fpdf walks a glyph again each time it meets it; a glyph walked
// already adds nothing then, and one met again while it is being walked
// contains itself, where fpdf's walk never ends.
func (c *cutter) visit(g int) error {
	if g >= c.numGlyphs {
		return fmt.Errorf("glyph %d of %d", g, c.numGlyphs)
	}
	switch c.state[g] {
	case done:
		return nil
	case active:
		return fmt.Errorf("%w: glyph %d", errCycle, g)
	}
	a, b := c.glyphAt(g), c.glyphAt(g+1)
	if a == b {
		c.state[g] = done
		return nil
	}
	c.state[g] = active
	p := c.tab[tGlyf].off + a
	if !c.in(p, 2) {
		return errRange
	}
	if int16(c.raw(p)) < 0 {
		for p += 10; ; {
			if !c.in(p, 4) {
				return errRange
			}
			flags, comp := c.raw(p), c.raw(p+2)
			if comp < c.numGlyphs && c.id[comp] == 0 {
				c.id[comp] = uint16(len(c.keys) + 1)
				c.keys = append(c.keys, comp)
			}
			if err := c.visit(comp); err != nil {
				return err
			}
			p += 4 + compArgs(flags)
			if flags&moreComps == 0 {
				break
			}
		}
	}
	c.state[g] = done
	return nil
}

// newID is the new id of glyph g, 0 for one not kept.
func (c *cutter) newID(g int) int {
	if g < 0 || g >= c.numGlyphs || c.id[g] == 0 {
		return 0
	}
	return int(c.id[g]) - 1
}

// cutLayout is the layout of the cut font: each table's length and offset.
type cutLayout struct {
	size, off     [numTags]int
	numTables     int
	dirLen, total int
	longLoca      bool
	segs          int // the cmap's segments, less the last
}

// has reports whether the cut font has table t: glyf and hmtx always,
// the others when they have bytes.
func (l *cutLayout) has(t int) bool { return l.size[t] > 0 || t == tGlyf }

// layout measures the cut font's tables, with the checks of the font's
// bounds that fpdf's slicing makes.
func (c *cutter) layout() (*cutLayout, error) {
	l := &cutLayout{}
	glyf := c.tab[tGlyf]
	glyfLen := 0
	for _, g := range c.keys {
		a, b := c.glyphAt(g), c.glyphAt(g+1)
		switch {
		case a > b:
			return nil, fmt.Errorf("glyph %d: negative length", g)
		case glyf.size == 0 && b != 0:
			return nil, errRange // fpdf slices a nil table
		case glyf.size > 0 && (!c.in(glyf.off, glyf.size) || !c.in(glyf.off, b)):
			return nil, errRange
		case b > a && !c.in(glyf.off+a, 2):
			return nil, errRange
		}
		glyfLen += (b - a + 3) &^ 3
	}
	if glyfLen > len(c.data)+4*len(c.keys) {
		return nil, errOverlap
	}
	l.size[tGlyf], l.size[tHmtx], l.size[tPost] = glyfLen, 4*len(c.keys), 32
	l.longLoca = glyfLen>>1 > 0xffff
	if l.longLoca {
		l.size[tLoca] = 4 * (len(c.keys) + 1)
	} else {
		l.size[tLoca] = 2 * (len(c.keys) + 1)
	}
	for _, t := range []int{tName, tCvt, tFpgm, tPrep, tGasp, tOS2, tHead, tHhea, tMaxp, tPost} {
		r := c.tab[t]
		if !r.ok || r.size == 0 {
			continue
		}
		if !c.in(r.off, r.size) {
			return nil, errRange
		}
		if t != tPost {
			l.size[t] = r.size
		}
	}
	if post := c.tab[tPost]; !post.ok || post.size == 0 || !c.in(post.off, 16) {
		return nil, errors.New("no post table")
	}
	// fpdf writes into head, hhea and maxp at 50, 34 and 4.
	for _, m := range [...]struct{ t, least int }{{tHead, 52}, {tHhea, 36}, {tMaxp, 6}} {
		if l.size[m.t] < m.least {
			return nil, fmt.Errorf("short %s table", cutTags[m.t])
		}
	}
	mapped := 0
	c.eachRun(func(r rune, g int, starts bool) {
		if starts {
			l.segs++
		}
		mapped++
	})
	l.size[tCmap] = 2 * (4*l.segs + mapped + 19)

	// The file: directory, then the tables in the order of their tags,
	// each padded to four bytes.
	for t := range l.size {
		if l.has(t) {
			l.numTables++
		}
	}
	l.dirLen = 12 + 16*l.numTables
	off := l.dirLen
	for t := range l.size {
		if l.has(t) {
			l.off[t] = off
			off += (l.size[t] + 3) &^ 3
		}
	}
	l.total = off
	return l, nil
}

// eachRun calls f for each rune the cut maps (those the font maps, but
// U+0000), in order, with its new glyph id and whether it starts a run of
// consecutive runes with consecutive glyphs, a segment of the cmap.
func (c *cutter) eachRun(f func(r rune, g int, starts bool)) {
	prevR, prevG := rune(-2), -1
	for i, r := range c.rs {
		if c.gids[i] < 0 || r == 0 {
			continue
		}
		g := c.newID(int(c.gids[i]))
		f(r, g, r != prevR+1 || g != prevG+1)
		prevR, prevG = r, g
	}
}

func put16(b []byte, v int) { binary.BigEndian.PutUint16(b, uint16(v)) }

// write writes the cut font.
func (c *cutter) write() ([]byte, error) {
	l, err := c.layout()
	if err != nil {
		return nil, err
	}
	out := make([]byte, l.total)
	table := func(t int) []byte { return out[l.off[t] : l.off[t]+l.size[t]] }

	// post, read before anything is written over.
	post := table(tPost)
	binary.BigEndian.PutUint32(post, 0x00030000)
	c.read(post[4:16], c.tab[tPost].off+4)

	if err := c.writeGlyphs(table(tGlyf), table(tHmtx), table(tLoca), l.longLoca); err != nil {
		return nil, err
	}

	// The tables fpdf copies, as they are after it has written.
	for _, t := range []int{tName, tCvt, tFpgm, tPrep, tGasp, tOS2, tHead, tHhea, tMaxp} {
		if l.size[t] > 0 {
			c.read(table(t), c.tab[t].off)
		}
	}
	head := table(tHead)
	put16(head[50:], 0)
	if l.longLoca {
		put16(head[50:], 1)
	}
	binary.BigEndian.PutUint32(head[8:], 0)
	put16(table(tHhea)[34:], len(c.keys))
	put16(table(tMaxp)[4:], len(c.keys))

	c.writeCmap(table(tCmap), l.segs)

	// The directory, the checksums, and head's checksum adjustment.
	binary.BigEndian.PutUint32(out, 0x00010000)
	sr, es := 1, 0
	for sr*2 <= l.numTables {
		sr, es = sr*2, es+1
	}
	put16(out[4:], l.numTables)
	put16(out[6:], 16*sr)
	put16(out[8:], es)
	put16(out[10:], 16*l.numTables-16*sr)
	// Every table starts on a word and is padded with zeros: the file's
	// checksum is the directory's and the tables' together.
	rec := out[12:]
	var sum uint32
	for t := range l.size {
		if !l.has(t) {
			continue
		}
		ts := checksum(table(t))
		sum += ts
		copy(rec, cutTags[t])
		binary.BigEndian.PutUint32(rec[4:], ts)
		binary.BigEndian.PutUint32(rec[8:], uint32(l.off[t]))
		binary.BigEndian.PutUint32(rec[12:], uint32(l.size[t]))
		rec = rec[16:]
	}
	sum += checksum(out[:l.dirLen])
	binary.BigEndian.PutUint32(head[8:], adjustment(sum))
	return out, nil
}

// writeGlyphs writes glyf, hmtx and loca, glyph by glyph, as fpdf writes
// over its input (the overlay), with the components of composite glyphs
// renumbered.
func (c *cutter) writeGlyphs(gl, hm, lo []byte, longLoca bool) error {
	hmtx, nm := c.tab[tHmtx].off, c.numMetrics
	putLoca := func(k, pos int) {
		if longLoca {
			binary.BigEndian.PutUint32(lo[4*k:], uint32(pos))
		} else {
			put16(lo[2*k:], pos/2)
		}
	}
	pos := 0
	for k, g := range c.keys {
		if g < nm {
			p := hmtx + 4*g
			if !c.in(p, 4) {
				return errRange
			}
			c.read(hm[4*k:4*k+4], p)
		} else {
			p, q := hmtx+4*(nm-1), hmtx+2*nm+2*g
			if !c.in(p, 2) || !c.in(q, 2) {
				return errRange
			}
			c.read(hm[4*k:4*k+2], p)
			c.read(hm[4*k+2:4*k+4], q)
			c.patchAt, c.patch, c.patched = p+2, [2]byte(hm[4*k+2:4*k+4]), true
		}
		putLoca(k, pos)
		a, b := c.glyphAt(g), c.glyphAt(g+1)
		data := gl[pos : pos+b-a]
		c.read(data, c.tab[tGlyf].off+a)
		if b-a > 2 && data[0]&0x80 != 0 {
			for p := 10; ; {
				if p+4 > len(data) {
					return errRange
				}
				flags, comp := int(binary.BigEndian.Uint16(data[p:])), int(binary.BigEndian.Uint16(data[p+2:]))
				put16(data[p+2:], c.newID(comp))
				p += 4 + compArgs(flags)
				if flags&moreComps == 0 {
					break
				}
			}
		}
		pos += (b - a + 3) &^ 3
	}
	putLoca(len(c.keys), pos)
	return nil
}

// writeCmap writes the cmap: one format 4 subtable with a segment for
// each run (and the last, for U+FFFF), its length as fpdf counts it, and
// after it a glyph id array no segment uses.
func (c *cutter) writeCmap(cm []byte, segs int) {
	w := 0
	emit := func(v int) { put16(cm[w:], v); w += 2 }
	segCount := segs + 1
	sr, es := 1, 0
	for sr*2 <= segCount {
		sr, es = sr*2, es+1
	}
	sr *= 2
	for _, v := range []int{0, 1, 3, 1, 0, 12, 4, 16 + 8*segCount + len(c.keys) + 1, 0, 2 * segCount, sr, es, 2*segCount - sr} {
		emit(v)
	}
	// The arrays of segCount entries: ends, a pad, starts, deltas, range
	// offsets (all zero), then the glyph ids. One pass over the runs.
	ends, starts, deltas, glyphs := w, w+2*segCount+2, w+4*segCount+2, w+8*segCount+2
	s := -1
	c.eachRun(func(r rune, g int, first bool) {
		if first {
			s++
			put16(cm[starts+2*s:], int(r))
			put16(cm[deltas+2*s:], g-int(r))
		}
		put16(cm[ends+2*s:], int(r))
		put16(cm[glyphs:], g)
		glyphs += 2
	})
	put16(cm[ends+2*segs:], 0xffff)
	put16(cm[starts+2*segs:], 0xffff)
	put16(cm[deltas+2*segs:], 1)
}

// adjustment is head's checkSumAdjustment as fpdf computes it: 0xB1B0AFBA
// less the file's checksum, but where the low halves borrow, the high
// half gains one rather than loses one.
func adjustment(sum uint32) uint32 {
	hi, lo := 0xB1B0, 0xAFBA
	sh, sl := int(sum>>16), int(sum&0xffff)
	if sl > lo {
		lo += 1 << 16
		hi++
	}
	return uint32((hi-sh)&0xffff)<<16 | uint32(lo-sl)&0xffff
}

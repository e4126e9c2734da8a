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
	// The overlay: the two bytes fpdf has written into its input at
	// patchAt, once patched (see Cut).
	patchAt int
	patch   [2]byte
	patched bool
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
	if err := c.directory(); err != nil {
		return nil, err
	}
	locaFormat, err := c.at(tHead, 50)
	if err != nil {
		return nil, err
	}
	numMetrics, err := c.at(tHhea, 34)
	if err != nil {
		return nil, err
	}
	numGlyphs, err := c.at(tMaxp, 4)
	if err != nil {
		return nil, err
	}
	m, err := c.findCmap()
	if err != nil {
		return nil, err
	}
	hmtx := c.tab[tHmtx]
	if !hmtx.ok {
		return nil, errors.New("no hmtx table")
	}
	if numMetrics > 0 && !c.in(hmtx.off, 4*numMetrics) {
		return nil, errRange
	}

	// loca, as fpdf reads it once, before it writes anything.
	loca := c.tab[tLoca]
	if !loca.ok {
		return nil, errors.New("no loca table")
	}
	var glyphAt func(g int) int
	switch locaFormat {
	case 0:
		if !c.in(loca.off, 2*numGlyphs+2) {
			return nil, errRange
		}
		glyphAt = func(g int) int { return 2 * c.raw(loca.off+2*g) }
	case 1:
		if !c.in(loca.off, 4*numGlyphs+4) {
			return nil, errRange
		}
		glyphAt = func(g int) int { return int(binary.BigEndian.Uint32(c.data[loca.off+4*g:])) }
	default:
		return nil, fmt.Errorf("loca format %d", locaFormat)
	}
	glyf := c.tab[tGlyf]
	if !glyf.ok {
		return nil, errors.New("no glyf table")
	}

	// The runes, each once, in order, with the glyph of each the font
	// maps (-1: none). A rune in more than one segment takes the last.
	rs := make([]rune, len(runes))
	for i, r := range runes {
		if !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		rs[i] = r
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)
	gids := make([]int32, len(rs))
	for i := range gids {
		gids[i] = -1
	}
	for n := 0; n < m.segs; n++ {
		start, end := rune(c.raw(m.starts+2*n)), rune(c.raw(m.ends+2*n))
		i, _ := slices.BinarySearch(rs, start)
		for ; i < len(rs) && rs[i] <= end; i++ {
			gids[i] = int32(c.glyph(m, n, rs[i]))
		}
	}

	// The glyphs kept: glyph 0 and those of the runes, by old id, then the
	// components as the walk meets them. id holds each kept glyph's new id
	// plus one. The walk follows fpdf's, read for read, so that where it
	// fails fpdf fails at the same place: a glyph beyond the font's count
	// fails when its turn comes, not before.
	keys := make([]int, 1, len(rs)+64)
	for _, g := range gids {
		if g >= 0 {
			keys = append(keys, int(g))
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	id := make([]uint16, numGlyphs)
	for i, g := range keys {
		if g < numGlyphs {
			id[g] = uint16(i + 1)
		}
	}
	const (
		active = 1
		done   = 2
	)
	state := make([]uint8, numGlyphs)
	var visit func(g int) error
	visit = func(g int) error {
		if g >= numGlyphs {
			return fmt.Errorf("glyph %d of %d", g, numGlyphs)
		}
		switch state[g] {
		case done:
			return nil
		case active:
			return fmt.Errorf("%w: glyph %d", errCycle, g)
		}
		a, b := glyphAt(g), glyphAt(g+1)
		if a == b {
			state[g] = done
			return nil
		}
		state[g] = active
		p := glyf.off + a
		if !c.in(p, 2) {
			return errRange
		}
		if int16(c.raw(p)) < 0 {
			for p += 10; ; {
				if !c.in(p, 4) {
					return errRange
				}
				flags, comp := c.raw(p), c.raw(p+2)
				if comp < numGlyphs && id[comp] == 0 {
					id[comp] = uint16(len(keys) + 1)
					keys = append(keys, comp)
				}
				if err := visit(comp); err != nil {
					return err
				}
				p += 4 + compArgs(flags)
				if flags&moreComps == 0 {
					break
				}
			}
		}
		state[g] = done
		return nil
	}
	for i, n := 0, len(keys); i < n; i++ {
		if err := visit(keys[i]); err != nil {
			return nil, err
		}
	}

	// The lengths of the tables, and the checks fpdf's slicing makes.
	glyfLen := 0
	for _, g := range keys {
		a, b := glyphAt(g), glyphAt(g+1)
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
	if glyfLen > len(c.data)+4*len(keys) {
		return nil, errOverlap
	}
	size := [numTags]int{tGlyf: glyfLen, tHmtx: 4 * len(keys), tPost: 32}
	longLoca := glyfLen>>1 > 0xffff
	if longLoca {
		size[tLoca] = 4 * (len(keys) + 1)
	} else {
		size[tLoca] = 2 * (len(keys) + 1)
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
			size[t] = r.size
		}
	}
	if post := c.tab[tPost]; !post.ok || post.size == 0 || !c.in(post.off, 16) {
		return nil, errors.New("no post table")
	}
	// fpdf writes into head, hhea and maxp at 50, 34 and 4.
	for _, l := range [...]struct{ t, least int }{{tHead, 52}, {tHhea, 36}, {tMaxp, 6}} {
		if size[l.t] < l.least {
			return nil, fmt.Errorf("short %s table", cutTags[l.t])
		}
	}
	// The cmap: the runes the font maps, but U+0000, in runs of
	// consecutive runes with consecutive glyphs.
	mapped, segs := 0, 0
	prevR, prevG := -2, -1
	for i, r := range rs {
		if gids[i] < 0 || r == 0 {
			continue
		}
		g := int(id[gids[i]]) - 1
		if int(r) != prevR+1 || g != prevG+1 {
			segs++
		}
		prevR, prevG = int(r), g
		mapped++
	}
	size[tCmap] = 2 * (4*segs + mapped + 19)

	// The file: directory, then the tables in the order of their tags,
	// each padded to four bytes.
	numTables := 0
	total := 0
	for t := range size {
		if size[t] > 0 || t == tGlyf {
			numTables++
			total += (size[t] + 3) &^ 3
		}
	}
	dirLen := 12 + 16*numTables
	out := make([]byte, dirLen+total)
	var offs [numTags]int
	off := dirLen
	for t := range size {
		if size[t] > 0 || t == tGlyf {
			offs[t] = off
			off += (size[t] + 3) &^ 3
		}
	}
	put16 := func(b []byte, v int) { binary.BigEndian.PutUint16(b, uint16(v)) }

	// post, read before anything is written over.
	post := out[offs[tPost]:]
	binary.BigEndian.PutUint32(post, 0x00030000)
	c.read(post[4:16], c.tab[tPost].off+4)

	// glyf, hmtx and loca, glyph by glyph, as fpdf writes over its input.
	hm, gl, lo := out[offs[tHmtx]:], out[offs[tGlyf]:offs[tGlyf]+glyfLen], out[offs[tLoca]:]
	pos := 0
	for k, g := range keys {
		if g < numMetrics {
			p := hmtx.off + 4*g
			if !c.in(p, 4) {
				return nil, errRange
			}
			c.read(hm[4*k:4*k+4], p)
		} else {
			p, q := hmtx.off+4*(numMetrics-1), hmtx.off+2*numMetrics+2*g
			if !c.in(p, 2) || !c.in(q, 2) {
				return nil, errRange
			}
			c.read(hm[4*k:4*k+2], p)
			c.read(hm[4*k+2:4*k+4], q)
			c.patchAt, c.patch, c.patched = p+2, [2]byte(hm[4*k+2:4*k+4]), true
		}
		if longLoca {
			binary.BigEndian.PutUint32(lo[4*k:], uint32(pos))
		} else {
			put16(lo[2*k:], pos/2)
		}
		a, b := glyphAt(g), glyphAt(g+1)
		data := gl[pos : pos+b-a]
		c.read(data, glyf.off+a)
		if b-a > 2 && data[0]&0x80 != 0 {
			for p := 10; ; {
				if p+4 > len(data) {
					return nil, errRange
				}
				flags, comp := int(binary.BigEndian.Uint16(data[p:])), int(binary.BigEndian.Uint16(data[p+2:]))
				n := 0
				if comp < numGlyphs && id[comp] != 0 {
					n = int(id[comp]) - 1
				}
				put16(data[p+2:], n)
				p += 4 + compArgs(flags)
				if flags&moreComps == 0 {
					break
				}
			}
		}
		pos += (b - a + 3) &^ 3
	}
	if longLoca {
		binary.BigEndian.PutUint32(lo[4*len(keys):], uint32(pos))
	} else {
		put16(lo[2*len(keys):], pos/2)
	}

	// The tables fpdf copies, as they are after it has written.
	for _, t := range []int{tName, tCvt, tFpgm, tPrep, tGasp, tOS2, tHead, tHhea, tMaxp} {
		if size[t] > 0 {
			c.read(out[offs[t]:offs[t]+size[t]], c.tab[t].off)
		}
	}
	head := out[offs[tHead]:]
	put16(head[50:], 0)
	if longLoca {
		put16(head[50:], 1)
	}
	binary.BigEndian.PutUint32(head[8:], 0)
	put16(out[offs[tHhea]+34:], len(keys))
	put16(out[offs[tMaxp]+4:], len(keys))

	// cmap: one format 4 subtable, its length as fpdf counts it.
	cm := out[offs[tCmap]:]
	w := 0
	emit := func(v int) { put16(cm[w:], v); w += 2 }
	segCount := segs + 1
	sr, es := 1, 0
	for sr*2 <= segCount {
		sr, es = sr*2, es+1
	}
	sr *= 2
	for _, v := range []int{0, 1, 3, 1, 0, 12, 4, 16 + 8*segCount + len(keys) + 1, 0, 2 * segCount, sr, es, 2*segCount - sr} {
		emit(v)
	}
	// Four arrays of segCount entries, written in one pass over the runs.
	ends, starts, deltas := w, w+2*segCount+2, w+4*segCount+2
	ranges, glyphs := w+6*segCount+2, w+8*segCount+2
	s := -1
	prevR, prevG = -2, -1
	for i, r := range rs {
		if gids[i] < 0 || r == 0 {
			continue
		}
		g := int(id[gids[i]]) - 1
		if int(r) != prevR+1 || g != prevG+1 {
			s++
			put16(cm[starts+2*s:], int(r))
			put16(cm[deltas+2*s:], g-int(r))
		}
		put16(cm[ends+2*s:], int(r))
		put16(cm[glyphs:], g)
		glyphs += 2
		prevR, prevG = int(r), g
	}
	put16(cm[ends+2*segs:], 0xffff)
	put16(cm[starts+2*segs:], 0xffff)
	put16(cm[deltas+2*segs:], 1)
	_ = ranges // zeros, as are the pad after the ends and the last entry

	// The directory, the checksums, and head's checksum adjustment.
	binary.BigEndian.PutUint32(out, 0x00010000)
	sr, es = 1, 0
	for sr*2 <= numTables {
		sr, es = sr*2, es+1
	}
	put16(out[4:], numTables)
	put16(out[6:], 16*sr)
	put16(out[8:], es)
	put16(out[10:], 16*numTables-16*sr)
	// Every table starts on a word and is padded with zeros: the file's
	// checksum is the directory's and the tables' together.
	rec := out[12:]
	var sum uint32
	for t := range size {
		if size[t] == 0 && t != tGlyf {
			continue
		}
		ts := checksum(out[offs[t] : offs[t]+size[t]])
		sum += ts
		copy(rec, cutTags[t])
		binary.BigEndian.PutUint32(rec[4:], ts)
		binary.BigEndian.PutUint32(rec[8:], uint32(offs[t]))
		binary.BigEndian.PutUint32(rec[12:], uint32(size[t]))
		rec = rec[16:]
	}
	sum += checksum(out[:dirLen])
	binary.BigEndian.PutUint32(head[8:], adjustment(sum))
	return out, nil
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

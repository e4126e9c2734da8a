// Package sfnt is underlag's one TrueType reader: it cuts a font down to
// the characters the PDF can draw (Cut, as go-pdf/fpdf's cutter does),
// parses a font's table directory and the tables the PDF renderer needs,
// reads its Unicode cmap, and cuts per-document subsets, with every
// offset and length checked against the data. The PDF renderer (generator/pdf)
// prepares its faces with it, and the coverage table (generator/pdf/
// coverage) reads the fonts' cmaps with it.
package sfnt

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
)

// The reader and subsetter let each
// document embed only the glyphs it uses without parsing a font again: the
// font is parsed once in New into glyph offsets, composite components and
// widths, and a document's subset is then only a matter of copying the
// used glyphs' bytes and writing a new loca table. Glyph ids stay those of
// the prepared font, so text can be written as glyph ids directly
// (Identity-H) with no per-document renumbering.

// Font is a parsed TrueType font, read-only after parsing.
type Font struct {
	Tables     map[string][]byte // by tag; head, hhea, maxp, hmtx, loca and glyf are there and long enough
	tags       []string          // table tags, sorted, as they are written back
	NumGlyphs  int
	UnitsPerEm int
	loca       []uint32 // glyph offsets into glyf, NumGlyphs+1 entries
	glyf       []byte   // the glyf table
	compList   []uint16 // the components of the composite glyphs, glyph after glyph
	compAt     []uint32 // where each glyph's components start in compList, NumGlyphs+1 entries
	Advance    []uint16 // advance widths in font units, by glyph id
}

// ErrFont is the error of a font whose data does not hold together.
var ErrFont = errors.New("malformed TrueType font")

func u16(b []byte, off int) int { return int(binary.BigEndian.Uint16(b[off:])) }
func u32(b []byte, off int) uint32 {
	return binary.BigEndian.Uint32(b[off:])
}

// directory reads the table directory: each table's bytes by tag, and
// the tags sorted.
func directory(data []byte) (map[string][]byte, []string, error) {
	if len(data) < 12 {
		return nil, nil, ErrFont
	}
	n := u16(data, 4)
	if len(data) < 12+16*n {
		return nil, nil, ErrFont
	}
	tables := make(map[string][]byte, n)
	tags := make([]string, 0, n)
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, length := int(u32(rec, 8)), int(u32(rec, 12))
		if off < 0 || length < 0 || off+length > len(data) {
			return nil, nil, fmt.Errorf("%w: table %q out of range", ErrFont, tag)
		}
		tables[tag] = data[off : off+length]
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	return tables, tags, nil
}

// Parse reads the tables the subsetter and the layout need.
func Parse(data []byte) (*Font, error) {
	tables, tags, err := directory(data)
	if err != nil {
		return nil, err
	}
	s := &Font{Tables: tables, tags: tags}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if _, ok := s.Tables[t]; !ok {
			return nil, fmt.Errorf("%w: no %s table", ErrFont, t)
		}
	}
	head, maxp, hhea := s.Tables["head"], s.Tables["maxp"], s.Tables["hhea"]
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 {
		return nil, ErrFont
	}
	s.UnitsPerEm = u16(head, 18)
	s.NumGlyphs = u16(maxp, 4)
	if s.UnitsPerEm == 0 || s.NumGlyphs == 0 {
		return nil, ErrFont
	}
	long := u16(head, 50) == 1
	loca := s.Tables["loca"]
	s.loca = make([]uint32, s.NumGlyphs+1)
	for i := range s.loca {
		switch {
		case long && len(loca) >= 4*(i+1):
			s.loca[i] = u32(loca, 4*i)
		case !long && len(loca) >= 2*(i+1):
			s.loca[i] = uint32(u16(loca, 2*i)) * 2
		default:
			return nil, fmt.Errorf("%w: short loca", ErrFont)
		}
	}
	s.glyf = s.Tables["glyf"]
	// The components in one list, not a slice for each composite glyph:
	// some 700 allocations fewer for a cut Liberation face.
	s.compAt = make([]uint32, s.NumGlyphs+1)
	for g := 0; g < s.NumGlyphs; g++ {
		a, b := int(s.loca[g]), int(s.loca[g+1])
		if a > b || b > len(s.glyf) {
			return nil, fmt.Errorf("%w: glyph %d out of range", ErrFont, g)
		}
		if b-a >= 10 && int16(u16(s.glyf, a)) < 0 {
			if s.compList, err = appendComponents(s.compList, s.glyf[a:b]); err != nil {
				return nil, fmt.Errorf("glyph %d: %w", g, err)
			}
		}
		s.compAt[g+1] = uint32(len(s.compList))
	}
	nh := u16(hhea, 34)
	hmtx := s.Tables["hmtx"]
	if nh == 0 || len(hmtx) < 4*nh {
		return nil, fmt.Errorf("%w: short hmtx", ErrFont)
	}
	s.Advance = make([]uint16, s.NumGlyphs)
	for g := range s.Advance {
		s.Advance[g] = uint16(u16(hmtx, 4*min(g, nh-1)))
	}
	return s, nil
}

// comps returns the glyphs composite glyph g is built from (none for a
// simple glyph).
func (s *Font) comps(g int) []uint16 { return s.compList[s.compAt[g]:s.compAt[g+1]] }

// appendComponents appends the glyphs a composite glyph is built from.
func appendComponents(out []uint16, g []byte) ([]uint16, error) {
	for p := 10; ; {
		if p+4 > len(g) {
			return out, ErrFont
		}
		flags := u16(g, p)
		out = append(out, uint16(u16(g, p+2)))
		p += 4 + compArgs(flags)
		if flags&moreComps == 0 {
			return out, nil
		}
	}
}

// Cmap reads the font's Unicode BMP mapping (format 4) into a table of
// glyph ids by rune, of top+1 entries.
func (s *Font) Cmap(top rune) ([]uint16, error) {
	out := make([]uint16, top+1)
	return out, s.EachCmap(top, func(r rune, g uint16) { out[r] = g })
}

// EachCmap calls f for each rune up to top that the font's Unicode BMP
// mapping (format 4) lists, with its glyph id (0 for one it lists without
// a glyph), segment by segment: a rune in two segments is called twice,
// the later call the one that counts, as Cmap keeps it.
func (s *Font) EachCmap(top rune, f func(r rune, g uint16)) error {
	return eachCmap(s.Tables["cmap"], top, f)
}

// CmapOf reads the Unicode BMP mapping of a font's data, reading nothing
// else of it but the table directory: what the coverage table needs.
func CmapOf(data []byte, top rune) ([]uint16, error) {
	out := make([]uint16, top+1)
	return out, CmapInto(out, data)
}

// CmapInto is CmapOf into dst, of top+1 entries, which it clears first: a
// caller that reads several fonts' mappings one after another reuses one
// table (each is 128 kB for the whole plane).
func CmapInto(dst []uint16, data []byte) error {
	clear(dst)
	tables, _, err := directory(data)
	if err != nil {
		return err
	}
	return eachCmap(tables["cmap"], rune(len(dst)-1), func(r rune, g uint16) { dst[r] = g })
}

func eachCmap(c []byte, top rune, f func(r rune, g uint16)) error {
	if len(c) < 4 {
		return fmt.Errorf("%w: no cmap", ErrFont)
	}
	n := u16(c, 2)
	for i := 0; i < n && 4+8*i+8 <= len(c); i++ {
		pid, eid := u16(c, 4+8*i), u16(c, 4+8*i+2)
		off := int(u32(c, 4+8*i+4))
		if !(pid == 3 && eid == 1 || pid == 0) || off+14 > len(c) || u16(c, off) != 4 {
			continue
		}
		return cmap4(c[off:], top, f)
	}
	return fmt.Errorf("%w: no Unicode BMP cmap", ErrFont)
}

func cmap4(t []byte, top rune, f func(r rune, g uint16)) error {
	segs := u16(t, 6) / 2
	if len(t) < 16+8*segs {
		return ErrFont
	}
	ends, starts := 14, 16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	for i := 0; i < segs; i++ {
		end, start := u16(t, ends+2*i), u16(t, starts+2*i)
		delta, ro := u16(t, deltas+2*i), u16(t, ranges+2*i)
		for r := start; r <= end && r <= int(top); r++ {
			var g int
			if ro == 0 {
				g = (r + delta) & 0xffff
			} else {
				p := ranges + 2*i + ro + 2*(r-start)
				if p+2 > len(t) {
					return ErrFont
				}
				if g = u16(t, p); g != 0 {
					g = (g + delta) & 0xffff
				}
			}
			f(rune(r), uint16(g))
		}
	}
	return nil
}

// Subsetter writes a face's per-document subsets. The tables that are the
// same in every subset (metrics, hinting programs) are laid out and
// deflated once, in New; a document deflates only its table directory and
// its head, loca and glyf tables, and the parts are joined as one zlib
// stream (each deflated part is flushed to a byte boundary and refers only
// to its own bytes, so the parts can be concatenated).
type Subsetter struct {
	s       *Font
	tags    []string // the subset's tables, sorted, as the directory lists them
	static  []byte   // the unchanging tables, each padded to four bytes
	StaticZ []byte   // static, deflated and flushed: a non-final deflate segment
	off     map[string]int
	sum     map[string]uint32
}

// staticTables are copied unchanged into every subset. With head, loca
// and glyf they are what a viewer needs of a CIDFontType2 font with
// Identity glyph mapping. cmap and post are not used there but are kept,
// for the viewers and font tools that insist on them (the cmap stays
// right, since glyph ids do not change); name is left out, as PDF
// writers commonly do: it would add some 3 kB to every font of every file.
var staticTables = []string{"OS/2", "cmap", "cvt ", "fpgm", "gasp", "hhea", "hmtx", "maxp", "post", "prep"}

// NewSubsetter lays out and deflates the tables every subset shares,
// with zw, a compressor at flate.BestCompression that it resets (nil: it
// makes one). A caller that prepares several fonts passes the same one:
// each is some 800 kB of state. It compresses into memory, which cannot
// fail.
func NewSubsetter(s *Font, zw *flate.Writer) *Subsetter {
	ss := &Subsetter{s: s, off: make(map[string]int, len(staticTables)), sum: make(map[string]uint32, len(staticTables))}
	n := 0
	for _, t := range staticTables {
		n += (len(s.Tables[t]) + 3) &^ 3
	}
	ss.static = make([]byte, 0, n)
	for _, t := range staticTables {
		data, ok := s.Tables[t]
		if !ok {
			continue
		}
		ss.off[t] = len(ss.static)
		ss.sum[t] = checksum(data)
		ss.static = append(ss.static, data...)
		for len(ss.static)%4 != 0 {
			ss.static = append(ss.static, 0)
		}
		ss.tags = append(ss.tags, t)
	}
	ss.tags = append(ss.tags, "glyf", "head", "loca")
	sort.Strings(ss.tags)
	var buf bytes.Buffer
	if zw == nil {
		zw, _ = flate.NewWriter(&buf, flate.BestCompression) // a valid level cannot fail
	} else {
		zw.Reset(&buf)
	}
	zw.Write(ss.static)
	zw.Flush() // into a bytes.Buffer: cannot fail
	ss.StaticZ = buf.Bytes()
	return ss
}

// Subset returns a font holding only the glyphs marked in used (glyph 0
// and composites' components are added), every other glyph left empty so
// that glyph ids stay as they are, in three parts to be concatenated: the
// table directory, the static tables, and head, loca and glyf.
func (ss *Subsetter) Subset(used []bool) (dir, static, dyn []byte) {
	s := ss.s
	keep := make([]bool, s.NumGlyphs)
	var mark func(g int)
	mark = func(g int) {
		if g >= s.NumGlyphs || keep[g] {
			return
		}
		keep[g] = true
		for _, c := range s.comps(g) {
			mark(int(c))
		}
	}
	mark(0)
	for g, u := range used {
		if u {
			mark(g)
		}
	}
	size := 0
	for g, k := range keep {
		if k {
			size += (int(s.loca[g+1]-s.loca[g]) + 3) &^ 3
		}
	}
	// Short offsets (halved) when the glyphs fit, as they nearly always do.
	long := size >= 1<<17
	entry := 2
	if long {
		entry = 4
	}
	headLen := len(s.Tables["head"])
	locaLen := entry * (s.NumGlyphs + 1)
	locaOff := (headLen + 3) &^ 3
	glyfOff := locaOff + (locaLen+3)&^3
	dyn = make([]byte, glyfOff, glyfOff+size)
	copy(dyn, s.Tables["head"])
	binary.BigEndian.PutUint32(dyn[8:], 0) // checksum adjustment: not needed in a PDF
	if long {
		binary.BigEndian.PutUint16(dyn[50:], 1)
	} else {
		binary.BigEndian.PutUint16(dyn[50:], 0)
	}
	put := func(g, off int) {
		if long {
			binary.BigEndian.PutUint32(dyn[locaOff+4*g:], uint32(off))
		} else {
			binary.BigEndian.PutUint16(dyn[locaOff+2*g:], uint16(off/2))
		}
	}
	for g, k := range keep {
		put(g, len(dyn)-glyfOff)
		if k {
			dyn = append(dyn, s.glyf[s.loca[g]:s.loca[g+1]]...)
			for len(dyn)%4 != 0 {
				dyn = append(dyn, 0)
			}
		}
	}
	put(s.NumGlyphs, len(dyn)-glyfOff)

	n := len(ss.tags)
	dir = make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(dir, 0x00010000)
	es := int(math.Floor(math.Log2(float64(n))))
	binary.BigEndian.PutUint16(dir[4:], uint16(n))
	binary.BigEndian.PutUint16(dir[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(dir[8:], uint16(es))
	binary.BigEndian.PutUint16(dir[10:], uint16(16*n-16<<es))
	base := len(dir) + len(ss.static)
	for i, t := range ss.tags {
		var off, length int
		var sum uint32
		switch t {
		case "head":
			off, length, sum = base, headLen, checksum(dyn[:headLen])
		case "loca":
			off, length, sum = base+locaOff, locaLen, checksum(dyn[locaOff:locaOff+locaLen])
		case "glyf":
			off, length, sum = base+glyfOff, len(dyn)-glyfOff, checksum(dyn[glyfOff:])
		default:
			off, length, sum = len(dir)+ss.off[t], len(s.Tables[t]), ss.sum[t]
		}
		rec := dir[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], sum)
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(length))
	}
	return dir, ss.static, dyn
}

// checksum is a TrueType table checksum: the sum of its big-endian
// 32-bit words, the last padded with zeros.
func checksum(b []byte) uint32 {
	var s uint32
	for ; len(b) >= 16; b = b[16:] {
		s += binary.BigEndian.Uint32(b) + binary.BigEndian.Uint32(b[4:]) + binary.BigEndian.Uint32(b[8:]) + binary.BigEndian.Uint32(b[12:])
	}
	for ; len(b) >= 4; b = b[4:] {
		s += binary.BigEndian.Uint32(b)
	}
	if len(b) > 0 {
		var w [4]byte
		copy(w[:], b)
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

// RepairCmap corrects, in place, the length that each format 4 subtable
// of a font's cmap declares to the bytes it has: up to the next subtable,
// or the end of the table. go-pdf/fpdf's cutter (UTF8CutFont), and so
// Cut, counts the glyph id array in entries where the format counts
// bytes, so its subtable declares too few, an odd number for some fonts;
// viewers forgive it, fontTools and strict validators do not. The mapping
// itself is unchanged: the cut's segments map by delta and never index
// the array.
func RepairCmap(font []byte) error {
	tables, _, err := directory(font)
	if err != nil {
		return err
	}
	c := tables["cmap"]
	if len(c) < 4 {
		return fmt.Errorf("%w: no cmap", ErrFont)
	}
	n := u16(c, 2)
	if 4+8*n > len(c) {
		return fmt.Errorf("%w: short cmap", ErrFont)
	}
	offs := make([]int, n)
	for i := range offs {
		offs[i] = int(u32(c, 4+8*i+4))
	}
	for _, off := range offs {
		if off+4 > len(c) || u16(c, off) != 4 {
			continue
		}
		end := len(c)
		for _, o := range offs {
			if o > off && o < end {
				end = o
			}
		}
		// The table is a slice of font: writing it writes the font.
		binary.BigEndian.PutUint16(c[off+2:], uint16(min(end-off, 0xfffe)&^1))
	}
	return nil
}

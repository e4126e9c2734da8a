package pdf

import "encoding/binary"

// fixCmapLength corrects the length of the format 4 subtables of a cut
// font's cmap in place. fpdf's cutter writes a length one byte short of
// the subtable it writes (an odd number, which the format cannot have),
// and strict readers (fontTools, and PDF/A validators that use it) then
// reject the font. Each format 4 subtable is given the length up to the
// next subtable or the table's end, rounded down to whole 16-bit words.
// Glyph ids do not change. Only the cmap's bytes are touched; the
// subsetter takes the table's checksum afresh.
func fixCmapLength(font []byte) {
	if len(font) < 12 {
		return
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n && 12+16*i+16 <= len(font); i++ {
		rec := font[12+16*i:]
		if string(rec[:4]) != "cmap" {
			continue
		}
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || length < 4 || off+length > len(font) {
			return
		}
		fixCmap(font[off : off+length])
		return
	}
}

func fixCmap(c []byte) {
	n := int(binary.BigEndian.Uint16(c[2:]))
	if 4+8*n > len(c) {
		return
	}
	offs := make([]int, n)
	for i := range offs {
		offs[i] = int(binary.BigEndian.Uint32(c[4+8*i+4:]))
	}
	for _, off := range offs {
		if off+4 > len(c) || binary.BigEndian.Uint16(c[off:]) != 4 {
			continue
		}
		end := len(c)
		for _, o := range offs {
			if o > off && o < end {
				end = o
			}
		}
		if l := (end - off) &^ 1; l <= 0xffff {
			binary.BigEndian.PutUint16(c[off+2:], uint16(l))
		}
	}
}

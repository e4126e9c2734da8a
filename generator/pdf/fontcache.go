package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// A font's objects in a file (its widths, its ToUnicode map and its
// subset) depend only on the glyphs the document draws with it and the
// character each stands for. Most documents of a build are in Swedish
// prose with the same letters, digits and punctuation, so many share a
// glyph set: the renderer keeps the finished objects, the subset and the
// map already deflated, per glyph set for the build, and a document whose
// set was seen before copies them. Each file still embeds its own copy:
// it stays self-contained, and its bytes are the same as when they are
// made afresh.

// maxFontSets bounds the glyph sets kept per renderer: at about 30 kB
// each (the subset and its map, deflated) about two megabytes: a build
// must stay flat in memory.
const maxFontSets = 64

// fontSet is what a face's objects are made of for one glyph set.
type fontSet struct {
	base      string // the subset's font name, tag and face: "ABCDEF+LiberationSans"
	widths    string // the CID font's /W array
	file      []byte // the subset font file, a zlib stream
	length1   int    // its length before deflating
	toUnicode []byte // the ToUnicode map, a zlib stream
}

// fontSets holds the glyph sets seen in a build, by face and glyphs.
type fontSets struct {
	mu   sync.Mutex
	sets map[string]*fontSet
}

func (c *fontSets) get(key string) *fontSet {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sets[key]
}

func (c *fontSets) put(key string, s *fontSet) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sets == nil {
		c.sets = map[string]*fontSet{}
	}
	if len(c.sets) >= maxFontSets {
		// Full: one set, whichever the map gives first, makes room, so
		// that the sets of the documents under way come in.
		for k := range c.sets {
			delete(c.sets, k)
			break
		}
	}
	c.sets[key] = s
}

// fontKey identifies a face's glyph set in a document: the face, and
// each glyph used with the character it stands for (which the ToUnicode
// map records).
func fontKey(buf []byte, fi int, gids []uint16, df *docFont) []byte {
	buf = append(buf[:0], byte(fi))
	for _, g := range gids {
		buf = binary.BigEndian.AppendUint16(buf, g)
		buf = binary.BigEndian.AppendUint32(buf, uint32(df.runeOf[g]))
	}
	return buf
}

// fontSetOf returns a face's objects for the glyphs df used, from the
// build's sets or made now.
func (fw *fileWriter) fontSetOf(fi int, f *face, df *docFont) *fontSet {
	var gids []uint16
	for g, u := range df.used {
		if u {
			gids = append(gids, uint16(g))
		}
	}
	key := fontKey(make([]byte, 0, 1+6*len(gids)), fi, gids, df)
	if s := fw.r.fonts.get(string(key)); s != nil {
		return s
	}
	s := fw.makeFontSet(f, df, gids)
	fw.r.fonts.put(string(key), s)
	return s
}

// makeFontSet makes a face's objects for the glyphs gids.
func (fw *fileWriter) makeFontSet(f *face, df *docFont, gids []uint16) *fontSet {
	// The subset tag is made from the glyphs used, so it is the same for
	// the same text.
	h := fnv.New32a()
	for _, g := range gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(sum%26)
		sum /= 26
	}
	s := &fontSet{base: string(tag) + "+" + f.name}

	var wb strings.Builder
	wb.WriteString("[")
	for i := 0; i < len(gids); {
		j := i + 1
		for j < len(gids) && gids[j] == gids[j-1]+1 {
			j++
		}
		var nb [8]byte
		wb.Write(strconv.AppendInt(nb[:0], int64(gids[i]), 10))
		wb.WriteByte('[')
		for _, g := range gids[i:j] {
			wb.Write(strconv.AppendInt(nb[:0], int64(f.widths[g]), 10))
			wb.WriteByte(' ')
		}
		wb.WriteString("]")
		i = j
	}
	wb.WriteString("]")
	s.widths = wb.String()

	w := &fw.w
	var n int
	s.file, n = w.fontFile(f.sub(), df.used)
	s.file = bytes.Clone(s.file)
	s.length1 = n
	s.toUnicode = bytes.Clone(w.deflate(toUnicode(gids, df)))
	return s
}

// toUnicode is the ToUnicode CMap of the glyphs gids.
func toUnicode(gids []uint16, df *docFont) []byte {
	var cm bytes.Buffer
	cm.WriteString("/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n")
	// The missing glyph stands for any rune the font lacks: it maps to
	// no text rather than to whichever of them came first.
	mapped := gids
	if len(mapped) > 0 && mapped[0] == 0 {
		mapped = mapped[1:]
	}
	var hb []byte
	for i := 0; i < len(mapped); i += 100 {
		chunk := mapped[i:min(i+100, len(mapped))]
		fmt.Fprintf(&cm, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			hb = append(hb[:0], '<')
			hb = hex4(hb, g)
			hb = append(hb, "><"...)
			r := df.runeOf[g]
			if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
				hb = hex4(hex4(hb, uint16(r1)), uint16(r2))
			} else {
				hb = hex4(hb, uint16(r))
			}
			hb = append(hb, ">\n"...)
			cm.Write(hb)
		}
		cm.WriteString("endbfchar\n")
	}
	cm.WriteString("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend")
	return cm.Bytes()
}

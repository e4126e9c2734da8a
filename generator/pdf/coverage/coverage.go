// Package coverage says which characters the PDF renderer can draw, so
// that a character it cannot draw is reported with its position when the
// data is checked, never lost silently from the page.
//
// The PDF draws text in Liberation Sans (regular, bold, italic, bold
// italic) and Liberation Mono. A character is covered when all five have
// a glyph for it, so that it can be drawn in whatever style it stands in,
// and when it needs no shaping or bidirectional layout the renderer does
// not do: Hebrew and Arabic (and the other right-to-left scripts) are
// refused even where the font has glyphs, since drawing them as isolated
// letters from left to right would be worse than refusing them. Scripts
// the fonts lack (CJK, Thai, Devanagari…) and emoji are refused too. The
// invisible characters the renderer handles itself (soft hyphen, zero-width
// space and joiners, word joiner, byte-order mark) are covered.
//
// The table is computed once, from the fonts the renderer embeds; the PDF
// renderer cuts its fonts to the same set.
package coverage

import (
	"fmt"
	"sync"
	"unicode"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"

	"github.com/underlag/underlag/generator/pdf/sfnt"
)

// table is the covered set of the Basic Multilingual Plane, by rune.
type table [0x10000]bool

var covered = sync.OnceValue(func() *table {
	t := new(table)
	faces := [][]byte{liberationsansregular.TTF, liberationsansbold.TTF, liberationsansitalic.TTF, liberationsansbolditalic.TTF, liberationmonoregular.TTF}
	// Only the repertoire's ranges: the other 60,000 runes of the plane
	// are not covered, and looking at each took a millisecond of every
	// process that checks or renders text.
	for _, rg := range repertoire {
		for r := rg[0]; r <= rg[1]; r++ {
			t[r] = !refused(r)
		}
	}
	// One table for each font's mapping in turn: five were 640 kB of
	// fresh memory, page faults a cold process paid for.
	m := make([]uint16, 0x10000)
	for i, f := range faces {
		if err := sfnt.CmapInto(m, f); err != nil {
			panic(fmt.Sprintf("coverage: Liberation font %d: %v", i, err)) // the fonts are compiled in
		}
		for _, rg := range repertoire {
			for r := rg[0]; r <= rg[1]; r++ {
				t[r] = t[r] && m[r] != 0
			}
		}
	}
	for _, r := range invisibles {
		t[r] = true
	}
	return t
})

// repertoire are the blocks the PDF draws from, where the fonts have
// them: Latin (Swedish, the Sami languages, the rest of Europe, IPA),
// the combining accents, Greek, Cyrillic, and the punctuation, currency,
// letterlike, number, arrow, mathematical and geometric symbols office
// documents use. Not the whole of Liberation Sans: every glyph slot the
// cut fonts keep costs every document's font subsets a little (hmtx and
// loca entries), and polytonic Greek, box drawing and the like are not
// what committee papers hold.
var repertoire = [][2]rune{
	{0x20, 0x7e},
	{0xa0, 0x36f},    // Latin-1, Latin Extended-A and -B, IPA, spacing modifiers, combining accents
	{0x370, 0x3ff},   // Greek
	{0x400, 0x52f},   // Cyrillic and its supplement (Ukrainian ґ, Komi, Sami Cyrillic)
	{0x1e00, 0x1eff}, // Latin Extended Additional
	{0x2000, 0x20cf}, // General Punctuation, super- and subscripts, currency
	{0x2100, 0x21ff}, // letterlike symbols, number forms, arrows
	{0x2200, 0x22ff}, // mathematical operators
	{0x25a0, 0x25ff}, // geometric shapes: ■ □ ● ○ ◦
	{0xfb00, 0xfb06}, // ligatures fi fl
}

func inRepertoire(r rune) bool {
	for _, rg := range repertoire {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// invisibles are handled by the renderer without a glyph.
var invisibles = []rune{0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff}

// refused reports characters not drawn even where the fonts have glyphs:
// controls, and scripts that need right-to-left layout.
func refused(r rune) bool {
	return r < 0x20 || r >= 0x7f && r < 0xa0 || unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic) ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f // bidi controls
}

// Covers reports whether the PDF can draw r. Tab, line feed and carriage
// return are covered: they are layout, not glyphs.
func Covers(r rune) bool {
	if r == '\t' || r == '\n' || r == '\r' {
		return true
	}
	return r >= 0 && r < 0x10000 && covered()[r]
}

// Uncovered returns the characters of s the PDF cannot draw, each once,
// in the order they first occur.
func Uncovered(s string) []rune {
	var out []rune
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x20 && c < 0x7f || c == '\t' || c == '\n' || c == '\r' {
			continue // ASCII is covered: most text never leaves this loop
		}
		for _, r := range s[i:] {
			if !Covers(r) && !seen(out, r) {
				out = append(out, r)
			}
		}
		break
	}
	return out
}

func seen(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// Runes returns every covered character from U+0020 up that has a
// glyph, in order: what the PDF renderer cuts its fonts to. The soft
// hyphen is among them, since it is drawn where a line breaks; the other
// invisible characters are not.
func Runes() []rune {
	t := covered()
	var out []rune
	for r := 0x20; r < len(t); r++ {
		if t[r] && (r == 0xad || !seen(invisibles, rune(r))) {
			out = append(out, rune(r))
		}
	}
	return out
}

// Class names the kind of a character a reader would recognise, for
// messages: "CJK", "Arabic", "Hebrew", "emoji", "control character", or
// its script's name.
func Class(r rune) string {
	switch {
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return "control character"
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef:
		return "CJK"
	case unicode.Is(unicode.Hangul, r):
		return "Korean"
	case unicode.Is(unicode.Arabic, r):
		return "Arabic"
	case unicode.Is(unicode.Hebrew, r):
		return "Hebrew"
	case r >= 0x1f000 && r <= 0x1faff || r >= 0x2600 && r <= 0x27bf || r == 0xfe0f:
		return "emoji"
	}
	for name, t := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(t, r) {
			return name
		}
	}
	return "symbol"
}

// PDF is the PDF's repertoire as an output format's (the format table's
// Draws, check.Repertoire): Covers, and why a character is refused.
type PDF struct{}

// Covers reports whether the PDF can draw r (see Covers).
func (PDF) Covers(r rune) bool { return Covers(r) }

// Refusal says what r is and why the PDF cannot draw it, for a message
// after the character's name: "(CJK) cannot be drawn in the PDF: …".
func (PDF) Refusal(r rune) string {
	return fmt.Sprintf("(%s) cannot be drawn in the PDF: %s", Class(r), why(r))
}

func why(r rune) string {
	switch Class(r) {
	case "Arabic", "Hebrew":
		return "right-to-left text is not laid out in the PDF yet; write it out in the DOCX, or leave it out of the PDF"
	case "emoji":
		return "the PDF's fonts have no emoji; write the word instead"
	}
	return "the PDF's fonts have no glyph for it; use the DOCX, or leave it out"
}

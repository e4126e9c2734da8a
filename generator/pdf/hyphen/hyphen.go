// Package hyphen finds where a word may be hyphenated, by Frank Liang's
// algorithm (the one TeX, LibreOffice and Word's Hunspell-based
// hyphenators use) over a pattern file in libhyphen's format, and where a
// compound's parts meet, from a Swedish word list read at run time (see
// compound.go).
//
// The Swedish patterns are LibreOffice's (hyph_sv_SE.dic, Niklas
// Johansson 2013, from the LibreOffice dictionaries as Debian's hyphen-sv
// 1:7.5.0-1 ships them), embedded unchanged, under the Mozilla Public
// License 2.0 (the file is offered under MPL or LGPL-3+; see
// LICENSE-hyph_sv.txt). They rather than TeX's hyph-sv because they are
// the very patterns LibreOffice hyphenates our DOCX with, so the PDF and
// the DOCX break the same words at the same places; and no Go module
// ships Swedish patterns (github.com/speedata/hyphenation, which reads
// TeX patterns, is not served by the module proxy here), while the
// algorithm is forty lines.
package hyphen

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed hyph_sv_SE.dic
var swedish []byte

// Hyphenator holds one language's patterns. It is read-only once made
// and safe for concurrent use.
type Hyphenator struct {
	patterns patternSet
	maxLen   int // the longest pattern, in runes
	// Left and Right are the fewest letters kept before and after a
	// hyphen.
	Left, Right int
	// MinWord is the fewest letters a word must have to be hyphenated
	// at all.
	MinWord int
}

// Swedish returns a hyphenator of Swedish. It keeps at least two letters
// before a hyphen and three after it (the file itself allows one and
// two), and leaves words of fewer than six letters whole: "bå-de",
// "in-om" and "lä-net" save too little room to be worth the reader's
// stumble.
func Swedish() (*Hyphenator, error) {
	h, err := Parse(swedish)
	if err != nil {
		return nil, fmt.Errorf("hyphen: Swedish patterns: %w", err)
	}
	h.Left, h.Right, h.MinWord = max(h.Left, 2), max(h.Right, 3), 6
	return h, nil
}

// Parse reads a pattern file in libhyphen's format: the character set on
// the first line (UTF-8 or ISO8859-1), optional LEFTHYPHENMIN and
// RIGHTHYPHENMIN lines, then one pattern a line ("a2b5r", ".ab1ol").
// Where two patterns have the same letters, the later one counts.
func Parse(data []byte) (*Hyphenator, error) {
	h := &Hyphenator{Left: 2, Right: 2}
	text := string(data)
	first, text, _ := strings.Cut(text, "\n")
	latin1 := strings.TrimSpace(first) == "ISO8859-1"
	h.patterns.init(strings.Count(text, "\n")+1, len(text))
	var letters []byte
	for n := 0; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		line = strings.TrimSpace(line)
		if latin1 {
			line = fromLatin1(line)
		}
		if line == "" || strings.HasPrefix(line, "%") || strings.HasPrefix(line, "#") {
			continue
		}
		if k, v, ok := strings.Cut(line, " "); ok {
			i, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return nil, fmt.Errorf("line %d: %q", n+2, line)
			}
			switch k {
			case "LEFTHYPHENMIN":
				h.Left = i
			case "RIGHTHYPHENMIN":
				h.Right = i
			}
			continue
		}
		letters = letters[:0]
		vals := h.patterns.vals
		voff := len(vals)
		vals = append(vals, 0)
		runes := 0
		for _, r := range line {
			if r >= '0' && r <= '9' {
				vals[len(vals)-1] = uint8(r - '0')
				continue
			}
			if r == '/' || r == '=' {
				return nil, fmt.Errorf("line %d: non-standard pattern %q is not supported", n+2, line)
			}
			letters = utf8.AppendRune(letters, r)
			vals = append(vals, 0)
			runes++
		}
		h.patterns.vals = vals
		if err := h.patterns.put(letters, voff); err != nil {
			return nil, fmt.Errorf("line %d: %w", n+2, err)
		}
		h.maxLen = max(h.maxLen, runes)
	}
	h.patterns.done()
	return h, nil
}

// patternSet maps a pattern's letters to its digits, one more than the
// letters: an open-addressed table over two arrays, the letters of every
// pattern in one and their digits in the other, rather than a map of
// 15,000 strings and slices, which took most of the time of reading the
// Swedish patterns (and a cold `underlag render` reads them).
type patternSet struct {
	keys  []byte // while reading; then text
	text  string // every pattern's letters, one after another
	vals  []uint8
	slots []uint64 // 16 bits of the hash, the letters' offset, their length + 1, the digits' offset; 0 is empty
}

// The fields of a slot, and so the most the set holds.
const (
	valBits  = 20 // the digits' offset
	lenBits  = 8  // the letters' length + 1
	offBits  = 20 // the letters' offset
	maxVals  = 1 << valBits
	maxLen   = 1<<lenBits - 2
	maxKeys  = 1 << offBits
	hashBits = 64 - valBits - lenBits - offBits
)

func (s *patternSet) init(n, size int) {
	tab := 16
	for tab < 2*n {
		tab *= 2
	}
	s.slots = make([]uint64, tab)
	s.keys = make([]byte, 0, size)
	s.vals = make([]uint8, 0, size)
}

// put adds a pattern's letters with its digits at voff, or replaces the
// digits of a pattern with the same letters.
func (s *patternSet) put(letters []byte, voff int) error {
	if len(letters) > maxLen || len(s.keys)+len(letters) > maxKeys || len(s.vals) > maxVals {
		return fmt.Errorf("the patterns are longer than %d letters or %d bytes in all", maxLen, maxKeys)
	}
	h := hash(string(letters))
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := s.slots[i]
		if e == 0 {
			off := len(s.keys)
			s.keys = append(s.keys, letters...)
			s.slots[i] = h>>(64-hashBits)<<(64-hashBits) | uint64(off)<<(valBits+lenBits) | uint64(len(letters)+1)<<valBits | uint64(voff)
			return nil
		}
		if e>>(64-hashBits) == h>>(64-hashBits) && string(s.keyOf(e)) == string(letters) {
			s.slots[i] = e>>valBits<<valBits | uint64(voff)
			return nil
		}
	}
}

func (s *patternSet) keyOf(e uint64) []byte {
	off, n := int(e>>(valBits+lenBits)&(maxKeys-1)), int(e>>valBits&(1<<lenBits-1))-1
	return s.keys[off : off+n]
}

// hash is FNV-1a, 64 bits.
func hash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// done makes the set read-only: the letters become one string.
func (s *patternSet) done() {
	s.text, s.keys = string(s.keys), nil
}

// get returns the digits of the pattern of the letters w, of n runes, or
// nil.
func (s *patternSet) get(w string, n int) []uint8 {
	h := hash(w)
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := s.slots[i]
		if e == 0 {
			return nil
		}
		if e>>(64-hashBits) != h>>(64-hashBits) {
			continue
		}
		off, l := int(e>>(valBits+lenBits)&(maxKeys-1)), int(e>>valBits&(1<<lenBits-1))-1
		if s.text[off:off+l] == w {
			voff := int(e & (maxVals - 1))
			return s.vals[voff : voff+n+1]
		}
	}
}

func fromLatin1(s string) string {
	if isASCII(s) {
		return s
	}
	b := make([]rune, 0, len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, rune(s[i]))
	}
	return string(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Points returns the byte offsets in word where it may be hyphenated, in
// increasing order. Each run of letters is hyphenated on its own, so that
// a word with punctuation or digits ("(primärvården),") keeps them where
// they are; a run of capitals (an abbreviation) is left whole.
func (h *Hyphenator) Points(word string) []int {
	var out []int
	start := -1
	for i, r := range word + " " {
		if unicode.IsLetter(r) && i < len(word) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = h.points(out, word[start:i], start)
			start = -1
		}
	}
	return out
}

// points appends the hyphenation points of a run of letters at base.
// The word is lower-cased and put between dots once; the patterns are
// then looked up by substrings of it, which allocates nothing.
func (h *Hyphenator) points(out []int, word string, base int) []int {
	n := utf8.RuneCountInString(word)
	if n < h.Left+h.Right || n < h.MinWord || word == strings.ToUpper(word) {
		return out
	}
	w := "." + strings.ToLower(word) + "."
	// at[k] is the byte offset of rune k of w; at[len] is len(w).
	var buf [64]int
	at := buf[:0]
	for i := range w {
		at = append(at, i)
	}
	at = append(at, len(w))
	m := len(at) - 1 // runes in w
	var vbuf [64]uint8
	vals := vbuf[:0]
	vals = append(vals, make([]uint8, m+1)...)
	for i := 0; i < m; i++ {
		for l := 1; l <= h.maxLen && i+l <= m; l++ {
			p := h.patterns.get(w[at[i]:at[i+l]], l)
			for k, v := range p {
				if v > vals[i+k] {
					vals[i+k] = v
				}
			}
		}
	}
	if m-2 != n {
		return out // lower-casing changed the number of letters: leave the word whole
	}
	// vals[k+1] is the value before rune k of the word (after the dot);
	// the word's own offsets are walked alongside.
	k := 0
	for i := range word {
		if k >= h.Left && k <= n-h.Right && vals[k+1]%2 == 1 {
			out = append(out, base+i)
		}
		k++
	}
	return out
}

// Hyphenate returns word with sep at every point, for tests and tools.
func (h *Hyphenator) Hyphenate(word, sep string) string {
	var b strings.Builder
	last := 0
	for _, p := range h.Points(word) {
		b.WriteString(word[last:p])
		b.WriteString(sep)
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

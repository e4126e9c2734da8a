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
	patterns map[string][]uint8 // letters → the digits between and around them
	maxLen   int                // the longest pattern, in runes
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
func Parse(data []byte) (*Hyphenator, error) {
	h := &Hyphenator{patterns: make(map[string][]uint8, 16384), Left: 2, Right: 2}
	lines := strings.Split(string(data), "\n")
	if len(lines) == 0 {
		return nil, fmt.Errorf("empty pattern file")
	}
	latin1 := strings.TrimSpace(lines[0]) == "ISO8859-1"
	for n, line := range lines[1:] {
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
		var letters []rune
		digits := []uint8{0}
		for _, r := range line {
			if r >= '0' && r <= '9' {
				digits[len(digits)-1] = uint8(r - '0')
				continue
			}
			if r == '/' || r == '=' {
				return nil, fmt.Errorf("line %d: non-standard pattern %q is not supported", n+2, line)
			}
			letters = append(letters, r)
			digits = append(digits, 0)
		}
		h.patterns[string(letters)] = digits
		h.maxLen = max(h.maxLen, len(letters))
	}
	return h, nil
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
			p, ok := h.patterns[w[at[i]:at[i+l]]]
			if !ok {
				continue
			}
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

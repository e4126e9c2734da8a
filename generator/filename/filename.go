// Package filename makes the descriptive part of underlag's output names
// (a document's date, case number and kind, such as
// 2024-11-20-hsn-1203-2024-tjansteskrivelse) safe on every file system:
// whatever the fields hold, it can never name a path outside the output
// directory.
package filename

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxLen is the longest name Slug returns, in bytes: well under
// the 255 bytes file systems allow, leaving room for a suffix and an
// extension.
const MaxLen = 100

// letters spells out letters that Unicode does not decompose into a base
// letter and a mark: Nordic and Sami letters among them.
var letters = map[rune]string{
	'đ': "d", 'Đ': "d", 'ŋ': "n", 'Ŋ': "n", 'ŧ': "t", 'Ŧ': "t",
	'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'ß': "ss", 'ł': "l", 'Ł': "l",
	'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d", 'œ': "oe", 'Œ': "oe", 'ı': "i",
}

// Slug turns any text into a lower-case name of ASCII letters, digits and
// single hyphens: "HSN 1203-2024" → "hsn-1203-2024", "Överlämning" →
// "overlamning", "../../etc" → "etc". Letters with diacritics lose them
// (å ä → a, ö → o, Sami á č š ž → a c s z, đ ŋ ŧ → d n t). The result is at
// most MaxLen bytes, cut at a hyphen where possible; it is empty when s holds
// no letter or digit.
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	put := func(r rune) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			return
		}
		dash = true
	}
	for _, r := range s {
		if r == utf8.RuneError {
			dash = true
			continue
		}
		if t, ok := letters[r]; ok {
			for _, c := range t {
				put(c)
			}
			continue
		}
		if r < utf8.RuneSelf {
			put(unicode.ToLower(r))
			continue
		}
		// Decompose (å → a + ring) and keep the base letters.
		for _, c := range norm.NFD.String(string(r)) {
			if unicode.Is(unicode.Mn, c) {
				continue
			}
			if c < utf8.RuneSelf {
				put(unicode.ToLower(c))
			} else {
				dash = true
			}
		}
	}
	return truncate(b.String(), MaxLen)
}

// truncate cuts s to at most n bytes, at the last hyphen before the cut when
// there is one in the second half, and never leaves a trailing hyphen.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.TrimRight(s, "-")
}

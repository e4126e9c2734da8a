package doc

import (
	"regexp"
	"unicode/utf8"
)

// unbreakable matches what must stay on one line: the space and hyphens
// inside it are not places to break. Every format keeps these whole, the
// PDF by not breaking there and the DOCX with Word's non-breaking hyphen
// and space, so that a reader never finds "2025-06-" at a line's end and
// "16" on the next.
var unbreakable = regexp.MustCompile(alternatives(
	// § 173, §§ 12–14
	`§§?\x{00a0}?\s?\d+(?:\s?[–-]\s?\d+)?`,
	// case numbers: KS-2020-00547, HSN 1203-2024, RS 2024/117
	`\b\p{Lu}{1,6}(?:[ -]|\x{00a0})\d{1,5}(?:[-/:.]\d{1,6})+\b`,
	// phone numbers: 090-785 00 00, 070-123 45 67, +46 90 785 00 00
	`(?:\+46[ \x{00a0}]?\d{1,3}|\b0\d{1,3})[- \x{00a0}]\d{2,3}(?:[ \x{00a0}]\d{2,3}){1,3}\b`,
	// ISO dates and months: 2025-06-16, 2024-12
	`\b\d{4}-\d{2}(?:-\d{2})?\b`,
	// amounts with their unit, and numbers in groups of three: 12 500 kr,
	// 3,5 mnkr, 40 %, 1 200 000
	`\b\d{1,3}(?:[ \x{00a0}]\d{3})+(?:,\d+)?(?:[ \x{00a0}](?:kr|kronor|tkr|mnkr|mkr|Mkr|miljoner|miljarder|SEK|%|procent|st|timmar|tim|h|km|mil)\b)?`,
	`\b\d+(?:,\d+)?[ \x{00a0}](?:kr|kronor|tkr|mnkr|mkr|Mkr|miljoner|miljarder|SEK|procent|timmar|tim|km|mil)\b`,
	`\b\d+(?:,\d+)?[ \x{00a0}]%`,
))

func alternatives(alts ...string) string {
	out := ""
	for i, a := range alts {
		if i > 0 {
			out += "|"
		}
		out += "(?:" + a + ")"
	}
	return out
}

// Unbreakable returns the byte ranges of s that must not be broken across
// lines: dates, case numbers, "§ 173", amounts with their unit and phone
// numbers. The ranges are in order and do not overlap.
//
// The expression runs only over the stretches of s around its digits and
// § signs (marked), not over the whole paragraph: the same ranges
// (FuzzUnbreakable), for a third of the work, since a paragraph is mostly
// words, and the layout of every paragraph of a build asks.
func Unbreakable(s string) [][2]int {
	if !hasMark(s) {
		return nil // every token has a digit or a §: most text is passed over cheaply
	}
	var out [][2]int
	for _, w := range marked(s) {
		for _, m := range unbreakable.FindAllStringIndex(s[w[0]:w[1]], -1) {
			out = append(out, [2]int{w[0] + m[0], w[0] + m[1]})
		}
	}
	return out
}

// hasMark reports whether s holds a digit or a § sign, byte by byte:
// strings.ContainsAny decodes every rune of s when the set holds one
// that is not ASCII, as § is, and took a fifth of Unbreakable's time.
func hasMark(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' || c == 0xA7 && i > 0 && s[i-1] == 0xC2 { // § is C2 A7 in UTF-8
			return true
		}
	}
	return false
}

// What a token can hold besides digits and § signs, in runes, with room to
// spare (the alternatives of unbreakable): between two of them at most 3
// ("§§ 12 – 14"), before the first at most 7 (a case number's "ABCDEF "),
// after the last at most 10 (" miljarder"). \s and \d are ASCII in Go's
// regexp, one rune each.
const (
	markGap    = 8
	markBefore = 12
	markAfter  = 16
)

// marked returns the stretches of s, in order and apart, that hold every
// match of unbreakable: the digits and § signs no further apart than
// markGap runes, widened by markBefore and markAfter runes, and then to
// the nearest character that is not an ASCII letter, digit or underscore
// (or the text's end), so that \b reads the same at a stretch's ends as
// in the whole text. No token reaches from one stretch into another.
func marked(s string) [][2]int {
	var out [][2]int
	start, end := -1, -1 // the stretch being made, before widening
	gap := 0             // runes since the last mark
	flush := func() {
		if start < 0 {
			return
		}
		a, b := back(s, start, markBefore), ahead(s, end, markAfter)
		if n := len(out); n > 0 && a <= out[n-1][1] {
			out[n-1][1] = b
		} else {
			out = append(out, [2]int{a, b})
		}
		start = -1
	}
	for i, r := range s {
		if r >= '0' && r <= '9' || r == '§' {
			if start >= 0 && gap > markGap {
				flush()
			}
			if start < 0 {
				start = i
			}
			end = i + utf8.RuneLen(r)
			gap = 0
			continue
		}
		gap++
	}
	flush()
	return out
}

// back moves i back by n runes, then to the start of the word it is in.
func back(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	for i > 0 && asciiWord(s[i-1]) {
		i--
	}
	return i
}

// ahead moves i on by n runes, then to the end of the word it is in.
func ahead(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	for i < len(s) && asciiWord(s[i]) {
		i++
	}
	return i
}

// asciiWord reports whether c is a character of \w, which \b looks at.
func asciiWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

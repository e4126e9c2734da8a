package doc

import (
	"regexp"
	"strings"
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
func Unbreakable(s string) [][2]int {
	if !strings.ContainsAny(s, "0123456789§") {
		return nil // every token has a digit or a §: most text is passed over cheaply
	}
	var out [][2]int
	for _, m := range unbreakable.FindAllStringIndex(s, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

package doc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unbreakable returns the byte ranges of s that must not be broken across
// lines: dates, case numbers, "§ 173", amounts with their unit and phone
// numbers. The space and hyphens inside them are not places to break.
// Every format keeps these whole, the PDF by not breaking there and the
// DOCX with Word's non-breaking hyphen and space, so that a reader never
// finds "2025-06-" at a line's end and "16" on the next. The ranges are in
// order and do not overlap.
//
// What is a token is defined by one regular expression, kept beside the
// tests (tokens_test.go), which FindAllStringIndex runs over the text: at
// the leftmost place where one of its alternatives matches, the first
// alternative that does, as a backtracking matcher would find it (Go's
// leftmost-first rule). The matcher here gives the same ranges
// (TestUnbreakableAsWholeText, FuzzUnbreakable) in a tenth of the time:
// the layout of every paragraph of a build asks, and the expression was
// 4 % of a build. Its alternatives, in order:
//
//	§§?\x{00a0}?\s?\d+(?:\s?[–-]\s?\d+)?                             § 173, §§ 12–14
//	\b\p{Lu}{1,6}(?:[ -]|\x{00a0})\d{1,5}(?:[-/:.]\d{1,6})+\b         KS-2020-00547, HSN 1203-2024, RS 2024/117
//	(?:\+46[ \x{00a0}]?\d{1,3}|\b0\d{1,3})[- \x{00a0}]\d{2,3}(?:[ \x{00a0}]\d{2,3}){1,3}\b
//	                                                                  090-785 00 00, +46 90 785 00 00
//	\b\d{4}-\d{2}(?:-\d{2})?\b                                        2025-06-16, 2024-12
//	\b\d{1,3}(?:[ \x{00a0}]\d{3})+(?:,\d+)?(?:[ \x{00a0}](?:groupUnits)\b)?
//	                                                                  1 200 000, 12 500 kr
//	\b\d+(?:,\d+)?[ \x{00a0}](?:units)\b                             3,5 mnkr
//	\b\d+(?:,\d+)?[ \x{00a0}]%                                        40 %
//
// \b, \d and \s are ASCII, as in Go's regexp: \b stands between a letter,
// digit or underscore of ASCII and anything else.
func Unbreakable(s string) [][2]int {
	if !hasMark(s) {
		return nil // every token has a digit or a §: most text is passed over cheaply
	}
	var out [][2]int
	for i := 0; i < len(s); {
		if end := token(s, i); end >= 0 {
			out = append(out, [2]int{i, end})
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
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

// The units an amount may carry: groupUnits after a number in groups of
// three, units after any number. Order matters, as in the expression's
// alternation: the first unit that stands there and ends a word wins.
var (
	groupUnits = []string{"kr", "kronor", "tkr", "mnkr", "mkr", "Mkr", "miljoner", "miljarder", "SEK", "%", "procent", "st", "timmar", "tim", "h", "km", "mil"}
	units      = []string{"kr", "kronor", "tkr", "mnkr", "mkr", "Mkr", "miljoner", "miljarder", "SEK", "procent", "timmar", "tim", "km", "mil"}
)

const (
	nbsp   = "\u00a0"
	enDash = "\u2013"
)

// token returns the end of the token that starts at byte i of s, or -1:
// the expression's alternatives tried in order at i.
func token(s string, i int) int {
	c := s[i]
	switch {
	case c == 0xC2: // §, or no token
		return section(s, i)
	case c == '+':
		return phone(s, i)
	case c >= '0' && c <= '9':
		if !boundary(s, i) {
			return -1 // every alternative that starts with a digit starts at \b
		}
		for _, alt := range [...]func(string, int) int{phone, isoDate, grouped, amount, percent} {
			if end := alt(s, i); end >= 0 {
				return end
			}
		}
		return -1
	case c < utf8.RuneSelf && (c < 'A' || c > 'Z'):
		return -1 // not a capital letter: no case number starts here
	}
	return caseNumber(s, i)
}

// section: §§?\x{00a0}?\s?\d+(?:\s?[–-]\s?\d+)?
func section(s string, i int) int {
	if !strings.HasPrefix(s[i:], "§") {
		return -1
	}
	i += len("§")
	// The optional parts, taken before left out; the first way that
	// reaches a digit wins, and what follows the digits is optional.
	for _, a := range optional(s, i, "§") {
		for _, b := range optional(s, a, nbsp) {
			for _, c := range optionalSpace(s, b) {
				n := digits(s, c, -1)
				if n == 0 {
					continue
				}
				end := c + n
				for _, d := range optionalSpace(s, end) {
					e := -1
					switch {
					case strings.HasPrefix(s[d:], "-"):
						e = d + 1
					case strings.HasPrefix(s[d:], enDash):
						e = d + len(enDash)
					default:
						continue
					}
					for _, f := range optionalSpace(s, e) {
						if m := digits(s, f, -1); m > 0 {
							return f + m
						}
					}
				}
				return end
			}
		}
	}
	return -1
}

// caseNumber: \b\p{Lu}{1,6}(?:[ -]|\x{00a0})\d{1,5}(?:[-/:.]\d{1,6})+\b
func caseNumber(s string, i int) int {
	if !boundary(s, i) {
		return -1
	}
	var ends [6]int // after 1, 2, … capitals
	n := 0
	for p := i; n < len(ends) && p < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[p:])
		if !unicode.IsUpper(r) {
			break
		}
		p += size
		ends[n] = p
	}
	for k := n - 1; k >= 0; k-- {
		p := ends[k]
		switch {
		case p < len(s) && (s[p] == ' ' || s[p] == '-'):
			p++
		case strings.HasPrefix(s[p:], nbsp):
			p += len(nbsp)
		default:
			continue
		}
		for d := digits(s, p, 5); d >= 1; d-- {
			if end := caseParts(s, p+d, 0); end >= 0 {
				return end
			}
		}
	}
	return -1
}

// caseParts: (?:[-/:.]\d{1,6})+\b from p, done parts already matched.
func caseParts(s string, p, done int) int {
	if p < len(s) && strings.IndexByte("-/:.", s[p]) >= 0 {
		for d := digits(s, p+1, 6); d >= 1; d-- {
			if end := caseParts(s, p+1+d, done+1); end >= 0 {
				return end
			}
		}
	}
	if done > 0 && boundary(s, p) {
		return p
	}
	return -1
}

// phone: (?:\+46[ \x{00a0}]?\d{1,3}|\b0\d{1,3})[- \x{00a0}]\d{2,3}(?:[ \x{00a0}]\d{2,3}){1,3}\b
func phone(s string, i int) int {
	if strings.HasPrefix(s[i:], "+46") {
		for _, p := range optionalBlank(s, i+3) {
			for d := digits(s, p, 3); d >= 1; d-- {
				if end := phoneRest(s, p+d); end >= 0 {
					return end
				}
			}
		}
		return -1
	}
	if s[i] != '0' { // \b is the caller's
		return -1
	}
	for d := digits(s, i+1, 3); d >= 1; d-- {
		if end := phoneRest(s, i+1+d); end >= 0 {
			return end
		}
	}
	return -1
}

// phoneRest: [- \x{00a0}]\d{2,3}(?:[ \x{00a0}]\d{2,3}){1,3}\b
func phoneRest(s string, p int) int {
	switch {
	case p < len(s) && (s[p] == '-' || s[p] == ' '):
		p++
	case strings.HasPrefix(s[p:], nbsp):
		p += len(nbsp)
	default:
		return -1
	}
	for d := digits(s, p, 3); d >= 2; d-- {
		if end := phoneGroups(s, p+d, 0); end >= 0 {
			return end
		}
	}
	return -1
}

// phoneGroups: (?:[ \x{00a0}]\d{2,3}){1,3}\b from p, done groups already
// matched.
func phoneGroups(s string, p, done int) int {
	if done < 3 {
		if q := blank(s, p); q > p {
			for d := digits(s, q, 3); d >= 2; d-- {
				if end := phoneGroups(s, q+d, done+1); end >= 0 {
					return end
				}
			}
		}
	}
	if done > 0 && boundary(s, p) {
		return p
	}
	return -1
}

// isoDate: \b\d{4}-\d{2}(?:-\d{2})?\b, \b at i the caller's.
func isoDate(s string, i int) int {
	if digits(s, i, 4) != 4 || !strings.HasPrefix(s[i+4:], "-") || digits(s, i+5, 2) != 2 {
		return -1
	}
	p := i + 7
	if strings.HasPrefix(s[p:], "-") && digits(s, p+1, 2) == 2 && boundary(s, p+3) {
		return p + 3
	}
	if boundary(s, p) {
		return p
	}
	return -1
}

// grouped: \b\d{1,3}(?:[ \x{00a0}]\d{3})+(?:,\d+)?(?:[ \x{00a0}](?:groupUnits)\b)?,
// \b at i the caller's.
func grouped(s string, i int) int {
	for d := digits(s, i, 3); d >= 1; d-- {
		// The groups are taken as many as there are: all that follows
		// them is optional, so no fewer would be tried.
		p, groups := i+d, 0
		for {
			q := blank(s, p)
			if q == p || digits(s, q, 3) != 3 {
				break
			}
			p, groups = q+3, groups+1
		}
		if groups == 0 {
			continue
		}
		if strings.HasPrefix(s[p:], ",") {
			if n := digits(s, p+1, -1); n > 0 {
				p += 1 + n
			}
		}
		if q := blank(s, p); q > p {
			if end := unit(s, q, groupUnits); end >= 0 {
				return end
			}
		}
		return p
	}
	return -1
}

// amount: \b\d+(?:,\d+)?[ \x{00a0}](?:units)\b, \b at i the caller's.
func amount(s string, i int) int {
	if q := number(s, i); q >= 0 {
		return unit(s, q, units)
	}
	return -1
}

// percent: \b\d+(?:,\d+)?[ \x{00a0}]%, \b at i the caller's.
func percent(s string, i int) int {
	if q := number(s, i); q >= 0 && strings.HasPrefix(s[q:], "%") {
		return q + 1
	}
	return -1
}

// number: \d+(?:,\d+)?[ \x{00a0}] at i, returning what follows. Fewer
// digits, or leaving the decimals out, cannot be followed by the blank,
// so the longest is the only way.
func number(s string, i int) int {
	n := digits(s, i, -1)
	if n == 0 {
		return -1
	}
	p := i + n
	if strings.HasPrefix(s[p:], ",") {
		if m := digits(s, p+1, -1); m > 0 {
			p += 1 + m
		}
	}
	if q := blank(s, p); q > p {
		return q
	}
	return -1
}

// unit returns the end of the first of units that stands at p and is
// followed by \b, or -1.
func unit(s string, p int, units []string) int {
	for _, u := range units {
		if strings.HasPrefix(s[p:], u) && boundary(s, p+len(u)) {
			return p + len(u)
		}
	}
	return -1
}

// digits counts the ASCII digits at p, at most max (no limit when max is
// negative).
func digits(s string, p, max int) int {
	n := 0
	for p+n < len(s) && s[p+n] >= '0' && s[p+n] <= '9' && (max < 0 || n < max) {
		n++
	}
	return n
}

// blank returns p past a space or a no-break space at p; p when there is
// none.
func blank(s string, p int) int {
	switch {
	case p < len(s) && s[p] == ' ':
		return p + 1
	case strings.HasPrefix(s[p:], nbsp):
		return p + len(nbsp)
	}
	return p
}

// optional returns the places after lit at p and at p, in the order a
// greedy lit? tries them: after it first, when it is there.
func optional(s string, p int, lit string) []int {
	if strings.HasPrefix(s[p:], lit) {
		return []int{p + len(lit), p}
	}
	return []int{p}
}

// optionalSpace is optional for \s: a tab, line feed, form feed,
// carriage return or space.
func optionalSpace(s string, p int) []int {
	if p < len(s) && strings.IndexByte("\t\n\f\r ", s[p]) >= 0 {
		return []int{p + 1, p}
	}
	return []int{p}
}

// optionalBlank is optional for [ \x{00a0}].
func optionalBlank(s string, p int) []int {
	if q := blank(s, p); q > p {
		return []int{q, p}
	}
	return []int{p}
}

// boundary reports whether \b holds at p: an ASCII letter, digit or
// underscore on one side of p and not on the other.
func boundary(s string, p int) bool {
	return (p > 0 && asciiWord(s[p-1])) != (p < len(s) && asciiWord(s[p]))
}

// asciiWord reports whether c is a character of \w, which \b looks at.
func asciiWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

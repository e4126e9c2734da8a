package pdf

import (
	"strings"
	"unicode"

	"github.com/underlag/underlag/generator/pdf/coverage"
	"github.com/underlag/underlag/generator/pdf/hyphen"
)

// Words are hyphenated where they do not fit their line, as a word
// processor with automatic hyphenation does: at the data's own soft
// hyphens when a word has them, else at the points the Swedish patterns
// give (see package hyphen, the patterns LibreOffice hyphenates the DOCX
// with), else after a hyphen the word already has. Only when no such
// point leaves a part that fits is a word cut between characters.

// The rules a committee secretary expects (issue 30): no hyphen in a
// title, heading, table header, signature or the running header and
// footer (textStyle.hyphenate is false there); none in a name of a person
// or organisation (doc.Meta.Names) nor inside a date, case number, "§ N",
// amount or phone number (doc.Unbreakable; span.whole); at least two
// letters before the hyphen and three after, and no words under six
// letters (package hyphen); no more than two hyphenated lines in a row
// (maxHyphenated); and a hyphenated word never goes on on the next page
// (textBoxes keeps its line with the next). Of the points that fit, a
// compound's joint is taken before a syllable inside one of its parts:
// "huvud-ansvarig", not "huvudan-svarig" (hyphen.Compounds).

// maxHyphenated is how many lines in a row may end in a hyphenated word.
const maxHyphenated = 2

// nameSet holds the words of the names a document must not hyphenate.
type nameSet map[string]bool

// newNameSet splits names into words, without the punctuation around
// them.
func newNameSet(names []string) nameSet {
	if len(names) == 0 {
		return nil
	}
	set := nameSet{}
	for _, n := range names {
		for _, w := range strings.Fields(n) {
			if w = trimWord(w); w != "" {
				set[w] = true
			}
		}
	}
	return set
}

// has reports whether a word of running text, punctuation and all, is a
// word of a name.
func (s nameSet) has(w string) bool {
	return len(s) > 0 && s[trimWord(w)]
}

// trimWord takes punctuation off both ends of a word: "(Monica)," is
// Monica.
func trimWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// mayHyphenate reports whether a word may be hyphenated where it stands.
func (r *Renderer) mayHyphenate(s *span, ts textStyle) bool {
	return ts.hyphenate && !s.whole
}

// softHyphen is U+00AD. It is what the renderer draws at a hyphenated
// line end too: the same glyph as a hyphen, but text extraction and
// screen readers know from it that the word goes on.
const softHyphen = "\u00ad"

// hyphenate splits s so that its first part, with a hyphen, fits in room:
// at the last compound joint that fits, else at the last hyphenation
// point that fits, or after a hyphen of the word's own further on. ok is
// false when none does.
// The word's points are found once: they are kept in s.soft (non-nil
// from then on), and the rest of a split word keeps those after the
// break, as TeX does, rather than hyphenating the rest as a new word.
func (r *Renderer) hyphenate(s *span, room float64, ts textStyle) (head, rest span, ok bool) {
	f := r.face(s.face)
	hw := f.width(softHyphen, ts.size)
	if s.breaks == nil {
		s.breaks = r.wordBreaks(s.text)
	}
	points := s.breaks.soft
	best := -1
	added := true // a hyphen is drawn at the break
	for _, p := range points {
		if f.width(s.text[:p], ts.size)+hw <= room {
			best = p
		}
	}
	// A compound's joint that fits wins over a syllable further on.
	for _, p := range s.breaks.joints {
		if f.width(s.text[:p], ts.size)+hw <= room {
			best = p
		}
	}
	// After a hyphen the word has, the line may break without another.
	// It too keeps two letters before and three after ("e-arkiv" stays
	// whole).
	for i := 0; i < len(s.text)-1; i++ {
		if s.text[i] == '-' && i > 0 && i+1 > best && lettersBefore(s.text[:i]) >= 2 && lettersAfter(s.text[i+1:]) >= 3 && f.width(s.text[:i+1], ts.size) <= room {
			best, added = i+1, false
		}
	}
	if best <= 0 {
		return span{}, span{}, false
	}
	head, rest = *s, *s
	head.text, rest.text = s.text[:best], s.text[best:]
	// The rest keeps the points after the break, moved; it is not
	// hyphenated afresh.
	after := &wordBreaks{soft: []int{}}
	for _, p := range s.breaks.soft {
		if p > best {
			after.soft = append(after.soft, p-best)
		}
	}
	for _, p := range s.breaks.joints {
		if p > best {
			after.joints = append(after.joints, p-best)
		}
	}
	head.breaks, rest.breaks = nil, after
	head.w = f.width(head.text, ts.size)
	if added {
		head.w += hw
		head.hyphen = true
	}
	head.cut = true
	rest.w = f.width(rest.text, ts.size)
	return head, rest, true
}

// wordBreaks are a word's hyphenation points and compound joints.
type wordBreaks struct{ soft, joints []int }

// maxBreakWords bounds the words whose points a renderer keeps.
const maxBreakWords = 1 << 14

// wordBreaks returns the points where a word may be hyphenated (soft,
// non-nil) and its compound joints. The documents of one organisation hyphenate
// the same words again and again (the names of its committees, its
// templates' phrases), and finding the points was half of hyphenating:
// the patterns are looked up for every substring of the word, the word
// list for every joint. So they are kept (r.breaks). They are shared:
// callers must not change them.
func (r *Renderer) wordBreaks(word string) *wordBreaks {
	return r.breaks.get(word, func(w string) *wordBreaks {
		b := &wordBreaks{r.hyphenator().Points(w), r.compounds().Joints(w)}
		if b.soft == nil {
			b.soft = []int{}
		}
		return b
	})
}

// softPoints takes the soft hyphens out of a word and returns where they
// were, as offsets in what is left.
func softPoints(w string) (string, []int) {
	var b strings.Builder
	points := []int{}
	for w != "" {
		i := strings.Index(w, softHyphen)
		if i < 0 {
			b.WriteString(w)
			break
		}
		b.WriteString(w[:i])
		if b.Len() > 0 {
			points = append(points, b.Len())
		}
		w = w[i+len(softHyphen):]
	}
	s := b.String()
	if n := len(points); n > 0 && points[n-1] == len(s) {
		points = points[:n-1]
	}
	return s, points
}

// invisible takes out of text what is never drawn: zero-width spaces and
// joiners (U+200B–U+200D, U+2060, U+FEFF) and control characters other
// than tab, line feed and carriage return; and it replaces a character
// the fonts cannot draw (see package coverage) with a white square. The
// data check reports both kinds as errors, with their positions. It
// returns text itself, without allocating, when it has neither: ASCII
// text is decided byte by byte.
func invisible(text string) string {
	if !hasInvisible(text) && ascii(text) {
		return text
	}
	changed := false
	for _, r := range text {
		if r >= 0x80 && (dropped(r) || !coverage.Covers(r)) || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			changed = true
			break
		}
	}
	if !changed {
		return text
	}
	var b strings.Builder
	for _, r := range text {
		switch {
		case dropped(r):
		case !coverage.Covers(r):
			b.WriteString(missing)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// missing stands for a character the fonts cannot draw.
const missing = "\u25a1"

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// hasInvisible looks for what invisible drops byte by byte, in the
// UTF-8 encodings of the runes: most text has none, and Swedish text
// must not pay for decoding its letters.
func hasInvisible(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7f:
			return true
		case c == 0xc2 && i+1 < len(text) && text[i+1] < 0xa0: // U+0080–U+009F
			return true
		case c == 0xe2 && i+2 < len(text) && (text[i+1] == 0x80 && text[i+2] >= 0x8b && text[i+2] <= 0x8d || text[i+1] == 0x81 && text[i+2] == 0xa0):
			return true
		case c == 0xef && i+2 < len(text) && text[i+1] == 0xbb && text[i+2] == 0xbf:
			return true
		}
	}
	return false
}

// dropped reports a rune invisible drops.
func dropped(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r >= 0x7f && r < 0xa0:
		return true
	case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff:
		return true
	}
	return false
}

// compounds is the Swedish word list that finds compounds' joints, read
// from the system the first time a word is hyphenated (see package
// hyphen for why it is not embedded); nil when it is not installed.
func (r *Renderer) compounds() *hyphen.Compounds {
	r.compOnce.Do(func() {
		r.comp, _ = hyphen.LoadCompounds(r.dictionary)
	})
	return r.comp
}

// lettersBefore counts the letters at the end of s; lettersAfter those
// at its start.
func lettersBefore(s string) int {
	n := 0
	for _, r := range []rune(s) {
		if unicode.IsLetter(r) {
			n++
		} else {
			n = 0
		}
	}
	return n
}

func lettersAfter(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			break
		}
		n++
	}
	return n
}

package lint

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// placeholders are the marks an author leaves where text is still to be
// written. Each pattern's match is reported as written.
// placeholders are the patterns of unfinished text, each with a cheap test
// that must pass before its expression runs: nearly every text holds none,
// and running five expressions over every text of every document was a
// fifth of what review cost.
// Each expression is compiled the first time its cheap test passes: most
// runs never need one, and compiling them all cost every process.
var placeholders = []struct {
	re    func() *regexp.Regexp
	maybe func(string) bool
}{
	{lazyRegexp(`\b[xX]{3,}\b`), xRun},
	{lazyRegexp(`\b(TODO|TBD|FIXME)\b`), func(s string) bool {
		return strings.Contains(s, "TODO") || strings.Contains(s, "TBD") || strings.Contains(s, "FIXME")
	}},
	{lazyRegexp(`\?{3,}`), func(s string) bool { return strings.Contains(s, "???") }},
	{lazyRegexp(`(?i)\blorem ipsum\b`), func(s string) bool { return strings.Contains(s, "orem") || strings.Contains(s, "OREM") }},
	// [namn], [datum], [ort]: a word or two in brackets, not a Markdown
	// link ([text](url)) or reference ([text][ref]).
	{lazyRegexp(`\[[\p{Ll} ]{2,30}\]`), func(s string) bool { return strings.IndexByte(s, '[') >= 0 }},
}

// lazyRegexp compiles expr on first use.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// xRun reports whether s has three x's or X's in a row, as xxxx does.
func xRun(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 'x' || s[i] == 'X' {
			if n++; n == 3 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// placeholdersIn returns the placeholders in s, each once, in order.
func placeholdersIn(s string) []string {
	type hit struct {
		at int
		w  string
	}
	var hits []hit
	for _, p := range placeholders {
		if !p.maybe(s) {
			continue
		}
		for _, m := range p.re().FindAllStringIndex(s, -1) {
			if s[m[0]] == '[' && m[1] < len(s) && (s[m[1]] == '(' || s[m[1]] == '[') {
				continue
			}
			hits = append(hits, hit{m[0], s[m[0]:m[1]]})
		}
	}
	// Order by place in the text.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.w] {
			seen[h.w] = true
			out = append(out, h.w)
		}
	}
	return out
}

func placeholder(c *Context, in load.Input) {
	for _, t := range c.texts() {
		for _, ph := range placeholdersIn(t.s) {
			if !c.Allowed(ph) {
				c.ReportWord(t.path, ph, "the text holds the placeholder %q", ph)
			}
		}
	}
}

// isProse reports whether a field with this yaml key holds running text
// that may use abbreviations, as opposed to ids, codes, names and paths.
func isProse(key string) bool {
	switch key {
	case "id", "beslutspunkt", "nämnd", "nämnder", "term", "förklaring", "typ", "diarienummer",
		"uppdragsdirektiv", "fil", "mall", "efter", "form", "nivå", "status", "sannolikhet", "konsekvens",
		"namn", "titel", "enhet", "ort", "roll", "rubriker":
		return false
	}
	return true
}

// defined lists what a document may use without defining it: the
// commission's own ids (BP2, MS1, DA3: named in its directive and in the
// memos and reports about it), the document's definitions, the glossary's
// terms, the organisation's committees and its allow-list.
func defined(c *Context, in load.Input) map[string]bool {
	def := map[string]bool{}
	if dir := model.Commission(in.Doc, in.Directive); dir != nil {
		for _, id := range dir.Ids() {
			def[id] = true
		}
	}
	for _, d := range in.Doc.Base().Definitions {
		def[d.Term] = true
	}
	if reg := in.Registries; reg != nil {
		if reg.Glossary != nil {
			for _, d := range reg.Glossary.Entries {
				def[d.Term] = true
			}
		}
		if reg.Organisation != nil {
			for _, cm := range reg.Organisation.Committees {
				if cm.Abbrev != "" {
					def[cm.Abbrev] = true
				}
			}
		}
	}
	for w := range c.cfg.allow {
		def[w] = true
	}
	for _, w := range model.AllowedIn(in.Doc) {
		def[strings.TrimSpace(w)] = true
	}
	return def
}

func undefinedAbbreviation(c *Context, in load.Input) {
	def := defined(c, in)
	warned := map[string]bool{}
	for _, t := range c.texts() {
		if !isProse(t.key) {
			continue
		}
		for _, a := range abbreviations(t.s) {
			stem := strings.TrimRightFunc(a, unicode.IsDigit) // BP2 is a BP
			if !def[a] && !def[stem] && !warned[a] {
				warned[a] = true
				c.ReportWord(t.path, a, "the abbreviation %s is not defined", a)
			}
		}
	}
}

// abbreviations returns the words in s that look like abbreviations: two
// or more capital letters, optionally followed by digits (HSN, LSO2).
// Placeholders, Roman numerals, ordinary words in capitals (INTE) and
// company forms (AB) are skipped.
func abbreviations(s string) []string {
	var out []string
	for ws := (words{s: s}); ws.scan(); {
		if w := ws.word; isAbbrev(w) && len(placeholdersIn(w)) == 0 && !roman(w) && !notAbbreviation(w) {
			out = append(out, w)
		}
	}
	return out
}

func isAbbrev(w string) bool {
	letters := 0
	digits := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r) && !digits:
			letters++
		case unicode.IsDigit(r) && letters > 0:
			digits = true
		default:
			return false
		}
	}
	return letters >= 2
}

func roman(w string) bool {
	return strings.Trim(w, "IVXLCDM") == "" && utf8.RuneCountInString(w) <= 4
}

// unusedDefinition reports the document's own definitions that none of its
// texts uses. The glossary is shared, and is not the document's to trim.
func unusedDefinition(c *Context, in load.Input) {
	defs := in.Doc.Base().Definitions
	if len(defs) == 0 {
		return
	}
	var all []string
	for _, t := range c.texts() {
		if !strings.HasPrefix(t.path, "definitioner[") {
			all = append(all, t.s)
		}
	}
	corpus := newCorpus(strings.Join(all, "\n"))
	for i, d := range defs {
		term := strings.TrimSpace(d.Term)
		if term == "" || corpus.uses(term) {
			continue
		}
		c.Report(fmtPath("definitioner[%d].term", i), "the document defines %s, but its text never uses it", term)
	}
}

// corpus is a document's text, searched for each term it defines; its
// lower-case form is made once, when a term first needs it, rather than
// once per term.
type corpus struct {
	s     string
	text  []byte
	lower []byte
}

func newCorpus(s string) *corpus { return &corpus{s: s, text: []byte(s)} }

// uses reports whether a term stands in the text as a word, or as the
// stem of one: BP in BP2, and a term in words in its Swedish inflections
// (Hälsoval in hälsovalet), whatever its case.
func (c *corpus) uses(term string) bool {
	if strings.ToUpper(term) != term {
		if c.lower == nil {
			c.lower = bytes.ToLower(c.text)
		}
		lc, lt := c.lower, []byte(strings.ToLower(term))
		for i := 0; ; {
			j := bytes.Index(lc[i:], lt)
			if j < 0 {
				return false
			}
			if !wordByte(lc, i+j-1) {
				return true
			}
			i += j + 1
		}
	}
	if find(c.text, 0, term) >= 0 {
		return true
	}
	for w := (words{s: c.s}); w.scan(); {
		if strings.TrimRightFunc(w.word, unicode.IsDigit) == term {
			return true
		}
	}
	return false
}

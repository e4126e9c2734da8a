package lint

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// A known name: a person in the registry, or a name written in a person
// field of the document.
type known struct {
	name  string
	where string // "the people registry (personer.yaml)", "handläggare"
}

// knownNames is knownNames of the document, made once for its rules.
func (c *Context) knownNames(in load.Input) []known {
	if c.cache == nil {
		return knownNames(in)
	}
	if !c.cache.namesOK {
		c.cache.names, c.cache.namesOK = knownNames(in), true
	}
	return c.cache.names
}

// knownNames lists the registry's names, then the names the document
// writes in its person fields, each once.
func knownNames(in load.Input) []known {
	var out []known
	seen := map[string]bool{}
	add := func(name, where string) {
		name = singleSpaced(name)
		if strings.IndexByte(name, ' ') < 0 || seen[name] {
			return
		}
		seen[name] = true
		out = append(out, known{name, where})
	}
	if reg := in.Registries; reg != nil && reg.People != nil {
		where := "the people registry"
		if reg.People.Source != nil {
			where += " (" + reg.People.Source.Path + ")"
		}
		for _, e := range reg.People.Entries {
			add(e.Name, where)
		}
	}
	for _, p := range model.PeopleOf(in.Doc) {
		if p.Person.ID == "" {
			add(p.Person.Name, p.Path)
		}
	}
	return out
}

// nameNearMiss finds names that are spelled almost like a known name: in
// the person fields, and in the running text, where a name is a run of
// capitalised words as long as the known name.
func nameNearMiss(c *Context, in load.Input) {
	names := c.knownNames(in)
	if len(names) == 0 {
		return
	}
	reported := map[string]bool{}
	checked := map[[2]string]bool{} // (self, candidate) pairs already compared
	words := make([][]string, len(names))
	var lengths []int // the word counts of the known names, each once
	for i, k := range names {
		words[i] = strings.Fields(k.name)
		if !slices.Contains(lengths, len(words[i])) {
			lengths = append(lengths, len(words[i]))
		}
	}
	// A misspelt name has one word in common with the name it is close to,
	// at the same place (nearNameBy): a candidate with none is compared
	// with no name, which is most runs of capitalised words in the text.
	type placed struct {
		at   int
		word string
	}
	inNames := map[placed]bool{}
	for _, ws := range words {
		for i, w := range ws {
			inNames[placed{i, w}] = true
		}
	}
	shares := func(cw []string) bool {
		for i, w := range cw {
			if inNames[placed{i, w}] {
				return true
			}
		}
		return false
	}
	keys := map[string]string{}
	key := func(w string) string {
		k, ok := keys[w]
		if !ok {
			k = nameKey(w)
			keys[w] = k
		}
		return k
	}
	// check compares a name written at path with every known name but
	// its own entry (self, the person field it was written in; "" for
	// running text): the same as one of them is right, close to one is
	// not.
	check := func(path, self, cand string) {
		if reported[cand] || checked[[2]string{self, cand}] {
			return
		}
		checked[[2]string{self, cand}] = true
		for _, k := range names {
			if k.where != self && k.name == cand {
				return
			}
		}
		cw := strings.Fields(cand)
		if !shares(cw) {
			return
		}
		for i, k := range names {
			if k.where == self || !nearNameBy(cw, words[i], key) {
				continue
			}
			reported[cand] = true
			c.ReportWord(path, cand, "%q is close to %q in %s, but not the same", cand, k.name, k.where)
			return
		}
	}
	for _, p := range model.PeopleOf(in.Doc) {
		if p.Person.ID == "" && p.Person.Name != "" {
			check(p.Path+".namn", p.Path, singleSpaced(p.Person.Name))
		}
	}
	var toks []token // one buffer for every text's tokens
	for _, t := range c.texts() {
		if !t.prose {
			continue
		}
		toks = appendNameTokens(toks[:0], t.s)
		for _, n := range lengths {
			for i := 0; i+n <= len(toks); i++ {
				if run := toks[i : i+n]; consecutive(run) {
					check(t.path, "", joinTokens(run))
				}
			}
		}
	}
}

// singleSpaced is s with its words joined by single spaces, as
// strings.Join(strings.Fields(s), " ") makes it; s itself when it is so
// already, as registry names are.
func singleSpaced(s string) string {
	prevSpace := true
	for i, r := range s {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) || i == len(s)-1 && space {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace { // empty
		return ""
	}
	return s
}

// A token is a word of running text and where it ends, so that runs of
// words can be told from words apart (across a comma, a parenthesis).
type token struct {
	word      string
	sepBefore string // what stands between the previous token and this one
}

// nameTokens splits s into tokens; each word and what stands before it
// are substrings of s.
func nameTokens(s string) []token { return appendNameTokens(nil, s) }

// appendNameTokens appends the tokens of s to out.
func appendNameTokens(out []token, s string) []token {
	start, prevEnd := -1, 0 // start of the word being read, -1 between words
	for i, r := range s {
		if unicode.IsLetter(r) || r == '-' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, token{s[start:i], s[prevEnd:start]})
			prevEnd, start = i, -1
		}
	}
	if start >= 0 {
		out = append(out, token{s[start:], s[prevEnd:start]})
	}
	return out
}

// consecutive reports whether a run of tokens reads as one name: each
// capitalised (or a one-letter initial), separated by spaces only.
func consecutive(run []token) bool {
	for i, t := range run {
		if !nameLike(t.word) {
			return false
		}
		if i > 0 && strings.TrimSpace(t.sepBefore) != "" {
			return false
		}
	}
	return true
}

func nameLike(w string) bool {
	first, n := utf8.DecodeRuneInString(w)
	if n == 0 || !unicode.IsUpper(first) {
		return false
	}
	for _, r := range w[n:] {
		if unicode.IsUpper(r) {
			return false // an abbreviation (HSN), not a name
		}
	}
	return true
}

func joinTokens(run []token) string {
	ws := make([]string, len(run))
	for i, t := range run {
		ws[i] = t.word
	}
	return strings.Join(ws, " ")
}

// nearNameBy reports whether a is a misspelling of b: not the same, but with
// one name in common and the other within a letter of it, once both are
// spelled the Swedish way that sounds the same (Frohm/From,
// Carlsson/Karlsson, Zemrén/Semren).
func nearNameBy(wa, wb []string, key func(string) string) bool {
	if len(wa) != len(wb) || slices.Equal(wa, wb) {
		return false
	}
	same, near := 0, 0
	for i := range wa {
		switch {
		case wa[i] == wb[i]:
			same++
		case len([]rune(wa[i])) > 1 && len([]rune(wb[i])) > 1 && closeKeys(key(wa[i]), key(wb[i])):
			near++
		default:
			return false
		}
	}
	return same > 0 && near > 0
}

// closeKeys reports whether two name keys are one sound or one edit apart.
func closeKeys(ka, kb string) bool {
	if ka == kb {
		return true
	}
	limit := 1
	if min(len([]rune(ka)), len([]rune(kb))) < 4 {
		return false
	}
	return diag.Distance(ka, kb) <= limit
}

// digraphs and letters are nameKey's spellings of one sound, made once:
// a strings.Replacer builds its tables on first use, which cost more than
// the replacing, and is safe for concurrent use once built.
var (
	digraphs = strings.NewReplacer("ph", "f", "th", "t", "ch", "k", "ck", "k", "qu", "kv", "dt", "t")
	letters  = strings.NewReplacer("c", "k", "w", "v", "z", "s", "q", "k", "x", "ks")
)

// nameKey spells a name as it sounds in Swedish: lower case without
// diacritics, with the spellings of one sound made one (c/k, w/v, z/s,
// ph/f, th/t, a silent h) and double letters single.
func nameKey(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	s = b.String()
	s = digraphs.Replace(s)
	s = letters.Replace(s)
	rs := []rune(s)
	var out []rune
	for i, r := range rs {
		if r == 'h' && i > 0 {
			continue // Frohm, Ahlberg, Dahl: the h is not heard
		}
		if len(out) > 0 && out[len(out)-1] == r {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// roleWithoutPerson reports the roles someone must hold (the commission's
// owner and leader, a memo's case officer) that are written but name no
// one: no person, and no name in their text.
func roleWithoutPerson(c *Context, in load.Input) {
	names := c.knownNames(in)
	if s, ok := in.Doc.(model.Staffed); ok {
		for _, r := range s.HeldRoles() {
			if _, written := c.src.Positions[r.Path]; !written || len(r.Role.People) > 0 {
				continue
			}
			if !namesSomeone(string(r.Role.Text), names) {
				c.Report(r.Path, "the role %s names no person", strings.TrimPrefix(r.Path, "organisation."))
			}
		}
	}
	if o, ok := in.Doc.(model.Officered); ok {
		p := o.Officer()
		if _, written := c.src.Positions["handläggare"]; written && p.ID == "" && strings.TrimSpace(p.Name) == "" {
			c.Report("handläggare", "the case officer (handläggare) names no person")
		}
	}
}

// namesSomeone reports whether a role's text names a person: a known name,
// or two capitalised words in a row (a name the registry does not have).
func namesSomeone(s string, names []known) bool {
	spaced := singleSpaced(s)
	for _, k := range names {
		if strings.Contains(spaced, k.name) {
			return true
		}
	}
	toks := nameTokens(s)
	for i := 0; i+1 < len(toks); i++ {
		if consecutive(toks[i : i+2]) {
			return true
		}
	}
	return false
}

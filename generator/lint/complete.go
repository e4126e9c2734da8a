package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// required lists the fields a document must have: its kind's, then its
// organisation's, each once.
func required(c *Context, in load.Input) (paths []string, fromProfile map[string]bool) {
	fromProfile = map[string]bool{}
	seen := map[string]bool{}
	var k model.Kind
	if in.Kind != nil {
		k = in.Kind.Name
		for _, p := range in.Kind.Requires {
			if !seen[p] {
				seen[p] = true
				paths = append(paths, p)
			}
		}
	}
	for _, p := range c.cfg.required[k] {
		if !seen[p] {
			seen[p] = true
			fromProfile[p] = true
			paths = append(paths, p)
		}
	}
	return paths, fromProfile
}

func kindName(in load.Input) string {
	if in.Kind != nil {
		return string(in.Kind.Name)
	}
	return string(in.Doc.Base().Type)
}

func requiredField(c *Context, in load.Input) {
	paths, fromProfile := required(c, in)
	for _, p := range paths {
		v, ok := field(in.Doc, p)
		if !ok || !blank(v) {
			continue // a field the kind does not have is reported by Profile
		}
		why := "a " + kindName(in) + " must have it before it goes to a committee"
		if fromProfile[p] {
			why = "the organisation requires it of every " + kindName(in) + " (granskning.kräver in " + model.OrganisationFile + ")"
		}
		if _, written := c.src.Positions[p]; written {
			c.Report(p, "%s is empty; %s", p, why)
		} else {
			c.Report(p, "required field %s is missing; %s", p, why)
		}
	}
	// The loader reports a required key that is left out; one that is
	// written with no text in it is this rule's.
	for _, t := range c.allTexts() {
		if t.req && t.prose && blankText(t.s) && !contains(paths, t.path) {
			if _, written := c.src.Positions[t.path]; written {
				c.Report(t.path, "%s is empty; a %s must have it", t.path, kindName(in))
			}
		}
	}
}

func emptySection(c *Context, in load.Input) {
	paths, _ := required(c, in)
	for _, t := range c.allTexts() {
		if !t.prose || t.req || !blankText(t.s) || contains(paths, t.path) {
			continue
		}
		if _, written := c.src.Positions[t.path]; written {
			c.Report(t.path, "%s is written but holds no text", t.path)
		}
	}
}

// unfinishedText checks the required texts and the text that ends the
// file: a file cut off in the middle of a text still loads, and the cut
// is seen only as a sentence that stops.
func unfinishedText(c *Context, in load.Input) {
	paths, _ := required(c, in)
	all := c.texts()
	var last *text
	var lastPos model.Pos
	for i := range all {
		p := c.src.Pos(all[i].path)
		if p.Line > lastPos.Line || (p.Line == lastPos.Line && p.Col > lastPos.Col) {
			last, lastPos = &all[i], p
		}
	}
	for i := range all {
		t := &all[i]
		if !t.prose || !(t.req || contains(paths, t.path) || t == last) {
			continue
		}
		line, ok := unfinished(t.s)
		if !ok {
			continue
		}
		// At the last word, where the sentence stops.
		ws := strings.Fields(line)
		skip := len(line) - len(ws[len(ws)-1])
		if t == last {
			c.reportIn(t.path, line, skip, "%s ends mid-sentence (%q), and it ends the file: was the file cut off?", t.path, tail(line))
		} else {
			c.reportIn(t.path, line, skip, "%s ends mid-sentence (%q)", t.path, tail(line))
		}
	}
}

// unfinished reports whether a Markdown text's last paragraph stops
// without final punctuation, and returns that paragraph's last line. A
// list, a table, a heading or a code block may end without it.
func unfinished(s string) (string, bool) {
	lines := strings.Split(strings.TrimRightFunc(s, unicode.IsSpace), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	if last == "" {
		return "", false
	}
	first := len(lines) - 1
	for first > 0 && strings.TrimSpace(lines[first-1]) != "" {
		first--
	}
	if structured(strings.TrimSpace(lines[first])) || structured(last) {
		return "", false
	}
	// A short phrase (Inom befintliga ramar, Uppdragsägaren) is not a
	// sentence and needs no full stop; running text is a paragraph of
	// more than one line, of several sentences, or of many words.
	para := strings.Join(lines[first:], " ")
	if first == len(lines)-1 && !strings.ContainsAny(para, ".!?") && len(strings.Fields(para)) < 8 {
		return "", false
	}
	end := strings.TrimRight(last, `)]"'”’»*_`)
	if end == "" || notice(end) {
		return "", false
	}
	r := []rune(end)
	if strings.ContainsRune(".!?:;…", r[len(r)-1]) {
		return "", false
	}
	return last, true
}

// notice reports whether a line is a notice rather than a sentence: it
// ends in an id, a code or a number (a signing notice's transaction id,
// a case number, a date), or it is a short label and its value
// ("Transaktions-ID: 09222115557512345678", "Signerat av: Anna Ek"). A
// sentence cut off in the middle ends in a word.
func notice(line string) bool {
	ws := strings.Fields(line)
	if len(ws) == 0 {
		return false
	}
	if strings.ContainsFunc(ws[len(ws)-1], unicode.IsDigit) {
		return true
	}
	// A label of a few words, and a value of a few that does not go on
	// as a sentence would ("Beslut: att anta planen och" is cut off).
	i := strings.LastIndex(line, ": ")
	if i < 0 {
		return false
	}
	label, value := line[:i], line[i+2:]
	if j := strings.LastIndexAny(label, ".!?"); j >= 0 {
		label = label[j+1:] // the notice follows a sentence
	}
	vs := strings.Fields(value)
	if len(vs) == 0 || len(vs) > 3 || len(strings.Fields(label)) > 4 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(vs[0])
	return !unicode.IsLower(first)
}

// structured reports whether a Markdown line starts a list item, a
// heading, a table row, a quote or a code fence.
func structured(line string) bool {
	for _, p := range []string{"- ", "* ", "+ ", "#", "|", ">", "```", "~~~", `\+`} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')')
}

// tail is the last few words of a line, for a message.
func tail(line string) string {
	ws := strings.Fields(line)
	if len(ws) > 5 {
		return "… " + strings.Join(ws[len(ws)-5:], " ")
	}
	return line
}

// Package seedcheck proves that the example data in data/ holds every
// sentence of the two real documents it was transcribed from (the seeds in
// ../shared/seeds/), in the seeds' order.
//
// A seed is plain text extracted from a PDF: it has lost its layout and kept
// some artefacts of it. Fragments turns a seed into the list of sentences and
// table cells it is made of, after removing what is only an artefact (a
// private-use bullet glyph, a page header that leaked into the text, heading
// numbers). A Spec then says, for one seed, which fragments the templates
// draw rather than the data (headings, column heads, role labels) and which
// artefacts need a reviewed rewrite (dates the author wrote as 241118, a table
// row split by a page break). Check finds each remaining fragment, in order,
// in the string values of the YAML file.
//
// The comparison normalises only what cannot carry meaning: whitespace,
// Unicode normal form, the shape of quotation marks and Markdown's
// backslash escapes. Words, punctuation and spelling must match exactly.
package seedcheck

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// Fix is a reviewed rewrite of a seed's fragment list, applied to the
// fragments joined by newlines. Old must occur exactly once, so that a
// changed seed makes the fix fail loudly instead of silently doing nothing.
type Fix struct {
	Old, New string
	Why      string
}

// Problem is a seed fragment that the data does not hold where it should.
type Problem struct {
	Index    int    // position in the fragment list
	Fragment string // the fragment, normalised
	// OutOfOrder is true when the fragment is in the data, but only before
	// the fragment that precedes it in the seed.
	OutOfOrder bool
}

func (p Problem) String() string {
	if p.OutOfOrder {
		return fmt.Sprintf("fragment %d is in the data, but out of order: %q", p.Index, p.Fragment)
	}
	return fmt.Sprintf("fragment %d is missing from the data: %q", p.Index, p.Fragment)
}

var (
	// pageHeader is the page number of a leaked running header: "2 (2)".
	pageHeader = regexp.MustCompile(`^\d+ \(\d+\)$`)
	isoDate    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	// headingNumber is a heading's number, "1. ", "2.1. " or "10." before
	// the heading's first letter.
	headingNumber = regexp.MustCompile(`^\d+(?:\.\d+)*\.\s*(\pL)`)
	// sentenceEnd is punctuation that ends a sentence or a clause the seed
	// breaks on, followed by a space.
	sentenceEnd = regexp.MustCompile(`[.;:!?] `)
)

// kinds are the document kinds a leaked running header names.
var kinds = map[string]bool{"Uppdragsdirektiv": true, "Tjänsteskrivelse": true, "Statusrapport": true}

// line is one line of a seed with what its start says about structure.
type line struct {
	text    string
	start   bool // starts a new block: a bullet, an indented line
	heading bool // a numbered heading: a block of its own
}

// Fragments splits a seed text into its sentences and cells, in order. It
// removes private-use characters (the bullet glyph of the PDF's symbol
// font), leaked page headers ("2 (2)" with the document kind and date that
// follow it) and heading numbers; joins lines broken by the layout; and
// splits at blank lines, bullets and the ends of sentences. A line that is
// exactly one of the labels (an unnumbered heading such as "Sammanfattning")
// is a fragment of its own. Each fragment is normalised as by Normalize,
// without leading list markers.
func Fragments(seed string, labels []string) []string {
	isLabel := map[string]bool{}
	for _, l := range labels {
		isLabel[Normalize(l)] = true
	}
	raw := strings.Split(strings.ReplaceAll(norm.NFC.String(seed), "\r\n", "\n"), "\n")
	var lines []line
	for i := 0; i < len(raw); i++ {
		s := raw[i]
		glyph := strings.IndexFunc(s, isPrivateUse) >= 0
		s = strings.Map(func(r rune) rune {
			if isPrivateUse(r) {
				return -1
			}
			return r
		}, s)
		t := strings.TrimSpace(s)
		if pageHeader.MatchString(t) {
			i = skipHeader(raw, i)
			continue
		}
		l := line{text: t}
		l.start = glyph || (t != "" && t != s && s[0] == ' ') ||
			strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "+ ")
		if m := headingNumber.FindStringSubmatchIndex(t); m != nil {
			l.text = t[m[2]:]
			l.heading = true
		}
		l.heading = l.heading || isLabel[Normalize(t)]
		lines = append(lines, l)
	}

	var blocks []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, " "))
			cur = nil
		}
	}
	blank, afterHeading := false, false
	for _, l := range lines {
		switch {
		case l.text == "":
			flush()
			blank = true
			continue
		case l.heading:
			flush()
			blocks = append(blocks, l.text)
			afterHeading = true
			blank = false
			continue
		case blank && !l.start && !afterHeading && startsLower(l.text) && len(blocks) > 0:
			// A line that goes on in lower case after a blank line
			// continues the block before it: the layout broke a bullet
			// or a cell over a column or page.
			cur = append(cur, blocks[len(blocks)-1], l.text)
			blocks = blocks[:len(blocks)-1]
		default:
			if l.start {
				flush()
			}
			cur = append(cur, l.text)
		}
		blank, afterHeading = false, false
	}
	flush()

	var out []string
	for _, b := range blocks {
		for _, s := range splitSentences(Normalize(b)) {
			s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "- "), "• "))
			if s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// skipHeader returns the index of the last line of the leaked running header
// that starts at i: the page number, then (past blank lines) the document
// kind and the date, when they are there.
func skipHeader(raw []string, i int) int {
	last := i
	for j, n := i+1, 0; j < len(raw) && n < 2; j++ {
		t := strings.TrimSpace(raw[j])
		switch {
		case t == "":
			continue
		case kinds[t] || isoDate.MatchString(t):
			last, n = j, n+1
			continue
		}
		break
	}
	return last
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func isPrivateUse(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }

func splitSentences(s string) []string {
	var out []string
	for {
		loc := sentenceEnd.FindStringIndex(s)
		if loc == nil {
			return append(out, s)
		}
		out = append(out, s[:loc[0]+1])
		s = s[loc[1]:]
	}
}

// ApplyFixes applies the fixes in order to the fragments joined by newlines
// and splits the result again. A fix whose Old does not occur exactly once
// is an error.
func ApplyFixes(frags []string, fixes []Fix) ([]string, error) {
	text := strings.Join(frags, "\n")
	for _, f := range fixes {
		if n := strings.Count(text, f.Old); n != 1 {
			return nil, fmt.Errorf("fix %q (%s): found %d times in the seed, want exactly once", f.Old, f.Why, n)
		}
		text = strings.Replace(text, f.Old, f.New, 1)
	}
	var out []string
	for _, s := range strings.Split(text, "\n") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

// DropLabels removes the fragments that are exactly one of the labels (the
// headings and column heads a template draws) and returns what is left and
// what was removed.
func DropLabels(frags, labels []string) (kept, dropped []string) {
	set := map[string]bool{}
	for _, l := range labels {
		set[Normalize(l)] = true
	}
	for _, f := range frags {
		if set[f] {
			dropped = append(dropped, f)
		} else {
			kept = append(kept, f)
		}
	}
	return kept, dropped
}

// Scalars returns the scalar values of a YAML document in document order:
// the values of mappings, not their keys. Aliases are followed.
func Scalars(data []byte) ([]string, error) {
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		return nil, fmt.Errorf("decode YAML: %w", err)
	}
	var out []string
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > 100 {
			return
		}
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, depth+1)
			}
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				walk(n.Content[i], depth+1)
			}
		case yaml.AliasNode:
			walk(n.Alias, depth+1)
		case yaml.ScalarNode:
			out = append(out, n.Value)
		}
	}
	walk(&root, 0)
	return out, nil
}

// quotes maps typographic quotation marks to plain ones.
var quotes = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "″", `"`, "‘", "'", "’", "'", "‚", "'")

// markdownEscape is a Markdown backslash escape of ASCII punctuation.
var markdownEscape = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")

// softBreak is a soft hyphen and the line break after it: where our PDF
// hyphenated a word, its text layer holds U+00AD at the end of the line.
var softBreak = regexp.MustCompile(`\x{00AD}\s*`)

// hyphenBreak is a hyphen between a lower-case letter and a space and a
// lower-case letter: what LibreOffice's PDF holds where it hyphenated a
// word ("primär-\nvård"), and also a data's own suspended compound
// ("hälso- och"). Check drops it from both the fragment and the text
// alike, so that the two read the same.
var hyphenBreak = regexp.MustCompile(`(\p{Ll})- (\p{Ll})`)

// Normalize prepares text for comparison: Unicode NFC, plain quotation
// marks, Markdown backslash escapes removed, words our PDF hyphenated at a
// line end (U+00AD) joined again, and every run of whitespace a single
// space.
func Normalize(s string) string {
	s = softBreak.ReplaceAllString(s, "")
	s = norm.NFC.String(s)
	s = quotes.Replace(s)
	s = markdownEscape.ReplaceAllString(s, "$1")
	return strings.Join(strings.Fields(s), " ")
}

// Corpus joins scalar values into the normalised text fragments are looked
// for in.
func Corpus(values []string) string {
	return Normalize(strings.Join(values, "\n"))
}

// Check looks for each fragment in the corpus, in order: each must occur,
// as whole words, after the previous fragment found. It returns the
// fragments that do not, each marked as missing or out of order; a missing
// fragment does not move the position, so one problem does not hide the
// fragments after it.
//
// A hyphen at the end of a line in the text (hyphenBreak) is dropped, from
// the text and from the fragments alike.
func Check(frags []string, corpus string) []Problem {
	var probs []Problem
	pos := 0
	corpus = hyphenBreak.ReplaceAllString(corpus, "$1$2")
	for i, f := range frags {
		f = Normalize(f)
		if f == "" {
			continue
		}
		g := hyphenBreak.ReplaceAllString(f, "$1$2")
		if at := find(corpus, g, pos); at >= 0 {
			pos = at + len(g)
			continue
		}
		probs = append(probs, Problem{Index: i, Fragment: f, OutOfOrder: find(corpus, g, 0) >= 0})
	}
	return probs
}

// find returns the first index at or after from where f occurs in s with a
// word boundary on each side, or -1.
func find(s, f string, from int) int {
	for from <= len(s) {
		i := strings.Index(s[from:], f)
		if i < 0 {
			return -1
		}
		at := from + i
		if boundary(s, at, f) {
			return at
		}
		from = at + 1
	}
	return -1
}

// boundary reports whether f, found at s[at:], starts and ends on word
// boundaries: a letter or digit at an end of f must not continue into s.
func boundary(s string, at int, f string) bool {
	first, _ := utf8.DecodeRuneInString(f)
	last, _ := utf8.DecodeLastRuneInString(f)
	if word(first) && at > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:at]); word(r) {
			return false
		}
	}
	if end := at + len(f); word(last) && end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); word(r) {
			return false
		}
	}
	return true
}

func word(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

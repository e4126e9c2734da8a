package compose

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"

	"github.com/underlag/underlag/generator/doc"
)

// fnDefinitions is `definitioner`: the definitions list, filled in after
// the rest of the document is composed, since it holds the glossary
// entries the document's text uses. Until then it is an empty table, which
// adds no text to what the glossary terms are looked for in.
func (r *run) fnDefinitions() safe {
	if r.defs != nil {
		return "" // one list a document
	}
	r.defs = &doc.Table{}
	return r.place(r.defs)
}

// fillDefinitions fills the deferred definitions table with the union of
// the document's own definitions and the glossary entries whose term
// occurs as a whole word in the document, sorted in Swedish order, drawn
// as doc.DefinitionTable draws them in every format. An empty list is
// removed, and its heading with it when nothing else is in that section.
func (r *run) fillDefinitions(d *doc.Document, blocks []doc.Block) []doc.Block {
	if r.defs == nil {
		return blocks
	}
	items := map[string]doc.Definition{}
	for _, def := range r.base.Definitions {
		t := strings.TrimSpace(def.Term)
		if t == "" {
			continue
		}
		items[t] = doc.Definition{Term: t, Definition: r.markdownInline(def.Explanation)}
	}
	if r.in.Registries != nil && r.in.Registries.Glossary != nil {
		text := documentText(d.Meta.Title, blocks)
		for _, e := range r.in.Registries.Glossary.Entries {
			t := strings.TrimSpace(e.Term)
			if _, own := items[t]; own || t == "" {
				continue
			}
			if containsWord(text, t) {
				items[t] = doc.Definition{Term: t, Definition: r.markdownInline(e.Explanation)}
			}
		}
	}
	if len(items) > 0 {
		sorted := make([]doc.Definition, 0, len(items))
		for _, it := range items {
			sorted = append(sorted, it)
		}
		col := r.c.collators.Get().(*collate.Collator)
		sort.Slice(sorted, func(i, j int) bool {
			a, b := sorted[i].Term, sorted[j].Term
			if c := col.CompareString(a, b); c != 0 {
				return c < 0
			}
			return a < b
		})
		r.c.collators.Put(col)
		*r.defs = *doc.DefinitionTable(r.lbl("begrepp"), r.lbl("förklaring"), sorted)
		return blocks
	}
	out := blocks[:0]
	for _, b := range blocks {
		if b != doc.Block(r.defs) {
			out = append(out, b)
		}
	}
	return out
}

// SortSwedish sorts strings in Swedish order: å, ä, ö after z.
func (c *Composer) SortSwedish(s []string) {
	col := c.collators.Get().(*collate.Collator)
	col.SortStrings(s)
	c.collators.Put(col)
}

// documentText is all the text of the blocks, one line a paragraph, for
// finding the glossary terms a document uses.
func documentText(title string, blocks []doc.Block) string {
	var b strings.Builder
	b.Grow(8 << 10)
	b.WriteString(title)
	b.WriteByte('\n')
	runs := func(rs []doc.Inline) {
		for _, r := range rs {
			if r.Break {
				b.WriteByte('\n')
			} else {
				b.WriteString(r.Text)
			}
		}
	}
	_ = doc.Walk(blocks, func(n doc.Block, entering bool) (doc.WalkStatus, error) {
		if !entering {
			return doc.WalkContinue, nil
		}
		switch n := n.(type) {
		case *doc.Paragraph:
			runs(n.Text)
		case *doc.Heading:
			runs(n.Text)
		case *doc.Status:
			runs(n.Line)
		}
		b.WriteByte('\n')
		return doc.WalkContinue, nil
	})
	return b.String()
}

// containsWord reports whether term occurs in text as a whole word: not
// preceded or followed by a letter or digit ("HSN" in "HSN:s" and "(HSN)",
// not in "HSNX").
func containsWord(text, term string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], term)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(term)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		i = start + 1
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

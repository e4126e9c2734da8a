package compose

import (
	"github.com/underlag/underlag/generator/diag"
	"sort"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// insertExtra places the document's extra sections (extra_avsnitt): after
// the section whose key `efter` names or before the one `före` names, at
// that section's level and numbered like it, or, with neither, after the
// last section before the definitions and signatures.
func (r *run) insertExtra(blocks []doc.Block) []doc.Block {
	for i, s := range r.base.Extra {
		path := "extra_avsnitt[" + strconv.Itoa(i) + "]"
		after, before := strings.TrimSpace(s.After), strings.TrimSpace(s.Before)
		level, numbered, at := 1, r.numbered, -1
		if after != "" && before != "" {
			r.errorf(path+".före", "give efter or före, not both")
			continue
		}
		if before != "" {
			sp, ok := r.findSection(blocks, before)
			if !ok {
				r.sectionProblem(func(m string) { r.errorf(path+".före", "%s", m) }, blocks, before, "place this section before")
				continue
			}
			h := blocks[sp.start].(*doc.Heading)
			level, numbered = max(h.Level, 1), h.Numbered
			ins := r.sectionBlocks(s, level, numbered)
			blocks = append(blocks[:sp.start], append(ins, blocks[sp.start:]...)...)
			continue
		}
		if after == "" {
			at = len(blocks)
			for j, b := range blocks {
				if h, ok := b.(*doc.Heading); ok && r.keys[h] == "definitioner" {
					at = j
					break
				}
				if _, ok := b.(*doc.Signatures); ok {
					at = j
					break
				}
			}
		} else {
			idx := -1
			for j, b := range blocks {
				if h, ok := b.(*doc.Heading); ok && r.keys[h] == after {
					idx = j
					break
				}
			}
			if idx < 0 {
				keys := r.sectionKeys(blocks)
				if c := diag.Closest(after, keys); c != "" {
					r.errorf(path+".efter", "no section %q to place this section after; did you mean %q?", after, c)
				} else {
					r.errorf(path+".efter", "no section %q to place this section after; valid keys: %s", after, strings.Join(keys, ", "))
				}
				continue
			}
			h := blocks[idx].(*doc.Heading)
			level, numbered = max(h.Level, 1), h.Numbered
			at = sectionEnd(blocks, idx)
		}
		ins := r.sectionBlocks(s, level, numbered)
		blocks = append(blocks[:at], append(ins, blocks[at:]...)...)
	}
	return blocks
}

// sectionEnd is the index after the section that starts with the heading
// at idx: the next heading of the same or a higher level, a signature
// block, or the end.
func sectionEnd(blocks []doc.Block, idx int) int {
	lvl := blocks[idx].(*doc.Heading).Level
	for j := idx + 1; j < len(blocks); j++ {
		switch b := blocks[j].(type) {
		case *doc.Heading:
			if b.Level <= lvl {
				return j
			}
		case *doc.Signatures:
			return j
		}
	}
	return len(blocks)
}

func (r *run) sectionBlocks(s model.Section, level int, numbered bool) []doc.Block {
	if level > 3 {
		level = 3
	}
	if s.Numbered != nil {
		numbered = *s.Numbered
	}
	h := &doc.Heading{Level: level, Numbered: numbered, Text: []doc.Inline{doc.Text(strings.TrimSpace(s.Heading))}}
	if s.ID != "" {
		r.keys[h] = s.ID
	}
	out := []doc.Block{h}
	out = append(out, r.markdownBlocks(string(s.Text))...)
	for _, sub := range s.Sections {
		out = append(out, r.sectionBlocks(sub, level+1, numbered)...)
	}
	return out
}

// sectionKeys lists the keys extra sections can name, for messages.
func (r *run) sectionKeys(blocks []doc.Block) []string {
	var out []string
	for _, b := range blocks {
		if h, ok := b.(*doc.Heading); ok && r.keys[h] != "" {
			out = append(out, r.keys[h])
		}
	}
	sort.Strings(out)
	return out
}

// dropEmptySections removes headings with nothing under them: optional
// sections the data leaves out, and a heading whose subsections are all
// empty. Working from the end removes subsections before their parent is
// judged. Level 0 (the title) always stays.
func dropEmptySections(blocks []doc.Block) []doc.Block {
	for i := len(blocks) - 1; i >= 0; i-- {
		h, ok := blocks[i].(*doc.Heading)
		if !ok || h.Level < 1 {
			continue
		}
		empty := i+1 == len(blocks)
		if !empty {
			switch n := blocks[i+1].(type) {
			case *doc.Heading:
				empty = n.Level <= h.Level
			case *doc.Signatures:
				empty = true
			}
		}
		if empty {
			blocks = append(blocks[:i], blocks[i+1:]...)
		}
	}
	return blocks
}

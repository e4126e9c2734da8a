package compose

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// Sections are arranged after the template is executed: first the
// organisation's and then the document's ordning, then the extra sections
// are placed against that order, and then utelämna (left out) applies. A
// section is a keyed heading (`rubrik "key"` in the template, or an extra
// section's id) with everything up to the next heading of its level or
// higher.

// span is a section's blocks, [start, end).
type span struct{ start, end int }

// findSection returns the span of the section with the key.
func (r *run) findSection(blocks []doc.Block, key string) (span, bool) {
	for i, b := range blocks {
		if h, ok := b.(*doc.Heading); ok && r.keys[h] == key {
			return span{i, sectionEnd(blocks, i)}, true
		}
	}
	return span{}, false
}

// sectionProblem reports a key that names no section, with a did-you-mean.
func (r *run) sectionProblem(report func(msg string), blocks []doc.Block, key, what string) {
	keys := r.sectionKeys(blocks)
	if c := diag.Closest(key, keys); c != "" {
		report(fmt.Sprintf("no section %q to %s; did you mean %q?", key, what, c))
		return
	}
	report(fmt.Sprintf("no section %q to %s; valid keys: %s", key, what, strings.Join(keys, ", ")))
}

// arrangement is one list of section keys to leave out or put in order,
// from the profile or the document, with where to report a bad key.
type arrangement struct {
	order  bool // ordning; else utelämna
	keys   []string
	report func(i int, msg string)
}

// arrangements are utelämna and ordning from the organisation profile
// (for this document's kind) and then from the document: every omission,
// then every order; arrangeWithExtras decides when each applies.
func (r *run) arrangements() []arrangement {
	kindName := string(r.in.Kind.Name)
	orgReport := func(field string) func(i int, msg string) {
		return func(i int, msg string) {
			path := fmt.Sprintf("%s.%s[%d]", field, kindName, i)
			d := diag.Diagnostic{Path: path, Msg: msg}
			if r.org != nil && r.org.Source != nil {
				p := r.org.Source.Pos(path)
				d.File, d.Line, d.Col = r.org.Source.Path, p.Line, p.Col
			}
			r.diags.Add(d)
		}
	}
	docReport := func(field string) func(i int, msg string) {
		return func(i int, msg string) { r.errorf(fmt.Sprintf("%s[%d]", field, i), "%s", msg) }
	}
	var out []arrangement
	if r.org != nil {
		out = append(out, arrangement{false, r.org.Omit[kindName], orgReport("utelämna")})
	}
	out = append(out, arrangement{false, r.base.Omit, docReport("utelämna")})
	if r.org != nil {
		out = append(out, arrangement{true, r.org.Order[kindName], orgReport("ordning")})
	}
	return append(out, arrangement{true, r.base.Order, docReport("ordning")})
}

// arrangeWithExtras puts the sections in the profile's and the
// document's ordning, places the extra sections against the result (so
// that `efter: förslag_till_beslut` follows that section wherever the
// profile's ordning put it), and then leaves out what utelämna names (so
// that an extra section placed after a left-out section keeps its place).
// An ordning that names an extra section's id applies after the extra
// sections are placed, since only then is there such a section.
func (r *run) arrangeWithExtras(blocks []doc.Block) []doc.Block {
	ids := map[string]bool{}
	var collect func(ss []model.Section)
	collect = func(ss []model.Section) {
		for _, s := range ss {
			if s.ID != "" {
				ids[s.ID] = true
			}
			collect(s.Sections)
		}
	}
	collect(r.base.Extra)
	var later, omits []arrangement
	for _, a := range r.arrangements() {
		switch {
		case !a.order:
			omits = append(omits, a)
		case slices.ContainsFunc(a.keys, func(k string) bool { return ids[k] }):
			later = append(later, a)
		default:
			blocks = r.apply(blocks, a)
		}
	}
	blocks = r.insertExtra(blocks)
	for _, a := range later {
		blocks = r.apply(blocks, a)
	}
	for _, a := range omits {
		blocks = r.apply(blocks, a)
	}
	return blocks
}

// apply leaves out or orders the sections of one list.
func (r *run) apply(blocks []doc.Block, a arrangement) []doc.Block {
	if a.order {
		return r.reorder(blocks, a.keys, a.report)
	}
	for i, key := range a.keys {
		sp, ok := r.findSection(blocks, key)
		if !ok {
			r.sectionProblem(func(m string) { a.report(i, m) }, blocks, key, "leave out")
			continue
		}
		blocks = append(blocks[:sp.start], blocks[sp.end:]...)
	}
	return blocks
}

// reorder puts the named sections in the given order, in the places they
// held between them: [förslag_till_beslut, sammanfattning] swaps the two
// and leaves every other section where it was.
func (r *run) reorder(blocks []doc.Block, keys []string, report func(i int, msg string)) []doc.Block {
	var spans []span
	var names []string
	for i, key := range keys {
		sp, ok := r.findSection(blocks, key)
		if !ok {
			r.sectionProblem(func(m string) { report(i, m) }, blocks, key, "put in order")
			return blocks
		}
		if slices.Contains(names, key) {
			report(i, fmt.Sprintf("section %q is named twice", key))
			return blocks
		}
		if len(spans) > 0 && blocks[sp.start].(*doc.Heading).Level != blocks[spans[0].start].(*doc.Heading).Level {
			report(i, fmt.Sprintf("section %q is not at the level of %q; order sections of one level", key, names[0]))
			return blocks
		}
		for j, o := range spans {
			if sp.start < o.end && o.start < sp.end {
				report(i, fmt.Sprintf("section %q and %q overlap (one lies inside the other); order sections of one level", key, names[j]))
				return blocks
			}
		}
		spans = append(spans, sp)
		names = append(names, key)
	}
	if len(spans) < 2 {
		return blocks
	}
	slots := slices.Clone(spans)
	sort.Slice(slots, func(a, b int) bool { return slots[a].start < slots[b].start })
	// Walk the slots in document order; slot k receives the k-th section
	// of the wanted order.
	var out []doc.Block
	prev := 0
	for k, slot := range slots {
		out = append(out, blocks[prev:slot.start]...)
		sp := spans[k]
		out = append(out, blocks[sp.start:sp.end]...)
		prev = slot.end
	}
	return append(out, blocks[prev:]...)
}

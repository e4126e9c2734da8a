package compose

import (
	"github.com/yuin/goldmark/text"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// A Markdown field drawn with `underavsnitt` keeps its headings: each
// becomes a subsection of the section the field stands in, one level
// below it for the field's top heading level (# or ##, whichever it uses first), two for the next, numbered when that section
// is. The template still decides the document's own sections; a field
// can only add levels under them, never close them.

// fnSubsections is `underavsnitt .Fält.ärendet`: a Markdown field whose
// headings become subsections.
func (r *run) fnSubsections(v any) safe {
	var s string
	switch v := v.(type) {
	case model.Markdown:
		s = string(v)
	case string:
		s = v
	}
	if len(s) == 0 {
		return ""
	}
	src := []byte(s)
	root := r.c.dataMD.Parser().Parse(text.NewReader(src))
	cv := &converter{src: src, r: r, subsections: true}
	bs := cv.blocks(root)
	// The field's top heading level is one below its section, whether
	// the author wrote # or ##.
	top := 0
	for _, b := range bs {
		if h, ok := b.(*doc.Heading); ok && (top == 0 || h.Level < top) {
			top = h.Level
		}
	}
	for _, b := range bs {
		if h, ok := b.(*doc.Heading); ok {
			h.Level -= top - 1
		}
	}
	return r.place(bs...)
}

// fieldHeading is a field's heading at its relative level, placed by
// nestFieldHeadings.
func (r *run) fieldHeading(level int, runs []doc.Inline) *doc.Heading {
	h := &doc.Heading{Level: level, Text: runs}
	if r.fieldHds == nil {
		r.fieldHds = map[*doc.Heading]bool{}
	}
	r.fieldHds[h] = true
	return h
}

// nestFieldHeadings puts each field heading under the template's heading
// before it: its level added to that heading's (at most 3), numbered
// like it.
func (r *run) nestFieldHeadings(bs []doc.Block) []doc.Block {
	if len(r.fieldHds) == 0 {
		return bs
	}
	level, numbered := 0, false
	for _, b := range bs {
		h, ok := b.(*doc.Heading)
		if !ok {
			continue
		}
		if !r.fieldHds[h] {
			level, numbered = h.Level, h.Numbered
			continue
		}
		h.Level = min(level+h.Level, 3)
		h.Numbered = numbered && h.Level >= 1
	}
	return bs
}

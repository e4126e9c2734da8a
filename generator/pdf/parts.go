package pdf

import (
	"fmt"
	"io"
	"slices"

	"github.com/underlag/underlag/generator/doc"
)

// A packet (a committee's handling: a memo and its numbered attachments) is
// several documents in one file. Rather than merging finished PDFs, which
// would have to merge their structure trees and outlines after the fact,
// the renderer lays each of its own documents out as it always does and
// writes them all through the one writer: one structure tree with a Part
// element per document, one outline, and each document's pages numbered
// and headed as its own ("1 (3)" counts the attachment's pages, not the
// packet's). Foreign PDFs come in page by page (see foreign.go).

// Part is one document of a packet.
type Part struct {
	// Doc is a document this renderer lays out; nil for a foreign one.
	Doc *doc.Document
	// Foreign is a PDF made elsewhere (see OpenForeign).
	Foreign *Foreign
	// Title is the part's own outline entry, with the part's headings
	// under it, such as "Bilaga 1 Uppdragsdirektiv"; "" puts its headings
	// at the top of the outline, as the memo's are. A foreign part's pages
	// are also described by it to a screen reader.
	Title string
	// Stamp is the attachment's mark ("Bilaga 2"). A part of ours gets it
	// first on the right of its running header (and of page one's own
	// header); a foreign part's pages get it at the top right, in a strip
	// their content is scaled to leave free. The Doc itself is not
	// changed: the build shares it with the document's own outputs.
	Stamp string
}

// RenderParts writes the parts as one PDF file and returns its number of
// pages. The file's metadata are the first part's, which must be a
// document of ours; the source data every part of ours embeds are all
// embedded, each once.
func (r *Renderer) RenderParts(w io.Writer, parts []Part) (int, error) {
	if len(parts) == 0 || parts[0].Doc == nil {
		return 0, fmt.Errorf("pdf: a packet starts with a document of its own")
	}
	tree := newTree()
	var all []page
	for i, pt := range parts {
		part := tree.add("Part", 1)
		if pt.Title != "" && part > 0 {
			// The part's title ("Bilaga 1 …") is its outline entry and
			// its mark, which the page draws as an artifact; /T gives
			// it to a screen reader at the start of the part too.
			tree.elems[part].attrs = "/T" + textString(pt.Title)
		}
		switch {
		case pt.Doc != nil:
			pages, t, err := r.layoutMarked(pt.Doc, pt.Stamp)
			if err != nil {
				return 0, err
			}
			for k := range pages {
				// graft renumbers them
				pages[k].ops = slices.Clone(pages[k].ops)
				pages[k].decor = slices.Clone(pages[k].decor)
			}
			if i > 0 {
				if err := r.headerFits(pages, pt.Title); err != nil {
					return 0, err
				}
			}
			graft(tree, t, part, pages)
			if pt.Title != "" {
				// The part's entry ("Bilaga 1 Uppdragsdirektiv …") takes
				// the place of its title's bookmark, which every document
				// has first; its headings stay under it.
				if len(pages[0].marks) > 0 && pages[0].marks[0].level == 1 {
					pages[0].marks[0].text = pt.Title
				} else {
					for k := range pages {
						for m := range pages[k].marks {
							pages[k].marks[m].level++
						}
					}
					pages[0].marks = slices.Insert(pages[0].marks, 0, placedMark{bookmark{text: pt.Title, level: 1}, 0})
				}
			}
			all = append(all, pages...)
		case pt.Foreign != nil:
			all = append(all, r.foreignPages(tree, part, pt)...)
		default:
			return 0, fmt.Errorf("pdf: part %d has neither a document nor a PDF", i+1)
		}
	}
	d := &doc.Document{Meta: parts[0].Doc.Meta, Blocks: parts[0].Doc.Blocks}
	d.Meta.Attachments = nil
	for _, pt := range parts {
		if pt.Doc == nil {
			continue
		}
		for _, a := range pt.Doc.Meta.Attachments {
			if !slices.ContainsFunc(d.Meta.Attachments, func(b doc.Attachment) bool { return b.Name == a.Name }) {
				d.Meta.Attachments = append(d.Meta.Attachments, a)
			}
		}
	}
	if err := r.write(w, d, all, tree); err != nil {
		return 0, err
	}
	return len(all), nil
}

// marked returns the metadata with the mark m first on the right of the
// running header, and of page one's own header when it has one: the
// header of an attachment of ours in a packet.
func marked(m doc.Meta, mark string) doc.Meta {
	if mark == "" {
		return m
	}
	line := doc.Line{{Text: mark, Style: doc.Bold}}
	m.Header.Right = append([]doc.Line{line}, m.Header.Right...)
	if m.HeaderBand != nil {
		m.HeaderBand = m.HeaderBand.WithMark(line)
	}
	if m.First != nil {
		first := *m.First
		first.Header.Right = append([]doc.Line{line}, first.Header.Right...)
		if first.HeaderBand != nil {
			first.HeaderBand = first.HeaderBand.WithMark(line)
		}
		m.First = &first
	}
	return m
}

// graft moves the elements of a part's tree into the packet's tree under
// element part, its Document element becoming part itself, and renumbers
// the pages' operations to match.
func graft(tree, t *structTree, part int, pages []page) {
	off := len(tree.elems) - 2
	to := func(e int) int {
		if e == 1 {
			return part
		}
		return e + off
	}
	for _, k := range t.elems[1].kids {
		tree.elems[part].kids = append(tree.elems[part].kids, kid{elem: int32(to(int(k.elem)))})
	}
	for _, e := range t.elems[2:] {
		e.parent = to(e.parent)
		kids := make([]kid, len(e.kids))
		for j, k := range e.kids {
			kids[j] = kid{elem: int32(to(int(k.elem)))}
		}
		e.kids = kids
		tree.elems = append(tree.elems, e)
	}
	// The body's operations, and the decoration's too: page one's header
	// lines are content, tagged as paragraphs of the part (decoration).
	for i := range pages {
		for _, ops := range [2][]op{pages[i].ops, pages[i].decor} {
			for j := range ops {
				if tag := ops[j].tag; tag > 0 {
					ops[j].tag = int32(to(int(tag)))
				}
			}
		}
	}
}

// headerFits fails when a part's running header reaches into its text: a
// header with the extra line "Bilaga N" may, when the profile's header
// already fills the top margin.
func (r *Renderer) headerFits(pages []page, title string) error {
	p := &r.p
	for _, o := range pages[0].decor {
		if o.kind == opText && o.y < p.PageHeight/2 && o.y > p.MarginTop-1 {
			return fmt.Errorf("pdf: the running header of %q does not fit above its text with the attachment's mark: the profile's header has too many lines for a packet", title)
		}
	}
	return nil
}

// foreignPages are a foreign part's pages: each a Figure element of the
// part, described by the part's title and the page's number, with the
// stamp in the strip above it.
func (r *Renderer) foreignPages(tree *structTree, part int, pt Part) []page {
	p := &r.p
	ts := r.styleAt(p.HeaderSize, false)
	strip := p.HeaderTop + 2*ts.lead
	im := newImporter(pt.Foreign)
	n := pt.Foreign.Pages()
	out := make([]page, n)
	for i := range n {
		fig := tree.add("Figure", part)
		tree.elems[fig].alt = fmt.Sprintf("%s, sida %d (%d)", pt.Title, i+1, n)
		fp := &pt.Foreign.pages[i]
		w, _ := fp.size()
		width := w / (72 / 25.4)
		var ops []op
		if pt.Stamp != "" {
			half := (width - p.MarginLeft - p.MarginRight) / 2
			runs := []doc.Inline{{Text: pt.Stamp, Style: doc.Bold}}
			y := p.HeaderTop
			for _, ln := range r.lines(r.spans(runs, ts), half, ts) {
				ops = r.lineOps(ops, ln, width-p.MarginRight-half, y, half, doc.AlignRight, ts, false)
				y += ts.lead
			}
		}
		out[i] = page{decor: artifacts(ops), foreign: &foreignRef{f: pt.Foreign, index: i, elem: fig, strip: strip, im: im}}
		if i == 0 && pt.Title != "" {
			out[i].marks = []placedMark{{bookmark{text: pt.Title, level: 1}, 0}}
		}
	}
	return out
}

// conformant reports whether a file of these pages may claim PDF/A and
// PDF/UA conformance in its XMP: not when any page is foreign. A foreign
// file that is neither tagged nor PDF/A cannot make the packet conform, and
// even one that is brings its pages as figures, without its own tags. The
// writer must consult this before it claims conformance.
func conformant(pages []page) bool {
	return !slices.ContainsFunc(pages, func(pg page) bool { return pg.foreign != nil })
}

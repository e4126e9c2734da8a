package pdf

import (
	"fmt"
	"strconv"
)

// A tagged PDF carries, beside what is drawn, the document's logical
// structure (headings, paragraphs, lists, tables, figures with their
// alternative text) so that screen readers and reflowing viewers read it
// in order and skip the running header and footer. Swedish public-sector
// documents published on the web must be accessible, which for a PDF
// means tagged.
//
// Layout builds the structure tree as it goes: each block gets an element
// under the element of its container, and each drawing operation is
// stamped with the element it belongs to (tagArtifact for what is only
// decoration: grid lines, the header and footer, table headers repeated
// on later pages). When the content streams are written, each run of
// operations of one element becomes a marked-content sequence with its
// own MCID, recorded in the element and in the page's parent tree.

// tagArtifact marks an operation that is decoration, not content.
const tagArtifact = -1

// tagInline marks an operation of a link or of text in another language:
// stamp gives it an inline element of its own.
const tagInline = -2

// structTree is the tree of one document, built during layout.
type structTree struct {
	elems []element // index 0 is unused, so that 0 means "not stamped"
}

// element is a structure element.
type element struct {
	role   string
	parent int
	alt    string
	attrs  string // attribute dictionaries, written as they are: "/A<<...>>"
	lang   string // the language of the element's text, when it differs
	kids   []kid
	// pending is set on an element that joins its parent's kids only when
	// its first content is written (see addInline): inline elements sit
	// between their parent's own marked content, in reading order.
	pending bool
	// text is what a Link element's content reads, for its annotation's
	// Contents.
	text string
}

// kid is a child of an element: another element, marked content on a
// page, or an annotation (an object reference).
//
// Its numbers are 32 bits: a build makes hundreds of thousands of kids,
// and copies a body's for each file that shows it.
type kid struct {
	elem       int32 // > 0 for an element; < 0 for an annotation on page, -(its object number) (OBJR)
	page, mcid int32 // marked content otherwise
	objr       int32 // > 0 for an annotation: its object number
}

// newTree returns a tree holding the Document element, index 1.
func newTree() *structTree {
	t := &structTree{elems: make([]element, 2, 64)}
	t.elems[1] = element{role: "Document"}
	return t
}

// add adds an element under parent and returns its index. A nil tree (a
// layout made only to measure) adds nothing, nor does an empty role (a
// page break).
func (t *structTree) add(role string, parent int) int {
	if t == nil || parent <= 0 || role == "" {
		return 0
	}
	t.elems = append(t.elems, element{role: role, parent: parent})
	n := len(t.elems) - 1
	t.elems[parent].kids = append(t.elems[parent].kids, kid{elem: int32(n)})
	return n
}

// addInline adds an inline element (a Link, a Span in another language)
// under parent. Unlike add, it joins the parent's kids only when the
// marker writes its first content, so that it stands between the
// parent's own marked-content sequences in the order they are read.
func (t *structTree) addInline(role string, parent int) int {
	if t == nil || parent <= 0 {
		return 0
	}
	t.elems = append(t.elems, element{role: role, parent: parent, pending: true})
	return len(t.elems) - 1
}

// addFirst adds an element under parent before its other kids.
func (t *structTree) addFirst(role string, parent int) int {
	n := t.add(role, parent)
	if n == 0 {
		return 0
	}
	kids := t.elems[parent].kids
	copy(kids[1:], kids[:len(kids)-1])
	kids[0] = kid{elem: int32(n)}
	return n
}

// stamp marks every op of the boxes that no inner element claimed as
// belonging to element e. Ops of links and of text in another language
// (tagInline) get an inline element of their own under e: one Link for
// the ops of one link that follow each other, across line breaks, and one
// Span for each run of one language.
func stamp(t *structTree, bs []box, e int) {
	if e == 0 {
		return
	}
	var cur int32 // the open inline element
	var curLink, curLang string
	for i := range bs {
		for j := range bs[i].ops {
			o := &bs[i].ops[j]
			switch o.tag {
			case 0:
				o.tag = int32(e)
				if o.kind == opText {
					cur = 0
				}
			case tagInline:
				if t == nil {
					o.tag = int32(e)
					continue
				}
				if cur == 0 || o.href() != curLink || o.lang() != curLang {
					role := "Span"
					if o.href() != "" {
						role = "Link"
					}
					cur = int32(t.addInline(role, e))
					curLink, curLang = o.href(), o.lang()
					t.elems[cur].lang = o.lang()
				}
				o.tag = cur
				if o.kind == opText {
					t.elems[cur].text += o.text
				}
			}
		}
	}
}

// artifacts marks ops as decoration.
func artifacts(ops []op) []op {
	for i := range ops {
		ops[i].tag = tagArtifact
	}
	return ops
}

// marker writes the marked-content operators around ops in the content
// stream: it opens a sequence when the element changes and closes the one
// before.
type marker struct {
	tree *structTree
	page int   // page index
	cur  int32 // element of the open sequence; 0 when none is open
	mcid int
	// parents lists, by MCID, the element each marked-content sequence of
	// the page belongs to: the page's entry in the parent tree.
	parents []int
}

// to switches the open sequence to element e.
func (m *marker) to(c []byte, e int32) []byte {
	if m.tree == nil {
		return c
	}
	if e == 0 {
		e = tagArtifact
	}
	if e == m.cur {
		return c
	}
	c = m.close(c)
	m.cur = e
	if e == tagArtifact {
		return append(c, "/Artifact BMC\n"...)
	}
	el := &m.tree.elems[e]
	if el.pending {
		el.pending = false
		p := &m.tree.elems[el.parent]
		p.kids = append(p.kids, kid{elem: e})
	}
	el.kids = append(el.kids, kid{page: int32(m.page), mcid: int32(m.mcid)})
	m.parents = append(m.parents, int(e))
	c = append(c, '/')
	c = append(c, el.role...)
	c = append(c, " <</MCID "...)
	c = strconv.AppendInt(c, int64(m.mcid), 10)
	c = append(c, ">> BDC\n"...)
	m.mcid++
	return c
}

func (m *marker) close(c []byte) []byte {
	if m.cur != 0 {
		c = append(c, "EMC\n"...)
		m.cur = 0
	}
	return c
}

// writeTree writes the structure tree and returns the object number of
// its root. pageObjs are the pages' object numbers, parents each page's
// MCID-to-element list, and annots the element of each annotation, by its
// StructParent key less the number of pages.
func (fw *fileWriter) writeTree(t *structTree, pageObjs []int, parents [][]int, annots []int) int {
	w := &fw.w
	objs := make([]int, len(t.elems))
	for i := 1; i < len(t.elems); i++ {
		objs[i] = w.alloc()
	}
	root, pt := w.alloc(), w.alloc()
	// Written straight into the file: a long table has thousands of
	// elements, too many to format each through fmt.
	ref := func(c []byte, n int) []byte {
		c = strconv.AppendInt(c, int64(n), 10)
		return append(c, " 0 R"...)
	}
	for i := 1; i < len(t.elems); i++ {
		e := &t.elems[i]
		parent := root
		if e.parent > 0 {
			parent = objs[e.parent]
		}
		w.obj(objs[i])
		c := append(w.buf, "<</Type/StructElem/S/"...)
		c = append(c, e.role...)
		c = append(c, "/P "...)
		c = ref(c, parent)
		if e.alt != "" {
			c = append(c, "/Alt"...)
			c = append(c, textString(e.alt)...)
		}
		if e.lang != "" {
			c = append(c, "/Lang("...)
			c = append(c, e.lang...)
			c = append(c, ')')
		}
		c = append(c, e.attrs...)
		// An element with no content (an empty table cell) gets an empty
		// K: the cell is still there for the table's regularity.
		c = append(c, "/K["...)
		for _, k := range e.kids {
			switch {
			case k.elem > 0:
				c = ref(c, objs[k.elem])
				c = append(c, ' ')
			case k.objr > 0:
				c = append(c, "<</Type/OBJR/Pg "...)
				c = ref(c, pageObjs[k.page])
				c = append(c, "/Obj "...)
				c = ref(c, int(k.objr))
				c = append(c, ">>"...)
			default:
				c = append(c, "<</Type/MCR/Pg "...)
				c = ref(c, pageObjs[k.page])
				c = append(c, "/MCID "...)
				c = strconv.AppendInt(c, int64(k.mcid), 10)
				c = append(c, ">>"...)
			}
		}
		w.buf = append(c, "]>>"...)
		w.endobj()
	}
	w.obj(pt)
	c := append(w.buf, "<</Nums["...)
	for p, ps := range parents {
		c = strconv.AppendInt(c, int64(p), 10)
		c = append(c, '[')
		for _, e := range ps {
			c = ref(c, objs[e])
			c = append(c, ' ')
		}
		c = append(c, ']')
	}
	for i, e := range annots {
		c = strconv.AppendInt(c, int64(len(parents)+i), 10)
		c = append(c, ' ')
		c = ref(c, objs[e])
		c = append(c, ' ')
	}
	w.buf = append(c, "]>>"...)
	w.endobj()
	w.dict(root, fmt.Sprintf("/Type/StructTreeRoot/K[%d 0 R]/ParentTree %d 0 R/ParentTreeNextKey %d", objs[1], pt, len(parents)+len(annots)))
	return root
}

package pdf

import (
	"container/list"
	"slices"
	"sync"

	"github.com/underlag/underlag/generator/doc"
)

// A build renders some trees more than once: a memo's packet holds the
// memo's tree and its attachments' trees, which the build also renders on
// their own (the pipeline hands the same tree to both, see
// pipeline/reuse.go). The body of a document, its blocks broken into
// lines and cut into pages with their structure elements, depends only on
// the tree, so the renderer keeps the bodies of the trees it laid out
// recently and lays a tree's body out once. The running header and
// footer depend on the tree and the attachment's mark ("" on the
// document's own pages and on a memo's in its packet), so they are drawn
// once per tree and mark and kept with the body (layoutMarked); the
// numbering of the structure tree in a packet is made afresh each time on
// a copy.
//
// The trees are keyed by identity: a tree is not changed after it is
// composed, and an entry holds its tree, so that no other tree can take
// its address while it is kept.

// bodySize is how many laid-out bodies a renderer keeps.
const bodySize = 16

// body is a document laid out without its running header and footer:
// the pages' body operations and outline entries, and the structure tree
// they are tagged with. It is not changed once made; users take a copy.
type body struct {
	pages []page
	tree  *structTree
}

// bodies are the bodies laid out recently, by tree. An entry is made
// before its body is laid out, and whoever asks for the tree meanwhile
// waits for that one layout: a memo's packet and the build of its
// attachment ahead of its turn run on two workers at once, and each laid
// the attachment out when the first had not finished.
type bodies struct {
	mu    sync.Mutex
	order *list.List // of *bodyItem, most recent first
	byDoc map[*doc.Document]*list.Element
	off   bool // keep none (NewWithoutReuse)
}

type bodyItem struct {
	d    *doc.Document
	once sync.Once
	b    *body
	err  error

	mu sync.Mutex
	// headed are the body with the running header and footer drawn, by
	// the attachment's mark ("" on the document's own pages): a memo's
	// pages are the same in its packet, and an attachment's in each packet
	// that gives it the same mark.
	headed map[string]*body
}

// maxMarks bounds the headers kept per body: an attachment has one mark
// in most builds, a few when memos number it differently.
const maxMarks = 4

// entry returns the entry of d, made when missing, and marks it recent;
// a new one each time when the renderer keeps none (NewWithoutReuse).
func (c *bodies) entry(d *doc.Document) *bodyItem {
	if c.off {
		return &bodyItem{d: d}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byDoc == nil {
		c.byDoc = map[*doc.Document]*list.Element{}
		c.order = list.New()
	}
	if e, ok := c.byDoc[d]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*bodyItem)
	}
	it := &bodyItem{d: d}
	c.byDoc[d] = c.order.PushFront(it)
	for c.order.Len() > bodySize {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byDoc, last.Value.(*bodyItem).d)
	}
	return it
}

// bodyOf returns the body of d, laid out now or earlier in the build.
func (r *Renderer) bodyOf(d *doc.Document) (*body, error) {
	return r.bodies.entry(d).laidOut(r)
}

// laidOut returns the entry's body, laid out now by r or already.
func (it *bodyItem) laidOut(r *Renderer) (*body, error) {
	it.once.Do(func() { it.b, it.err = r.layoutBody(it.d) })
	return it.b, it.err
}

// layoutMarked lays d out with its running header and footer, the
// attachment's mark first on the right when mark is not "" (marked), from
// what the build laid out before when it can: the body once per tree,
// the header and footer once per tree and mark. The pages and tree are the
// caller's copy (body.copy).
func (r *Renderer) layoutMarked(d *doc.Document, mark string) ([]page, *structTree, error) {
	it := r.bodies.entry(d)
	b, err := it.laidOut(r)
	if err != nil {
		return nil, nil, err
	}
	it.mu.Lock()
	h := it.headed[mark]
	it.mu.Unlock()
	if h == nil {
		m := marked(d.Meta, mark)
		pages, tree := b.copy()
		for i := range pages {
			if pages[i].decor, err = r.decoration(&m, i+1, len(pages), tree); err != nil {
				return nil, nil, err
			}
		}
		h = &body{pages: pages, tree: tree}
		it.mu.Lock()
		if it.headed == nil {
			it.headed = map[string]*body{}
		}
		if len(it.headed) < maxMarks {
			it.headed[mark] = h
		}
		it.mu.Unlock()
	}
	pages, tree := h.copy()
	return pages, tree, nil
}

// copy returns pages and a tree to finish and write: the pages' slices of
// outline entries and the tree's elements are the copy's own, the body
// operations and the running header's and footer's are shared (whoever
// renumbers them copies them: graft).
func (b *body) copy() ([]page, *structTree) {
	pages := slices.Clone(b.pages)
	for i := range pages {
		pages[i].marks = slices.Clone(pages[i].marks)
	}
	// Room for a few more elements (page one's header lines, a part's
	// own) without growing again: Clone and then Grow allocated twice.
	t := &structTree{elems: make([]element, len(b.tree.elems), len(b.tree.elems)+16)}
	copy(t.elems, b.tree.elems)
	// The elements' kids in one array, each element's a part of it
	// whose capacity ends where the next begins, so that the kids the
	// file adds (marked content) go to an array of the element's own.
	n := 0
	for i := range t.elems {
		n += len(t.elems[i].kids)
	}
	kids := make([]kid, 0, n)
	for i := range t.elems {
		from := len(kids)
		kids = append(kids, t.elems[i].kids...)
		t.elems[i].kids = kids[from:len(kids):len(kids)]
	}
	return pages, t
}

package pipeline

import (
	"container/list"
	"crypto/sha256"
	"path/filepath"
	"slices"
	"sync"

	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/load"
)

// One build may need a document more than once: a memo's packet (and a
// meeting's) holds the memo and its attachments, which the same build
// also builds on their own. The pipeline keeps the documents it loaded
// and composed recently, keyed by path and content hash, so that none is
// loaded, checked or composed twice in one build; the renderers keep
// their layouts of those trees likewise (see pdf.Renderer), so that a
// packet lays nothing out again either.
//
// The documents are kept in a small recency list rather than for the
// whole build: a build holds at any moment only the documents under way,
// and a packet is built just after the memo, while its attachments were
// either built shortly before (a directive and the memos that refer to it
// lie side by side) or are loaded by the packet and kept for their own
// build. A document no longer in the list is loaded again, as before.

// reuseSize is how many documents a pipeline keeps: a few per worker
// besides those under way, at a few hundred kilobytes each.
const reuseSize = 16

// reused is one document of the build: loaded and checked once, composed
// once. Its diagnostics are shared: callers get copies.
type reused struct {
	loadOnce sync.Once
	doc      *Doc
	diags    diag.List

	composeOnce sync.Once
	tree        *doc.Document
	cdiags      diag.List
}

// reuse is the recency list of documents, by key.
type reuse struct {
	mu    sync.Mutex
	order *list.List // of *reuseItem, most recent first
	byKey map[string]*list.Element
}

type reuseItem struct {
	key string
	r   *reused
}

// get returns the entry of key, made when missing, and marks it recent.
func (c *reuse) get(key string) *reused {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[string]*list.Element{}
		c.order = list.New()
	}
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*reuseItem).r
	}
	r := &reused{}
	c.byKey[key] = c.order.PushFront(&reuseItem{key, r})
	for c.order.Len() > reuseSize {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*reuseItem).key)
	}
	return r
}

// reuseKey is a file's key: its absolute path and the hash of its bytes,
// so that a file changed during the build is not taken for what it was.
// ok is false when the file cannot be read; loading it reports why.
func reuseKey(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	data, err := confine.ReadFile(confine.Dir(abs), abs, load.MaxFileSize)
	if err != nil {
		return "", false
	}
	sum := sha256.Sum256(data)
	return abs + "\x00" + string(sum[:]), true
}

// loadOnce loads a document through the build's recent documents.
func (p *Pipeline) loadOnce(path string, load func() (*Doc, diag.List)) (*Doc, diag.List) {
	key, ok := reuseKey(path)
	if !ok {
		return load()
	}
	r := p.reused.get(key)
	r.loadOnce.Do(func() {
		r.doc, r.diags = load()
		if r.doc != nil {
			r.doc.reused = r
		}
	})
	return r.doc, slices.Clone(r.diags)
}

// composeOnce composes a document once for the build when it came
// through loadOnce.
func (p *Pipeline) composeOnce(d *Doc, compose func() (*doc.Document, diag.List)) (*doc.Document, diag.List) {
	r := d.reused
	if r == nil {
		return compose()
	}
	r.composeOnce.Do(func() { r.tree, r.cdiags = compose() })
	return r.tree, slices.Clone(r.cdiags)
}

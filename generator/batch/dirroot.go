package batch

import (
	"container/list"
	"os"
	"path/filepath"
)

// Writing an output through the output directory's os.Root resolves its
// path one directory at a time (an openat and a close for each, for the
// Lstat, the create and the rename alike): a third of a build's system
// calls. The directories outputs are written into are therefore kept open
// as roots of their own, a few at a time, so that writing a file is one
// call per step. Each is opened through the output directory's root
// after ensureDir has checked the way to it, so it is confined alike.

// maxDirRoots is how many output directories are kept open.
const maxDirRoots = 16

// dirRoot is an output directory open as a root; refs counts the writes
// using it, and an evicted one is closed when the last is done.
type dirRoot struct {
	rel     string
	r       *os.Root
	refs    int
	evicted bool
	elem    *list.Element
}

// dirRootOf returns the root of the output directory rel (slash-separated,
// checked by ensureDir) and the function to call when done with it; for
// the output directory itself, its own root.
func (o *outDir) dirRootOf(rel string) (*os.Root, func(), error) {
	if rel == "" || rel == "." {
		return o.root, func() {}, nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.open == nil {
		o.open = map[string]*dirRoot{}
		o.recent = list.New()
	}
	d := o.open[rel]
	if d == nil {
		r, err := o.root.OpenRoot(filepath.FromSlash(rel))
		if err != nil {
			return nil, nil, err
		}
		d = &dirRoot{rel: rel, r: r}
		o.open[rel] = d
		d.elem = o.recent.PushFront(d)
		o.evictLocked()
	} else {
		o.recent.MoveToFront(d.elem)
	}
	d.refs++
	return d.r, func() { o.releaseDir(d) }, nil
}

// evictLocked closes the least recently used directories beyond
// maxDirRoots; one still in use is closed by its last user.
func (o *outDir) evictLocked() {
	for e := o.recent.Back(); e != nil && o.recent.Len() > maxDirRoots; {
		prev := e.Prev()
		d := e.Value.(*dirRoot)
		o.recent.Remove(e)
		delete(o.open, d.rel)
		d.evicted = true
		if d.refs == 0 {
			d.r.Close()
		}
		e = prev
	}
}

func (o *outDir) releaseDir(d *dirRoot) {
	o.mu.Lock()
	defer o.mu.Unlock()
	d.refs--
	if d.refs == 0 && d.evicted {
		d.r.Close()
	}
}

// closeDirs closes every directory kept open.
func (o *outDir) closeDirs() {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, d := range o.open {
		d.evicted = true
		if d.refs == 0 {
			d.r.Close()
		}
	}
	o.open, o.recent = nil, nil
}

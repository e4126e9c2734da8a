package batch

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"sync"

	"github.com/underlag/underlag/generator/batch/manifest"
	"github.com/underlag/underlag/generator/pipeline"
)

// A memo's packet lays out its attachments again after the memo. When an
// attachment is itself a document of this build that has not had its turn
// yet (the memos of a folder sort before the directives they attach), the
// build of the memo builds it first, ahead of its turn: then its loaded,
// composed and laid-out pages are in the pipeline's caches when the packet
// asks for them (pipeline/reuse.go, pdf/reuse.go), and nothing is laid out
// twice. Its result waits until its turn, so reports keep source order.
//
// An attachment already under way, or built, is not waited for: a packet
// never waits on another build, so no order of attachments can deadlock.
// A document built ahead builds nothing ahead itself: a chain of memos
// each attaching the next is built one link at a time, not held in memory
// all at once.

//
// A rebuild knows more: the last build's manifest lists what each memo
// with a packet was made from, its attachments among it. When two memos attach one document and lie far
// apart in source order, the second would find the attachment gone from
// the caches and load, check, compose and lay it out again; so once a
// memo's packet is written, the memos that attached the same documents
// last time and have not begun are built at once, ahead of their turn,
// while the attachment is at hand. The manifest is only a hint: a memo
// that no longer attaches the document is built early for nothing, and a
// first build, which has no manifest, builds in source order.

// ahead is the bookkeeping of builds ahead of their turn, for one run.
type ahead struct {
	ctx   context.Context
	byAbs map[string]int      // absolute path of each source of the run → its index
	item  func(k int) *item   // the item of index k
	build func(*item) *Result // one source's whole build
	// attachedBy lists, by the absolute path of a source of the run, the
	// sources of the run whose packets attached it in the last build
	// (absolute paths).
	attachedBy map[string][]string

	mu      sync.Mutex
	started map[string]bool       // sources whose build has begun, either way
	early   map[string]*earlyWork // built ahead, until handed on at their turn
}

type earlyWork struct {
	done chan struct{}
	r    *Result
}

func newAhead(ctx context.Context, files []string, item func(k int) *item, build func(*item) *Result) *ahead {
	a := &ahead{ctx: ctx, byAbs: make(map[string]int, len(files)), item: item, build: build,
		started: make(map[string]bool, len(files)), early: map[string]*earlyWork{}}
	for k, f := range files {
		if abs, err := filepath.Abs(f); err == nil {
			a.byAbs[abs] = k
		}
	}
	return a
}

// learn takes from the last build's manifest which sources of the run
// attached which others in their packets.
func (a *ahead) learn(m *manifest.Manifest) {
	srcs := slices.Sorted(maps.Keys(m.Entries)) // the same order every run
	for _, src := range srcs {
		e := m.Entries[src]
		user, err := filepath.Abs(filepath.FromSlash(src))
		if _, ok := a.byAbs[user]; err != nil || !ok || e.Outputs[PacketOutput] == nil {
			continue
		}
		// Every source of the run the packet's memo depended on: not
		// only those marked Packet, since a memo's directive is often
		// also its attachment, and then its own dependency.
		for _, d := range e.Deps {
			att, err := filepath.Abs(filepath.FromSlash(d.Path))
			if _, ok := a.byAbs[att]; err != nil || !ok || att == user {
				continue
			}
			if a.attachedBy == nil {
				a.attachedBy = map[string][]string{}
			}
			if !slices.Contains(a.attachedBy[att], user) {
				a.attachedBy[att] = append(a.attachedBy[att], user)
			}
		}
	}
}

// alsoAttaching returns the sources that the last build's packets showed
// attaching any of files, besides self.
func (a *ahead) alsoAttaching(self string, files []string) []string {
	me, _ := filepath.Abs(self)
	var out []string
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			continue
		}
		for _, u := range a.attachedBy[abs] {
			if u != me && !slices.Contains(out, u) {
				out = append(out, u)
			}
		}
	}
	return out
}

// turn builds it at its turn, or hands on the result of its build ahead.
func (a *ahead) turn(it *item) *Result {
	a.mu.Lock()
	if w := a.early[it.src]; w != nil {
		a.mu.Unlock()
		<-w.done
		a.mu.Lock()
		delete(a.early, it.src)
		a.mu.Unlock()
		return w.r
	}
	a.started[it.src] = true
	a.mu.Unlock()
	return a.build(it)
}

// need builds the sources among files (paths as the loader resolved them)
// that this run has and has not begun, now, on the calling goroutine.
func (a *ahead) need(files []string) {
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			continue
		}
		k, ok := a.byAbs[abs]
		if !ok || a.ctx.Err() != nil {
			continue
		}
		it := a.item(k)
		it.early = true
		a.mu.Lock()
		if a.started[it.src] {
			a.mu.Unlock()
			continue
		}
		a.started[it.src] = true
		w := &earlyWork{done: make(chan struct{})}
		a.early[it.src] = w
		a.mu.Unlock()
		w.r = a.build(it)
		close(w.done)
	}
}

// turn builds it at its turn (run's workers).
func (b *batch) turn(it *item) *Result {
	if b.ahead == nil {
		return b.buildSafely(it)
	}
	return b.ahead.turn(it)
}

// buildAhead builds the documents among files that this run builds and
// has not begun (ahead.need).
func (b *batch) buildAhead(files []string) {
	if b.ahead != nil {
		b.ahead.need(files)
	}
}

// buildCoUsers builds the sources that attached the same documents as
// the memo of it in the last build and have not begun (ahead.learn), now
// that its packet is written.
func (b *batch) buildCoUsers(it *item, attached []string) {
	if b.ahead != nil && !it.early {
		b.ahead.need(b.ahead.alsoAttaching(it.file, attached))
	}
}

// attachmentFiles are the files a document's attachments name, as the
// loader resolved them.
func attachmentFiles(d *pipeline.Doc) []string {
	var out []string
	for _, a := range d.Attachments() {
		if p := d.File(a.Field); p != "" {
			out = append(out, p)
		}
	}
	return out
}

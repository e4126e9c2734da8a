package batch

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/underlag/underlag/generator/batch/manifest"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// window is how many documents may be under way or finished and waiting
// for an earlier one, per worker. Results are handed on in source order,
// which makes logs and reports the same on every run; the window bounds
// what that costs in memory when one document is slow.
const window = 8

// run builds n items on opt.Jobs workers and calls emit with each result,
// in order, from the calling goroutine. next makes item k when it is
// handed out, so that items exist only while under way. It returns when
// every item handed out is done; once ctx is done, no more are handed out.
func (b *batch) run(ctx context.Context, n int, next func(k int) *item, emit func(*Result)) {
	type job struct {
		it   *item
		done chan *Result
	}
	work := make(chan job)
	pending := make(chan job, max(window*b.opt.Jobs, 16))
	go func() {
		defer close(work)
		defer close(pending)
		for k := range n {
			if ctx.Err() != nil {
				return
			}
			j := job{next(k), make(chan *Result, 1)}
			pending <- j
			work <- j
		}
	}()
	var wg sync.WaitGroup
	for range min(b.opt.Jobs, n) {
		wg.Go(func() {
			for j := range work {
				if ctx.Err() != nil {
					j.done <- nil
					continue
				}
				j.done <- b.turn(j.it)
			}
		})
	}
	for j := range pending {
		if r := <-j.done; r != nil {
			emit(r)
		}
	}
	wg.Wait()
}

// build takes one source through the build, start to end: it checks the
// source can be built, skips it when nothing it is made from changed,
// loads and checks it, composes it, renders and writes each output, and
// records what it became. Each step is a method below.
func (b *batch) build(it *item) *Result {
	r := &Result{Source: it.src, File: it.file}
	b.mu.Lock()
	old := b.m.Entries[it.src]
	b.mu.Unlock()
	if err := b.admit(it); err != nil {
		return b.fail(it, old, r, "%v", err)
	}
	if old != nil && !b.opt.Force && b.fresh(it, old) {
		return b.skip(r, old)
	}

	d, ds := b.p.Load(it.file)
	r.Diagnostics = ds
	if d == nil {
		if ds.HasErrors() {
			return b.fail(it, old, r, "")
		}
		return b.unread(it, old, r)
	}
	name := it.pathName
	if b.opt.Names == DescriptiveNames {
		var err error
		if name, err = outputName(DescriptiveNames, it.dir, it.stem, d.OutputName()); err != nil {
			return b.fail(it, old, r, "%v", err)
		}
	}
	deps := b.deps(d)
	if err := b.claim(it, name); err != nil {
		return b.fail(it, old, r, "%v", err)
	}
	defer b.unclaim(it, name)
	t, cds := b.p.Compose(d)
	r.Diagnostics = append(r.Diagnostics, cds...)
	pk, deps := b.packet(d, t, deps, r)      // a memo's packet: packet.go
	prods, deps := b.products(d, t, deps, r) // a meeting's packet, protocol and extracts: products.go
	var attached []string                    // the packet's documents, for ahead.go
	if pk != nil {
		attached = attachmentFiles(d)
	}
	d = nil // nothing of the loaded document is needed any more
	if cds.HasErrors() || t == nil || r.Diagnostics.HasErrors() {
		return b.fail(it, old, r, "")
	}
	entry := &manifest.Entry{SHA256: it.sum, Deps: deps, Name: name, Outputs: map[string]*manifest.Output{}}
	err := b.writeOutputs(it, old, entry, t, r)
	if err == nil && pk != nil && b.buildsPackets() {
		if !it.early {
			b.buildAhead(attached)
		}
		var o *manifest.Output
		if o, err = b.writePacket(it, old, name, pk, deps); err == nil {
			entry.Outputs[PacketOutput] = o
			r.Outputs = append(r.Outputs, b.output(PacketOutput, o))
			b.buildCoUsers(it, attached)
		}
	}
	if err == nil && pk != nil && b.buildsPacketPage() {
		var o *manifest.Output
		if o, err = b.writeHTMLPacket(it, old, name, pk, deps); err == nil { // htmlpacket.go
			entry.Outputs[PacketHTMLOutput] = o
			r.Outputs = append(r.Outputs, b.output(PacketHTMLOutput, o))
		}
	}
	if err == nil && len(prods) > 0 {
		err = b.writeProducts(it, old, entry, prods, r)
	}
	if err != nil {
		// Leave nothing of this document that looks fresh.
		for _, w := range entry.Outputs {
			b.out.remove(w.Path)
		}
		return b.fail(it, old, r, "%v", err)
	}
	for _, w := range r.Diagnostics.Warnings() {
		entry.Warnings = append(entry.Warnings, w.Error())
	}
	b.commit(it, entry, old)
	r.Status = Built
	r.Diagnostics.Sort()
	return r
}

// admit checks that a source can be built at all, before it is read: its
// outputs have a name of their own, and its bytes can be read (it.sum).
func (b *batch) admit(it *item) error {
	if others := b.clash[it.src]; len(others) > 0 {
		return fmt.Errorf("its outputs would have the name of those of %s: outputs are named after their source's path (%s), so rename one of the files", strings.Join(others, " and "), it.dir+"/"+it.stem)
	}
	if it.nameErr != nil {
		return it.nameErr
	}
	s, err := hashFile(it.file)
	if err != nil {
		return fmt.Errorf("cannot read: %v", unwrapPath(err))
	}
	it.sum = s
	return nil
}

// fail ends a source's build as failed: msg, unless empty, is added to
// what the result already says, and what earlier builds made of the
// source is removed, so that nothing looks fresh.
func (b *batch) fail(it *item, old *manifest.Entry, r *Result, msg string, args ...any) *Result {
	if msg != "" {
		r.Diagnostics.Add(diag.Diagnostic{File: it.file, Msg: fmt.Sprintf(msg, args...)})
	}
	b.forget(it, old)
	r.Status, r.Outputs = Failed, nil
	r.Diagnostics.Sort()
	return r
}

// skip ends a source's build as skipped: its outputs of the last build
// are still what it would make.
func (b *batch) skip(r *Result, old *manifest.Entry) *Result {
	r.Status, r.Warnings = Skipped, old.Warnings
	for _, f := range b.opt.Formats {
		r.Outputs = append(r.Outputs, b.output(f, old.Outputs[f]))
	}
	return r
}

// unread ends the build of a file that loaded as a registry under a name
// the loader does not look for: nothing reads it, and it has no output.
func (b *batch) unread(it *item, old *manifest.Entry, r *Result) *Result {
	b.forget(it, old)
	r.Status = Skipped
	r.Diagnostics.Add(diag.Diagnostic{File: it.file, Severity: diag.Warning,
		Msg: "is a registry, which has no output of its own, and no document reads it: documents read registries named " + strings.Join(model.RegistryFiles, ", ")})
	return r
}

// writeOutputs renders and writes each format of a composed document into
// entry and r; an output whose inputs are those of the last build is kept
// as it is.
func (b *batch) writeOutputs(it *item, old, entry *manifest.Entry, t *doc.Document, r *Result) error {
	name, deps := entry.Name, entry.Deps
	for _, f := range b.opt.Formats {
		rel := name + "." + f
		if o := b.reuse(old, f, rel, b.outputInputs(f, rel, it.sum, deps)); o != nil {
			entry.Outputs[f] = o // only an attachment changed
			r.Outputs = append(r.Outputs, b.output(f, o))
			continue
		}
		o, err := b.render(f, t, rel)
		if err != nil {
			return fmt.Errorf("%s: %v", f, err)
		}
		o.Inputs = b.outputInputs(f, rel, it.sum, deps)
		entry.Outputs[f] = o
		r.Outputs = append(r.Outputs, b.output(f, o))
	}
	return nil
}

// render renders one format into a pooled buffer and writes it.
func (b *batch) render(f string, t *doc.Document, rel string) (*manifest.Output, error) {
	buf := newRendered()
	defer renders.Put(buf)
	pages, err := b.p.Render(buf, f, t)
	if err != nil {
		return nil, err
	}
	if err := b.out.write(rel, buf.Bytes()); err != nil {
		return nil, err
	}
	return &manifest.Output{Path: rel, SHA256: buf.hash(), Size: int64(buf.Len()), Pages: pages}, nil
}

// claim makes the outputs' paths the item's while it writes them. A path
// that the manifest gives to a source of an earlier build into this
// directory, one that still exists and is not in this build, is not taken:
// that would lose its output.
func (b *batch) claim(it *item, name string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, f := range b.opt.Formats {
		rel := name + "." + f
		if c := b.claimed[rel]; c != "" && c != it.src {
			// Not reached: names are unique by construction.
			return fmt.Errorf("%s is being written for %s", b.out.show(rel), c)
		}
		if o := b.m.Owner(rel); o != "" && o != it.src && !b.found[o] && exists(o) && !sameFile(o, it.file) {
			return fmt.Errorf("%s is the output of %s, from an earlier build into %s, and %s would overwrite it: build them into different output directories, or rename one", b.out.show(rel), o, b.opt.Out, it.src)
		}
	}
	for _, f := range b.opt.Formats {
		b.claimed[name+"."+f] = it.src
	}
	return nil
}

func (b *batch) unclaim(it *item, name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, f := range b.opt.Formats {
		if b.claimed[name+"."+f] == it.src {
			delete(b.claimed, name+"."+f)
		}
	}
}

// commit records what a built document became, in the manifest and the
// journal, and removes its outputs of earlier builds that are stale: under
// another name, or of a format not built this time whose inputs changed.
func (b *batch) commit(it *item, e *manifest.Entry, old *manifest.Entry) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if cur := b.m.Entries[it.src]; cur != nil {
		old = cur
	}
	if old != nil {
		for f, o := range old.Outputs {
			if n := e.Outputs[f]; n != nil {
				if n.Path != o.Path {
					b.removeLocked(it.src, o.Path)
				}
				continue
			}
			// A format not built this time: keep it only if it would
			// still be made the same way.
			if b.keepsOld(f, o, it, e) {
				e.Outputs[f] = o
			} else {
				b.removeLocked(it.src, o.Path)
			}
		}
	}
	b.m.Set(it.src, e)
	b.journal(b.j.Set(it.src, e))
}

// forget removes what earlier builds made of a source that has no outputs
// now, and its manifest entry.
func (b *batch) forget(it *item, old *manifest.Entry) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if cur := b.m.Entries[it.src]; cur != nil {
		old = cur
	}
	if old == nil {
		return
	}
	for _, o := range old.Outputs {
		b.removeLocked(it.src, o.Path)
	}
	b.m.Delete(it.src)
	b.journal(b.j.Delete(it.src))
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// sameFile reports whether two paths name one file, as a relative and an
// absolute path may.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

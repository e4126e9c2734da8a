package batch

import (
	"fmt"
	"io"
	"path"
	"path/filepath"

	"github.com/underlag/underlag/generator/batch/manifest"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
)

// A memo with attachments also gets its packet (see generator/packet),
// written beside its PDF as <name>-handling.pdf whenever PDF is among the
// formats built. The packet is one more output of the memo's manifest
// entry, under the key PacketOutput; the files only it depends on (the
// attachments, and what a data-file attachment is made from) are the
// entry's dependencies marked Packet. The memo's own outputs are hashed
// without them, so a changed attachment makes the packet again and leaves
// the memo's PDF and DOCX as they are.

// packeter is a pipeline that makes packets; *pipeline.Pipeline is one,
// a test's fake pipeline may not be.
type packeter interface {
	Packet(d *pipeline.Doc, memo *doc.Document) (*pipeline.Packet, diag.List)
}

var _ packeter = (*pipeline.Pipeline)(nil)

// PacketOutput is the packet's key among an entry's outputs and its
// Output.Format in results and reports.
const PacketOutput = "handling"

// packetPath is the packet's path for outputs named name, with the
// extension of the format packets are written in.
func packetPath(name string) string {
	f, _ := pipeline.PacketFormat()
	return name + pipeline.PacketSuffix + f.Ext
}

// ownDeps are the dependencies of the source's own outputs.
func ownDeps(deps []manifest.Dep) []manifest.Dep {
	var out []manifest.Dep
	for _, d := range deps {
		if !d.Packet {
			out = append(out, d)
		}
	}
	return out
}

// outputInputs is the hash of what output f (a format, or the packet) is
// made from: the packet depends on everything, a format on the source's
// own dependencies.
func (b *batch) outputInputs(f, rel, srcSum string, deps []manifest.Dep) string {
	if f == PacketOutput || f == PacketHTMLOutput {
		return b.inputs(f, rel, srcSum, deps)
	}
	return b.inputs(f, rel, srcSum, ownDeps(deps))
}

// markPacketDeps marks the loader's dependencies of d that only its
// packet has (see pipeline.Doc.OwnDeps).
func markPacketDeps(d *pipeline.Doc, deps []manifest.Dep) {
	own := map[string]bool{}
	for _, p := range d.OwnDeps() {
		own[filepath.ToSlash(filepath.Clean(p))] = true
	}
	for i := range deps {
		deps[i].Packet = !own[deps[i].Path]
	}
}

// packet prepares the packet of a composed document when it has
// attachments and PDF or HTML is built, adds its problems to r (an attachment's
// own warnings are left to the attachment's own build), and returns the
// dependencies with those of the packet added.
func (b *batch) packet(d *pipeline.Doc, t *doc.Document, deps []manifest.Dep, r *Result) (*pipeline.Packet, []manifest.Dep) {
	pp, ok := b.p.(packeter)
	if !ok || t == nil || len(d.Attachments()) == 0 || (!b.buildsPackets() && !b.buildsPacketPage()) {
		return nil, deps
	}
	pk, ds := pp.Packet(d, t)
	for _, x := range ds {
		if x.File == d.Source() || x.Severity == diag.Error {
			r.Diagnostics = append(r.Diagnostics, x)
		}
	}
	if pk == nil {
		return nil, deps
	}
	return pk, b.withPacketDeps(deps, pk.Deps)
}

// withPacketDeps adds to deps the files among paths it does not have yet,
// as dependencies of the packets and products only.
func (b *batch) withPacketDeps(deps []manifest.Dep, paths []string) []manifest.Dep {
	seen := make(map[string]bool, len(deps))
	for _, dep := range deps {
		seen[dep.Path] = true
	}
	for _, p := range paths {
		s := filepath.ToSlash(filepath.Clean(p))
		if !seen[s] {
			seen[s] = true
			deps = append(deps, manifest.Dep{Path: s, SHA256: b.hashes.get(p), Packet: true})
		}
	}
	return deps
}

// buildsPackets reports whether the build writes a format that lays out
// a packet's parts (the format table's Parts).
func (b *batch) buildsPackets() bool {
	f, ok := pipeline.PacketFormat()
	return ok && b.builds(f.Name)
}

func (b *batch) builds(format string) bool {
	for _, f := range b.opt.Formats {
		if f == format {
			return true
		}
	}
	return false
}

// reuse returns the output of the last build of format f when it is still
// what this build would write: same inputs and the file intact. A memo is
// made again when an attachment changes, but only its packet is written.
func (b *batch) reuse(old *manifest.Entry, f, rel, inputs string) *manifest.Output {
	if old == nil || b.opt.Force {
		return nil
	}
	o := old.Outputs[f]
	if o == nil || o.Path != rel || o.Inputs != inputs || !b.out.intact(o) {
		return nil
	}
	return o
}

// writePacket renders the packet and writes it, unless the last build's is
// still good.
func (b *batch) writePacket(it *item, old *manifest.Entry, name string, pk *pipeline.Packet, deps []manifest.Dep) (*manifest.Output, error) {
	return b.writePacketAs(it, old, PacketOutput, packetPath(name), deps, pk.Render)
}

// writePacketAs writes one rendering of a packet (the PDF, the web page)
// at rel as output kind, unless the last build's is still good. render
// returns the pages it made, 0 where pages are not counted.
func (b *batch) writePacketAs(it *item, old *manifest.Entry, kind, rel string, deps []manifest.Dep, render func(w io.Writer) (int, error)) (*manifest.Output, error) {
	inputs := b.outputInputs(kind, rel, it.sum, deps)
	if o := b.reuse(old, kind, rel, inputs); o != nil {
		return o, nil
	}
	o, err := b.writeClaimed(it, rel, inputs, render)
	if err != nil {
		return nil, fmt.Errorf("packet: %w", err)
	}
	return o, nil
}

// writeClaimed renders an output that more than one item may write (a
// packet, a meeting's product) and writes it at rel, holding the path as
// the item's while it does (claimPacket).
func (b *batch) writeClaimed(it *item, rel, inputs string, render func(w io.Writer) (int, error)) (*manifest.Output, error) {
	if err := b.claimPacket(it, rel); err != nil {
		return nil, err
	}
	defer b.unclaimPacket(it, rel)
	buf := newRendered()
	defer renders.Put(buf)
	pages, err := render(buf)
	if err != nil {
		return nil, err
	}
	if err := b.out.write(rel, buf.Bytes()); err != nil {
		return nil, err
	}
	return &manifest.Output{Path: rel, Inputs: inputs, SHA256: buf.hash(), Size: int64(buf.Len()), Pages: pages}, nil
}

// claimPacket makes the packet's path the item's while it writes it, as
// claim does for the formats; a source named like the packet (memo.yaml
// beside memo-handling.yaml) would write the same file, and is an error
// that names it.
func (b *batch) claimPacket(it *item, rel string) error {
	dir, _ := path.Split(it.src)
	for _, ext := range []string{".yaml", ".yml"} {
		if other := dir + it.stem + pipeline.PacketSuffix + ext; b.found[other] {
			return fmt.Errorf("its packet %s would have the name of the outputs of %s: rename one of the files", b.out.show(rel), other)
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if c := b.claimed[rel]; c != "" && c != it.src {
		return fmt.Errorf("%s is being written for %s", b.out.show(rel), c)
	}
	if o := b.m.Owner(rel); o != "" && o != it.src && !b.found[o] && exists(o) && !sameFile(o, it.file) {
		return fmt.Errorf("%s is the output of %s, from an earlier build into %s, and %s would overwrite it: build them into different output directories, or rename one", b.out.show(rel), o, b.opt.Out, it.src)
	}
	b.claimed[rel] = it.src
	return nil
}

func (b *batch) unclaimPacket(it *item, rel string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.claimed[rel] == it.src {
		delete(b.claimed, rel)
	}
}

// packetFresh reports whether the packet an entry records, if any, is
// still what a build would make and intact. An entry without one is fresh
// as far as packets go: the memo had no attachments, or PDF was not built.
func (b *batch) packetFresh(it *item, e *manifest.Entry) bool {
	o := e.Outputs[PacketOutput]
	if !b.htmlPacketFresh(it, e) {
		return false
	}
	if o == nil || !b.buildsPackets() {
		return true
	}
	return o.Path == packetPath(e.Name) && o.Inputs == b.outputInputs(PacketOutput, o.Path, it.sum, e.Deps) && b.out.intact(o)
}

// keepsOld reports whether an output of the last build that this build did
// not make (a format not asked for, or the packet when PDF was not built)
// is still what would be made, and so stays.
func (b *batch) keepsOld(f string, o *manifest.Output, it *item, e *manifest.Entry) bool {
	want := e.Name + "." + f
	if f == PacketHTMLOutput {
		return !b.buildsPacketPage() && o.Path == htmlPacketPath(e.Name) && o.Inputs == b.outputInputs(f, o.Path, it.sum, e.Deps)
	}
	if f == PacketOutput {
		if b.buildsPackets() {
			return false // built this time, and had no attachments
		}
		want = packetPath(e.Name)
	}
	return o.Path == want && o.Inputs == b.outputInputs(f, o.Path, it.sum, e.Deps)
}

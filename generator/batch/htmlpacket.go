package batch

import (
	"io"
	"path/filepath"

	"github.com/underlag/underlag/generator/batch/manifest"
	"github.com/underlag/underlag/generator/pipeline"
)

// A memo with attachments also gets its packet as one web page, written
// beside its HTML as <name>-handling.html whenever HTML is among the
// formats built: the memo and its data-file attachments drawn in the page
// in order, and links to the attached PDFs. It is one more output of the
// memo's entry, under PacketHTMLOutput, made from the same files as the
// PDF packet (see packet.go).

// PacketHTMLOutput is the web page packet's key among an entry's outputs
// and its Output.Format in results and reports.
const PacketHTMLOutput = "handling-html"

// htmlPacketPath is the web page packet's path for outputs named name.
func htmlPacketPath(name string) string {
	f, _ := pipeline.PacketPageFormat()
	return name + pipeline.PacketSuffix + f.Ext
}

// buildsPacketPage reports whether the format that writes a packet as one
// page (pipeline.Format.PacketPage, HTML) is built.
func (b *batch) buildsPacketPage() bool {
	f, ok := pipeline.PacketPageFormat()
	return ok && b.builds(f.Name)
}

// writeHTMLPacket renders the packet as a web page and writes it, unless
// the last build's is still good. Its links to attached PDFs are relative
// to where it is written.
func (b *batch) writeHTMLPacket(it *item, old *manifest.Entry, name string, pk *pipeline.Packet, deps []manifest.Dep) (*manifest.Output, error) {
	rel := htmlPacketPath(name)
	return b.writePacketAs(it, old, PacketHTMLOutput, rel, deps, func(w io.Writer) (int, error) {
		return 0, pk.RenderHTML(w, filepath.Dir(b.out.show(rel)))
	})
}

// htmlPacketFresh reports whether the web page packet an entry records,
// if any, is still what a build would make and intact; an entry without
// one, or a build without HTML, is fresh as far as it goes.
func (b *batch) htmlPacketFresh(it *item, e *manifest.Entry) bool {
	o := e.Outputs[PacketHTMLOutput]
	if o == nil || !b.buildsPacketPage() {
		return true
	}
	return o.Path == htmlPacketPath(e.Name) && o.Inputs == b.outputInputs(PacketHTMLOutput, o.Path, it.sum, e.Deps) && b.out.intact(o)
}

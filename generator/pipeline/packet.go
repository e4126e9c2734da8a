package pipeline

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/packet"
	"github.com/underlag/underlag/generator/pdf"
)

// Packet is a memo with its attachments, ready to render (see
// generator/packet): the batch build and the commands reach it through the
// pipeline, never the packet stage itself.
type Packet = packet.Packet

// PacketSuffix is added to a memo's output name for its packet:
// "memo-handling.pdf".
const PacketSuffix = packet.Suffix

// Packet prepares the packet of a loaded document whose tree is memo: nil
// and no errors when it has no attachments (see packet.New).
func (p *Pipeline) Packet(d *Doc, memo *doc.Document) (*Packet, diag.List) {
	return packet.New(stages{p}, d, memo)
}

// stages is the pipeline as the packet stage sees it (packet.Stages).
type stages struct{ p *Pipeline }

func (s stages) LoadDoc(path string) (packet.Doc, diag.List) {
	d, ds := s.p.Load(path)
	if d == nil {
		return nil, ds
	}
	return d, ds
}

func (s stages) ComposeDoc(d packet.Doc) (*doc.Document, diag.List) { return s.p.Compose(d.(*Doc)) }

func (s stages) RenderParts(w io.Writer, parts []pdf.Part) (int, error) {
	return s.p.RenderParts(w, parts)
}

// Attachments are the document's numbered attachments (see
// model.Attacher), none for a kind that has none.
func (d *Doc) Attachments() []model.Attachment {
	if a, ok := d.in.Doc.(model.Attacher); ok {
		return a.Attachments()
	}
	return nil
}

// File is the file a field of the document names, as the loader resolved
// and confined it ("beslutsunderlag[1].fil"); "" when the field names none.
func (d *Doc) File(field string) string { return d.in.Files[field] }

// OwnDeps are Deps without the files that only the document's packet
// reads: the memo on its own shows an attachment's number and title, which
// are its own data, not the attachment's content. A file that is also the
// document's directive, an image or its logo stays.
func (d *Doc) OwnDeps() []string {
	keep := map[string]bool{}
	if dir := d.in.Directive; dir != nil && dir.Source != nil {
		keep[filepath.Clean(dir.Source.Path)] = true
	}
	for _, a := range d.in.Images {
		keep[filepath.Clean(a.Path)] = true
	}
	if d.in.Logo != nil {
		keep[filepath.Clean(d.in.Logo.Path)] = true
	}
	only := map[string]bool{}
	for _, a := range d.Attachments() {
		if p := d.File(a.Field); p != "" && !keep[filepath.Clean(p)] {
			only[filepath.Clean(p)] = true
		}
	}
	var out []string
	for _, p := range d.in.Deps {
		if !only[filepath.Clean(p)] {
			out = append(out, p)
		}
	}
	return out
}

// RenderParts writes a packet's parts as one file (see generator/packet)
// with the renderer of the pipeline's format that lays out parts (the
// format table's Parts), and returns its page count.
func (p *Pipeline) RenderParts(w io.Writer, parts []pdf.Part) (int, error) {
	for _, f := range p.formats {
		if !f.Parts {
			continue
		}
		if r, ok := p.renderers[f.Name].(PartsRenderer); ok {
			pages, err := r.RenderParts(w, parts)
			return pages, nameFormat(err, f.Name)
		}
	}
	return 0, fmt.Errorf("packet: the pipeline was not prepared for a format that lays out parts")
}

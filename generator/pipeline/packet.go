package pipeline

import (
	"fmt"
	"io"

	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/pdf"
)

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

// RenderParts writes a packet's parts as one PDF (see generator/packet)
// with the pipeline's PDF renderer, and returns its page count.
func (p *Pipeline) RenderParts(w io.Writer, parts []pdf.Part) (int, error) {
	r, ok := p.renderers["pdf"].(*pdf.Renderer)
	if !ok {
		return 0, fmt.Errorf("packet: the pipeline was not prepared for pdf")
	}
	return r.RenderParts(w, parts)
}

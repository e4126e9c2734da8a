package pipeline

import (
	"fmt"
	"io"

	"github.com/underlag/underlag/generator/html"
)

// RenderHTMLParts writes a packet's parts as one web page (see
// generator/packet) with the renderer of the table's PacketPage format.
func (p *Pipeline) RenderHTMLParts(w io.Writer, parts []html.Part) error {
	f, ok := PacketPageFormat()
	if !ok {
		return fmt.Errorf("packet: no format writes a packet as one page")
	}
	r, ok := p.renderers[f.Name].(*html.Renderer)
	if !ok {
		return fmt.Errorf("packet: the pipeline was not prepared for %s", f.Name)
	}
	return r.RenderParts(w, parts)
}

// RenderHTMLParts makes the pipeline's stages HTML stages for a packet
// (packet.HTMLStages).
func (s stages) RenderHTMLParts(w io.Writer, parts []html.Part) error {
	return s.p.RenderHTMLParts(w, parts)
}

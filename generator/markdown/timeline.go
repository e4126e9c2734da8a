package markdown

import (
	"strings"

	"github.com/underlag/underlag/generator/doc"
)

// writeTimeline writes a timeline as Markdown writes any figure it cannot
// draw: an image with no source whose text is the chart in words (the
// timeline's Alt), as an image block is written.
func writeTimeline(_ *Renderer, b *strings.Builder, bl doc.Block, indent string) error {
	writeLines(b, "!["+escape(bl.(*doc.Timeline).Alt)+"]()", indent)
	return nil
}

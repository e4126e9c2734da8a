package docx

import (
	"fmt"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
)

// A timeline goes into the DOCX as a picture: generator/gantt lays it out
// as for the PDF and draws it at chartDPI, and it is embedded as any
// image is, with the timeline's Alt as its description.
//
// A picture rather than DrawingML shapes, because a chart of some hundred
// shapes (bars, diamonds, hatching, a text box per label) is read by a
// screen reader shape by shape, and Word, LibreOffice and Google Docs each
// place text boxes in a group with their own insets and line heights: the
// picture is one object with one alternative text, and looks the same in
// every program and on the page the PDF puts it on. The data, not the
// drawing, is what an author edits; the tables beside the chart carry the
// same dates as text.
const chartDPI = 200

func renderTimeline(s *state, b doc.Block, c ctx) error {
	t := b.(*doc.Timeline)
	l, err := s.r.chart()
	if err != nil {
		return err
	}
	width := float64(c.width) * 25.4 / 1440
	d := l.Layout(t, width, s.r.p)
	if d.H == 0 {
		return nil
	}
	png, err := d.PNG(chartDPI)
	if err != nil {
		return fmt.Errorf("docx: timeline: %w", err)
	}
	img := &doc.Image{Data: png, Format: "png", Alt: t.Alt, Width: d.W}
	// Kept with the caption after it, as the PDF keeps the two.
	s.pOpen(c.para, 0, 0, true, doc.AlignLeft)
	// At most a page high, less room for the caption, as in the PDF.
	p := s.r.p
	maxH := wordpkg.Twips(p.PageHeight - p.MarginTop - p.MarginBottom - 3*p.BodySize*25.4/72)
	s.body, err = s.drawing(s.body, img, &s.rels, c.width, maxH)
	if err != nil {
		return err
	}
	s.pClose()
	return nil
}

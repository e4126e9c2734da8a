package docx

import (
	"fmt"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
)

// A timeline goes into the DOCX as one picture: generator/gantt lays it
// out as for the PDF, and writes it as an Enhanced Metafile (EMF), which
// is embedded as any image is, with the timeline's Alt as its
// description.
//
// A picture rather than DrawingML shapes, because a chart of some hundred
// shapes (bars, diamonds, hatching, a text box per label) is read by a
// screen reader shape by shape, and Word, LibreOffice and Google Docs each
// place text boxes in a group with their own insets and line heights: the
// picture is one object with one alternative text, and looks the same in
// every program and on the page the PDF puts it on. The data, not the
// drawing, is what an author edits; the tables beside the chart carry the
// same dates as text.
//
// An EMF rather than a PNG: it is vector, as the PDF's chart is, sharp at
// any zoom and in print, and Office's own picture format, which Word and
// LibreOffice draw themselves; its texts are glyph outlines, so no font
// need be installed where it is opened. The PNG it replaced, at 200 dpi,
// cost some 30-40 ms of CPU a chart to draw and compress (half the CPU of
// a thousand-document build, measured with bench/buildprof) and 166 KB
// in the status report's DOCX; the EMF is written in about half a
// millisecond, and deflates to some 43 KB (a glyph repeated is the same
// bytes, see gantt's EMF).
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
	// Into the state's buffer, written with the package before the state
	// serves another document.
	from := len(s.pictures)
	s.pictures, err = d.AppendEMF(s.pictures)
	if err != nil {
		return fmt.Errorf("docx: timeline: %w", err)
	}
	emf := s.pictures[from:len(s.pictures):len(s.pictures)]
	img := &doc.Image{Data: emf, Format: "emf", Alt: t.Alt, Width: d.W}
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

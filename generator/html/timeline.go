package html

import (
	"github.com/underlag/underlag/generator/doc"
)

// timeline writes a timeline as an inline SVG in a figure: generator/gantt
// lays it out as for the PDF and the DOCX, and the SVG is an image to a
// screen reader (role img) named by the timeline's Alt. The
// small paragraph after it is its caption, as after an image.
func timeline(w *Writer, b doc.Block, entering bool) (doc.WalkStatus, error) {
	if !entering {
		return doc.WalkContinue, nil
	}
	t := b.(*doc.Timeline)
	l, err := w.r.chart()
	if err != nil {
		return doc.WalkStop, err
	}
	d := l.Layout(t, w.r.p.TextWidth(), w.r.p)
	if d.H == 0 {
		return doc.WalkContinue, nil
	}
	w.Raw("<figure class=\"tidslinje\">")
	w.Raw(string(d.SVG()))
	w.Raw("\n")
	w.figure = true
	return doc.WalkContinue, nil
}

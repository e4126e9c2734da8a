package html

import (
	"github.com/underlag/underlag/generator/doc"
)

// The running header and footer are drawn once, as the page's <header>
// and <footer> landmarks. A page-one header or footer (Meta.First) is the
// fuller one where it differs (the memo's address footer), so it is
// preferred; lines that hold a page number are left out, since a web page
// has no pages.

// header writes the page's header: the logo and the organisation at the
// left, the kind, date and case number at the right.
func header(w *Writer, m doc.Meta) {
	h := m.Header
	if m.First != nil && len(m.First.Header.Left)+len(m.First.Header.Right) > 0 {
		h = m.First.Header
	}
	left, right := furnitureLines(h.Left), furnitureLines(h.Right)
	if m.Logo == nil && len(left)+len(right) == 0 {
		return
	}
	w.Raw("<header class=\"sidhuvud\">\n<div class=\"avsandare\">")
	if m.Logo != nil {
		w.img(m.Logo, "logotyp")
	}
	w.lines(left)
	w.Raw("</div>\n<div class=\"uppgifter\">")
	w.lines(right)
	w.Raw("</div>\n</header>\n")
}

// footer writes the page's footer.
func footer(w *Writer, m doc.Meta) {
	f := m.Footer
	if m.First != nil && len(m.First.Footer) > 0 {
		f = m.First.Footer
	}
	lines := furnitureLines(f)
	if len(lines) == 0 {
		return
	}
	w.Raw("<footer class=\"sidfot\">")
	w.lines(lines)
	w.Raw("</footer>\n")
}

// lines writes lines as one paragraph with line breaks.
func (w *Writer) lines(lines []doc.Line) {
	if len(lines) == 0 {
		return
	}
	w.Raw("<p>")
	for i, l := range lines {
		if i > 0 {
			w.Raw("<br>")
		}
		w.Inlines(l)
	}
	w.Raw("</p>")
}

// furnitureLines are the lines of a header or footer a web page shows:
// those without a page number, and not empty.
func furnitureLines(lines []doc.Line) []doc.Line {
	var out []doc.Line
	for _, l := range lines {
		page, text := false, false
		for _, r := range l {
			if r.Field != doc.NoField {
				page = true
			}
			if !r.Break && r.Field == doc.NoField && doc.Plain([]doc.Inline{r}) != "" {
				text = true
			}
		}
		if text && !page {
			out = append(out, l)
		}
	}
	return out
}

package html

import (
	"strings"

	"github.com/underlag/underlag/generator/doc"
)

// The running header and footer are drawn once, as the page's <header>
// and <footer> landmarks. A page-one header or footer (Meta.First) is the
// fuller one where it differs (the memo's address footer), so it is
// preferred; lines that hold a page number are left out, since a web page
// has no pages.
//
// A furniture template's header or footer (doc.Band, the _sidhuvud and
// _sidfot partials) is drawn as its grid: a row of columns at their
// shares of the width and in their alignment, each cell its lines or the
// logo. On a narrow screen the columns of a row stack. A band with no
// rows is no header or footer at all, as in the PDF and DOCX.

// band is the band a page draws for a header (or footer): page one's when
// it has one that draws something, else the other pages'. ok is false
// when the furniture is the profile's lists, not a template's band.
func band(m doc.Meta, footer bool) (b *doc.Band, ok bool) {
	pick := func(h, f *doc.Band) *doc.Band {
		if footer {
			return f
		}
		return h
	}
	if m.First != nil {
		if fb := pick(m.First.HeaderBand, m.First.FooterBand); fb != nil && !fb.Empty() {
			return fb, true
		}
	}
	if b := pick(m.HeaderBand, m.FooterBand); b != nil {
		return b, true
	}
	if m.First != nil {
		if fb := pick(m.First.HeaderBand, m.First.FooterBand); fb != nil {
			return fb, true
		}
	}
	return nil, false
}

// header writes the page's header: a template's band, or the profile's
// logo and organisation at the left and kind, date and case number at the
// right.
func header(w *Writer, m doc.Meta) {
	if b, ok := band(m, false); ok {
		w.band(b, m, "header", "sidhuvud")
		return
	}
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
	if b, ok := band(m, true); ok {
		w.band(b, m, "footer", "sidfot")
		return
	}
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

// band writes a template's header or footer as the landmark tag with
// class, a grid row per band row; nothing when the band draws nothing a
// web page shows (its lines may all be page numbers).
func (w *Writer) band(b *doc.Band, m doc.Meta, tag, class string) {
	type cell struct {
		lines []doc.Line
		logo  bool
		align doc.Align
		share float64
	}
	var rows [][]cell
	for _, r := range b.Rows {
		shares := r.Shares()
		var row []cell
		shown := false
		for i, c := range r.Cells {
			cl := cell{lines: furnitureLines(c.Lines), logo: c.Logo && m.Logo != nil, align: r.Align(i), share: shares[i]}
			shown = shown || cl.logo || len(cl.lines) > 0
			row = append(row, cl)
		}
		if shown {
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return
	}
	if b.Rule {
		class += " linje"
	}
	w.Raw("<" + tag + " class=\"" + class + " band\">\n")
	for _, row := range rows {
		cols := make([]string, len(row))
		for i, c := range row {
			cols[i] = "minmax(0, " + num(c.share) + "fr)"
		}
		w.Raw("<div class=\"bandrad\" style=\"grid-template-columns: " + strings.Join(cols, " ") + "\">")
		for _, c := range row {
			w.Raw("<div")
			switch c.align {
			case doc.AlignRight:
				w.Raw(" class=\"h\"")
			case doc.AlignCenter:
				w.Raw(" class=\"c\"")
			}
			w.Raw(">")
			if c.logo {
				w.img(m.Logo, "logotyp")
			}
			w.lines(c.lines)
			w.Raw("</div>")
		}
		w.Raw("</div>\n")
	}
	w.Raw("</" + tag + ">\n")
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

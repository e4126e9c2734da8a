package pdf

import (
	"fmt"

	"github.com/underlag/underlag/generator/doc"
)

// bandGap is the room between two columns of a header or footer grid, in
// mm.
const bandGap = 4.0

// opRange is a run of ops, such as a header line read as content.
type opRange struct{ start, end int }

// bandCell is one cell of a band, laid out: its place and width, its
// lines wrapped into text lines, its logo, and its height.
type bandCell struct {
	x, w  float64
	align doc.Align
	lines [][][]span // a cell's lines, each wrapped into text lines
	logo  *doc.Image
	lw    float64 // the logo's size
	lh    float64
	h     float64
}

// measureBand lays out a band's cells for a page numbered n of total and
// returns them by row, with each row's height, the band's height and the
// text style it is set in.
func (r *Renderer) measureBand(m *doc.Meta, b *doc.Band, n, total int, top bool) (textStyle, [][]bandCell, []float64, float64, error) {
	p := &r.p
	size := p.FooterSize
	if top {
		size = p.HeaderSize
	}
	ts := r.styleAt(size, false)
	left := p.MarginLeft
	width := p.PageWidth - p.MarginRight - left
	rows := make([][]bandCell, len(b.Rows))
	heights := make([]float64, len(b.Rows))
	bandH := 0.0
	for i, row := range b.Rows {
		shares := row.Shares()
		sum := 0.0
		for _, sh := range shares {
			sum += sh
		}
		avail := width - bandGap*float64(len(shares)-1)
		x := left
		for j, c := range row.Cells {
			w := avail * shares[j] / sum
			cl := bandCell{x: x, w: w, align: row.Align(j)}
			x += w + bandGap
			if c.Logo && m.Logo != nil {
				lw, lh, err := imageSize(m.Logo, w)
				if err != nil {
					return ts, nil, nil, 0, err
				}
				maxH := 3 * ts.lead
				if top {
					maxH = min(maxH, p.MarginTop-p.HeaderTop-4)
				}
				if m.Logo.Width > 0 {
					maxH = max(maxH, lh)
				}
				if lh > maxH && maxH > 0 {
					lw, lh = lw*maxH/lh, maxH
				}
				cl.logo, cl.lw, cl.lh, cl.h = m.Logo, lw, lh, lh
			}
			for _, l := range c.Lines {
				wrapped := r.lines(r.spans(fill(l, n, total), ts), w, ts)
				cl.lines = append(cl.lines, wrapped)
				cl.h += float64(len(wrapped)) * ts.lead
			}
			heights[i] = max(heights[i], cl.h)
			rows[i] = append(rows[i], cl)
		}
		bandH += heights[i]
	}
	return ts, rows, heights, bandH, nil
}

// bandClear is the least room between a furniture band and the body, in
// mm: as much as the margins leave between the profile's logo and text.
const bandClear = 4.0

// bodyLimits is where the body stands on every page: between the
// profile's margins, moved in as far as a furniture template's header or
// footer band needs (page one's or the others', whichever is taller), so
// that a footer of labels above values never runs into the text. The
// profile's own header and footer lists keep to the margins, as before.
func (r *Renderer) bodyLimits(m *doc.Meta) (top, bottom float64, err error) {
	p := &r.p
	top, bottom = p.MarginTop, p.PageHeight-p.MarginBottom
	bands := [][2]*doc.Band{{m.HeaderBand, m.FooterBand}}
	if m.First != nil {
		bands = append(bands, [2]*doc.Band{m.First.HeaderBand, m.First.FooterBand})
	}
	// The widest page numbers a document shows, so that a page field's
	// text wraps no less than it will.
	n, total := m.Numbering.Page(999, 999)
	for _, hf := range bands {
		for i, b := range hf {
			if b == nil || b.Empty() {
				continue
			}
			_, _, _, h, err := r.measureBand(m, b, n, total, i == 0)
			if err != nil {
				return 0, 0, err
			}
			if i == 0 {
				top = max(top, p.HeaderTop+h+bandClear)
			} else {
				bottom = min(bottom, p.PageHeight-p.FooterBottom-h-bandClear)
			}
		}
	}
	if bottom-top < 20 {
		return 0, 0, fmt.Errorf("pdf: the running header and footer leave %.0f mm of the page's %.0f for the text; make them shorter", max(bottom-top, 0), p.PageHeight)
	}
	return top, bottom, nil
}

// bandOps lays out a furniture template's header (top) or footer band of
// a page whose number and count are n and total: its rows from the top
// margin down, or ending at the footer's distance from the bottom, each
// column at its share of the text width, the lines of a cell under each
// other in the column's alignment. A header's rule goes under it, a
// footer's above it. When content is set, the lines without page fields
// are returned as ranges to read as content (page one's header).
func (r *Renderer) bandOps(dst []op, m *doc.Meta, b *doc.Band, n, total int, top, content bool) ([]op, []opRange, error) {
	p := &r.p
	ts, rows, heights, bandH, err := r.measureBand(m, b, n, total, top)
	if err != nil {
		return dst, nil, err
	}
	left := p.MarginLeft
	width := p.PageWidth - p.MarginRight - left
	y := p.HeaderTop
	if !top {
		y = p.PageHeight - p.FooterBottom - bandH
		if b.Rule && bandH > 0 {
			dst = append(dst, op{kind: opLine, x: left, y: y - 1, w: width, size: p.GridWidth, color: p.GridColor})
		}
	}
	var ranges []opRange
	for i, row := range rows {
		for j, cl := range row {
			cy := y
			if cl.logo != nil {
				lx := cl.x
				switch cl.align {
				case doc.AlignRight:
					lx = cl.x + cl.w - cl.lw
				case doc.AlignCenter:
					lx = cl.x + (cl.w-cl.lw)/2
				}
				dst = append(dst, op{kind: opImage, x: lx, y: cy, w: cl.lw, h: cl.lh, more: &opMore{img: cl.logo}})
				cy += cl.lh
			}
			for k, wrapped := range cl.lines {
				start := len(dst)
				for _, ln := range wrapped {
					dst = r.lineOps(dst, ln, cl.x, cy, cl.w, cl.align, ts, false)
					cy += ts.lead
				}
				if content && !hasField(b.Rows[i].Cells[j].Lines[k]) && len(dst) > start {
					ranges = append(ranges, opRange{start, len(dst)})
				}
			}
		}
		y += heights[i]
	}
	if top && b.Rule && bandH > 0 {
		dst = append(dst, op{kind: opLine, x: left, y: y + 1, w: width, size: p.GridWidth, color: p.GridColor})
	}
	return dst, ranges, nil
}

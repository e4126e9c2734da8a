package doc

import "fmt"

// Band is what an organisation's furniture template makes of a running
// header or footer: a borderless grid of rows, each with its own columns
// (width shares and alignment), each cell a stack of lines (a label above
// its value is two lines) or the logo. A Band with no rows is nothing: no
// header, or no footer, at all. Compose builds it; the renderers draw the
// same grid, the PDF on every page and the DOCX as a borderless table in
// the header or footer part.
type Band struct {
	Rows []BandRow
	// Rule draws a thin rule between the band and the body: under a
	// header, above a footer.
	Rule bool
}

// BandRow is one row of a Band. Columns and Cells have the same length.
type BandRow struct {
	Columns []Column
	Cells   []BandCell
}

// Shares are the columns' shares of the width, one a cell: a column
// without a width (or a cell without a column) takes 1.
func (r BandRow) Shares() []float64 {
	out := make([]float64, len(r.Cells))
	for i := range out {
		out[i] = 1
		if i < len(r.Columns) && r.Columns[i].Width > 0 {
			out[i] = r.Columns[i].Width
		}
	}
	return out
}

// Align is the alignment of cell i.
func (r BandRow) Align(i int) Align {
	if i < len(r.Columns) {
		return r.Columns[i].Align
	}
	return AlignLeft
}

// BandCell is one cell of a BandRow: the logo (Meta.Logo), when Logo is
// set, else its lines from the top.
type BandCell struct {
	Lines []Line
	Logo  bool
}

// Empty reports whether the band draws nothing.
func (b *Band) Empty() bool {
	for _, r := range b.Rows {
		for _, c := range r.Cells {
			if c.Logo || len(c.Lines) > 0 {
				return false
			}
		}
	}
	return true
}

// Numbering is how the page fields count: Start is the number of the
// document's first page (0 or 1: 1), Total the number the page count
// field shows (0: the document's own pages, counted from Start). An
// extract of pages 5–7 of a 53-page protocol has Start 5 and Total 53,
// and its first page says "5 (53)".
type Numbering struct {
	Start int
	Total int
	// From is where the numbering was set (the furniture template's
	// path), for the error Check gives.
	From string
}

// Check says whether a document of pages pages fits the count its
// numbering gives: an extract from page 53 of a 53-page protocol that
// lays out as two pages would print 54 (53). Only a renderer that lays
// pages out (the PDF) knows pages; 0 checks nothing.
func (nb Numbering) Check(pages int) error {
	if nb.Total == 0 || pages < 1 {
		return nil
	}
	last, total := nb.Page(pages, pages)
	if last <= total {
		return nil
	}
	first, _ := nb.Page(1, pages)
	at := ""
	if nb.From != "" {
		at = nb.From + ": "
	}
	fix := fmt.Sprintf("make the count %d or more", last)
	if fit := total - pages + 1; fit >= 1 {
		fix = fmt.Sprintf("make the first page %d or less, or the count %d or more", fit, last)
	}
	return fmt.Errorf("%ssidnumrering %d %d: the document's %d pages would be numbered %d to %d, past the count %d; %s",
		at, first, total, pages, first, last, total, fix)
}

// Page returns the number page n (from 1) of a document of total pages
// shows, and the count.
func (nb Numbering) Page(n, total int) (int, int) {
	start := max(nb.Start, 1)
	count := total + start - 1
	if nb.Total > 0 {
		count = nb.Total
	}
	return n + start - 1, count
}

// WithMark is a copy of the band with a line at the right above its
// rows, as a packet marks an attachment ("Bilaga 1"); b is not changed.
func (b *Band) WithMark(l Line) *Band {
	out := &Band{Rule: b.Rule, Rows: make([]BandRow, 0, len(b.Rows)+1)}
	out.Rows = append(out.Rows, BandRow{Columns: []Column{{Width: 1, Align: AlignRight}}, Cells: []BandCell{{Lines: []Line{l}}}})
	out.Rows = append(out.Rows, b.Rows...)
	return out
}

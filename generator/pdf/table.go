package pdf

import (
	"github.com/underlag/underlag/generator/doc"
)

// layoutTable lays out a table as one box per row. Header rows are kept
// with the first body row and travel with every body row as its repeat,
// so the flow draws them again at the top of each page the table
// continues onto. Rows are never split unless a single row is taller than
// a page.
func layoutTable(r *Renderer, b doc.Block, fr frame) ([]box, error) {
	t := b.(*doc.Table)
	ncol := len(t.Columns)
	for _, rows := range [][]doc.Row{t.Header, t.Rows} {
		for _, row := range rows {
			ncol = max(ncol, len(row.Cells))
		}
	}
	if ncol == 0 {
		return nil, nil
	}
	if fr.tags != nil && fr.parent > 0 {
		if sum := t.Summary(); sum != "" {
			fr.tags.elems[fr.parent].attrs = "/A<</O/Table/Summary" + textString(sum) + ">>"
		}
	}
	widths := r.columnWidths(t, ncol, fr)
	var head []box
	for _, row := range t.Header {
		bx, err := r.rowBox(t, row, widths, fr, true)
		if err != nil {
			return nil, err
		}
		bx.keep = true
		head = append(head, bx)
	}
	out := append([]box(nil), head...)
	for _, row := range t.Rows {
		bx, err := r.rowBox(t, row, widths, fr, false)
		if err != nil {
			return nil, err
		}
		bx.repeat = head
		out = append(out, bx)
	}
	keepRows(out[len(head):])
	if t.Caption != "" {
		if len(out) > 0 {
			out[len(out)-1].keep = true // the caption stays under the table
		}
		ts := r.styleAt(r.p.SmallSize, false)
		cap := r.textBoxes([]doc.Inline{doc.Text(t.Caption)}, fr.x, fr.width, doc.AlignLeft, ts)
		stamp(fr.tags, cap, fr.tags.add("Caption", fr.parent))
		cap[0].before = r.p.ParagraphSpacing / 2
		out = append(out, cap...)
	}
	return out, nil
}

// keepRows ties a table's body rows together by doc.KeepRow, so that no
// page shows one row alone.
func keepRows(rows []box) {
	for i := range rows {
		rows[i].keep = doc.KeepRow(i, len(rows))
	}
}

// NaturalWidth measures runs in the PDF's fonts, for the DOCX's column
// widths (doc.Measurer), so that both formats size a table alike.
func (r *Renderer) NaturalWidth(runs []doc.Inline, size float64, bold bool) (line, word float64) {
	return r.naturalWidth(runs, r.styleAt(size, bold))
}

// cellPad returns a cell's left and right padding. A borderless table's
// first column starts flush with the text, as a key–value block in Word
// does.
func (r *Renderer) cellPad(t *doc.Table, col int) (left, right float64) {
	if t.Borderless && col == 0 {
		return 0, r.p.CellPadding
	}
	return r.p.CellPadding, r.p.CellPadding
}

// rowBox lays out one row's cells and assembles them into a box.
func (r *Renderer) rowBox(t *doc.Table, row doc.Row, widths []float64, fr frame, header bool) (box, error) {
	cells := make([][]box, len(widths))
	x := 0.0
	tr := fr.tags.add("TR", fr.parent)
	for i, w := range widths {
		pl, pr := r.cellPad(t, i)
		cf := frame{x: x + pl, width: w - pl - pr, cell: true, bold: header, names: fr.names, tags: fr.tags, parent: cellElem(fr.tags, tr, t, i, header, len(widths))}
		if i < len(t.Columns) {
			cf.align = t.Columns[i].Align
		}
		if i < len(row.Cells) {
			bs, err := r.layoutBlocks(row.Cells[i].Blocks, cf)
			if err != nil {
				return box{}, err
			}
			cells[i] = bs
		}
		x += w
	}
	return r.assembleRow(t, cells, widths, fr, header), nil
}

// cellElem adds a cell's structure element. PDF/UA wants every header
// cell's scope: the cells of header rows head their columns, and in a
// borderless key–value table (Diarienummer, Datum), which has no header
// row, the first cell of each row is the label of the row.
func cellElem(t *structTree, tr int, tb *doc.Table, col int, header bool, ncol int) int {
	switch {
	case header:
		e := t.add("TH", tr)
		if e != 0 {
			t.elems[e].attrs = "/A<</O/Table/Scope/Column>>"
		}
		return e
	case tb.Borderless && len(tb.Header) == 0 && col == 0 && ncol > 1:
		e := t.add("TH", tr)
		if e != 0 {
			t.elems[e].attrs = "/A<</O/Table/Scope/Row>>"
		}
		return e
	}
	return t.add("TD", tr)
}

// assembleRow stacks each cell's boxes and draws the row's background and
// grid. It is also how a split row's parts are built.
func (r *Renderer) assembleRow(t *doc.Table, cells [][]box, widths []float64, fr frame, header bool) box {
	pad := r.p.CellPadding
	if t.Borderless {
		pad /= 2
	}
	content := r.styleAt(r.p.TableSize, false).lead // an empty row is one line high
	for _, bs := range cells {
		content = max(content, stackHeight(bs))
	}
	h := content + 2*pad
	var ops []op
	x := fr.x
	if header && !t.Borderless {
		ops = append(ops, op{kind: opRect, x: x, y: 0, w: sum(widths), h: h, fill: true, fillc: r.p.HeaderFill, tag: tagArtifact})
	}
	for i, bs := range cells {
		y := pad
		for j, b := range bs {
			if j > 0 {
				y += b.before
			}
			ops = shift(ops, b.ops, fr.x, y)
			y += b.h
		}
		if !t.Borderless {
			ops = append(ops, op{kind: opRect, x: x, y: 0, w: widths[i], h: h, draw: true, size: r.p.GridWidth, color: r.p.GridColor, tag: tagArtifact})
		}
		x += widths[i]
	}
	bx := box{h: h, ops: ops}
	bx.split = func(avail float64) (box, box, bool) {
		room := avail - 2*pad
		first := make([][]box, len(cells))
		rest := make([][]box, len(cells))
		moved := false
		for i, bs := range cells {
			y, k := 0.0, 0
			for k < len(bs) {
				step := bs[k].h
				if k > 0 {
					step += bs[k].before
				}
				if y+step > room {
					break
				}
				y += step
				k++
			}
			first[i], rest[i] = bs[:k], bs[k:]
			if k > 0 {
				moved = true
			}
		}
		if !moved {
			return box{}, box{}, false
		}
		return r.assembleRow(t, first, widths, fr, header), r.assembleRow(t, rest, widths, fr, header), true
	}
	return bx
}

// stackHeight is the height of boxes stacked with their spacing.
func stackHeight(bs []box) float64 {
	h := 0.0
	for i, b := range bs {
		if i > 0 {
			h += b.before
		}
		h += b.h
	}
	return h
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// columnWidths sizes the columns by doc.ColumnWidths from what their
// content measures in the PDF's fonts.
func (r *Renderer) columnWidths(t *doc.Table, ncol int, fr frame) []float64 {
	want, need := r.contentWidths(t, ncol)
	return doc.ColumnWidths(t.Columns, fr.width, want, need)
}

// contentWidths measures what each column would like (its longest
// unwrapped line) and what it needs (its longest word), padding included.
func (r *Renderer) contentWidths(t *doc.Table, ncol int) (want, need []float64) {
	want = make([]float64, ncol)
	need = make([]float64, ncol)
	measure := func(rows []doc.Row, bold bool) {
		for _, row := range rows {
			for i, c := range row.Cells {
				if i >= ncol {
					break
				}
				for _, b := range c.Blocks {
					var runs []doc.Inline
					extra := 0.0
					switch n := b.(type) {
					case *doc.Paragraph:
						runs = n.Text
					case *doc.List:
						runs = []doc.Inline{doc.Text(doc.Plain(firstRuns(n)))}
						extra = r.p.ListIndent
					default:
						continue
					}
					ts := r.styleAt(r.p.TableSize, bold)
					line, word := r.naturalWidth(runs, ts)
					want[i] = max(want[i], line+extra)
					need[i] = max(need[i], word+extra)
				}
			}
		}
	}
	measure(t.Header, true)
	measure(t.Rows, false)
	for i := range want {
		pl, pr := r.cellPad(t, i)
		want[i] += pl + pr + 0.5
		need[i] += pl + pr + 0.5
	}
	return want, need
}

// firstRuns returns the runs of a list's longest item paragraph, a good
// enough estimate of what the list needs.
func firstRuns(l *doc.List) []doc.Inline {
	var best []doc.Inline
	for _, it := range l.Items {
		for _, b := range it.Blocks {
			if p, ok := b.(*doc.Paragraph); ok && len(doc.Plain(p.Text)) > len(doc.Plain(best)) {
				best = p.Text
			}
		}
	}
	return best
}

package docx

import (
	"strings"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
)

// WithMeasurer sizes table columns from text measured as the PDF sets it
// (the PDF renderer is a doc.Measurer), so that a table's columns, its
// rows' heights and the pages they break at are the PDF's; without it
// text is estimated at an average character width.
func WithMeasurer(m doc.Measurer) Option {
	return func(c *config) { c.measure = m }
}

// columnWidths sizes the columns (twips) by doc.ColumnWidths, the rule the
// PDF uses too: from the PDF's own measure of the content when the
// renderer has it (WithMeasurer), in millimetres as the PDF does, else
// from estimated widths.
func (r *Renderer) columnWidths(dst []int, t *doc.Table, n, width int) []int {
	want, need := make([]float64, n), make([]float64, n)
	var w []float64
	if r.measure != nil {
		mm := float64(width) * 25.4 / 1440
		r.measuredWidths(t, want, need)
		w = doc.ColumnWidths(t.Columns, mm, want, need)
		for i := range w {
			w[i] *= 1440 / 25.4
		}
	} else {
		r.contentWidths(t, want, need)
		w = doc.ColumnWidths(t.Columns, float64(width), want, need)
	}
	used := 0
	for i := range n {
		x := int(w[i])
		if i == n-1 {
			x = width - used
		}
		used += x
		dst = append(dst, x)
	}
	return dst
}

// contentWidths estimates, in twips, what each column would like (its
// longest line unwrapped) and needs (its longest word), padding included.
func (r *Renderer) contentWidths(t *doc.Table, want, need []float64) {
	p := &r.p
	char := p.TableSize * 20 * 0.5 // an average character is about half an em
	pad := float64(wordpkg.Twips(2*p.CellPadding)) + 40
	measure := func(rows []doc.Row, bold float64) {
		for _, row := range rows {
			for i, c := range row.Cells {
				if i >= len(want) {
					break
				}
				for _, b := range c.Blocks {
					var line, word float64
					switch n := b.(type) {
					case *doc.Paragraph:
						line, word = measureRuns(n.Text)
					case *doc.List:
						for _, it := range n.Items {
							if p, ok := firstParagraph(it.Blocks); ok {
								l, w := measureRuns(p.Text)
								line, word = max(line, l+3), max(word, w+3)
							}
						}
					default:
						continue
					}
					want[i] = max(want[i], line*char*bold+pad)
					need[i] = max(need[i], word*char*bold+pad)
				}
			}
		}
	}
	measure(t.Header, 1.1)
	measure(t.Rows, 1)
	for i := range want {
		want[i] = max(want[i], pad+char)
		need[i] = max(need[i], pad+char)
	}
}

// measuredWidths is the PDF's contentWidths (generator/pdf/table.go) with
// the PDF's measure: what each column would like and needs, in
// millimetres, padding included.
func (r *Renderer) measuredWidths(t *doc.Table, want, need []float64) {
	p := &r.p
	measure := func(rows []doc.Row, bold bool) {
		for _, row := range rows {
			for i, c := range row.Cells {
				if i >= len(want) {
					break
				}
				for _, b := range c.Blocks {
					var runs []doc.Inline
					extra := 0.0
					switch n := b.(type) {
					case *doc.Paragraph:
						runs = n.Text
					case *doc.List:
						for _, it := range n.Items {
							if q, ok := firstParagraph(it.Blocks); ok && len(doc.Plain(q.Text)) > len(doc.Plain(runs)) {
								runs = q.Text
							}
						}
						runs = []doc.Inline{doc.Text(doc.Plain(runs))}
						extra = p.ListIndent
					default:
						continue
					}
					line, word := r.measure.NaturalWidth(runs, p.TableSize, bold)
					want[i] = max(want[i], line+extra)
					need[i] = max(need[i], word+extra)
				}
			}
		}
	}
	measure(t.Header, true)
	measure(t.Rows, false)
	for i := range want {
		pad := 2 * p.CellPadding
		if t.Borderless && i == 0 {
			pad = p.CellPadding
		}
		want[i] += pad + 0.5
		need[i] += pad + 0.5
	}
}

// measureRuns returns the longest line and longest word of runs, in
// average characters; bold characters count a little wider.
func measureRuns(runs []doc.Inline) (line, word float64) {
	cur, w := 0.0, 0.0
	for _, in := range runs {
		if in.Break {
			line, cur = max(line, cur), 0
			word, w = max(word, w), 0
			continue
		}
		cw := 1.0
		if in.Style&doc.Bold != 0 {
			cw = 1.12
		}
		for _, c := range in.Text {
			cur += cw
			if c == ' ' || c == '\n' {
				word, w = max(word, w), 0
				if c == '\n' {
					line, cur = max(line, cur), 0
				}
				continue
			}
			w += cw
		}
	}
	return max(line, cur), max(word, w)
}

func renderTable(s *state, b doc.Block, c ctx) error {
	t := b.(*doc.Table)
	n := len(t.Columns)
	for _, rows := range [2][]doc.Row{t.Header, t.Rows} {
		for _, r := range rows {
			n = max(n, len(r.Cells))
		}
	}
	if n == 0 {
		return nil
	}
	var buf [8]int
	widths := s.r.columnWidths(buf[:0], t, n, c.width)
	st := sTableGrid
	if t.Borderless {
		st = sTableBorderless
	}
	s.tblOpen(st, widths, len(t.Header) > 0)
	s.tblText(t)
	for i, rows := range [2][]doc.Row{t.Header, t.Rows} {
		head := i == 0
		for ri, row := range rows {
			s.body = append(s.body, "<w:tr><w:trPr><w:cantSplit/>"...)
			if head {
				s.body = append(s.body, "<w:tblHeader/>"...)
			}
			s.body = append(s.body, "</w:trPr>"...)
			for j := range n {
				var cell doc.Cell
				if j < len(row.Cells) {
					cell = row.Cells[j]
				}
				cc := ctx{para: sTableText, width: widths[j], cell: true, depth: c.depth}
				if j < len(t.Columns) {
					cc.align = t.Columns[j].Align
				}
				if head {
					cc.para = sTableHeading
				} else {
					cc.keepNext = doc.KeepRow(ri, len(rows))
				}
				s.tcOpen(widths[j], head && !t.Borderless, "")
				s.noHyphens = !head && holdsName(cell.Blocks, s.d.Meta.Names)
				err := s.cellBlocks(cell.Blocks, cc)
				s.noHyphens = false
				if err != nil {
					return err
				}
				s.body = append(s.body, "</w:tc>"...)
			}
			s.body = append(s.body, "</w:tr>"...)
		}
	}
	s.tblClose()
	if t.Caption != "" {
		s.pOpen(sCaption, 0, 0, false, doc.AlignLeft)
		s.body = s.run(s.body, &doc.Inline{Text: t.Caption})
		s.pClose()
	}
	return nil
}

// tblOpen starts a table of a style with fixed column widths.
func (s *state) tblOpen(st sid, widths []int, header bool) {
	s.afterList = false
	if s.afterTable {
		s.body = append(s.body, `<w:p><w:pPr><w:spacing w:after="0" w:line="120" w:lineRule="exact"/></w:pPr></w:p>`...)
	}
	total := 0
	for _, w := range widths {
		total += w
	}
	b := append(s.body, "<w:tbl><w:tblPr>"...)
	b = wordpkg.Val(b, "w:tblStyle", s.r.ids[st])
	b = append(b, "<w:tblW"...)
	b = wordpkg.IntAttr(b, "w:w", total)
	b = append(b, ` w:type="dxa"/><w:tblLayout w:type="fixed"/>`...)
	if header {
		b = append(b, `<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`...)
	} else {
		b = append(b, `<w:tblLook w:val="0600" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`...)
	}
	s.body = b
	s.tblPrEnd = len(s.body)
	b = append(s.body, "</w:tblPr><w:tblGrid>"...)
	for _, w := range widths {
		b = append(b, "<w:gridCol"...)
		b = wordpkg.IntAttr(b, "w:w", w)
		b = append(b, "/>"...)
	}
	s.body = append(b, "</w:tblGrid>"...)
}

// tblText adds a table's caption and description (w:tblCaption,
// w:tblDescription: Word's alternative text for tables, which screen
// readers read) to the table just opened, from the same summary the PDF
// writes.
func (s *state) tblText(t *doc.Table) {
	sum := t.Summary()
	if sum == "" {
		return
	}
	var b []byte
	if t.Caption != "" {
		b = wordpkg.Val(b, "w:tblCaption", t.Caption)
	}
	b = wordpkg.Val(b, "w:tblDescription", sum)
	s.body = append(s.body[:s.tblPrEnd], append(b, s.body[s.tblPrEnd:]...)...)
}

func (s *state) tblClose() {
	s.body = append(s.body, "</w:tbl>"...)
	s.afterTable = true
}

// tcOpen starts a cell. Header cells get the header fill directly as
// well as from the table style's first-row formatting, because
// LibreOffice does not apply a table style's conditional shading.
// bottom, when not empty, is the colour of a line drawn under the cell
// (a line to sign on).
func (s *state) tcOpen(width int, fill bool, bottom string) {
	b := append(s.body, "<w:tc><w:tcPr><w:tcW"...)
	b = wordpkg.IntAttr(b, "w:w", width)
	b = append(b, ` w:type="dxa"/>`...)
	if bottom != "" {
		b = append(b, `<w:tcBorders><w:bottom w:val="single"`...)
		b = wordpkg.IntAttr(b, "w:sz", wordpkg.EighthPoints(signLineW))
		b = append(b, ` w:space="0"`...)
		b = wordpkg.Attr(b, "w:color", bottom)
		b = append(b, `/></w:tcBorders>`...)
	}
	if fill {
		b = shading(b, s.r.p.HeaderFill)
	}
	if bottom != "" {
		b = append(b, `<w:vAlign w:val="bottom"/>`...)
	}
	s.body = append(b, "</w:tcPr>"...)
}

// cellBlocks writes a cell's blocks; a cell must end with a paragraph.
func (s *state) cellBlocks(blocks []doc.Block, c ctx) error {
	s.afterTable = false
	if err := s.blocks(blocks, c); err != nil {
		return err
	}
	if len(blocks) == 0 || s.afterTable {
		s.pOpen(c.para, 0, 0, false, doc.AlignLeft)
		s.pClose()
	}
	s.afterTable = false
	return nil
}

// holdsName reports whether a cell's text contains one of names.
func holdsName(blocks []doc.Block, names []string) bool {
	if len(names) == 0 {
		return false
	}
	found := false
	_ = doc.Walk(blocks, func(b doc.Block, entering bool) (doc.WalkStatus, error) {
		p, ok := b.(*doc.Paragraph)
		if !entering || !ok {
			return doc.WalkContinue, nil
		}
		text := doc.Plain(p.Text)
		for _, n := range names {
			if n != "" && strings.Contains(text, n) {
				found = true
				return doc.WalkStop, nil
			}
		}
		return doc.WalkContinue, nil
	})
	return found
}

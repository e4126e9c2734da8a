package docx

import (
	"fmt"
	"strconv"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
)

// bandPart writes a header (top) or footer part drawn from a furniture
// template's band, as the PDF draws it: each row a borderless table whose
// columns take their shares of the text width, each line of a cell a
// paragraph in the Header or Footer style with the column's alignment, the
// logo where the template puts it. A band with a rule gets a thin line
// between it and the body. An empty band is an empty part: no header or
// footer at all.
func (s *state) bandPart(dst []byte, b *doc.Band, top bool, rels *wordpkg.Rels) ([]byte, error) {
	r := s.r
	width := r.sect.PageWidth - r.sect.Left - r.sect.Right
	body := s.body
	s.body = dst
	if top {
		s.body = append(s.body, wordpkg.HeaderStart...)
	} else {
		s.body = append(s.body, wordpkg.FooterStart...)
	}
	st := sFooter
	if top {
		st = sHeader
	}
	s.afterTable = false
	if !top && b.Rule && !b.Empty() {
		// The Footer style's top border is the rule.
		s.body = append(s.body, `<w:p><w:pPr>`...)
		s.body = wordpkg.Val(s.body, "w:pStyle", r.ids[sFooter])
		s.body = append(s.body, `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`...)
	}
	for _, row := range b.Rows {
		shares := row.Shares()
		sum := 0.0
		for _, sh := range shares {
			sum += sh
		}
		widths := make([]int, len(shares))
		used := 0
		for j, sh := range shares {
			widths[j] = int(float64(width) * sh / sum)
			used += widths[j]
		}
		if len(widths) > 0 {
			widths[len(widths)-1] += width - used
		}
		s.tblOpen(sTableBorderless, widths, false)
		s.body = append(s.body, "<w:tr>"...)
		for j, c := range row.Cells {
			align := row.Align(j)
			s.tcOpen(widths[j], false, "")
			wrote := false
			if c.Logo {
				logo := s.d.Meta.Logo
				if logo == nil && r.ref != nil {
					logo = r.ref.logo
				}
				if logo != nil {
					s.bandParagraph(st, align)
					maxH := wordpkg.Twips(r.p.MarginTop - r.p.HeaderTop - 4)
					var err error
					if s.body, err = s.drawing(s.body, logo, rels, widths[j]-wordpkg.Twips(2), maxH); err != nil {
						s.body = body
						return dst, fmt.Errorf("band logo: %w", err)
					}
					s.pClose()
					wrote = true
				}
			}
			for _, l := range c.Lines {
				s.bandParagraph(st, align)
				s.body = s.pageInlines(s.body, l, rels)
				s.pClose()
				wrote = true
			}
			if !wrote {
				s.bandParagraph(st, align)
				s.pClose()
			}
			s.body = append(s.body, "</w:tc>"...)
		}
		s.body = append(s.body, "</w:tr>"...)
		s.tblClose()
	}
	// A header or footer must end with a paragraph; this one takes no
	// room, and under a header with a rule draws it.
	s.body = append(s.body, `<w:p><w:pPr>`...)
	s.body = wordpkg.Val(s.body, "w:pStyle", r.ids[sHeader])
	if top && b.Rule && !b.Empty() {
		s.body = append(s.body, `<w:pBdr>`...)
		s.body = border(s.body, "w:bottom", r.p.GridWidth, r.p.GridColor, 4)
		s.body = append(s.body, `</w:pBdr>`...)
	}
	s.body = append(s.body, `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`...)
	if top {
		s.body = append(s.body, wordpkg.HeaderEnd...)
	} else {
		s.body = append(s.body, wordpkg.FooterEnd...)
	}
	dst, s.body = s.body, body
	return dst, nil
}

// bandParagraph opens a paragraph of a band's cell: in the Footer style
// without the style's rule (the band draws its own), or the Header style.
func (s *state) bandParagraph(st sid, align doc.Align) {
	b := append(s.body, "<w:p><w:pPr>"...)
	b = wordpkg.Val(b, "w:pStyle", s.r.ids[st])
	if st == sFooter {
		b = append(b, `<w:pBdr><w:top w:val="nil"/></w:pBdr>`...)
	}
	switch align {
	case doc.AlignRight:
		b = append(b, `<w:jc w:val="right"/>`...)
	case doc.AlignCenter:
		b = append(b, `<w:jc w:val="center"/>`...)
	}
	s.body = append(b, "</w:pPr>"...)
}

// pageInlines writes a header or footer line whose page count follows
// the document's numbering: the count data gives (an extract's 53) as
// text, or, when only the first number is given, Word's page count plus
// the pages before it as a formula field. The page number itself comes
// from the section's first page number (w:pgNumType w:start).
func (s *state) pageInlines(dst []byte, l doc.Line, rels *wordpkg.Rels) []byte {
	nb := s.d.Meta.Numbering
	if nb.Total <= 0 && nb.Start <= 1 {
		return s.inlines(dst, l, rels)
	}
	from := 0
	for i := range l {
		if l[i].Field != doc.PagesField {
			continue
		}
		dst = s.inlines(dst, l[from:i], rels)
		from = i + 1
		rpr := s.runProps(&l[i])
		if nb.Total > 0 {
			t := doc.Inline{Text: strconv.Itoa(nb.Total), Style: l[i].Style}
			dst = s.run(dst, &t)
			continue
		}
		dst = pagesFormula(dst, nb.Start-1, rpr)
	}
	return s.inlines(dst, l[from:], rels)
}

// pagesFormula is the field { = { NUMPAGES } + before }: the count of a
// document whose first page is numbered after the pages before it.
func pagesFormula(dst []byte, before int, rpr string) []byte {
	run := func(dst []byte, inner string) []byte {
		dst = append(dst, "<w:r>"...)
		dst = append(dst, rpr...)
		dst = append(dst, inner...)
		return append(dst, "</w:r>"...)
	}
	dst = run(dst, `<w:fldChar w:fldCharType="begin"/>`)
	dst = run(dst, `<w:instrText xml:space="preserve"> = </w:instrText>`)
	dst = wordpkg.Field(dst, "NUMPAGES", "1", rpr)
	dst = run(dst, `<w:instrText xml:space="preserve"> + `+strconv.Itoa(before)+` </w:instrText>`)
	dst = run(dst, `<w:fldChar w:fldCharType="separate"/>`)
	dst = run(dst, `<w:t>`+strconv.Itoa(before+1)+`</w:t>`)
	return run(dst, `<w:fldChar w:fldCharType="end"/>`)
}

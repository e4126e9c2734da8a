package docx

import (
	"fmt"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
)

// header writes a header part (the running one, or page one's own): a
// borderless table with the logo (when there is one), the left lines, and
// the right lines aligned right, where the page number is "PAGE
// (NUMPAGES)" as Word fields. The logo and links go into rels, the
// part's own relationships.
func (s *state) header(dst []byte, h doc.Header, band *doc.Band, rels *wordpkg.Rels) ([]byte, error) {
	if band != nil {
		return s.bandPart(dst, band, true, rels)
	}
	m := &s.d.Meta
	r := s.r
	width := r.sect.PageWidth - r.sect.Left - r.sect.Right
	logo := m.Logo
	if logo == nil && r.ref != nil {
		logo = r.ref.logo
	}
	// The helpers write to s.body: point it at the part buffer meanwhile.
	body := s.body
	s.body = dst
	s.body = append(s.body, wordpkg.HeaderStart...)
	s.afterTable = false
	widths := []int{width / 2, width - width/2}
	if logo != nil {
		lw := width / 4
		widths = []int{lw, (width - lw) / 2, width - lw - (width-lw)/2}
	}
	s.tblOpen(sTableBorderless, widths, false)
	s.body = append(s.body, "<w:tr>"...)
	col := 0
	if logo != nil {
		s.tcOpen(widths[0], false, "")
		s.pOpen(sHeader, 0, 0, false, doc.AlignLeft)
		maxH := wordpkg.Twips(r.p.MarginTop - r.p.HeaderTop - 4)
		var err error
		if s.body, err = s.drawing(s.body, logo, rels, widths[0]-wordpkg.Twips(2), maxH); err != nil {
			s.body = body
			return dst, fmt.Errorf("header logo: %w", err)
		}
		s.pClose()
		s.body = append(s.body, "</w:tc>"...)
		col = 1
	}
	for side, lines := range [2][]doc.Line{h.Left, h.Right} {
		st := sHeader
		if side == 1 {
			st = sHeaderRight
		}
		s.tcOpen(widths[col+side], false, "")
		for _, l := range lines {
			s.pOpen(st, 0, 0, false, doc.AlignLeft)
			s.body = s.pageInlines(s.body, l, rels)
			s.pClose()
		}
		if len(lines) == 0 {
			s.pOpen(st, 0, 0, false, doc.AlignLeft)
			s.pClose()
		}
		s.body = append(s.body, "</w:tc>"...)
	}
	s.body = append(s.body, "</w:tr>"...)
	s.tblClose()
	// A header must end with a paragraph; this one takes no room.
	s.body = append(s.body, `<w:p><w:pPr>`...)
	s.body = wordpkg.Val(s.body, "w:pStyle", r.ids[sHeader])
	s.body = append(s.body, `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`...)
	s.body = append(s.body, wordpkg.HeaderEnd...)
	dst, s.body = s.body, body
	return dst, nil
}

// footer writes a footer part (the running one, or page one's own): one
// paragraph a line, in the Footer style (small type under a thin rule);
// links go into rels, the part's own relationships.
func (s *state) footer(dst []byte, lines []doc.Line, band *doc.Band, rels *wordpkg.Rels) ([]byte, error) {
	if band != nil {
		return s.bandPart(dst, band, false, rels)
	}
	body := s.body
	s.body = append(dst, wordpkg.FooterStart...)
	for _, l := range lines {
		s.pOpen(sFooter, 0, 0, false, doc.AlignLeft)
		s.body = s.pageInlines(s.body, l, rels)
		s.pClose()
	}
	if len(lines) == 0 {
		s.pOpen(sFooter, 0, 0, false, doc.AlignLeft)
		s.pClose()
	}
	s.body = append(s.body, wordpkg.FooterEnd...)
	dst, s.body = s.body, body
	return dst, nil
}

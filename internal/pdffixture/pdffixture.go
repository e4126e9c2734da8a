// Package pdffixture writes small PDF files as other programs make them,
// for tests of what underlag does with PDFs it did not make: untagged,
// with a standard font that is not embedded, and optionally turned or with
// a filled-in form field, the way an agreement or a map arrives.
package pdffixture

import (
	"fmt"
	"strings"
)

// Page is one page: its lines of text, from the top, and its size in
// points (0 for A4).
type Page struct {
	Lines  []string
	Width  float64
	Height float64
	Rotate int
	// Field is the text of a filled-in, printed form field (a widget
	// annotation with an appearance stream) at the bottom of the page; ""
	// for none.
	Field string
}

// PDF writes the pages as a PDF 1.4 file with the title in its Info.
func PDF(title string, pages ...Page) []byte {
	var objs []string // objs[i] is object i+1
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	set := func(n int, s string) { objs[n-1] = s }
	catalog := add("")
	pagesObj := add("")
	font := add("<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>")
	var kids []string
	for _, p := range pages {
		w, h := p.Width, p.Height
		if w == 0 || h == 0 {
			w, h = 595.28, 841.89
		}
		var c strings.Builder
		y := h - 72
		for i, l := range p.Lines {
			size := 11
			if i == 0 {
				size = 16
			}
			fmt.Fprintf(&c, "BT /F1 %d Tf 72 %.2f Td (%s) Tj ET\n", size, y, escape(l))
			y -= float64(size) * 1.6
		}
		content := add(stream("", c.String()))
		extra := ""
		if p.Rotate != 0 {
			extra = fmt.Sprintf("/Rotate %d", p.Rotate)
		}
		pg := add("")
		if p.Field != "" {
			ap := add(stream("/Type/XObject/Subtype/Form/BBox[0 0 200 20]/Resources<</Font<</F1 "+ref(font)+">>>>",
				fmt.Sprintf("BT /F1 10 Tf 2 6 Td (%s) Tj ET", escape(p.Field))))
			widget := add(fmt.Sprintf("<</Type/Annot/Subtype/Widget/FT/Tx/T(falt)/V(%s)/F 4/Rect[72 72 272 92]/P %s/AP<</N %s>>>>", escape(p.Field), ref(pg), ref(ap)))
			extra += "/Annots[" + ref(widget) + "]"
		}
		set(pg, fmt.Sprintf("<</Type/Page/Parent %s/MediaBox[0 0 %.2f %.2f]/Resources<</Font<</F1 %s>>>>/Contents %s%s>>",
			ref(pagesObj), w, h, ref(font), ref(content), extra))
		kids = append(kids, ref(pg))
	}
	set(pagesObj, fmt.Sprintf("<</Type/Pages/Kids[%s]/Count %d>>", strings.Join(kids, " "), len(kids)))
	set(catalog, "<</Type/Catalog/Pages "+ref(pagesObj)+">>")
	info := add("<</Title(" + escape(title) + ")/Producer(pdffixture)>>")

	var b strings.Builder
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d/Root %s/Info %s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, ref(catalog), ref(info), xref)
	return []byte(b.String())
}

func ref(n int) string { return fmt.Sprintf("%d 0 R", n) }

func stream(dict, data string) string {
	return fmt.Sprintf("<<%s/Length %d>>\nstream\n%s\nendstream", dict, len(data), data)
}

// escape writes text as the inside of a PDF string in WinAnsi: Swedish
// letters as octal escapes.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, "\\%03o", r)
		case r == '–':
			b.WriteString("\\226")
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

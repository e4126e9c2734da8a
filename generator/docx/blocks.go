package docx

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	_ "image/jpeg" // image sizes of JPEG pictures
	_ "image/png"  // and of PNG pictures
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
)

// blockFunc writes one block into the document body.
type blockFunc func(s *state, b doc.Block, c ctx) error

// ctx is where a block is written: the paragraph style of running text
// there, the alignment, the list depth and the width available (twips).
type ctx struct {
	para  sid
	align doc.Align
	depth int // list nesting depth of the block
	width int
	cell  bool
	// keepNext keeps the paragraphs on the page of what follows: a table
	// row kept with the next one (doc.KeepRow).
	keepNext bool
}

// registerFuncs fills the renderer's table with a function per block
// kind (doc.Funcs).
func registerFuncs(t *doc.Funcs[blockFunc]) {
	t.Register(doc.KindHeading, renderHeading)
	t.Register(doc.KindParagraph, renderParagraph)
	t.Register(doc.KindList, renderList)
	t.Register(doc.KindTable, renderTable)
	t.Register(doc.KindSignatures, renderSignatures)
	t.Register(doc.KindStatus, renderStatus)
	t.Register(doc.KindImage, renderImage)
	t.Register(doc.KindTimeline, renderTimeline)
	t.Register(doc.KindPageBreak, func(s *state, _ doc.Block, _ ctx) error {
		s.body = append(s.body, `<w:p><w:r><w:br w:type="page"/></w:r></w:p>`...)
		s.afterTable = false
		return nil
	})
}

// state is one Render call's work: the parts being written and the
// counters that must be unique within the document.
type state struct {
	r       *Renderer
	d       *doc.Document
	body    []byte
	part    []byte
	nums    []byte
	rels    wordpkg.Rels
	hdrRels wordpkg.Rels
	ftrRels wordpkg.Rels
	// firstHdrRels and firstFtrRels are those of page one's own header
	// and footer (docParts).
	firstHdrRels, firstFtrRels wordpkg.Rels
	media                      []media
	// pictures holds the bytes of the pictures the document draws (its
	// timelines' EMFs), kept from one document to the next.
	pictures []byte
	sect     wordpkg.Section // the renderer's, with page one's header and footer when the document has them
	nextNum  int
	drawings int
	marks    int
	headings [3]int
	// tblPrEnd is where the open table's w:tblPr ends in body, for
	// tblText.
	tblPrEnd int
	// afterTable is set when the last thing written was a table: Word
	// merges two tables that touch, so one gets a paragraph between.
	afterTable bool
	// afterList is set when a top-level list has just ended: list items
	// sit close together, so the paragraph after the list gets the space
	// a paragraph would have had above it.
	afterList bool
	// noHyphens keeps Word from hyphenating the paragraphs being written:
	// a table cell that holds a person's or organisation's name
	// (doc.Meta.Names), which the PDF never hyphenates either. Word can
	// turn hyphenation off only for a whole paragraph.
	noHyphens bool
	// sig numbers the signature lines (signatureline.go).
	sig sigLines
}

// maxKeptPictures is the most a state keeps of its pictures' buffer for
// the next document: a few charts' worth.
const maxKeptPictures = 4 << 20

type media struct {
	name string
	data []byte
}

func (s *state) reset(d *doc.Document) {
	s.d = d
	s.body = append(s.body[:0], wordpkg.DocumentStart...)
	s.nums = s.nums[:0]
	s.rels.Reset()
	s.hdrRels.Reset()
	s.ftrRels.Reset()
	s.firstHdrRels.Reset()
	s.firstFtrRels.Reset()
	s.media = s.media[:0]
	s.pictures = s.pictures[:0]
	if cap(s.pictures) > maxKeptPictures {
		s.pictures = nil
	}
	s.nextNum = firstListNum
	s.drawings, s.marks = 0, 0
	s.headings = [3]int{}
	s.afterTable, s.afterList = false, false
	s.sig = sigLines{}
	// The static parts' relationships, in the order ridHeader and
	// ridFooter count on.
	s.rels.Add(wordpkg.RelStyles, "styles.xml", false)
	s.rels.Add(wordpkg.RelNumbering, "numbering.xml", false)
	s.rels.Add(wordpkg.RelSettings, "settings.xml", false)
	s.rels.Add(wordpkg.RelFontTable, "fontTable.xml", false)
	s.rels.Add(wordpkg.RelHeader, "header1.xml", false)
	s.rels.Add(wordpkg.RelFooter, "footer1.xml", false)
	if s.r.ref != nil && s.r.ref.theme != nil {
		s.rels.Add(relTheme, "theme/theme1.xml", false)
	}
	s.sect = s.r.sect
	s.sect.PageStart = d.Meta.Numbering.Start
	if d.Meta.First != nil {
		s.sect.FirstHeaderRef = s.rels.Add(wordpkg.RelHeader, firstHeaderPart, false)
		s.sect.FirstFooterRef = s.rels.Add(wordpkg.RelFooter, firstFooterPart, false)
	}
}

// document writes document.xml into s.body.
func (s *state) document() error {
	c := ctx{para: sNormal, width: s.r.sect.PageWidth - s.r.sect.Left - s.r.sect.Right}
	if err := s.blocks(s.d.Blocks, c); err != nil {
		return err
	}
	if s.afterTable {
		// The body must not end with a table before w:sectPr: Word
		// adds a paragraph there itself, and other readers fail. This one
		// is a point high, so that it never starts a page of its own.
		s.body = append(s.body, emptyParagraph...)
	}
	s.body = s.sect.AppendXML(s.body)
	s.body = append(s.body, wordpkg.DocumentEnd...)
	return nil
}

// blocks writes blocks in document order with doc.Walk, each with the
// function the table has for its kind, when the walk enters it. A list's
// items and a table's cells are written by their block's function, which
// gives them their own context (list depth and style, cell width): the
// walk skips the children, as goldmark's renderers do for a node that
// writes its own.
func (s *state) blocks(blocks []doc.Block, c ctx) error {
	return doc.Walk(blocks, func(b doc.Block, entering bool) (doc.WalkStatus, error) {
		if !entering || b == nil {
			return doc.WalkSkipChildren, nil
		}
		f, err := s.r.funcs.Func(b)
		if err != nil {
			return doc.WalkStop, err
		}
		if err := f(s, b, c); err != nil {
			return doc.WalkStop, err
		}
		return doc.WalkSkipChildren, nil
	})
}

// emptyParagraph takes no room: a point high, with no space around it.
const emptyParagraph = `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`

// pOpen starts a paragraph of a style. numID > 0 adds list numbering,
// numID < 0 switches off numbering that the style carries.
func (s *state) pOpen(st sid, numID, ilvl int, keepNext bool, align doc.Align) {
	b := append(s.body, "<w:p><w:pPr>"...)
	b = wordpkg.Val(b, "w:pStyle", s.r.ids[st])
	if keepNext {
		b = append(b, "<w:keepNext/>"...)
	}
	switch {
	case numID > 0:
		b = append(b, "<w:numPr>"...)
		b = wordpkg.IntVal(b, "w:ilvl", ilvl)
		b = wordpkg.IntVal(b, "w:numId", numID)
		b = append(b, "</w:numPr>"...)
	case numID < 0:
		b = append(b, `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>`...)
	}
	if s.noHyphens {
		b = append(b, "<w:suppressAutoHyphens/>"...)
	}
	if s.afterList && (st < sTitle || st > sHeading3) {
		b = append(b, "<w:spacing"...)
		b = wordpkg.IntAttr(b, "w:before", s.r.listGap)
		b = append(b, "/>"...)
	}
	s.afterList = false
	switch align {
	case doc.AlignRight:
		b = append(b, `<w:jc w:val="right"/>`...)
	case doc.AlignCenter:
		b = append(b, `<w:jc w:val="center"/>`...)
	}
	s.body = append(b, "</w:pPr>"...)
	s.afterTable = false
}

func (s *state) pClose() { s.body = append(s.body, "</w:p>"...) }

// inlines writes runs into dst: styles as run properties, links as
// hyperlinks with their relationship in rels, line breaks, page fields.
func (s *state) inlines(dst []byte, runs []doc.Inline, rels *wordpkg.Rels) []byte {
	for i := 0; i < len(runs); i++ {
		in := &runs[i]
		if in.Link == "" || in.Break || in.Field != doc.NoField {
			dst = s.run(dst, in)
			continue
		}
		// Consecutive runs with the same link make one hyperlink.
		j := i + 1
		for j < len(runs) && runs[j].Link == in.Link && !runs[j].Break && runs[j].Field == doc.NoField {
			j++
		}
		dst = append(dst, "<w:hyperlink"...)
		if strings.HasPrefix(in.Link, "#") {
			dst = wordpkg.Attr(dst, "w:anchor", bookmarkName(in.Link[1:]))
		} else {
			dst = wordpkg.Attr(dst, "r:id", rels.Add(wordpkg.RelHyperlink, in.Link, true))
		}
		dst = append(dst, ` w:history="1">`...)
		for k := i; k < j; k++ {
			dst = s.run(dst, &runs[k])
		}
		dst = append(dst, "</w:hyperlink>"...)
		i = j - 1
	}
	return dst
}

// run writes one run. Tabs and newlines inside the text become Word's tab
// and break elements.
func (s *state) run(dst []byte, in *doc.Inline) []byte {
	rpr := s.runProps(in)
	switch {
	case in.Break:
		return append(dst, "<w:r><w:br/></w:r>"...)
	case in.Field == doc.PageField:
		return wordpkg.Field(dst, "PAGE", "1", rpr)
	case in.Field == doc.PagesField:
		return wordpkg.Field(dst, "NUMPAGES", "1", rpr)
	case in.Text == "":
		return dst
	}
	if in.Lang != "" {
		rpr = withLang(rpr, in.Lang)
	}
	dst = append(dst, "<w:r>"...)
	dst = append(dst, rpr...)
	text := in.Text
	for text != "" {
		k := strings.IndexAny(text, "\t\n")
		seg := text
		if k >= 0 {
			seg = text[:k]
		}
		dst = textElems(dst, seg) // tokens.go
		if k < 0 {
			break
		}
		if text[k] == '\t' {
			dst = append(dst, "<w:tab/>"...)
		} else {
			dst = append(dst, "<w:br/>"...)
		}
		text = text[k+1:]
	}
	return append(dst, "</w:r>"...)
}

// runProps are the run properties of an inline; the few combinations are
// constants, so no allocation.
func (s *state) runProps(in *doc.Inline) string {
	i := int(in.Style & (doc.Bold | doc.Italic))
	switch {
	case in.Link != "":
		return s.r.linkRPr[i]
	case in.Style&doc.Code != 0:
		return s.r.codeRPr[i]
	}
	return plainRPr[i]
}

// withLang adds a run's language to its run properties, so that Word's
// proofing and a screen reader treat the passage as that language.
func withLang(rpr, lang string) string {
	l := `<w:lang w:val="` + string(wordpkg.Escape(nil, lang)) + `" w:bidi="` + string(wordpkg.Escape(nil, lang)) + `"/>`
	if rpr == "" {
		return "<w:rPr>" + l + "</w:rPr>"
	}
	return strings.TrimSuffix(rpr, "</w:rPr>") + l + "</w:rPr>"
}

var plainRPr = [4]string{"", "<w:rPr><w:b/><w:bCs/></w:rPr>", "<w:rPr><w:i/><w:iCs/></w:rPr>", "<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>"}

// charRPr returns the four run properties of a character style combined
// with bold and italic.
func charRPr(id string) [4]string {
	var out [4]string
	for i := range out {
		out[i] = `<w:rPr><w:rStyle w:val="` + string(wordpkg.Escape(nil, id)) + `"/>` + strings.TrimSuffix(strings.TrimPrefix(plainRPr[i], "<w:rPr>"), "</w:rPr>") + "</w:rPr>"
	}
	return out
}

// bookmarkName makes a heading ID a valid Word bookmark name: letters,
// digits and underscores, at most 40 characters.
func bookmarkName(id string) string {
	b := []byte(id)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}

func renderParagraph(s *state, b doc.Block, c ctx) error {
	p := b.(*doc.Paragraph)
	st := c.para
	if p.Small {
		st = sFinePrint
	}
	s.pOpen(st, 0, 0, p.KeepWithNext || c.keepNext, c.align)
	s.body = s.inlines(s.body, p.Text, &s.rels)
	s.pClose()
	return nil
}

// renderHeading writes the title (level 0) and headings. Word numbers the
// headings itself; the number it will show is checked against the tree's
// Number, and where they differ (a heading inside a list, numbering that
// does not start at 1) the tree's number is written as text instead.
func renderHeading(s *state, b doc.Block, c ctx) error {
	h := b.(*doc.Heading)
	if h.Level <= 0 {
		s.pOpen(sTitle, 0, 0, false, doc.AlignLeft)
		s.body = s.inlines(s.body, h.Text, &s.rels)
		s.pClose()
		return nil
	}
	lvl := min(h.Level, 3) - 1
	numbered := h.Numbered && h.Number != "" && c.depth == 0 && !c.cell && h.Level <= 3
	var prefix string
	if numbered {
		// Word counts only the headings it numbers: try the count, and
		// keep it only if Word's number is the tree's.
		before := s.headings
		s.headings[lvl]++
		for i := lvl + 1; i < 3; i++ {
			s.headings[i] = 0
		}
		if !sameNumber(h.Number, s.headings[:lvl+1]) {
			s.headings = before
			numbered = false
			prefix = h.Number + ". "
		}
	} else if h.Number != "" {
		prefix = h.Number + ". "
	}
	num := -1
	if numbered {
		num = numHeadings
	}
	s.pOpen(sHeading1+sid(lvl), num, lvl, false, doc.AlignLeft)
	if h.ID != "" {
		s.marks++
		s.body = append(s.body, "<w:bookmarkStart"...)
		s.body = wordpkg.IntAttr(s.body, "w:id", s.marks)
		s.body = wordpkg.Attr(s.body, "w:name", bookmarkName(h.ID))
		s.body = append(s.body, "/>"...)
	}
	if prefix != "" {
		s.body = s.run(s.body, &doc.Inline{Text: prefix})
	}
	s.body = s.inlines(s.body, h.Text, &s.rels)
	if h.ID != "" {
		s.body = append(s.body, "<w:bookmarkEnd"...)
		s.body = wordpkg.IntAttr(s.body, "w:id", s.marks)
		s.body = append(s.body, "/>"...)
	}
	s.pClose()
	return nil
}

// sameNumber reports whether "2.1" is what the counters say.
func sameNumber(number string, counters []int) bool {
	for i, c := range counters {
		part := number
		if k := strings.IndexByte(number, '.'); k >= 0 {
			part, number = number[:k], number[k+1:]
		} else {
			number = ""
			if i != len(counters)-1 {
				return false
			}
		}
		n, err := strconv.Atoi(part)
		if err != nil || n != c {
			return false
		}
	}
	return number == ""
}

var listStyles = [2][3]sid{{sListBullet, sListBullet2, sListBullet3}, {sListNumber, sListNumber2, sListNumber3}}
var continueStyles = [3]sid{sListContinue, sListContinue2, sListContinue3}

// renderList writes each item's first paragraph with the list style and
// numbering of its depth, and its other blocks indented under it. Each
// ordered list gets a numbering instance of its own that starts at its
// Start; bullet lists share one.
func renderList(s *state, b doc.Block, c ctx) error {
	l := b.(*doc.List)
	depth := min(c.depth, 8)
	sd := min(depth, 2)
	numID, ordered := numBullets, 0
	if l.Ordered {
		ordered = 1
		numID = s.nextNum
		s.nextNum++
		s.nums = wordpkg.Num(s.nums, numID, absNumbered, depth, max(l.Start, 1))
	}
	inner := c
	inner.depth = c.depth + 1
	inner.para = continueStyles[sd]
	inner.align = doc.AlignLeft
	for _, it := range l.Items {
		blocks := it.Blocks
		first, _ := firstParagraph(blocks)
		s.pOpen(listStyles[ordered][sd], numID, depth, c.keepNext, doc.AlignLeft)
		if first != nil {
			s.body = s.inlines(s.body, first.Text, &s.rels)
			blocks = blocks[1:]
		}
		s.pClose()
		if err := s.blocks(blocks, inner); err != nil {
			return err
		}
	}
	s.afterList = c.depth == 0 && !c.cell
	return nil
}

func firstParagraph(blocks []doc.Block) (*doc.Paragraph, bool) {
	if len(blocks) == 0 {
		return nil, false
	}
	p, ok := blocks[0].(*doc.Paragraph)
	return p, ok
}

// renderStatus writes the coloured mark first, then the label and the
// word: the word is always there for a reader who cannot see the colour.
func renderStatus(s *state, b doc.Block, c ctx) error {
	st := b.(*doc.Status)
	s.pOpen(c.para, 0, 0, false, doc.AlignLeft)
	mark := sNormal
	switch st.Level {
	case doc.Green:
		mark = sStatusGreen
	case doc.Yellow:
		mark = sStatusYellow
	case doc.Red:
		mark = sStatusRed
	}
	if mark != sNormal {
		s.body = append(s.body, `<w:r><w:rPr>`...)
		s.body = wordpkg.Val(s.body, "w:rStyle", s.r.ids[mark])
		s.body = append(s.body, `</w:rPr><w:t xml:space="preserve">● </w:t></w:r>`...)
	}
	s.body = s.inlines(s.body, st.Line, &s.rels)
	s.pClose()
	return nil
}

func renderImage(s *state, b doc.Block, c ctx) error {
	img := b.(*doc.Image)
	s.pOpen(c.para, 0, 0, false, c.align)
	var err error
	s.body, err = s.drawing(s.body, img, &s.rels, c.width, 0)
	if err != nil {
		return err
	}
	s.pClose()
	return nil
}

// drawing writes an inline picture with its alternative text as the
// drawing's description, which screen readers read. maxW and maxH bound
// the size in twips (0: no bound on the height).
func (s *state) drawing(dst []byte, img *doc.Image, rels *wordpkg.Rels, maxW, maxH int) ([]byte, error) {
	ext := "png"
	switch strings.ToLower(img.Format) {
	case "jpeg", "jpg":
		ext = "jpeg"
	case "emf":
		ext = "emf"
	case "png", "":
	default:
		return dst, fmt.Errorf("docx: image %q: format %q is not png, jpeg or emf", img.Alt, img.Format)
	}
	// EMU: natural size (at 96 dpi for a raster picture), or the width
	// asked for.
	var natW, natH float64
	if ext == "emf" {
		var ok bool
		if natW, natH, ok = emfFrame(img.Data); !ok {
			return dst, fmt.Errorf("docx: image %q: not an enhanced metafile with a size", img.Alt)
		}
	} else {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(img.Data))
		if err != nil || cfg.Width == 0 || cfg.Height == 0 {
			return dst, fmt.Errorf("docx: image %q: %v", img.Alt, err)
		}
		natW, natH = float64(cfg.Width)*9525, float64(cfg.Height)*9525
	}
	w := natW
	if img.Width > 0 {
		w = float64(wordpkg.EMU(img.Width))
	}
	h := w * natH / natW
	if mw := float64(maxW) * 635; mw > 0 && w > mw {
		w, h = mw, h*mw/w
	}
	if mh := float64(maxH) * 635; mh > 0 && h > mh {
		w, h = w*mh/h, mh
	}
	s.drawings++
	name := "media/image" + strconv.Itoa(s.drawings) + "." + ext
	s.media = append(s.media, media{name: "word/" + name, data: img.Data})
	rid := rels.Add(wordpkg.RelImage, name, false)
	cx, cy := int64(w+0.5), int64(h+0.5)
	dst = append(dst, `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent`...)
	dst = extent(dst, cx, cy)
	dst = append(dst, `/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr`...)
	dst = wordpkg.IntAttr(dst, "id", s.drawings)
	dst = wordpkg.Attr(dst, "name", "Bild "+strconv.Itoa(s.drawings))
	dst = wordpkg.Attr(dst, "descr", img.Alt)
	dst = append(dst, `/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr`...)
	dst = wordpkg.IntAttr(dst, "id", s.drawings)
	dst = wordpkg.Attr(dst, "name", "image"+strconv.Itoa(s.drawings)+"."+ext)
	dst = wordpkg.Attr(dst, "descr", img.Alt)
	dst = append(dst, `/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip`...)
	dst = wordpkg.Attr(dst, "r:embed", rid)
	dst = append(dst, `/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext`...)
	dst = extent(dst, cx, cy)
	return append(dst, `/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`...), nil
}

// emfFrame is the size of an enhanced metafile's picture in EMU: its
// header's rclFrame, in hundredths of a millimetre ([MS-EMF] 2.3.4.2).
func emfFrame(b []byte) (w, h float64, ok bool) {
	const frame, signature = 24, 40
	if len(b) < 88 || binary.LittleEndian.Uint32(b) != 1 || binary.LittleEndian.Uint32(b[signature:]) != 0x464D4520 {
		return 0, 0, false
	}
	l, t := int32(binary.LittleEndian.Uint32(b[frame:])), int32(binary.LittleEndian.Uint32(b[frame+4:]))
	r, bo := int32(binary.LittleEndian.Uint32(b[frame+8:])), int32(binary.LittleEndian.Uint32(b[frame+12:]))
	w, h = (float64(r)-float64(l))*360, (float64(bo)-float64(t))*360
	return w, h, w > 0 && h > 0
}

func extent(dst []byte, cx, cy int64) []byte {
	dst = append(dst, ` cx="`...)
	dst = strconv.AppendInt(dst, cx, 10)
	dst = append(dst, `" cy="`...)
	dst = strconv.AppendInt(dst, cy, 10)
	return append(dst, '"')
}

package docx

import (
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/docx/wordpkg"
	"github.com/underlag/underlag/generator/style"
)

// sid names a style the renderer refers to. The style IDs written in the
// document come from Renderer.ids, because a reference template made in a
// Swedish Word calls "heading 1" Rubrik1: styles are matched by name.
type sid uint8

const (
	sNormal sid = iota
	sTitle
	sHeading1
	sHeading2
	sHeading3
	sListBullet
	sListBullet2
	sListBullet3
	sListNumber
	sListNumber2
	sListNumber3
	sListContinue
	sListContinue2
	sListContinue3
	sTableText
	sTableHeading
	sCaption
	sFinePrint
	sHeader
	sHeaderRight
	sFooter
	sSignatureLabel
	sHyperlink
	sCode
	sStatusGreen
	sStatusYellow
	sStatusRed
	sTableNormal
	sTableGrid
	sTableBorderless
	numStyles
)

// styleDef is one built-in style: its ID and name as Word knows them, and
// a function writing its properties from the profile.
type styleDef struct {
	id, name, typ string
	basedOn, next sid
	hasBase       bool
	hasNext       bool
	body          func(dst []byte, p *style.Profile, ids *[numStyles]string) []byte
}

// Numbering IDs: the headings' multilevel list, the bullet lists, and
// from firstListNum on one instance per ordered list of a document.
const (
	absHeadings  = 1
	absBullets   = 2
	absNumbered  = 3
	numHeadings  = 1
	numBullets   = 2
	numNumbered  = 3 // what the List Number styles carry, for lists made in Word
	firstListNum = 4
)

// bulletGlyphs are the list markers by depth, as the PDF draws them.
var bulletGlyphs = [...]string{"•", "–", "◦"}

func rPr(dst []byte, font string, size float64, bold, italic bool, color style.RGB) []byte {
	dst = append(dst, "<w:rPr>"...)
	if font != "" {
		dst = fonts(dst, font)
	}
	if bold {
		dst = append(dst, "<w:b/><w:bCs/>"...)
	}
	if italic {
		dst = append(dst, "<w:i/><w:iCs/>"...)
	}
	dst = wordpkg.Val(dst, "w:color", color.Hex())
	if size > 0 {
		dst = wordpkg.IntVal(dst, "w:sz", wordpkg.HalfPoints(size))
		dst = wordpkg.IntVal(dst, "w:szCs", wordpkg.HalfPoints(size))
	}
	return append(dst, "</w:rPr>"...)
}

func fonts(dst []byte, font string) []byte {
	dst = append(dst, "<w:rFonts"...)
	for _, a := range [...]string{"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"} {
		dst = wordpkg.Attr(dst, a, font)
	}
	return append(dst, "/>"...)
}

// naturalLine is the single line height of Liberation Sans and Arial in
// ems: ascender, descender and line gap, (1854 + 434 + 67) / 2048. Word
// and LibreOffice multiply it by w:line/240 under lineRule "auto"; the
// PDF's line is the font size times the profile's LineHeight.
const naturalLine = 2355.0 / 2048

// spacing writes paragraph spacing. line is the profile's line height as
// a multiple of the font size, as the PDF lays lines out; it is written
// as the multiple of the font's single line height that gives the same
// height (1.2 becomes 250, not 288, which gave 15.2 pt lines at 11 pt
// against the PDF's 13.2 and moved page breaks). "auto" rather than an
// exact height keeps the line scaling with each style's size and growing
// around a picture.
func spacing(dst []byte, before, after float64, line float64) []byte {
	dst = append(dst, "<w:spacing"...)
	dst = wordpkg.IntAttr(dst, "w:before", wordpkg.Twips(before))
	dst = wordpkg.IntAttr(dst, "w:after", wordpkg.Twips(after))
	if line > 0 {
		dst = wordpkg.IntAttr(dst, "w:line", int(line*240/naturalLine+0.5))
		dst = append(dst, ` w:lineRule="auto"`...)
	}
	return append(dst, "/>"...)
}

func border(dst []byte, side string, mm float64, c style.RGB, space int) []byte {
	dst = append(dst, '<')
	dst = append(dst, side...)
	dst = append(dst, ` w:val="single"`...)
	dst = wordpkg.IntAttr(dst, "w:sz", wordpkg.EighthPoints(mm))
	dst = wordpkg.IntAttr(dst, "w:space", space)
	dst = wordpkg.Attr(dst, "w:color", c.Hex())
	return append(dst, "/>"...)
}

func cellMargins(dst []byte, top, side float64) []byte {
	dst = append(dst, "<w:tblCellMar>"...)
	for _, s := range [...]struct {
		e  string
		mm float64
	}{{"w:top", top}, {"w:left", side}, {"w:bottom", top}, {"w:right", side}} {
		dst = append(dst, '<')
		dst = append(dst, s.e...)
		dst = wordpkg.IntAttr(dst, "w:w", wordpkg.Twips(s.mm))
		dst = append(dst, ` w:type="dxa"/>`...)
	}
	return append(dst, "</w:tblCellMar>"...)
}

// builtinStyles are the styles the renderer uses, written from the
// profile. Run properties that every style shares (font, body size,
// language) are in the document defaults.
var builtinStyles = [numStyles]styleDef{
	sNormal: {id: "Normal", name: "Normal", typ: "paragraph", body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:qFormat/><w:pPr><w:widowControl/>`...)
		dst = spacing(dst, 0, p.ParagraphSpacing, p.LineHeight)
		dst = append(dst, `</w:pPr>`...)
		return rPr(dst, "", 0, false, false, p.TextColor)
	}},
	sTitle:    {id: "Title", name: "Title", typ: "paragraph", basedOn: sNormal, hasBase: true, next: sNormal, hasNext: true, body: heading(-1)},
	sHeading1: {id: "Heading1", name: "heading 1", typ: "paragraph", basedOn: sNormal, hasBase: true, next: sNormal, hasNext: true, body: heading(0)},
	sHeading2: {id: "Heading2", name: "heading 2", typ: "paragraph", basedOn: sNormal, hasBase: true, next: sNormal, hasNext: true, body: heading(1)},
	sHeading3: {id: "Heading3", name: "heading 3", typ: "paragraph", basedOn: sNormal, hasBase: true, next: sNormal, hasNext: true, body: heading(2)},

	sListBullet:    {id: "ListBullet", name: "List Bullet", typ: "paragraph", basedOn: sNormal, hasBase: true, body: list(0, numBullets)},
	sListBullet2:   {id: "ListBullet2", name: "List Bullet 2", typ: "paragraph", basedOn: sNormal, hasBase: true, body: list(1, numBullets)},
	sListBullet3:   {id: "ListBullet3", name: "List Bullet 3", typ: "paragraph", basedOn: sNormal, hasBase: true, body: list(2, numBullets)},
	sListNumber:    {id: "ListNumber", name: "List Number", typ: "paragraph", basedOn: sNormal, hasBase: true, body: list(0, numNumbered)},
	sListNumber2:   {id: "ListNumber2", name: "List Number 2", typ: "paragraph", basedOn: sNormal, hasBase: true, body: list(1, numNumbered)},
	sListNumber3:   {id: "ListNumber3", name: "List Number 3", typ: "paragraph", basedOn: sNormal, hasBase: true, body: list(2, numNumbered)},
	sListContinue:  {id: "ListContinue", name: "List Continue", typ: "paragraph", basedOn: sNormal, hasBase: true, body: list(0, 0)},
	sListContinue2: {id: "ListContinue2", name: "List Continue 2", typ: "paragraph", basedOn: sNormal, hasBase: true, body: list(1, 0)},
	sListContinue3: {id: "ListContinue3", name: "List Continue 3", typ: "paragraph", basedOn: sNormal, hasBase: true, body: list(2, 0)},

	sTableText: {id: "TableText", name: "Table Text", typ: "paragraph", basedOn: sNormal, hasBase: true, body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:qFormat/><w:pPr>`...)
		dst = spacing(dst, 0, 0, p.LineHeight)
		dst = append(dst, `</w:pPr>`...)
		return rPr(dst, "", p.TableSize, false, false, p.TextColor)
	}},
	sTableHeading: {id: "TableHeading", name: "Table Heading", typ: "paragraph", basedOn: sTableText, hasBase: true, body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:qFormat/><w:pPr><w:keepNext/><w:suppressAutoHyphens/></w:pPr>`...)
		return rPr(dst, "", 0, true, false, p.TextColor)
	}},
	sCaption: {id: "Caption", name: "caption", typ: "paragraph", basedOn: sNormal, hasBase: true, next: sNormal, hasNext: true, body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:qFormat/><w:pPr>`...)
		dst = spacing(dst, p.ParagraphSpacing/2, p.ParagraphSpacing*2, p.LineHeight)
		dst = append(dst, `</w:pPr>`...)
		return rPr(dst, "", p.SmallSize, false, false, p.TextColor)
	}},
	sFinePrint: {id: "FinePrint", name: "Fine Print", typ: "paragraph", basedOn: sNormal, hasBase: true, body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:qFormat/>`...)
		return rPr(dst, "", p.SmallSize, false, false, p.TextColor)
	}},
	sHeader: {id: "Header", name: "header", typ: "paragraph", basedOn: sNormal, hasBase: true, body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:pPr><w:suppressAutoHyphens/>`...)
		dst = spacing(dst, 0, 0, p.LineHeight)
		dst = append(dst, `</w:pPr>`...)
		return rPr(dst, "", p.HeaderSize, false, false, p.TextColor)
	}},
	sHeaderRight: {id: "HeaderRight", name: "Header Right Column", typ: "paragraph", basedOn: sHeader, hasBase: true, body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		return append(dst, `<w:pPr><w:jc w:val="right"/></w:pPr>`...)
	}},
	sFooter: {id: "Footer", name: "footer", typ: "paragraph", basedOn: sNormal, hasBase: true, body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		// The rule above the footer: consecutive paragraphs with the
		// same border share it, so it is drawn once above the first.
		dst = append(dst, `<w:pPr><w:pBdr>`...)
		dst = border(dst, "w:top", p.GridWidth, p.GridColor, 4)
		dst = append(dst, `</w:pBdr><w:suppressAutoHyphens/>`...)
		dst = spacing(dst, 0, 0, p.LineHeight)
		dst = append(dst, `</w:pPr>`...)
		return rPr(dst, "", p.FooterSize, false, false, p.TextColor)
	}},
	sSignatureLabel: {id: "SignatureLabel", name: "Signature Label", typ: "paragraph", basedOn: sNormal, hasBase: true, body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:pPr><w:keepNext/><w:suppressAutoHyphens/>`...)
		dst = spacing(dst, 0.8, 0, 0)
		dst = append(dst, `</w:pPr>`...)
		return rPr(dst, "", p.SmallSize, false, false, p.TextColor)
	}},
	sHyperlink: {id: "Hyperlink", name: "Hyperlink", typ: "character", body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, "<w:rPr>"...)
		dst = wordpkg.Val(dst, "w:color", p.LinkColor.Hex())
		return append(dst, `<w:u w:val="single"/></w:rPr>`...)
	}},
	sCode: {id: "VerbatimChar", name: "Verbatim Char", typ: "character", body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		// The profile has no monospaced face; Liberation Mono is
		// Courier New's metric twin, as Liberation Sans is Arial's.
		dst = append(dst, "<w:rPr>"...)
		dst = fonts(dst, "Liberation Mono")
		return append(dst, "</w:rPr>"...)
	}},
	sStatusGreen:  {id: "StatusGreen", name: "Status Green", typ: "character", body: statusStyle(0)},
	sStatusYellow: {id: "StatusYellow", name: "Status Yellow", typ: "character", body: statusStyle(1)},
	sStatusRed:    {id: "StatusRed", name: "Status Red", typ: "character", body: statusStyle(2)},
	sTableNormal: {id: "TableNormal", name: "Normal Table", typ: "table", body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>`...)
		dst = cellMargins(dst, 0, 1.9)
		return append(dst, `</w:tblPr>`...)
	}},
	sTableGrid: {id: "TableGrid", name: "Table Grid", typ: "table", basedOn: sTableNormal, hasBase: true, body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders>`...)
		for _, side := range [...]string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
			dst = border(dst, side, p.GridWidth, p.GridColor, 0)
		}
		dst = append(dst, `</w:tblBorders>`...)
		dst = cellMargins(dst, p.CellPadding, p.CellPadding)
		dst = append(dst, `</w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr>`...)
		dst = shading(dst, p.HeaderFill)
		return append(dst, `</w:tcPr></w:tblStylePr>`...)
	}},
	sTableBorderless: {id: "TableBorderless", name: "Table Borderless", typ: "table", basedOn: sTableNormal, hasBase: true, body: func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr>`...)
		dst = cellMargins(dst, p.CellPadding/2, 0)
		return append(dst, `</w:tblPr>`...)
	}},
}

func shading(dst []byte, c style.RGB) []byte {
	dst = append(dst, `<w:shd w:val="clear" w:color="auto"`...)
	dst = wordpkg.Attr(dst, "w:fill", c.Hex())
	return append(dst, "/>"...)
}

func statusStyle(i int) func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
	return func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, "<w:rPr>"...)
		dst = wordpkg.Val(dst, "w:color", p.StatusColors[i].Hex())
		return append(dst, "</w:rPr>"...)
	}
}

// heading writes Title (level -1) and Heading 1–3. Numbering sits in the
// style, linked both ways with the headings' multilevel list, so that a
// heading an official adds in Word is numbered like the others; the
// outline level is what the navigation pane and a table of contents read.
func heading(level int) func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
	return func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		size := p.TitleSize
		before, after := 0.0, p.HeadingSpaceAfter*2
		if level >= 0 {
			size = p.HeadingSizes[level]
			before, after = p.HeadingSpaceBefore, p.HeadingSpaceAfter
		}
		dst = append(dst, `<w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>`...)
		if level >= 0 {
			dst = append(dst, "<w:numPr>"...)
			dst = wordpkg.IntVal(dst, "w:ilvl", level)
			dst = wordpkg.IntVal(dst, "w:numId", numHeadings)
			dst = append(dst, "</w:numPr>"...)
		}
		// Word and LibreOffice hyphenate automatically (settingsXML);
		// never a title or a heading.
		dst = append(dst, "<w:suppressAutoHyphens/>"...)
		dst = spacing(dst, before, after, 0)
		if level >= 0 {
			dst = wordpkg.IntVal(dst, "w:outlineLvl", level)
		}
		dst = append(dst, "</w:pPr>"...)
		return rPr(dst, "", size, true, false, p.HeadingColor)
	}
}

// list writes the list paragraph styles of one depth: the indent comes
// from the numbering level, the space between items is small. List Bullet
// and List Number carry their numbering (numID, at the level of their
// depth), as Word's own do, so that applying the style in Word numbers
// the paragraph; the renderer's paragraphs still name their list's own
// instance, which restarts at the list's start. List Continue has none.
func list(depth, numID int) func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
	return func(dst []byte, p *style.Profile, _ *[numStyles]string) []byte {
		dst = append(dst, `<w:qFormat/><w:pPr>`...)
		if numID > 0 {
			dst = append(dst, "<w:numPr>"...)
			dst = wordpkg.IntVal(dst, "w:ilvl", depth)
			dst = wordpkg.IntVal(dst, "w:numId", numID)
			dst = append(dst, "</w:numPr>"...)
		}
		dst = spacing(dst, 0, p.ParagraphSpacing/3, p.LineHeight)
		dst = append(dst, "<w:ind"...)
		dst = wordpkg.IntAttr(dst, "w:left", wordpkg.Twips(p.ListIndent*float64(depth+1)))
		return append(dst, "/></w:pPr>"...)
	}
}

// styleXML appends one style definition with IDs mapped through ids.
func styleXML(dst []byte, s sid, p *style.Profile, ids *[numStyles]string) []byte {
	d := &builtinStyles[s]
	dst = append(dst, "<w:style"...)
	dst = wordpkg.Attr(dst, "w:type", d.typ)
	if s == sNormal || s == sTableNormal {
		dst = append(dst, ` w:default="1"`...)
	}
	switch s {
	case sTableText, sTableHeading, sFinePrint, sHeaderRight, sSignatureLabel, sStatusGreen, sStatusYellow, sStatusRed, sTableBorderless:
		dst = append(dst, ` w:customStyle="1"`...)
	}
	dst = wordpkg.Attr(dst, "w:styleId", ids[s])
	dst = append(dst, '>')
	dst = wordpkg.Val(dst, "w:name", d.name)
	if d.hasBase {
		dst = wordpkg.Val(dst, "w:basedOn", ids[d.basedOn])
	}
	if d.hasNext {
		dst = wordpkg.Val(dst, "w:next", ids[d.next])
	}
	dst = d.body(dst, p, ids)
	return append(dst, "</w:style>"...)
}

// stylesXML is the whole styles part for the built-in look.
func stylesXML(p *style.Profile, ids *[numStyles]string) []byte {
	dst := append([]byte(nil), wordpkg.XMLHeader...)
	dst = append(dst, `<w:styles xmlns:w="`+wordpkg.NSW+`"><w:docDefaults><w:rPrDefault><w:rPr>`...)
	dst = fonts(dst, p.FontFamily)
	dst = wordpkg.IntVal(dst, "w:sz", wordpkg.HalfPoints(p.BodySize))
	dst = wordpkg.IntVal(dst, "w:szCs", wordpkg.HalfPoints(p.BodySize))
	dst = append(dst, "<w:lang"...)
	dst = wordpkg.Attr(dst, "w:val", "sv-SE")
	dst = wordpkg.Attr(dst, "w:eastAsia", "sv-SE")
	dst = wordpkg.Attr(dst, "w:bidi", "ar-SA")
	dst = append(dst, "/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"...)
	dst = spacing(dst, 0, p.ParagraphSpacing, p.LineHeight)
	dst = append(dst, "</w:pPr></w:pPrDefault></w:docDefaults>"...)
	for s := sid(0); s < numStyles; s++ {
		dst = styleXML(dst, s, p, ids)
	}
	return append(dst, "</w:styles>"...)
}

// numberingHead is the static start of the numbering part: the abstract
// definitions and the instances shared by every document.
func numberingHead(p *style.Profile, ids *[numStyles]string) []byte {
	dst := append([]byte(nil), wordpkg.NumberingStart...)
	h := wordpkg.AbstractNum{ID: absHeadings, Name: "Rubriknumrering"}
	text := ""
	for i := range 3 {
		if i > 0 {
			text += "."
		}
		text += "%" + strconv.Itoa(i+1)
		h.Levels = append(h.Levels, wordpkg.Level{Format: "decimal", Text: text + ".", PStyle: ids[sHeading1+sid(i)], Suffix: "space"})
	}
	dst = h.AppendXML(dst)
	ind := wordpkg.Twips(p.ListIndent)
	b := wordpkg.AbstractNum{ID: absBullets, Name: "Punktlista"}
	n := wordpkg.AbstractNum{ID: absNumbered, Name: "Numrerad lista"}
	for i := range 9 {
		b.Levels = append(b.Levels, wordpkg.Level{Format: "bullet", Text: bulletGlyphs[i%len(bulletGlyphs)], Indent: ind * (i + 1), Hanging: ind, Font: p.FontFamily})
		n.Levels = append(n.Levels, wordpkg.Level{Format: "decimal", Text: "%" + strconv.Itoa(i+1) + ".", Indent: ind * (i + 1), Hanging: ind})
		if i < 3 {
			// Linked both ways with the list styles of the first three
			// depths, as the headings' levels are with theirs.
			b.Levels[i].PStyle = ids[sListBullet+sid(i)]
			n.Levels[i].PStyle = ids[sListNumber+sid(i)]
		}
	}
	dst = b.AppendXML(dst)
	dst = n.AppendXML(dst)
	dst = wordpkg.Num(dst, numHeadings, absHeadings, 0, 0)
	dst = wordpkg.Num(dst, numBullets, absBullets, 0, 0)
	return wordpkg.Num(dst, numNumbered, absNumbered, 0, 0)
}

// settingsXML: Swedish tab stops (1304 twips, 2.3 cm, as Swedish Word
// sets them), automatic hyphenation (the PDF hyphenates Swedish by the
// same patterns LibreOffice uses, so both break the same words) with at
// most two hyphenated lines in a row and no words in capitals, as the
// PDF, decimal comma, and Word 2013+ layout.
func settingsXML(lang string) []byte {
	dst := append([]byte(nil), wordpkg.XMLHeader...)
	dst = append(dst, `<w:settings xmlns:w="`+wordpkg.NSW+`"><w:zoom w:percent="100"/><w:defaultTabStop w:val="1304"/><w:autoHyphenation/><w:consecutiveHyphenLimit w:val="2"/><w:hyphenationZone w:val="425"/><w:doNotHyphenateCaps/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`...)
	dst = wordpkg.Val(dst, "w:themeFontLang", lang)
	return append(dst, `<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>`...)
}

// fontTableXML tells Word that the profile's face is a sans-serif with
// Arial as its stand-in, for machines that lack Liberation Sans.
func fontTableXML(family string) []byte {
	dst := append([]byte(nil), wordpkg.XMLHeader...)
	dst = append(dst, `<w:fonts xmlns:w="`+wordpkg.NSW+`">`...)
	for _, f := range []string{family, "Liberation Mono"} {
		alt, fam, pitch := "Arial", "swiss", "variable"
		if strings.Contains(f, "Mono") {
			alt, fam, pitch = "Courier New", "modern", "fixed"
		}
		dst = append(dst, "<w:font"...)
		dst = wordpkg.Attr(dst, "w:name", f)
		dst = append(dst, '>')
		if f != alt {
			dst = wordpkg.Val(dst, "w:altName", alt)
		}
		dst = append(dst, `<w:charset w:val="00"/>`...)
		dst = wordpkg.Val(dst, "w:family", fam)
		dst = wordpkg.Val(dst, "w:pitch", pitch)
		dst = append(dst, "</w:font>"...)
	}
	return append(dst, "</w:fonts>"...)
}

package docx

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
)

// Signature block measurements in millimetres, the same as the PDF's:
// room to sign above a line, room to print a name above the form's second
// line, the space between signers, the weight of the lines, the gap
// between a form's signature and date columns and between signers side by
// side, and the length of a NameUnderLine line.
const (
	signRoom    = 13
	nameRoom    = 9
	signerGap   = 7
	signLineW   = 0.3
	signColGap  = 10
	nameLineMax = 80
)

// sigLines is what one document's signature lines need to be unique: the
// VML shapes' numbers, and whether the picture frame shape type every
// signature line refers to is written yet.
type sigLines struct {
	n         int
	shapeType bool
}

// sigCell is one cell of a signature block row: its text, and whether it
// is a line to write on (a bottom border, or Word's signature line when
// sg is set).
type sigCell struct {
	text string
	line bool
	sg   *doc.Signer
}

// sigRow is one row of the signature block's table.
type sigRow struct {
	height float64 // mm, at least; 0 for the text's
	label  bool    // labels under lines, in the small label style
	cells  []sigCell
}

// renderSignatures writes the signature block as a borderless table, with
// the same layouts as the PDF: FormLines (a line to sign on with the
// date beside it, a line for the name in clear under it) or NameUnderLine
// (a line, the name and title under it), one signer under another or two
// side by side, after an optional place and date line. Every paragraph
// but the last keeps with the next, and the paragraph before the block
// keeps with it, so that Word never leaves it alone on a page. A signable
// block gets Word's own signature line on each line to sign on (see
// signatureLine), which Word offers to sign.
func renderSignatures(s *state, b doc.Block, c ctx) error {
	sg := b.(*doc.Signatures)
	if len(sg.Signers) == 0 {
		return nil
	}
	s.keepLastWithNext()
	cols := 1
	if sg.Beside && len(sg.Signers) > 1 {
		cols = 2
	}
	colW := (float64(c.width) - float64((cols-1)*wordpkg.Twips(signColGap))) / float64(cols)
	// The columns of one signer, repeated for each signer in a row with
	// a gap between.
	var group []int
	if sg.Layout != doc.FormLines {
		lw := min(colW, float64(wordpkg.Twips(nameLineMax)))
		group = []int{int(lw), int(colW - lw)}
	} else {
		sw := min(colW*0.55, float64(wordpkg.Twips(95)))
		gap := min(float64(wordpkg.Twips(signColGap)), colW*0.08)
		dw := min(float64(wordpkg.Twips(45)), colW-sw-gap)
		group = []int{int(sw), int(gap), int(dw)}
	}
	var widths []int
	for i := range cols {
		if i > 0 {
			widths = append(widths, wordpkg.Twips(signColGap))
		}
		widths = append(widths, group...)
	}
	var rows []sigRow
	if sg.PlaceDate {
		rows = append(rows, placeDateRows(sg)...)
	}
	for i := 0; i < len(sg.Signers); i += cols {
		n := min(cols, len(sg.Signers)-i)
		var parts [][]sigRow
		for k := range n {
			if sg.Layout != doc.FormLines {
				parts = append(parts, nameLineRows(sg, &sg.Signers[i+k]))
			} else {
				parts = append(parts, formRows(sg, &sg.Signers[i+k]))
			}
		}
		joined := joinRows(parts, len(group))
		if len(rows) > 0 {
			joined[0].height += signerGap
		}
		rows = append(rows, joined...)
	}
	s.tblOpen(sTableBorderless, widths, false)
	line := s.r.p.TextColor.Hex()
	for k, row := range rows {
		s.body = append(s.body, "<w:tr><w:trPr><w:cantSplit/>"...)
		if row.height > 0 {
			s.body = append(s.body, "<w:trHeight"...)
			s.body = wordpkg.IntAttr(s.body, "w:val", wordpkg.Twips(row.height))
			s.body = append(s.body, ` w:hRule="atLeast"/>`...)
		}
		s.body = append(s.body, "</w:trPr>"...)
		keep := k != len(rows)-1
		para := sTableText
		if row.label {
			para = sSignatureLabel
		}
		for col, w := range widths {
			var cell sigCell
			if col < len(row.cells) {
				cell = row.cells[col]
			}
			bottom := ""
			if cell.line && (cell.sg == nil || !sg.Signable) {
				bottom = line
			}
			if cell.line && bottom == "" {
				// Word's signature line draws its own line; the cell
				// still sits its content on the bottom.
				s.tcOpen(w, false, "")
				s.body = append(s.body[:len(s.body)-len("</w:tcPr>")], `<w:vAlign w:val="bottom"/></w:tcPr>`...)
			} else {
				s.tcOpen(w, false, bottom)
			}
			s.pOpen(para, 0, 0, keep, doc.AlignLeft)
			if cell.sg != nil && sg.Signable {
				var err error
				if s.body, err = s.signatureLine(s.body, sg, cell.sg, w); err != nil {
					return err
				}
			}
			if cell.text != "" {
				s.body = s.run(s.body, &doc.Inline{Text: cell.text})
			}
			s.pClose()
			s.body = append(s.body, "</w:tc>"...)
		}
		s.body = append(s.body, "</w:tr>"...)
	}
	s.tblClose()
	return nil
}

// joinRows puts the rows of signers side by side: row k of the result
// holds row k of each part, each part's cells in its own group of columns
// after a gap column. Parts with fewer rows get empty cells.
func joinRows(parts [][]sigRow, group int) []sigRow {
	n := 0
	for _, p := range parts {
		n = max(n, len(p))
	}
	out := make([]sigRow, n)
	for k := range out {
		for i, p := range parts {
			if i > 0 {
				out[k].cells = append(out[k].cells, sigCell{})
			}
			var r sigRow
			if k < len(p) {
				r = p[k]
			}
			out[k].height = max(out[k].height, r.height)
			out[k].label = out[k].label || r.label
			cells := make([]sigCell, group)
			copy(cells, r.cells)
			out[k].cells = append(out[k].cells, cells...)
		}
	}
	return out
}

// placeDateRows is the place and date line: "Kungsbacka 2025-08-22" when
// both are known, else a line to write them on, labelled.
func placeDateRows(sg *doc.Signatures) []sigRow {
	text, complete := sg.PlaceDateText()
	if complete {
		return []sigRow{{cells: []sigCell{{text: text}}}}
	}
	return []sigRow{
		{height: nameRoom, cells: []sigCell{{text: text, line: true}}},
		{label: true, cells: []sigCell{{text: sg.Labels.PlaceDate}}},
	}
}

// formRows are one FormLines signer's rows in its three columns.
func formRows(sg *doc.Signatures, sn *doc.Signer) []sigRow {
	name := sn.Name
	if sn.Title != "" {
		if name != "" {
			name += ", "
		}
		name += sn.Title
	}
	place, placeLabel := "", ""
	if sn.ShowPlace {
		place, placeLabel = sn.Place, sg.Labels.Place
	}
	return []sigRow{
		{height: signRoom, cells: []sigCell{{line: true, sg: sn}, {}, {text: sn.Date, line: true}}},
		{label: true, cells: []sigCell{{text: sg.Caption(sn)}, {}, {text: sg.Labels.Date}}},
		{height: nameRoom, cells: []sigCell{{text: name, line: true}, {}, {text: place, line: sn.ShowPlace}}},
		{label: true, cells: []sigCell{{text: sg.Labels.Name}, {}, {text: placeLabel}}},
	}
}

// nameLineRows are one NameUnderLine signer's rows: the line, then the
// name and title (or the role alone) under it.
func nameLineRows(sg *doc.Signatures, sn *doc.Signer) []sigRow {
	rows := []sigRow{{height: signRoom, cells: []sigCell{{line: sg.Layout != doc.NameOnly, sg: sn}}}}
	for _, t := range sn.NameLines() {
		rows = append(rows, sigRow{cells: []sigCell{{text: t}}})
	}
	return rows
}

// keepLastWithNext keeps the last paragraph written with what follows, so
// that a signature block never stands alone at the top of a page: Word
// moves the paragraph before it along.
func (s *state) keepLastWithNext() {
	i := bytes.LastIndex(s.body, []byte("<w:p><w:pPr>"))
	if i < 0 || i != bytes.LastIndex(s.body, []byte("<w:p>")) {
		return // none, or a page break last: nothing to keep
	}
	end := bytes.Index(s.body[i:], []byte("</w:pPr>"))
	if end < 0 || bytes.Contains(s.body[i:i+end], []byte("<w:keepNext/>")) {
		return
	}
	// keepNext comes right after the style in a paragraph's properties.
	at := i + len("<w:p><w:pPr>")
	if j := bytes.Index(s.body[at:i+end], []byte("/>")); bytes.HasPrefix(s.body[at:], []byte("<w:pStyle")) && j >= 0 {
		at += j + len("/>")
	}
	s.body = append(s.body[:at], append([]byte("<w:keepNext/>"), s.body[at:]...)...)
}

// VML namespaces of a signature line, declared on the w:pict element so
// that documents without one are not changed.
const vmlNS = ` xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"`

// pictureFrame is the VML shape type of a picture, which Word's signature
// line is an instance of; written once per document.
const pictureFrame = `<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/><v:formulas><v:f eqn="if lineDrawn pixelLineWidth 0"/><v:f eqn="sum @0 1 0"/><v:f eqn="sum 0 0 @1"/><v:f eqn="prod @2 1 2"/><v:f eqn="prod @3 21600 pixelWidth"/><v:f eqn="prod @3 21600 pixelHeight"/><v:f eqn="sum @0 0 1"/><v:f eqn="prod @6 1 2"/><v:f eqn="prod @7 21600 pixelWidth"/><v:f eqn="sum @8 21600 0"/><v:f eqn="prod @7 21600 pixelHeight"/><v:f eqn="sum @10 21600 0"/></v:formulas><v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/><o:lock v:ext="edit" aspectratio="t"/></v:shapetype>`

// signatureLine writes Word's signature line for a signer, width twips
// wide: the VML picture shape with o:signatureline that Word's Insert ›
// Signature Line makes, with the suggested signer (the name, or the role
// when no one is named), the title (or the role) and the instructions
// filled in. Word shows "Sign…" on it, and after signing replaces the
// picture with the signature. The picture is an X and a line, drawn here
// as a PNG: the name and title are printed under it as text, in the
// block's layout.
func (s *state) signatureLine(dst []byte, sg *doc.Signatures, sn *doc.Signer, width int) ([]byte, error) {
	wmm := float64(width) * 25.4 / 1440
	hmm := float64(signRoom) - 1
	pic, err := s.r.signaturePicture(wmm, hmm)
	if err != nil {
		return dst, fmt.Errorf("docx: signature line of %s: %w", sg.Caption(sn), err)
	}
	s.sig.n++
	name := "media/signaturlinje" + strconv.Itoa(s.sig.n) + ".png"
	s.media = append(s.media, media{name: "word/" + name, data: pic})
	rid := s.rels.Add(wordpkg.RelImage, name, false)
	signer, title := sn.Name, sn.Title
	if signer == "" {
		signer = sn.Role
	} else if title == "" {
		title = sn.Role
	}
	dst = append(dst, `<w:r><w:pict`+vmlNS+`>`...)
	if !s.sig.shapeType {
		s.sig.shapeType = true
		dst = append(dst, pictureFrame...)
	}
	dst = append(dst, `<v:shape`...)
	dst = wordpkg.Attr(dst, "id", "_x0000_i"+strconv.Itoa(1024+s.sig.n))
	dst = append(dst, ` type="#_x0000_t75"`...)
	dst = wordpkg.Attr(dst, "alt", sg.Caption(sn))
	dst = wordpkg.Attr(dst, "style", "width:"+ptString(wmm)+"pt;height:"+ptString(hmm)+"pt")
	dst = append(dst, `><v:imagedata`...)
	dst = wordpkg.Attr(dst, "r:id", rid)
	dst = append(dst, ` o:title=""/><o:lock v:ext="edit" ungrouping="t" rotation="t" cropping="t" verticies="t" text="t" grouping="t"/><o:signatureline v:ext="edit"`...)
	dst = wordpkg.Attr(dst, "id", sigLineID(s.d, sn, s.sig.n))
	dst = append(dst, ` provid="{00000000-0000-0000-0000-000000000000}"`...)
	dst = wordpkg.Attr(dst, "o:suggestedsigner", signer)
	dst = wordpkg.Attr(dst, "o:suggestedsigner2", title)
	dst = append(dst, ` o:suggestedsigneremail=""`...)
	if sg.Labels.Instructions != "" {
		dst = append(dst, ` signinginstructionsset="t"`...)
		dst = wordpkg.Attr(dst, "o:signinginstructions", sg.Labels.Instructions)
	}
	dst = append(dst, ` allowcomments="t" issignatureline="t"/></v:shape></w:pict></w:r>`...)
	return dst, nil
}

// sigLineID is a signature line's GUID, made from the document and the
// signer rather than drawn at random, so that the same input gives the
// same file.
func sigLineID(d *doc.Document, sn *doc.Signer, n int) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%d", d.Meta.Title, d.Meta.CaseNumber, sn.Field, sn.Role, n)
	b := h.Sum(nil)
	return fmt.Sprintf("{%X-%X-%X-%X-%X}", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// ptString is millimetres as points with one decimal.
func ptString(mm float64) string {
	return strconv.FormatFloat(mm*72/25.4, 'f', 1, 64)
}

// signaturePicture is a signature line's picture, w by h millimetres,
// drawn once per size for the renderer. The bytes are shared: nothing
// changes them.
func (r *Renderer) signaturePicture(w, h float64) ([]byte, error) {
	key := [2]float64{w, h}
	if pic, ok := r.pictures.Load(key); ok {
		return pic.([]byte), nil
	}
	pic, err := drawSignaturePicture(w, h)
	if err != nil {
		return nil, err
	}
	r.pictures.Store(key, pic)
	return pic, nil
}

// drawSignaturePicture draws a signature line's picture, w by h
// millimetres at 8 pixels a millimetre: an X at the left above a line
// along the bottom, on a transparent ground.
func drawSignaturePicture(w, h float64) ([]byte, error) {
	const px = 8
	W, H := int(w*px), int(h*px)
	if W < 8 || H < 8 {
		return nil, fmt.Errorf("%.0f × %.0f mm is too small for a signature line", w, h)
	}
	img := image.NewNRGBA(image.Rect(0, 0, W, H))
	ink := color.NRGBA{A: 255}
	lineW := float64(signLineW) // a variable: int() of a constant would not round
	lw := max(2, int(lineW*px+0.5))
	for y := H - lw; y < H; y++ {
		for x := 0; x < W; x++ {
			img.SetNRGBA(x, y, ink)
		}
	}
	// The X: 3 mm square, 1 mm above the line.
	x0, y1 := px/2, H-lw-px
	n := 3 * px
	for i := 0; i < n; i++ {
		for t := 0; t < lw; t++ {
			img.SetNRGBA(x0+i+t, y1-n+i, ink)
			img.SetNRGBA(x0+n-i+t, y1-n+i, ink)
		}
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

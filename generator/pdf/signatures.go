package pdf

import (
	"github.com/underlag/underlag/generator/doc"
)

// Signature block measurements in millimetres: room to sign above a line,
// room to print a name above the second form line, the space between
// signers, and the gap between the columns of signers side by side and
// between a form's signature and date lines. Everything else comes from
// the profile.
const (
	signRoom    = 13
	nameRoom    = 9
	signerGap   = 7
	signLineW   = 0.3
	signColGap  = 10
	nameLineMax = 80 // a NameUnderLine line is no longer than this
	placeLineW  = 70 // an empty place and date line
)

// signerCell is one signer laid out: its operations relative to the top
// of its cell, its height, and where its line to sign on is.
type signerCell struct {
	ops   []op
	h     float64
	signY float64
}

// layoutSignatures draws the signature block: an optional place and date
// line, then the signers one under another or two side by side, each as
// its layout says (see signerForm and signerNameLine). Each row of signers
// is one box kept with the next, so the block is never split between pages
// unless it is taller than a page, and even then never within a signer;
// layoutBlocks keeps it with the block before it too (keepsWithPrevious).
// A signable block gets a signature field over each line to sign on.
func layoutSignatures(r *Renderer, b doc.Block, fr frame) ([]box, error) {
	s := b.(*doc.Signatures)
	cols := 1
	if s.Beside && len(s.Signers) > 1 {
		cols = 2
	}
	colW := (fr.width - float64(cols-1)*signColGap) / float64(cols)
	var boxes []box
	if s.PlaceDate {
		boxes = append(boxes, r.placeDateBox(s, fr))
	}
	for i := 0; i < len(s.Signers); i += cols {
		var bx box
		for c := 0; c < cols && i+c < len(s.Signers); c++ {
			x := fr.x + float64(c)*(colW+signColGap)
			sg := &s.Signers[i+c]
			var cell signerCell
			if s.Layout != doc.FormLines {
				cell = r.signerNameLine(s, sg, x, colW)
			} else {
				cell = r.signerForm(s, sg, x, colW)
			}
			if s.Signable {
				cell.ops = append(cell.ops, sigFieldOp(fr, s, sg, x, cell.signY-signRoom, min(colW, r.signLineWidth(s, colW)), signRoom))
			}
			bx.ops = append(bx.ops, cell.ops...)
			bx.h = max(bx.h, cell.h)
		}
		if len(boxes) > 0 {
			bx.before = signerGap
		}
		boxes = append(boxes, bx)
	}
	for i := range boxes[:len(boxes)-1] {
		boxes[i].keep = true
	}
	return boxes, nil
}

// signLineWidth is how long the line to sign on is in a column of width w.
func (r *Renderer) signLineWidth(s *doc.Signatures, w float64) float64 {
	if s.Layout != doc.FormLines {
		return min(w, nameLineMax)
	}
	return min(w*0.55, 95)
}

// placeDateBox is the line above the signers: "Kungsbacka 2025-08-22" as
// text when both are known, else a line to write them on with whatever is
// known printed on it and the label under it.
func (r *Renderer) placeDateBox(s *doc.Signatures, fr frame) box {
	body := r.textStyle(fr, false)
	text, complete := s.PlaceDateText()
	if complete {
		return box{h: body.lead, ops: r.textBoxOps(text, fr.x, 0, fr.width, body)}
	}
	sd := &signDraw{r: r, body: body, small: r.styleAt(r.p.SmallSize, false)}
	ly := float64(nameRoom)
	w := min(placeLineW, fr.width)
	sd.line(fr.x, ly, w)
	sd.printed(fr.x, ly, w, text)
	sd.label(fr.x, ly, w, s.Labels.PlaceDate)
	return box{h: ly + 0.8 + sd.small.lead, ops: sd.ops}
}

// signDraw collects the operations of one signer: lines, the labels under
// them and the values printed on them.
type signDraw struct {
	r           *Renderer
	body, small textStyle
	ops         []op
}

// printed puts a known value on a line at lineY. A value too long for
// the line wraps upwards, its last line just above the line; extra says
// how much room that takes beyond one line.
func (d *signDraw) printed(x, lineY, w float64, text string) {
	if text == "" {
		return
	}
	top := lineY - d.body.lead - d.extra(w, text) - 0.5
	d.ops = append(d.ops, d.r.textBoxOps(text, x, top, w, d.body)...)
}

// extra is the height a value printed on a line of width w takes beyond
// one line of text.
func (d *signDraw) extra(w float64, text string) float64 {
	if text == "" {
		return 0
	}
	n := len(d.r.lines(d.r.spans([]doc.Inline{doc.Text(text)}, d.body), w, d.body))
	return float64(max(n-1, 0)) * d.body.lead
}

// label puts a label under a line at lineY.
func (d *signDraw) label(x, lineY, w float64, text string) {
	if text == "" {
		return
	}
	d.ops = append(d.ops, d.r.textBoxOps(text, x, lineY+0.8, w, d.small)...)
}

// line draws a line to write on; decoration for a screen reader, which
// reads the labels.
func (d *signDraw) line(x, lineY, w float64) {
	d.ops = append(d.ops, op{kind: opLine, x: x, y: lineY, w: w, size: signLineW, color: d.r.p.TextColor, tag: tagArtifact})
}

// signerForm is the FormLines layout of one signer in a column at x of
// width w: a line to sign on with the date line beside it, then a line
// for the name in clear with the place beside it when asked for; the
// labels go under the lines and whatever is known (date, name, title,
// place) is printed on them.
func (r *Renderer) signerForm(s *doc.Signatures, sg *doc.Signer, x, w float64) signerCell {
	d := &signDraw{r: r, body: r.styleAt(r.p.BodySize, false), small: r.styleAt(r.p.SmallSize, false)}
	sw := r.signLineWidth(s, w)
	gap := min(signColGap, w*0.08)
	dx := x + sw + gap
	dw := min(45, x+w-dx)
	// First row: signature and date.
	ly := signRoom + d.extra(dw, sg.Date)
	signY := ly
	d.line(x, ly, sw)
	d.line(dx, ly, dw)
	d.printed(dx, ly, dw, sg.Date)
	d.label(x, ly, sw, s.Caption(sg))
	d.label(dx, ly, dw, s.Labels.Date)
	y := ly + 0.8 + d.small.lead
	// Second row: the name in clear, and the place.
	name := sg.Name
	if sg.Title != "" {
		if name != "" {
			name += ", "
		}
		name += sg.Title
	}
	place := ""
	if sg.ShowPlace {
		place = sg.Place
	}
	ly = y + nameRoom + max(d.extra(sw, name), d.extra(dw, place))
	d.line(x, ly, sw)
	d.printed(x, ly, sw, name)
	d.label(x, ly, sw, s.Labels.Name)
	if sg.ShowPlace {
		d.line(dx, ly, dw)
		d.printed(dx, ly, dw, sg.Place)
		d.label(dx, ly, dw, s.Labels.Place)
	}
	return signerCell{ops: d.ops, h: ly + 0.8 + d.small.lead, signY: signY}
}

// signerNameLine is the NameUnderLine layout of one signer: a line to
// sign on, and under it the name and title, or the role alone when no one
// is named (doc.Signer.NameLines).
func (r *Renderer) signerNameLine(s *doc.Signatures, sg *doc.Signer, x, w float64) signerCell {
	d := &signDraw{r: r, body: r.styleAt(r.p.BodySize, false), small: r.styleAt(r.p.SmallSize, false)}
	lw := r.signLineWidth(s, w)
	ly := float64(signRoom)
	if s.Layout != doc.NameOnly {
		d.line(x, ly, lw)
	}
	y := ly + 0.8
	for _, t := range sg.NameLines() {
		d.ops = append(d.ops, r.textBoxOps(t, x, y, lw, d.body)...)
		y += d.body.lead + d.extra(lw, t)
	}
	return signerCell{ops: d.ops, h: y, signY: ly}
}

// keepsWithPrevious tells layoutBlocks to keep a block on the page of the
// block before it: a signature block, so that it never stands alone on a
// page (unless it cannot fit with it).
func keepsWithPrevious(b doc.Block) bool {
	return b.Kind() == doc.KindSignatures
}

// textBoxOps lays out a short text on a single line (cut if it is too
// long) at the given top, for labels and values in fixed layouts.
func (r *Renderer) textBoxOps(text string, x, top, w float64, ts textStyle) []op {
	ls := r.lines(r.spans([]doc.Inline{doc.Text(text)}, ts), w, ts)
	var ops []op
	for i, l := range ls {
		// Always a space after: the labels and values are read one after
		// the other.
		ops = r.lineOps(ops, l, x, top+float64(i)*ts.lead, w, doc.AlignLeft, ts, true)
	}
	return ops
}

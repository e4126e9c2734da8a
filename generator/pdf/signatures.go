package pdf

import (
	"github.com/underlag/underlag/generator/doc"
)

// Signature block measurements in millimetres: room to sign above the
// first line, room to print a name above the second, and the space between
// signers. Everything else comes from the profile.
const (
	signRoom   = 13
	nameRoom   = 9
	signerGap  = 7
	signLineW  = 0.3
	signColGap = 10
)

// layoutSignatures draws, for each signer, a line to sign on with the date
// line beside it, then a line for the name in clear with the place beside
// it when asked for; the labels go under the lines and whatever is known
// (date, name, title, place) is printed on them. Each signer is one box,
// kept with the next, so the block is never split between pages unless it
// is taller than a page, and even then never within a signer.
func layoutSignatures(r *Renderer, b doc.Block, fr frame) ([]box, error) {
	s := b.(*doc.Signatures)
	body := r.textStyle(fr, false)
	small := r.styleAt(r.p.SmallSize, false)
	sw := min(fr.width*0.55, 95)
	dx := fr.x + sw + signColGap
	dw := min(45, fr.x+fr.width-dx)
	var boxes []box
	var ops []op
	y := 0.0
	// printed puts a known value on a line whose y is given.
	printed := func(x, lineY, w float64, text string) {
		if text == "" {
			return
		}
		top := lineY - body.lead - 0.5
		ops = append(ops, r.textBoxOps(text, x, top, w, body)...)
	}
	label := func(x, lineY, w float64, text string) {
		ops = append(ops, r.textBoxOps(text, x, lineY+0.8, w, small)...)
	}
	line := func(x, lineY, w float64) {
		ops = append(ops, op{kind: opLine, x: x, y: lineY, w: w, size: signLineW, color: r.p.TextColor, tag: tagArtifact})
	}
	for i, sg := range s.Signers {
		ops, y = nil, 0
		// First row: signature and date.
		ly := y + signRoom
		line(fr.x, ly, sw)
		line(dx, ly, dw)
		printed(dx, ly, dw, sg.Date)
		sigLabel := s.Labels.Signature
		if sg.Role != "" {
			if sigLabel != "" {
				sigLabel += " "
			}
			sigLabel += sg.Role
		}
		label(fr.x, ly, sw, sigLabel)
		label(dx, ly, dw, s.Labels.Date)
		y = ly + 0.8 + small.lead
		// Second row: the name in clear, and the place.
		ly = y + nameRoom
		line(fr.x, ly, sw)
		name := sg.Name
		if sg.Title != "" {
			if name != "" {
				name += ", "
			}
			name += sg.Title
		}
		printed(fr.x, ly, sw, name)
		label(fr.x, ly, sw, s.Labels.Name)
		if sg.ShowPlace {
			line(dx, ly, dw)
			printed(dx, ly, dw, sg.Place)
			label(dx, ly, dw, s.Labels.Place)
		}
		y = ly + 0.8 + small.lead
		bx := box{h: y, ops: ops, keep: i < len(s.Signers)-1}
		if i > 0 {
			bx.before = signerGap
		}
		boxes = append(boxes, bx)
	}
	return boxes, nil
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

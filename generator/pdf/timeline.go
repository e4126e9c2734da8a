package pdf

import (
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/gantt"
)

// layoutTimeline draws a timeline as vectors: generator/gantt lays it out
// to the frame's width, and each of its shapes becomes a drawing
// operation. The figure is one box, never split across pages, kept with
// its caption; layoutBlocks tags it as a Figure whose alternative text is
// the timeline's Alt, and its shapes and texts are the figure's content.
func layoutTimeline(r *Renderer, b doc.Block, fr frame) ([]box, error) {
	t := b.(*doc.Timeline)
	l, err := r.chart()
	if err != nil {
		return nil, err
	}
	d := l.Layout(t, fr.width, r.p)
	if d.H == 0 {
		return nil, nil
	}
	// A chart taller than a page, less room for its caption, is drawn
	// smaller: the box is never split.
	d = d.Fit(r.p.PageHeight - r.p.MarginTop - r.p.MarginBottom - 3*r.p.BodySize*ptToMM)
	ops := make([]op, 0, len(d.Shapes))
	for _, s := range d.Shapes {
		o := op{x: fr.x + s.X, y: s.Y}
		switch s.Kind {
		case gantt.Rect:
			o.kind, o.w, o.h = opRect, s.W, s.H
		case gantt.Poly:
			o.kind, o.x, o.y, o.more = opPoly, fr.x, 0, &opMore{pts: s.Pts}
		case gantt.Line:
			o.kind, o.w, o.h = opLine, s.W, s.H
			if s.Dash > 0 {
				o.more = &opMore{dash: s.Dash}
			}
			o.size, o.color = s.LineW, s.Stroke
			ops = append(ops, o)
			continue
		case gantt.Circle:
			o.kind, o.w, o.fillc, o.fill = opCircle, s.W, s.Fill, true
			ops = append(ops, o)
			continue
		case gantt.Text:
			o.kind, o.text, o.size, o.color = opText, s.Text, s.Size, s.Fill
			if s.Bold {
				o.face = faceBold
			}
			ops = append(ops, o)
			continue
		}
		o.fill, o.fillc = s.Filled, s.Fill
		if s.LineW > 0 {
			o.draw, o.color, o.size = true, s.Stroke, s.LineW
		}
		ops = append(ops, o)
	}
	return []box{{h: d.H, ops: ops, keep: true}}, nil
}

// poly appends a polygon's path, filled and/or stroked.
func (fw *fileWriter) poly(c []byte, o *op) []byte {
	pts := o.pts()
	if len(pts) < 6 {
		return c
	}
	if o.fill {
		c = fw.setFill(c, o.fillc)
	}
	if o.draw {
		c = fw.setStroke(c, o.color, o.size)
	}
	k := fw.k
	for i := 0; i+1 < len(pts); i += 2 {
		c = appendNums(c, (o.x+pts[i])*k, fw.pageH-(o.y+pts[i+1])*k)
		if i == 0 {
			c = append(c, " m "...)
		} else {
			c = append(c, " l "...)
		}
	}
	switch {
	case o.fill && o.draw:
		return append(c, "h B\n"...)
	case o.fill:
		return append(c, "h f\n"...)
	}
	return append(c, "h S\n"...)
}

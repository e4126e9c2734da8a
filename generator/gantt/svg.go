package gantt

import (
	"html"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/style"
)

// SVG writes the drawing as an SVG element for HTML: an image to a screen
// reader (role img) named by the alternative text (aria-label, and the
// title a pointer shows); its shapes in millimetres of its view box, so
// that it scales to the width of the page it is on, up to its own.
// Sizes and the font are in its style attribute, which HTML checkers read
// (tidy takes no units in width and height).
func (d *Drawing) SVG() []byte {
	var b []byte
	alt := html.EscapeString(d.Alt)
	b = append(b, `<svg xmlns="http://www.w3.org/2000/svg" class="tidslinje" role="img" aria-label="`...)
	b = append(b, alt...)
	b = append(b, `" viewBox="0 0 `...)
	b = appendNums(b, d.W, d.H)
	b = append(b, `" style="width: 100%; max-width: `...)
	b = appendNum(b, d.W)
	b = append(b, `mm; height: auto; font-family: 'Liberation Sans', Arial, Helvetica, sans-serif"><title>`...)
	b = append(b, alt...)
	b = append(b, "</title>\n"...)
	for _, s := range d.Shapes {
		switch s.Kind {
		case Rect:
			b = append(b, `<rect x="`...)
			b = appendNum(b, s.X)
			b = append(b, `" y="`...)
			b = appendNum(b, s.Y)
			b = append(b, `" width="`...)
			b = appendNum(b, s.W)
			b = append(b, `" height="`...)
			b = appendNum(b, s.H)
			b = append(b, '"')
			b = paint(b, s)
			b = append(b, "/>\n"...)
		case Poly:
			b = append(b, `<polygon points="`...)
			b = appendNums(b, s.Pts...)
			b = append(b, '"')
			b = paint(b, s)
			b = append(b, "/>\n"...)
		case Line:
			b = append(b, `<line x1="`...)
			b = appendNum(b, s.X)
			b = append(b, `" y1="`...)
			b = appendNum(b, s.Y)
			b = append(b, `" x2="`...)
			b = appendNum(b, s.X+s.W)
			b = append(b, `" y2="`...)
			b = appendNum(b, s.Y+s.H)
			b = append(b, '"')
			b = paint(b, s)
			b = append(b, "/>\n"...)
		case Circle:
			b = append(b, `<circle cx="`...)
			b = appendNum(b, s.X)
			b = append(b, `" cy="`...)
			b = appendNum(b, s.Y)
			b = append(b, `" r="`...)
			b = appendNum(b, s.W)
			b = append(b, '"')
			b = paint(b, s)
			b = append(b, "/>\n"...)
		case Text:
			b = append(b, `<text x="`...)
			b = appendNum(b, s.X)
			b = append(b, `" y="`...)
			b = appendNum(b, s.Y)
			b = append(b, `" font-size="`...)
			b = appendNum(b, s.Size*ptToMM)
			b = append(b, `" fill="#`...)
			b = append(b, s.Fill.Hex()...)
			if s.Bold {
				b = append(b, `" font-weight="bold`...)
			}
			b = append(b, `">`...)
			b = append(b, html.EscapeString(s.Text)...)
			b = append(b, "</text>\n"...)
		}
	}
	return append(b, "</svg>"...)
}

// paint appends a shape's fill and stroke attributes.
func paint(b []byte, s Shape) []byte {
	if s.Filled {
		b = paintAttr(b, "fill", s.Fill)
	} else {
		b = append(b, ` fill="none"`...)
	}
	if s.LineW > 0 {
		b = paintAttr(b, "stroke", s.Stroke)
		b = append(b, ` stroke-width="`...)
		b = appendNum(b, s.LineW)
		b = append(b, '"')
		if s.Dash > 0 {
			b = append(b, ` stroke-dasharray="`...)
			b = appendNums(b, s.Dash, s.Dash*0.7)
			b = append(b, '"')
		}
	}
	return b
}

func paintAttr(b []byte, attr string, c style.RGB) []byte {
	b = append(b, ' ')
	b = append(b, attr...)
	b = append(b, `="#`...)
	b = append(b, c.Hex()...)
	return append(b, '"')
}

// appendNum appends v with at most two decimals, the same way every time.
func appendNum(b []byte, v float64) []byte {
	s := strconv.FormatFloat(v, 'f', 2, 64) // always with a point
	s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return append(b, s...)
}

func appendNums(b []byte, vs ...float64) []byte {
	for i, v := range vs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNum(b, v)
	}
	return b
}

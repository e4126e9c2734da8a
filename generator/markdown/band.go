package markdown

import (
	"strings"

	"github.com/underlag/underlag/generator/doc"
)

// writeBands writes the header and footer of a furniture template as the
// profile's header and footer are written: a quoted line a row, the
// lines of a cell joined by " · ", its cells by " — ". The profile's
// header or footer stands where the template left one to the profile.
func writeBands(b *strings.Builder, m doc.Meta) {
	row := func(r doc.BandRow) string {
		var cells []string
		for _, c := range r.Cells {
			var ls []string
			for _, l := range c.Lines {
				ls = append(ls, inlines(l))
			}
			if len(ls) > 0 {
				cells = append(cells, strings.Join(ls, " · "))
			}
		}
		return strings.Join(cells, " — ")
	}
	if m.HeaderBand != nil {
		for _, r := range m.HeaderBand.Rows {
			if s := row(r); s != "" {
				b.WriteString("> " + s + "\n")
			}
		}
	} else {
		var left, right []string
		for _, l := range m.Header.Left {
			left = append(left, inlines(l))
		}
		for _, l := range m.Header.Right {
			right = append(right, inlines(l))
		}
		b.WriteString("> " + strings.Join(left, " · ") + " — " + strings.Join(right, " · ") + "\n")
	}
	if m.FooterBand != nil {
		for _, r := range m.FooterBand.Rows {
			if s := row(r); s != "" {
				b.WriteString("> " + s + "\n")
			}
		}
	} else {
		for _, l := range m.Footer {
			b.WriteString("> " + inlines(l) + "\n")
		}
	}
	b.WriteString("\n")
}

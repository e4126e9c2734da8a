package pdf

import "github.com/underlag/underlag/generator/doc"

// Mark is a heading of a laid-out document, as its outline shows it, and
// the page it lands on.
type Mark struct {
	Text  string
	Level int
	Page  int // from 1
}

// Marks lays d out as Render would, without writing it, and returns its
// headings with their pages and its page count: a protocol's extract is
// numbered from the page its § starts on ("5 (53)").
func (r *Renderer) Marks(d *doc.Document) ([]Mark, int, error) {
	pages, _, err := r.layout(d)
	if err != nil {
		return nil, 0, err
	}
	var out []Mark
	for i, pg := range pages {
		for _, m := range pg.marks {
			out = append(out, Mark{Text: m.text, Level: m.level, Page: i + 1})
		}
	}
	return out, len(pages), nil
}

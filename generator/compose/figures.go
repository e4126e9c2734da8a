package compose

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/underlag/underlag/generator/doc"
)

// Tables, images and page breaks in Markdown text: GitHub-style pipe
// tables become doc tables (drawn by every renderer with a repeated header
// and rows that do not split), an image alone in its paragraph becomes a
// figure with a numbered caption, and a paragraph that is only \newpage
// (or \sidbrytning) starts a new page.

// pageBreakWords are the paragraphs that mean "new page"; \newpage is
// pandoc's and LaTeX's, which many writers know.
var pageBreakWords = []string{`\newpage`, `\pagebreak`, `\sidbrytning`}

func isPageBreak(runs []doc.Inline) bool {
	if len(runs) != 1 {
		return false
	}
	t := strings.TrimSpace(runs[0].Text)
	for _, w := range pageBreakWords {
		if t == w {
			return true
		}
	}
	return false
}

// table converts a goldmark pipe table.
func (cv *converter) table(n *east.Table) doc.Block {
	t := &doc.Table{}
	for _, a := range n.Alignments {
		col := doc.Column{}
		switch a {
		case east.AlignRight:
			col.Align = doc.AlignRight
		case east.AlignCenter:
			col.Align = doc.AlignCenter
		}
		t.Columns = append(t.Columns, col)
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var r doc.Row
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			runs, _ := cv.inlines(c)
			cell := doc.Cell{}
			if len(runs) > 0 {
				cell.Blocks = []doc.Block{&doc.Paragraph{Text: runs}}
			}
			r.Cells = append(r.Cells, cell)
		}
		// goldmark pads a short row and cuts a long one to the header's
		// width; check reports such rows at their line in the data.
		for len(r.Cells) < len(t.Columns) {
			r.Cells = append(r.Cells, doc.Cell{})
		}
		if _, isHeader := row.(*east.TableHeader); isHeader {
			t.Header = append(t.Header, r)
		} else {
			t.Rows = append(t.Rows, r)
		}
	}
	// A header row of empty cells (`| | |`) is a table without one: a
	// key–value table, whose first column labels its rows.
	if len(t.Header) == 1 && allEmpty(t.Header[0].Cells) {
		t.Header = nil
	}
	return t
}

func allEmpty(cs []doc.Cell) bool {
	for _, c := range cs {
		if !cellEmpty(c) {
			return false
		}
	}
	return true
}

// captionOf reads a table caption paragraph: "Tabell: …" or pandoc's
// "Table: …" and ": …".
func captionOf(b doc.Block) (string, bool) {
	p, ok := b.(*doc.Paragraph)
	if !ok {
		return "", false
	}
	s := strings.TrimSpace(doc.Plain(p.Text))
	for _, lead := range []string{"Tabell:", "Table:", ":"} {
		if rest, ok := strings.CutPrefix(s, lead); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}

// attachCaptions moves a caption paragraph right before or after a table
// into the table.
func attachCaptions(bs []doc.Block) []doc.Block {
	out := bs[:0]
	for i := 0; i < len(bs); i++ {
		if t, ok := bs[i].(*doc.Table); ok && t.Caption == "" {
			if i+1 < len(bs) {
				if c, ok := captionOf(bs[i+1]); ok {
					t.Caption = c
					out = append(out, t)
					i++
					continue
				}
			}
			if k := len(out) - 1; k >= 0 {
				if c, ok := captionOf(out[k]); ok {
					t.Caption = c
					out[k] = t
					continue
				}
			}
		}
		out = append(out, bs[i])
	}
	return out
}

// figure turns a paragraph that holds only images into figures: each image
// read by the loader, with its title as a numbered caption under it. It
// returns false when the paragraph is not only images.
func (cv *converter) figure(p ast.Node) ([]doc.Block, bool) {
	var imgs []*ast.Image
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			imgs = append(imgs, c)
		case *ast.Text:
			if strings.TrimSpace(string(c.Value(cv.src))) != "" {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	if len(imgs) == 0 || cv.r == nil {
		return nil, false
	}
	var out []doc.Block
	for _, img := range imgs {
		out = append(out, cv.r.figureBlocks(img, cv)...)
	}
	return out, true
}

// figureBlocks is one image and its caption. An image the loader did not
// read (a template's, or one it reported) is its alt text.
func (r *run) figureBlocks(img *ast.Image, cv *converter) []doc.Block {
	alt, _ := cv.inlines(img)
	dest := string(img.Destination)
	a := r.in.Images[dest]
	if a == nil {
		if len(alt) == 0 {
			return nil
		}
		return []doc.Block{&doc.Paragraph{Text: alt}}
	}
	var format string
	switch http.DetectContentType(a) {
	case "image/png":
		format = "png"
	case "image/jpeg":
		format = "jpeg"
	default:
		return []doc.Block{&doc.Paragraph{Text: alt}}
	}
	out := []doc.Block{&doc.Image{Data: a, Format: format, Alt: doc.Plain(alt)}}
	if title := strings.TrimSpace(string(img.Title)); title != "" {
		r.figures++
		caption := r.lbl("figur") + " " + strconv.Itoa(r.figures) + ". " + title
		out = append(out, &doc.Paragraph{Text: []doc.Inline{{Text: caption, Style: doc.Italic}}, Small: true})
	}
	return out
}

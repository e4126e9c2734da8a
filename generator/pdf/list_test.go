package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// nestedList returns a bullet list nested depth levels deep, one item a
// level, "Nivå 1" outermost.
func nestedList(depth int) *doc.List {
	var inner *doc.List
	for i := depth; i >= 1; i-- {
		it := doc.ListItem{Blocks: []doc.Block{&doc.Paragraph{Text: []doc.Inline{doc.Text(fmt.Sprintf("Nivå %d", i))}}}}
		if inner != nil {
			it.Blocks = append(it.Blocks, inner)
		}
		inner = &doc.List{Items: []doc.ListItem{it}}
	}
	return inner
}

// TestDeeplyNestedList renders lists nested far deeper than anyone
// writes, as a Markdown list indented by mistake can be: every item must
// be on the page, none off its right edge, and no page blank. (A list 30
// levels deep used to lose its deepest items, 300 levels gave 23 blank
// pages.)
func TestDeeplyNestedList(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	p := &r.p
	for _, tc := range []struct {
		name  string
		depth int
		cell  bool
	}{
		{"30 levels", 30, false},
		{"300 levels", 300, false},
		{"30 levels in a table cell", 30, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var b doc.Block = nestedList(tc.depth)
			if tc.cell {
				b = &doc.Table{Columns: []doc.Column{{Width: 1}, {Width: 3}}, Rows: []doc.Row{{Cells: []doc.Cell{{Blocks: []doc.Block{b}}, doc.TextCell("Bredvid")}}}}
			}
			d := &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{b}}

			pages, _, err := r.layout(d)
			require.NoError(t, err)
			for i, pg := range pages {
				for _, o := range pg.ops {
					if o.kind == opText {
						text := strings.TrimSuffix(o.text, " ")
						assert.LessOrEqual(t, o.x+r.face(o.face).width(text, o.size), p.PageWidth-p.MarginRight+0.01, "page %d: %q", i+1, o.text)
					}
				}
			}

			path, _, n := render(t, d)
			texts := testenv.PDFPages(t, path)
			require.Len(t, texts, n)
			for i, text := range texts {
				assert.Contains(t, text, "Nivå", "page %d of %d has no list item", i+1, n)
			}
			all := testenv.Squash(strings.Join(texts, " ")) + " "
			for i := 1; i <= tc.depth; i++ {
				if !strings.Contains(all, fmt.Sprintf("Nivå %d ", i)) {
					t.Errorf("item %d of %d is missing", i, tc.depth)
				}
			}
			// Every item has its own line: nothing is cut letter by letter.
			assert.Equal(t, tc.depth, strings.Count(all, "Nivå "), "items found")
		})
	}
}

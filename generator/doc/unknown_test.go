package doc_test

import (
	"errors"
	"io"
	"testing"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx"
	"github.com/underlag/underlag/generator/markdown"
	"github.com/underlag/underlag/generator/pdf"
	"github.com/underlag/underlag/generator/style"
)

// alien is a block of a kind no renderer knows, as a block added to the
// tree but not yet to the renderers would be.
type alien struct{}

func (alien) Kind() doc.Kind { return doc.Kind(200) }

// TestUnknownBlock checks that every renderer fails on a block kind it has
// no function for, with the same error type, wherever the block is: none
// may leave it out silently.
func TestUnknownBlock(t *testing.T) {
	t.Parallel()
	renderers := []struct {
		format string
		new    func() (doc.Renderer, error)
	}{
		{"pdf", func() (doc.Renderer, error) { return pdf.New(style.Default()) }},
		{"docx", func() (doc.Renderer, error) { return docx.New(style.Default()) }},
		{"markdown", func() (doc.Renderer, error) { return markdown.New(), nil }},
	}
	para := &doc.Paragraph{Text: []doc.Inline{doc.Text("före")}}
	places := []struct {
		name   string
		blocks []doc.Block
	}{
		{"top level", []doc.Block{para, alien{}}},
		{"list item", []doc.Block{&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{para, alien{}}}}}}},
		{"table cell", []doc.Block{&doc.Table{Rows: []doc.Row{{Cells: []doc.Cell{{Blocks: []doc.Block{alien{}}}}}}}}},
		{"list in a table cell", []doc.Block{&doc.Table{Rows: []doc.Row{{Cells: []doc.Cell{{Blocks: []doc.Block{
			&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{para, alien{}}}}},
		}}}}}}}},
	}
	for _, rt := range renderers {
		r, err := rt.new()
		if err != nil {
			t.Fatal(err)
		}
		for _, pl := range places {
			t.Run(rt.format+"/"+pl.name, func(t *testing.T) {
				err := r.Render(io.Discard, &doc.Document{Blocks: pl.blocks})
				var ue *doc.UnknownBlockError
				if !errors.As(err, &ue) {
					t.Fatalf("err = %v, want a *doc.UnknownBlockError", err)
				}
				// A renderer does not name itself: the pipeline's format
				// table does (TestUnknownBlockNamesFormat there).
				if ue.Format != "" || ue.Block != (alien{}) {
					t.Errorf("error says format %q, block %#v; want none and the alien block", ue.Format, ue.Block)
				}
				if want := "cannot render block kind Kind(200) (doc_test.alien)"; err.Error() != want {
					t.Errorf("error text %q, want %q", err, want)
				}
			})
		}
	}
}

package compose

import (
	"slices"
	"testing"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// definitionsTable returns the table that holds a document's definitions:
// the one whose rows start with the term.
func definitionsTable(t *testing.T, d *doc.Document, term string) *doc.Table {
	t.Helper()
	for _, b := range d.Blocks {
		if tab, ok := b.(*doc.Table); ok {
			for _, row := range tab.Rows {
				if len(row.Cells) == 2 && cellPlain(row.Cells[0]) == term {
					return tab
				}
			}
		}
	}
	t.Fatalf("no table defines %q", term)
	return nil
}

// TestDefinitionsAreATable checks that the definitions reach the renderers
// as the table doc.DefinitionTable makes, labels and all, and that blanking
// both labels leaves no header row.
func TestDefinitionsAreATable(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	for _, tc := range []struct {
		name   string
		labels map[string]string
		header []string
	}{
		{"default labels", nil, []string{"Begrepp/förkortning", "Förklaring"}},
		{"own labels", map[string]string{"begrepp": "Term", "förklaring": "Betydelse"}, []string{"Term", "Betydelse"}},
		{"no labels", map[string]string{"begrepp": "", "förklaring": ""}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := fixture(t, testdata("tjansteskrivelse.yaml"))
			m := in.Doc.(*model.Memo)
			m.Definitions = []model.Definition{{Term: "RF", Explanation: "Regionfullmäktige"}}
			m.Labels = tc.labels
			tab := definitionsTable(t, compose(t, c, in), "RF")
			var header []string
			if len(tab.Header) > 0 {
				for _, cell := range tab.Header[0].Cells {
					header = append(header, cellPlain(cell))
				}
			}
			if len(tab.Header) > 1 || !slices.Equal(header, tc.header) {
				t.Errorf("header rows %q, want %q", header, tc.header)
			}
			if len(tab.Columns) != 2 || tab.Columns[0].Width != 0 || tab.Columns[1].Width != 0 {
				t.Errorf("columns %+v, want two sized from their content", tab.Columns)
			}
		})
	}
}

package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// TestFirstPage checks doc.Meta.First: page one has its own header and
// footer, later pages the running ones (here a footer on page one only).
func TestFirstPage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name         string
		running      []doc.Line
		wantOnSecond string
	}{
		{"footer on page one only", nil, ""},
		{"own running footer", []doc.Line{{doc.Text("Löpande sidfot")}}, "Löpande sidfot"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := doctest.LongTable(60)
			d.Meta.First = &doc.Page{
				Header: doc.Header{Left: []doc.Line{{doc.Strong("Första sidans huvud")}}, Right: d.Meta.Header.Right},
				Footer: []doc.Line{{doc.Text("Postadress: 901 89 Umeå")}},
			}
			d.Meta.Footer = tc.running
			path, _, n := render(t, d)
			require.Greater(t, n, 1)
			pages := testenv.PDFPages(t, path)
			assert.Contains(t, pages[0], "Postadress: 901 89 Umeå")
			assert.Contains(t, pages[0], "Första sidans huvud")
			assert.NotContains(t, pages[0], "Hälso- och sjukvårdsförvaltningen", "page one's header replaces the running one")
			for i, p := range pages[1:] {
				assert.NotContains(t, p, "Postadress", "page %d", i+2)
				assert.NotContains(t, p, "Första sidans huvud", "page %d", i+2)
				assert.Contains(t, p, "Hälso- och sjukvårdsförvaltningen", "page %d", i+2)
				if tc.wantOnSecond != "" {
					assert.Contains(t, p, tc.wantOnSecond, "page %d", i+2)
				}
			}
			assert.NotContains(t, pages[0], "Löpande sidfot")
			assert.True(t, strings.Contains(testenv.Squash(pages[1]), " 2 ("), "page numbers go on")
		})
	}
}

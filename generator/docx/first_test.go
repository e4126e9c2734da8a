package docx

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// readFirst prints, as python-docx reads them, whether the section has a
// different first page and the texts of its headers and footers.
const readFirst = `
import json, sys, docx
s = docx.Document(sys.argv[1]).sections[0]
text = lambda part: " | ".join(p.text for p in part.paragraphs if p.text) + " | ".join(c.text for t in part.tables for r in t.rows for c in r.cells if c.text)
print(json.dumps({"titlePg": s.different_first_page_header_footer,
  "firstHeader": text(s.first_page_header), "firstFooter": text(s.first_page_footer),
  "header": text(s.header), "footer": text(s.footer)}))
`

// TestFirstPage checks doc.Meta.First: the section has w:titlePg and
// page one's own header and footer parts, the running ones stay as they
// are, and a document without First has neither.
func TestFirstPage(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	for _, tc := range []struct {
		name    string
		running []doc.Line
	}{
		{"footer on page one only", nil},
		{"own running footer", []doc.Line{{doc.Text("Löpande sidfot")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := doctest.LongTable(60)
			d.Meta.First = &doc.Page{
				Header: doc.Header{Left: []doc.Line{{doc.Strong("Första sidans huvud")}}, Right: d.Meta.Header.Right},
				Footer: []doc.Line{{doc.Text("Postadress: 901 89 Umeå"), {Text: " webb", Link: "https://example.se"}}},
			}
			d.Meta.Footer = tc.running
			data := render(t, r, d)
			p := parts(t, data)
			assert.Contains(t, p["word/document.xml"], `<w:titlePg/>`)
			assert.Contains(t, p["[Content_Types].xml"], `/word/header2.xml`)
			assert.Contains(t, p["word/_rels/footer2.xml.rels"], `https://example.se`)

			path := filepath.Join(t.TempDir(), "first.docx")
			require.NoError(t, os.WriteFile(path, data, 0o644))
			var got struct {
				TitlePg                                  bool
				FirstHeader, FirstFooter, Header, Footer string
			}
			py := testenv.NeedPythonDocx(t)
			require.NoError(t, json.Unmarshal([]byte(testenv.Run(t, py, "-c", readFirst, path)), &got))
			assert.True(t, got.TitlePg)
			assert.Contains(t, got.FirstHeader, "Första sidans huvud")
			assert.Contains(t, got.FirstFooter, "Postadress: 901 89 Umeå")
			assert.Contains(t, got.Header, "Hälso- och sjukvårdsförvaltningen")
			assert.Equal(t, doc.Plain(append([]doc.Inline(nil), firstOr(tc.running)...)), got.Footer)
		})
	}
	p := parts(t, render(t, r, doctest.All()))
	assert.NotContains(t, p["word/document.xml"], "titlePg")
	assert.NotContains(t, p, "word/header2.xml")
	assert.NotContains(t, p["[Content_Types].xml"], "header2")
}

func firstOr(lines []doc.Line) doc.Line {
	if len(lines) == 0 {
		return nil
	}
	return lines[0]
}

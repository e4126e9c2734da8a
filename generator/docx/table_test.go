package docx

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

func TestColumnWidths(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	row := func(cells ...string) doc.Row {
		var r doc.Row
		for _, c := range cells {
			r.Cells = append(r.Cells, doc.TextCell(c))
		}
		return r
	}
	long := strings.Repeat("ord ", 40)
	for _, c := range []struct {
		name  string
		table doc.Table
		check func(t *testing.T, w []int)
	}{
		{"hints", doc.Table{Columns: []doc.Column{{Width: 3}, {Width: 1}}, Rows: []doc.Row{row("a", "b")}}, func(t *testing.T, w []int) {
			assert.InDelta(t, 3*w[1], w[0], 3)
		}},
		{"auto: short column stays narrow", doc.Table{Rows: []doc.Row{row("CLG", long)}}, func(t *testing.T, w []int) {
			assert.Less(t, w[0], w[1]/4)
		}},
		{"hint too narrow for a word", doc.Table{Columns: []doc.Column{{Width: 6}, {Width: 1}}, Rows: []doc.Row{row(long, "Uppdragsledare")}}, func(t *testing.T, w []int) {
			assert.Greater(t, w[1], 1500, "room for Uppdragsledare at 10 pt")
		}},
		{"mixed", doc.Table{Columns: []doc.Column{{}, {Width: 1}}, Rows: []doc.Row{row("2025-01-01", long)}}, func(t *testing.T, w []int) {
			assert.Less(t, w[0], w[1])
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := r.columnWidths(nil, &c.table, 2, 9072)
			require.Len(t, w, 2)
			assert.Equal(t, 9072, w[0]+w[1], "the widths fill the text width")
			c.check(t, w)
		})
	}
}

func TestLists(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	p := func(s string) doc.Block { return &doc.Paragraph{Text: []doc.Inline{doc.Text(s)}} }
	d := &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{
		&doc.List{Ordered: true, Start: 3, Items: []doc.ListItem{
			{Blocks: []doc.Block{p("tre"), p("fortsättning")}},
			{Blocks: []doc.Block{&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{p("djup")}}}}}},
			{},
		}},
		&doc.List{Ordered: true, Items: []doc.ListItem{{Blocks: []doc.Block{p("ett")}}}},
		p("Efter listan."),
	}}
	parts := parts(t, render(t, r, d))
	body, num, styles := parts["word/document.xml"], parts["word/numbering.xml"], parts["word/styles.xml"]
	// Each ordered list its own instance, counting from its start.
	assert.Contains(t, num, `<w:num w:numId="`+strconv.Itoa(firstListNum)+`"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>`)
	assert.Contains(t, num, `<w:num w:numId="`+strconv.Itoa(firstListNum+1)+`"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`)
	// The list styles carry their numbering, as Word's own do, and the
	// numbering's levels name the styles back.
	for _, tc := range []struct {
		style string
		lvl   int
		num   int
	}{{"ListBullet", 0, numBullets}, {"ListBullet2", 1, numBullets}, {"ListBullet3", 2, numBullets}, {"ListNumber", 0, numNumbered}, {"ListNumber2", 1, numNumbered}, {"ListNumber3", 2, numNumbered}} {
		assert.Contains(t, styles, `w:styleId="`+tc.style+`"><w:name w:val="`)
		assert.Regexp(t, `w:styleId="`+tc.style+`">.*?<w:numPr><w:ilvl w:val="`+strconv.Itoa(tc.lvl)+`"/><w:numId w:val="`+strconv.Itoa(tc.num)+`"/></w:numPr>`, styles)
		assert.Contains(t, num, `<w:pStyle w:val="`+tc.style+`"/>`)
	}
	assert.Contains(t, num, `<w:num w:numId="`+strconv.Itoa(numNumbered)+`"><w:abstractNumId w:val="`+strconv.Itoa(absNumbered)+`"/></w:num>`)
	assert.NotRegexp(t, `w:styleId="ListContinue">(?:[^<]|<[^/]|</[^w]|</w:[^s])*?<w:numPr>`, styles)
	assert.Contains(t, body, `<w:pStyle w:val="ListContinue"/></w:pPr><w:r><w:t xml:space="preserve">fortsättning`)
	assert.Contains(t, body, `<w:pStyle w:val="ListBullet2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">djup`)
	assert.Contains(t, body, `<w:spacing w:before="94"/></w:pPr><w:r><w:t xml:space="preserve">Efter listan.`, "space after a list")
	// Two tables in a row are kept apart by a paragraph, or Word would
	// merge them.
	tbl := &doc.Table{Rows: []doc.Row{{Cells: []doc.Cell{doc.TextCell("x")}}}}
	body = parts2(t, r, &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{tbl, tbl}})
	assert.Contains(t, body, `</w:tbl><w:p>`)
}

func parts2(t *testing.T, r *Renderer, d *doc.Document) string {
	return parts(t, render(t, r, d))["word/document.xml"]
}

// TestTableTextAndEnd checks a table's caption and description (the
// same summary as the PDF's), that the body ends with a paragraph and
// not a table, and automatic hyphenation.
func TestTableTextAndEnd(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	p := parts(t, render(t, r, doctest.All()))
	body := p["word/document.xml"]
	assert.Contains(t, body, `<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/><w:tblCaption w:val="Tabell 1. Tidplan"/><w:tblDescription w:val="Tabell 1. Tidplan: Fas/beslutspunkt, Start, Slut"/></w:tblPr>`)
	assert.Regexp(t, `</w:tbl><w:p><w:pPr>[^<]*<w:spacing[^>]*/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p><w:sectPr>`, body)
	assert.Contains(t, p["word/settings.xml"], "<w:autoHyphenation/>")
	assert.Contains(t, p["word/styles.xml"], `w:line="250" w:lineRule="auto"`, "1.2 × the size, in Liberation Sans's single lines")
}

// A body cell that holds a name is not hyphenated by Word, as the PDF
// never hyphenates a name; the other cells and the header are left to
// the document's hyphenation.
func TestCellWithNameNotHyphenated(t *testing.T) {
	r, err := New(style.Default())
	require.NoError(t, err)
	d := &doc.Document{Blocks: []doc.Block{&doc.Table{
		Header: []doc.Row{{Cells: []doc.Cell{doc.TextCell("Aktivitet"), doc.TextCell("Ansvarig")}}},
		Rows:   []doc.Row{{Cells: []doc.Cell{doc.TextCell("Markundersökning längs sträckan"), doc.TextCell("Łukasz Wójcik")}}},
	}}}
	d.Meta.Names = []string{"Łukasz Wójcik"}
	body := parts(t, render(t, r, d))["word/document.xml"]
	var paras []string
	for _, p := range strings.Split(body, "<w:p>")[1:] {
		if i := strings.Index(p, "</w:p>"); i >= 0 {
			p = p[:i]
		}
		paras = append(paras, p)
	}
	suppressed := func(text string) bool {
		for _, p := range paras {
			if strings.Contains(p, text) {
				return strings.Contains(p, "<w:suppressAutoHyphens/>")
			}
		}
		t.Fatalf("no paragraph holds %q", text)
		return false
	}
	assert.True(t, suppressed("Łukasz Wójcik"), "the name's cell")
	assert.False(t, suppressed("Markundersökning"), "a cell without a name")
}

package docx

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

// footerBand is two columns, each a label above its value, and the page.
func footerBand() *doc.Band {
	return &doc.Band{Rule: true, Rows: []doc.BandRow{{
		Columns: []doc.Column{{Width: 1}, {Width: 1, Align: doc.AlignRight}},
		Cells: []doc.BandCell{
			{Lines: []doc.Line{{doc.Strong("Postadress")}, {doc.Text("Box 7")}}},
			{Lines: []doc.Line{{doc.Strong("Sida")}, {{Field: doc.PageField}, doc.Text(" ("), {Field: doc.PagesField}, doc.Text(")")}}},
		},
	}}}
}

// TestBandParts checks that a furniture template's band is a borderless
// table in its part, page fields counting as the document's numbering
// says, and that an empty band is an empty part.
func TestBandParts(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	for _, tc := range []struct {
		name      string
		numbering doc.Numbering
		start     string // w:pgNumType in document.xml; "" for none
		pages     string // what stands for the page count in the footer
		notInFoot string
	}{
		{"default", doc.Numbering{}, "", "NUMPAGES", "+ "},
		{"start and total from data", doc.Numbering{Start: 5, Total: 53}, `<w:pgNumType w:start="5"/>`, ">53<", "NUMPAGES"},
		{"start alone: Word's count plus the pages before", doc.Numbering{Start: 5}, `<w:pgNumType w:start="5"/>`, "> + 4 <", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := doctest.All()
			d.Meta.FooterBand, d.Meta.Numbering = footerBand(), tc.numbering
			d.Meta.HeaderBand = &doc.Band{}
			p := parts(t, render(t, r, d))
			foot := p["word/footer1.xml"]
			assert.Contains(t, foot, "<w:tbl>")
			assert.Contains(t, foot, `<w:jc w:val="right"/>`)
			assert.Less(t, strings.Index(foot, "Postadress"), strings.Index(foot, "Box 7"), "the label above its value")
			assert.Contains(t, foot, tc.pages)
			if tc.notInFoot != "" {
				assert.NotContains(t, foot, tc.notInFoot)
			}
			if tc.start == "" {
				assert.NotContains(t, p["word/document.xml"], "pgNumType")
			} else {
				assert.Contains(t, p["word/document.xml"], tc.start)
			}
			assert.NotContains(t, p["word/header1.xml"], "<w:tbl>", "an empty band draws nothing")
			assert.NotContains(t, p["word/header1.xml"], "<w:t")
		})
	}
}

// TestBandLogo checks that the logo stands where the template puts it.
func TestBandLogo(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	d := doctest.All()
	d.Meta.Logo = &doc.Image{Data: testPNG(t, 40, 20), Format: "png", Alt: "Kommunens logotyp"}
	d.Meta.HeaderBand = &doc.Band{Rows: []doc.BandRow{{
		Columns: []doc.Column{{Width: 1}, {Width: 1, Align: doc.AlignRight}},
		Cells:   []doc.BandCell{{Lines: []doc.Line{{doc.Text("SMÅFJÄLLS KOMMUN")}}}, {Logo: true}},
	}}}
	p := parts(t, render(t, r, d))
	head := p["word/header1.xml"]
	assert.Less(t, strings.Index(head, "SMÅFJÄLLS KOMMUN"), strings.Index(head, "<w:drawing>"), "the logo in the right column")
	assert.Contains(t, p["word/_rels/header1.xml.rels"], "media/")
}

package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// TestBands checks a furniture template's header and footer: every page
// has them, the page fields count from the first number data gives to the
// total it gives (or the document's own), page one has its own header, and
// an empty band draws nothing.
func TestBands(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		nb         doc.Numbering
		first, tot int // the first page's number and the count, for pages
	}{
		{"own count", doc.Numbering{}, 1, 0},
		{"extract of a protocol", doc.Numbering{Start: 5, Total: 53}, 5, 53},
		{"start alone", doc.Numbering{Start: 3}, 3, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := doctest.LongTable(120)
			page := doc.Line{{Field: doc.PageField}, doc.Text(" ("), {Field: doc.PagesField}, doc.Text(")")}
			d.Meta.HeaderBand = &doc.Band{Rows: []doc.BandRow{{
				Columns: []doc.Column{{Width: 2}, {Width: 1, Align: doc.AlignRight}},
				Cells:   []doc.BandCell{{Lines: []doc.Line{{doc.Text("LÖPANDE HUVUD")}}}, {Lines: []doc.Line{page}}},
			}}}
			d.Meta.FooterBand = &doc.Band{Rule: true, Rows: []doc.BandRow{{
				Columns: []doc.Column{{Width: 1}, {Width: 1}},
				Cells: []doc.BandCell{
					{Lines: []doc.Line{{doc.Strong("Postadress")}, {doc.Text("Box 7")}}},
					{Lines: []doc.Line{{doc.Strong("Telefon")}, {doc.Text("0640-100 00")}}},
				},
			}}}
			firstHead := &doc.Band{Rows: []doc.BandRow{{
				Columns: []doc.Column{{Width: 1}},
				Cells:   []doc.BandCell{{Lines: []doc.Line{{doc.Text("FÖRSTA SIDAN")}, page}}},
			}}}
			d.Meta.First = &doc.Page{HeaderBand: firstHead, FooterBand: &doc.Band{}}
			d.Meta.Numbering = tc.nb
			path, _, n := render(t, d)
			pages := testenv.PDFPages(t, path)
			require.Len(t, pages, n)
			require.Greater(t, n, 1)
			total := tc.tot
			if total <= 0 {
				total = n + tc.first - 1
			}
			for i, p := range pages {
				sq := testenv.Squash(p)
				assert.Contains(t, sq, fmt.Sprintf(" %d (%d) ", tc.first+i, total), "page %d", i+1)
				if i == 0 {
					assert.Contains(t, p, "FÖRSTA SIDAN")
					assert.NotContains(t, p, "LÖPANDE HUVUD")
					assert.NotContains(t, p, "Postadress", "page one's footer is empty")
					continue
				}
				assert.Contains(t, p, "LÖPANDE HUVUD")
				lines := strings.Split(strings.TrimRight(p, "\n"), "\n")
				require.GreaterOrEqual(t, len(lines), 2)
				assert.Regexp(t, `Postadress\s+Telefon`, lines[len(lines)-2], "the labels side by side")
				assert.Regexp(t, `Box 7\s+0640-100 00`, lines[len(lines)-1], "the values under them")
			}
		})
	}
}

// TestBandLogo checks that the logo stands where the band puts it, on
// every page, and nowhere else.
func TestBandLogo(t *testing.T) {
	testenv.NeedTool(t, "pdfimages")
	t.Parallel()
	d := doctest.LongTable(120)
	d.Meta.Logo = &doc.Image{Data: testLogo(), Format: "png", Alt: "Kommunens logotyp"}
	d.Meta.HeaderBand = &doc.Band{Rows: []doc.BandRow{{
		Columns: []doc.Column{{Width: 1}, {Width: 1, Align: doc.AlignRight}},
		Cells:   []doc.BandCell{{Lines: []doc.Line{{doc.Text("SMÅFJÄLLS KOMMUN")}}}, {Logo: true}},
	}}}
	d.Meta.FooterBand = &doc.Band{}
	path, _, n := render(t, d)
	list := testenv.Run(t, "pdfimages", "-list", path)
	pages := map[string]bool{}
	for _, row := range strings.Split(strings.TrimSpace(list), "\n")[2:] { // under the two header lines
		if f := strings.Fields(row); len(f) > 2 && f[2] == "image" {
			assert.False(t, pages[f[0]], "one logo on page %s:\n%s", f[0], list)
			pages[f[0]] = true
		}
	}
	assert.Len(t, pages, n, "a logo on every page:\n%s", list)
}

// A footer or header band taller than the margins' room moves the body
// in: on every page the last line of text stands above the footer's first
// line, and the first below the header's last. A band that leaves no room
// for text is an error, not text under it.
func TestBandsKeepClearOfBody(t *testing.T) {
	testenv.NeedTool(t, "pdftotext")
	t.Parallel()
	band := func(word string, n int) *doc.Band {
		var lines []doc.Line
		for i := range n {
			lines = append(lines, doc.Line{doc.Text(fmt.Sprintf("%s%d", word, i+1))})
		}
		return &doc.Band{Rule: true, Rows: []doc.BandRow{{Columns: []doc.Column{{Width: 1}}, Cells: []doc.BandCell{{Lines: lines}}}}}
	}
	for _, tc := range []struct {
		name       string
		head, foot int // lines
		firstFoot  int // page one's own footer's lines; 0 for none of its own
		wantErr    bool
	}{
		{"a line each: the margins", 1, 1, 0, false},
		{"a footer of eight lines", 1, 8, 0, false},
		{"a header of eight lines", 8, 1, 0, false},
		{"page one's own footer is taller", 1, 2, 12, false},
		{"twenty-five lines", 2, 25, 0, false},
		{"no room for text", 2, 200, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := doctest.LongTable(90)
			d.Meta.HeaderBand, d.Meta.FooterBand = band("Huvudrad", tc.head), band("Fotrad", tc.foot)
			if tc.firstFoot > 0 {
				d.Meta.First = &doc.Page{HeaderBand: d.Meta.HeaderBand, FooterBand: band("Fotrad", tc.firstFoot)}
			}
			if tc.wantErr {
				_, err := renderer(t).RenderPages(&bytes.Buffer{}, d)
				assert.ErrorContains(t, err, "leave 0 mm of the page's 297 for the text")
				return
			}
			path, _, n := render(t, d)
			require.Greater(t, n, 1)
			for page := 1; page <= n; page++ {
				words := bboxPage(t, path, page)
				headBottom, footTop, bodyTop, bodyBottom := 0.0, 1e9, 1e9, 0.0
				for _, w := range words {
					switch {
					case strings.HasPrefix(w.Text, "Huvudrad"):
						headBottom = max(headBottom, w.YMax)
					case strings.HasPrefix(w.Text, "Fotrad"):
						footTop = min(footTop, w.YMin)
					default:
						bodyTop, bodyBottom = min(bodyTop, w.YMin), max(bodyBottom, w.YMax)
					}
				}
				assert.Less(t, bodyBottom, footTop, "page %d: the body runs into the footer", page)
				assert.Greater(t, bodyTop, headBottom, "page %d: the body runs into the header", page)
			}
		})
	}
}

type bboxWord struct {
	YMin float64 `xml:"yMin,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// bboxPage is the words of one page, from pdftotext -bbox (points, from
// the top).
func bboxPage(t *testing.T, pdf string, page int) []bboxWord {
	t.Helper()
	n := strconv.Itoa(page)
	raw := testenv.Run(t, "pdftotext", "-bbox", "-f", n, "-l", n, pdf, "-")
	var doc struct {
		Words []bboxWord `xml:"body>doc>page>word"`
	}
	require.NoError(t, xml.Unmarshal([]byte(raw), &doc))
	require.NotEmpty(t, doc.Words)
	return doc.Words
}

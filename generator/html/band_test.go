package html_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/testenv"
)

// lines are band lines of plain text.
func lines(ss ...string) []doc.Line {
	out := make([]doc.Line, len(ss))
	for i, s := range ss {
		out[i] = doc.Line{doc.Text(s)}
	}
	return out
}

// TestBands draws a furniture template's header and footer (doc.Band)
// once, as the landmarks: the grid of each row at its shares and in its
// alignment, the logo where a cell puts it, page numbers left out, page
// one's band preferred, and no landmark for an empty band.
func TestBands(t *testing.T) {
	logo := &doc.Image{Data: []byte("\x89PNG\r\n\x1a\n"), Format: "png", Alt: "Region Västerbotten"}
	pageLine := doc.Line{doc.Text("Sida "), {Field: doc.PageField}, doc.Text(" ("), {Field: doc.PagesField}, doc.Text(")")}
	twoCols := doc.BandRow{
		Columns: []doc.Column{{Width: 2}, {Align: doc.AlignRight}},
		Cells:   []doc.BandCell{{Logo: true}, {Lines: append(lines("Tjänsteskrivelse", "HSN 1203-2024"), pageLine)}},
	}
	cases := []struct {
		name    string
		meta    func(m *doc.Meta)
		want    []string // in this order
		notWant []string
	}{
		{"header grid with logo and right column",
			func(m *doc.Meta) { m.HeaderBand = &doc.Band{Rows: []doc.BandRow{twoCols}, Rule: true} },
			[]string{`<header class="sidhuvud linje band">`, `<div class="bandrad" style="grid-template-columns: minmax(0, 2fr) minmax(0, 1fr)">`,
				`<div><img class="logotyp" src="data:image/png;base64,`, `alt="Region Västerbotten"`,
				`<div class="h"><p>Tjänsteskrivelse<br><span class="hel">HSN 1203-2024</span></p></div>`, "</header>", "<main"},
			[]string{"Sida", `<header class="sidhuvud">`}},
		{"footer band of two rows, centred",
			func(m *doc.Meta) {
				m.FooterBand = &doc.Band{Rows: []doc.BandRow{
					{Columns: []doc.Column{{Align: doc.AlignCenter}}, Cells: []doc.BandCell{{Lines: lines("Postadress", "901 89 Umeå")}}},
					{Cells: []doc.BandCell{{Lines: lines("Telefon 090-785 00 00")}, {Lines: lines("regionvasterbotten.se")}}},
				}}
			},
			[]string{"</main>", `<footer class="sidfot band">`, `<div class="c"><p>Postadress<br>901 89 Umeå</p></div>`,
				`grid-template-columns: minmax(0, 1fr) minmax(0, 1fr)`, `<div><p>Telefon <span class="hel">090-785 00 00</span></p></div><div><p>regionvasterbotten.se</p></div>`, "</footer>"},
			nil},
		{"page one's band is the page's",
			func(m *doc.Meta) {
				m.FooterBand = &doc.Band{Rows: []doc.BandRow{{Cells: []doc.BandCell{{Lines: []doc.Line{pageLine}}}}}}
				m.First = &doc.Page{FooterBand: &doc.Band{Rows: []doc.BandRow{{Cells: []doc.BandCell{{Lines: lines("Adress på första sidan")}}}}}}
			},
			[]string{`<footer class="sidfot band">`, "Adress på första sidan"}, []string{"Sida"}},
		{"a band of page numbers only is no footer",
			func(m *doc.Meta) {
				m.Footer = lines("Profilens sidfot")
				m.FooterBand = &doc.Band{Rows: []doc.BandRow{{Cells: []doc.BandCell{{Lines: []doc.Line{pageLine}}}}}}
			},
			[]string{"</main>"}, []string{"<footer", "Profilens sidfot"}},
		{"an empty band is no header, even with the profile's",
			func(m *doc.Meta) {
				m.Header = doc.Header{Left: lines("Profilens sidhuvud")}
				m.HeaderBand = &doc.Band{}
			},
			[]string{"<main"}, []string{"<header", "Profilens sidhuvud"}},
		{"without a band the profile's header stays",
			func(m *doc.Meta) { m.Header = doc.Header{Left: lines("Profilens sidhuvud")} },
			[]string{`<header class="sidhuvud">`, "Profilens sidhuvud"}, []string{"bandrad"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := page(&doc.Paragraph{Text: text("Text.")})
			d.Meta.Logo = logo
			c.meta(&d.Meta)
			s := render(t, d)
			body := s[strings.Index(s, "<body>"):]
			testenv.AssertInOrder(t, body, c.want...)
			for _, n := range c.notWant {
				assert.NotContains(t, body, n)
			}
			assert.LessOrEqual(t, strings.Count(body, "<header"), 1, "the header is drawn once")
			assert.LessOrEqual(t, strings.Count(body, "<footer"), 1, "the footer is drawn once")
		})
	}
}

// TestRowsKept checks the print stylesheet's hold on table rows: the rows
// a printed page keeps with the next (doc.KeepRow: the first two, the
// last two, a short table whole) are marked, and the others not.
func TestRowsKept(t *testing.T) {
	cases := []struct {
		rows int
		kept []string // the rows marked, by their text
	}{
		{1, nil},
		{3, []string{"r0", "r1"}},
		{6, []string{"r0", "r4"}},
	}
	for _, c := range cases {
		tbl := &doc.Table{Header: []doc.Row{{Cells: []doc.Cell{doc.TextCell("Rad")}}}}
		for i := range c.rows {
			tbl.Rows = append(tbl.Rows, doc.Row{Cells: []doc.Cell{doc.TextCell("r" + string(rune('0'+i)))}})
		}
		s := render(t, page(tbl))
		var got []string
		for _, part := range strings.Split(s, `<tr class="hall"><td>`)[1:] {
			got = append(got, part[:strings.Index(part, "<")])
		}
		assert.Equal(t, c.kept, got, "%d rows", c.rows)
		assert.NotContains(t, s, `<tr class="hall"><th`, "a header row is kept by thead's own rule")
	}
}

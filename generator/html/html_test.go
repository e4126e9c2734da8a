package html_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx"
	"github.com/underlag/underlag/generator/html"
	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

func render(t *testing.T, d *doc.Document) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, html.New(style.Default()).Render(&b, d))
	return b.String()
}

func page(blocks ...doc.Block) *doc.Document {
	return &doc.Document{Meta: doc.Meta{Title: "Prov", Language: "sv-SE"}, Blocks: blocks}
}

func text(s string) []doc.Inline { return []doc.Inline{doc.Text(s)} }

// TestBlocks draws each kind of block, and the inline runs, and checks
// the markup that carries their meaning.
func TestBlocks(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n")
	cases := []struct {
		name    string
		blocks  []doc.Block
		want    []string // in this order
		notWant []string
	}{
		{"title and numbered heading",
			[]doc.Block{&doc.Heading{Level: 0, Text: text("Titel")}, &doc.Heading{Level: 2, Numbered: true, Number: "2.1", ID: "sec-2-1", Text: text("Effektmål")}},
			[]string{"<h1>Titel</h1>", `<h3 id="sec-2-1"><span class="nummer">2.1.</span> Effektmål</h3>`}, nil},
		{"text is escaped",
			[]doc.Block{&doc.Paragraph{Text: text(`<script>alert("x")</script> & 'så'`)}},
			[]string{`<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;så&#39;</p>`}, []string{"<script>alert"}},
		{"inline styles, links, language and breaks",
			[]doc.Block{&doc.Paragraph{Text: []doc.Inline{
				doc.Strong("fet"), {Text: "kursiv", Style: doc.Italic}, {Text: "kod", Style: doc.Code},
				{Text: "webben", Link: "https://example.se/?a=1&b=2"}, {Break: true},
				{Text: "Buorre beaivi", Lang: "se"}, {Field: doc.PageField}, {Text: "klick", Link: "javascript:alert(1)"},
			}}},
			[]string{"<strong>fet</strong>", "<em>kursiv</em>", "<code>kod</code>", `<a href="https://example.se/?a=1&amp;b=2">webben</a>`, "<br>", `<span lang="se">Buorre beaivi</span>`, "klick"},
			[]string{"javascript:", "{page}"}},
		{"ordered list from 3, nested list",
			[]doc.Block{&doc.List{Ordered: true, Start: 3, Items: []doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Text: text("ett")}, &doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Text: text("inre")}}}}}}}}}},
			[]string{`<ol start="3">`, "<li>", "ett", "<ul>", "<li>inre</li>", "</ul>", "</li>", "</ol>"}, nil},
		{"table with caption, column headers and widths",
			[]doc.Block{&doc.Table{Caption: "Tabell 1. Tidplan", Columns: []doc.Column{{Width: 3}, {Width: 1, Align: doc.AlignRight}},
				Header: []doc.Row{{Cells: []doc.Cell{doc.TextCell("Fas"), doc.TextCell("Start")}}},
				Rows:   []doc.Row{{Cells: []doc.Cell{doc.TextCell("BP1"), doc.TextCell("2024-11-21")}}}}},
			[]string{`<div class="tabellram" role="region" tabindex="0" aria-labelledby="tabell-1">`, `<table class="tabell">`, `<caption id="tabell-1">Tabell 1. Tidplan</caption>`, `<col style="width: 75.0%">`, "<thead>", `<th scope="col">Fas</th>`, `<th scope="col" class="h">Start</th>`, "<tbody>", "<tr><td>BP1</td>", `<td class="h"><span class="hel">2024-11-21</span></td>`}, nil},
		{"fact box as a description list",
			[]doc.Block{&doc.Table{Borderless: true, Columns: []doc.Column{{}, {}}, Rows: []doc.Row{{Cells: []doc.Cell{doc.TextCell("Diarienummer"), doc.TextCell("HSN 1203-2024")}}}}},
			[]string{`<dl class="fakta">`, `<dt>Diarienummer</dt><dd><span class="hel">HSN 1203-2024</span></dd>`, "</dl>"}, []string{"<table"}},
		{"borderless table of three columns labels its rows",
			[]doc.Block{&doc.Table{Borderless: true, Rows: []doc.Row{{Cells: []doc.Cell{doc.TextCell("a"), doc.TextCell("b"), doc.TextCell("c")}}}}},
			[]string{`<div class="tabellram" role="region" tabindex="0" aria-label="Tabell">`, `<table class="tabell utan-ram">`, `<th scope="row">a</th><td>b</td><td>c</td>`, "</table> </div>"}, nil},
		{"figure with its caption",
			[]doc.Block{&doc.Image{Data: png, Format: "png", Alt: "Karta", Width: 80}, &doc.Paragraph{Small: true, Text: text("Figur 1. Karta")}},
			[]string{"<figure>", `<img src="data:image/png;base64,`, `alt="Karta"`, `style="width: 80.0mm"`, "<figcaption>Figur 1. Karta</figcaption>", "</figure>"}, nil},
		{"figure without caption closes",
			[]doc.Block{&doc.Image{Data: png, Format: "jpeg", Alt: "Bild"}, &doc.Paragraph{Text: text("Sedan")}},
			[]string{"<figure>", "data:image/jpeg;base64,", "</figure>", "<p>Sedan</p>"}, []string{"figcaption"}},
		{"image without alt text has no alt attribute",
			[]doc.Block{&doc.Image{Data: png, Format: "png"}},
			[]string{"<img src="}, []string{"alt="}},
		{"traffic light says its word",
			[]doc.Block{&doc.Status{Level: doc.Red, Word: "Röd", Line: []doc.Inline{{Text: "Status: "}, {Text: "Röd", Style: doc.Bold}, {Text: " – Försenad."}}}},
			[]string{`<p><span class="status status-3">Status: <strong>Röd</strong> – Försenad.</span></p>`}, nil},
		{"signatures as text, without fields",
			[]doc.Block{&doc.Signatures{PlaceDate: true, Place: "Umeå", Date: "2024-11-20", Labels: doc.SignatureLabels{Date: "Datum"},
				Signers: []doc.Signer{{Role: "Uppdragsägare", Name: "Isabell Zemrén", Title: "Hälso- och sjukvårdsdirektör", Date: "2024-11-20"}, {Role: "Handläggare"}}}},
			[]string{"<p>Umeå 2024-11-20</p>", "Uppdragsägare<br>Isabell Zemrén, Hälso- och sjukvårdsdirektör<br>Datum: 2024-11-20", "<p class=\"undertecknare\">Handläggare</p>"},
			[]string{"<input", "……"}},
		{"signatures with name and title only",
			[]doc.Block{&doc.Signatures{Layout: doc.NameOnly, Signers: []doc.Signer{{Role: "Ordförande", Name: "Anna Berg", Title: "Kommunstyrelsens ordförande"}, {Role: "Sekreterare"}}}},
			[]string{"<p class=\"undertecknare\">Anna Berg<br>Kommunstyrelsens ordförande</p>", "<p class=\"undertecknare\">Sekreterare</p>"},
			[]string{"Ordförande<br>", "<input"}},
		{"tokens kept on one line",
			[]doc.Block{&doc.Paragraph{Text: text("Ärende HSN 1203-2024 den 2025-06-16, § 173, ring 090-785 00 00 om 12 500 kr.\nNy rad")}},
			[]string{`<span class="hel">HSN 1203-2024</span>`, `<span class="hel">2025-06-16</span>`, `<span class="hel">§ 173</span>`,
				`<span class="hel">090-785 00 00</span>`, `<span class="hel">12 500 kr</span>`, "<br>Ny rad"}, nil},
		{"page break only in print",
			[]doc.Block{&doc.PageBreak{}},
			[]string{`<div class="sidbrytning"></div>`}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := render(t, page(c.blocks...))
			main := s[strings.Index(s, "<main"):]
			testenv.AssertInOrder(t, main, c.want...)
			for _, n := range c.notWant {
				assert.NotContains(t, main, n)
			}
		})
	}
}

// TestEveryKind renders a tree holding every kind of block: the table of
// block functions has one for each.
func TestEveryKind(t *testing.T) {
	d := doctest.All()
	seen := map[doc.Kind]bool{}
	require.NoError(t, doc.Walk(d.Blocks, func(b doc.Block, entering bool) (doc.WalkStatus, error) {
		seen[b.Kind()] = true
		return doc.WalkContinue, nil
	}))
	render(t, d)
	for k := doc.Kind(1); int(k) < doc.NumKinds; k++ {
		if k == doc.KindImage || k == doc.KindTimeline {
			continue // doctest.All has none; TestBlocks draws images, TestTimeline timelines
		}
		assert.True(t, seen[k], "doctest.All has no %v, so this test does not show it is drawn", k)
	}
}

type strange struct{}

func (strange) Kind() doc.Kind { return doc.Kind(doc.NumKinds + 3) }

// TestUnknownBlock fails as every renderer does on a block it cannot draw.
func TestUnknownBlock(t *testing.T) {
	err := html.New(style.Default()).Render(&bytes.Buffer{}, page(&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{strange{}}}}}))
	var ub *doc.UnknownBlockError
	require.True(t, errors.As(err, &ub), "%v", err)
	assert.Empty(t, ub.Format, "the format table names the format (pipeline.Render), not the renderer")
	// A block func given as an option draws it.
	r := html.New(style.Default(), html.WithBlock(doc.KindParagraph, func(w *html.Writer, b doc.Block, entering bool) (doc.WalkStatus, error) {
		if entering {
			w.Raw(`<p class="egen">`)
			w.Text("<egen>")
			w.Raw("</p>")
		}
		return doc.WalkContinue, nil
	}))
	var b bytes.Buffer
	require.NoError(t, r.Render(&b, page(&doc.Paragraph{Text: text("x")})))
	assert.Contains(t, b.String(), `<p class="egen">&lt;egen&gt;</p>`)
}

// TestHead checks the page's language, title, metadata and landmarks, and
// the furniture drawn once without page numbers.
func TestHead(t *testing.T) {
	m := doctest.Meta()
	m.Title = `Utveckling "av" samspelet`
	m.CaseNumber = "HSN 1203-2024"
	m.Committee = "Hälso- och sjukvårdsnämnden"
	m.Date = date.Of(2024, 11, 20)
	m.Type = "tjänsteskrivelse"
	m.KindLabel = "Tjänsteskrivelse"
	m.CaseOfficer = "Erika Frohm"
	m.Header = doc.Header{Left: []doc.Line{{doc.Strong("Region Västerbotten")}}, Right: []doc.Line{{doc.Text("Tjänsteskrivelse")}, {{Field: doc.PageField}, doc.Text(" ("), {Field: doc.PagesField}, doc.Text(")")}}}
	m.Footer = []doc.Line{{doc.Text("Löpande sidfot")}}
	m.First = &doc.Page{Footer: []doc.Line{{doc.Text("Adress på första sidan</p>")}}}
	s := render(t, &doc.Document{Meta: m, Blocks: []doc.Block{&doc.Paragraph{Text: text("Text.")}}})
	testenv.AssertInOrder(t, s,
		`<html lang="sv">`, `<meta charset="utf-8">`,
		"<title>Utveckling &quot;av&quot; samspelet – Tjänsteskrivelse – HSN 1203-2024</title>",
		`<meta name="dcterms.identifier" content="HSN 1203-2024">`,
		`<meta name="dcterms.date" content="2024-11-20">`,
		`<meta name="dcterms.type" content="tjänsteskrivelse">`,
		`<meta name="dcterms.audience" content="Hälso- och sjukvårdsnämnden">`,
		`<script type="application/ld+json">`, "<style>", "<body>", `href="#innehall"`,
		`<header class="sidhuvud">`, "Region Västerbotten", "Tjänsteskrivelse", "</header>",
		`<main id="innehall">`, "Text.", "</main>",
		`<footer class="sidfot"><p>Adress på första sidan&lt;/p&gt;</p></footer>`)
	assert.NotContains(t, s, "Löpande sidfot", "page one's footer is the page's footer")
	assert.NotContains(t, s, "<br>()", "a line with page numbers is left out")
	assert.Equal(t, 1, strings.Count(s, "<header"), "the header is drawn once")

	ld := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(s)
	require.Len(t, ld, 2)
	var obj map[string]any
	require.NoError(t, json.Unmarshal([]byte(ld[1]), &obj))
	assert.Equal(t, "https://schema.org", obj["@context"])
	assert.Equal(t, "DigitalDocument", obj["@type"])
	assert.Equal(t, "Tjänsteskrivelse", obj["genre"])
	assert.Equal(t, "2024-11-20", obj["dateCreated"])
	assert.Equal(t, map[string]any{"@type": "PropertyValue", "propertyID": "diarienummer", "value": "HSN 1203-2024"}, obj["identifier"])
	assert.Equal(t, map[string]any{"@type": "Audience", "audienceType": "Hälso- och sjukvårdsnämnden"}, obj["audience"])
}

// TestLook checks that the stylesheet follows the style profile: another
// font, colours and sizes change the page, and print is A4 with the
// profile's margins.
func TestLook(t *testing.T) {
	p := style.Default()
	p.FontFamily = "Calibri"
	p.HeadingColor = style.RGB{R: 0x1f, G: 0x4e, B: 0x79}
	p.TitleSize = 22
	p.MarginLeft = 30
	s := func() string {
		var b bytes.Buffer
		require.NoError(t, html.New(p).Render(&b, page()))
		return b.String()
	}()
	testenv.AssertInOrder(t, s,
		`font-family: "Calibri", "Liberation Sans", "Arial", "Helvetica", sans-serif;`,
		"color: #1f4e79;", "h1 { font-size: 2em;",
		"@media print", "@page { size: 210mm 297mm; margin: 32mm 25mm 25mm 30mm; }", "font-size: 11pt;")
}

// TestDeterministic: the same tree gives the same bytes.
func TestDeterministic(t *testing.T) {
	assert.Equal(t, render(t, doctest.All()), render(t, doctest.All()))
}

// TestPacket draws a memo with an attachment of ours and a PDF, in order,
// the PDF as a link.
func TestPacket(t *testing.T) {
	memo := page(&doc.Heading{Level: 0, Text: text("Skrivelsen")})
	att := page(&doc.Heading{Level: 0, Text: text("Direktivet")}, &doc.Heading{Level: 1, Number: "1", ID: "sec-1", Text: text("Bakgrund")})
	att.Meta.KindLabel, att.Meta.Date, att.Meta.CaseNumber = "Uppdragsdirektiv", date.Of(2024, 11, 18), "HSN 1-2024"
	parts := []html.Part{{Doc: memo}, {Doc: att, Stamp: "Bilaga 1", Title: "Bilaga 1 Direktivet"}, {Stamp: "Bilaga 2", Title: "Avtal", Href: "bilagor/avtal%20nytt.pdf"}}
	var b bytes.Buffer
	require.NoError(t, html.New(style.Default()).RenderParts(&b, parts))
	testenv.AssertInOrder(t, b.String(),
		"<h1>Skrivelsen</h1>",
		`<nav aria-label="Bilagor">`, `<a href="#bilaga-1">Bilaga 1 Direktivet</a>`, `<a href="#bilaga-2">Bilaga 2 Avtal</a>`,
		`<section class="bilaga" id="bilaga-1"`, "<strong>Bilaga 1 Direktivet</strong>", `<p class="liten">Uppdragsdirektiv · 2024-11-18 · HSN 1-2024</p>`, "<h2>Direktivet</h2>", `<h3 id="sec-1">`,
		`<section class="bilaga" id="bilaga-2"`, `<a href="bilagor/avtal%20nytt.pdf" type="application/pdf">Bilaga 2 Avtal (PDF)</a>`)
	assert.Error(t, html.New(style.Default()).RenderParts(&b, nil), "a packet without its memo")
}

// TestEveryScript: HTML draws every script, so a document in characters
// the PDF's fonts lack builds to HTML, where the PDF would refuse it.
func TestEveryScript(t *testing.T) {
	data := filepath.Join(testenv.RepoRoot(t), "data")
	src, err := os.ReadFile(filepath.Join(data, "tjansteskrivelse-hsn-1203-2024.yaml"))
	require.NoError(t, err)
	src = bytes.Replace(src, []byte("titel: "), []byte("titel: 中文 العربية "), 1)
	for _, c := range []struct {
		format string
		ok     bool
	}{{"html", true}, {"pdf", false}} {
		t.Run(c.format, func(t *testing.T) {
			f, err := pipeline.LookupFormat(c.format)
			require.NoError(t, err)
			p, err := pipeline.New(pipeline.Config{Formats: []pipeline.Format{f}})
			require.NoError(t, err)
			d, diags := p.LoadBytes(filepath.Join(data, "skript.yaml"), src)
			if !c.ok {
				assert.True(t, diags.HasErrors(), "the PDF cannot draw the title")
				return
			}
			require.False(t, diags.HasErrors(), "%v", diags)
			tree, cds := p.Compose(d)
			require.False(t, cds.HasErrors(), "%v", cds)
			var b bytes.Buffer
			_, err = p.Render(&b, "html", tree)
			require.NoError(t, err)
			assert.Contains(t, b.String(), "<h1>中文 العربية ")
		})
	}
}

// TestLookFromReferenceDOCX: an organisation's reference Word document
// sets the HTML's look as it sets the PDF's (see docx.ProfileFrom).
func TestLookFromReferenceDOCX(t *testing.T) {
	p := style.Default()
	p.HeadingColor = style.RGB{R: 0x1f, G: 0x4e, B: 0x79}
	p.BodySize = 12
	ref := filepath.Join(t.TempDir(), "mall.docx")
	var b bytes.Buffer
	require.NoError(t, docx.WriteReference(&b, p))
	require.NoError(t, os.WriteFile(ref, b.Bytes(), 0o644))
	f, err := pipeline.LookupFormat("html")
	require.NoError(t, err)
	pl, err := pipeline.New(pipeline.Config{ReferenceDOCX: ref, Formats: []pipeline.Format{f}})
	require.NoError(t, err)
	b.Reset()
	_, err = pl.Render(&b, "html", page())
	require.NoError(t, err)
	assert.Contains(t, b.String(), "h1, h2, h3, h4, h5, h6 { color: #1f4e79;")
	assert.Contains(t, b.String(), "font-size: 12pt;", "printed at the reference's body size")
}

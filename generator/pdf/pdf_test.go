package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// shared is one renderer for all tests, as a build shares one.
var shared = sync.OnceValues(func() (*Renderer, error) { return New(style.Default()) })

func renderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := shared()
	require.NoError(t, err)
	return r
}

// render renders d and writes it to a temporary file for the tools.
func render(t *testing.T, d *doc.Document) (path string, data []byte, pages int) {
	t.Helper()
	var buf bytes.Buffer
	pages, err := renderer(t).RenderPages(&buf, d)
	require.NoError(t, err)
	path = filepath.Join(t.TempDir(), "out.pdf")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path, buf.Bytes(), pages
}

func TestNewRejectsUnknownFont(t *testing.T) {
	t.Parallel()
	p := style.Default()
	p.FontFamily = "Comic Sans"
	_, err := New(p)
	assert.ErrorContains(t, err, "Comic Sans")
}

func TestRenderNil(t *testing.T) {
	t.Parallel()
	err := renderer(t).Render(&bytes.Buffer{}, nil)
	assert.Error(t, err)
}

// TestAllKinds checks the document with every node kind against the real
// consumers: text in order, fonts embedded, file valid, metadata.
func TestAllKinds(t *testing.T) {
	t.Parallel()
	path, data, n := render(t, doctest.All())
	require.Equal(t, 2, n)
	pages := testenv.PDFPages(t, path)
	require.Len(t, pages, n)
	assert.NotContains(t, pages[0], "\u00ad", "the title is never hyphenated")
	testenv.AssertInOrder(t, strings.Join(pages, "\n"),
		"Region Västerbotten", "Tjänsteskrivelse", "Hälso- och sjukvårdsförvaltningen", "1 (2)", "2024-11-20", "HSN 1203-2024",
		"Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024",
		"Diarienummer HSN 1203-2024", "Datum den 20 november 2024",
		"1. Bakgrund",
		"Regionfullmäktige har gett tre nämnder uppdrag, se regionens webbplats och kursiv text", "Ny rad efter radbrytning.",
		"1.1. Idé", "• Tydligt och närvarande invånarperspektiv",
		"• Främja ökad samverkan, samordning och horisontella prioriteringar",
		"1. Första underpunkten", "2. Andra underpunkten med samiska bokstäver: á č đ ï ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž",
		"2. Tidplan", "Fas/beslutspunkt Start Slut", "BP1 Beslut 2024-11-21 2024-12-17",
		"Beslut av nytt uppdragsdirektiv i nämnd (HSN och RS)",
		"BP2 Beslut: Delaktiviteter slutförda 2025-09 2025-10",
		"Literal | # * {{ <script> text", "Tabell 1. Tidplan",
		"Övergripande status: Gul – En delaktivitet är försenad.",
		"Begrepp/förkortning Förklaring", "CLG Centrala ledningsgruppen", "HSF Hälso- och sjukvårdsförvaltningen",
		"Region Västerbotten · 901 89 Umeå · Besök: Köksvägen 11 · Tel 090-785 00 00 · www.regionvasterbotten.se",
		"2 (2)", "Finstilt text efter sidbrytning.",
		"Underskrift Uppdragsägare Datum", "Namnförtydligande",
		"2024-11-20", "Underskrift Handläggare Datum", "Erika Frohm, Samordnare Umeå", "Namnförtydligande Ort",
	)

	fonts := testenv.Run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	require.Len(t, lines, 3, fonts) // regular, bold, italic
	for _, l := range lines {
		f := strings.Fields(l)
		// name type type encoding emb sub uni object ID
		assert.Equal(t, []string{"yes", "yes", "yes"}, f[len(f)-5:len(f)-2], "embedded, subset, with ToUnicode: %s", l)
		assert.Contains(t, f[0], "+LiberationSans")
	}

	testenv.Run(t, "qpdf", "--check", path)

	info := testenv.Run(t, "pdfinfo", path)
	assert.Regexp(t, `Title:\s+Utveckling av samspelet mellan specialistvård och primärvård`, info)
	assert.Regexp(t, `Author:\s+Region Västerbotten`, info)
	assert.Regexp(t, `Keywords:\s+HSN 1203-2024, nära vård`, info)
	assert.Regexp(t, `Creator:\s+underlag test`, info)
	assert.Regexp(t, `CreationDate:\s+Wed Nov 20 00:00:00 2024`, info)
	assert.Contains(t, string(data), "/Lang(sv-SE)")
	assert.Contains(t, string(data), "/URI(https://www.regionvasterbotten.se)")

	att := testenv.Run(t, "pdfdetach", "-list", "-enc", "UTF-8", path)
	assert.Contains(t, att, "källa.yaml")

	type item struct {
		Title string `json:"title"`
		Kids  []item `json:"kids"`
	}
	var outline struct{ Outlines []item }
	require.NoError(t, json.Unmarshal([]byte(testenv.Run(t, "qpdf", "--json", "--json-key=outlines", path)), &outline))
	assert.Equal(t, []item{{
		Title: "Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024",
		Kids: []item{
			{Title: "1. Bakgrund", Kids: []item{{Title: "1.1. Idé", Kids: []item{}}}},
			{Title: "2. Tidplan", Kids: []item{}},
		},
	}}, outline.Outlines, "the title and the sections under it, as the headings H1 and H2 to H4")
}

// TestPageNumbers checks "N (M)" in the header of every page.
func TestPageNumbers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		d    *doc.Document
	}{
		{"all", doctest.All()},
		{"long table", doctest.LongTable(120)},
		{"definitions", doctest.LongDefinitions(40)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path, _, n := render(t, tc.d)
			pages := testenv.PDFPages(t, path)
			require.Len(t, pages, n)
			for i, p := range pages {
				assert.Contains(t, testenv.Squash(p), fmt.Sprintf(" %d (%d) ", i+1, n), "page %d", i+1)
			}
		})
	}
}

// TestLayoutFinishesPages checks that layout alone places the running
// header and footer, page numbers filled in, so that the writer has
// nothing left to lay out. They are artifacts, but for the text of page
// one's header, which is read as content.
func TestLayoutFinishesPages(t *testing.T) {
	t.Parallel()
	pages, _, err := renderer(t).layout(doctest.LongTable(120))
	require.NoError(t, err)
	require.Greater(t, len(pages), 1)
	for i, pg := range pages {
		var texts []string
		for _, o := range pg.decor {
			if o.kind == opText {
				texts = append(texts, o.text)
			}
			if i > 0 || o.kind != opText || strings.Contains(o.text, "(") || o.y > 100 {
				assert.Equal(t, int32(tagArtifact), o.tag, "page %d: the header and footer are artifacts: %q", i+1, o.text)
			} else {
				assert.Greater(t, o.tag, int32(0), "page one's header is content: %q", o.text)
			}
		}
		joined := strings.Join(texts, "|")
		assert.Contains(t, joined, fmt.Sprintf("%d (%d)", i+1, len(pages)), "page %d", i+1)
		assert.Contains(t, joined, "Region Västerbotten", "page %d", i+1)
		assert.NotEmpty(t, pg.ops, "page %d has no body", i+1)
	}
}

// TestLongTable checks that a long table spans pages with its header
// repeated on each, every row once, in order, and no row cut.
func TestLongTable(t *testing.T) {
	t.Parallel()
	const rows = 120
	path, _, n := render(t, doctest.LongTable(rows))
	require.Greater(t, n, 2)
	pages := testenv.PDFPages(t, path)
	require.Len(t, pages, n)
	next := 1
	row := regexp.MustCompile(`Aktivitet (\d+):`)
	for i, p := range pages {
		sp := testenv.Squash(p)
		assert.Contains(t, sp, "Aktivitet Startdatum Slutdatum Ansvarig", "header on page %d", i+1)
		long := 0
		for _, m := range row.FindAllStringSubmatch(p, -1) {
			assert.Equal(t, fmt.Sprint(next), m[1], "rows in order on page %d", i+1)
			next++
			if k := next - 1; k%7 == 0 {
				long++
			}
		}
		// A long row's last words are on the page where the row starts.
		assert.Equal(t, long, strings.Count(sp, "rader i cellen"), "a long row is cut on page %d", i+1)
	}
	assert.Equal(t, rows+1, next, "every row once")
}

func TestLongDefinitions(t *testing.T) {
	t.Parallel()
	path, _, n := render(t, doctest.LongDefinitions(40))
	pages := testenv.PDFPages(t, path)
	require.Len(t, pages, n)
	var want []string
	for i := 1; i <= 40; i++ {
		want = append(want, fmt.Sprintf("FÖRK%02d Förklaring nummer %d av", i, i))
	}
	all := strings.Join(pages, "\n")
	testenv.AssertInOrder(t, all, want...)
	for i, p := range pages {
		assert.Contains(t, testenv.Squash(p), "Begrepp/förkortning Förklaring", "header on page %d", i+1)
	}
	testenv.Run(t, "qpdf", "--check", path)
}

// TestSignaturesKeptTogether moves the signature block down the first page
// step by step: wherever it lands, all of it is on one page, and the
// paragraph before it is on that page too.
func TestSignaturesKeptTogether(t *testing.T) {
	t.Parallel()
	testenv.NeedTool(t, "pdftotext") // the subtests' pages; moved needs them all
	moved := false
	for fill := 22; fill <= 34; fill += 2 {
		t.Run(fmt.Sprint(fill), func(t *testing.T) {
			path, _, _ := render(t, doctest.SignaturesAtFoot(fill))
			pages := testenv.PDFPages(t, path)
			labels := []string{"Underskrift Uppdragsägare", "Underskrift Regiondirektör", "Anna Åström"}
			on := -1
			for i, p := range pages {
				sp := testenv.Squash(p)
				has := 0
				for _, l := range labels {
					if strings.Contains(sp, l) {
						has++
					}
				}
				if has > 0 {
					assert.Equal(t, len(labels), has, "signature block split on page %d", i+1)
					assert.Equal(t, 4, strings.Count(sp, "Namnförtydligande")+strings.Count(sp, "Datum"), "page %d", i+1)
					on = i
				}
			}
			require.GreaterOrEqual(t, on, 0)
			assert.Contains(t, pages[on], fmt.Sprintf("Stycke %d ", fill), "the block without the paragraph before it")
			if on > 0 {
				moved = true
			}
		})
	}
	assert.True(t, moved, "no fill pushed the block to the next page: the test does not test the break")
}

// TestHeadingKeptWithNext moves a heading down the page: it never ends a
// page, and its paragraph's first lines are always under it.
func TestHeadingKeptWithNext(t *testing.T) {
	t.Parallel()
	for fill := 28; fill <= 33; fill++ {
		d := &doc.Document{Meta: doctest.Meta()}
		for i := 0; i < fill; i++ {
			d.Blocks = append(d.Blocks, &doc.Paragraph{Text: []doc.Inline{doc.Text(fmt.Sprintf("Stycke %d.", i+1))}})
		}
		d.Blocks = append(d.Blocks,
			&doc.Heading{Level: 1, Text: []doc.Inline{doc.Text("Rubriken")}},
			&doc.Paragraph{Text: []doc.Inline{doc.Text(strings.Repeat("Första stycket under rubriken. ", 20))}})
		path, _, _ := render(t, d)
		for i, p := range testenv.PDFPages(t, path) {
			if strings.Contains(p, "Rubriken") {
				assert.GreaterOrEqual(t, strings.Count(testenv.Squash(p), "Första stycket"), 2, "fill %d: heading alone at the foot of page %d", fill, i+1)
			}
		}
	}
}

// TestHugeRow checks the last resort: a row taller than a page is split
// rather than lost.
func TestHugeRow(t *testing.T) {
	t.Parallel()
	var text []string
	for i := 1; i <= 90; i++ {
		text = append(text, fmt.Sprintf("rad%d", i))
	}
	cell := doc.Cell{}
	for _, s := range text {
		cell.Blocks = append(cell.Blocks, &doc.Paragraph{Text: []doc.Inline{doc.Text(s)}})
	}
	d := &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{&doc.Table{
		Header: []doc.Row{{Cells: []doc.Cell{doc.TextCell("Rubrik"), doc.TextCell("Annat")}}},
		Rows:   []doc.Row{{Cells: []doc.Cell{cell, doc.TextCell("x")}}},
	}}}
	path, _, n := render(t, d)
	assert.Greater(t, n, 1)
	testenv.AssertInOrder(t, strings.Join(testenv.PDFPages(t, path), "\n"), text...)
}

// TestDeterministic renders the same documents twice, and from several
// goroutines at once: the bytes are the same every time.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	for _, d := range []*doc.Document{doctest.All(), doctest.LongTable(40)} {
		var first bytes.Buffer
		require.NoError(t, r.Render(&first, d))
		var wg sync.WaitGroup
		outs := make([]bytes.Buffer, 4)
		for i := range outs {
			wg.Go(func() { assert.NoError(t, r.Render(&outs[i], d)) })
		}
		wg.Wait()
		for i := range outs {
			assert.True(t, bytes.Equal(first.Bytes(), outs[i].Bytes()), "render %d differs", i)
		}
	}
}

// TestImagesAndLinks checks a logo, a PNG with transparency, a JPEG, and
// that only safe links become clickable.
func TestImagesAndLinks(t *testing.T) {
	t.Parallel()
	m := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		for y := 0; y < 20; y++ {
			m.Set(x, y, color.NRGBA{0, 70, 140, uint8(100 + 3*x)})
		}
	}
	var pngData, jpgData bytes.Buffer
	require.NoError(t, png.Encode(&pngData, m))
	require.NoError(t, jpeg.Encode(&jpgData, m, nil))
	d := &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{
		&doc.Image{Data: jpgData.Bytes(), Format: "jpeg", Alt: "Diagram", Width: 60},
		&doc.Paragraph{Text: []doc.Inline{
			{Text: "farlig", Link: "javascript:alert(1)"}, doc.Text(" och "), {Text: "post", Link: "mailto:a@b.se"},
		}},
	}}
	d.Meta.Logo = &doc.Image{Data: pngData.Bytes(), Format: "png", Alt: "Logotyp"}
	path, data, _ := render(t, d)
	testenv.Run(t, "qpdf", "--check", path)
	list := testenv.Run(t, "pdfimages", "-list", path)
	assert.Contains(t, list, "smask", "the logo's transparency")
	assert.Contains(t, list, "jpeg")
	assert.NotContains(t, string(data), "javascript")
	assert.Contains(t, string(data), "/URI(mailto:a@b.se)")
	testenv.AssertInOrder(t, strings.Join(testenv.PDFPages(t, path), "\n"), "farlig och post")

	bad := &doc.Document{Blocks: []doc.Block{&doc.Image{Data: []byte("no image"), Alt: "Trasig"}}}
	assert.ErrorContains(t, renderer(t).Render(&bytes.Buffer{}, bad), "Trasig")
}

func TestAppendNum(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   float64
		want string
	}{{0, "0"}, {1, "1"}, {1.5, "1.5"}, {-0.0001, "0"}, {2.12345, "2.123"}, {841.88976, "841.89"}, {-3.2, "-3.2"}} {
		assert.Equal(t, tc.want, num(tc.in), "%v", tc.in)
	}
}

func TestCleanLang(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "sv-SE", cleanLang("sv-SE"))
	assert.Equal(t, "se", cleanLang("se"))
	assert.Equal(t, "", cleanLang("sv)/JS(x"))
}

func TestColumnWidths(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	fr := frame{width: 160}
	hinted := &doc.Table{Columns: []doc.Column{{Width: 3}, {Width: 1}}}
	assert.InDeltaSlice(t, []float64{120, 40}, r.columnWidths(hinted, 2, fr), 1e-9)
	auto := &doc.Table{Rows: []doc.Row{{Cells: []doc.Cell{doc.TextCell("HSF"), doc.TextCell(strings.Repeat("lång förklaring ", 30))}}}}
	w := r.columnWidths(auto, 2, fr)
	assert.InDelta(t, 160, w[0]+w[1], 1e-9)
	assert.Less(t, w[0], 20.0, "a short column stays narrow")
}

// TestNothingBelowTheMargin lays out documents, including a signature
// block with more signers than a page holds, and checks that nothing is
// drawn below the bottom margin.
func TestNothingBelowTheMargin(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	p := style.Default()
	many := &doc.Signatures{Labels: doc.SignatureLabels{Signature: "Underskrift", Date: "Datum", Name: "Namnförtydligande", Place: "Ort"}}
	for i := 0; i < 12; i++ {
		many.Signers = append(many.Signers, doc.Signer{Role: fmt.Sprintf("Ledamot %d", i+1), ShowPlace: true})
	}
	styled := &doc.Paragraph{Text: []doc.Inline{
		{Text: "fet kursiv", Style: doc.Bold | doc.Italic}, doc.Text(" och "), {Text: "kod()", Style: doc.Code},
		doc.Text(" och ett mycket långt ord: " + strings.Repeat("abcdefghij", 30)),
	}}
	for name, d := range map[string]*doc.Document{
		"all":           doctest.All(),
		"long":          doctest.LongTable(120),
		"signers":       {Blocks: []doc.Block{many}},
		"styled":        {Blocks: []doc.Block{styled}},
		"empty":         {},
		"timeline":      doctest.Timeline(),
		"tall timeline": doctest.TallTimeline(80),
	} {
		boxes, err := r.layoutBlocks(d.Blocks, frame{x: p.MarginLeft, width: p.TextWidth()})
		require.NoError(t, err, name)
		pages := paginate(boxes, p.MarginTop, p.PageHeight-p.MarginBottom)
		require.NotEmpty(t, pages, name)
		for i, pg := range pages {
			for _, o := range pg.ops {
				assert.LessOrEqual(t, o.y+max(o.h, 0), p.PageHeight-p.MarginBottom+0.01, "%s: page %d: %+v", name, i+1, o)
				assert.GreaterOrEqual(t, o.x, p.MarginLeft-0.01, "%s: page %d", name, i+1)
				if o.kind == opText {
					// The space a line broke at is kept, invisible, at its end.
					text := strings.TrimSuffix(o.text, " ")
					assert.LessOrEqual(t, o.x+r.face(o.face).width(text, o.size), p.PageWidth-p.MarginRight+0.01, "%s: page %d: %q", name, i+1, o.text)
				}
			}
		}
		var buf bytes.Buffer
		require.NoError(t, r.Render(&buf, d), name)
	}
}

// TestTagged checks the structure tree: headings, lists, tables and
// figures are tagged in reading order, the running header and footer and
// the table headers repeated on later pages are not.
func TestTagged(t *testing.T) {
	t.Parallel()
	path, _, _ := render(t, doctest.All())
	assert.Regexp(t, `Tagged:\s+yes`, testenv.Run(t, "pdfinfo", path))
	st := testenv.Run(t, "pdfinfo", "-struct-text", path)
	assert.NotContains(t, st, "Error")
	testenv.AssertInOrder(t, st,
		`Document`, `P (block) "Region Västerbotten"`, `P (block) "Tjänsteskrivelse" P (block) "2024-11-20"`,
		`H1 (block) "Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024"`,
		`Table (block) TR TH: /Scope /Row P (block) "Diarienummer"`,
		`H2 (block) "1. Bakgrund"`, `P (block) "Regionfullmäktige har gett tre nämnder uppdrag, se " Link (inline) "regionens webbplats" Object`,
		`" och kursiv text`, `H3 (block) "1.1. Idé"`,
		`L (block) LI (block) Lbl (block) "•" LBody (block) P (block) "Tydligt och närvarande invånarperspektiv"`,
		`Lbl (block) "2." LBody (block) P (block) "Andra underpunkten`,
		`Table (block): /Summary`, `TR TH: /Scope /Column P (block) "Fas/beslutspunkt"`, `Caption "Tabell 1. Tidplan"`,
		`P (block) "Övergripande status: Gul – En delaktivitet är försenad."`,
		`Div "Underskrift Uppdragsägare Datum`,
	)
	assert.NotContains(t, st, "Köksvägen", "the footer is an artifact")
	assert.NotContains(t, st, "1 (2)", "the header is an artifact")

	path, _, _ = render(t, doctest.LongTable(120))
	st = testenv.Run(t, "pdfinfo", "-struct-text", path)
	assert.Equal(t, 4, strings.Count(st, "TH:\n"), "header rows repeated on later pages are artifacts")
	assert.Equal(t, 120, strings.Count(st, `"Aktivitet `))

	img := &doc.Document{Blocks: []doc.Block{&doc.Image{Data: testLogo(), Format: "png", Alt: "Diagram över tidplanen"}}}
	_, data, _ := render(t, img)
	assert.Contains(t, string(data), "/S/Figure/P")
	assert.Contains(t, string(data), "/Alt"+textString("Diagram över tidplanen"))
}

// FuzzRender renders arbitrary text in every kind of place: nothing may
// panic, and the output must be the same twice. `go test` runs the seeds.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"", " ", "\n\n", "a\tb\r\nc", "Literal | # * {{ <script> (x) \\ ) (", "ŋŧđ 🙂 \u200b\uf0b7", strings.Repeat("x", 500)} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, style uint8) {
		run := doc.Inline{Text: s, Style: doc.Style(style) & (doc.Bold | doc.Italic | doc.Code), Link: s}
		para := &doc.Paragraph{Text: []doc.Inline{run, {Break: true}, run}}
		day, _ := date.Parse(s)
		d := &doc.Document{Meta: doc.Meta{Title: s, Language: s, Date: day, Keywords: []string{s}, Footer: []doc.Line{{run}},
			Header:      doc.Header{Left: []doc.Line{{run}}, Right: []doc.Line{{{Field: doc.PageField}}, {run}}},
			Attachments: []doc.Attachment{{Name: s, Description: s, MIME: s, Data: []byte(s)}}},
			Blocks: []doc.Block{
				&doc.Heading{Level: 1, Text: []doc.Inline{run}, Number: "1"},
				para,
				&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{para}}}},
				&doc.Table{Header: []doc.Row{{Cells: []doc.Cell{doc.TextCell(s)}}}, Rows: []doc.Row{{Cells: []doc.Cell{{Blocks: []doc.Block{para}}, doc.TextCell(s)}}}, Caption: s},
				doc.DefinitionTable(s, "", []doc.Definition{{Term: s, Definition: []doc.Inline{run}}}),
				&doc.Status{Level: doc.StatusLevel(style % 5), Word: s, Line: []doc.Inline{run, doc.Text(": "), doc.Strong(s)}},
				&doc.Signatures{Signers: []doc.Signer{{Role: s, Name: s, Title: s, Date: s, Place: s, ShowPlace: true}}},
			}}
		r := renderer(t)
		var a, b bytes.Buffer
		require.NoError(t, r.Render(&a, d))
		require.NoError(t, r.Render(&b, d))
		require.True(t, bytes.Equal(a.Bytes(), b.Bytes()))
	})
}

// TestWeirdMetadata checks that delimiters in every metadata field and in
// a link target are escaped: qpdf reads the file without complaint and the
// text comes back as it went in.
func TestWeirdMetadata(t *testing.T) {
	t.Parallel()
	s := `Literal | # * {{ <script> (x) \ ) ( /Name <</A>> %`
	d := &doc.Document{
		Meta: doc.Meta{Title: s, Subject: s, Organisation: s, Creator: s, Keywords: []string{s}, Language: s,
			Attachments: []doc.Attachment{{Name: s, Description: s, MIME: "text/" + s, Data: []byte(s)}}},
		Blocks: []doc.Block{
			&doc.Heading{Level: 1, Number: "1", Text: []doc.Inline{doc.Text(s)}},
			&doc.Paragraph{Text: []doc.Inline{{Text: s, Link: "https://example.se/" + s}}},
		},
	}
	path, _, _ := render(t, d)
	assert.Contains(t, testenv.Run(t, "qpdf", "--check", path), "No syntax or stream encoding errors")
	testenv.AssertInOrder(t, testenv.Run(t, "pdfinfo", path), "Title: "+s)
	testenv.AssertInOrder(t, testenv.Run(t, "pdftotext", path, "-"), "1. "+s, s)
}

package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	godocx "github.com/gomutex/godocx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

func render(t *testing.T, r *Renderer, d *doc.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, r.Render(&buf, d))
	return buf.Bytes()
}

// parts unzips a package and checks that every XML part is well formed.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err, f.Name)
		out[f.Name] = string(b)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(b))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				require.NoError(t, err, "%s is not well-formed XML", f.Name)
			}
		}
	}
	return out
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	r1, err := New(style.Default())
	require.NoError(t, err)
	r2, err := New(style.Default())
	require.NoError(t, err)
	for name, d := range map[string]*doc.Document{"all": doctest.All(), "long": doctest.LongTable(30)} {
		a, b, c := render(t, r1, d), render(t, r1, d), render(t, r2, d)
		assert.Equal(t, a, b, "%s: same renderer twice", name)
		assert.Equal(t, a, c, "%s: two renderers", name)
	}
}

func TestParts(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	p := parts(t, render(t, r, doctest.All()))
	body, hdr := p["word/document.xml"], p["word/header1.xml"]
	for _, c := range []struct{ part, text, want string }{
		{"document", body, `<w:tblHeader/>`},
		{"document", body, `<w:cantSplit/>`},
		{"document", body, `Literal | # * {{ &lt;script&gt; text`},
		{"document", body, `<w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>`},
		{"document", body, `<w:pStyle w:val="Title"/>`},
		{"document", body, `<w:pStyle w:val="ListBullet"/>`},
		{"document", body, `<w:pStyle w:val="ListNumber2"/>`},
		{"document", body, `<w:pStyle w:val="Caption"/>`},
		{"document", body, `<w:rStyle w:val="StatusYellow"/>`},
		{"document", body, `<w:hyperlink r:id="rId7"`},
		{"document", body, `<w:headerReference w:type="default" r:id="rId5"/>`},
		{"header", hdr, `<w:instrText xml:space="preserve"> PAGE </w:instrText>`},
		{"header", hdr, `<w:instrText xml:space="preserve"> NUMPAGES </w:instrText>`},
		{"styles", p["word/styles.xml"], `<w:lang w:val="sv-SE"`},
		{"styles", p["word/styles.xml"], `<w:rFonts w:ascii="Liberation Sans"`},
		{"numbering", p["word/numbering.xml"], `<w:pStyle w:val="Heading2"/>`},
		{"core", p["docProps/core.xml"], `<dc:creator>Region Västerbotten</dc:creator>`},
		{"core", p["docProps/core.xml"], `<dcterms:created xsi:type="dcterms:W3CDTF">2024-11-20T00:00:00Z</dcterms:created>`},
		{"app", p["docProps/app.xml"], `<Application>underlag</Application>`},
		{"rels", p["word/_rels/document.xml.rels"], `Target="https://www.regionvasterbotten.se" TargetMode="External"`},
	} {
		assert.Contains(t, c.text, c.want, c.part)
	}
	// The heading text never carries its number: Word's numbering does.
	assert.NotContains(t, body, ">1. Bakgrund<")
	assert.NotContains(t, body, "1.1. ")
	assert.Contains(t, body, `>Bakgrund<`)
}

// TestHeadingNumberMismatch: a number Word would not produce is kept as
// text on an unnumbered heading rather than shown wrong.
func TestHeadingNumberMismatch(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	d := &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{
		&doc.Heading{Level: 1, Numbered: true, Number: "3", Text: []doc.Inline{doc.Text("Tre")}},
		&doc.Heading{Level: 1, Text: []doc.Inline{doc.Text("Onumrerad")}},
		&doc.Heading{Level: 1, Numbered: true, Number: "1", Text: []doc.Inline{doc.Text("Ett")}},
	}}
	body := parts(t, render(t, r, d))["word/document.xml"]
	assert.Contains(t, body, `>3. </w:t>`)
	assert.Equal(t, 2, strings.Count(body, `<w:numId w:val="0"/>`))
	// Word did not count the heading it did not number: "Ett" is its 1.
	assert.Contains(t, body, `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Ett`)
}

// words returns the text of a document's blocks in reading order, as
// words.
func words(d *doc.Document) []string {
	var out []string
	add := func(s string) { out = append(out, strings.Fields(s)...) }
	_ = doc.Walk(d.Blocks, func(b doc.Block, entering bool) (doc.WalkStatus, error) {
		if t, ok := b.(*doc.Table); ok && !entering && t.Caption != "" {
			add(t.Caption)
		}
		if !entering {
			return doc.WalkContinue, nil
		}
		switch n := b.(type) {
		case *doc.Heading:
			add(doc.Plain(n.Text))
		case *doc.Paragraph:
			add(doc.Plain(n.Text))
		case *doc.Status:
			add(doc.Plain(n.Line))
		case *doc.Signatures:
			for _, s := range n.Signers {
				add(n.Labels.Signature + " " + s.Role)
			}
		}
		return doc.WalkContinue, nil
	})
	return out
}

// TestLibreOffice converts several documents in one LibreOffice run and
// checks that pdftotext finds every word of each, in order.
func TestLibreOffice(t *testing.T) {
	t.Parallel()
	testenv.NeedTool(t, "libreoffice", "pdftotext")
	r, err := New(style.Default())
	require.NoError(t, err)
	dir := t.TempDir()
	docs := map[string]*doc.Document{
		"all":   doctest.All(),
		"long":  doctest.LongTable(120),
		"defs":  doctest.LongDefinitions(40),
		"sig30": doctest.SignaturesAtFoot(30),
		"image": imageDoc(t),
	}
	var files []string
	for name, d := range docs {
		f := filepath.Join(dir, name+".docx")
		require.NoError(t, os.WriteFile(f, render(t, r, d), 0o644))
		files = append(files, f)
	}
	testenv.LibreOffice(t, "pdf", dir, files...)
	for name, d := range docs {
		pdf := filepath.Join(dir, name+".pdf")
		text := testenv.Run(t, "pdftotext", pdf, "-")
		pos := 0
		for _, w := range words(d) {
			k := strings.Index(text[pos:], w)
			if !assert.GreaterOrEqual(t, k, 0, "%s: %q not found in order after %q", name, w, text[max(0, pos-40):pos]) {
				break
			}
			pos += k + len(w)
		}
		// Word's heading numbering shows the tree's numbers.
		for _, h := range doc.Headings(d) {
			if h.Number != "" {
				assert.Contains(t, text, doc.HeadingText(h), name)
			}
		}
		for _, w := range []string{"Tjänsteskrivelse", "HSN 1203-2024", "Köksvägen 11"} {
			assert.Contains(t, text, w, "%s: header or footer", name)
		}
		assert.Regexp(t, regexp.MustCompile(`1 \(\d\)`), text, "%s: page number", name)
	}
}

func TestPythonDocx(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	dir := t.TempDir()
	f := filepath.Join(dir, "all.docx")
	require.NoError(t, os.WriteFile(f, render(t, r, doctest.All()), 0o644))
	res := testenv.ReadDocx(t, f)[0]
	assert.Equal(t, [][2]string{
		{"Title", "Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024"},
		{"Heading 1", "Bakgrund"}, {"Heading 2", "Idé"}, {"Heading 1", "Tidplan"},
	}, res.Headings)
	require.Len(t, res.Tables, 4) // facts, tidplan, definitions, signatures
	assert.Equal(t, []string{"Fas/beslutspunkt", "Start", "Slut"}, res.Tables[1][0])
	assert.Equal(t, []string{"BP2 Beslut: Delaktiviteter slutförda", "2025-09", "2025-10"}, res.Tables[1][2])
	assert.Equal(t, []string{"Literal | # * {{ <script> text", "", ""}, res.Tables[1][3])
	assert.Equal(t, []string{"CLG", "Centrala ledningsgruppen"}, res.Tables[2][1])
	assert.ElementsMatch(t, []string{"PAGE", "NUMPAGES"}, res.Fields)
	m := doctest.Meta()
	assert.Equal(t, m.Title, res.Core.Title)
	assert.Equal(t, m.Organisation, res.Core.Creator)
	assert.Equal(t, "sv-SE", res.Core.Language)
	assert.Equal(t, "HSN 1203-2024, nära vård", res.Core.Keywords)
	assert.Equal(t, "2024-11-20 00:00:00", res.Core.Created)
}

// TestHostileText: text from the data never breaks a part, whatever it
// holds (markup, entities, control characters, broken UTF-8).
func TestHostileText(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	for _, s := range []string{
		"<w:p>]]><!-- &amp; &#0;", "nul\x00 esc\x1b bell\x07", "trasig \xff\xfe utf-8", "tab\tny\nrad", `"citat" 'och' {{ .Mall }}`,
	} {
		d := doctest.All()
		d.Meta.Title, d.Meta.Organisation, d.Meta.Keywords = s, s, []string{s}
		d.Meta.Header.Left = append(d.Meta.Header.Left, doc.Line{doc.Text(s), {Text: s, Link: "https://x.se/?a=1&b=<" + s}})
		d.Meta.Footer = append(d.Meta.Footer, doc.Line{{Text: s, Link: s}})
		d.Blocks = append(d.Blocks,
			&doc.Heading{Level: 2, Text: []doc.Inline{doc.Text(s)}},
			&doc.Paragraph{Text: []doc.Inline{{Text: s, Style: doc.Code}, {Text: s, Link: "#" + s}}},
			&doc.Table{Caption: s, Header: []doc.Row{{Cells: []doc.Cell{doc.TextCell(s)}}}},
			doc.DefinitionTable(s, "", []doc.Definition{{Term: s, Definition: []doc.Inline{doc.Text(s)}}}),
			&doc.Signatures{Labels: doc.SignatureLabels{Signature: s}, Signers: []doc.Signer{{Role: s, Name: s, ShowPlace: true, Place: s}}},
			&doc.Status{Level: doc.Red, Word: s, Line: []doc.Inline{doc.Text(s), doc.Text(": "), doc.Strong(s)}},
		)
		p := parts(t, render(t, r, d)) // checks that every part is well-formed
		if strings.Contains(s, "\t") {
			assert.Contains(t, p["word/document.xml"], `<w:t xml:space="preserve">tab</w:t><w:tab/><w:t xml:space="preserve">ny</w:t><w:br/>`)
		}
	}
}

// TestGodocxReadsBack: godocx, whose types describe WordprocessingML,
// parses our parts back: every block and every style is there.
func TestGodocxReadsBack(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	f := filepath.Join(t.TempDir(), "all.docx")
	require.NoError(t, os.WriteFile(f, render(t, r, doctest.All()), 0o644))
	d, err := godocx.OpenDocument(f)
	require.NoError(t, err)
	// The tree's blocks as Word sees them: list items and captions are
	// paragraphs of their own, and the body ends with a paragraph after
	// the last table (the signatures).
	assert.Len(t, d.Document.Body.Children, 18)
	assert.Len(t, d.DocStyles.StyleList, int(numStyles))
}

package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/doctest"
)

func render(t *testing.T, d *doc.Document, opts ...Option) string {
	t.Helper()
	var b bytes.Buffer
	if err := New(opts...).Render(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestRenderAll(t *testing.T) {
	t.Parallel()
	out := render(t, doctest.All())
	for _, want := range []string{
		"# Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024\n",
		"## 1. Bakgrund\n",
		"### 1.1. Idé\n",
		"## 2. Tidplan\n",
		"Regionfullmäktige har gett **tre nämnder** uppdrag, se [regionens webbplats](https://www.regionvasterbotten.se) och *kursiv text*\\\nNy rad efter radbrytning.",
		"- Tydligt och närvarande invånarperspektiv\n- Främja ökad samverkan",
		"  1. Första underpunkten\n",
		"| Fas/beslutspunkt | Start | Slut |\n| --- | --- | --- |\n| **BP1 Beslut**<br>Beslut av nytt uppdragsdirektiv i nämnd (HSN och RS) | 2024-11-21 | 2024-12-17 |",
		"| Literal \\| \\# \\* \\{\\{ \\<script\\> text |  |  |",
		"*Tabell 1. Tidplan*",
		"Övergripande status: **Gul** – En delaktivitet är försenad.",
		"| Begrepp/förkortning | Förklaring |\n| --- | --- |\n| CLG | Centrala ledningsgruppen |",
		"Underskrift Uppdragsägare: …………………… Datum: ……………………\\\nNamnförtydligande: ……………………",
		"Underskrift Handläggare: …………………… Datum: 2024-11-20\\\nOrt: Umeå\\\nNamnförtydligande: Erika Frohm, Samordnare",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if again := render(t, doctest.All()); again != out {
		t.Error("two renders of the same document differ")
	}
	meta := render(t, doctest.All(), WithMeta())
	if !strings.HasPrefix(meta, "> **Region Västerbotten** · Hälso- och sjukvårdsförvaltningen — **Tjänsteskrivelse** · {page} ({pages}) · 2024-11-20 · HSN 1203-2024\n") {
		t.Errorf("meta header:\n%s", meta[:200])
	}
}

// TestEscapeRoundTrip parses escaped text back with goldmark: it must come
// back as the same characters, in one paragraph or one table cell.
func TestEscapeRoundTrip(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"a | b", "# not a heading", "1. not a list", "- not a list", "+ x", "*not italic*", "__x__", "`code`",
		"<script>alert(1)</script>", "{{ .x }}", "[link](javascript:x)", "&amp; &lt;", "a\\b", "> quote", "~~x~~", "2024-11-20", "N/A",
	} {
		for _, inTable := range []bool{false, true} {
			d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Text: []doc.Inline{doc.Text(s)}}}}
			if inTable {
				d.Blocks = []doc.Block{&doc.Table{Header: []doc.Row{{Cells: []doc.Cell{doc.TextCell("A")}}}, Rows: []doc.Row{{Cells: []doc.Cell{doc.TextCell(s)}}}}}
			}
			src := []byte(render(t, d))
			root := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser().Parse(text.NewReader(src))
			var got strings.Builder
			var blocks, cells int
			_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				switch n := n.(type) {
				case *ast.Paragraph:
					blocks++
				case *east.TableCell:
					cells++
				case *ast.Text:
					if p := n.Parent(); p != nil {
						if _, hdr := p.Parent().(*east.TableHeader); hdr {
							return ast.WalkContinue, nil
						}
					}
					got.WriteString(resolve(n.Value(src)))
				case *ast.String:
					got.Write(n.Value)
				case *ast.Emphasis, *ast.Link, *ast.RawHTML, *ast.HTMLBlock, *ast.Heading, *ast.List, *ast.CodeSpan, *ast.Blockquote, *east.Strikethrough:
					t.Errorf("%q (table %v) became a %s", s, inTable, n.Kind())
				}
				return ast.WalkContinue, nil
			})
			if got.String() != s {
				t.Errorf("%q (table %v) read back as %q from %q", s, inTable, got.String(), src)
			}
			if inTable && cells != 2 {
				t.Errorf("%q: %d cells, want 2", s, cells)
			}
			if !inTable && blocks != 1 {
				t.Errorf("%q: %d paragraphs, want 1", s, blocks)
			}
		}
	}
}

// resolve undoes backslash escapes and entities as a Markdown reader does.
func resolve(v []byte) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", v[i+1]) >= 0 {
			i++
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

func TestAdjacentListsStayApart(t *testing.T) {
	t.Parallel()
	item := func(s string) doc.ListItem {
		return doc.ListItem{Blocks: []doc.Block{&doc.Paragraph{Text: []doc.Inline{doc.Text(s)}}}}
	}
	d := &doc.Document{Blocks: []doc.Block{&doc.List{Items: []doc.ListItem{item("a")}}, &doc.List{Items: []doc.ListItem{item("b")}}}}
	src := []byte(render(t, d))
	root := goldmark.New().Parser().Parse(text.NewReader(src))
	lists := 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*ast.List); ok {
			lists++
		}
	}
	if lists != 2 {
		t.Errorf("%d lists read back from %q, want 2", lists, src)
	}
}

package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/doctest"
)

// TestWriteSamples writes sample PDFs to $PDF_SAMPLES, to look at them as
// images (pdftoppm -png -r 60). With $PDF_SEED set to a seed's text file,
// it also renders a rough reading of it: numbered lines become headings,
// bullet lines list items, the rest paragraphs.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("PDF_SAMPLES")
	if dir == "" {
		t.Skip("PDF_SAMPLES not set")
	}
	docs := map[string]*doc.Document{
		"all":   doctest.All(),
		"long":  doctest.LongTable(120),
		"defs":  doctest.LongDefinitions(40),
		"sig30": doctest.SignaturesAtFoot(30),
	}
	logo := doctest.All()
	logo.Meta.Logo = &doc.Image{Data: testLogo(), Format: "png", Alt: "Logotyp"}
	docs["logo"] = logo
	docs["styled"] = &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{
		&doc.Paragraph{KeepWithNext: true, Text: []doc.Inline{
			{Text: "Fet kursiv", Style: doc.Bold | doc.Italic}, doc.Text(" och "), {Text: "kod(x) = {{ .Värde }}", Style: doc.Code},
			doc.Text(" och citat: “nära vård” – ‘enkla’ … 5 % € §. Ett långt ord: " + strings.Repeat("abcdefghij", 20)),
		}},
		&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{
			&doc.Paragraph{Text: []doc.Inline{doc.Text("Nivå ett")}},
			&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{
				&doc.Paragraph{Text: []doc.Inline{doc.Text("Nivå två")}},
				&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Text: []doc.Inline{doc.Text("Nivå tre")}}}}}},
			}}}},
		}}}},
		&doc.Status{Level: doc.Green, Word: "Grön", Line: []doc.Inline{doc.Text("Tid"), doc.Text(": "), doc.Strong("Grön")}},
		&doc.Status{Level: doc.Red, Word: "Röd", Line: []doc.Inline{doc.Text("Budget"), doc.Text(": "), doc.Strong("Röd"), doc.Text(" – "), doc.Text(strings.Repeat("Kostnaderna överstiger budget. ", 6))}},
	}}
	if seed := os.Getenv("PDF_SEED"); seed != "" {
		data, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		docs["seed"] = roughDoc(string(data))
	}
	r := renderer(t)
	for name, d := range docs {
		f, err := os.Create(filepath.Join(dir, name+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		n, err := r.RenderPages(f, d)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d pages", name, n)
	}
}

// testLogo is a 300×100 pixel mark with a transparent edge.
func testLogo() []byte {
	m := image.NewNRGBA(image.Rect(0, 0, 300, 100))
	for x := 0; x < 300; x++ {
		for y := 0; y < 100; y++ {
			a := uint8(255)
			if x < 10 || y < 10 || x >= 290 || y >= 90 {
				a = 0
			}
			m.Set(x, y, color.NRGBA{0, 90, 60, a})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func roughDoc(text string) *doc.Document {
	d := &doc.Document{Meta: doctest.Meta()}
	heading := regexp.MustCompile(`^\s*(\d+(?:\.\d+)*)\.\s+(\S.*)$`)
	var para []string
	var list *doc.List
	flush := func() {
		if len(para) > 0 {
			p := &doc.Paragraph{Text: []doc.Inline{doc.Text(strings.Join(para, " "))}}
			if list != nil {
				list.Items = append(list.Items, doc.ListItem{Blocks: []doc.Block{p}})
			} else {
				d.Blocks = append(d.Blocks, p)
			}
			para = nil
		}
	}
	endList := func() {
		flush()
		if list != nil {
			d.Blocks = append(d.Blocks, list)
			list = nil
		}
	}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
			endList()
		case heading.MatchString(l):
			endList()
			m := heading.FindStringSubmatch(l)
			d.Blocks = append(d.Blocks, &doc.Heading{Level: strings.Count(m[1], ".") + 1, Numbered: true, Text: []doc.Inline{doc.Text(m[2])}})
		case strings.HasPrefix(l, "\uf0b7") || strings.HasPrefix(l, "•"):
			flush()
			if list == nil {
				list = &doc.List{}
			}
			para = append(para, strings.TrimSpace(strings.TrimLeft(l, "\uf0b7•")))
		default:
			para = append(para, l)
		}
	}
	endList()
	if err := doc.Number(d); err != nil {
		panic(err)
	}
	return d
}

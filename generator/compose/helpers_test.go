package compose

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/markdown"
	"github.com/underlag/underlag/generator/model"
)

// fixture loads a document with the real loader, with its registries,
// directive and logo, as `underlag render` does. Each call has its own
// loader, so a test may change the models it gets.
func fixture(t testing.TB, path string) Input {
	t.Helper()
	in, ds := load.New(kind.Default()).Document(path)
	if ds.HasErrors() {
		t.Fatalf("load %s:\n%s", path, ds.Error())
	}
	if in.Doc == nil {
		t.Fatalf("%s is not a document", path)
	}
	out := Input{Doc: in.Doc, Kind: in.Kind, Registries: in.Registries, Directive: in.Directive, Creator: "underlag test"}
	if in.Logo != nil {
		out.Logo = in.Logo.Data
	}
	return out
}

// kindOf is the built-in kind of a document made in a test.
func kindOf(t testing.TB, d model.Document) *kind.Kind {
	t.Helper()
	k, ok := kind.Default().Of(d)
	if !ok {
		t.Fatalf("%T is not a built-in kind", d)
	}
	return k
}

func testdata(name string) string { return filepath.Join("testdata", name) }

func newComposer(t testing.TB, opts ...Option) *Composer {
	t.Helper()
	c, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// compose composes and fails the test on errors.
func compose(t testing.TB, c *Composer, in Input) *doc.Document {
	t.Helper()
	d, ds := c.Compose(in)
	if ds.HasErrors() || d == nil {
		t.Fatalf("compose %s:\n%s", in.Doc.Base().Source.Path, ds.Error())
	}
	return d
}

func renderMD(t testing.TB, d *doc.Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := markdown.New().Render(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// headings lists the document's headings as shown ("2.1. Effektmål").
func headings(d *doc.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if h, ok := b.(*doc.Heading); ok {
			out = append(out, doc.HeadingText(h))
		}
	}
	return out
}

// tableAfter returns the first table after the heading whose text is
// heading.
func tableAfter(d *doc.Document, heading string) *doc.Table {
	found := false
	for _, b := range d.Blocks {
		if h, ok := b.(*doc.Heading); ok {
			found = strings.EqualFold(doc.Plain(h.Text), heading)
			continue
		}
		if t, ok := b.(*doc.Table); ok && found {
			return t
		}
	}
	return nil
}

func cellPlain(c doc.Cell) string {
	var parts []string
	for _, b := range c.Blocks {
		if p, ok := b.(*doc.Paragraph); ok {
			parts = append(parts, doc.Plain(p.Text))
		}
	}
	return strings.Join(parts, "\n")
}

func mdRender(w *bytes.Buffer, d *doc.Document) error { return markdown.New().Render(w, d) }

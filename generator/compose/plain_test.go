package compose

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/yuin/goldmark/text"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/internal/testenv"
)

// goldmarkBlocks is markdownBlocks without the fast path.
func goldmarkBlocks(c *Composer, s string) []doc.Block {
	src := []byte(s)
	root := c.dataMD.Parser().Parse(text.NewReader(src))
	return (&converter{src: src}).blocks(root)
}

// markdownValues collects every Markdown field of the fixtures and the
// example data.
func markdownValues(t *testing.T) []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.String:
			if v.Type() == reflect.TypeFor[model.Markdown]() {
				out = append(out, v.String())
			}
		}
	}
	files, _ := load.Find([]string{"testdata", filepath.Join(testenv.RepoRoot(t), "data")})
	for _, f := range files {
		if v, _ := load.New(kind.Default()).File(f); v != nil {
			walk(reflect.ValueOf(v))
		}
	}
	return out
}

func TestPlainParagraphsAgree(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	cases := append(markdownValues(t),
		"Ett stycke.\n\nEtt till\nmed två rader.",
		"  Indragen rad\n   och en till  \n",
		"    kod",
		"Rad\n    fortsättning",
		"Text  \nhård radbrytning",
		"- lista", "1. lista", "2024 års uppdrag", "Rubrik\n===", "Rubrik\n---", "a -- b", "N/A", "(se bild) där",
		"“Citat” och ’apostrof’", "'enkel' \"dubbel\"", "Fråga? Svar: ja; nej.", "E-post: a@b.se", "https://example.se",
		"Slut med mellanslag   ", "\n\n\nTomma rader först", "x\u00a0y", "Tab\tinne", "Å ä ö",
	)
	fast := 0
	for _, s := range cases {
		got, ok := plainParagraphs(s)
		if !ok {
			continue
		}
		fast++
		want := goldmarkBlocks(c, s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("fast path differs for %q:\n got %#v\nwant %#v", s, dump(got), dump(want))
		}
	}
	if fast < 10 {
		t.Errorf("only %d of %d values took the fast path", fast, len(cases))
	}
}

func FuzzPlainParagraphs(f *testing.F) {
	for _, s := range []string{"Ett stycke.\n\nTvå", "a\nb", "  x  \n y", "(a) b", "Å\n\n\nä"} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := plainParagraphs(s)
		if !ok {
			return
		}
		if want := goldmarkBlocks(c, s); !reflect.DeepEqual(got, want) {
			t.Errorf("fast path differs for %q:\n got %#v\nwant %#v", s, dump(got), dump(want))
		}
	})
}

func dump(bs []doc.Block) []string {
	var out []string
	for _, b := range bs {
		if p, ok := b.(*doc.Paragraph); ok {
			out = append(out, doc.Plain(p.Text))
		} else {
			out = append(out, b.Kind().String())
		}
	}
	return out
}

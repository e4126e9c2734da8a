package pipeline

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/compose"
	"github.com/underlag/underlag/generator/docx"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/pdf"
	"github.com/underlag/underlag/generator/style"
)

// seeds are the example documents: the two real ones the project
// reproduces and the example status report.
var seeds = []struct{ name, file string }{
	{"uppdragsdirektiv", "uppdragsdirektiv-nara-vard-2025.yaml"},
	{"tjänsteskrivelse", "tjansteskrivelse-hsn-1203-2024.yaml"},
	{"statusrapport", "statusrapport-nara-vard-2025-11-15.yaml"},
}

// BenchmarkSeed times each stage for each example document on its own,
// with everything a build prepares once (templates, fonts, styles)
// prepared outside the loop, as a build shares it:
//
//	go test -run '^$' -bench Seed -benchmem ./generator/pipeline
//
// load and check are measured with a fresh loader each time (a build loads
// each file once); compose, pdf and docx from the loaded and composed input.
func BenchmarkSeed(b *testing.B) {
	c, err := compose.New()
	if err != nil {
		b.Fatal(err)
	}
	// A renderer that keeps nothing of a render for the next: each render
	// of the seed is then a document's first, as in a build.
	pr, err := pdf.NewWithoutReuse(style.Default())
	if err != nil {
		b.Fatal(err)
	}
	dr, err := docx.New(style.Default())
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range seeds {
		path := filepath.Join("..", "..", "data", s.file)
		in, ds := load.New(kind.Default()).Document(path)
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		var logo []byte
		if in.Logo != nil {
			logo = in.Logo.Data
		}
		ci := compose.Input{Doc: in.Doc, Kind: in.Kind, Registries: in.Registries, Directive: in.Directive, Logo: logo, Creator: "underlag bench"}
		d, ds := c.Compose(ci)
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		b.Run(s.name+"/load", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ds := load.New(kind.Default()).Document(path); ds.HasErrors() {
					b.Fatal(ds)
				}
			}
		})
		b.Run(s.name+"/check", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				check.Document(in.Doc, in.Registries, in.Directive, in.Kind.Check)
			}
		})
		// checked is what a build does with a loaded document besides
		// loading it: the checks, the glyph check and lint.
		b.Run(s.name+"/checked", func(b *testing.B) {
			p, err := New(Config{Formats: []Format{}})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, ds := p.checked(in, nil); ds.HasErrors() {
					b.Fatal(ds)
				}
			}
		})
		b.Run(s.name+"/compose", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ds := c.Compose(ci); ds.HasErrors() {
					b.Fatal(ds)
				}
			}
		})
		b.Run(s.name+"/pdf", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := pr.Render(io.Discard, d); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(s.name+"/docx", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := dr.Render(io.Discard, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

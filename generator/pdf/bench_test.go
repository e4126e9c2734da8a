package pdf

import (
	"io"
	"testing"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/doc/doctest"
	"github.com/underlag/underlag/generator/style"
)

func benchRender(b *testing.B, d *doc.Document) {
	r, err := New(style.Default())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderAll renders the document holding every node kind (two
// pages).
func BenchmarkRenderAll(b *testing.B) { benchRender(b, doctest.All()) }

// BenchmarkRenderLongTable renders a 120-row table (five pages).
func BenchmarkRenderLongTable(b *testing.B) { benchRender(b, doctest.LongTable(120)) }

// BenchmarkRenderParallel renders the all-kinds document from all cores at
// once through one shared Renderer, as a build does.
func BenchmarkRenderParallel(b *testing.B) {
	r, err := New(style.Default())
	if err != nil {
		b.Fatal(err)
	}
	d := doctest.All()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := r.Render(io.Discard, d); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkNew is the one-off cost of preparing a renderer.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(style.Default()); err != nil {
			b.Fatal(err)
		}
	}
}

package doctest

import (
	"io"
	"testing"

	"github.com/underlag/underlag/generator/doc"
)

// The renderers' benchmarks stay in their packages (go test -bench
// ./generator/pdf); these are their bodies, given the package's
// constructor, so that PDF and DOCX are measured the same way.

// BenchRender renders d to io.Discard once per iteration with one
// renderer made before the loop, reporting allocations.
func BenchRender(b *testing.B, newRenderer func() (doc.Renderer, error), d *doc.Document) {
	b.Helper()
	r := mustRenderer(b, newRenderer)
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchRenderParallel renders d from all cores at once through one shared
// renderer, as a build does.
func BenchRenderParallel(b *testing.B, newRenderer func() (doc.Renderer, error), d *doc.Document) {
	b.Helper()
	r := mustRenderer(b, newRenderer)
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

// BenchNew measures the one-off cost of preparing a renderer.
func BenchNew(b *testing.B, newRenderer func() (doc.Renderer, error)) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newRenderer(); err != nil {
			b.Fatal(err)
		}
	}
}

func mustRenderer(b *testing.B, newRenderer func() (doc.Renderer, error)) doc.Renderer {
	b.Helper()
	r, err := newRenderer()
	if err != nil {
		b.Fatal(err)
	}
	return r
}

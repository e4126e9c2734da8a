package docx

import (
	"testing"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

// newDefault makes the renderer the benchmarks measure, in the default
// style.
func newDefault() (doc.Renderer, error) { return New(style.Default()) }

// BenchmarkRenderAll renders the document holding every node kind.
func BenchmarkRenderAll(b *testing.B) { doctest.BenchRender(b, newDefault, doctest.All()) }

// BenchmarkRenderLongTable renders a 120-row table (six pages).
func BenchmarkRenderLongTable(b *testing.B) {
	doctest.BenchRender(b, newDefault, doctest.LongTable(120))
}

// BenchmarkRenderParallel renders from all cores through one Renderer, as
// a build does.
func BenchmarkRenderParallel(b *testing.B) { doctest.BenchRenderParallel(b, newDefault, doctest.All()) }

// BenchmarkNew is the one-off cost of preparing a renderer.
func BenchmarkNew(b *testing.B) { doctest.BenchNew(b, newDefault) }

// BenchmarkRenderTimeline renders a status report's chart with its
// caption: the picture the DOCX embeds is most of the cost.
func BenchmarkRenderTimeline(b *testing.B) {
	doctest.BenchRender(b, newDefault, doctest.Timeline())
}

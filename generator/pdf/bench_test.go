package pdf

import (
	"testing"

	"github.com/go-fonts/liberation/liberationsansregular"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

// newDefault makes the renderer the benchmarks measure, in the default
// style: one that keeps nothing of a render for the next, so that each
// render of the same tree is a first one (a renderer from New would lay
// nothing out again and copy its deflated streams).
func newDefault() (doc.Renderer, error) { return NewWithoutReuse(style.Default()) }

// BenchmarkRenderAll renders the document holding every node kind (two
// pages).
func BenchmarkRenderAll(b *testing.B) { doctest.BenchRender(b, newDefault, doctest.All()) }

// BenchmarkRenderLongTable renders a 120-row table (five pages).
func BenchmarkRenderLongTable(b *testing.B) {
	doctest.BenchRender(b, newDefault, doctest.LongTable(120))
}

// BenchmarkRenderParallel renders the all-kinds document from all cores at
// once through one shared Renderer, as a build does.
func BenchmarkRenderParallel(b *testing.B) { doctest.BenchRenderParallel(b, newDefault, doctest.All()) }

// BenchmarkNew is the one-off cost of preparing a renderer.
func BenchmarkNew(b *testing.B) { doctest.BenchNew(b, newDefault) }

// BenchmarkPrepareFace is the one-off cost of preparing a face (cutting
// it to the repertoire, parsing it, laying out its subsetter), what a
// cold `underlag render` pays for each face it draws with.
func BenchmarkPrepareFace(b *testing.B) {
	b.ReportAllocs()
	z := &bestZ{}
	for b.Loop() {
		f, err := prepareFace("LiberationSans", liberationsansregular.TTF, z)
		if err != nil {
			b.Fatal(err)
		}
		f.sub()
	}
}

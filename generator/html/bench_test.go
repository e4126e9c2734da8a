package html_test

import (
	"testing"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/html"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

// newDefault makes the renderer the benchmarks measure, in the default
// style.
func newDefault() (doc.Renderer, error) { return html.New(style.Default()), nil }

// BenchmarkRenderAll renders the document holding every node kind.
func BenchmarkRenderAll(b *testing.B) { doctest.BenchRender(b, newDefault, doctest.All()) }

// BenchmarkRenderLongTable renders a 120-row table.
func BenchmarkRenderLongTable(b *testing.B) {
	doctest.BenchRender(b, newDefault, doctest.LongTable(120))
}

// BenchmarkRenderParallel renders from all cores through one Renderer, as
// a build does.
func BenchmarkRenderParallel(b *testing.B) { doctest.BenchRenderParallel(b, newDefault, doctest.All()) }

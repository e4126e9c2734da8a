package build_test

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/underlag/underlag/bench/synth"
	"github.com/underlag/underlag/generator/build"
	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/compose"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// blankRenderer writes a fixed 24 KB, the size of a typical output, so that
// the benchmarks below measure what the build adds around rendering:
// finding, hashing, loading, checking, composing, writing, the manifest.
// The renderers' own cost is measured in generator/pdf and generator/docx,
// the whole pipeline in generator/build/stack.
type blankRenderer struct{}

var blank = bytes.Repeat([]byte("x"), 24<<10)

func (blankRenderer) Render(w io.Writer, _ *doc.Document) error {
	_, err := w.Write(blank)
	return err
}

func stages(b *testing.B) build.Stages {
	c, err := compose.New()
	if err != nil {
		b.Fatal(err)
	}
	return build.Stages{
		Find:   load.Find,
		Loader: load.New(kind.Default()),
		Check:  check.Document,
		Compose: func(d model.Document, reg *model.Registries, dir *model.Directive) (*doc.Document, diag.List) {
			return c.Compose(compose.Input{Doc: d, Registries: reg, Directive: dir, Creator: "bench"})
		},
		Renderers:   map[build.Format]doc.Renderer{build.PDF: blankRenderer{}, build.DOCX: blankRenderer{}},
		Fingerprint: "bench",
	}
}

const benchDocs = 50

// BenchmarkBuildOverhead is a full build of 50 documents with blank
// renderers; ns/op divided by 50 is the per-document cost of everything
// but rendering.
func BenchmarkBuildOverhead(b *testing.B) {
	dir := b.TempDir()
	tr, err := synth.Write(dir, synth.Options{Docs: benchDocs, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		// A new loader and composer each time: a build starts cold.
		s, err := build.Run(context.Background(), stages(b), build.Options{Paths: []string{tr.Data}, Out: filepath.Join(dir, "out"), Force: true})
		if err != nil || s.Built != benchDocs {
			b.Fatalf("built %d: %v %v", s.Built, err, s.Diagnostics())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchDocs/1e6, "ms/doc")
}

// BenchmarkBuildUnchanged is a second build of 50 unchanged documents: what
// every CI push pays when the data did not change.
func BenchmarkBuildUnchanged(b *testing.B) {
	dir := b.TempDir()
	tr, err := synth.Write(dir, synth.Options{Docs: benchDocs, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if _, err := build.Run(context.Background(), stages(b), build.Options{Paths: []string{tr.Data}, Out: out}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := build.Run(context.Background(), stages(b), build.Options{Paths: []string{tr.Data}, Out: out})
		if err != nil || s.Skipped != benchDocs {
			b.Fatalf("skipped %d: %v", s.Skipped, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchDocs/1e6, "ms/doc")
}

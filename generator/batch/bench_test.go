package batch

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/underlag/underlag/bench/synth"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
)

// blank is the pipeline with renderers that write a fixed 24 KB, the size
// of a typical output, so that the benchmarks below measure what the build
// adds around rendering: finding, hashing, loading, checking, composing,
// writing, the manifest. The renderers' own cost is measured in
// generator/pdf and generator/docx, the whole pipeline in
// generator/pipeline.
type blank struct{ *pipeline.Pipeline }

var blankOutput = bytes.Repeat([]byte("x"), 24<<10)

func (blank) Formats() []pipeline.Format { return pipeline.Formats() }

func (blank) Render(w io.Writer, _ string, _ *doc.Document) (int, error) {
	_, err := w.Write(blankOutput)
	return 1, err
}

func (b blank) Compose(d *pipeline.Doc) (*doc.Document, diag.List) { return b.Pipeline.Compose(d) }

func newBlank(b *testing.B) blank {
	p, err := pipeline.New(pipeline.Config{Version: "bench", Formats: []pipeline.Format{}})
	if err != nil {
		b.Fatal(err)
	}
	return blank{p}
}

const benchDocs = 50

// BenchmarkBuildOverhead is a full build of 50 documents with blank
// renderers; ms/doc is the per-document cost of everything but rendering.
func BenchmarkBuildOverhead(b *testing.B) {
	dir := b.TempDir()
	tr, err := synth.Write(dir, synth.Options{Docs: benchDocs, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		// A new pipeline each time: a build starts cold.
		s, err := Run(context.Background(), newBlank(b), Options{Paths: []string{tr.Data}, Out: filepath.Join(dir, "out"), Force: true})
		if err != nil || s.Built != benchDocs {
			b.Fatalf("built %v: %v", s, err)
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
	if _, err := Run(context.Background(), newBlank(b), Options{Paths: []string{tr.Data}, Out: out}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := Run(context.Background(), newBlank(b), Options{Paths: []string{tr.Data}, Out: out})
		if err != nil || s.Skipped != benchDocs {
			b.Fatalf("skipped %v: %v", s, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchDocs/1e6, "ms/doc")
}

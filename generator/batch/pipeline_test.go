package batch_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/bench/synth"
	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/generator/pipeline"
)

// formats are the formats the tests build.
func formats(testing.TB) []string { return []string{"pdf", "docx"} }

func newPipeline(tb testing.TB, version string) (*pipeline.Pipeline, error) {
	tb.Helper()
	return pipeline.New(pipeline.Config{Version: version})
}

// copyDir copies the files of src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	require.NoError(t, filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		q := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(q), 0o755); err != nil {
			return err
		}
		return os.WriteFile(q, b, 0o644)
	}))
}

func touch(t *testing.T, p string) {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(p, append(b, "# ändrad\n"...), 0o644))
}

// results is an Observer that keeps every result, as only a test may.
type results []*batch.Result

func (*results) Start(int)                {}
func (r *results) Done(res *batch.Result) { *r = append(*r, res) }

func (r results) statuses() map[string]batch.Status {
	m := map[string]batch.Status{}
	for _, res := range r {
		m[filepath.Base(res.Source)] = res.Status
	}
	return m
}

func (r results) diagnostics() []string {
	var out []string
	for _, res := range r {
		for _, d := range res.Diagnostics {
			out = append(out, d.Error())
		}
	}
	return out
}

// The whole pipeline on the loader's fixtures: every document in every
// format, then incremental rebuilds that follow the real loader's
// dependencies (registries found in an ancestor, a directive referred to).
func TestBuildFixtures(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "out")
	copyDir(t, "../load/testdata/ok", data)
	fs := formats(t)
	var rs results
	run := func() *batch.Summary {
		t.Helper()
		st, err := newPipeline(t, "test")
		require.NoError(t, err)
		rs = nil
		s, err := batch.Run(context.Background(), st, batch.Options{Paths: []string{data}, Out: out, Formats: fs, Observer: &rs})
		require.NoError(t, err)
		require.True(t, s.OK(), "%v", rs.diagnostics())
		return s
	}
	s := run()
	assert.Equal(t, 3, s.Built)
	for _, r := range rs {
		require.Len(t, withoutPacket(r.Outputs), len(fs))
		for _, o := range r.Outputs {
			assert.FileExists(t, o.Path)
			assert.True(t, strings.HasPrefix(o.Path, filepath.Join(out, "underlag")+string(filepath.Separator)), o.Path)
		}
		assert.Positive(t, r.Outputs[0].Pages)
	}
	assert.Equal(t, 3, run().Skipped)

	touch(t, filepath.Join(data, "underlag", "skrivelse.yaml"))
	run()
	assert.Equal(t, map[string]batch.Status{"direktiv.yaml": batch.Skipped, "skrivelse.yaml": batch.Built, "status.yaml": batch.Skipped}, rs.statuses())
	touch(t, filepath.Join(data, "underlag", "direktiv.yaml"))
	run()
	assert.Equal(t, map[string]batch.Status{"direktiv.yaml": batch.Built, "skrivelse.yaml": batch.Built, "status.yaml": batch.Built}, rs.statuses())
	touch(t, filepath.Join(data, "personer.yaml"))
	assert.Equal(t, 3, run().Built)
	touch(t, filepath.Join(data, "organisation.yaml"))
	assert.Equal(t, 3, run().Built)
	assert.Equal(t, 3, run().Skipped)
}

// The example data of the repository, when it is there.
func TestBuildExampleData(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("../../data"); err != nil {
		t.Skip("no example data yet")
	}
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "out")
	copyDir(t, "../../data", data)
	// The example meetings depend on the memos and make documents of
	// their own; meeting_test.go builds them.
	require.NoError(t, os.RemoveAll(filepath.Join(data, "sammantraden")))
	fs := formats(t)
	st, err := newPipeline(t, "test")
	require.NoError(t, err)
	var rs results
	s, err := batch.Run(context.Background(), st, batch.Options{Paths: []string{data}, Out: out, Formats: fs, Observer: &rs})
	require.NoError(t, err)
	require.True(t, s.OK(), "%v", rs.diagnostics())
	assert.NotZero(t, s.Built)
	for _, r := range rs {
		assert.Len(t, withoutPacket(r.Outputs), len(fs), r.Source)
		// The hash each output is recorded with is its file's, whether
		// the build hashed the bytes or the renderer gave the hash.
		for _, o := range r.Outputs {
			b, err := os.ReadFile(o.Path)
			require.NoError(t, err)
			assert.Equal(t, fmt.Sprintf("%x", sha256.Sum256(b)), o.SHA256, o.Path)
		}
	}
	again := func() *batch.Summary {
		t.Helper()
		// A new stack each run: the loader caches what it read.
		st, err := newPipeline(t, "test")
		require.NoError(t, err)
		s, err := batch.Run(context.Background(), st, batch.Options{Paths: []string{data}, Out: out, Formats: fs})
		require.NoError(t, err)
		return s
	}
	all := s.Built
	assert.Equal(t, all, again().Skipped)

	// Touching one memo rebuilds that memo; touching the organisation
	// rebuilds every document.
	memos, _ := filepath.Glob(filepath.Join(data, "tjansteskrivelse-*.yaml"))
	if len(memos) > 0 {
		touch(t, memos[0])
		s = again()
		assert.Equal(t, 1, s.Built)
		assert.Equal(t, all-1, s.Skipped)
	}
	// Touching the region's profile rebuilds the region's documents, and
	// not the municipality's, which have a profile of their own.
	other := 0
	for _, r := range rs {
		if strings.Contains(filepath.ToSlash(r.Source), "/exempelby/") {
			other++
		}
	}
	require.NotZero(t, other)
	touch(t, filepath.Join(data, "organisation.yaml"))
	s = again()
	assert.Equal(t, all-other, s.Built)
	assert.Equal(t, other, s.Skipped)
}

// benchBuild builds a synthetic tree of n documents from scratch, with a
// new stack each time as a fresh `underlag build` has.
func benchBuild(b *testing.B, n int, fs []string) {
	dir := b.TempDir()
	tr, err := synth.Write(dir, synth.Options{Docs: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		st, err := newPipeline(b, "bench")
		if err != nil {
			b.Fatal(err)
		}
		s, err := batch.Run(context.Background(), st, batch.Options{Paths: []string{tr.Data}, Out: filepath.Join(dir, "out"), Formats: fs, Force: true})
		if err != nil || s.Built != n {
			b.Fatalf("built %v of %d: %v", s, n, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e6, "ms/doc")
}

// BenchmarkBuild50 is `underlag build` of 50 documents of all kinds in
// every format, on all cores.
func BenchmarkBuild50(b *testing.B) { benchBuild(b, 50, formats(b)) }

// BenchmarkBuild50PDF and BenchmarkBuild50DOCX split it by format.
func BenchmarkBuild50PDF(b *testing.B) { benchBuild(b, 50, []string{"pdf"}) }

func BenchmarkBuild50DOCX(b *testing.B) { benchBuild(b, 50, []string{"docx"}) }

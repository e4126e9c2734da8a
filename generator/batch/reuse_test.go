package batch_test

import (
	"bytes"
	"context"
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

// TestBuildSameBytesAsAlone builds a tree, in which the pipeline shares
// documents, layouts and font subsets between outputs, and then makes
// every PDF again on its own, each with a fresh pipeline that shares
// nothing: a document's PDF, or a memo's packet from the memo and its
// attachments. The bytes are the same, so what a build reuses never shows
// in its outputs. The trees are the example data and a small synthetic
// one, whose memos attach their directives.
func TestBuildSameBytesAsAlone(t *testing.T) {
	t.Parallel()
	trees := map[string]func(t *testing.T) string{
		"example data": func(t *testing.T) string {
			dir := filepath.Join(t.TempDir(), "data")
			copyDir(t, "../../data", dir)
			// The meetings' outputs are not named after a source of
			// their own; meeting_test.go and internal/meetingcheck
			// build them.
			require.NoError(t, os.RemoveAll(filepath.Join(dir, "sammantraden")))
			return dir
		},
		"synthetic": func(t *testing.T) string {
			tr, err := synth.Write(t.TempDir(), synth.Options{Docs: 8, Seed: 3})
			require.NoError(t, err)
			return tr.Data
		},
	}
	for name, tree := range trees {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data := tree(t)
			out := filepath.Join(t.TempDir(), "out")
			p, err := newPipeline(t, "test")
			require.NoError(t, err)
			s, err := batch.Run(context.Background(), p, batch.Options{Paths: []string{data}, Out: out, Formats: []string{"pdf"}, Force: true})
			require.NoError(t, err)
			require.Zero(t, s.Failed)
			var pdfs []string
			require.NoError(t, filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(path, ".pdf") {
					pdfs = append(pdfs, path)
				}
				return err
			}))
			require.NotEmpty(t, pdfs)
			packets := 0
			for _, built := range pdfs {
				rel, _ := filepath.Rel(out, built)
				stem := strings.TrimSuffix(rel, ".pdf")
				packet := strings.HasSuffix(stem, pipeline.PacketSuffix)
				if packet {
					packets++
					stem = strings.TrimSuffix(stem, pipeline.PacketSuffix)
				}
				alone := renderAlone(t, filepath.Join(data, stem+".yaml"), packet)
				got, err := os.ReadFile(built)
				require.NoError(t, err)
				assert.True(t, bytes.Equal(alone, got), "%s: the build's bytes are those made alone", rel)
			}
			assert.NotZero(t, packets, "the tree has packets")
		})
	}
}

// renderAlone makes a document's PDF, or its packet, with a pipeline of
// its own.
func renderAlone(t *testing.T, src string, packet bool) []byte {
	t.Helper()
	f, err := pipeline.LookupFormat("pdf")
	require.NoError(t, err)
	p, err := pipeline.New(pipeline.Config{Version: "test", Formats: []pipeline.Format{f}})
	require.NoError(t, err)
	d, ds := p.Load(src)
	require.NotNil(t, d, "%s: %v", src, ds)
	tree, ds := p.Compose(d)
	require.False(t, ds.HasErrors(), "%v", ds)
	var b bytes.Buffer
	if packet {
		pk, ds := p.Packet(d, tree)
		require.NotNil(t, pk, "%v", ds)
		_, err = pk.Render(&b)
	} else {
		_, err = p.Render(&b, "pdf", tree)
	}
	require.NoError(t, err)
	return b.Bytes()
}

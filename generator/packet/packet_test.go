package packet_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
)

const (
	memo      = "../../data/tjansteskrivelse-hsn-1203-2024.yaml"
	directive = "../../data/uppdragsdirektiv-nara-vard-2025.yaml"
)

func newPipeline(tb testing.TB) *pipeline.Pipeline {
	tb.Helper()
	f, err := pipeline.LookupFormat("pdf")
	require.NoError(tb, err)
	p, err := pipeline.New(pipeline.Config{Version: "test", Formats: []pipeline.Format{f}})
	require.NoError(tb, err)
	return p
}

func compose(tb testing.TB, p *pipeline.Pipeline, path string) (*pipeline.Doc, *doc.Document) {
	tb.Helper()
	d, ds := p.Load(path)
	require.NotNil(tb, d, "%v", ds)
	t, ds := p.Compose(d)
	require.False(tb, ds.HasErrors(), "%v", ds)
	return d, t
}

func TestNew(t *testing.T) {
	t.Parallel()
	p := newPipeline(t)
	d, tree := compose(t, p, memo)
	pk, ds := p.Packet(d, tree)
	require.NotNil(t, pk, "%v", ds)
	assert.False(t, ds.HasErrors())
	var deps []string
	for _, dep := range pk.Deps {
		deps = append(deps, filepath.ToSlash(dep))
	}
	assert.Contains(t, deps, "../../data/uppdragsdirektiv-nara-vard-2025.yaml")
	assert.Contains(t, deps, "../../data/bilagor/avtal-samverkan-nara-vard.pdf")
	assert.Contains(t, deps, "../../data/organisation.yaml", "what the directive is made from")
	// The directive's own warnings are reported at it; at the memo, one
	// warning, for the untagged PDF.
	var own diag.List
	for _, x := range ds {
		if x.File == memo {
			own = append(own, x)
		}
	}
	require.Len(t, own, 1, "%v", ds)
	assert.Equal(t, diag.Warning, own[0].Severity)
	assert.Equal(t, "beslutsunderlag[2].fil", own[0].Path)
	assert.Equal(t, 90, own[0].Line)
	assert.Len(t, tree.Meta.Header.Right, 4, "the memo's own header is left as it was")

	// A document without attachments has no packet.
	d, tree = compose(t, p, directive)
	pk, ds = p.Packet(d, tree)
	assert.Nil(t, pk)
	assert.Empty(t, ds)
}

// A memo attached to a memo brings its own attachments only as a
// warning, never silently.
func TestNestedAttachments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS("../../data")))
	src, err := os.ReadFile(filepath.Join(dir, "tjansteskrivelse-hsn-1203-2024.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "annan.yaml"), src, 0o644))
	s := strings.Replace(string(src), "fil: bilagor/avtal-samverkan-nara-vard.pdf", "fil: annan.yaml", 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "tjansteskrivelse-hsn-1203-2024.yaml"), []byte(s), 0o644))
	p := newPipeline(t)
	d, tree := compose(t, p, filepath.Join(dir, "tjansteskrivelse-hsn-1203-2024.yaml"))
	pk, ds := p.Packet(d, tree)
	require.NotNil(t, pk, "%v", ds)
	found := false
	for _, x := range ds {
		found = found || strings.Contains(x.Msg, "Bilaga 2: annan.yaml has attachments of its own")
	}
	assert.True(t, found, "%v", ds)
	var buf bytes.Buffer
	_, err = pk.Render(&buf)
	require.NoError(t, err)
}

// BenchmarkPacket compares the example packet (the memo, the directive as
// Bilaga 1, a two-page external PDF as Bilaga 2) with its parts built on
// their own: "parts" loads, composes and renders the memo and the
// directive to PDF, as a build does for each; "packet" loads and composes
// the memo and makes its packet, which loads and composes the directive
// again, reads and validates the external PDF, and lays out and writes
// all three into one file.
func BenchmarkPacket(b *testing.B) {
	p := newPipeline(b)
	build := func(path string) {
		_, t := compose(b, p, path)
		if _, err := p.Render(io.Discard, "pdf", t); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("parts", func(b *testing.B) {
		for b.Loop() {
			build(memo)
			build(directive)
		}
	})
	b.Run("packet", func(b *testing.B) {
		for b.Loop() {
			d, t := compose(b, p, memo)
			pk, ds := p.Packet(d, t)
			if pk == nil {
				b.Fatal(ds)
			}
			if _, err := pk.Render(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package synth

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/pipeline"
)

// The tree must be valid input: every document loads and passes the
// checks without an error or a warning, or the benchmark would measure
// error paths.
func TestTreeIsValid(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tr, err := Write(dir, Options{Docs: 41, Seed: 7})
	require.NoError(t, err)
	assert.Len(t, tr.Docs, 41)
	assert.Equal(t, map[string]int{"uppdragsdirektiv": 11, "tjänsteskrivelse": 20, "statusrapport": 10}, tr.Kinds)

	pl, err := pipeline.New(pipeline.Config{Version: "test", Formats: []pipeline.Format{}})
	require.NoError(t, err)
	for _, p := range tr.Docs {
		file := filepath.Join(tr.Data, filepath.FromSlash(p))
		doc, ds := pl.Load(file)
		require.Empty(t, ds, p)
		require.NotNil(t, doc, p)
		d := doc.Model()
		_, ds = pl.Compose(doc)
		assert.Empty(t, ds, p)
		md, err := os.ReadFile(filepath.Join(tr.Markdown, filepath.FromSlash(p[:len(p)-len(".yaml")]+".md")))
		require.NoError(t, err)
		assert.Contains(t, string(md), d.Base().Title)
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, b := t.TempDir(), t.TempDir()
	ta, err := Write(a, Options{Docs: 5, Seed: 3})
	require.NoError(t, err)
	_, err = Write(b, Options{Docs: 5, Seed: 3})
	require.NoError(t, err)
	for _, p := range ta.Docs {
		x, _ := os.ReadFile(filepath.Join(a, "data", p))
		y, _ := os.ReadFile(filepath.Join(b, "data", p))
		assert.Equal(t, x, y, p)
	}
}

// Many trees: each has its own registries, and each document is valid in
// its own tree.
func TestTrees(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tr, err := Write(dir, Options{Docs: 12, Seed: 1, Trees: 3})
	require.NoError(t, err)
	assert.Len(t, tr.Docs, 12)
	pl, err := pipeline.New(pipeline.Config{Version: "test", Formats: []pipeline.Format{}})
	require.NoError(t, err)
	trees := map[string]bool{}
	for _, p := range tr.Docs {
		trees[p[:len("tree-0001")]] = true
		assert.FileExists(t, filepath.Join(tr.Data, p[:len("tree-0001")], "organisation.yaml"))
		assert.Empty(t, pl.Validate(filepath.Join(tr.Data, filepath.FromSlash(p))), p)
	}
	assert.Len(t, trees, 3)
}

package load_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/load"
)

// A walk lists every data file, a folder named out among them, leaves out
// only the build's output directory and hidden files and folders, and says
// which hidden ones it left out (issue 23, finding 10).
func TestWalk(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{"a.yaml", "out/b.yaml", "sub/out/c.yml", ".dold.yaml", ".utkast/d.yaml", ".utkast/e.yaml", ".git/config.yaml", "bygg/f.yaml", "mallar/etiketter.yaml", "g.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("typ: x\n"), 0o644))
	}
	in := func(fs ...string) []string {
		var out []string
		for _, f := range fs {
			out = append(out, filepath.Join(dir, filepath.FromSlash(f)))
		}
		return out
	}
	tests := []struct {
		name    string
		opt     load.WalkOptions
		files   []string
		skipped []load.Skipped
	}{
		{
			name:  "defaults: folders named out are data",
			files: in("a.yaml", "bygg/f.yaml", "out/b.yaml", "sub/out/c.yml"),
			skipped: []load.Skipped{
				{Path: filepath.Join(dir, ".dold.yaml"), Why: "a hidden file, not read (--include-hidden reads it)"},
				{Path: filepath.Join(dir, ".utkast") + string(filepath.Separator), Why: "a hidden folder with 2 YAML files, not read (--include-hidden reads it)"},
			},
		},
		{
			name:    "the build's output directory",
			opt:     load.WalkOptions{Out: filepath.Join(dir, "bygg"), IncludeHidden: true},
			files:   in(".dold.yaml", ".git/config.yaml", ".utkast/d.yaml", ".utkast/e.yaml", "a.yaml", "out/b.yaml", "sub/out/c.yml"),
			skipped: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, skipped, err := load.Walk([]string{dir}, tt.opt)
			require.NoError(t, err)
			assert.Equal(t, tt.files, files)
			assert.Equal(t, tt.skipped, skipped)
		})
	}
}

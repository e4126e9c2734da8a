package manifest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	m, err := Read(dir)
	require.NoError(t, err)
	assert.Empty(t, m.Entries)

	m.Entries["data/a.yaml"] = &Entry{SHA256: "aa", Name: "2024-a", Deps: []Dep{{Path: "data/organisation.yaml", SHA256: "bb"}, {Path: "data/sub/organisation.yaml"}},
		Outputs: map[string]*Output{"pdf": {Path: "2024-a.pdf", Inputs: "cc", SHA256: "dd", Size: 3, Pages: 2}}}
	require.NoError(t, m.Write(dir))
	got, err := Read(dir)
	require.NoError(t, err)
	assert.Equal(t, m, got)
}

func TestReadBad(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, content string }{
		{"garbage", "{not json"},
		{"version", `{"version": 99, "entries": {}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, Name), []byte(tt.content), 0o644))
			m, err := Read(dir)
			assert.Error(t, err)
			assert.NotNil(t, m)
			assert.Empty(t, m.Entries)
		})
	}
}

func TestReadDropsEscapingPaths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := `{"version":1,"entries":{
 "a.yaml":{"sha256":"x","name":"a","outputs":{"pdf":{"path":"../../etc/passwd"}}},
 "b.yaml":{"sha256":"x","name":"b","outputs":{"pdf":{"path":"/etc/passwd"}}},
 "c.yaml":{"sha256":"x","name":"c","outputs":{"pdf":{"path":"sub/c.pdf"}}}}}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, Name), []byte(content), 0o644))
	m, err := Read(dir)
	require.NoError(t, err)
	assert.Len(t, m.Entries, 1)
	assert.Contains(t, m.Entries, "c.yaml")
}

func TestLocal(t *testing.T) {
	t.Parallel()
	for p, want := range map[string]bool{"a.pdf": true, "sub/a.pdf": true, "": false, "..": false, "../a": false, "/a": false, "a/../../b": false} {
		assert.Equal(t, want, Local(p), p)
	}
}

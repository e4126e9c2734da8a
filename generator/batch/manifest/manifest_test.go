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

// One output, one source: setting an entry takes its outputs from any
// other entry, which goes when it has none left.
func TestOneSourcePerOutput(t *testing.T) {
	t.Parallel()
	m := New()
	out := func(p string) *Output { return &Output{Path: p} }
	m.Set("a.yaml", &Entry{Outputs: map[string]*Output{"pdf": out("x.pdf"), "docx": out("x.docx")}})
	m.Set("b.yaml", &Entry{Outputs: map[string]*Output{"pdf": out("x.pdf")}})
	assert.Equal(t, "b.yaml", m.Owner("x.pdf"))
	assert.Equal(t, "a.yaml", m.Owner("x.docx"))
	assert.Len(t, m.Entries["a.yaml"].Outputs, 1)
	m.Set("c.yaml", &Entry{Outputs: map[string]*Output{"docx": out("x.docx")}})
	assert.NotContains(t, m.Entries, "a.yaml")
	m.Delete("b.yaml")
	assert.Empty(t, m.Owner("x.pdf"))
}

// The journal's lines are replayed over the manifest; a half-written last
// line is skipped, and a later build's lines after it still count.
func TestJournal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	m := New()
	m.Entries["a.yaml"] = &Entry{SHA256: "a", Outputs: map[string]*Output{"pdf": {Path: "a.pdf"}}}
	m.Entries["gone.yaml"] = &Entry{SHA256: "g", Outputs: map[string]*Output{"pdf": {Path: "g.pdf"}}}
	require.NoError(t, m.Write(dir))

	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()
	j, err := OpenJournal(root)
	require.NoError(t, err)
	require.NoError(t, j.Set("b.yaml", &Entry{SHA256: "b", Outputs: map[string]*Output{"pdf": {Path: "b.pdf"}}}))
	require.NoError(t, j.Delete("gone.yaml"))
	require.NoError(t, j.Close())
	f, err := os.OpenFile(filepath.Join(dir, JournalName), os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString(`{"source":"c.yaml","entry":{"sha2`) // killed mid-line
	require.NoError(t, err)
	require.NoError(t, f.Close())
	j, err = OpenJournal(root)
	require.NoError(t, err)
	require.NoError(t, j.Set("d.yaml", &Entry{SHA256: "d", Outputs: map[string]*Output{"pdf": {Path: "../escape.pdf"}}}))
	require.NoError(t, j.Set("e.yaml", &Entry{SHA256: "e", Outputs: map[string]*Output{"pdf": {Path: "e.pdf"}}}))
	require.NoError(t, j.Close())

	got, err := Read(dir)
	require.NoError(t, err)
	var srcs []string
	for src := range got.Entries {
		srcs = append(srcs, src)
	}
	assert.ElementsMatch(t, []string{"a.yaml", "b.yaml", "e.yaml"}, srcs)

	// Writing the manifest compacts the journal into it.
	require.NoError(t, got.Write(dir))
	assert.NoFileExists(t, filepath.Join(dir, JournalName))
	again, err := Read(dir)
	require.NoError(t, err)
	assert.Len(t, again.Entries, 3)
}

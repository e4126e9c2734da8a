package atomic

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "a.pdf")
	require.NoError(t, WriteBytes(path, []byte("old"), 0o644))

	err := WriteFile(path, 0o644, func(w io.Writer) error {
		_, _ = w.Write([]byte("half"))
		return errors.New("render failed")
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "render failed")
	got, _ := os.ReadFile(path)
	assert.Equal(t, "old", string(got), "a failed write keeps the old file")
	entries, _ := os.ReadDir(filepath.Dir(path))
	assert.Len(t, entries, 1, "no temporary file is left behind")

	require.NoError(t, WriteBytes(path, []byte("new"), 0o644))
	got, _ = os.ReadFile(path)
	assert.Equal(t, "new", string(got))
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.docx")
	require.NoError(t, Replace(path, []byte("one"), 0o644))
	require.NoError(t, Replace(path, []byte("two"), 0o644))
	got, _ := os.ReadFile(path)
	assert.Equal(t, "two", string(got))
	st, _ := os.Stat(path)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file is left behind")
	assert.Error(t, Replace(filepath.Join(dir, "missing", "b.pdf"), nil, 0o644), "Replace does not create directories")
}

func TestWriteOntoDirectory(t *testing.T) {
	dir := t.TempDir()
	err := WriteBytes(dir, []byte("x"), 0o644)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "it is a directory")
	entries, _ := os.ReadDir(filepath.Dir(dir))
	assert.Len(t, entries, 1, "no temporary file is left behind")
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReferenceDocxCmd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	mall := filepath.Join(dir, "mall.docx")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"writes", []string{"reference-docx", "-o", mall}, 0, "wrote " + mall},
		{"refuses to overwrite", []string{"reference-docx", "-o", mall}, 1, "already exists"},
		{"overwrites with --force", []string{"reference-docx", "-o", mall, "--force"}, 0, "wrote " + mall},
		{"not docx", []string{"reference-docx", "-o", filepath.Join(dir, "mall.pdf")}, 2, "name the reference document *.docx"},
		{"no arguments", []string{"reference-docx", "mall.docx"}, 1, "unknown command"},
	} {
		code, _, errOut := execute(t, tc.args...)
		assert.Equal(t, tc.code, code, "%s: %s", tc.name, errOut)
		assert.Contains(t, errOut, tc.want, tc.name)
	}
	b, err := os.ReadFile(mall)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "PK"))

	// The file it writes is a reference a build accepts.
	out := t.TempDir()
	code, _, errOut := execute(t, "build", filepath.Join("..", "..", "generator", "compose", "testdata"), "-t", "docx", "--out", out, "-q", "--reference-doc", mall)
	require.Equal(t, 0, code, errOut)
	docs, _ := filepath.Glob(filepath.Join(out, "*.docx"))
	assert.Len(t, docs, 3)

	// To standard output when that is not a terminal.
	code, stdout, errOut := execute(t, "reference-docx")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(stdout, "PK"))
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// HTML is one more entry of the format table: every command that takes a
// format takes it, by name or by the output's extension.
func TestHTMLCommands(t *testing.T) {
	t.Parallel()
	memo := filepath.Join("..", "..", "data", exampleMemo)
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		file string // written, and an HTML page
	}{
		{"render -o x.html", []string{"render", memo, "-o", filepath.Join(dir, "skrivelse.html")}, "skrivelse.html"},
		{"render --to html -o", []string{"render", memo, "--to", "html", "-o", filepath.Join(dir, "till.html")}, "till.html"},
		{"build --to pdf,docx,html", []string{"build", filepath.Join("..", "..", "data"), "--out", filepath.Join(dir, "out"), "--to", "pdf,docx,html"},
			filepath.Join("out", "tjansteskrivelse-hsn-1203-2024.html")},
		{"packet -o x.html", []string{"packet", memo, "-o", filepath.Join(dir, "handling.html")}, "handling.html"},
	}
	for _, c := range cases {
		code, _, errOut := execute(t, c.args...)
		require.Equal(t, 0, code, "%s: %s", c.name, errOut)
		b, err := os.ReadFile(filepath.Join(dir, c.file))
		require.NoError(t, err, c.name)
		assert.True(t, strings.HasPrefix(string(b), "<!DOCTYPE html>\n<html lang=\"sv\">"), c.name)
	}
	assert.FileExists(t, filepath.Join(dir, "out", "tjansteskrivelse-hsn-1203-2024-handling.html"), "build writes the packet's page")

	// A reference document's look applies to HTML (Format.ReferenceLook):
	// the page takes the profile read from it.
	ref := filepath.Join(dir, "mall.docx")
	code, _, errOut := execute(t, "reference-docx", "-o", ref)
	require.Equal(t, 0, code, errOut)
	code, _, errOut = execute(t, "render", memo, "--reference-docx", ref, "-o", filepath.Join(dir, "mall.html"))
	require.Equal(t, 0, code, "render --reference-docx -o x.html: %s", errOut)
	assert.FileExists(t, filepath.Join(dir, "mall.html"))

	// Standard output: HTML is text, so it may go to a terminal or a pipe.
	code, out, errOut := execute(t, "render", memo, "--to", "html")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "<main id=\"innehall\">")
}

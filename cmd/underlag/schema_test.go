package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/schema"
)

func TestSchemaCmd(t *testing.T) {
	t.Parallel()
	want, err := schema.JSON(kind.Default())
	require.NoError(t, err)

	code, out, errOut := execute(t, "schema")
	assert.Equal(t, 0, code, errOut)
	assert.Equal(t, string(want), out)

	p := filepath.Join(t.TempDir(), "s.json")
	code, out, errOut = execute(t, "schema", "-o", p)
	assert.Equal(t, 0, code, errOut)
	assert.Empty(t, out)
	got, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	code, _, errOut = execute(t, "schema", "finns-inte")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "finns-inte")

	// A data folder's own kinds are in its schema, and not in the plain one.
	code, out, errOut = execute(t, "schema", "../../data/exempelby")
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"const": "projektbeställning"`)
	assert.Contains(t, out, `"beställare"`)
	assert.False(t, strings.Contains(string(want), `"const": "projektbeställning"`), "the plain schema has no data-defined kinds")
}

func TestTemplatesExport(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "mallar")
	code, out, errOut := execute(t, "templates", "export", dir)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, filepath.Join(dir, "tjansteskrivelse.md.tmpl"))
	b, err := os.ReadFile(filepath.Join(dir, "etiketter.yaml"))
	require.NoError(t, err)
	assert.Contains(t, string(b), "sammanfattning:")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "etiketter.yaml"), []byte("sammanfattning: Egen\n"), 0o644))
	code, _, errOut = execute(t, "templates", "export", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "already exists; nothing was written")
	b, _ = os.ReadFile(filepath.Join(dir, "etiketter.yaml"))
	assert.Equal(t, "sammanfattning: Egen\n", string(b), "an edited file is never overwritten")

	code, _, errOut = execute(t, "templates", "export", dir, "--force")
	assert.Equal(t, 0, code, errOut)
}

package main

import (
	"os"
	"path/filepath"
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

	code, _, errOut = execute(t, "schema", "extra")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "unknown command")
}

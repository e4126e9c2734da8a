package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Where officials err most, the error points at the place with a caret and
// says what was meant: a typ or version, a key that is the typo of a
// required one (one error, not a second for the missing key), a committee
// by its full name or misspelt, a person id, a field named in kräver.
// testdata/didyoumean holds one such mistake per file (ok.yaml none); the
// golden file is validate's output, in the compiler form.
func TestDidYouMeanGolden(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("testdata", "didyoumean")
	code, out, errOut := execute(t, "validate", dir)
	assert.Equal(t, 1, code)
	got := out + errOut
	golden := filepath.Join("testdata", "didyoumean.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)

	// One error per file with a mistake, each with a caret and a
	// did-you-mean.
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	wrong := 0
	for _, e := range entries {
		switch e.Name() {
		case "ok.yaml", "personer.yaml":
			assert.NotContains(t, got, e.Name()+":", "no error")
			continue
		}
		wrong++
		assert.Equal(t, 1, strings.Count(got, filepath.Join(dir, e.Name())+":"), "%s: one error", e.Name())
	}
	assert.Equal(t, wrong, strings.Count(got, ": error: "))
	assert.Equal(t, wrong, strings.Count(got, "did you mean")+strings.Count(got, "reads version"), "each says what was meant")
	assert.Equal(t, wrong, strings.Count(got, "^\n"), "each has a caret")
}

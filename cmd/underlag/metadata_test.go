package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// -M KEY=VALUE sets a field of every document, as pandoc's -M sets
// metadata; a wrong one is reported like a wrong field in the file,
// naming the -M that set it.
func TestMetadataFlag(t *testing.T) {
	t.Parallel()
	data := filepath.Join(t.TempDir(), "data")
	require.NoError(t, os.MkdirAll(data, 0o755))
	for _, f := range []string{"organisation.yaml", "ordlista.yaml", "personer.yaml", "tjansteskrivelse.yaml"} {
		b, err := os.ReadFile(filepath.Join(composeFixtures, f))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(data, f), b, 0o644))
	}
	for _, tc := range []struct {
		name  string
		flags []string
		code  int
		want  string // in the Markdown output, or in standard error on failure
	}{
		{"sets a field", []string{"-M", "titel=UTKAST – Ny riktlinje"}, 0, "UTKAST – Ny riktlinje"},
		{"long form, a date", []string{"--metadata", "datum=2026-01-15"}, 0, "2026"},
		{"unknown key", []string{"-M", "utkst=true"}, 1, `unknown key "utkst"`},
		{"names the -M", []string{"-M", "datum=2026-02-31"}, 1, "(set with -M datum=2026-02-31)"},
		{"not KEY=VALUE", []string{"-M", "utkast"}, 2, "want KEY=VALUE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "out")
			args := append([]string{"build", data, "--out", out, "-t", "md"}, tc.flags...)
			code, _, errOut := execute(t, args...)
			require.Equal(t, tc.code, code, errOut)
			if tc.code != 0 {
				assert.Contains(t, errOut, tc.want)
				return
			}
			md, err := os.ReadFile(filepath.Join(out, "tjansteskrivelse.md"))
			require.NoError(t, err)
			assert.Contains(t, string(md), tc.want)
		})
	}
}

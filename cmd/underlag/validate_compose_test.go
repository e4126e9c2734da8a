package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validate composes too: a renamed heading or an extra section's place
// that the templates do not know is an error at its line, as build would
// report it, not something only build finds.
func TestValidateComposes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, add, want string
	}{
		{"unknown heading key", "rubriker:\n  expedieras_tll: Beslutet skickas till\n", "rubriker.expedieras_tll"},
		{"unknown place", "extra_avsnitt:\n  - rubrik: Barnrättsperspektiv\n    text: Text.\n    efter: jämställdheten\n", "extra_avsnitt[0].efter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			// The memo and the files its beslutsunderlag attaches.
			require.NoError(t, os.Mkdir(filepath.Join(dir, "bilagor"), 0o755))
			for _, f := range []string{"organisation.yaml", "ordlista.yaml", "personer.yaml", "tjansteskrivelse-hsn-1203-2024.yaml",
				"uppdragsdirektiv-nara-vard-2025.yaml", filepath.Join("bilagor", "avtal-samverkan-nara-vard.pdf")} {
				b, err := os.ReadFile(filepath.Join("..", "..", "data", f))
				require.NoError(t, err)
				if f == "tjansteskrivelse-hsn-1203-2024.yaml" {
					b = append(b, tt.add...)
				}
				require.NoError(t, os.WriteFile(filepath.Join(dir, f), b, 0o644))
			}
			code, _, errOut := execute(t, "validate", dir)
			assert.Equal(t, 1, code)
			assert.Contains(t, errOut, "tjansteskrivelse-hsn-1203-2024.yaml:")
			assert.Contains(t, errOut, tt.want)
		})
	}
}

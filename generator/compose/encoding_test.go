package compose

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A template saved as UTF-16 (Windows Notepad's "Unicode") or in Latin-1
// is refused with the file and what to do, never composed into garbage.
func TestTemplateEncoding(t *testing.T) {
	t.Parallel()
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "# {{ titel }}\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"utf-16", utf16, "tjansteskrivelse.md.tmpl is saved as UTF-16; save it as UTF-8"},
		{"latin-1", []byte("# {{ titel }}\n\nF\xf6rslag\n"), "tjansteskrivelse.md.tmpl:3: not UTF-8 text"},
		{"utf-8 with a byte order mark", []byte("\xef\xbb\xbf# {{ titel }}\n"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "tjansteskrivelse.md.tmpl"), tc.data, 0o644))
			_, err := New(WithTemplateDir(dir))
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

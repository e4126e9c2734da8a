package compose

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A template runs under a deadline checked while it runs, however it
// loops, and its output is capped: issue 23's range templates end with an
// error at the range (the deadline here is short so that the test is).
func TestTemplateLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		limit      time.Duration
		want       string
		partial    string // _fakta.tjansteskrivelse.md.tmpl, when the test needs one
	}{
		{"a range that never ends", "# R\n\n{{ range 10000000000 }}{{ end }}\n", 50 * time.Millisecond, ".md.tmpl:3:10: the template ran for more than 50ms, the limit for one document", ""},
		{"nested ranges", "# R\n\n{{ range 100000 }}{{ range 100000 }}{{ end }}{{ end }}\n", 50 * time.Millisecond, ".md.tmpl:3:28: the template ran for more than 50ms", ""},
		{"a range that fills memory", "# R\n\n{{ range 1000000000 }}ord {{ end }}\n", time.Minute, ".md.tmpl:3:10: the template wrote more than 8 MB", ""},
		{"a long but finite range", "# R\n\n{{ range 1000 }}ord {{ end }}\n", 50 * time.Millisecond, "", ""},
		{"a range that never ends in a partial", "# R\n\n{{ del \"fakta\" . }}\n", 50 * time.Millisecond, "_fakta.tjansteskrivelse.md.tmpl:1:10: the template ran for more than 50ms", "{{ range 10000000000 }}{{ end }}"},
		{"a partial that fills memory", "# R\n\n{{ del \"fakta\" . }}\n", time.Minute, "the template wrote more than 8 MB", "{{ range 1000000000 }}ord {{ end }}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "tjansteskrivelse.md.tmpl"), []byte(tt.body), 0o644))
			if tt.partial != "" {
				require.NoError(t, os.WriteFile(filepath.Join(dir, "_fakta.tjansteskrivelse.md.tmpl"), []byte(tt.partial), 0o644))
			}
			c := newComposer(t, WithTemplateDir(dir), WithTimeLimit(tt.limit))
			in := fixture(t, testdata("tjansteskrivelse.yaml"))
			d, ds := c.Compose(in)
			if tt.want == "" {
				require.False(t, ds.HasErrors(), ds.Error())
				require.NotNil(t, d)
				return
			}
			require.True(t, ds.HasErrors())
			assert.Nil(t, d)
			assert.Contains(t, ds.Error(), tt.want)
			assert.NotContains(t, ds.Error(), "_tick", "the message names no function of underlag's own")
		})
	}
}

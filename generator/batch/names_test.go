package batch

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Source names that Windows or CI artifact stores reject are refused at
// the file, and the other documents are built (issue 23, finding 10).
func TestPortableNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string // under data/
		want string // "" for built
	}{
		{"memo.yaml", ""},
		{"sub/memo-2.yaml", ""},
		{"a:b.yaml", `holds ':', which Windows and CI artifact stores do not take`},
		{"stjärna*.yaml", `holds '*'`},
		{"fråga?.yaml", `holds '?'`},
		{"citat\".yaml", `holds '"'`},
		{"mindre<.yaml", `holds '<'`},
		{"större>.yaml", `holds '>'`},
		{"rör|.yaml", `holds '|'`},
		{"rad\nbrytning.yaml", "holds a line break"},
		{"CON.yaml", `is CON, a device name on Windows`},
		{"nul.yaml", `is NUL, a device name on Windows`},
		{"com1.yaml", `is COM1, a device name on Windows`},
		{"LPT9.yaml", `is LPT9`},
		{"punkt..yaml", "ends in a dot or a space"},
		{"aux/memo.yaml", `the name "aux" is AUX`},
		{strings.Repeat("l", 240) + ".yaml", "is too long for a file system (240 bytes; the limit is 225"},
		{strings.Repeat("l", 225) + ".yaml", ""},
	}
	files := map[string]string{"organisation.yaml": org}
	for _, tt := range tests {
		files[tt.file] = memo2
	}
	data, out := tree(t, files)
	_, c := run(t, newFake(t), Options{Paths: []string{data}, Out: out, Formats: []string{"md"}})
	byFile := map[string]*Result{}
	for _, r := range c.results {
		byFile[strings.TrimPrefix(r.Source, strings.ReplaceAll(data, `\`, "/")+"/")] = r
	}
	for _, tt := range tests {
		r := byFile[tt.file]
		require.NotNil(t, r, "%q was not built nor refused", tt.file)
		if tt.want == "" {
			assert.Equal(t, Built, r.Status, "%q: %s", tt.file, r.Diagnostics.Error())
			continue
		}
		assert.Equal(t, Failed, r.Status, tt.file)
		assert.Contains(t, r.Diagnostics.Error(), tt.want, tt.file)
	}
}

// A document whose build panics fails alone: the others are built and the
// process goes on (issue 23, "a process that never dies for one
// document").
func TestPanicFailsOneDocument(t *testing.T) {
	t.Parallel()
	panicky := strings.Replace(memo2, "titel: Annan", "titel: PANIC", 1)
	docs := map[string]string{"a.yaml": memo2, "b.yaml": panicky, "c.yaml": memo2}
	files := map[string]string{"organisation.yaml": org}
	for f, c := range docs {
		files[f] = c
	}
	data, out := tree(t, files)
	s, c := run(t, newFake(t), Options{Paths: []string{data}, Out: out, Formats: []string{"md"}})
	st := c.statuses()
	assert.Equal(t, Failed, st["b.yaml"])
	assert.Contains(t, c.diagnostics().Error(), "internal error while building this document")
	built := 0
	for _, v := range st {
		if v == Built {
			built++
		}
	}
	assert.Equal(t, len(docs)-1, built)
	assert.False(t, s.OK())
}

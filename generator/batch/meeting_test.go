package batch_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/batch"
)

// A meeting's products are made again only when what they show changed:
// a changed memo makes the meeting's packet again and leaves the protocol
// and its extracts; a changed outcome of one item makes the protocol and
// that item's extract again, and leaves the packet and the other extracts
// as they were (the same files, not rewritten).
func TestMeetingIncremental(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("../../data/sammantraden"); err != nil {
		t.Skip("no example meeting")
	}
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "out")
	copyDir(t, "../../data", data)
	meeting := filepath.Join(data, "sammantraden", "hsn-2024-12-10.yaml")

	// build builds the meeting and returns its outputs by key, with the
	// time each file was last written.
	type file struct {
		sum   string
		mtime time.Time
	}
	paths := map[string]string{}
	build := func() (*batch.Summary, map[string]file) {
		t.Helper()
		p, err := newPipeline(t, "test")
		require.NoError(t, err)
		var rs results
		s, err := batch.Run(context.Background(), p, batch.Options{Paths: []string{meeting}, Out: out, Formats: formats(t), Observer: &rs})
		require.NoError(t, err)
		require.True(t, s.OK(), "%v", rs.diagnostics())
		files := map[string]file{}
		for _, o := range rs[0].Outputs {
			st, err := os.Stat(o.Path)
			require.NoError(t, err)
			files[o.Format] = file{o.SHA256, st.ModTime()}
			paths[o.Format] = o.Path
		}
		return s, files
	}
	s, first := build()
	require.Equal(t, 1, s.Built)
	require.Contains(t, first, "handlingar.pdf")
	require.Contains(t, first, "protokoll.pdf")
	s, _ = build()
	assert.Equal(t, 1, s.Skipped, "nothing changed")

	// A memo's text changes: the packet is made again; the protocol and
	// the extracts, which show only the memo's title and case number,
	// stay.
	edit(t, filepath.Join(data, "tjansteskrivelse-hsn-1311-2024.yaml"), "sex kontrollmoment", "sju kontrollmoment")
	s, second := build()
	assert.Equal(t, 1, s.Built)
	assert.NotEqual(t, first["handlingar.pdf"].sum, second["handlingar.pdf"].sum, "the packet shows the memo")
	for k, f := range first {
		if strings.HasPrefix(k, "protokoll.") || strings.HasPrefix(k, "paragraf-") {
			assert.Equal(t, f, second[k], "%s is not written again", k)
		}
	}

	// One item's outcome changes (§ 109's decision, item 6): the
	// protocol and that extract are made again; the packet and every
	// other extract stay.
	edit(t, meeting, "beslut: Informationen noteras.", "beslut: Informationen noteras och läggs till handlingarna.")
	s, third := build()
	assert.Equal(t, 1, s.Built)
	changed := []string{"protokoll.pdf", "protokoll.docx", "paragraf-109.pdf", "paragraf-109.docx"}
	for _, k := range changed {
		assert.NotEqual(t, second[k].sum, third[k].sum, "%s shows the decision", k)
	}
	kept := 0
	for k, f := range second {
		if strings.HasPrefix(k, "paragraf-") && !strings.HasPrefix(k, "paragraf-109.") || k == "handlingar.pdf" {
			assert.Equal(t, f, third[k], "%s is not written again", k)
			kept++
		}
	}
	assert.Positive(t, kept)

	// An item taken off the agenda: its extract is removed with the
	// outputs of the build before.
	b, err := os.ReadFile(meeting)
	require.NoError(t, err)
	text := string(b)
	start, end := strings.Index(text, "  - rubrik: Delegationsbeslut"), strings.Index(text, "närvaro:")
	require.True(t, start > 0 && end > start)
	require.NoError(t, os.WriteFile(meeting, []byte(text[:start]+text[end:]), 0o644))
	last := paths["paragraf-110.pdf"]
	require.FileExists(t, last)
	s, fourth := build()
	assert.Equal(t, 1, s.Built)
	assert.NotContains(t, fourth, "paragraf-110.pdf")
	assert.NoFileExists(t, last)

	// An extract that was deleted is made again.
	gone := paths["paragraf-104.pdf"]
	require.NoError(t, os.Remove(gone))
	s, _ = build()
	assert.Equal(t, 1, s.Built)
	assert.FileExists(t, gone)
}

// edit replaces old with new in a file, once; old must be there.
func edit(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(b), old)
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644))
}

package batch_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/internal/pdffixture"
)

// withoutPacket are the outputs of the formats built, without a memo's
// packet.
func withoutPacket(outs []batch.Output) []batch.Output {
	var o []batch.Output
	for _, x := range outs {
		if x.Format != batch.PacketOutput {
			o = append(o, x)
		}
	}
	return o
}

// outputsOf are a result's outputs by format, with their sha256.
func outputsOf(rs results, base string) map[string]string {
	m := map[string]string{}
	for _, r := range rs {
		if filepath.Base(r.Source) == base {
			for _, o := range r.Outputs {
				m[o.Format] = o.SHA256
			}
		}
	}
	return m
}

// The example memo gets its packet beside its PDF; a changed attachment
// makes the packet again and nothing else; a broken one fails the memo
// with an error at its line and leaves no packet.
func TestBuildPacket(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "out")
	copyDir(t, "../../data", data)
	// The example meetings depend on the memos and make documents of
	// their own; meeting_test.go builds them.
	require.NoError(t, os.RemoveAll(filepath.Join(data, "sammantraden")))
	const memo = "tjansteskrivelse-hsn-1203-2024.yaml"
	handling := filepath.Join(out, "tjansteskrivelse-hsn-1203-2024-handling.pdf")
	var rs results
	run := func(formats ...string) *batch.Summary {
		t.Helper()
		st, err := newPipeline(t, "test")
		require.NoError(t, err)
		rs = nil
		s, err := batch.Run(context.Background(), st, batch.Options{Paths: []string{data}, Out: out, Formats: formats, Observer: &rs})
		require.NoError(t, err)
		return s
	}
	s := run("pdf", "docx")
	require.True(t, s.OK(), "%v", rs.diagnostics())
	first := outputsOf(rs, memo)
	require.Contains(t, first, batch.PacketOutput)
	assert.FileExists(t, handling)
	assert.Len(t, first, 3)
	for _, r := range rs {
		if filepath.Base(r.Source) != memo {
			assert.Len(t, r.Outputs, 2, "only a memo with attachments has a packet: %s", r.Source)
		}
	}
	warned := false
	for _, d := range rs.diagnostics() {
		warned = warned || strings.Contains(d, memo+":90:10: warning: beslutsunderlag[2].fil: Bilaga 2: bilagor/avtal-samverkan-nara-vard.pdf is not tagged")
	}
	assert.True(t, warned, "the untagged PDF is named: %v", rs.diagnostics())

	assert.Equal(t, 0, run("pdf", "docx").Built, "nothing changed")

	// A new version of the agreement: the packet is made again, the
	// memo's own PDF and DOCX stay as they were, and the directive, which
	// does not depend on it, is skipped.
	avtal := filepath.Join(data, "bilagor", "avtal-samverkan-nara-vard.pdf")
	require.NoError(t, os.WriteFile(avtal, pdffixture.PDF("Avtal, version 2", pdffixture.Page{Lines: []string{"Avtal, version 2"}}), 0o644))
	s = run("pdf", "docx")
	require.True(t, s.OK(), "%v", rs.diagnostics())
	assert.Equal(t, 1, s.Built)
	second := outputsOf(rs, memo)
	assert.Equal(t, first["pdf"], second["pdf"])
	assert.Equal(t, first["docx"], second["docx"])
	assert.NotEqual(t, first[batch.PacketOutput], second[batch.PacketOutput])

	// A change to the directive makes the directive and the packet again,
	// but not the memo's own outputs.
	touch(t, filepath.Join(data, "uppdragsdirektiv-nara-vard-2025.yaml"))
	s = run("pdf", "docx")
	require.True(t, s.OK(), "%v", rs.diagnostics())
	third := outputsOf(rs, memo)
	assert.Equal(t, second["pdf"], third["pdf"])
	assert.Equal(t, second["docx"], third["docx"])

	// A packet that was deleted is made again.
	require.NoError(t, os.Remove(handling))
	assert.Equal(t, 1, run("pdf", "docx").Built)
	assert.FileExists(t, handling)

	// Only DOCX: no packet is made, and the one there stays.
	assert.Equal(t, 0, run("docx").Built)
	assert.FileExists(t, handling)

	// An attachment that is not a PDF: the memo fails at the line of its
	// fil, and neither its packet nor its PDF is left.
	require.NoError(t, os.WriteFile(avtal, []byte("not a PDF at all"), 0o644))
	s = run("pdf", "docx")
	assert.Equal(t, 1, s.Failed)
	assert.NoFileExists(t, handling)
	assert.NoFileExists(t, filepath.Join(out, "tjansteskrivelse-hsn-1203-2024.pdf"))
	found := false
	for _, d := range rs.diagnostics() {
		found = found || strings.Contains(d, memo+":90:10: beslutsunderlag[2].fil: Bilaga 2: bilagor/avtal-samverkan-nara-vard.pdf is not a PDF file")
	}
	assert.True(t, found, "%v", rs.diagnostics())
}

package batch_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/internal/pdffixture"
)

// A memo with attachments also gets its packet as one web page when HTML
// is built, beside its HTML, linking to the attached PDF; it is made
// again when an attachment changes, and stays when HTML is not built.
func TestBuildHTMLPacket(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "out")
	copyDir(t, "../../data", data)
	const memo = "tjansteskrivelse-hsn-1203-2024.yaml"
	page := filepath.Join(out, "tjansteskrivelse-hsn-1203-2024-handling.html")
	pdfPacket := filepath.Join(out, "tjansteskrivelse-hsn-1203-2024-handling.pdf")
	var rs results
	run := func(formats ...string) *batch.Summary {
		t.Helper()
		st, err := newPipeline(t, "test")
		require.NoError(t, err)
		rs = nil
		s, err := batch.Run(context.Background(), st, batch.Options{Paths: []string{data}, Out: out, Formats: formats, Observer: &rs})
		require.NoError(t, err)
		require.True(t, s.OK(), "%v", rs.diagnostics())
		return s
	}

	run("html")
	first := outputsOf(rs, memo)
	assert.Equal(t, []string{"handling-html", "html"}, keys(first))
	assert.NoFileExists(t, pdfPacket, "no PDF packet when PDF is not built")
	b, err := os.ReadFile(page)
	require.NoError(t, err)
	assert.Contains(t, string(b), `<a href="../data/bilagor/avtal-samverkan-nara-vard.pdf" type="application/pdf">`)

	assert.Equal(t, 0, run("html").Built, "nothing changed")

	// A new version of the agreement makes the packet again (it links to
	// the file, so its bytes stay), not the memo's own page.
	avtal := filepath.Join(data, "bilagor", "avtal-samverkan-nara-vard.pdf")
	require.NoError(t, os.WriteFile(avtal, pdffixture.PDF("Avtal, version 2", pdffixture.Page{Lines: []string{"Avtal, version 2"}}), 0o644))
	assert.Equal(t, 1, run("html").Built)
	assert.Equal(t, first["html"], outputsOf(rs, memo)["html"])

	// Both formats: both packets.
	run("pdf", "html")
	assert.Equal(t, []string{batch.PacketOutput, batch.PacketHTMLOutput, "html", "pdf"}, keys(outputsOf(rs, memo)))

	// A deleted page is made again; when HTML is not built, it stays.
	require.NoError(t, os.Remove(page))
	assert.Equal(t, 1, run("pdf", "html").Built)
	assert.FileExists(t, page)
	assert.Equal(t, 0, run("pdf").Built)
	assert.FileExists(t, page)
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

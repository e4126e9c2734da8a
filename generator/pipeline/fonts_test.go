package pipeline_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/internal/testenv"
)

// openFonts takes every embedded TrueType font out of the PDFs given
// (pikepdf) and opens it with fontTools, reading every table and the
// Unicode cmap; it prints one line per font that fails, and the count.
const openFonts = `
import io, sys, pikepdf
from fontTools.ttLib import TTFont
n = 0
for path in sys.argv[1:]:
    pdf = pikepdf.open(path)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get('/Type') == '/FontDescriptor' and '/FontFile2' in obj:
            n += 1
            try:
                f = TTFont(io.BytesIO(obj.FontFile2.read_bytes()))
                for tag in f.keys():
                    f[tag]
                f['cmap'].getBestCmap()
            except Exception as e:
                print('FAIL', path, obj.FontName, type(e).__name__, e)
print('fonts', n)
`

// TestEmbeddedFontsOpen renders the example data to PDF, packets too, and
// checks that fontTools opens every font the files embed: a strict reader
// refused the regular face while its cmap declared an odd length.
func TestEmbeddedFontsOpen(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts Python: not with -short")
	}
	testenv.NeedTool(t, testenv.SystemPython)
	if out, err := exec.Command(testenv.SystemPython, "-c", "import pikepdf; from fontTools.ttLib import TTFont").CombinedOutput(); err != nil {
		msg := "pikepdf or fontTools not installed for " + testenv.SystemPython + " (Debian: python3-pikepdf, python3-fonttools): " + string(out)
		if os.Getenv("CI") != "" {
			t.Fatal(msg + " (.ci/run installs them)")
		}
		t.Skip(msg)
	}
	f, ok := pipeline.PacketFormat()
	require.True(t, ok)
	p, err := pipeline.New(pipeline.Config{Version: "test", Formats: []pipeline.Format{f}})
	require.NoError(t, err)
	files, err := p.Find([]string{"../../data"})
	require.NoError(t, err)
	dir := t.TempDir()
	var pdfs []string
	for _, file := range files {
		if p.Registry(file) {
			continue
		}
		d, ds := p.Load(file)
		require.NotNil(t, d, "%s: %v", file, ds)
		tree, ds := p.Compose(d)
		require.NotNil(t, tree, "%s: %v", file, ds)
		out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+f.Ext)
		w, err := os.Create(out)
		require.NoError(t, err)
		_, err = p.Render(w, f.Name, tree)
		require.NoError(t, err)
		require.NoError(t, w.Close())
		pdfs = append(pdfs, out)
		if pk, ds := p.Packet(d, tree); pk != nil {
			out := strings.TrimSuffix(out, f.Ext) + pipeline.PacketSuffix + f.Ext
			w, err := os.Create(out)
			require.NoError(t, err)
			_, err = pk.Render(w)
			require.NoError(t, err)
			require.NoError(t, w.Close())
			pdfs = append(pdfs, out)
		} else {
			require.False(t, ds.HasErrors(), "%s: %v", file, ds)
		}
	}
	require.NotEmpty(t, pdfs, "the example data has documents")
	out := testenv.Run(t, testenv.SystemPython, append([]string{"-c", openFonts}, pdfs...)...)
	require.NotContains(t, out, "FAIL", out)
	require.NotContains(t, out, "fonts 0\n", "the PDFs embed fonts")
}

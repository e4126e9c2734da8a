package pdf

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// figures prints, as JSON, every Figure of the structure tree with its
// Alt.
const figures = `
import json, sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
out = []
def walk(e):
    e = e.get_object()
    if e.get("/S") == "/Figure":
        out.append(str(e.get("/Alt", "")))
    k = e.get("/K")
    if k is None:
        return
    for c in (k if isinstance(k, list) else [k]):
        c = c.get_object() if hasattr(c, "get_object") else c
        if isinstance(c, dict) and "/S" in c:
            walk(c)
walk(r.trailer["/Root"]["/StructTreeRoot"])
print(json.dumps(out))
`

// A timeline is drawn as vectors: no image anywhere in the file, its
// texts are text, and it is one Figure whose Alt is the timeline's.
func TestTimelineIsVector(t *testing.T) {
	t.Parallel()
	path, _, n := render(t, doctest.Timeline())
	require.Equal(t, 1, n)
	var got []string
	require.NoError(t, json.Unmarshal([]byte(testenv.Run(t, testenv.NeedPypdf(t), "-c", figures, path)), &got))
	assert.Equal(t, []int{0}, testenv.ImagesPerPage(t, path), "no image XObject")
	assert.Equal(t, []string{doctest.TimelineAlt}, got)
	// The chart's words are text a reader can find and copy: the axis's
	// Swedish months, the labels and the notes.
	testenv.AssertInOrder(t, testenv.PDFPages(t, path)[0], "2025", "jan", "maj", "okt", "DA1", "Gemensam plan", "Klar",
		"DA2", "Försenad", "BP3", "Rapportdatum 2025-11-15", "Planerat", "Prognos", "Utfall", "Figur 1.")
	testenv.Run(t, "qpdf", "--check", path)
}

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
// Alt, and the images (image XObjects, also inside form XObjects) each
// page draws.
const figures = `
import json, sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
def images(res, seen):
    n = 0
    res = res.get_object() if res is not None else None
    xo = res.get("/XObject") if res is not None else None
    if xo is None:
        return 0
    xo = xo.get_object()
    for k in xo:
        o = xo[k].get_object()
        if id(o) in seen:
            continue
        seen.add(id(o))
        if o.get("/Subtype") == "/Image":
            n += 1
        elif o.get("/Subtype") == "/Form":
            n += images(o.get("/Resources"), seen)
    return n
out = {"images": [images(p.get("/Resources"), set()) for p in r.pages], "figures": []}
def walk(e):
    e = e.get_object()
    if e.get("/S") == "/Figure":
        out["figures"].append(str(e.get("/Alt", "")))
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
	var got struct {
		Images  []int
		Figures []string
	}
	require.NoError(t, json.Unmarshal([]byte(testenv.Run(t, testenv.NeedPypdf(t), "-c", figures, path)), &got))
	assert.Equal(t, []int{0}, got.Images, "no image XObject")
	assert.Equal(t, []string{doctest.TimelineAlt}, got.Figures)
	// The chart's words are text a reader can find and copy: the axis's
	// Swedish months, the labels and the notes.
	testenv.AssertInOrder(t, testenv.PDFPages(t, path)[0], "2025", "jan", "maj", "okt", "DA1", "Gemensam plan", "Klar",
		"DA2", "Försenad", "BP3", "Rapportdatum 2025-11-15", "Planerat", "Prognos", "Utfall", "Figur 1.")
	testenv.Run(t, "qpdf", "--check", path)
}

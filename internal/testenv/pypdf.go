package testenv

import (
	"encoding/json"
	"os/exec"
	"sync"
	"testing"
)

// OutlineItem is one entry of a PDF's outline as pypdf reads it: its depth
// (0 at the top), its title and the number of the page it goes to (1 for
// the first).
type OutlineItem struct {
	Level int    `json:"level"`
	Title string `json:"title"`
	Page  int    `json:"page"`
}

// readOutline prints a JSON list of OutlineItem for the file in argv.
const readOutline = `
import json, sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
out = []
def walk(items, level):
    for it in items:
        if isinstance(it, list):
            walk(it, level + 1)
        else:
            out.append({"level": level, "title": it.title, "page": r.get_destination_page_number(it) + 1})
walk(r.outline, 0)
print(json.dumps(out))
`

var pypdf = sync.OnceValue(func() error {
	return exec.Command(SystemPython, "-c", "import pypdf").Run()
})

// NeedPypdf checks that pypdf is installed for SystemPython and returns
// SystemPython.
func NeedPypdf(t testing.TB) string {
	t.Helper()
	NeedTool(t, SystemPython)
	if err := pypdf(); err != nil {
		missing(t, "pypdf not installed for "+SystemPython+" (Debian: python3-pypdf)")
	}
	return SystemPython
}

// Outline reads a PDF's outline with pypdf, flattened in reading order.
func Outline(t testing.TB, path string) []OutlineItem {
	t.Helper()
	var items []OutlineItem
	pypdfJSON(t, readOutline, path, &items)
	return items
}

// pypdfJSON runs a pypdf script on path and reads the JSON it prints into v.
func pypdfJSON(t testing.TB, script, path string, v any) {
	t.Helper()
	out := Run(t, NeedPypdf(t), "-c", script, path)
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("pypdf: %v\n%s", err, out)
	}
}

// countImages prints, as a JSON list, how many images (image XObjects,
// also inside form XObjects, each counted once) each page of the file in
// argv draws.
const countImages = `
import json, sys, pypdf
def images(res, seen):
    res = res.get_object() if res is not None else None
    xo = res.get("/XObject") if res is not None else None
    if xo is None:
        return 0
    n = 0
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
print(json.dumps([images(p.get("/Resources"), set()) for p in pypdf.PdfReader(sys.argv[1]).pages]))
`

// ImagesPerPage reads with pypdf how many images each page of a PDF
// draws: 0 on a page whose pictures are all vectors.
func ImagesPerPage(t testing.TB, path string) []int {
	t.Helper()
	var n []int
	pypdfJSON(t, countImages, path, &n)
	return n
}

package examplecheck_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/internal/testenv"
)

var updateDocs = flag.Bool("update-docs", false, "write the pictures of the example timelines into docs/")

// TestTimelineFigures builds the examples that draw a timeline to PDF and
// DOCX and checks that each shows its figure on the same page in both:
// in the PDF as vectors (no image on its page; its legend is text), in
// LibreOffice's rendering of the DOCX as its vector picture, in the same
// colours, beside the same caption. With -update-docs it writes a picture of each PDF page into
// docs/ (docs/timeline.md shows them).
func TestTimelineFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the examples and runs LibreOffice")
	}
	testenv.NeedTool(t, "pdftotext", "pdftoppm")
	testenv.NeedPypdf(t) // before the builds, so that a missing pypdf skips at once
	p, err := pipeline.New(pipeline.Config{Version: "test"})
	require.NoError(t, err)
	root := testenv.RepoRoot(t)
	examples := []struct{ file, picture string }{
		{"data/uppdragsdirektiv-nara-vard-2025.yaml", "timeline-direktiv.png"},
		{"data/statusrapport-nara-vard-2025-11-15.yaml", "timeline-statusrapport.png"},
		{"data/exempelby/klf/projektbestallning-e-arkiv.yaml", "timeline-projektbestallning.png"},
	}
	out := t.TempDir()
	type built struct {
		caption, legend string
		alt             string
		pdf, docx       string
		picture         string
	}
	var bs []built
	var docxs []string
	for i, ex := range examples {
		d, ds := p.Load(filepath.Join(root, ex.file))
		require.False(t, ds.HasErrors(), "%s: %v", ex.file, ds)
		tree, ds := p.Compose(d)
		require.False(t, ds.HasErrors(), "%s: %v", ex.file, ds)
		b := built{picture: ex.picture}
		for j, bl := range tree.Blocks {
			if tl, ok := bl.(*doc.Timeline); ok {
				b.alt = tl.Alt
				b.caption = doc.Plain(tree.Blocks[j+1].(*doc.Paragraph).Text)
				b.legend = tl.Legend[len(tl.Legend)-1].Text
			}
		}
		require.NotEmpty(t, b.alt, "%s has a timeline", ex.file)
		name := strconv.Itoa(i)
		for _, f := range []string{"pdf", "docx"} {
			var buf bytes.Buffer
			_, err := p.Render(&buf, f, tree)
			require.NoError(t, err)
			path := filepath.Join(out, name+"."+f)
			require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			if f == "pdf" {
				b.pdf = path
			} else {
				b.docx = path
				docxs = append(docxs, path)
			}
		}
		bs = append(bs, b)
	}
	lo := filepath.Join(out, "libreoffice")
	testenv.LibreOffice(t, "pdf", lo, docxs...)
	for _, b := range bs {
		ours := testenv.PDFPages(t, b.pdf)
		theirs := testenv.PDFPages(t, filepath.Join(lo, strings.TrimSuffix(filepath.Base(b.docx), ".docx")+".pdf"))
		page := pageOf(ours, b.caption)
		require.NotZero(t, page, "caption %q in the PDF", b.caption)
		assert.Contains(t, testenv.Squash(ours[page-1]), b.legend, "%s: the chart's legend is text on the caption's page", b.caption)
		assert.Equal(t, page, pageOf(theirs, b.caption), "%s: the figure's page in the PDF and in LibreOffice's rendering of the DOCX", b.caption)

		loPDF := filepath.Join(lo, strings.TrimSuffix(filepath.Base(b.docx), ".docx")+".pdf")
		assert.Zero(t, testenv.ImagesPerPage(t, b.pdf)[page-1], "%s: the PDF draws the chart as vectors", b.caption)
		// The DOCX's picture is vector too (an EMF), which LibreOffice
		// draws as paths: it is seen in the page's colours. Every colour
		// on a good part of the PDF's page (the chart's bars, diamonds
		// and dots) covers about as much of LibreOffice's.
		pdfColours := pageColours(t, b.pdf, page, filepath.Join(out, "ours"))
		loColours := pageColours(t, loPDF, page, filepath.Join(out, "theirs"))
		seen := 0
		for c, n := range pdfColours.byRGB {
			if n < pdfColours.pixels/5000 {
				continue
			}
			seen++
			assert.GreaterOrEqual(t, loColours.count(c), n/2, "%s: colour %v on %d pixels of the PDF's page, %d of LibreOffice's", b.caption, c, n, loColours.count(c))
		}
		assert.Positive(t, seen, "%s: the chart has colours", b.caption)
		t.Logf("%s: page %d in the PDF and in LibreOffice's PDF of the DOCX", b.caption, page)

		if *updateDocs {
			prefix := filepath.Join(out, "page")
			testenv.Run(t, "pdftoppm", "-png", "-r", "70", "-singlefile", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), b.pdf, prefix)
			png, err := os.ReadFile(prefix + ".png")
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(root, "docs", b.picture), png, 0o644))
		}
		_, err := os.Stat(filepath.Join(root, "docs", b.picture))
		assert.NoError(t, err, "docs/%s: run go test ./internal/examplecheck -run TestTimelineFigures -update-docs", b.picture)
	}
}

// colours counts the pixels of each colour, other than greys, on a page.
type colours struct {
	byRGB  map[[3]byte]int
	pixels int
}

func (c colours) count(rgb [3]byte) int { return c.byRGB[rgb] }

// pageColours renders one page of a PDF at 50 dpi (pdftoppm's PPM) and
// counts its colours.
func pageColours(t *testing.T, pdf string, page int, prefix string) colours {
	t.Helper()
	p := strconv.Itoa(page)
	testenv.Run(t, "pdftoppm", "-r", "50", "-singlefile", "-f", p, "-l", p, pdf, prefix)
	b, err := os.ReadFile(prefix + ".ppm")
	require.NoError(t, err)
	// P6, width, height, maxval, each after white space; then the pixels.
	var w, h, maxval int
	fields := bytes.Fields(b[:min(len(b), 40)])
	require.GreaterOrEqual(t, len(fields), 4, "a PPM header")
	require.Equal(t, "P6", string(fields[0]))
	w, _ = strconv.Atoi(string(fields[1]))
	h, _ = strconv.Atoi(string(fields[2]))
	maxval, _ = strconv.Atoi(string(fields[3]))
	require.Equal(t, 255, maxval)
	data := b[len(b)-3*w*h:]
	c := colours{byRGB: map[[3]byte]int{}, pixels: w * h}
	for i := 0; i+2 < len(data); i += 3 {
		if data[i] != data[i+1] || data[i+1] != data[i+2] {
			c.byRGB[[3]byte{data[i], data[i+1], data[i+2]}]++
		}
	}
	return c
}

package pdf_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pdf"
	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

var shared = sync.OnceValues(func() (*pdf.Renderer, error) { return pdf.New(style.Default()) })

// examples renders the example documents in data/ to PDF through the
// pipeline, as a build does.
func examples(t *testing.T) map[string][]byte {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{Version: "test", Formats: []pipeline.Format{mustFormat(t, "pdf")}})
	require.NoError(t, err)
	files, err := filepath.Glob(filepath.Join(testenv.RepoRoot(t), "data", "*-*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out := map[string][]byte{}
	for _, f := range files {
		d, ds := p.Load(f)
		require.False(t, ds.HasErrors(), "%s: %v", f, ds)
		tree, ds := p.Compose(d)
		require.False(t, ds.HasErrors(), "%s: %v", f, ds)
		var buf bytes.Buffer
		_, err := p.Render(&buf, "pdf", tree)
		require.NoError(t, err, f)
		out[filepath.Base(f)] = buf.Bytes()
	}
	return out
}

func mustFormat(t *testing.T, name string) pipeline.Format {
	f, err := pipeline.LookupFormat(name)
	require.NoError(t, err)
	return f
}

// imagesDoc is a document with a link, a JPEG, a PNG with transparency
// (in the body and as the logo) and a CMYK JPEG.
func imagesDoc(t *testing.T) *doc.Document {
	m := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		for y := 0; y < 20; y++ {
			m.Set(x, y, color.NRGBA{0, 70, 140, uint8(100 + 3*x)})
		}
	}
	var pngData, jpgData bytes.Buffer
	require.NoError(t, png.Encode(&pngData, m))
	require.NoError(t, jpeg.Encode(&jpgData, m, nil))
	cmyk, err := os.ReadFile(filepath.Join("testdata", "cmyk.jpg"))
	require.NoError(t, err)
	d := &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{
		&doc.Heading{Level: 0, Text: []doc.Inline{doc.Text("Bilder och länkar")}},
		&doc.Paragraph{Text: []doc.Inline{doc.Text("Se "), {Text: "regionens webbplats om nära vård, som har en lång adress", Link: "https://www.regionvasterbotten.se/nara-vard"}, doc.Text(" och "), {Text: "Northern Sami: Sámegiella", Lang: "se"}, doc.Text(". Ej i typsnitten: 中文 🙂 שלום, osynliga: a\u200db\x07.")}},
		&doc.Image{Data: jpgData.Bytes(), Format: "jpeg", Alt: "Diagram i JPEG", Width: 60},
		&doc.Image{Data: pngData.Bytes(), Format: "png", Alt: "Diagram med genomskinlighet", Width: 60},
		&doc.Image{Data: cmyk, Format: "jpeg", Alt: "Diagram i CMYK", Width: 40},
	}}
	d.Meta.Logo = &doc.Image{Data: pngData.Bytes(), Format: "png", Alt: "Logotyp"}
	return d
}

// TestConformance runs the structural checker, qpdf and pdfcpu's strict
// validation on every example document and on the test documents.
func TestConformance(t *testing.T) {
	t.Parallel()
	r, err := shared()
	require.NoError(t, err)
	files := examples(t)
	for name, d := range map[string]*doc.Document{
		"all": doctest.All(), "long": doctest.LongTable(60), "images": imagesDoc(t), "empty": {},
	} {
		var buf bytes.Buffer
		require.NoError(t, r.Render(&buf, d), name)
		files[name] = buf.Bytes()
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			vs, err := conformance(data)
			require.NoError(t, err)
			for _, v := range vs {
				t.Error(v)
			}
			path := filepath.Join(t.TempDir(), "x.pdf")
			require.NoError(t, os.WriteFile(path, data, 0o644))
			testenv.Run(t, "qpdf", "--check", path)
			assert.NoError(t, pdfcpuStrict(path))
		})
	}
}

// pdfcpuStrict validates a file with pdfcpu in strict mode. pdfcpu
// rejects one thing PDF/A-3 requires (see docs/pdf.md): AFRelationship,
// which it knows only from PDF 2.0, in a PDF 1.7 file. Strict mode stops
// at the first error, so the entry is blanked out, byte for byte so that
// the cross-reference table still holds, and the rest of the file is
// validated strictly.
func pdfcpuStrict(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	const af = "/AFRelationship/Source"
	data = bytes.ReplaceAll(data, []byte(af), bytes.Repeat([]byte(" "), len(af)))
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	return api.Validate(bytes.NewReader(data), conf)
}

// TestCheckerCatches makes sure the checker is not blind: files broken on
// purpose fail the rules they break.
func TestCheckerCatches(t *testing.T) {
	t.Parallel()
	r, err := shared()
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, r.Render(&buf, doctest.All()))
	good := buf.Bytes()
	for _, tc := range []struct {
		rule     string
		old, new string
	}{
		{"PDF/A 6.6.4", "<pdfaid:part>3</pdfaid:part>", "<pdfaid:part>2</pdfaid:part>"},
		{"UA 06-002", "<pdfuaid:part>1</pdfuaid:part>", "<pdfuaid:part>0</pdfuaid:part>"},
		{"UA 07-001", "/DisplayDocTitle true", "/DisplayDocTitle fals"},
		{"UA 15-003", "/Scope/Column", "/Scope/Colum0"},
		{"PDF/A 6.3.2", "/F 4/Border", "/F 6/Border"},
		{"PDF/A 6.6.2.3", "<pdf:Producer>underlag test", "<pdf:Producer>underlag tesT"},
		{"UA 01-005", "/MCID 0>>", "/MCID 9>>"},
		{"UA 28-011", "/S/Link", "/S/Span"},
		{"PDF/A 6.8", "/AFRelationship/Source", "/AFRelationshi/Source"},
	} {
		bad := bytes.Replace(good, []byte(tc.old), []byte(tc.new), 1)
		require.False(t, bytes.Equal(good, bad), tc.rule)
		vs, err := conformance(bad)
		require.NoError(t, err, tc.rule)
		found := false
		for _, v := range vs {
			found = found || v.rule == tc.rule
		}
		assert.True(t, found, "%s not caught; got %v", tc.rule, vs)
	}
}

package pipeline

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/internal/testenv"
)

// referenceDocx makes an organisation's Word template from underlag's own
// DOCX: Heading 1 at 20 pt in dark red, the body in Georgia.
func referenceDocx(t *testing.T, p *Pipeline, src string) string {
	t.Helper()
	d, diags := p.Load(src)
	require.False(t, diags.HasErrors(), "%v", diags)
	tree, diags := p.Compose(d)
	require.False(t, diags.HasErrors(), "%v", diags)
	var b bytes.Buffer
	_, err := p.Render(&b, "docx", tree)
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		if f.Name == "word/styles.xml" {
			s := string(data)
			h1 := regexp.MustCompile(`(<w:style w:type="paragraph" w:styleId="Heading1">.*?<w:rPr>)(.*?)(</w:rPr>)`)
			require.Regexp(t, h1, s)
			s = h1.ReplaceAllString(s, `${1}<w:b/><w:color w:val="C00000"/><w:sz w:val="40"/>${3}`)
			normal := regexp.MustCompile(`(<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?<w:rPr>)`)
			require.Regexp(t, normal, s)
			s = normal.ReplaceAllString(s, `${1}<w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/>`)
			data = []byte(s)
		}
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(data)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	path := filepath.Join(t.TempDir(), "mall.docx")
	require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
	return path
}

// contentStreams inflates every Flate stream of a PDF, which is where the
// pages' drawing operators are.
func contentStreams(t *testing.T, pdf []byte) string {
	t.Helper()
	var all strings.Builder
	re := regexp.MustCompile(`(?s)/FlateDecode[^>]*>>\s*stream\r?\n(.*?)endstream`)
	for _, m := range re.FindAllSubmatch(pdf, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(zr)
		all.Write(b)
	}
	return all.String()
}

// An organisation's Word template sets the look of the PDF too: a changed
// Heading 1 size and colour show in both formats, and a font the PDF cannot
// embed is said once, the PDF staying in Liberation Sans.
func TestReferenceDocxLooksInPDF(t *testing.T) {
	t.Parallel()
	src := filepath.Join(testenv.RepoRoot(t), "data", "uppdragsdirektiv-nara-vard-2025.yaml")
	plain, err := New(Config{Version: "test"})
	require.NoError(t, err)
	ref := referenceDocx(t, plain, src)

	p, err := New(Config{Version: "test", ReferenceDOCX: ref})
	require.NoError(t, err)
	require.Len(t, p.Notes(), 1)
	assert.Contains(t, p.Notes()[0], "font Georgia is not one the PDF can embed; the PDF uses Liberation Sans")
	assert.NotEqual(t, plain.Fingerprint(), p.Fingerprint(), "a build rebuilds when the template changes the look")

	d, diags := p.Load(src)
	require.False(t, diags.HasErrors())
	tree, _ := p.Compose(d)
	render := func(p *Pipeline, format string) []byte {
		var b bytes.Buffer
		_, err := p.Render(&b, format, tree)
		require.NoError(t, err)
		return b.Bytes()
	}
	before, after := contentStreams(t, render(plain, "pdf")), contentStreams(t, render(p, "pdf"))
	assert.NotContains(t, before, " 20 Tf ")
	assert.Contains(t, after, " 20 Tf ", "Heading 1 at the reference's 20 pt")
	assert.Contains(t, after, "0.753 0 0 rg", "and in its colour, C00000")

	docx := render(p, "docx")
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	require.NoError(t, err)
	for _, f := range zr.File {
		if f.Name == "word/styles.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			assert.Regexp(t, `w:styleId="Heading1">.*?<w:color w:val="C00000"/><w:sz w:val="40"/>`, string(b))
		}
	}
}

package docx

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// referenceDocx makes an organisation's template as a Swedish Word would
// save it: our own output with Heading 1 replaced by a style whose ID is
// Rubrik1, in another font and colour, on a Letter-sized page.
func referenceDocx(t *testing.T) string {
	t.Helper()
	r, err := New(style.Default())
	require.NoError(t, err)
	p := parts(t, render(t, r, imageDoc(t))) // with a logo in the header
	h1 := regexp.MustCompile(`<w:style w:type="paragraph" w:styleId="Heading1">.*?</w:style>`)
	require.Regexp(t, h1, p["word/styles.xml"])
	p["word/styles.xml"] = h1.ReplaceAllLiteralString(p["word/styles.xml"],
		`<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="DejaVu Serif" w:hAnsi="DejaVu Serif" w:cs="DejaVu Serif"/><w:b/><w:color w:val="C00000"/><w:sz w:val="32"/></w:rPr></w:style>`)
	p["word/document.xml"] = regexp.MustCompile(`<w:pgSz [^>]*/>`).ReplaceAllLiteralString(p["word/document.xml"], `<w:pgSz w:w="12240" w:h="15840"/>`)
	return zipParts(t, p)
}

func TestReference(t *testing.T) {
	t.Parallel()
	ref := referenceDocx(t)
	r, err := New(style.Default(), WithReference(ref))
	require.NoError(t, err)
	out := render(t, r, doctest.All())
	p := parts(t, out)
	assert.Contains(t, p["word/document.xml"], `<w:pStyle w:val="Rubrik1"/>`)
	assert.NotContains(t, p["word/document.xml"], `<w:pStyle w:val="Heading1"/>`)
	assert.Contains(t, p["word/document.xml"], `<w:pgSz w:w="12240" w:h="15840"/>`)
	assert.Contains(t, p["word/numbering.xml"], `<w:pStyle w:val="Rubrik1"/>`)
	assert.Contains(t, p["word/styles.xml"], `DejaVu Serif`)
	// The reference's header logo goes into the header of a document
	// without one of its own, and its footer is taken as it is.
	assert.Contains(t, p["word/header1.xml"], `descr="Logotyp"`)
	assert.Contains(t, p, "word/media/image1.png")
	assert.Contains(t, p["word/footer1.xml"], `Köksvägen 11`)
	assert.Equal(t, out, render(t, r, doctest.All()), "deterministic with a reference")

	f := filepath.Join(t.TempDir(), "out.docx")
	require.NoError(t, os.WriteFile(f, out, 0o644))
	res := testenv.ReadDocx(t, f)[0]
	assert.Equal(t, "DejaVu Serif", res.H1Font)
	assert.Equal(t, "C00000", res.H1Color)
	assert.Contains(t, res.Headings, [2]string{"Heading 1", "Bakgrund"})
}

func TestReferenceErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.docx")
	require.NoError(t, os.WriteFile(bad, []byte("not a zip"), 0o644))
	for _, path := range []string{filepath.Join(dir, "missing.docx"), bad} {
		_, err := New(style.Default(), WithReference(path))
		assert.ErrorContains(t, err, path)
	}
}

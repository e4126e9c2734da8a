package docx

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// The reference document holds every style and shows each by its name,
// and given back as a reference it changes nothing.
func TestWriteReference(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	require.NoError(t, WriteReference(&buf, style.Default()))
	p := parts(t, buf.Bytes())
	for _, s := range StyleNames() {
		assert.Contains(t, p["word/styles.xml"], `<w:name w:val="`+s.Name+`"/>`, "the styles part defines %s", s.Name)
	}
	for _, id := range []string{"Title", "Heading1", "Heading2", "Heading3", "ListBullet", "ListBullet2", "ListBullet3", "ListNumber", "ListNumber2", "ListNumber3", "ListContinue", "TableText", "TableHeading", "Caption", "FinePrint", "SignatureLabel"} {
		assert.Contains(t, p["word/document.xml"], `<w:pStyle w:val="`+id+`"/>`, "the document shows %s", id)
	}
	for _, id := range []string{"Hyperlink", "VerbatimChar", "StatusGreen", "StatusYellow", "StatusRed"} {
		assert.Contains(t, p["word/document.xml"], `<w:rStyle w:val="`+id+`"/>`, "the document shows %s", id)
	}
	assert.Contains(t, p["word/header1.xml"], "HeaderRight")

	f := filepath.Join(t.TempDir(), "referens.docx")
	require.NoError(t, os.WriteFile(f, buf.Bytes(), 0o644))
	r, err := New(style.Default(), WithReference(f))
	require.NoError(t, err)
	plain, err := New(style.Default())
	require.NoError(t, err)
	d := doctest.All()
	assert.Equal(t, parts(t, render(t, plain, d))["word/document.xml"], parts(t, render(t, r, d))["word/document.xml"],
		"underlag's own reference changes nothing")
}

// docs/word-styles.md lists every style the renderer uses.
func TestStyleNamesDocumented(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "docs", "word-styles.md"))
	require.NoError(t, err)
	for _, s := range StyleNames() {
		assert.Contains(t, string(b), "| "+s.Name+" |", "docs/word-styles.md has a row for %s", s.Name)
	}
}

// A reference document in another language (pandoc's says en-US) gives
// its styles, not its language: the text is Swedish.
func TestReferenceKeepsLanguage(t *testing.T) {
	t.Parallel()
	ref := referenceDocx(t)
	data, err := os.ReadFile(ref)
	require.NoError(t, err)
	p := parts(t, data)
	p["word/styles.xml"] = strings.Replace(p["word/styles.xml"], `<w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>`, `<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA" />`, 1)
	require.Contains(t, p["word/styles.xml"], "en-US")
	english := zipParts(t, p)

	refs := map[string]string{"english": english}
	if _, err := exec.LookPath("pandoc"); err == nil && !testing.Short() {
		// pandoc is optional: it is not among the programs CI installs;
		// and -short runs no external program.
		f := filepath.Join(t.TempDir(), "pandoc-reference.docx")
		require.NoError(t, exec.Command("pandoc", "-o", f, "--print-default-data-file", "reference.docx").Run())
		refs["pandoc"] = f
	}
	for name, ref := range refs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r, err := New(style.Default(), WithReference(ref))
			require.NoError(t, err)
			styles := parts(t, render(t, r, doctest.All()))["word/styles.xml"]
			assert.NotContains(t, styles, "en-US")
			assert.Contains(t, styles, `<w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>`)
		})
	}
}

func TestWithLanguage(t *testing.T) {
	t.Parallel()
	const open = `<w:styles xmlns:w="x">`
	const lang = `<w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>`
	for _, tc := range []struct{ name, in, want string }{
		{"replaced", open + `<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA" /></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`,
			open + `<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/>` + lang + `</w:rPr></w:rPrDefault></w:docDefaults></w:styles>`},
		{"added to the run properties", open + "<w:docDefaults>\n <w:rPrDefault>\n  <w:rPr>\n   <w:sz w:val=\"24\"/>\n  </w:rPr>\n </w:rPrDefault>\n</w:docDefaults></w:styles>",
			open + "<w:docDefaults>\n <w:rPrDefault>\n  <w:rPr>" + lang + "\n   <w:sz w:val=\"24\"/>\n  </w:rPr>\n </w:rPrDefault>\n</w:docDefaults></w:styles>"},
		{"empty run defaults", open + `<w:docDefaults><w:rPrDefault/><w:pPrDefault/></w:docDefaults></w:styles>`,
			open + `<w:docDefaults><w:rPrDefault><w:rPr>` + lang + `</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults></w:styles>`},
		{"no run defaults", open + `<w:docDefaults><w:pPrDefault/></w:docDefaults></w:styles>`,
			open + `<w:docDefaults><w:rPrDefault><w:rPr>` + lang + `</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults></w:styles>`},
		{"no defaults", open + `<w:style/></w:styles>`,
			open + `<w:docDefaults><w:rPrDefault><w:rPr>` + lang + `</w:rPr></w:rPrDefault></w:docDefaults><w:style/></w:styles>`},
		{"a style's own language is kept", open + `<w:docDefaults><w:rPrDefault><w:rPr></w:rPr></w:rPrDefault></w:docDefaults><w:style><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:style></w:styles>`,
			open + `<w:docDefaults><w:rPrDefault><w:rPr>` + lang + `</w:rPr></w:rPrDefault></w:docDefaults><w:style><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:style></w:styles>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tc.want, string(withLanguage([]byte(tc.in), "sv-SE")))
		})
	}
}

// zipParts writes parts as a .docx file and returns its path.
func zipParts(t *testing.T, p map[string]string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range p {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(data))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	f := filepath.Join(t.TempDir(), "reference.docx")
	require.NoError(t, os.WriteFile(f, buf.Bytes(), 0o644))
	return f
}

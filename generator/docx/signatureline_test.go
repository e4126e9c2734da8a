package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

const (
	nsOffice = "urn:schemas-microsoft-com:office:office"
	nsVML    = "urn:schemas-microsoft-com:vml"
	nsRel    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// sigLine is one o:signatureline as an XML reader sees it, with the
// picture its shape shows.
type sigLine struct {
	ID, Signer, Title, Instructions, IsSignatureLine string
	Picture                                          string // the relationship id of v:imagedata
}

// readSigLines decodes document.xml with the namespaces resolved, as Word
// and LibreOffice do, and returns its signature lines in order.
func readSigLines(t *testing.T, body string) []sigLine {
	t.Helper()
	var out []sigLine
	pic := ""
	d := xml.NewDecoder(strings.NewReader(body))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := func(space, local string) string {
			for _, a := range se.Attr {
				if a.Name.Space == space && a.Name.Local == local {
					return a.Value
				}
			}
			return ""
		}
		switch {
		case se.Name.Space == nsVML && se.Name.Local == "imagedata":
			pic = attr(nsRel, "id")
		case se.Name.Space == nsOffice && se.Name.Local == "signatureline":
			out = append(out, sigLine{
				ID: attr("", "id"), Signer: attr(nsOffice, "suggestedsigner"), Title: attr(nsOffice, "suggestedsigner2"),
				Instructions: attr(nsOffice, "signinginstructions"), IsSignatureLine: attr("", "issignatureline"), Picture: pic,
			})
		}
	}
	return out
}

// Each layout gets one Word signature line per signer, with the suggested
// signer (the name, or the role when no one is named), the title (or the
// role) and the instructions, a picture of its own in the package, and
// an id of its own; the paragraph before the block keeps with it.
func TestSignatureLines(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	for _, c := range doctest.SignatureLayouts() {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			p := parts(t, render(t, r, c.Doc))
			body := p["word/document.xml"]
			lines := readSigLines(t, body)
			s := c.Block()
			require.Len(t, lines, len(s.Signers))
			want := map[string][2]string{
				"Uppdragsägare":    {"Ájlin Sárri", "Områdeschef"},
				"Förvaltningschef": {"Nguyễn Thị Mai", "Förvaltningschef"},
				"Regiondirektör":   {"Regiondirektör", ""},
			}
			ids := map[string]bool{}
			for i, l := range lines {
				w := want[s.Signers[i].Role]
				assert.Equal(t, w[0], l.Signer)
				assert.Equal(t, w[1], l.Title)
				assert.Equal(t, s.Labels.Instructions, l.Instructions)
				assert.Equal(t, "t", l.IsSignatureLine)
				assert.Regexp(t, `^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$`, l.ID)
				assert.False(t, ids[l.ID], "id %s twice", l.ID)
				ids[l.ID] = true
				m := regexp.MustCompile(`Id="` + l.Picture + `" Type="[^"]*/image" Target="([^"]+)"`).FindStringSubmatch(p["word/_rels/document.xml.rels"])
				require.Len(t, m, 2, "the picture %s is an image relationship", l.Picture)
				assert.True(t, strings.HasPrefix(p["word/"+m[1]], "\x89PNG"), "the picture %s is in the package", m[1])
			}
			assert.Equal(t, 1, strings.Count(body, `<v:shapetype id="_x0000_t75"`), "the shape type once")
			// The lead-in paragraph keeps with the block.
			i := strings.Index(body, "Nämnden beslutar")
			j := strings.LastIndex(body[:i], "<w:p>")
			assert.Contains(t, body[j:i], "<w:keepNext/>")
		})
	}
}

// A block that is not signable draws its lines as borders and has no
// signature line, and no VML at all.
func TestSignatureLinesOff(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	c := doctest.SignatureLayouts()[0]
	c.Block().Signable = false
	body := parts(t, render(t, r, c.Doc))["word/document.xml"]
	assert.NotContains(t, body, "signatureline")
	assert.NotContains(t, body, "urn:schemas-microsoft-com:vml")
	assert.Equal(t, 3*3, strings.Count(body, `<w:bottom w:val="single"`), "signature, date and name lines of three signers")
}

// TestSignatureLinesInLibreOffice opens every layout in LibreOffice (one
// run for all) and python-docx: LibreOffice converts each without
// complaint and imports each signer's line as a signature line of its
// own, with the suggested signer; python-docx reads the names.
func TestSignatureLinesInLibreOffice(t *testing.T) {
	t.Parallel()
	testenv.NeedTool(t, "libreoffice")
	r, err := New(style.Default())
	require.NoError(t, err)
	dir := t.TempDir()
	cases := doctest.SignatureLayouts()
	var files []string
	for i, c := range cases {
		f := filepath.Join(dir, "sig"+string(rune('a'+i))+".docx")
		require.NoError(t, os.WriteFile(f, render(t, r, c.Doc), 0o644))
		files = append(files, f)
	}
	for i, res := range testenv.ReadDocx(t, files...) {
		all := ""
		for _, tb := range res.Tables {
			for _, row := range tb {
				all += strings.Join(row, " ") + "\n"
			}
		}
		for _, sg := range cases[i].Block().Signers {
			if sg.Name != "" {
				assert.Contains(t, all, sg.Name, cases[i].Name)
			}
		}
	}
	testenv.LibreOffice(t, "odt", dir, files...)
	re := regexp.MustCompile(`<loext:signatureline [^>]*loext:suggested-signer-name="([^"]*)"`)
	for i, c := range cases {
		odt := strings.TrimSuffix(files[i], ".docx") + ".odt"
		data, err := os.ReadFile(odt)
		require.NoError(t, err, "%s: LibreOffice did not convert it", c.Name)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		require.NoError(t, err)
		var content string
		for _, f := range zr.File {
			if f.Name == "content.xml" {
				rc, err := f.Open()
				require.NoError(t, err)
				b, _ := io.ReadAll(rc)
				rc.Close()
				content = string(b)
			}
		}
		var signers []string
		for _, m := range re.FindAllStringSubmatch(content, -1) {
			signers = append(signers, m[1])
		}
		var want []string
		for _, sg := range c.Block().Signers {
			w := sg.Name
			if w == "" {
				w = sg.Role
			}
			want = append(want, w)
		}
		assert.Equal(t, want, signers, "%s: LibreOffice's signature lines", c.Name)
	}
}

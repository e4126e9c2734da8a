package main

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/internal/testenv"
)

// carlito is the Debian package fonts-crosextra-carlito's family: a
// typeface an organisation's graphic profile could prescribe, free to
// embed.
const carlitoDir = "/usr/share/fonts/truetype/crosextra"

var carlitoFaces = map[string]string{
	"normal": "Carlito-Regular.ttf", "fet": "Carlito-Bold.ttf",
	"kursiv": "Carlito-Italic.ttf", "fet_kursiv": "Carlito-BoldItalic.ttf",
}

// fontTree is the memo fixture's data tree with the profile naming
// Carlito, its files in typsnitt/ inside the tree; patch changes a face's
// bytes before it is written.
func fontTree(t *testing.T, patch func(face string, b []byte) []byte) (data string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(carlitoDir, carlitoFaces["normal"])); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("Carlito is missing (.ci/run installs fonts-crosextra-carlito)")
		}
		t.Skip("Carlito is not installed (Debian: fonts-crosextra-carlito)")
	}
	data = filepath.Join(t.TempDir(), "data")
	require.NoError(t, os.MkdirAll(filepath.Join(data, "typsnitt"), 0o755))
	for _, f := range []string{"organisation.yaml", "ordlista.yaml", "personer.yaml", "tjansteskrivelse.yaml"} {
		b, err := os.ReadFile(filepath.Join(composeFixtures, f))
		require.NoError(t, err)
		if f == "organisation.yaml" {
			b = append(b, "typsnitt:\n  namn: Carlito\n"...)
			for _, key := range []string{"normal", "fet", "kursiv", "fet_kursiv"} {
				b = append(b, "  "+key+": typsnitt/"+carlitoFaces[key]+"\n"...)
			}
		}
		require.NoError(t, os.WriteFile(filepath.Join(data, f), b, 0o644))
	}
	for key, name := range carlitoFaces {
		b, err := os.ReadFile(filepath.Join(carlitoDir, name))
		require.NoError(t, err)
		if patch != nil {
			b = patch(key, b)
		}
		require.NoError(t, os.WriteFile(filepath.Join(data, "typsnitt", name), b, 0o644))
	}
	return data
}

// The example memo built with the organisation's own font: pdffonts shows
// each face it uses embedded (as a subset), python-docx shows Word's
// default font named.
func TestOwnFont(t *testing.T) {
	testenv.NeedTool(t, "pdffonts")
	py := testenv.NeedPythonDocx(t)
	t.Parallel()
	data := fontTree(t, nil)
	out := filepath.Join(filepath.Dir(data), "out")
	code, _, errOut := execute(t, "build", data, "--out", out)
	require.Equal(t, 0, code, errOut)

	fonts := testenv.Run(t, "pdffonts", filepath.Join(out, "tjansteskrivelse.pdf"))
	for _, face := range []string{"+Carlito ", "+Carlito-Bold "} {
		var line string
		for _, l := range strings.Split(fonts, "\n") {
			if strings.Contains(l, face) {
				line = l
			}
		}
		require.NotEmpty(t, line, "pdffonts lists %s:\n%s", face, fonts)
		f := strings.Fields(line)
		assert.Equal(t, []string{"yes", "yes", "yes"}, f[len(f)-5:len(f)-2], "%s is embedded, subset, with a ToUnicode map", face)
	}
	assert.NotContains(t, fonts, "LiberationSans", "Liberation Sans is not used for text")

	script := `
import sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
f = d.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
print(f.get(qn("w:ascii")), f.get(qn("w:hAnsi")))
`
	named, err := exec.Command(py, "-c", script, filepath.Join(out, "tjansteskrivelse.docx")).Output()
	require.NoError(t, err)
	assert.Equal(t, "Carlito Carlito\n", string(named))

	// The independent PDF checker passes every rule with the font, the
	// font program's among them.
	checker := filepath.Join(testenv.RepoRoot(t), "..", "shared", "checkers", "check_pdf.py")
	if _, err := os.Stat(checker); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("no checker at %s", checker)
		}
		t.Skipf("no checker at %s", checker)
	}
	js := filepath.Join(t.TempDir(), "pdf.json")
	testenv.Run(t, testenv.SystemPython, checker, "--json", js, filepath.Join(out, "tjansteskrivelse.pdf"))
	b, err := os.ReadFile(js)
	require.NoError(t, err)
	var res map[string]map[string][2]any
	require.NoError(t, json.Unmarshal(b, &res))
	require.Len(t, res, 1)
	for _, rules := range res {
		require.NotEmpty(t, rules)
		for rule, r := range rules {
			if ok, _ := r[0].(bool); !ok && !strings.HasPrefix(rule, "info:") {
				t.Errorf("check_pdf.py: %s: %v", rule, r[1])
			}
		}
	}
}

// A font whose licence forbids embedding (OS/2 fsType 2, restricted) is
// refused at its line in the profile, and nothing is built; a character
// the font lacks is reported where it stands in the data.
func TestOwnFontRefused(t *testing.T) {
	t.Parallel()
	restricted := func(face string, b []byte) []byte {
		if face == "fet" {
			setFsType(t, b, 0x0002)
		}
		return b
	}
	data := fontTree(t, restricted)
	code, _, errOut := execute(t, "build", data, "--out", filepath.Join(filepath.Dir(data), "out"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "organisation.yaml:")
	assert.Contains(t, errOut, "typsnitt.fet: the font Carlito (fet) cannot be embedded in the PDF: its licence forbids embedding it")

	// A damaged file (Liberation Sans with two bytes of its cmap
	// overwritten, where fpdf's cutter reads past its tables) is an error
	// at its line, not a crash.
	damaged := func(face string, b []byte) []byte {
		if face != "kursiv" {
			return b
		}
		d := slices.Clone(liberationsansregular.TTF)
		for i := range int(binary.BigEndian.Uint16(d[4:])) {
			if rec := d[12+16*i:]; string(rec[:4]) == "cmap" {
				copy(d[int(binary.BigEndian.Uint32(rec[8:]))+747:], []byte{0x95, 0x27})
			}
		}
		return d
	}
	data = fontTree(t, damaged)
	code, _, errOut = execute(t, "build", data, "--out", filepath.Join(filepath.Dir(data), "out2"))
	assert.Equal(t, 1, code)
	assert.Regexp(t, `organisation\.yaml:\d+:\d+: (error: )?typsnitt\.kursiv: pdf: font Carlito-Italic: the font file is damaged`, errOut)

	// U+02BA is in Liberation Sans, not in Carlito.
	data = fontTree(t, nil)
	memo := filepath.Join(data, "tjansteskrivelse.yaml")
	b, err := os.ReadFile(memo)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(memo, []byte(strings.Replace(string(b), "\ntitel: ", "\ntitel: Citat ʺså här ", 1)), 0o644))
	code, _, errOut = execute(t, "validate", data)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "titel: U+02BA ʺ cannot be drawn in the PDF: the organisation's font Carlito has no glyph for it")
}

// setFsType sets the OS/2 table's fsType of a TrueType font in place.
func setFsType(t *testing.T, ttf []byte, v uint16) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == "OS/2" {
			off := int(binary.BigEndian.Uint32(rec[8:]))
			binary.BigEndian.PutUint16(ttf[off+8:], v)
			return
		}
	}
	t.Fatal("no OS/2 table")
}

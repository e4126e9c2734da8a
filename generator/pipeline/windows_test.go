package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/testenv"
)

// Officials on Windows write paths in data with backslashes, and the same
// repository is built on Linux in CI: a logo, an image, a directive and the
// templates folder resolve with either separator, on every system.
func TestWindowsSeparatorsInData(t *testing.T) {
	t.Parallel()
	root := testenv.RepoRoot(t)
	png, err := os.ReadFile(filepath.Join(root, "data", "exempelby", "bilder", "trafikfarliga-vagar.png"))
	require.NoError(t, err)
	fixture := func(name string) string {
		b, err := os.ReadFile(filepath.Join(root, "generator", "compose", "testdata", name))
		require.NoError(t, err)
		return string(b)
	}
	for _, sep := range []string{`/`, `\`} {
		t.Run(sep, func(t *testing.T) {
			t.Parallel()
			j := func(parts ...string) string { return strings.Join(parts, sep) }
			dir := t.TempDir()
			write := func(rel, data string) string {
				p := filepath.Join(dir, filepath.FromSlash(rel))
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
				return p
			}
			write("bilder/logo/logo.png", string(png))
			write("bilder/karta.png", string(png))
			write("mallar/egna/etiketter.yaml", "expedieras_till: Beslutet skickas till\n")
			write("organisation.yaml", strings.Replace(fixture("organisation.yaml"), "typ: organisation\n",
				"typ: organisation\nlogotyp: "+j("bilder", "logo", "logo.png")+"\nmallar: "+j("mallar", "egna")+"\n", 1))
			write("ordlista.yaml", fixture("ordlista.yaml"))
			write("personer.yaml", fixture("personer.yaml"))
			write("direktiv/uppdragsdirektiv.yaml", fixture("uppdragsdirektiv.yaml"))
			memo := write("hsn/skrivelse.yaml", strings.Replace(fixture("tjansteskrivelse.yaml"), "sammanfattning: |\n",
				"sammanfattning: |\n  ![Karta över länet]("+j("..", "bilder", "karta.png")+` "Kartan")`+"\n\n", 1))
			report := write("hsn/statusrapport.yaml", strings.Replace(fixture("statusrapport.yaml"), "uppdragsdirektiv: uppdragsdirektiv.yaml",
				"uppdragsdirektiv: "+j("..", "direktiv", "uppdragsdirektiv.yaml"), 1))

			p, err := New(Config{Version: "test", Formats: mdOnly(t)})
			require.NoError(t, err)
			md, tree := markdownOf(t, p, memo)
			assert.NotNil(t, tree.Meta.Logo, "the logo is found")
			assert.Contains(t, md, "Beslutet skickas till", "the templates folder is found")
			images := 0
			require.NoError(t, doc.Walk(tree.Blocks, func(b doc.Block, entering bool) (doc.WalkStatus, error) {
				if _, ok := b.(*doc.Image); ok && entering {
					images++
				}
				return doc.WalkContinue, nil
			}))
			assert.Equal(t, 1, images, "the image is found")
			md, _ = markdownOf(t, p, report)
			assert.Contains(t, md, "DA1", "the directive is found")
		})
	}
}

// Templates saved with Windows line ends (CRLF), as the built-in ones or
// an organisation's own, compose to the same tree as with LF; so do data
// files with CRLF.
func TestCRLFComposesAsLF(t *testing.T) {
	t.Parallel()
	root := testenv.RepoRoot(t)
	crlf := func(b []byte) []byte {
		return bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	// copyTree copies a folder, with CRLF in the files convert says.
	copyTree := func(t *testing.T, from string, convert func(path string) bool) string {
		t.Helper()
		to := t.TempDir()
		require.NoError(t, filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if convert(rel) {
				b = crlf(b)
			}
			dst := filepath.Join(to, rel)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		}))
		return to
	}
	builtin := t.TempDir()
	_, err := ExportTemplates(builtin, false)
	require.NoError(t, err)
	all := func(string) bool { return true }
	isTemplate := func(p string) bool {
		return strings.HasSuffix(p, ".tmpl") || filepath.Base(p) == "etiketter.yaml"
	}
	isData := func(p string) bool { return !isTemplate(p) && strings.HasSuffix(p, ".yaml") }

	exempelby := filepath.Join(root, "data", "exempelby")
	region := filepath.Join(root, "generator", "compose", "testdata")
	for _, tc := range []struct {
		name      string
		data      string // the data folder; "" for the LF one
		templates string // --templates; "" for none
		lfData    string
		lfTmpl    string
	}{
		{"built-in templates via --templates", region, copyTree(t, builtin, all), region, builtin},
		{"an organisation's own templates (mallar:)", copyTree(t, exempelby, isTemplate), "", exempelby, ""},
		{"data files", copyTree(t, exempelby, isData), "", exempelby, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			lf, err := New(Config{Version: "test", Formats: mdOnly(t), TemplateDir: tc.lfTmpl})
			require.NoError(t, err)
			cr, err := New(Config{Version: "test", Formats: mdOnly(t), TemplateDir: tc.templates})
			require.NoError(t, err)
			files, err := lf.Find([]string{tc.lfData})
			require.NoError(t, err)
			docs := 0
			for _, f := range files {
				rel, _ := filepath.Rel(tc.lfData, f)
				if d, _ := lf.Load(f); d == nil {
					continue // a registry
				}
				docs++
				_, want := markdownOf(t, lf, f)
				_, got := markdownOf(t, cr, filepath.Join(tc.data, rel))
				// The data file itself is attached; only its bytes differ.
				want.Meta.Attachments, got.Meta.Attachments = nil, nil
				assert.Equal(t, want, got, rel)
			}
			assert.Positive(t, docs)
		})
	}
}

func mdOnly(t *testing.T) []Format {
	t.Helper()
	f, err := LookupFormat("md")
	require.NoError(t, err)
	return []Format{f}
}

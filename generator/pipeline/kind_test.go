package pipeline

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
)

// excerpt is a kind that exists only in this test: an extract from a
// committee's minutes (protokollsutdrag). Adding it takes its model type,
// its template and one registration, and no other package changes.
type excerpt struct {
	model.Common `yaml:",inline"`
	Committee    string         `yaml:"nämnd" desc:"Nämnden." required:"true"`
	Paragraph    int            `yaml:"paragraf" desc:"Paragrafnummer." required:"true"`
	Decision     model.Markdown `yaml:"beslut" desc:"Beslutet." required:"true"`
	Present      []model.Person `yaml:"närvarande" desc:"Närvarande."`
}

func (e *excerpt) Addressees(*model.Directive) []string { return []string{e.Committee} }

const excerptTemplate = `# {{ titel }}

{{ fakta "datum" .Date "till" (nämnd .Committee) }}

## § {{ .Paragraph }} Beslut
{{ md .Decision }}
`

func excerptKind() kind.Kind {
	return kind.Kind{
		Name:      "protokollsutdrag",
		New:       func() model.Document { return new(excerpt) },
		Template:  "protokollsutdrag.md.tmpl",
		Templates: fstest.MapFS{"protokollsutdrag.md.tmpl": {Data: []byte(excerptTemplate)}},
		Check: func(c *check.Checker, d model.Document) {
			e := d.(*excerpt)
			c.Committee("nämnd", e.Committee)
			if e.Paragraph <= 0 {
				c.Errorf("paragraf", "the paragraph number must be 1 or more, not %d", e.Paragraph)
			}
		},
	}
}

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

func TestCustomKind(t *testing.T) {
	t.Parallel()
	kinds := kind.Default()
	require.NoError(t, kinds.Register(excerptKind()))
	p, err := New(Config{Version: "test", Kinds: kinds})
	require.NoError(t, err)

	dir := t.TempDir()
	writeFile(t, dir, "organisation.yaml", "typ: organisation\nversion: 1\nnamn: Exempelby kommun\nnämnder:\n  - {förkortning: KS, namn: Kommunstyrelsen}\n")
	src := writeFile(t, dir, "utdrag.yaml", "typ: protokollsutdrag\nversion: 1\ntitel: Protokollsutdrag\ndatum: 2025-03-12\nnämnd: KS\nparagraf: 42\nbeslut: Kommunstyrelsen beslutar att anta **planen**.\n")

	d, diags := p.Load(src)
	require.Empty(t, diags)
	require.NotNil(t, d)
	assert.Equal(t, model.Kind("protokollsutdrag"), d.Kind().Name)
	tree, diags := p.Compose(d)
	require.Empty(t, diags)
	assert.Equal(t, "Kommunstyrelsen", tree.Meta.Committee)

	var md bytes.Buffer
	_, err = p.Render(&md, "md", tree)
	require.NoError(t, err)
	assert.Contains(t, md.String(), "# Protokollsutdrag")
	assert.Contains(t, md.String(), "## § 42 Beslut\n\nKommunstyrelsen beslutar att anta **planen**.")
	assert.Contains(t, md.String(), "Kommunstyrelsen", "the committee's name from the registry")

	var pdf bytes.Buffer
	pages, err := p.Render(&pdf, "pdf", tree)
	require.NoError(t, err)
	assert.Equal(t, 1, pages)
	assert.True(t, bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")))

	var docx bytes.Buffer
	_, err = p.Render(&docx, "docx", tree)
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(docx.Bytes()), int64(docx.Len()))
	require.NoError(t, err)
	body := ""
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			require.NoError(t, err)
			b, _ := io.ReadAll(rc)
			rc.Close()
			body = string(b)
		}
	}
	assert.Contains(t, body, "Kommunstyrelsen beslutar att anta")

	// The kind's fields are checked like a built-in kind's: positioned
	// errors, did-you-mean, required keys, its own checks.
	bad := writeFile(t, dir, "fel.yaml", "typ: protokollsutdrag\nversion: 1\nnämnd: KF\nparagraf: 0\nbeslutt: x\n")
	_, diags = p.Load(bad)
	got := diags.Error()
	assert.Contains(t, got, "fel.yaml:5:1: beslutt: unknown key \"beslutt\"; did you mean \"beslut\"?")
	assert.NotContains(t, got, "required key \"beslut\" is missing", "the typo's error says it; no second error")
	_, diags = p.Load(writeFile(t, dir, "fel2.yaml", "typ: protokollsutdrag\nversion: 1\nnämnd: KF\nparagraf: -3\nbeslut: x\n"))
	got = diags.Error()
	assert.Contains(t, got, "fel2.yaml:3:8: nämnd: committee \"KF\" is not in the organisation profile")
	assert.Contains(t, got, "fel2.yaml:4:11: paragraf: the paragraph number must be 1 or more, not -3")

	// Its files appear in the schema, and a pipeline without it does not
	// know the kind.
	schema, err := p.Schema()
	require.NoError(t, err)
	assert.Contains(t, string(schema), `"protokollsutdrag"`)
	plain, err := New(Config{Version: "test", Formats: []Format{}})
	require.NoError(t, err)
	_, diags = plain.Load(src)
	assert.Contains(t, diags.Error(), `unknown typ "protokollsutdrag"`)
}

func TestRegisterRefusesBadKinds(t *testing.T) {
	t.Parallel()
	ok := excerptKind()
	for _, tc := range []struct {
		name string
		edit func(*kind.Kind)
		want string
	}{
		{"no name", func(k *kind.Kind) { k.Name = "" }, "no name"},
		{"no model", func(k *kind.Kind) { k.New = nil }, "no model type"},
		{"no template", func(k *kind.Kind) { k.Template = "" }, "no template"},
		{"registry name", func(k *kind.Kind) { k.Name = model.KindPeople }, "a registry's"},
		{"built-in name", func(k *kind.Kind) { k.Name = kind.KindMemo }, "already registered"},
		{"built-in type", func(k *kind.Kind) { k.New = func() model.Document { return new(model.Memo) } }, "already another kind's"},
		{"not a struct pointer", func(k *kind.Kind) { k.New = func() model.Document { return nil } }, "pointer to a struct"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			k := ok
			tc.edit(&k)
			err := kind.Default().Register(k)
			require.Error(t, err)
			assert.True(t, strings.Contains(err.Error(), tc.want), err.Error())
		})
	}
}

package pipeline

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
)

// notes is a kind that exists only in this test, minutes of a meeting
// (minnesanteckningar), and it brings what a built-in kind brings beyond
// its model and template: a template function of its own (närvaro, the
// people present as a list) and a review rule of its own (notes-present:
// minutes that name nobody present). Nothing outside this file changes.
type notes struct {
	model.Common `yaml:",inline"`
	Present      []model.Person `yaml:"närvarande" desc:"Närvarande."`
	Text         model.Markdown `yaml:"anteckningar" desc:"Anteckningarna." required:"true"`
}

const notesTemplate = `# {{ titel }}

## Närvarande
{{ närvaro .Present }}

## Anteckningar
{{ md .Text }}
`

const notesRule = "notes-present"

func notesKind() kind.Kind {
	return kind.Kind{
		Name:      "minnesanteckningar",
		New:       func() model.Document { return new(notes) },
		Template:  "minnesanteckningar.md.tmpl",
		Templates: fstest.MapFS{"minnesanteckningar.md.tmpl": {Data: []byte(notesTemplate)}},
		Funcs: func(b kind.Builder) kind.FuncMap {
			return kind.FuncMap{"närvaro": func(ps []model.Person) kind.Markup {
				l := &doc.List{}
				for _, p := range ps {
					l.Items = append(l.Items, doc.ListItem{Blocks: []doc.Block{&doc.Paragraph{Text: []doc.Inline{doc.Text(b.NameTitle(p))}}}})
				}
				if len(l.Items) == 0 {
					return ""
				}
				return b.Place(l)
			}}
		},
		Rules: []kind.Rule{{
			ID: notesRule, Severity: diag.Warning,
			Summary: "Minutes name nobody present.", Hint: "List who attended under närvarande.",
			Check: func(r kind.Reporter, in kind.RuleInput) {
				if n := in.Doc.(*notes); len(n.Present) == 0 {
					r.Report("anteckningar", "the minutes name nobody present")
				}
			},
		}},
	}
}

func TestKindBringsFuncsAndRules(t *testing.T) {
	t.Parallel()
	kinds := kind.Default()
	require.NoError(t, kinds.Register(notesKind()))
	p, err := New(Config{Version: "test", Kinds: kinds})
	require.NoError(t, err)

	dir := t.TempDir()
	writeFile(t, dir, "organisation.yaml", "typ: organisation\nversion: 1\nnamn: Exempelby kommun\nnämnder:\n  - {förkortning: KS, namn: Kommunstyrelsen}\n")
	writeFile(t, dir, "personer.yaml", "typ: personer\nversion: 1\npersoner:\n  - {id: eva, namn: Eva Lind, titel: Nämndsekreterare}\n")
	src := writeFile(t, dir, "möte.yaml", "typ: minnesanteckningar\nversion: 1\ntitel: Möte om e-arkivet\ndatum: 2025-03-12\nnärvarande:\n  - {id: eva}\n  - {namn: Per Ek, titel: Arkivarie}\nanteckningar: Vi gick igenom **planen**.\n")

	// The kind's function builds blocks: a list of the people present,
	// each resolved against the people registry.
	d, diags := p.Load(src)
	require.Empty(t, diags)
	require.NotNil(t, d)
	tree, diags := p.Compose(d)
	require.Empty(t, diags)
	var md bytes.Buffer
	_, err = p.Render(&md, "md", tree)
	require.NoError(t, err)
	assert.Contains(t, md.String(), "## Närvarande\n\n- Eva Lind, Nämndsekreterare\n- Per Ek, Arkivarie\n")
	assert.Contains(t, md.String(), "Vi gick igenom **planen**.")

	// The kind's rule reports like a built-in one: at the field, with
	// its id, at its default severity.
	bare := writeFile(t, dir, "tomt.yaml", "typ: minnesanteckningar\nversion: 1\ntitel: Möte\nanteckningar: Inga beslut.\n")
	_, diags = p.Load(bare)
	assert.Contains(t, diags.Error(), "tomt.yaml:4:15: warning: anteckningar: the minutes name nobody present ["+notesRule+"]")

	// The organisation's profile tunes it by its id like any rule.
	off := t.TempDir()
	writeFile(t, off, "organisation.yaml", "typ: organisation\nversion: 1\nnamn: Exempelby kommun\nnämnder:\n  - {förkortning: KS, namn: Kommunstyrelsen}\ngranskning:\n  regler:\n    "+notesRule+": av\n")
	_, diags = p.Load(writeFile(t, off, "tomt.yaml", "typ: minnesanteckningar\nversion: 1\ntitel: Möte\nanteckningar: Inga beslut.\n"))
	assert.Empty(t, diags)

	// The rule is the kind's alone: documents of other kinds never meet
	// it, and a pipeline without the kind does not know its id.
	for _, r := range p.lint.Rules() {
		if r.ID == notesRule {
			assert.Equal(t, []model.Kind{"minnesanteckningar"}, r.Kinds)
		}
	}
	plain, err := New(Config{Version: "test", Formats: []Format{}})
	require.NoError(t, err)
	_, known := plain.lint.Rule(notesRule)
	assert.False(t, known)
}

// A kind may not take a template function name the composer or another
// kind already uses: the template would call one or the other by chance.
func TestKindFuncNameClash(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"md", "status"} {
		k := notesKind()
		k.Funcs = func(kind.Builder) kind.FuncMap { return kind.FuncMap{name: func() string { return "" }} }
		kinds := kind.Default()
		require.NoError(t, kinds.Register(k))
		_, err := New(Config{Version: "test", Kinds: kinds, Formats: []Format{}})
		assert.ErrorContains(t, err, `the template function "`+name+`" is already`, name)
	}
}

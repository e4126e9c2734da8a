package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// contentOrg is a data tree's profile for the tests of what documents
// carry; extra is appended to it.
const contentOrg = "typ: organisation\nversion: 1\nnamn: Min kommun\nnämnder: [{förkortning: KS, namn: Kommunstyrelsen}]\ngranskning: {regler: {required-field: av}}\n"

const contentMemo = "typ: tjänsteskrivelse\nversion: 1\nnämnd: KS\nsammanfattning: S.\nförslag_till_beslut: F.\n"

// contentTree writes files into a new data tree; organisation.yaml gets
// contentOrg before what the case adds to it.
func contentTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	org := contentOrg + files["organisation.yaml"]
	require.NoError(t, os.WriteFile(filepath.Join(dir, "organisation.yaml"), []byte(org), 0o644))
	for name, body := range files {
		if name == "organisation.yaml" {
			continue
		}
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	return dir
}

func contentPipeline(t *testing.T) *Pipeline {
	t.Helper()
	p, err := New(Config{Version: "test"})
	require.NoError(t, err)
	return p
}

// contentMarkdown loads, composes and renders a document as Markdown, and
// returns it with the composed header's case number and the descriptive
// output name.
func contentMarkdown(t *testing.T, p *Pipeline, path string) (md, caseNumber, name string) {
	t.Helper()
	d, diags := p.Load(path)
	require.False(t, diags.HasErrors(), "%v", diags)
	tree, diags := p.Compose(d)
	require.False(t, diags.HasErrors(), "%v", diags)
	var b bytes.Buffer
	_, err := p.Render(&b, "md", tree)
	require.NoError(t, err)
	return b.String(), tree.Meta.CaseNumber, d.OutputName()
}

// Finding 1: several case numbers, in every kind, as a list or in one
// text with commas. The header and fact box show them all, joined with
// ", "; a descriptive file name uses the first.
func TestSeveralCaseNumbers(t *testing.T) {
	t.Parallel()
	const kindFile = "typ: dokumenttyp\nversion: 1\nnamn: projektbeställning\nfält:\n  - {nyckel: bakgrund, typ: markdown}\n"
	const kindTmpl = "# {{ titel }}\n\n{{ fakta \"diarienummer\" .CaseNumber }}\n\n{{ md .Fält.bakgrund }}\n"
	const dirBody = "typ: uppdragsdirektiv\nversion: 1\ntitel: Uppdraget\ndatum: 2025-01-10\ndiarienummer: %s\nbakgrund: B.\nuppdragsmål: M.\n"
	for _, tc := range []struct {
		name, file, body string
	}{
		{"memo, list", "m.yaml", contentMemo + "datum: 2025-02-01\ndiarienummer: [TE-2018-00895, TE-2023-00973]\n"},
		{"memo, commas in one text", "m.yaml", contentMemo + "datum: 2025-02-01\ndiarienummer: TE-2018-00895, TE-2023-00973\n"},
		{"memo, block list", "m.yaml", contentMemo + "datum: 2025-02-01\ndiarienummer:\n  - TE-2018-00895\n  - TE-2023-00973\n"},
		{"directive", "d.yaml", strings.Replace(dirBody, "%s", "[TE-2018-00895, TE-2023-00973]", 1)},
		{"status report", "s.yaml", "typ: statusrapport\nversion: 1\ndatum: 2025-06-01\ndiarienummer: [TE-2018-00895, TE-2023-00973]\nuppdragsdirektiv: d.yaml\nstatus: grön\n"},
		{"kind defined in data", "p.yaml", "typ: projektbeställning\nversion: 1\ntitel: P\ndatum: 2025-02-01\ndiarienummer: [TE-2018-00895, TE-2023-00973]\nbakgrund: B.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := contentTree(t, map[string]string{
				"organisation.yaml":                 "dokumenttyper: [pb.yaml]\nmallar: mallar\n",
				"pb.yaml":                           kindFile,
				"mallar/projektbestallning.md.tmpl": kindTmpl,
				"d.yaml":                            strings.Replace(dirBody, "%s", "TE-1", 1),
				tc.file:                             tc.body,
			})
			md, header, name := contentMarkdown(t, contentPipeline(t), filepath.Join(dir, tc.file))
			assert.Equal(t, "TE-2018-00895, TE-2023-00973", header, "the header shows every number")
			if tc.file != "d.yaml" { // a directive has no fact box
				assert.Contains(t, md, "TE-2018-00895, TE-2023-00973", "the fact box shows every number")
			}
			assert.Contains(t, name, "TE-2018-00895", "the file name uses the first number")
			assert.NotContains(t, name, "00973", "and only the first")
		})
	}
}

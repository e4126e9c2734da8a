package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// okDir holds small valid fixtures: registries and one document of each
// kind in underlag/.
const okDir = "../load/testdata/ok"

func registries(t *testing.T) *model.Registries {
	t.Helper()
	reg, diags := load.New(kind.Default()).Registries(okDir)
	require.Empty(t, diags)
	return reg
}

func directive(t *testing.T) *model.Directive {
	t.Helper()
	v, diags := load.New(kind.Default()).File(filepath.Join(okDir, "underlag", "direktiv.yaml"))
	require.Empty(t, diags)
	return v.(*model.Directive)
}

func TestValidFixtures(t *testing.T) {
	t.Parallel()
	l := load.New(kind.Default())
	reg, diags := l.Registries(okDir)
	require.Empty(t, diags)
	assert.Empty(t, check.Registries(reg))
	for _, name := range []string{"direktiv.yaml", "skrivelse.yaml", "status.yaml"} {
		in, diags := l.Document(filepath.Join(okDir, "underlag", name))
		require.Empty(t, diags)
		assert.Empty(t, check.Document(in.Doc, in.Registries, in.Directive, in.Kind.Check), name)
	}
}

const (
	dirHead    = "typ: uppdragsdirektiv\nversion: 1\nbakgrund: Text.\n"
	memoHead   = "typ: tjänsteskrivelse\nversion: 1\nsammanfattning: Kort.\nförslag_till_beslut: Att godkänna.\n"
	statusHead = "typ: statusrapport\nversion: 1\nuppdragsdirektiv: direktiv.yaml\nstatus: {nivå: grön, kommentar: Allt går enligt plan.}\n"
)

func TestDocument(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		file string
		want []string // diagnostics as printed, in order; the file is "doc.yaml"
	}{
		{
			name: "end before start in tidplan",
			file: dirHead + "tidplan:\n  - beslutspunkt: BP1\n    beskrivning: Start\n    start: 2025-03-14\n    slut: 2025-02\n",
			want: []string{"doc.yaml:8:11: tidplan[0].slut: slut 2025-02 is before start 2025-03-14"},
		},
		{
			name: "a month is not before a day in it",
			file: dirHead + "tidplan:\n  - beslutspunkt: BP1\n    beskrivning: Start\n    start: 2025-03-14\n    slut: 2025-03\n",
		},
		{
			name: "end before start in delaktiviteter",
			file: dirHead + "delaktiviteter:\n  - aktivitet: Kartlägga\n    start: 2025\n    slut: 2024-12-31\n",
			want: []string{"doc.yaml:7:11: delaktiviteter[0].slut: slut 2024-12-31 is before start 2025"},
		},
		{
			name: "period till before från",
			file: statusHead + "period:\n  från: 2025-04-01\n  till: 2025-03-31\n",
			want: []string{"doc.yaml:7:9: period.till: till 2025-03-31 is before från 2025-04-01"},
		},
		{
			name: "committee not in the organisation profile",
			file: dirHead + "nämnder: [HSN, RUN]\n",
			want: []string{`doc.yaml:4:16: nämnder[1]: committee "RUN" is not in the organisation profile ../load/testdata/ok/organisation.yaml; valid: HSN, RS`},
		},
		{
			name: "memo committee",
			file: memoHead + "nämnd: HS\n",
			want: []string{`doc.yaml:5:8: nämnd: committee "HS" is not in the organisation profile ../load/testdata/ok/organisation.yaml; did you mean "HSN" (Hälso- och sjukvårdsnämnden)?`},
		},
		{
			name: "person id not in the registry",
			file: memoHead + "nämnd: HSN\nhandläggare:\n  id: per-lindh\n",
			want: []string{`doc.yaml:7:7: handläggare.id: person id "per-lindh" is not in the people registry ../load/testdata/ok/personer.yaml; did you mean "per-lind" (Per Lind)?`},
		},
		{
			name: "person in a role",
			file: dirHead + "organisation:\n  uppdragsägare:\n    personer:\n      - id: nobody\n",
			want: []string{`doc.yaml:7:13: organisation.uppdragsägare.personer[0].id: person id "nobody" is not in the people registry ../load/testdata/ok/personer.yaml; valid: anna-ek, per-lind`},
		},
		{
			name: "referenced directive is load.Loader.Directive's to report",
			file: memoHead + "nämnd: HSN\nuppdragsdirektiv: saknas.yaml\n",
		},
		{
			name: "duplicate beslutspunkt",
			file: dirHead + "tidplan:\n  - beslutspunkt: BP1\n    beskrivning: A\n  - beslutspunkt: BP1\n    beskrivning: B\n",
			want: []string{`doc.yaml:7:19: tidplan[1].beslutspunkt: beslutspunkt "BP1" is already used by tidplan[0] at line 5; each must be unique`},
		},
	}
	reg := registries(t)
	dir := directive(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v, diags := load.Bytes("doc.yaml", []byte(tc.file))
			require.Empty(t, diags)
			var ref *model.Directive
			if _, ok := v.(*model.StatusReport); ok {
				ref = dir
			}
			got := checkDoc(v.(model.Document), reg, ref)
			assert.Equal(t, tc.want, lines(got))
		})
	}
}

func lines(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.Error())
	}
	return out
}

func TestNoRegistries(t *testing.T) {
	t.Parallel()
	v, diags := load.Bytes("doc.yaml", []byte(memoHead+"nämnd: HSN\nhandläggare: {id: per-lind}\n"))
	require.Empty(t, diags)
	got := checkDoc(v.(model.Document), nil, nil)
	require.Len(t, got, 2)
	assert.Equal(t, diag.Warning, got[0].Severity)
	assert.Contains(t, got[0].Msg, "no organisation profile")
	assert.Equal(t, diag.Error, got[1].Severity)
	assert.Contains(t, got[1].Msg, "there is no people registry")
}

func TestRegistries(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"organisation.yaml": "typ: organisation\nversion: 1\nnamn: R\nlogotyp: logo.png\nnämnder:\n  - {förkortning: HSN, namn: A}\n  - {förkortning: HSN, namn: B}\n",
		"ordlista.yaml":     "typ: ordlista\nversion: 1\ntermer:\n  - {term: BP, förklaring: a}\n  - {term: BP, förklaring: b}\n",
		"personer.yaml":     "typ: personer\nversion: 1\npersoner:\n  - {id: a, namn: A}\n  - {id: a, namn: B}\n",
	}
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	reg, diags := load.New(kind.Default()).Registries(dir)
	require.Empty(t, diags)
	got := check.Registries(reg)
	var msgs []string
	for _, d := range got {
		msgs = append(msgs, filepath.Base(d.File)+": "+d.Path+": "+d.Msg)
	}
	assert.ElementsMatch(t, []string{
		`organisation.yaml: nämnder[1].förkortning: förkortning "HSN" is already used by nämnder[0] at line 6; each must be unique`,
		`ordlista.yaml: termer[1].term: term "BP" is already used by termer[0] at line 4; each must be unique`,
		`personer.yaml: personer[1].id: id "a" is already used by personer[0] at line 4; each must be unique`,
	}, msgs)
}

// checkDoc checks a document with its built-in kind's own checks, as the
// pipeline does.
func checkDoc(d model.Document, reg *model.Registries, dir *model.Directive) diag.List {
	k, _ := kind.Default().Of(d)
	var own func(*check.Checker, model.Document)
	if k != nil {
		own = k.Check
	}
	return check.Document(d, reg, dir, own)
}

package load_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

const okDir = "testdata/ok"

func TestFileValid(t *testing.T) {
	t.Parallel()
	l := load.New(kind.Default())
	v, diags := l.File(filepath.Join(okDir, "underlag", "direktiv.yaml"))
	require.Empty(t, diags)
	d := v.(*model.Directive)
	assert.Equal(t, kind.KindDirective, d.Type)
	assert.Equal(t, date.Of(2024, 11, 18), d.Date, "an unquoted YAML timestamp is a date")
	assert.Equal(t, 2025, d.Year)
	assert.Equal(t, []string{"HSN", "RS"}, d.Committees)
	assert.Equal(t, date.OfMonth(2024, 12), d.Timeline[0].End)
	assert.Equal(t, date.Of(2025, 10, 31), d.Milestones[1].Date, "a quoted date too")
	assert.Equal(t, "anna-ek", d.Organisation.Owner.People[0].ID)
	assert.Equal(t, model.Markdown("Per Lind"), d.Organisation.Leader.Text, "a role as a plain scalar is its text")
	assert.Equal(t, "Styrgrupp", d.Organisation.Other[0].Name)
	assert.True(t, d.Signers[0].ShowPlace)

	src := d.Source
	require.NotNil(t, src)
	assert.Equal(t, model.Pos{Line: 16, Col: 11}, src.Pos("tidplan[0].slut"))
	assert.Equal(t, model.Pos{Line: 11, Col: 1}, src.Pos("tidplan"))
	assert.Equal(t, model.Pos{Line: 12, Col: 5}, src.Pos("tidplan[0]"))
	assert.Equal(t, model.Pos{Line: 16, Col: 11}, src.Pos("tidplan[0].slut.nothing"))

	v, diags = l.File(filepath.Join(okDir, "underlag", "skrivelse.yaml"))
	require.Empty(t, diags)
	m := v.(*model.Memo)
	assert.Equal(t, "Tjänsteskrivelse 2024-11-20", m.Basis[0].Title, "a basis document as a plain scalar is its title")
	assert.Equal(t, "direktiv.yaml", m.Basis[1].File)
	assert.Equal(t, "att", m.Proposal.Form)
	assert.Equal(t, "Hälso- och sjukvårdsdirektören", m.DispatchTo[0].Name)
	assert.Equal(t, model.Pos{Line: 19, Col: 7}, m.Source.Pos("förslag_till_beslut.punkter[0]"))

	v, diags = l.File(filepath.Join(okDir, "underlag", "status.yaml"))
	require.Empty(t, diags)
	s := v.(*model.StatusReport)
	assert.Equal(t, model.Yellow, s.Status.Level)
	assert.True(t, s.Milestones[0].Reached)
}

func TestBytesStatusScalar(t *testing.T) {
	t.Parallel()
	v, diags := load.Bytes("s.yaml", []byte("typ: statusrapport\nversion: 1\nuppdragsdirektiv: d.yaml\nstatus: röd\n"))
	require.Empty(t, diags)
	assert.Equal(t, model.Red, v.(*model.StatusReport).Status.Level)
}

func TestNFC(t *testing.T) {
	t.Parallel()
	// "Västerbotten" and the key "namn" with a decomposed ä (a + U+0308),
	// as some editors on macOS save it.
	decomposed := "typ: organisation\nversion: 1\nnamn: Va\u0308sterbotten\nna\u0308mnder:\n  - förkortning: HSN\n    namn: Hälso- och sjukvårdsnämnden\n"
	v, diags := load.Bytes("o.yaml", []byte(decomposed))
	require.Empty(t, diags)
	assert.Equal(t, "Västerbotten", v.(*model.OrgProfile).Name)
}

// bad is one wrong input and the first diagnostic it must give.
type bad struct {
	name  string
	file  string // contents; ignored when setup is set
	setup func(t *testing.T, dir string) string
	line  int
	col   int
	path  string
	msg   string
	count int // number of errors, when more than one is expected
}

const memoHead = "typ: tjänsteskrivelse\nversion: 1\nnämnd: HSN\nsammanfattning: Kort.\nförslag_till_beslut: Att godkänna.\n"

var badInputs = []bad{
	{name: "malformed YAML", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: [a, b\n", line: 3, col: 11, msg: "invalid YAML: the list that starts with `[` here is not closed"},
	{name: "unknown key with suggestion", file: memoHead + "sammanfatning: x\n", line: 6, col: 1, path: "sammanfatning", msg: `unknown key "sammanfatning"; did you mean "sammanfattning"?`},
	{name: "unknown key without near match", file: memoHead + "handläggare:\n  namn: A\n  fax: 1\n", line: 8, col: 3, path: "handläggare.fax", msg: "valid keys here: id, namn, titel, enhet, telefon, epost"},
	{name: "wrong type: list for text", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: [a]\n", line: 3, col: 11, path: "bakgrund", msg: "expected text, found a list"},
	{name: "wrong type: text for list", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: a\nnämnder: HSN\n", line: 4, col: 10, path: "nämnder", msg: `expected a list (lines starting with "- "), found the text "HSN"`},
	{name: "wrong type: text for number", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: a\når: tjugo\n", line: 4, col: 5, path: "år", msg: "expected a whole number, such as 2025"},
	{name: "wrong type: bool", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: a\nunderskrifter:\n  - roll: R\n    visa_ort: ja\n", line: 6, col: 15, path: "underskrifter[0].visa_ort", msg: "expected true or false"},
	{name: "bad date", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: a\ntidplan:\n  - beslutspunkt: BP1\n    beskrivning: b\n    slut: 2025-02-30\n", line: 7, col: 11, path: "tidplan[0].slut", msg: "februari 2025 has 28 days"},
	{name: "date in words", file: memoHead + "datum: Mars 2025\n", line: 6, col: 8, path: "datum", msg: `"Mars 2025" is not a date`},
	{name: "missing required field", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: a\ntidplan:\n  - beslutspunkt: BP1\n", line: 5, col: 5, path: "tidplan[0].beskrivning", msg: `required key "beskrivning" is missing`},
	{name: "empty required field", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund:\n", line: 3, col: 1, path: "bakgrund", msg: `"bakgrund" is required and must not be empty`},
	{name: "enum", file: "typ: statusrapport\nversion: 1\nuppdragsdirektiv: d.yaml\nstatus:\n  nivå: gron\n", line: 5, col: 9, path: "status.nivå", msg: `"gron" is not valid; did you mean "grön"?`},
	{name: "wrong typ", file: "typ: tjänsteskrivning\nversion: 1\n", line: 1, col: 6, path: "typ", msg: `unknown typ "tjänsteskrivning"; did you mean "tjänsteskrivelse"?`},
	{name: "missing typ", file: "version: 1\nnämnd: HSN\n", line: 1, col: 1, path: "typ", msg: `required key "typ" is missing`},
	{name: "wrong version", file: "typ: tjänsteskrivelse\nversion: 2\n", line: 2, col: 10, path: "version", msg: "format version 2 is not supported: this build of underlag reads version 1"},
	{name: "missing version", file: "typ: tjänsteskrivelse\nnämnd: HSN\n", line: 1, col: 1, path: "version", msg: "add `version: 1`"},
	{name: "duplicate key", file: memoHead + "nämnd: RS\n", line: 6, col: 1, path: "nämnd", msg: `key "nämnd" is already given at line 3`},
	{name: "multiple documents", file: memoHead + "---\n" + memoHead, line: 6, col: 1, msg: "more than one YAML document"},
	{name: "unknown anchor", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: *nope\n", line: 3, col: 11, msg: "unknown anchor 'nope' referenced"},
	{name: "tab indentation", file: "typ: uppdragsdirektiv\nversion: 1\norganisation:\n\tuppdragsägare: A\n", line: 4, col: 1, msg: "a tab in the indentation"},
	{name: "bad indentation at its own line", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: a\norganisation:\n  uppdragsägare: A\n uppdragsledare: B\n", line: 6, col: 2, msg: "the indentation (1 space) lines up with no line above"},
	{name: "missing space after colon, CRLF", file: "typ: uppdragsdirektiv\r\nversion: 1\r\nbakgrund:Text\r\når: 2025\r\n", line: 3, col: 9, msg: "`bakgrund:Text` has no space after the colon"},
	{name: "unclosed quote after a closed multi-line one", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: \"a\n  b\"\nidé: 'x\nrisker: y\n", line: 5, col: 6, msg: "the quote `'` that starts here is never closed"},
	{name: "unclosed quote after an apostrophe in text", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: Region's plan\nidé: \"x\n", line: 4, col: 6, msg: "never closed"},
	{name: "tab after a list dash", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: a\nnämnder:\n  -\tHSN\n", line: 5, col: 4, msg: "a tab in the indentation"},
	{name: "not a mapping", file: "- typ: uppdragsdirektiv\n", line: 1, col: 1, msg: "expected a mapping of keys starting with `typ:`"},
	{name: "empty file", file: "", line: 1, col: 1, msg: "empty file"},
	{name: "only comments", file: "# yaml-language-server: $schema=x\n\n", line: 1, col: 1, msg: "empty file"},
	{name: "binary file", file: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", msg: "not a text YAML file"},
	{name: "invalid UTF-8", file: "typ: tj\xe4nsteskrivelse\n", line: 1, col: 8, msg: "not UTF-8 text: the byte 0xE4"},
	{name: "alias bomb", file: billionLaughs, line: 4, col: 8, msg: "aliases (*name) expand to more than"},
	{name: "alias cycle", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: &a [*a]\n", line: 3, col: 15, msg: "alias *a refers to the value that contains it"},
	{name: "several problems at once", file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: a\når: x\nnämder: [HSN]\ntidplan:\n  - start: 2025-13\n", line: 4, col: 5, path: "år", count: 5},
	{
		name: "directory instead of a file",
		setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "direktiv.yaml")
			require.NoError(t, os.Mkdir(p, 0o755))
			return p
		},
		msg: "is a directory, not a YAML file",
	},
	{
		name:  "file does not exist",
		setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "saknas.yaml") },
		msg:   "file does not exist",
	},
	{
		name: "50 MB file",
		setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "stor.yaml")
			f, err := os.Create(p)
			require.NoError(t, err)
			// Sparse: no 50 MB are written, and the loader must refuse it by
			// its size without reading it.
			require.NoError(t, f.Truncate(50<<20))
			require.NoError(t, f.Close())
			return p
		},
		msg: "file is too large (50.0 MB; the limit is 10.0 MB)",
	},
}

// billionLaughs is the classic alias bomb: nine levels of nine aliases,
// about 387 million values once expanded.
const billionLaughs = `typ: uppdragsdirektiv
version: 1
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

func TestBadInputs(t *testing.T) {
	t.Parallel()
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "fil.yaml")
			if tc.setup != nil {
				path = tc.setup(t, dir)
			} else {
				require.NoError(t, os.WriteFile(path, []byte(tc.file), 0o644))
			}
			start := time.Now()
			v, diags := load.New(kind.Default()).File(path)
			assert.Less(t, time.Since(start), 2*time.Second, "refused quickly")
			require.True(t, diags.HasErrors(), "want an error, got %v (%T)", diags, v)
			errs := diags.Errors()
			if tc.count > 0 {
				assert.Len(t, errs, tc.count, "%v", errs)
			}
			d := errs[0]
			assert.Equal(t, path, d.File)
			assert.Equal(t, tc.line, d.Line, "line: %v", d)
			assert.Equal(t, tc.col, d.Col, "col: %v", d)
			assert.Equal(t, tc.path, d.Path, "path: %v", d)
			assert.Contains(t, d.Msg, tc.msg)
			assert.True(t, sorted(diags), "sorted by position: %v", diags)
		})
	}
}

func sorted(l diag.List) bool {
	for i := 1; i < len(l); i++ {
		a, b := l[i-1], l[i]
		if a.Line > b.Line || (a.Line == b.Line && a.Col > b.Col) {
			return false
		}
	}
	return true
}

func TestSeveralProblemsAtOnce(t *testing.T) {
	t.Parallel()
	_, diags := load.Bytes("d.yaml", []byte("typ: uppdragsdirektiv\nversion: 1\nbakgrund: a\når: x\nnämder: [HSN]\ntidplan:\n  - start: 2025-13\n"))
	want := []string{
		`d.yaml:4:5: år: expected a whole number, such as 2025, found the text "x"`,
		`d.yaml:5:1: nämder: unknown key "nämder"; did you mean "nämnder"?`,
		`d.yaml:7:5: tidplan[0].beslutspunkt: required key "beslutspunkt" is missing`,
		`d.yaml:7:5: tidplan[0].beskrivning: required key "beskrivning" is missing`,
		`d.yaml:7:12: tidplan[0].start: "2025-13": month 13 does not exist (01–12)`,
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Error())
	}
	assert.Equal(t, want, got)
}

func TestBytesTooLarge(t *testing.T) {
	t.Parallel()
	_, diags := load.Bytes("x.yaml", make([]byte, load.MaxFileSize+1))
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].Msg, "too large")
}

func TestRegistries(t *testing.T) {
	t.Parallel()
	l := load.New(kind.Default())
	// From a subdirectory: the registries are found in the nearest
	// ancestor with organisation.yaml.
	reg, diags := l.Registries(filepath.Join(okDir, "underlag"))
	require.Empty(t, diags)
	require.NotNil(t, reg.Organisation)
	assert.Equal(t, "Region Exempel", reg.Organisation.Name)
	require.NotNil(t, reg.Glossary)
	require.NotNil(t, reg.People)
	p, ok := reg.Resolve(model.Person{ID: "per-lind"})
	assert.True(t, ok)
	assert.Equal(t, "Per Lind", p.Name)

	again, _ := l.Registries(filepath.Join(okDir, "underlag"))
	assert.Same(t, reg, again, "cached per directory")

	none, diags := l.Registries(t.TempDir())
	assert.Empty(t, diags)
	assert.Nil(t, none.Organisation)
}

func TestRegistriesWrongKind(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "organisation.yaml"), []byte("typ: ordlista\nversion: 1\ntermer: [{term: A, förklaring: B}]\n"), 0o644))
	_, diags := load.New(kind.Default()).Registries(dir)
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].Msg, "organisation.yaml must be of typ organisation, not ordlista")
}

func TestDirective(t *testing.T) {
	t.Parallel()
	l := load.New(kind.Default())
	in, diags := l.Document(filepath.Join(okDir, "underlag", "skrivelse.yaml"))
	require.Empty(t, diags.Errors())
	require.NotNil(t, in.Directive)
	assert.Equal(t, "Stärkt omställning till nära vård", in.Directive.Title)
	assert.Contains(t, in.Deps, in.Directive.Source.Path)

	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	write("status.yaml", "typ: statusrapport\nversion: 1\nuppdragsdirektiv: saknas.yaml\nstatus: grön\n")
	write("hemlig.env", "API_TOKEN=sk-live-0123456789\n")
	for _, tc := range []struct{ ref, want string }{
		{"saknas.yaml", "saknas.yaml does not exist"},
		{"status.yaml", "status.yaml is a statusrapport, not an uppdragsdirektiv"},
		{"hemlig.env", "hemlig.env is not a YAML data file"},
		{"../../../../../../../etc/passwd", "is outside the data tree"},
		{"/dev/zero", "is outside the data tree"},
	} {
		memo := write("memo.yaml", "typ: tjänsteskrivelse\nversion: 1\nnämnd: HSN\nsammanfattning: S.\nförslag_till_beslut: F.\nuppdragsdirektiv: "+tc.ref+"\n")
		_, diags := load.New(kind.Default()).Document(memo)
		require.Len(t, diags, 1, tc.ref)
		assert.Equal(t, "uppdragsdirektiv", diags[0].Path, tc.ref)
		assert.Equal(t, 6, diags[0].Line, tc.ref)
		assert.Contains(t, diags[0].Msg, tc.want, tc.ref)
		assert.NotContains(t, diags.Error(), "sk-live", "an error never quotes a file that is not a data file")
	}
}

func TestConcurrentLoads(t *testing.T) {
	t.Parallel()
	l := load.New(kind.Default())
	var wg sync.WaitGroup
	results := make([]any, 8)
	for i := range results {
		wg.Go(func() {
			results[i], _ = l.File(filepath.Join(okDir, "underlag", "direktiv.yaml"))
			l.Registries(okDir)
		})
	}
	wg.Wait()
	for _, r := range results {
		assert.Same(t, results[0], r, "loaded once")
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, p := range []string{"a.yaml", "b/c.yml", "b/notes.txt", ".git/x.yaml", "out/y.yaml", ".hidden.yaml"} {
		p = filepath.Join(dir, p)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, nil, 0o644))
	}
	got, err := load.Find([]string{dir, filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b", "notes.txt")})
	require.NoError(t, err)
	// A folder named out is data like any other (only a build's own --out
	// is left out, see TestWalk).
	assert.Equal(t, []string{filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b", "c.yml"), filepath.Join(dir, "b", "notes.txt"), filepath.Join(dir, "out", "y.yaml")}, got)

	_, err = load.Find([]string{filepath.Join(dir, "saknas")})
	assert.ErrorContains(t, err, "no such file")
}

func FuzzBytes(f *testing.F) {
	for _, p := range []string{"organisation.yaml", "ordlista.yaml", "personer.yaml", "underlag/direktiv.yaml", "underlag/skrivelse.yaml", "underlag/status.yaml"} {
		data, err := os.ReadFile(filepath.Join(okDir, p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, b := range badInputs {
		if b.setup == nil && len(b.file) < 2000 {
			f.Add([]byte(b.file))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, diags := load.Bytes("fuzz.yaml", data)
		for _, d := range diags {
			if strings.Contains(d.Msg, "internal error") {
				t.Fatalf("internal error for %q: %v", data, d)
			}
		}
		if v == nil && !diags.HasErrors() {
			t.Fatalf("no value and no error for %q", data)
		}
	})
}

func TestLoaderDocument(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file      string
		doc       bool
		directive bool
		registry  bool
	}{
		{"uppdragsdirektiv-nara-vard-2025.yaml", true, false, false},
		{"tjansteskrivelse-hsn-1203-2024.yaml", true, false, false},
		{"statusrapport-nara-vard-2025-11-15.yaml", true, true, false},
		{"organisation.yaml", false, false, true},
	}
	l := load.New(kind.Default())
	for _, tt := range tests {
		in, ds := l.Document(filepath.Join("..", "..", "data", tt.file))
		if ds.HasErrors() {
			t.Fatalf("%s: %v", tt.file, ds)
		}
		if (in.Doc != nil) != tt.doc || (in.Directive != nil) != tt.directive {
			t.Errorf("%s: doc %v, directive %v", tt.file, in.Doc != nil, in.Directive != nil)
		}
		if tt.doc && (in.Registries == nil || in.Registries.Organisation == nil || in.Registries.Glossary == nil) {
			t.Errorf("%s: registries not found: %+v", tt.file, in.Registries)
		}
		if tt.registry && (in.Registries == nil || in.Registries.Organisation == nil) {
			t.Errorf("%s: the registry itself should be returned", tt.file)
		}
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(bad, []byte("typ: statusrapport\nversion: 1\nuppdragsdirektiv: saknas.yaml\nstatus: gul\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	in, ds := l.Document(bad)
	if !ds.HasErrors() || in.Directive != nil || !strings.Contains(ds.Error(), "uppdragsdirektiv") {
		t.Errorf("a missing directive must be reported at its field: %v", ds)
	}
}

// A text field written as YAML's null is said, not dropped silently; a
// file over the size limit says by how much, in units that show it.
func TestNullTextAndSizeMessage(t *testing.T) {
	t.Parallel()
	_, diags := load.Bytes("m.yaml", []byte("typ: tjänsteskrivelse\nversion: 1\ntitel: Null\nnämnd: HSN\nsammanfattning: S.\nförslag_till_beslut: F.\n"))
	require.Len(t, diags, 1)
	assert.Equal(t, "m.yaml:3:8: warning: titel: Null is YAML's empty value, so titel is left empty (hint: write \"Null\" in quotes if you mean the word, or leave the key out)", diags[0].Error())

	big := make([]byte, load.MaxFileSize+1)
	_, diags = load.Bytes("stor.yaml", big)
	require.Len(t, diags, 1)
	assert.Contains(t, diags[0].Msg, "10485761 bytes; the limit is 10485760 bytes")
}

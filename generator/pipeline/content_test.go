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

	// A slip in the list is an error at its item, not a number dropped or
	// printed twice.
	for _, tc := range []struct{ name, numbers, want string }{
		{"an empty item", "[TE-2018-00895, \"\"]", `m.yaml:7:31: diarienummer[1]: the case number is empty`},
		{"a number twice", "\n  - TE-2018-00895\n  - TE-2023-00973\n  - TE-2018-00895\n", `m.yaml:10:5: diarienummer[2]: case number "TE-2018-00895" is already diarienummer[0]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := contentTree(t, map[string]string{"m.yaml": contentMemo + "datum: 2025-02-01\ndiarienummer: " + tc.numbers + "\n"})
			got := strings.ReplaceAll(contentPipeline(t).Validate(filepath.Join(dir, "m.yaml")).Error(), dir+string(filepath.Separator), "")
			assert.Contains(t, got, tc.want)
		})
	}
}

// Finding 2: a document refers to another document in the tree: a field
// of typ dokument in a kind defined in data, and a decision basis entry's
// dokument. The template gets the target's kind, title, date, case
// numbers and §; a bad reference is an error at the referring field.
func TestDocumentReferences(t *testing.T) {
	t.Parallel()
	const kindFile = "typ: dokumenttyp\nversion: 1\nnamn: uppföljning\nfält:\n" +
		"  - {nyckel: följer_upp, typ: dokument, dokumenttyper: [tjänsteskrivelse], obligatorisk: true}\n" +
		"  - {nyckel: utdrag, typ: dokument}\n"
	const extract = "typ: dokumenttyp\nversion: 1\nnamn: protokollsutdrag\nfält:\n  - {nyckel: paragraf, typ: text}\n"
	const kindTmpl = "# {{ titel }}\n\n{{ with dokument \"följer_upp\" }}Följer upp: {{ .KindLabel }} {{ .Title }}, {{ .Date }}, dnr {{ .CaseNumber }}{{ end }}\n\n{{ with dokument \"utdrag\" }}Utdrag: § {{ .Paragraph }}{{ end }}\n"
	const target = contentMemo + "titel: Samverkan kring skolskjuts\ndatum: 2024-11-20\ndiarienummer: [TE-2018-00895, TE-2023-00973]\n"
	files := map[string]string{
		"organisation.yaml":               "dokumenttyper: [uf.yaml, pu.yaml]\nmallar: mallar\n",
		"uf.yaml":                         kindFile,
		"pu.yaml":                         extract,
		"mallar/uppfoljning.md.tmpl":      kindTmpl,
		"mallar/protokollsutdrag.md.tmpl": "# {{ titel }}\n",
		"arenden/ts.yaml":                 target,
		"arenden/utdrag.yaml":             "typ: protokollsutdrag\nversion: 1\ntitel: Protokollsutdrag\ndatum: 2024-12-05\nparagraf: \"§ 45\"\n",
		"uppf.yaml":                       "typ: uppföljning\nversion: 1\ntitel: Uppföljning\ndatum: 2025-06-01\nföljer_upp: arenden/ts.yaml\nutdrag: arenden/utdrag.yaml\n",
		"m.yaml": contentMemo + "datum: 2025-06-01\ndiarienummer: TE-2025-1\nbeslutsunderlag:\n" +
			"  - dokument: arenden/ts.yaml\n" +
			"  - {titel: Protokollsutdrag KS, dokument: {fil: arenden/ts.yaml, paragraf: 12}}\n" +
			"  - dokument: arenden/utdrag.yaml\n",
	}
	dir := contentTree(t, files)
	p := contentPipeline(t)

	md, _, _ := contentMarkdown(t, p, filepath.Join(dir, "uppf.yaml"))
	assert.Contains(t, md, "Följer upp: Tjänsteskrivelse Samverkan kring skolskjuts, 2024-11-20, dnr TE-2018-00895, TE-2023-00973")
	assert.Contains(t, md, "Utdrag: § 45", "the target's own paragraf")

	md, _, _ = contentMarkdown(t, p, filepath.Join(dir, "m.yaml"))
	assert.Contains(t, md, "Tjänsteskrivelse: Samverkan kring skolskjuts, den 20 november 2024, dnr TE-2018-00895, TE-2023-00973")
	assert.Contains(t, md, "Protokollsutdrag KS, den 20 november 2024, dnr TE-2018-00895, TE-2023-00973, § 12", "the entry's own title and §")
	assert.Contains(t, md, "- Protokollsutdrag, den 5 december 2024, § 45\n")

	// The target is a dependency: a build rebuilds the referrer when it
	// changes.
	d, diags := p.Load(filepath.Join(dir, "uppf.yaml"))
	require.False(t, diags.HasErrors())
	assert.Contains(t, d.Deps(), filepath.Join(dir, "arenden", "ts.yaml"))
	assert.Contains(t, d.Deps(), filepath.Join(dir, "arenden", "utdrag.yaml"))

	for _, tc := range []struct {
		name, body, want string
	}{
		{"missing target", "följer_upp: arenden/saknas.yaml\n", `uppf.yaml:5:13: följer_upp: arenden/saknas.yaml does not exist`},
		{"wrong kind", "följer_upp: arenden/utdrag.yaml\n", `uppf.yaml:5:13: följer_upp: arenden/utdrag.yaml is a protokollsutdrag; this field takes a tjänsteskrivelse`},
		{"a registry", "följer_upp: organisation.yaml\n", `uppf.yaml:5:13: följer_upp: organisation.yaml is a organisation, not a document`},
		{"outside the tree", "följer_upp: ../../etc/passwd.yaml\n", `följer_upp: ../../etc/passwd.yaml`},
		{"not a data file", "följer_upp: {fil: arenden/x.pdf}\n", `uppf.yaml:5:19: följer_upp.fil: arenden/x.pdf is not a YAML data file`},
		{"itself", "följer_upp: uppf.yaml\n", `uppf.yaml:5:13: följer_upp: uppf.yaml is this document itself`},
		{"a target with errors", "följer_upp: arenden/trasig.yaml\n", `uppf.yaml:5:13: följer_upp: arenden/trasig.yaml has errors of its own`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fs := map[string]string{"arenden/x.pdf": "%PDF-1.4\n", "arenden/trasig.yaml": "typ: tjänsteskrivelse\nversion: 1\nnämd: KS\n"}
			for k, v := range files {
				fs[k] = v
			}
			fs["uppf.yaml"] = "typ: uppföljning\nversion: 1\ntitel: Uppföljning\ndatum: 2025-06-01\n" + tc.body
			dir := contentTree(t, fs)
			got := strings.ReplaceAll(p.Validate(filepath.Join(dir, "uppf.yaml")).Error(), dir+string(filepath.Separator), "")
			assert.Contains(t, got, tc.want)
		})
	}

	// A field's dokumenttyper must name kinds of the tree, and only a
	// field of typ dokument has them.
	dir = contentTree(t, map[string]string{
		"organisation.yaml": "dokumenttyper: [uf.yaml]\n",
		"uf.yaml": "typ: dokumenttyp\nversion: 1\nnamn: uppföljning\nfält:\n" +
			"  - {nyckel: följer_upp, typ: dokument, dokumenttyper: [tjänsteskrivelsen]}\n",
	})
	got := strings.ReplaceAll(p.Validate(filepath.Join(dir, "organisation.yaml")).Error(), dir+string(filepath.Separator), "")
	assert.Contains(t, got, `uf.yaml:5:57: fält[0].dokumenttyper[0]: no document kind "tjänsteskrivelsen"; did you mean "tjänsteskrivelse"?`)
	dir = contentTree(t, map[string]string{
		"organisation.yaml": "dokumenttyper: [uf.yaml]\n",
		"uf.yaml":           "typ: dokumenttyp\nversion: 1\nnamn: uppföljning\nfält:\n  - {nyckel: text, typ: markdown, dokumenttyper: [tjänsteskrivelse]}\n",
	})
	got = strings.ReplaceAll(p.Validate(filepath.Join(dir, "organisation.yaml")).Error(), dir+string(filepath.Separator), "")
	assert.Contains(t, got, `uf.yaml:5:35: fält[0].dokumenttyper: only a field of typ dokument has dokumenttyper`)

	// A decision basis entry with neither title nor document.
	dir = contentTree(t, map[string]string{"m.yaml": contentMemo + "beslutsunderlag:\n  - datum: 2024-01-01\n"})
	assert.Contains(t, p.Validate(filepath.Join(dir, "m.yaml")).Error(), "m.yaml:7:5: beslutsunderlag[0]: the entry has neither titel nor dokument")
}

// Finding 3: people have a phone (and e-mail) in the registry and in a
// document, and a template prints any of name, title, unit, phone and
// e-mail wherever a person is.
func TestPeoplePhones(t *testing.T) {
	t.Parallel()
	const tmpl = "# {{ titel }}\n\nHandläggare: {{ kontakt .CaseOfficer }}\n\nKort: {{ kontakt .CaseOfficer \"namn\" \"telefon\" }}\n\n" +
		"{{ range .DispatchTo }}Mottagare: {{ (person .).Phone }}\n\n{{ end }}"
	dir := contentTree(t, map[string]string{
		"organisation.yaml":               "mallar: mallar\n",
		"mallar/tjansteskrivelse.md.tmpl": tmpl,
		"personer.yaml":                   "typ: personer\nversion: 1\npersoner:\n  - {id: erika-frohm, namn: Erika Frohm, titel: Strateg, enhet: Hälso- och sjukvårdsavdelningen, telefon: 090-785 00 00, epost: erika.frohm@example.se}\n",
		"m.yaml":                          contentMemo + "handläggare: {id: erika-frohm}\nexpedieras_till:\n  - {namn: Anna Ek, telefon: 070-111 22 33}\n",
	})
	md, _, _ := contentMarkdown(t, contentPipeline(t), filepath.Join(dir, "m.yaml"))
	assert.Contains(t, md, "Handläggare: Erika Frohm, Strateg, Hälso- och sjukvårdsavdelningen, 090-785 00 00, erika.frohm@example.se")
	assert.Contains(t, md, "Kort: Erika Frohm, 090-785 00 00")
	assert.Contains(t, md, "Mottagare: 070-111 22 33", "a person written in full in the document")

	// A part that does not exist is an error naming the valid ones.
	dir = contentTree(t, map[string]string{
		"organisation.yaml":               "mallar: mallar\n",
		"mallar/tjansteskrivelse.md.tmpl": "{{ kontakt .CaseOfficer \"mobil\" }}\n",
		"m.yaml":                          contentMemo + "handläggare: {namn: A}\n",
	})
	p := contentPipeline(t)
	d, diags := p.Load(filepath.Join(dir, "m.yaml"))
	require.False(t, diags.HasErrors())
	_, diags = p.Compose(d)
	assert.Contains(t, diags.Error(), `kontakt: no part "mobil"; valid parts: namn, titel, enhet, telefon, epost`)
}

// Finding 4: a committee without an abbreviation is named by its name;
// the list of valid committees has no empty value; an entry with neither
// is an error at its line.
func TestCommitteesWithoutAbbreviation(t *testing.T) {
	t.Parallel()
	const committees = "nämnder:\n  - namn: Nämnden för Teknik\n  - {förkortning: KF, namn: Kommunfullmäktige}\n"
	org := strings.Replace(contentOrg, "nämnder: [{förkortning: KS, namn: Kommunstyrelsen}]\n", committees, 1)
	write := func(t *testing.T, files map[string]string) string {
		dir := t.TempDir()
		for name, body := range files {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
		}
		return dir
	}
	p := contentPipeline(t)
	memo := strings.Replace(contentMemo, "nämnd: KS", "nämnd: Nämnden för Teknik", 1)
	dir := write(t, map[string]string{"organisation.yaml": org, "m.yaml": memo})
	assert.Empty(t, p.Validate(filepath.Join(dir, "organisation.yaml")))
	md, _, _ := contentMarkdown(t, p, filepath.Join(dir, "m.yaml"))
	assert.Contains(t, md, "| Till | Nämnden för Teknik |")

	dir = write(t, map[string]string{"organisation.yaml": org, "m.yaml": strings.Replace(contentMemo, "nämnd: KS", "nämnd: Nämnden för Tekni", 1)})
	got := p.Validate(filepath.Join(dir, "m.yaml")).Error()
	assert.Contains(t, got, `committee "Nämnden för Tekni" is not in the organisation profile`)
	assert.Contains(t, got, `did you mean "Nämnden för Teknik"`)
	dir = write(t, map[string]string{"organisation.yaml": org, "m.yaml": strings.Replace(contentMemo, "nämnd: KS", "nämnd: Helt annat organ", 1)})
	got = p.Validate(filepath.Join(dir, "m.yaml")).Error()
	assert.Contains(t, got, "Nämnden för Teknik, KF")
	assert.NotContains(t, got, "valid: ,")

	bad := strings.Replace(org, "  - namn: Nämnden för Teknik\n", "  - namn: Nämnden för Teknik\n  - {}\n", 1)
	dir = write(t, map[string]string{"organisation.yaml": bad})
	got = strings.ReplaceAll(p.Validate(filepath.Join(dir, "organisation.yaml")).Error(), dir+string(filepath.Separator), "")
	assert.Contains(t, got, "organisation.yaml:6:5: nämnder[1]")
}

// Finding 5: extra sections are placed against the final order, after
// the profile's ordning: after förslag_till_beslut means right after it
// even when the profile puts it first.
func TestExtraSectionsAfterProfileOrder(t *testing.T) {
	t.Parallel()
	const reordered = "ordning:\n  tjänsteskrivelse: [förslag_till_beslut, sammanfattning]\n"
	for _, tc := range []struct {
		name, extra string
		want        []string // headings in order
	}{
		{"efter the first after reordering", "extra_avsnitt:\n  - {rubrik: Extra, text: E., efter: förslag_till_beslut}\n",
			[]string{"## Förslag till beslut", "## Extra", "## Sammanfattning"}},
		{"före the second after reordering", "extra_avsnitt:\n  - {rubrik: Extra, text: E., före: sammanfattning}\n",
			[]string{"## Förslag till beslut", "## Extra", "## Sammanfattning"}},
		{"efter the last", "extra_avsnitt:\n  - {rubrik: Extra, text: E., efter: sammanfattning}\n",
			[]string{"## Förslag till beslut", "## Sammanfattning", "## Extra"}},
		{"efter a section the document leaves out", "miljö: M.\nutelämna: [miljö]\nextra_avsnitt:\n  - {rubrik: Extra, text: E., efter: miljö}\n",
			[]string{"## Förslag till beslut", "## Sammanfattning", "## Extra"}},
		{"the document's ordning names the extra section", "extra_avsnitt:\n  - {id: extra, rubrik: Extra, text: E., efter: sammanfattning}\nordning: [extra, förslag_till_beslut]\n",
			[]string{"## Extra", "## Sammanfattning", "## Förslag till beslut"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := contentTree(t, map[string]string{"organisation.yaml": reordered, "m.yaml": contentMemo + tc.extra})
			md, _, _ := contentMarkdown(t, contentPipeline(t), filepath.Join(dir, "m.yaml"))
			last := -1
			for _, h := range tc.want {
				i := strings.Index(md, h+"\n")
				require.GreaterOrEqual(t, i, 0, "%s in\n%s", h, md)
				assert.Greater(t, i, last, "%s out of order in\n%s", h, md)
				last = i
			}
			assert.NotContains(t, md, "## Miljö", "left out")
		})
	}
}

// Finding 6: every settings map of the profile checks its keys, with a
// did-you-mean; a kind file under dokumenttyper must exist even when no
// document uses the kind.
func TestSettingsKeysAreChecked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, org, want string
	}{
		{"datumformat key", "datumformat:\n  foo: iso\n", `organisation.yaml:7:8: datumformat.foo: no table or field with dates "foo"; valid values: datum, tidplan, milstolpar, delaktiviteter, beslutsunderlag`},
		{"datumformat near miss", "datumformat:\n  tidplann: iso\n", `datumformat.tidplann: no table or field with dates "tidplann"; did you mean "tidplan"?`},
		{"ordning kind", "ordning:\n  tjänsteskrivelser: [förslag_till_beslut, sammanfattning]\n", `organisation.yaml:7:22: ordning.tjänsteskrivelser: no document kind "tjänsteskrivelser"; did you mean "tjänsteskrivelse"?`},
		{"utelämna kind", "utelämna:\n  memo: [miljö]\n", `utelämna.memo: no document kind "memo"`},
		{"kind file that does not exist", "dokumenttyper: [saknas.yaml]\n", `organisation.yaml:6:17: dokumenttyper[0]: saknas.yaml does not exist`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := contentTree(t, map[string]string{"organisation.yaml": tc.org})
			got := strings.ReplaceAll(contentPipeline(t).Validate(filepath.Join(dir, "organisation.yaml")).Error(), dir+string(filepath.Separator), "")
			assert.Contains(t, got, tc.want)
		})
	}

	// A kind's table field is a valid datumformat key, and so are the
	// built-in ones.
	dir := contentTree(t, map[string]string{
		"organisation.yaml": "dokumenttyper: [pb.yaml]\ndatumformat: {leveranser: ord, tidplan: namn, beslutsunderlag: iso}\n",
		"pb.yaml":           "typ: dokumenttyp\nversion: 1\nnamn: projektbeställning\nfält:\n  - {nyckel: leveranser, typ: tabell, kolumner: [{nyckel: när, typ: datum}]}\n",
	})
	assert.Empty(t, contentPipeline(t).Validate(filepath.Join(dir, "organisation.yaml")))
}

// Finding 8: the date style ord writes a quarter's number in words; a
// table cell starts with a capital.
func TestDateStyleInWords(t *testing.T) {
	t.Parallel()
	dir := contentTree(t, map[string]string{
		"organisation.yaml":                 "dokumenttyper: [pb.yaml]\nmallar: mallar\ndatumformat: {leveranser: ord, datum: ord}\n",
		"pb.yaml":                           "typ: dokumenttyp\nversion: 1\nnamn: projektbeställning\nfält:\n  - {nyckel: leveranser, typ: tabell, kolumner: [vad, {nyckel: när, typ: datum}]}\n",
		"mallar/projektbestallning.md.tmpl": "# {{ titel }}\n\nDatum: {{ datum .Date }}\n\n{{ tabell \"leveranser\" }}\n",
		"p.yaml":                            "typ: projektbeställning\nversion: 1\ntitel: P\ndatum: 2025-Q4\nleveranser:\n  - {vad: A, när: 2025-Q4}\n  - {vad: B, när: 2026-H1}\n",
	})
	md, _, _ := contentMarkdown(t, contentPipeline(t), filepath.Join(dir, "p.yaml"))
	assert.Contains(t, md, "Datum: kvartal fyra 2025")
	assert.Contains(t, md, "| A | Kvartal fyra 2025 |")
	assert.Contains(t, md, "| B | Första halvåret 2026 |")
}

// Finding 7: a field's rubrik in a kind defined in data is its heading
// label, without writing it again in etiketter.yaml; rubriker still
// rename it.
func TestKindFieldHeadings(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"organisation.yaml": "dokumenttyper: [pb.yaml]\nmallar: mallar\n",
		"pb.yaml": "typ: dokumenttyp\nversion: 1\nnamn: projektbeställning\nfält:\n" +
			"  - {nyckel: leveranser, typ: markdown, rubrik: Leveranser till kommunen}\n" +
			"  - {nyckel: bakgrund, typ: markdown, rubrik: Projektets bakgrund}\n",
		"mallar/projektbestallning.md.tmpl": "# {{ titel }}\n\n## {{ rubrik \"bakgrund\" }}\n{{ md .Fält.bakgrund }}\n\n## {{ rubrik \"leveranser\" }}\n{{ md .Fält.leveranser }}\n",
		"p.yaml":                            "typ: projektbeställning\nversion: 1\ntitel: P\nbakgrund: B.\nleveranser: L.\n",
	}
	dir := contentTree(t, files)
	p := contentPipeline(t)
	md, _, _ := contentMarkdown(t, p, filepath.Join(dir, "p.yaml"))
	assert.Contains(t, md, "## Projektets bakgrund\n", "the field's rubrik before the built-in label")
	assert.Contains(t, md, "## Leveranser till kommunen\n")

	files["p.yaml"] += "rubriker: {leveranser: Att leverera}\n"
	dir = contentTree(t, files)
	md, _, _ = contentMarkdown(t, p, filepath.Join(dir, "p.yaml"))
	assert.Contains(t, md, "## Att leverera\n", "a document's rubriker renames it")

	files["p.yaml"] = "typ: projektbeställning\nversion: 1\ntitel: P\nbakgrund: B.\nrubriker: {leverancer: X}\n"
	dir = contentTree(t, files)
	d, diags := p.Load(filepath.Join(dir, "p.yaml"))
	require.False(t, diags.HasErrors(), "%v", diags)
	_, diags = p.Compose(d)
	assert.Contains(t, diags.Error(), `rubriker.leverancer: no heading or label "leverancer"; did you mean "leveranser"?`)
}

// Finding 10: a list item indented one step too deep is folded by YAML
// into the item before it; the loader warns at the line, so that lint and
// build say so.
func TestFoldedListItem(t *testing.T) {
	t.Parallel()
	const memo = "typ: tjänsteskrivelse\nversion: 1\nnämnd: KS\nsammanfattning: S.\n"
	for _, tc := range []struct {
		name, body, want string
	}{
		{"an item folded into the one before", "förslag_till_beslut:\n  punkter:\n    - att anta planen enligt bilaga 1,\n      - upphäva det tidigare beslutet,\n    - att tre.\n",
			`m.yaml:8:7: warning: förslag_till_beslut.punkter[0]: this line is part of the text above it ("att anta planen enligt bilaga 1, …"), not a list item of its own`},
		{"in a folded block", "förslag_till_beslut: >\n  Nämnden föreslås besluta\n  - att anta planen.\n",
			`m.yaml:7:3: warning: förslag_till_beslut: this line is part of the text above it`},
		{"a Markdown list in a literal block", "förslag_till_beslut: |\n  Nämnden föreslås besluta\n\n  - att anta planen.\n", ""},
		{"a dash inside a line", "förslag_till_beslut: Att anta planen för 2024 - 2025.\n", ""},
		{"a dash in a quoted text over two lines", "förslag_till_beslut: \"Att anta planen\n  - och budgeten.\"\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := contentTree(t, map[string]string{"m.yaml": memo + tc.body})
			p := contentPipeline(t)
			path := filepath.Join(dir, "m.yaml")
			got := strings.ReplaceAll(p.Validate(path).Error(), dir+string(filepath.Separator), "")
			_, loaded := p.Load(path) // what build sees
			if tc.want == "" {
				assert.NotContains(t, got, "not a list item")
				return
			}
			assert.Contains(t, got, tc.want)
			assert.Contains(t, loaded.Error(), "not a list item of its own")
		})
	}
}

// Finding 6, the header's and footer's lead texts: a key that names no
// field is an error at its line when a document is composed.
func TestFieldLabelKeysAreChecked(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, org, want string }{
		{"header", "sidhuvud:\n  höger: [diarienummer]\n  etiketter: {diarienumer: \"Dnr \"}\n", `organisation.yaml:8:28: sidhuvud.etiketter.diarienumer: no field "diarienumer" to label; did you mean "diarienummer"?`},
		{"page one's header", "sidhuvud:\n  höger: [datum]\n  första_sidan:\n    höger: [datum]\n    etiketter: {datumm: \"Datum \"}\n", `sidhuvud.första_sidan.etiketter.datumm: no field "datumm" to label; did you mean "datum"?`},
		{"footer", "sidfot:\n  rader: [[telefon]]\n  etiketter: {fax: \"Fax \"}\n", `sidfot.etiketter.fax: no field "fax" to label; valid fields: organisation, förvaltning`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := contentTree(t, map[string]string{"organisation.yaml": tc.org, "m.yaml": contentMemo})
			p := contentPipeline(t)
			d, diags := p.Load(filepath.Join(dir, "m.yaml"))
			require.False(t, diags.HasErrors(), "%v", diags)
			_, diags = p.Compose(d)
			got := strings.ReplaceAll(diags.Error(), dir+string(filepath.Separator), "")
			assert.Contains(t, got, tc.want)
		})
	}
}

package lint_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/lint"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// okDir holds small valid fixtures: registries (people anna-ek "Anna Ek"
// and per-lind "Per Lind", glossary BP and MS, committees HSN and RS) and
// one document of each kind in underlag/.
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

// withReview returns the registries with the profile's granskning set.
func withReview(reg *model.Registries, r model.Review) *model.Registries {
	org := *reg.Organisation
	org.Review = r
	out := *reg
	out.Organisation = &org
	return &out
}

// input loads a document from text as the pipeline would, with the
// fixtures' registries and, for a status report, their directive.
func input(t *testing.T, reg *model.Registries, dir *model.Directive, text string) load.Input {
	t.Helper()
	v, diags := load.Bytes("doc.yaml", []byte(text))
	require.Empty(t, diags, text)
	d := v.(model.Document)
	k, _ := kind.Default().Of(d)
	in := load.Input{Doc: d, Kind: k, Registries: reg}
	if model.DirectiveOf(d) != "" {
		in.Directive = dir
	}
	return in
}

func lines(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.Error())
	}
	return out
}

const (
	// Complete documents of each kind, so that a case adds only what it
	// is about.
	dirHead    = "typ: uppdragsdirektiv\nversion: 1\nbakgrund: Text.\nunderskrifter: [{roll: Uppdragsägare}]\ntidplan:\n  - {beslutspunkt: BP1, beskrivning: Start, start: 2025-01, slut: 2025-12}\n"
	memoHead   = "typ: tjänsteskrivelse\nversion: 1\ndatum: 2024-11-20\ndiarienummer: HSN 1-2024\nnämnd: HSN\nsammanfattning: Kort.\nförslag_till_beslut: Att godkänna.\n"
	statusHead = "typ: statusrapport\nversion: 1\ndatum: 2025-11-15\nuppdragsdirektiv: direktiv.yaml\nstatus: {nivå: grön, kommentar: Allt går enligt plan.}\n"
)

func TestRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		file   string
		review model.Review
		want   []string // findings as printed, in order; the file is doc.yaml
	}{
		// required-field
		{name: "memo without datum and diarienummer",
			file: "typ: tjänsteskrivelse\nversion: 1\nnämnd: HSN\nsammanfattning: Kort.\nförslag_till_beslut: Att godkänna.\n",
			want: []string{
				"doc.yaml:1:1: datum: required field datum is missing; a tjänsteskrivelse must have it before it goes to a committee [required-field]",
				"doc.yaml:1:1: diarienummer: required field diarienummer is missing; a tjänsteskrivelse must have it before it goes to a committee [required-field]",
			}},
		{name: "complete memo", file: memoHead},
		{name: "directive without tidplan and underskrifter",
			file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: Text.\n",
			want: []string{
				"doc.yaml:1:1: tidplan: required field tidplan is missing; a uppdragsdirektiv must have it before it goes to a committee [required-field]",
				"doc.yaml:1:1: underskrifter: required field underskrifter is missing; a uppdragsdirektiv must have it before it goes to a committee [required-field]",
			}},
		{name: "a directive with its signer list written empty",
			file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: Text.\nunderskrifter: []\ntidplan:\n  - {beslutspunkt: BP1, beskrivning: Start, start: 2025-01, slut: 2025-12}\n",
			want: []string{"doc.yaml:4:1: underskrifter: underskrifter is empty; a uppdragsdirektiv must have it before it goes to a committee [required-field]"}},
		{name: "an empty required field",
			file: "typ: tjänsteskrivelse\nversion: 1\ndatum: 2024-11-20\ndiarienummer: \" \"\nnämnd: HSN\nsammanfattning: Kort.\nförslag_till_beslut: Att godkänna.\n",
			want: []string{"doc.yaml:4:15: diarienummer: diarienummer is empty; a tjänsteskrivelse must have it before it goes to a committee [required-field]"}},
		{name: "a required section written empty",
			file: "typ: tjänsteskrivelse\nversion: 1\ndatum: 2024-11-20\ndiarienummer: HSN 1-2024\nnämnd: HSN\nsammanfattning: \"-\"\nförslag_till_beslut: Att godkänna.\n",
			want: []string{"doc.yaml:6:17: sammanfattning: sammanfattning is empty; a tjänsteskrivelse must have it [required-field]"}},
		{name: "a field the profile requires",
			file:   memoHead,
			review: model.Review{Required: []model.KindFields{{Kind: "tjänsteskrivelse", Fields: []string{"handläggare", "jämställdhet"}}}},
			want: []string{
				"doc.yaml:1:1: handläggare: required field handläggare is missing; the organisation requires it of every tjänsteskrivelse (granskning.kräver in organisation.yaml) [required-field]",
				"doc.yaml:1:1: jämställdhet: required field jämställdhet is missing; the organisation requires it of every tjänsteskrivelse (granskning.kräver in organisation.yaml) [required-field]",
			}},
		{name: "a field the profile requires, present",
			file:   memoHead + "jämställdhet: Påverkas inte.\n",
			review: model.Review{Required: []model.KindFields{{Kind: "tjänsteskrivelse", Fields: []string{"jämställdhet"}}}}},

		// unfinished-text
		{name: "a required text that stops",
			file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: |\n  Fullmäktige har gett nämnderna\n  ett uppdrag som\nunderskrifter: [{roll: Uppdragsägare}]\ntidplan: [{beslutspunkt: BP1, beskrivning: Start}]\n",
			want: []string{`doc.yaml:5:15: warning: bakgrund: bakgrund ends mid-sentence ("ett uppdrag som") [unfinished-text]`}},
		{name: "the text that ends the file stops",
			file: dirHead + "överlämning: |\n  Överlämning sker mellan uppdragsägaren och uppdragsledaren i ett\n",
			want: []string{`doc.yaml:8:64: warning: överlämning: överlämning ends mid-sentence ("… uppdragsägaren och uppdragsledaren i ett"), and it ends the file: was the file cut off? [unfinished-text]`}},
		{name: "a short phrase ends the file", file: dirHead + "kostnader: Inom befintliga ramar\n"},
		{name: "a list, a heading or a closed sentence may end a text",
			file: dirHead + "risker: Inga kända.\nidé: \"Så här (se bilaga).\"\növerlämning: |\n  Så här:\n\n  - i möte\n  - skriftligt\n"},

		// empty-section
		{name: "an empty section", file: dirHead + "risker: \"\"\nkommunikation:\n",
			want: []string{
				"doc.yaml:7:9: warning: risker: risker is written but holds no text [empty-section]",
				"doc.yaml:8:15: warning: kommunikation: kommunikation is written but holds no text [empty-section]",
			}},
		{name: "a written section", file: dirHead + "risker: Inga kända risker.\n"},

		// timeline-milestone-date
		{name: "milestone outside its phase",
			file: dirHead + "milstolpar:\n  - {datum: 2026-01, beslut: Start, beslutspunkt: BP1}\n  - {datum: 2025-06, beslut: Mitt, beslutspunkt: MS1}\n",
			want: []string{"doc.yaml:8:13: warning: milstolpar[0].datum: BP1 is dated 2026-01 in milstolpar, but its phase in tidplan (line 6) is 2025-01–2025-12 [timeline-milestone-date]"}},
		{name: "milestone inside its phase, a month overlapping a day",
			file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: Text.\nunderskrifter: [{roll: Uppdragsägare}]\ntidplan:\n  - {beslutspunkt: BP1, beskrivning: Start, start: 2025-10-01, slut: 2025-10-20}\nmilstolpar:\n  - {datum: 2025-10, beslut: Start, beslutspunkt: BP1}\n"},
		{name: "a phase with only a start is that day",
			file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: Text.\nunderskrifter: [{roll: Uppdragsägare}]\ntidplan:\n  - {beslutspunkt: BP0, beskrivning: Beredning, start: 2024-11-18}\nmilstolpar:\n  - {datum: 2024-12, beslut: Beredning, beslutspunkt: BP0}\n",
			want: []string{"doc.yaml:8:13: warning: milstolpar[0].datum: BP0 is dated 2024-12 in milstolpar, but its phase in tidplan (line 6) is 2024-11-18 [timeline-milestone-date]"}},

		// activity-outside-period
		{name: "activity after the timeline",
			file: dirHead + "delaktiviteter:\n  - {aktivitet: Kartlägga, slut: 2026-03}\n  - {aktivitet: Analysera, start: 2025-02, slut: 2025-04}\n",
			want: []string{"doc.yaml:8:34: warning: delaktiviteter[0].slut: the activity's slut 2026-03 is outside the timeline (tidplan), 2025-01–2025-12 [activity-outside-period]"}},
		{name: "activity outside the year, without a timeline",
			file: "typ: uppdragsdirektiv\nversion: 1\nbakgrund: Text.\nunderskrifter: [{roll: Uppdragsägare}]\ntidplan: [{beslutspunkt: BP1, beskrivning: Start}]\når: 2025\ndelaktiviteter:\n  - {aktivitet: Kartlägga, start: 2024-06}\n",
			want: []string{"doc.yaml:8:35: warning: delaktiviteter[0].start: the activity's start 2024-06 is outside the commission's year (år), 2025 [activity-outside-period]"}},

		// heading-year
		{name: "a heading's year contradicts its dates",
			file: dirHead + "rubriker:\n  delaktiviteter: Delaktiviteter 2024\ndelaktiviteter:\n  - {aktivitet: Kartlägga, slut: 2025-03}\n",
			want: []string{`doc.yaml:8:34: warning: rubriker.delaktiviteter: the heading "Delaktiviteter 2024" names 2024, but the dates in delaktiviteter are in 2025 [heading-year]`}},
		{name: "a heading's year agrees",
			file: dirHead + "rubriker:\n  delaktiviteter: Delaktiviteter 2025\n  uppdragsmål: Uppdragsmål 2031\ndelaktiviteter:\n  - {aktivitet: Kartlägga, start: 2025-02, slut: 2025-03}\n"},

		// status-before-directive, status-unknown-id, status-comment
		{name: "status report before its directive",
			file: "typ: statusrapport\nversion: 1\ndatum: 2024-10-01\nuppdragsdirektiv: direktiv.yaml\nstatus: {nivå: grön, kommentar: Bra.}\n",
			want: []string{"doc.yaml:3:8: datum: the report is dated 2024-10-01, before its directive direktiv.yaml (2024-11-18) [status-before-directive]"}},
		{name: "status report after its directive", file: statusHead},
		{name: "status rows not in the directive",
			file: statusHead + "aktiviteter:\n  - id: DA9\n    status: klar\nmilstolpar:\n  - beslutspunkt: MS1\n  - beslutspunkt: BP1\n",
			want: []string{
				`doc.yaml:7:9: aktiviteter[0].id: the directive direktiv.yaml has no delaktivitet with id "DA9"; valid: DA1 [status-unknown-id]`,
				`doc.yaml:10:19: milstolpar[0].beslutspunkt: the directive direktiv.yaml has no milstolpe or beslutspunkt "MS1"; valid: BP0, BP1 [status-unknown-id]`,
			}},
		{name: "a status without a comment",
			file: "typ: statusrapport\nversion: 1\ndatum: 2025-11-15\nuppdragsdirektiv: direktiv.yaml\nstatus: gul\n",
			want: []string{"doc.yaml:5:9: warning: status: the status gul has no kommentar [status-comment]"}},

		// name-near-miss
		{name: "a name spelled almost like the registry's",
			file: memoHead + "beredningsansvariga: |\n  Utredningen gjordes av Per Lindh, med stöd av Anna Ek.\n",
			want: []string{`doc.yaml:9:26: warning: beredningsansvariga: "Per Lindh" is close to "Per Lind" in the people registry (../load/testdata/ok/personer.yaml), but not the same [name-near-miss]`}},
		{name: "a name in a person field",
			file: memoHead + "expedieras_till:\n  - {namn: Per Lindt, titel: Utvecklingsledare}\n",
			want: []string{`doc.yaml:9:12: warning: expedieras_till[0].namn: "Per Lindt" is close to "Per Lind" in the people registry (../load/testdata/ok/personer.yaml), but not the same [name-near-miss]`}},
		{name: "names spelled right, and other names",
			file: memoHead + "beredningsansvariga: Per Lind och Anna Ek, med Karin Berg och Region Exempel.\n"},

		// role-without-person
		{name: "a leader's role that names no one",
			file: dirHead + "organisation:\n  uppdragsägare: Hälso- och sjukvårdsdirektören\n  uppdragsledare:\n    text: Utses senare\n  mottagare_av_resultatet: Uppdragsägaren\n",
			want: []string{
				"doc.yaml:8:18: warning: organisation.uppdragsägare: the role uppdragsägare names no person [role-without-person]",
				"doc.yaml:9:3: warning: organisation.uppdragsledare: the role uppdragsledare names no person [role-without-person]",
			}},
		{name: "roles that name people",
			file: dirHead + "organisation:\n  uppdragsägare: Hälso- och sjukvårdsdirektör Anna Ek\n  uppdragsledare: Karin Berg, Staben\n"},
		{name: "a case officer without a name",
			file: memoHead + "handläggare: {titel: Utredare}\n",
			want: []string{"doc.yaml:8:1: warning: handläggare: the case officer (handläggare) names no person [role-without-person]"}},

		// placeholder
		{name: "placeholders",
			file: dirHead + "risker: xxxx\nidé: TODO skriv idén. Ansvarig [namn], budget ???\nkommunikation: TBD. Lorem ipsum dolor.\n",
			want: []string{
				`doc.yaml:7:9: warning: risker: the text holds the placeholder "xxxx" [placeholder]`,
				`doc.yaml:8:6: warning: idé: the text holds the placeholder "TODO" [placeholder]`,
				`doc.yaml:8:32: warning: idé: the text holds the placeholder "[namn]" [placeholder]`,
				`doc.yaml:8:47: warning: idé: the text holds the placeholder "???" [placeholder]`,
				`doc.yaml:9:16: warning: kommunikation: the text holds the placeholder "TBD" [placeholder]`,
				`doc.yaml:9:21: warning: kommunikation: the text holds the placeholder "Lorem ipsum" [placeholder]`,
			}},
		{name: "links and words are not placeholders",
			file: dirHead + "idé: Se [rapporten](https://example.se/r) och [bilaga][1]. Vad? Tax, box.\n"},

		// undefined-abbreviation
		{name: "undefined abbreviation",
			file: dirHead + "idé: Samverkan med LSG och CLG, enligt BP2 och HSN.\ndefinitioner:\n  - term: CLG\n    förklaring: Centrala ledningsgruppen\n",
			want: []string{"doc.yaml:7:20: warning: idé: the abbreviation LSG is not defined [undefined-abbreviation]"}},
		{name: "allowed by the profile",
			file:   dirHead + "idé: Samverkan med LSG.\n",
			review: model.Review{Allow: []string{"LSG"}}},
		{name: "the directive's ids are not abbreviations",
			file: statusHead + "nästa_steg: Slutföra DA1 före BP1, sedan LSG2.\n",
			want: []string{"doc.yaml:6:42: warning: nästa_steg: the abbreviation LSG2 is not defined [undefined-abbreviation]"}},

		// unused-definition
		{name: "a definition the text never uses",
			file: dirHead + "idé: Samverkan i CLG och nära vård.\ndefinitioner:\n  - {term: CLG, förklaring: Centrala ledningsgruppen}\n  - {term: Nära vård, förklaring: Vård nära}\n  - {term: RV, förklaring: Region Västerbotten}\n  - {term: N/A, förklaring: Inte tillämplig}\n",
			want: []string{
				"doc.yaml:11:12: info: definitioner[2].term: the document defines RV, but its text never uses it [unused-definition]",
				"doc.yaml:12:12: info: definitioner[3].term: the document defines N/A, but its text never uses it [unused-definition]",
			}},

		{name: "a term used in an inflected form",
			file: dirHead + "idé: Hälsovalet och hälsovalets regler.\ndefinitioner:\n  - {term: Hälsoval, förklaring: Vårdval i primärvården}\n"},

		// Levels from the profile.
		{name: "a rule made an error", file: dirHead + "risker: xxxx\n",
			review: model.Review{Rules: map[string]string{"placeholder": "fel"}},
			want:   []string{`doc.yaml:7:9: risker: the text holds the placeholder "xxxx" [placeholder]`}},
		{name: "a rule switched off", file: dirHead + "risker: xxxx\n",
			review: model.Review{Rules: map[string]string{"placeholder": "av"}}},
	}
	reg := registries(t)
	dir := directive(t)
	l := lint.Default()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := reg
			if tc.review.Rules != nil || tc.review.Allow != nil || tc.review.Required != nil {
				r = withReview(reg, tc.review)
			}
			got := l.Document(input(t, r, dir, tc.file))
			assert.Equal(t, tc.want, lines(got))
		})
	}
}

func TestIgnoreComments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		file string
		want int // findings left
	}{
		{"on the line", dirHead + "risker: xxxx  # underlag:ignore placeholder\n", 0},
		{"with a reason after it", dirHead + "risker: xxxx # underlag:ignore placeholder – så står det\n", 0},
		{"among several ids", dirHead + "risker: xxxx # underlag:ignore heading-year, placeholder\n", 0},
		{"on the line above", dirHead + "# underlag:ignore placeholder\nrisker: xxxx\n", 0},
		{"on the key of a block", dirHead + "risker: | # underlag:ignore placeholder\n  Inga kända risker,\n  xxxx.\n", 0},
		{"another rule", dirHead + "risker: xxxx  # underlag:ignore heading-year\n", 1},
		{"not a comment", dirHead + "risker: \"xxxx#underlag:ignore placeholder\"\n", 1},
		{"not the mark", dirHead + "risker: xxxx  # underlag:ignored placeholder\n", 1},
		{"on a line of code above", dirHead + "idé: Text. # underlag:ignore placeholder\nrisker: xxxx\n", 1},
	}
	reg := registries(t)
	l := lint.Default()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			assert.Len(t, l.Document(input(t, reg, nil, tc.file)), tc.want)
		})
	}
}

func TestProfile(t *testing.T) {
	t.Parallel()
	data := `typ: organisation
version: 1
namn: R
nämnder: [{förkortning: HSN, namn: H}]
granskning:
  regler:
    placeholdr: av
    heading-year: högt
    placeholder: varning
  kräver:
    - typ: tjänsteskrivels
      fält: [datum]
    - typ: tjänsteskrivelse
      fält: [handläggare, beslutsunderlag, handläggare.namnn, jämställdhet]
`
	v, diags := load.Bytes("organisation.yaml", []byte(data))
	require.Empty(t, diags)
	got := lint.Default().Profile(v.(*model.OrgProfile), kind.Default())
	assert.Equal(t, []string{
		`organisation.yaml:8:19: granskning.regler.heading-year: level "högt" is not one of av, fel, varning, info`,
		`organisation.yaml:7:17: granskning.regler.placeholdr: no review rule "placeholdr"; did you mean "placeholder"?`,
		`organisation.yaml:11:12: granskning.kräver[0].typ: no document kind "tjänsteskrivels"; did you mean "tjänsteskrivelse"?`,
		`organisation.yaml:14:44: granskning.kräver[1].fält[2]: a tjänsteskrivelse has no field "handläggare.namnn"; did you mean "namn"?`,
	}, unsortedLines(got))
}

// unsortedLines prints diagnostics in the order of their paths, which is
// the order Profile checks them in.
func unsortedLines(l diag.List) []string {
	byPath := map[string]string{}
	var paths []string
	for _, d := range l {
		byPath[d.Path] = d.Error()
		paths = append(paths, d.Path)
	}
	order := []string{"granskning.regler.heading-year", "granskning.regler.placeholdr", "granskning.kräver[0].typ", "granskning.kräver[1].fält[2]"}
	var out []string
	for _, p := range order {
		if s, ok := byPath[p]; ok {
			out = append(out, s)
		}
	}
	if len(out) != len(paths) {
		return lines(l)
	}
	return out
}

// Every kind's Requires names fields its model has.
func TestKindsRequireFieldsTheyHave(t *testing.T) {
	t.Parallel()
	for _, k := range kind.Default().All() {
		for _, f := range k.Requires {
			review := model.Review{Required: []model.KindFields{{Kind: k.Name, Fields: []string{f}}}}
			o := &model.OrgProfile{Review: review, Source: &model.Source{Path: "organisation.yaml"}}
			assert.Empty(t, lint.Default().Profile(o, kind.Default()), "%s requires %s", k.Name, f)
		}
	}
}

func TestNew(t *testing.T) {
	t.Parallel()
	doc := func(*lint.Context, load.Input) {}
	ok := lint.Rule{ID: "my-rule", Severity: diag.Warning, Summary: "s", Hint: "h", Doc: doc}
	_, err := lint.New(ok)
	require.NoError(t, err)
	for _, bad := range []lint.Rule{
		{ID: "My Rule", Severity: diag.Warning, Summary: "s", Hint: "h", Doc: doc},
		{ID: "my-rule", Severity: diag.Warning, Summary: "s", Hint: "h"},
		{ID: "my-rule", Severity: diag.Warning, Summary: "s", Doc: doc},
	} {
		_, err := lint.New(bad)
		assert.Error(t, err, bad.ID)
	}
	_, err = lint.New(ok, ok)
	assert.ErrorContains(t, err, "registered twice")
	_, err = lint.New(lint.Rule{ID: lint.Placeholder, Severity: diag.Warning, Summary: "s", Hint: "h", Doc: doc}, ok, ok)
	assert.ErrorContains(t, err, "registered twice")
}

// The default linter holds every rule the built-in kinds bring, each for
// its own kind only, beside the rules of every kind.
func TestDefaultHoldsTheKindsRules(t *testing.T) {
	t.Parallel()
	l := lint.Default()
	own := map[string]model.Kind{}
	for _, k := range kind.Default().All() {
		for _, r := range k.Rules {
			own[r.ID] = k.Name
			got, ok := l.Rule(r.ID)
			if assert.True(t, ok, r.ID) {
				assert.Equal(t, []model.Kind{k.Name}, got.Kinds, r.ID)
			}
		}
	}
	require.NotEmpty(t, own, "the built-in kinds bring rules")
	for _, r := range l.Rules() {
		if _, isOwn := own[r.ID]; !isOwn {
			assert.Empty(t, r.Kinds, "%s is no kind's, so it checks every kind", r.ID)
		}
	}
	assert.Len(t, l.IDs(), len(l.Rules()))
}

func TestBasisTitle(t *testing.T) {
	t.Parallel()
	reg := registries(t)
	load1 := func(path, text string) load.Input {
		v, diags := load.Bytes(path, []byte(text))
		require.Empty(t, diags, text)
		d := v.(model.Document)
		k, _ := kind.Default().Of(d)
		return load.Input{Doc: d, Kind: k, Registries: reg}
	}
	report := load1("tree/rapport.yaml", dirHead+"titel: Utveckla samspelet mellan sjukhusvården och primärvården\n")
	memo := func(basis string) load.Input {
		return load1("tree/memo.yaml", memoHead+"beslutsunderlag:\n"+basis)
	}
	tests := []struct {
		name  string
		basis string
		want  []string
	}{
		{"named by file, under another title", "  - {titel: Utveckla samspelet mellan vårdnivåerna, fil: rapport.yaml}\n",
			[]string{`tree/memo.yaml:9:13: warning: beslutsunderlag[0].titel: the basis names rapport.yaml "Utveckla samspelet mellan vårdnivåerna", but that document is titled "Utveckla samspelet mellan sjukhusvården och primärvården" [basis-title]`}},
		{"named by file, with its title", "  - {titel: Utveckla samspelet mellan sjukhusvården och primärvården., fil: rapport.yaml}\n", nil},
		{"named by file and kind", "  - {titel: Uppdragsdirektiv 2024-11-18, fil: rapport.yaml}\n", nil},
		{"a title close to a document's", "  - Utveckla samspelet mellan sjukhusvård och primärvården\n",
			[]string{`tree/memo.yaml:9:5: warning: beslutsunderlag[0].titel: the basis names "Utveckla samspelet mellan sjukhusvård och primärvården", but the document tree/rapport.yaml is titled "Utveckla samspelet mellan sjukhusvården och primärvården" [basis-title]`}},
		{"the title after the kind", "  - {titel: \"Uppdragsdirektiv: Utveckla samspelet mellan sjukhusvården och primärvården\", fil: rapport.yaml}\n", nil},
		{"the title quoted", "  - Rapport ”Utveckla samspelet mellan sjukhusvården och primärvården”\n", nil},
		{"another document", "  - Budget 2025\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := lint.Default().Tree([]load.Input{memo(tc.basis), report})
			assert.Equal(t, tc.want, lines(got))
			// validate and lint compare Slim documents: the same findings.
			got = lint.Default().Tree([]load.Input{lint.Slim(memo(tc.basis)), lint.Slim(report)})
			assert.Equal(t, tc.want, lines(got), "slim")
		})
	}
	// A memo without a decision basis is slimmed to its title only; its
	// kind still says how a memo cites, and must not be asked to.
	t.Run("slim memo without basis", func(t *testing.T) {
		t.Parallel()
		bare := load1("tree/memo.yaml", memoHead)
		assert.NotPanics(t, func() {
			assert.Empty(t, lint.Default().Tree([]load.Input{lint.Slim(bare), lint.Slim(report)}))
		})
	})
}

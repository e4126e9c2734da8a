package compose

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/internal/testenv"
	"github.com/underlag/underlag/templates"
)

func TestDirectiveHeadings(t *testing.T) {
	t.Parallel()
	d := compose(t, newComposer(t), fixture(t, testdata("uppdragsdirektiv.yaml")))
	want := []string{
		"Stärka omställningen till nära vård. RF-uppdrag 2025",
		"1. Bakgrund", "1.1. Idé", "2. Mål och verksamhetsnytta", "2.1. Effektmål", "2.2. Uppdragsmål 2025",
		"3. Krav på uppdraget", "3.1. Förutsättningar", "3.2. Avgränsningar", "4. Kopplingar och beroenden",
		"5. Tidplan", "6. Budget", "6.1. Kostnader", "6.2. Finansiering", "7. Risker", "8. Organisation",
		"9. Planering", "9.1. Milstolpar", "9.2. Delaktiviteter 2024", "10. Kommunikation", "10.1. Återrapportering",
		"11. Överlämning", "Definitioner och förkortningar",
	}
	if got := headings(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, ok := d.Blocks[len(d.Blocks)-1].(*doc.Signatures); !ok {
		t.Errorf("last block is %T, want the signature block", d.Blocks[len(d.Blocks)-1])
	}
	m := d.Meta
	if m.KindLabel != "Uppdragsdirektiv" || m.Language != "sv-SE" || m.Organisation != "Region Västerbotten" ||
		m.Committee != "Hälso- och sjukvårdsnämnden och Regionstyrelsen" || m.Date.ISO() != "2024-11-18" || m.Creator != "underlag test" {
		t.Errorf("meta: %+v", m)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].Name != "uppdragsdirektiv.yaml" || len(m.Attachments[0].Data) == 0 {
		t.Errorf("attachments: %+v", m.Attachments)
	}
	page := m.Header.Right[1]
	if len(page) != 4 || page[0].Field != doc.PageField || page[1].Text != " (" || page[2].Field != doc.PagesField || page[3].Text != ")" {
		t.Errorf("page line: %+v", page)
	}
	tl := tableAfter(d, "Tidplan")
	if tl == nil || len(tl.Rows) != 4 || len(tl.Columns) != 3 {
		t.Fatalf("tidplan: %+v", tl)
	}
	if p := tl.Rows[1].Cells[0].Blocks[0].(*doc.Paragraph); p.Text[0].Text != "BP1 Beslut" || p.Text[0].Style != doc.Bold {
		t.Errorf("first line of a phase: %+v", p.Text)
	}
}

func TestMemo(t *testing.T) {
	t.Parallel()
	d := compose(t, newComposer(t), fixture(t, testdata("tjansteskrivelse.yaml")))
	want := []string{
		"Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024",
		"Sammanfattning", "Förslag till beslut", "Bedömda resultat och konsekvenser", "Resurser och finansiering",
		"Jämställdhet", "Beredningsansvariga", "Beslutsunderlag", "Beslutet expedieras till",
	}
	if got := headings(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s", strings.Join(got, "\n"))
	}
	facts, ok := d.Blocks[1].(*doc.Table)
	if !ok || !facts.Borderless {
		t.Fatalf("block after the title is %T, want the borderless facts table", d.Blocks[1])
	}
	var rows []string
	for _, r := range facts.Rows {
		rows = append(rows, cellPlain(r.Cells[0])+": "+cellPlain(r.Cells[1]))
	}
	if got := strings.Join(rows, "; "); got != "Diarienummer: HSN 1203-2024; Datum: 2024-11-20; Till: Hälso- och sjukvårdsnämnden; Handläggare: Erika Frohm, Samordnare nära vård" {
		t.Errorf("facts: %s", got)
	}
	if d.Meta.CaseNumber != "HSN 1203-2024" || d.Meta.CaseOfficer != "Erika Frohm" || d.Meta.Committee != "Hälso- och sjukvårdsnämnden" {
		t.Errorf("meta: %+v", d.Meta)
	}
}

func TestProposalForms(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	in := fixture(t, testdata("tjansteskrivelse.yaml"))
	m := in.Doc.(*model.Memo)
	m.Proposal = model.Proposal{Intro: "Hälso- och sjukvårdsnämnden föreslås besluta", Points: []model.Markdown{"godkänna rapporten,", "lägga informationen till handlingarna."}, Form: "att"}
	md := renderMD(t, compose(t, c, in))
	if !strings.Contains(md, "föreslås besluta\n\natt godkänna rapporten,\n\natt lägga informationen till handlingarna.") {
		t.Errorf("att-clauses:\n%s", md)
	}
	m.Proposal.Form = "numrerad"
	md = renderMD(t, compose(t, c, in))
	if !strings.Contains(md, "1. godkänna rapporten,\n2. lägga informationen") {
		t.Errorf("numbered points:\n%s", md)
	}
}

func TestTemplateOverride(t *testing.T) {
	t.Parallel()
	orig, err := templates.FS.ReadFile("tjansteskrivelse.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	changed := strings.Replace(string(orig), `## {{ rubrik "juridik" }}`, "## Barnrättsperspektiv\n\nBarnets bästa har beaktats.\n\n"+`## {{ rubrik "juridik" }}`, 1)
	if changed == string(orig) {
		t.Fatal("the memo template has no juridik heading to add a section before")
	}
	if err := os.WriteFile(filepath.Join(dir, "tjansteskrivelse.md.tmpl"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	def, over := newComposer(t), newComposer(t, WithTemplateDir(dir))
	if def.Hash() == over.Hash() {
		t.Error("the template hash did not change with the override")
	}
	for _, name := range []string{"tjansteskrivelse.yaml", "uppdragsdirektiv.yaml", "statusrapport.yaml"} {
		in := fixture(t, testdata(name))
		a, b := renderMD(t, compose(t, def, in)), renderMD(t, compose(t, over, in))
		if name == "tjansteskrivelse.yaml" {
			if a == b || !strings.Contains(b, "## Barnrättsperspektiv\n\nBarnets bästa har beaktats.") {
				t.Errorf("the changed template did not change the memo:\n%s", b)
			}
		} else if a != b {
			t.Errorf("changing the memo template changed %s", name)
		}
	}
}

func TestBrokenTemplate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src, want string }{
		{"unclosed action", "# {{ titel }}\n\n{{ md .Summary \n", "tjansteskrivelse.md.tmpl:3"},
		{"unknown function", "# {{ titel }}\n\n## Sammanfattning\n{{ mdx .Summary }}\n", "tjansteskrivelse.md.tmpl:4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "tjansteskrivelse.md.tmpl"), []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			// The composer is made; the memo that uses the template fails.
			c, err := New(WithTemplateDir(dir))
			if err != nil {
				t.Fatal(err)
			}
			_, ds := c.Compose(fixture(t, testdata("tjansteskrivelse.yaml")))
			if errs := ds.Errors(); len(errs) != 1 || !strings.Contains(errs[0].Error(), tc.want) {
				t.Errorf("errors %v, want one naming %s", errs, tc.want)
			}
		})
	}
	// An error at execution (an unknown label) names the file and line too.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tjansteskrivelse.md.tmpl"), []byte("# {{ titel }}\n\n## {{ rubrik \"sammanfatning\" }}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, ds := newComposer(t, WithTemplateDir(dir)).Compose(fixture(t, testdata("tjansteskrivelse.yaml")))
	if !ds.HasErrors() || !strings.Contains(ds.Error(), "tjansteskrivelse.md.tmpl:3") || !strings.Contains(ds.Error(), "sammanfattning") {
		t.Errorf("diagnostics %q, want the template's line and the valid keys", ds.Error())
	}
}

// structure parses Markdown output with GitHub's table extension and
// counts what gives it shape.
type structure struct {
	headings, tables, rows, cells, emphasis, html int
}

func parseStructure(t *testing.T, md string) structure {
	t.Helper()
	src := []byte(md)
	root := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(src))
	var s structure
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			s.headings++
		case *east.Table:
			s.tables++
		case *east.TableRow, *east.TableHeader:
			s.rows++
		case *east.TableCell:
			s.cells++
		case *ast.Emphasis:
			s.emphasis++
		case *ast.RawHTML:
			// <br> is how a pipe table cell holds a line break.
			if v := n.Segments.Value(src); string(v) != "<br>" {
				s.html++
			}
		case *ast.HTMLBlock:
			s.html++
		}
		return ast.WalkContinue, nil
	})
	return s
}

func TestHostileValues(t *testing.T) {
	t.Parallel()
	const hostile = "a | b # c *d* {{ .x }} <script>alert(1)</script>\n## e"
	c := newComposer(t)

	withValue := func(v string) (*doc.Document, string) {
		in := fixture(t, testdata("uppdragsdirektiv.yaml"))
		dir := in.Doc.(*model.Directive)
		dir.Title = v
		dir.Timeline[0].Description = v
		dir.Milestones[0].Decision = v
		dir.Activities[0].Responsible = v
		dir.Labels = map[string]string{"bakgrund": v}
		dir.Extra = []model.Section{{Heading: v, Text: model.Markdown("Text {{ .x }} <script>x</script>"), After: "risker"}}
		d := compose(t, c, in)
		return d, renderMD(t, d)
	}
	benignDoc, benign := withValue("a b c d e")
	d, md := withValue(hostile)

	if got, want := parseStructure(t, md), parseStructure(t, benign); got != want {
		t.Errorf("structure with hostile values %+v, with plain ones %+v\n%s", got, want, md)
	}
	if got, want := headings(d), headings(benignDoc); len(got) != len(want) {
		t.Errorf("%d headings, want %d", len(got), len(want))
	}
	flat := strings.ReplaceAll(hostile, "\n", " ")
	if d.Meta.Title != hostile || doc.Plain(d.Blocks[0].(*doc.Heading).Text) != flat {
		t.Errorf("title %q / %q", d.Meta.Title, doc.Plain(d.Blocks[0].(*doc.Heading).Text))
	}
	if h := d.Blocks[1].(*doc.Heading); doc.HeadingText(h) != "1. "+flat {
		t.Errorf("renamed heading %q", doc.HeadingText(h))
	}
	if got := cellPlain(tableAfter(d, "Tidplan").Rows[0].Cells[0]); got != "BP0\n"+hostile {
		t.Errorf("table cell %q", got)
	}
	// The Markdown output reads back as the same text.
	src := []byte(md)
	root := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(src))
	var cellTexts []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok && entering {
			var b bytes.Buffer
			_ = ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if tx, ok := n.(*ast.Text); ok && entering {
					b.WriteString(unescape(tx.Value(src)))
				}
				return ast.WalkContinue, nil
			})
			cellTexts = append(cellTexts, b.String())
		}
		return ast.WalkContinue, nil
	})
	// The cell's line break is a <br>, which is markup, not text.
	want := strings.ReplaceAll(hostile, "\n", "")
	found := 0
	for _, s := range cellTexts {
		if strings.Contains(s, want) {
			found++
		}
	}
	if found < 3 {
		t.Errorf("hostile text read back literally from %d cells, want 3 (tidplan, milstolpar, delaktiviteter):\n%q", found, cellTexts)
	}
	for _, s := range []string{"<script>", "{{ .x }}"} {
		if strings.Contains(md, s) {
			t.Errorf("Markdown output holds %q unescaped", s)
		}
	}
}

func TestHostileMemo(t *testing.T) {
	t.Parallel()
	const hostile = "HSN | 1 # *x* {{ .y }} <b>\nz"
	in := fixture(t, testdata("tjansteskrivelse.yaml"))
	m := in.Doc.(*model.Memo)
	m.CaseNumber = model.CaseNumbers{hostile}
	m.Preparers = model.Markdown("# Rubrik i fältet\n\n<script>alert(1)</script> och {{ .Title }}")
	d := compose(t, newComposer(t), in)
	facts := d.Blocks[1].(*doc.Table)
	if got := cellPlain(facts.Rows[0].Cells[1]); got != hostile {
		t.Errorf("case number cell %q", got)
	}
	md := renderMD(t, d)
	if s := parseStructure(t, md); s.html != 0 {
		t.Errorf("%d raw HTML nodes in the output", s.html)
	}
	if !strings.Contains(md, "**Rubrik i fältet**") {
		t.Errorf("a heading inside a Markdown field should be a bold paragraph:\n%s", md)
	}
	var prep string
	for i, b := range d.Blocks {
		if h, ok := b.(*doc.Heading); ok && doc.Plain(h.Text) == "Beredningsansvariga" {
			prep = doc.Plain(d.Blocks[i+2].(*doc.Paragraph).Text)
		}
	}
	if prep != "<script>alert(1)</script> och {{ .Title }}" {
		t.Errorf("Markdown field text %q", prep)
	}
}

func TestStatusReportLate(t *testing.T) {
	t.Parallel()
	in := fixture(t, testdata("statusrapport.yaml"))
	dir := in.Directive
	// DA4 ends in the report's own month: not late on 2025-11-15.
	dir.Activities = append(dir.Activities, model.Activity{ID: "DA4", Activity: "Pågår hela november", End: date.OfMonth(2025, 11), Responsible: "Uppdragsledare"})
	d, ds := newComposer(t).Compose(in)
	if d == nil {
		t.Fatal(ds.Error())
	}
	if d.Meta.Title != "Statusrapport: Stärka omställningen till nära vård. RF-uppdrag 2025" {
		t.Errorf("title %q", d.Meta.Title)
	}
	var st *doc.Status
	for _, b := range d.Blocks {
		if s, ok := b.(*doc.Status); ok {
			st = s
		}
	}
	if st == nil || st.Level != doc.Yellow || st.Word != "Gul" {
		t.Errorf("status %+v", st)
	}
	acts := tableAfter(d, "Aktiviteter")
	want := map[string]string{"DA1": "Klar", "DA2": "Försenad", "DA3": "Försenad", "DA4": "Ej rapporterad"}
	for _, r := range acts.Rows {
		id := strings.Fields(cellPlain(r.Cells[0]))[0]
		if got := strings.Split(cellPlain(r.Cells[2]), "\n")[0]; got != want[id] {
			t.Errorf("activity %s: status %q, want %q", id, got, want[id])
		}
	}
	ms := tableAfter(d, "Milstolpar")
	wantM := map[string]string{"BP0": "Nådd", "BP1": "Nådd", "MS1": "Nådd", "BP2": "Försenad", "BP3": "Försenad"}
	for _, r := range ms.Rows {
		id := cellPlain(r.Cells[0])
		if got := cellPlain(r.Cells[5]); got != wantM[id] {
			t.Errorf("milestone %s: %q, want %q", id, got, wantM[id])
		}
	}
	md := renderMD(t, d)
	for _, s := range []string{"Försenat per 2025-11-15:", "- DA2 Gemensam implementeringsplan", "- DA3 Förslag", "- Milstolpe BP2 Delaktiviteter slutförda (planerat 2025-10)"} {
		if !strings.Contains(md, s) {
			t.Errorf("deviations lack %q:\n%s", s, md)
		}
	}
	if strings.Contains(md, "- DA4") || strings.Contains(md, "- DA1") {
		t.Errorf("deviations list an activity that is not late:\n%s", md)
	}
}

// TestStatusReportData checks the example data's status report, when the
// data tree is there: what is late on its report date is marked late.
func TestStatusReportData(t *testing.T) {
	t.Parallel()
	path := filepath.Join(testenv.RepoRoot(t), "data", "statusrapport-nara-vard-2025-11-15.yaml")
	if _, err := os.Stat(path); err != nil {
		t.Skip("no example status report")
	}
	d := compose(t, newComposer(t), fixture(t, path))
	late := map[string]bool{}
	for _, r := range tableAfter(d, "Aktiviteter").Rows {
		if strings.HasPrefix(cellPlain(r.Cells[2]), "Försenad") {
			late[strings.Fields(cellPlain(r.Cells[0]))[0]] = true
		}
	}
	for _, r := range tableAfter(d, "Milstolpar").Rows {
		if strings.HasPrefix(cellPlain(r.Cells[5]), "Försenad") {
			late[cellPlain(r.Cells[0])] = true
		}
	}
	if len(late) != 3 || !late["DA2"] || !late["BP2"] || !late["BP3"] {
		t.Errorf("late on 2025-11-15: %v, want DA2, BP2 and BP3", late)
	}
	if md := renderMD(t, d); !strings.Contains(md, "Försenat per 2025-11-15:\n\n- DA2 ") {
		t.Errorf("deviations do not list what is late:\n%s", md)
	}
}

func TestSwedishCollation(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	s := []string{"äpple", "zebra", "Örn", "ål", "apa", "Zorro", "ärta", "öl", "Åsa"}
	c.SortSwedish(s)
	if got := strings.Join(s, " "); got != "apa zebra Zorro ål Åsa äpple ärta öl Örn" {
		t.Errorf("Swedish order: %s", got)
	}
	in := fixture(t, testdata("uppdragsdirektiv.yaml"))
	dir := in.Doc.(*model.Directive)
	dir.Definitions = []model.Definition{{Term: "äpple", Explanation: "frukt"}, {Term: "zebra", Explanation: "djur"}, {Term: "Örn", Explanation: "fågel"}, {Term: "ALT", Explanation: "alternativ"}}
	d := compose(t, c, in)
	var terms []string
	for _, b := range d.Blocks {
		// The definitions are the table under the labels.
		if t, ok := b.(*doc.Table); ok && len(t.Header) == 1 && cellPlain(t.Header[0].Cells[0]) == "Begrepp/förkortning" {
			for _, row := range t.Rows {
				terms = append(terms, cellPlain(row.Cells[0]))
			}
		}
	}
	// HSN, LSG and RS are glossary entries the text uses; Zebra in the
	// glossary is not used (the own "zebra" is a different term), ÄO is not used.
	if got := strings.Join(terms, " "); got != "ALT HSN LSG RS zebra äpple Örn" {
		t.Errorf("definitions: %s", got)
	}
}

func TestContainsWord(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text, term string
		want       bool
	}{
		{"beslut i HSN och RS", "HSN", true},
		{"(HSN)", "HSN", true},
		{"HSNX", "HSN", false},
		{"XHSN", "HSN", false},
		{"N/A", "N/A", true},
		{"ÅRS", "RS", false},
		{"RS:s beslut", "RS", true},
	} {
		if got := containsWord(tc.text, tc.term); got != tc.want {
			t.Errorf("containsWord(%q, %q) = %v", tc.text, tc.term, got)
		}
	}
}

func TestExtraSections(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	in := fixture(t, testdata("uppdragsdirektiv.yaml"))
	dir := in.Doc.(*model.Directive)
	dir.Extra = []model.Section{
		{ID: "barn", Heading: "Barnrättsperspektiv", Text: "Barnets bästa beaktas.", After: "risker",
			Sections: []model.Section{{Heading: "Barnkonsultation", Text: "Barn tillfrågas."}}},
		{Heading: "Efter barn", Text: "Text.", After: "barn"},
		{Heading: "Sist", Text: "Sista avsnittet."},
		{Heading: "Under idé", Text: "Text.", After: "idé"},
	}
	dir.Idea = "" // an empty section keeps an extra section placed after it
	got := strings.Join(headings(compose(t, c, in)), "\n")
	for _, want := range []string{
		"1. Bakgrund\n1.1. Under idé\n2. Mål",
		"7. Risker\n8. Barnrättsperspektiv\n8.1. Barnkonsultation\n9. Efter barn\n10. Organisation",
		"13. Överlämning\n14. Sist\nDefinitioner och förkortningar",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("headings lack\n%s\nin\n%s", want, got)
		}
	}

	// Bad keys are reported at their line in the data file.
	data, err := os.ReadFile(testdata("uppdragsdirektiv.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "extra_avsnitt:\n  - rubrik: X\n    text: x\n    efter: riskr\n"...)
	data = bytes.Replace(data, []byte("  delaktiviteter: Delaktiviteter 2024"), []byte("  bakgrnd: Historik"), 1)
	v, lds := load.Bytes(testdata("uppdragsdirektiv.yaml"), data)
	if lds.HasErrors() {
		t.Fatal(lds.Error())
	}
	in.Doc = v.(*model.Directive)
	_, ds := c.Compose(in)
	msg := ds.Error()
	for _, want := range []string{`extra_avsnitt[0].efter: no section "riskr"`, "risker", `rubriker.bakgrnd: no heading or label "bakgrnd"`, "bakgrund"} {
		if !strings.Contains(msg, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, msg)
		}
	}
	for _, d := range ds {
		if d.File == "" || d.Line == 0 {
			t.Errorf("diagnostic without position: %v", d)
		}
	}
}

func TestOptionalSectionsLeftOut(t *testing.T) {
	t.Parallel()
	in := fixture(t, testdata("uppdragsdirektiv.yaml"))
	dir := in.Doc.(*model.Directive)
	dir.Costs, dir.Funding, dir.Risks = "", "", ""
	got := strings.Join(headings(compose(t, newComposer(t), in)), "\n")
	if strings.Contains(got, "Budget") || strings.Contains(got, "Risker") || !strings.Contains(got, "5. Tidplan\n6. Organisation") {
		t.Errorf("empty Budget and Risker should disappear and numbering close up:\n%s", got)
	}
}

func TestLabelsFromOrganisation(t *testing.T) {
	t.Parallel()
	in := fixture(t, testdata("uppdragsdirektiv.yaml"))
	in.Registries.Organisation.Labels = map[string]string{"uppdragsdirektiv": "Projektbeställning", "bakgrund": "Bakgrund och syfte"}
	in.Doc.(*model.Directive).Labels["bakgrund"] = "Syfte"
	d := compose(t, newComposer(t), in)
	if d.Meta.KindLabel != "Projektbeställning" || doc.Plain(d.Meta.Header.Right[0]) != "Projektbeställning" {
		t.Errorf("kind label %q", d.Meta.KindLabel)
	}
	if h := headings(d)[1]; h != "1. Syfte" {
		t.Errorf("the document's own label should win over the organisation's: %q", h)
	}
}

func TestConcurrentCompose(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	ins := []Input{fixture(t, testdata("uppdragsdirektiv.yaml")), fixture(t, testdata("tjansteskrivelse.yaml")), fixture(t, testdata("statusrapport.yaml"))}
	want := make([]string, len(ins))
	for i, in := range ins {
		want[i] = renderMD(t, compose(t, c, in))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i, in := range ins {
				d, _ := c.Compose(in)
				var b bytes.Buffer
				_ = mdRender(&b, d)
				if b.String() != want[i] {
					t.Errorf("concurrent compose of %d differs", i)
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkCompose(b *testing.B) {
	c := newComposer(b)
	for _, name := range []string{"uppdragsdirektiv.yaml", "tjansteskrivelse.yaml", "statusrapport.yaml"} {
		in := fixture(b, testdata(name))
		b.Run(strings.TrimSuffix(name, ".yaml"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if d, ds := c.Compose(in); d == nil {
					b.Fatal(ds.Error())
				}
			}
		})
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLabelsFileOverride(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "etiketter.yaml"), []byte("bakgrund: Historik\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := compose(t, newComposer(t, WithTemplateDir(dir)), fixture(t, testdata("uppdragsdirektiv.yaml")))
	if got := headings(d); got[1] != "1. Historik" || got[2] != "1.1. Idé" {
		t.Errorf("an etiketter.yaml override changes only the labels it lists: %q", got[:3])
	}
}

// TestDataTree composes every document of the example data tree, when it
// is there, as `underlag build` would.
func TestMinimalInput(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	for _, d := range []model.Document{
		&model.Directive{Background: "Text."},
		&model.Memo{Summary: "Text.", Proposal: model.Proposal{Text: "Förslag."}},
		&model.StatusReport{Status: model.Status{Level: model.Red}, Activities: []model.ActivityStatus{{ID: "DA9", Progress: model.Ongoing}}},
	} {
		// A glossary makes compose walk the whole tree for terms in use, so
		// an empty optional table must not leave a nil block behind.
		reg := &model.Registries{Glossary: &model.Glossary{Entries: []model.Definition{{Term: "RS", Explanation: "Regionstyrelsen"}}}}
		out, ds := c.Compose(Input{Doc: d, Kind: kindOf(t, d), Registries: reg})
		if out == nil || ds.HasErrors() {
			t.Errorf("%T: %v", d, ds)
			continue
		}
		if out.Meta.Title == "" || out.Meta.KindLabel == "" || len(out.Blocks) < 2 {
			t.Errorf("%T: %+v", d, out)
		}
	}
	blue := &model.StatusReport{Status: model.Status{Level: "blå"}}
	if _, ds := c.Compose(Input{Doc: blue, Kind: kindOf(t, blue)}); !strings.Contains(ds.Error(), `status.nivå: status "blå" is not one of grön, gul, röd`) {
		t.Errorf("bad level: %v", ds)
	}
}

func TestMemoDefinitionsOnlyWhenOwn(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	in := fixture(t, testdata("tjansteskrivelse.yaml"))
	if got := strings.Join(headings(compose(t, c, in)), "|"); strings.Contains(got, "Definitioner") {
		t.Errorf("a memo without definitions of its own has a definitions section: %s", got)
	}
	in.Doc.(*model.Memo).Definitions = []model.Definition{{Term: "RF", Explanation: "Regionfullmäktige"}}
	md := renderMD(t, compose(t, c, in))
	if !strings.Contains(md, "## Definitioner och förkortningar\n\n| Begrepp/förkortning | Förklaring |\n| --- | --- |\n| HSD | Hälso- och sjukvårdsdirektör |\n| HSN | Hälso- och sjukvårdsnämnden |\n| RF | Regionfullmäktige |") {
		t.Errorf("memo definitions:\n%s", md)
	}
}

// TestRunsReused: a Composer reuses its finished runs and the templates
// bound to them, and each document still comes out as from a new
// Composer: nothing of the document before it stays, not even what a
// kind's functions keep for one document (the status report's late
// activities), whatever the order of kinds.
func TestRunsReused(t *testing.T) {
	t.Parallel()
	late := fixture(t, testdata("statusrapport.yaml"))
	// Another status report of the same directive, where more is late.
	later := fixture(t, testdata("statusrapport.yaml"))
	later.Directive.Activities = append(later.Directive.Activities, model.Activity{ID: "DA9", Activity: "Sent i januari", End: date.OfMonth(2025, 1), Responsible: "Uppdragsledare"})
	ins := map[string]Input{
		"late":      late,
		"later":     later,
		"directive": fixture(t, testdata("uppdragsdirektiv.yaml")),
		"memo":      fixture(t, testdata("tjansteskrivelse.yaml")),
	}
	want := map[string]string{}
	for name, in := range ins {
		want[name] = renderMD(t, compose(t, newComposer(t), in))
	}
	if want["late"] == want["later"] {
		t.Fatal("the two status reports should differ")
	}
	c := newComposer(t)
	for i, name := range []string{"late", "later", "memo", "late", "directive", "later", "later", "memo"} {
		if got := renderMD(t, compose(t, c, ins[name])); got != want[name] {
			t.Errorf("%s, document %d of the Composer: differs from a new Composer's", name, i+1)
		}
	}
}

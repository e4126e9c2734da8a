// Package synth writes a synthetic data tree for benchmarks: any number of
// documents of all three kinds, of realistic sizes and in Swedish, valid
// for the loader and the checks, with the registries they draw on, and the
// same content as one Markdown file per document for tools such as pandoc
// to compare against.
//
// The tree is deterministic: the same count and seed give the same bytes.
package synth

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options say how big a tree to write.
type Options struct {
	Docs int    // number of documents; registries come on top
	Seed uint64 // the same seed gives the same tree
	// Trees spreads the documents over this many data trees, each a
	// directory tree-NNNN with its own registries, the way a region keeps
	// one tree per administration or project; 0 or 1 is one tree. A group
	// (a directive and the documents that refer to it) stays in one tree.
	Trees int
}

// Tree is what Write wrote.
type Tree struct {
	Data     string   // the data directory: DIR/data
	Markdown string   // the Markdown directory: DIR/md
	Docs     []string // the document files, relative to Data, slash-separated
	Kinds    map[string]int
	Bytes    int64 // of the document YAML files
}

// committees are the tree's committees; each has its own directory.
var committees = []struct{ abbrev, name, dir string }{
	{"HSN", "Hälso- och sjukvårdsnämnden", "hsn"},
	{"RS", "Regionstyrelsen", "rs"},
	{"RUN", "Regionala utvecklingsnämnden", "run"},
}

var (
	firstNames = []string{"Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Elin", "Johan", "Sofia", "Anders", "Máret", "Ánte", "Sára", "Niillas", "Åsa", "Örjan", "Ingrid", "Björn", "Linnéa", "Göran"}
	lastNames  = []string{"Ek", "Lind", "Nygren", "Öberg", "Åström", "Sárá", "Gaup", "Bergström", "Holmgren", "Johansson", "Lundqvist", "Häggström", "Niila", "Frohm", "Zemrén"}
	jobTitles  = []string{"Utvecklingsledare", "Samordnare nära vård", "Hälso- och sjukvårdsdirektör", "Stabschef", "Controller", "Verksamhetschef", "Utredare", "Regiondirektör"}
)

type person struct{ id, name, title string }

// Write writes the tree under dir: dir/data holds the YAML, dir/md the
// Markdown.
func Write(dir string, opt Options) (*Tree, error) {
	r := rand.New(rand.NewPCG(opt.Seed, 0x756e6465726c6167))
	t := &Tree{Data: filepath.Join(dir, "data"), Markdown: filepath.Join(dir, "md"), Kinds: map[string]int{}}
	people := makePeople(r, 40)
	if err := writeRegistries(t.Data, people); err != nil {
		return nil, err
	}
	if opt.Trees > 1 {
		for k := range opt.Trees {
			if err := writeRegistries(filepath.Join(t.Data, treeDir(k)), people); err != nil {
				return nil, err
			}
		}
	}
	g := &gen{r: r, people: people, t: t, trees: opt.Trees}
	for i := 0; len(t.Docs) < opt.Docs; i++ {
		if err := g.group(i, opt.Docs-len(t.Docs)); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// treeDir is the directory of tree k when there are several.
func treeDir(k int) string { return fmt.Sprintf("tree-%04d", k+1) }

func makePeople(r *rand.Rand, n int) []person {
	seen := map[string]bool{}
	var out []person
	for len(out) < n {
		name := pick(r, firstNames) + " " + pick(r, lastNames)
		if seen[name] {
			continue
		}
		seen[name] = true
		id := fmt.Sprintf("p%02d", len(out)+1)
		out = append(out, person{id: id, name: name, title: pick(r, jobTitles)})
	}
	return out
}

func writeRegistries(data string, people []person) error {
	var org yamlw
	org.str(0, "typ", "organisation")
	org.raw(0, "version", "1")
	org.str(0, "namn", "Region Västerbotten")
	org.str(0, "förvaltning", "Hälso- och sjukvårdsförvaltningen")
	org.key(0, "nämnder")
	for _, c := range committees {
		org.item(2, "förkortning", c.abbrev)
		org.str(4, "namn", c.name)
	}
	org.key(0, "adress")
	org.str(2, "postadress", "901 89 Umeå")
	org.str(2, "besöksadress", "Köksvägen 11")
	org.str(2, "telefon", "090-785 00 00")
	org.str(2, "webb", "www.regionvasterbotten.se")
	org.str(2, "organisationsnummer", "232100-0222")

	var gl yamlw
	gl.str(0, "typ", "ordlista")
	gl.raw(0, "version", "1")
	gl.key(0, "termer")
	for _, d := range [][2]string{
		{"BP", "Beslutspunkt"}, {"MS", "Milstolpe"}, {"CLG", "Centrala ledningsgruppen"},
		{"HSF", "Hälso- och sjukvårdsförvaltningen"}, {"RV", "Region Västerbotten"}, {"FM", "Fullmäktige"},
		{"LSG", "Länsstyrgruppen"}, {"DA", "Delaktivitet"},
	} {
		gl.item(2, "term", d[0])
		gl.str(4, "förklaring", d[1])
	}

	var pp yamlw
	pp.str(0, "typ", "personer")
	pp.raw(0, "version", "1")
	pp.key(0, "personer")
	for _, p := range people {
		pp.item(2, "id", p.id)
		pp.str(4, "namn", p.name)
		pp.str(4, "titel", p.title)
		pp.str(4, "epost", strings.ToLower(p.id)+"@regionvasterbotten.se")
	}
	for name, w := range map[string]*yamlw{"organisation.yaml": &org, "ordlista.yaml": &gl, "personer.yaml": &pp} {
		if err := writeFile(filepath.Join(data, name), w.b.String()); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(p, s string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(s), 0o644)
}

// gen writes documents, a group at a time: a directive, two memos and a
// status report that refer to it.
type gen struct {
	r      *rand.Rand
	people []person
	t      *Tree
	trees  int
}

type ymd struct{ y, m, d int }

func (d ymd) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }
func (d ymd) month() string  { return fmt.Sprintf("%04d-%02d", d.y, d.m) }

// add returns the date months later, on a day that exists in every month.
func (d ymd) add(months int) ymd {
	m := d.y*12 + d.m - 1 + months
	return ymd{m / 12, m%12 + 1, min(d.d, 28)}
}

func (g *gen) person() person { return pick(g.r, g.people) }

func (g *gen) group(i, left int) error {
	c := committees[i%len(committees)]
	year := 2024 + (i/len(committees))%2
	rel := fmt.Sprintf("%s/%d", c.dir, year)
	if g.trees > 1 {
		rel = treeDir(i%g.trees) + "/" + rel
	}
	start := ymd{year, 1 + g.r.IntN(9), 1 + g.r.IntN(28)}
	dirName := fmt.Sprintf("uppdragsdirektiv-%03d.yaml", i+1)
	d := g.directive(c.abbrev, start, 100+i)
	if err := g.emit(rel, dirName, "uppdragsdirektiv", d.yaml.b.String(), d.md.String()); err != nil {
		return err
	}
	for j := 1; j <= 2 && j < left; j++ {
		y, md := g.memo(c.abbrev, c.name, start.add(2+4*j), 1000+10*i+j, dirName, d)
		if err := g.emit(rel, fmt.Sprintf("tjansteskrivelse-%03d-%d.yaml", i+1, j), "tjänsteskrivelse", y, md); err != nil {
			return err
		}
	}
	if left >= 4 {
		y, md := g.status(c.abbrev, start.add(5), 5000+i, dirName, d)
		if err := g.emit(rel, fmt.Sprintf("statusrapport-%03d.yaml", i+1), "statusrapport", y, md); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) emit(rel, name, kind, y, md string) error {
	p := rel + "/" + name
	if err := writeFile(filepath.Join(g.t.Data, filepath.FromSlash(p)), y); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(g.t.Markdown, filepath.FromSlash(strings.TrimSuffix(p, ".yaml")+".md")), md); err != nil {
		return err
	}
	g.t.Docs = append(g.t.Docs, p)
	g.t.Kinds[kind]++
	g.t.Bytes += int64(len(y))
	return nil
}

// directive is a generated directive: its YAML, its Markdown and the ids a
// status report may refer to.
type directive struct {
	title      string
	yaml       yamlw
	md         strings.Builder
	activities []string
	points     []string
	owner      person
	leader     person
}

func (g *gen) directive(committee string, date ymd, num int) *directive {
	r := g.r
	d := &directive{title: pick(r, titles) + fmt.Sprintf(" – uppdrag %d", num), owner: g.person(), leader: g.person()}
	y, md := &d.yaml, &d.md
	y.str(0, "typ", "uppdragsdirektiv")
	y.raw(0, "version", "1")
	y.str(0, "titel", d.title)
	y.str(0, "datum", date.String())
	y.str(0, "diarienummer", fmt.Sprintf("%s %d-%d", committee, num, date.y))
	y.raw(0, "år", fmt.Sprint(date.y+1))
	y.raw(0, "nämnder", fmt.Sprintf("[%s, RS]", committee))
	fmt.Fprintf(md, "---\ntitle: %q\nlang: sv-SE\n---\n\n**Uppdragsdirektiv** · %s · %s %d-%d\n\n", d.title, date, committee, num, date.y)

	section := func(n, key, heading, text string) {
		y.block(0, key, text)
		fmt.Fprintf(md, "## %s %s\n\n%s\n\n", n, heading, text)
	}
	section("1.", "bakgrund", "Bakgrund", paragraphs(r, 3+r.IntN(2)))
	section("1.1.", "idé", "Idé", paragraphs(r, 2))
	md.WriteString("## 2. Mål och verksamhetsnytta\n\n")
	section("2.1.", "effektmål", "Effektmål", paragraphs(r, 1))
	section("2.2.", "uppdragsmål", "Uppdragsmål", "Efter genomfört uppdrag ser vi följande uppdragsmål:\n\n"+bullets(r, 4))
	md.WriteString("## 3. Krav på uppdraget\n\n")
	section("3.1.", "förutsättningar", "Förutsättningar", "För att arbetet ska kunna genomföras behövs följande förutsättningar:\n\n"+bullets(r, 5))
	section("3.2.", "avgränsningar", "Avgränsningar", paragraphs(r, 2))
	section("4.", "kopplingar_och_beroenden", "Kopplingar och beroenden", paragraphs(r, 1))

	// Timeline: BP0–BP3.
	y.key(0, "tidplan")
	md.WriteString("## 5. Tidplan\n\n| Fas/beslutspunkt | Start | Slut |\n|---|---|---|\n")
	labels := []string{"Beslut", "Start", "Genomförande", "Leverans"}
	for k := range 4 {
		id := fmt.Sprintf("BP%d", k)
		d.points = append(d.points, id)
		s, e := date.add(3*k), date.add(3*k+2)
		desc := pick(r, activities)
		y.item(2, "beslutspunkt", id)
		y.str(4, "rubrik", labels[k])
		y.str(4, "beskrivning", desc)
		y.str(4, "start", s.month())
		y.str(4, "slut", e.String())
		fmt.Fprintf(md, "| **%s %s** %s | %s | %s |\n", id, labels[k], desc, s.month(), e)
	}
	md.WriteString("\n")
	md.WriteString("## 6. Budget\n\n")
	section("6.1.", "kostnader", "Kostnader", paragraphs(r, 1))
	section("6.2.", "finansiering", "Finansiering", paragraphs(r, 1))
	section("7.", "risker", "Risker", paragraphs(r, 1))

	// Organisation.
	y.key(0, "organisation")
	y.key(2, "uppdragsägare")
	y.key(4, "personer")
	y.item(6, "id", d.owner.id)
	y.key(2, "uppdragsledare")
	y.key(4, "personer")
	y.item(6, "id", d.leader.id)
	members := g.person().name + ", " + g.person().name + " och " + g.person().name
	y.str(2, "uppdragsmedlemmar", members)
	y.str(2, "mottagare_av_resultatet", "Hälso- och sjukvårdsnämnden och Regionstyrelsen")
	y.str(2, "övriga_intressenter", "Länets kommuner, patientorganisationer och privata vårdgivare")
	fmt.Fprintf(md, "## 8. Uppdragets organisation\n\n**Uppdragsägare:** %s, %s\n\n**Uppdragsledare:** %s, %s\n\n**Uppdragsmedlemmar:** %s\n\n**Mottagare av resultatet:** Hälso- och sjukvårdsnämnden och Regionstyrelsen\n\n**Övriga intressenter:** Länets kommuner, patientorganisationer och privata vårdgivare\n\n",
		d.owner.name, d.owner.title, d.leader.name, d.leader.title, members)

	// Milestones and activities.
	y.key(0, "milstolpar")
	md.WriteString("## 9. Planering\n\n### 9.1. Milstolpar\n\n| Datum | Beslut | Beslutspunkt | Kommentar |\n|---|---|---|---|\n")
	for k, id := range d.points {
		when := date.add(3*k + 2)
		what := pick(r, activities)
		y.item(2, "datum", when.String())
		y.str(4, "beslut", what)
		y.str(4, "beslutspunkt", id)
		y.str(4, "kommentar", "Enligt plan")
		fmt.Fprintf(md, "| %s | %s | %s | Enligt plan |\n", when, what, id)
	}
	y.key(0, "delaktiviteter")
	md.WriteString("\n### 9.2. Delaktiviteter\n\n| Aktivitet | Startdatum | Slutdatum | Ansvarig |\n|---|---|---|---|\n")
	for k := range 6 + r.IntN(6) {
		id := fmt.Sprintf("DA%d", k+1)
		d.activities = append(d.activities, id)
		s := date.add(1 + k/2)
		e := s.add(2 + r.IntN(4))
		text := pick(r, activities) + " med fokus på att " + pick(r, objects)
		who := g.person()
		y.item(2, "id", id)
		y.str(4, "aktivitet", text)
		y.str(4, "start", s.String())
		y.str(4, "slut", e.String())
		y.str(4, "ansvarig", who.name)
		fmt.Fprintf(md, "| %s | %s | %s | %s |\n", text, s, e, who.name)
	}
	md.WriteString("\n")
	section("10.", "kommunikation", "Kommunikation", paragraphs(r, 1))
	section("10.1.", "återrapportering", "Återrapportering", paragraphs(r, 1))
	section("11.", "överlämning", "Överlämning", paragraphs(r, 1))

	y.key(0, "definitioner")
	md.WriteString("## Definitioner och förkortningar\n\n| Begrepp/förkortning | Förklaring |\n|---|---|\n")
	for _, def := range [][2]string{{"Nära vård", "Vård som ges nära patienten och utgår från dennes behov"}, {"Hälsoval", "Vårdvalssystemet för primärvården"}, {"CLG", "Centrala ledningsgruppen"}, {"HSF", "Hälso- och sjukvårdsförvaltningen"}} {
		y.item(2, "term", def[0])
		y.str(4, "förklaring", def[1])
		fmt.Fprintf(md, "| %s | %s |\n", def[0], def[1])
	}
	y.key(0, "underskrifter")
	y.item(2, "roll", "Uppdragsägare")
	y.key(4, "person")
	y.str(6, "id", d.owner.id)
	y.raw(4, "visa_ort", "true")
	fmt.Fprintf(md, "\n\n\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\nUnderskrift Uppdragsägare · Datum · Ort\n\nNamnförtydligande: %s\n", d.owner.name)
	return d
}

func (g *gen) memo(committee, committeeName string, date ymd, num int, dirFile string, d *directive) (string, string) {
	r := g.r
	var y yamlw
	var md strings.Builder
	title := "Återrapportering: " + d.title
	officer := g.person()
	caseNo := fmt.Sprintf("%s %d-%d", committee, num, date.y)
	y.str(0, "typ", "tjänsteskrivelse")
	y.raw(0, "version", "1")
	y.str(0, "titel", title)
	y.str(0, "datum", date.String())
	y.str(0, "diarienummer", caseNo)
	y.str(0, "nämnd", committee)
	y.key(0, "handläggare")
	y.str(2, "id", officer.id)
	y.str(0, "uppdragsdirektiv", dirFile)
	fmt.Fprintf(&md, "---\ntitle: %q\nlang: sv-SE\n---\n\n**Tjänsteskrivelse** · %s · %s\n\nHandläggare: %s, %s\n\nTill: %s\n\n", title, date, caseNo, officer.name, officer.title, committeeName)

	section := func(key, heading, text string) {
		y.block(0, key, text)
		fmt.Fprintf(&md, "## %s\n\n%s\n\n", heading, text)
	}
	section("sammanfattning", "Sammanfattning", paragraphs(r, 2)+"\n\nFokus för uppdraget är att:\n\n"+bullets(r, 3)+"\n"+paragraphs(r, 1)+"\n\n"+bullets(r, 5))
	intro := committeeName + " föreslås besluta"
	y.key(0, "förslag_till_beslut")
	y.str(2, "inledning", intro)
	y.str(2, "form", "att")
	y.key(2, "punkter")
	fmt.Fprintf(&md, "## Förslag till beslut\n\n%s\n\n", intro)
	for _, p := range []string{"ta del av och godkänna återrapporteringen av uppdraget,", "uppdra åt förvaltningen att " + pick(r, objects) + "."} {
		y.listStr(4, p)
		fmt.Fprintf(&md, "att %s\n\n", p)
	}
	section("bedömda_resultat_och_konsekvenser", "Bedömda resultat och konsekvenser", paragraphs(r, 2))
	section("resurser_och_finansiering", "Resurser och finansiering", paragraphs(r, 1))
	section("jämställdhet", "Jämställdhet", "Ärendet är könsneutralt och bedöms inte påverka regionens jämställdhetsmål.")
	section("jämlikhet", "Jämlikhet", paragraphs(r, 1))
	section("barnperspektiv", "Barnperspektiv", "Ärendet bedöms inte särskilt beröra barn.")
	section("beredningsansvariga", "Beredningsansvariga", fmt.Sprintf("%s har varit uppdragsledare och huvudansvarig för att driva uppdraget och sammanställa rapporten. %s har haft funktionen som uppdragsägare.", d.leader.name, d.owner.name))
	y.key(0, "beslutsunderlag")
	y.item(2, "titel", "Tjänsteskrivelse "+date.String())
	y.item(2, "titel", "Uppdragsdirektiv: "+d.title)
	y.str(4, "fil", dirFile)
	fmt.Fprintf(&md, "## Beslutsunderlag\n\n- Tjänsteskrivelse %s\n- Uppdragsdirektiv: %s\n\n", date, d.title)
	y.key(0, "expedieras_till")
	md.WriteString("## Beslutet expedieras till\n\n")
	for range 2 {
		p := g.person()
		y.item(2, "id", p.id)
		fmt.Fprintf(&md, "- %s, %s\n", p.name, p.title)
	}
	return y.b.String(), md.String()
}

func (g *gen) status(committee string, date ymd, num int, dirFile string, d *directive) (string, string) {
	r := g.r
	var y yamlw
	var md strings.Builder
	title := "Statusrapport " + d.title
	author := d.leader
	levels := []string{"grön", "gul", "röd"}
	level := levels[r.IntN(3)]
	from := date.add(-2)
	y.str(0, "typ", "statusrapport")
	y.raw(0, "version", "1")
	y.str(0, "titel", title)
	y.str(0, "datum", date.String())
	y.str(0, "diarienummer", fmt.Sprintf("%s %d-%d", committee, num, date.y))
	y.str(0, "uppdragsdirektiv", dirFile)
	y.key(0, "period")
	y.str(2, "från", from.String())
	y.str(2, "till", date.String())
	y.key(0, "rapportör")
	y.str(2, "id", author.id)
	comment := paragraph(r, 2)
	y.key(0, "status")
	y.str(2, "nivå", level)
	y.str(2, "kommentar", comment)
	fmt.Fprintf(&md, "---\ntitle: %q\nlang: sv-SE\n---\n\n**Statusrapport** · %s\n\nPeriod: %s – %s · Rapportör: %s\n\n**Övergripande status: %s.** %s\n\n", title, date, from, date, author.name, strings.ToUpper(level[:1])+level[1:], comment)

	progress := []string{"ej_påbörjad", "pågående", "klar"}
	y.key(0, "aktiviteter")
	md.WriteString("## Delaktiviteter\n\n| Delaktivitet | Status | Prognos | Kommentar |\n|---|---|---|---|\n")
	for _, id := range d.activities[:min(len(d.activities), 6+r.IntN(3))] {
		p := pick(r, progress)
		if level == "grön" {
			p = "klar" // a green report has nothing late
		}
		fc := date.add(1 + r.IntN(4))
		c := pick(r, activities) + "."
		y.item(2, "id", id)
		y.str(4, "status", p)
		y.str(4, "prognos", fc.String())
		y.str(4, "kommentar", c)
		fmt.Fprintf(&md, "| %s | %s | %s | %s |\n", id, p, fc, c)
	}
	y.key(0, "milstolpar")
	md.WriteString("\n## Milstolpar\n\n| Beslutspunkt | Nådd | Prognos | Kommentar |\n|---|---|---|---|\n")
	for k, id := range d.points {
		reached := k < 2
		y.item(2, "beslutspunkt", id)
		y.raw(4, "nådd", fmt.Sprint(reached))
		fc := date.add(k)
		if !reached {
			y.str(4, "prognos", fc.month())
		}
		y.str(4, "kommentar", "Enligt plan")
		yes := "nej"
		if reached {
			yes = "ja"
		}
		fmt.Fprintf(&md, "| %s | %s | %s | Enligt plan |\n", id, yes, fc.month())
	}
	md.WriteString("\n")
	section := func(key, heading, text string) {
		y.block(0, key, text)
		fmt.Fprintf(&md, "## %s\n\n%s\n\n", heading, text)
	}
	section("avvikelser", "Avvikelser", paragraphs(r, 1))
	y.key(0, "risker")
	md.WriteString("## Risker\n\n| Risk | Sannolikhet | Konsekvens | Åtgärd |\n|---|---|---|---|\n")
	grades := []string{"låg", "medel", "hög"}
	for range 3 {
		rk, p, c, a := pick(r, risks), pick(r, grades), pick(r, grades), paragraph(r, 1)
		y.item(2, "risk", rk)
		y.str(4, "sannolikhet", p)
		y.str(4, "konsekvens", c)
		y.str(4, "åtgärd", a)
		fmt.Fprintf(&md, "| %s | %s | %s | %s |\n", rk, p, c, a)
	}
	md.WriteString("\n")
	section("nästa_steg", "Nästa steg", bullets(r, 3))
	section("beslut_som_behövs", "Beslut som behövs", paragraph(r, 1))
	return y.b.String(), md.String()
}

// yamlw writes YAML by hand, in the key order of a real file: scalars as
// JSON strings (valid YAML double-quoted scalars), text as literal blocks.
type yamlw struct{ b strings.Builder }

func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

func (w *yamlw) pad(n int) { w.b.WriteString(strings.Repeat(" ", n)) }

func (w *yamlw) key(indent int, k string) {
	w.pad(indent)
	w.b.WriteString(k + ":\n")
}

func (w *yamlw) raw(indent int, k, v string) {
	w.pad(indent)
	w.b.WriteString(k + ": " + v + "\n")
}

func (w *yamlw) str(indent int, k, v string) { w.raw(indent, k, quote(v)) }

// item starts a list item that is a mapping, with its first key.
func (w *yamlw) item(indent int, k, v string) {
	w.pad(indent)
	w.b.WriteString("- " + k + ": " + quote(v) + "\n")
}

func (w *yamlw) listStr(indent int, v string) {
	w.pad(indent)
	w.b.WriteString("- " + quote(v) + "\n")
}

func (w *yamlw) block(indent int, k, text string) {
	w.pad(indent)
	w.b.WriteString(k + ": |\n")
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if line != "" {
			w.pad(indent + 2)
			w.b.WriteString(line)
		}
		w.b.WriteString("\n")
	}
}

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/internal/seedcheck"
	"github.com/underlag/underlag/internal/testenv"
)

// The acceptance test of the two renderers: `underlag build` turns the two
// real documents in data/ into PDF and DOCX, and the programs people open
// them with must find in them what the seeds (shared/seeds, beside the
// repository) hold — every sentence in order, the running header with the
// right page on every page, embedded fonts, metadata, Word's headings,
// tables, properties and page fields.

// seedDoc is one seed's documents and what the data says they must show.
type seedDoc struct {
	spec seedcheck.Spec
	seed string // the seed's text

	pdf, docx string // outputs of the build
	pages     int    // pages of the PDF, as the build's report has them

	title, kind, date, caseNo, org string
}

// TestSeedDocuments builds both seeds once and checks the outputs in
// parallel subtests: the PDF with poppler and qpdf, the DOCX with
// python-docx and, converted in one LibreOffice run, with poppler again.
func TestSeedDocuments(t *testing.T) {
	t.Parallel()
	seeds := testenv.SeedsDir(t)
	docs := buildSeeds(t, seeds)

	for _, d := range docs {
		t.Run("pdf/"+d.spec.Seed, func(t *testing.T) {
			t.Parallel()
			checkPDF(t, d, d.pdf, d.pages)
		})
	}
	t.Run("python-docx", func(t *testing.T) {
		t.Parallel()
		checkPythonDocx(t, docs)
	})
	t.Run("libreoffice", func(t *testing.T) {
		t.Parallel()
		pdfs := convertDocx(t, docs)
		for i, d := range docs {
			t.Run(d.spec.Seed, func(t *testing.T) {
				t.Parallel()
				checkText(t, d, pdfs[i])
				checkHeaders(t, d, pdfs[i], pdfPages(t, pdfs[i]))
			})
		}
	})
}

// buildSeeds runs `underlag build` on a copy of data/ and returns each
// seed with its outputs and the facts its data gives.
func buildSeeds(t *testing.T, seeds string) []*seedDoc {
	t.Helper()
	root := t.TempDir()
	data, out, report := filepath.Join(root, "data"), filepath.Join(root, "out"), filepath.Join(root, "report.json")
	require.NoError(t, os.CopyFS(data, os.DirFS("../../data")))
	code, _, errOut := execute(t, "build", data, "--out", out, "--to", "pdf,docx", "--report", report, "--quiet")
	require.Equal(t, 0, code, errOut)

	var rep struct {
		Sources []struct {
			Source  string
			Outputs []struct {
				Format, Path string
				Pages        int
			}
		}
	}
	b, err := os.ReadFile(report)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &rep))

	var org struct {
		Name string `yaml:"namn"`
	}
	b, err = os.ReadFile(filepath.Join(data, "organisation.yaml"))
	require.NoError(t, err)
	require.NoError(t, yaml.Unmarshal(b, &org))

	var docs []*seedDoc
	for _, spec := range seedcheck.Specs() {
		d := &seedDoc{spec: spec, org: org.Name}
		matches, err := filepath.Glob(filepath.Join(seeds, spec.Seed+"*.txt"))
		require.NoError(t, err)
		require.Len(t, matches, 1, "one seed %s*.txt in %s", spec.Seed, seeds)
		b, err := os.ReadFile(matches[0])
		require.NoError(t, err)
		d.seed = string(b)

		src := filepath.Join(data, filepath.Base(spec.Data))
		b, err = os.ReadFile(src)
		require.NoError(t, err)
		var meta struct {
			Kind   string `yaml:"typ"`
			Title  string `yaml:"titel"`
			Date   string `yaml:"datum"`
			CaseNo string `yaml:"diarienummer"`
		}
		require.NoError(t, yaml.Unmarshal(b, &meta), src)
		r, _ := utf8.DecodeRuneInString(meta.Kind)
		d.kind = strings.ToUpper(string(r)) + meta.Kind[utf8.RuneLen(r):]
		d.title, d.date, d.caseNo = meta.Title, meta.Date, meta.CaseNo
		require.NotEmpty(t, d.title, src)
		require.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, d.date, src)

		for _, s := range rep.Sources {
			if s.Source != src {
				continue
			}
			for _, o := range s.Outputs {
				switch o.Format {
				case "pdf":
					d.pdf, d.pages = o.Path, o.Pages
				case "docx":
					d.docx = o.Path
				}
			}
		}
		require.NotEmpty(t, d.pdf, "no PDF of %s in the report", src)
		require.NotEmpty(t, d.docx, "no DOCX of %s in the report", src)
		docs = append(docs, d)
	}
	return docs
}

// checkPDF checks the PDF the build wrote with poppler and qpdf.
func checkPDF(t *testing.T, d *seedDoc, path string, reported int) {
	testenv.NeedTool(t, "pdftotext", "pdfinfo", "pdffonts", "qpdf")
	checkText(t, d, path)
	if d.spec.Seed == "000_" {
		checkTextFails(t, d, path)
	}

	info := testenv.Run(t, "pdfinfo", "-enc", "UTF-8", path)
	title := regexp.MustCompile(`(?m)^Title:\s+(.*)$`).FindStringSubmatch(info)
	if assert.NotNil(t, title, "pdfinfo shows no title:\n%s", info) {
		assert.Equal(t, d.title, title[1], "pdfinfo: title")
	}
	pages := pdfPages(t, path)
	assert.Equal(t, reported, pages, "the build's report and pdfinfo disagree on the pages")
	checkHeaders(t, d, path, pages)

	fonts := strings.Split(strings.TrimSpace(testenv.Run(t, "pdffonts", path)), "\n")
	require.Greater(t, len(fonts), 2, "pdffonts lists no fonts:\n%s", strings.Join(fonts, "\n"))
	emb := strings.Index(fonts[0], "emb")
	require.Positive(t, emb, "pdffonts has no emb column:\n%s", fonts[0])
	for _, l := range fonts[2:] {
		assert.Equal(t, "yes", strings.TrimSpace(l[emb:emb+3]), "font not embedded: %s", l)
	}

	check := testenv.Run(t, "qpdf", "--check", path)
	assert.Contains(t, check, "No syntax or stream encoding errors found", check)

	assert.Equal(t, "sv-SE", catalogLang(t, path))
}

// pdfPages is the page count pdfinfo reports.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(testenv.Run(t, "pdfinfo", path))
	require.NotNil(t, m, "pdfinfo prints no page count for %s", path)
	n, _ := strconv.Atoi(m[1])
	return n
}

// catalogLang is the document catalog's /Lang, read from qpdf's JSON,
// whatever string encoding the PDF used for it.
func catalogLang(t *testing.T, path string) string {
	t.Helper()
	var js struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	require.NoError(t, json.Unmarshal([]byte(testenv.Run(t, "qpdf", "--json", "--json-key=qpdf", path)), &js))
	require.Len(t, js.QPDF, 2, "qpdf --json: want a header and the objects")
	var objs map[string]struct {
		Value map[string]any `json:"value"`
	}
	require.NoError(t, json.Unmarshal(js.QPDF[1], &objs))
	root, _ := objs["trailer"].Value["/Root"].(string)
	require.NotEmpty(t, root, "the trailer has no /Root")
	cat, ok := objs["obj:"+root]
	require.True(t, ok, "no catalog object %s", root)
	lang, _ := cat.Value["/Lang"].(string)
	return strings.TrimPrefix(lang, "u:")
}

var pageNumber = regexp.MustCompile(`(?:^|\s)(\d+) \((\d+)\)(?:\s|$)`)

// checkHeaders checks that every page starts with the running header:
// organisation, document kind, "N (M)" for that page, date and case number.
func checkHeaders(t *testing.T, d *seedDoc, path string, pages int) {
	t.Helper()
	require.Positive(t, pages)
	for n := 1; n <= pages; n++ {
		text := testenv.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), path, "-")
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); l != "" && l != "\f" {
				lines = append(lines, l)
			}
		}
		head := strings.Join(lines[:min(4, len(lines))], "\n")
		want := []string{d.org, d.kind, d.date}
		if d.caseNo != "" {
			want = append(want, d.caseNo)
		}
		for _, w := range want {
			assert.Contains(t, head, w, "page %d of %s: header", n, filepath.Base(path))
		}
		numbers := pageNumber.FindAllStringSubmatch(head, -1)
		if assert.Len(t, numbers, 1, "page %d of %s: one page number in the header:\n%s", n, filepath.Base(path), head) {
			assert.Equal(t, fmt.Sprintf("%d (%d)", n, pages), numbers[0][1]+" ("+numbers[0][2]+")", "page %d of %s", n, filepath.Base(path))
		}
		if len(lines) > 0 {
			assert.Contains(t, lines[len(lines)-1], d.org, "page %d of %s: footer", n, filepath.Base(path))
		}
	}
}

// checkText checks that the text of the PDF holds every sentence of the
// seed in the seed's order.
func checkText(t *testing.T, d *seedDoc, path string) {
	t.Helper()
	text := pdfText(testenv.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"))
	probs, err := seedProblems(d.spec, d.seed, text)
	require.NoError(t, err)
	for _, p := range probs {
		t.Errorf("%s: %s", filepath.Base(path), p)
	}
	if t.Failed() {
		t.Logf("text of %s:\n%s", filepath.Base(path), text)
	}
}

// checkTextFails shows that the text check can fail on the directive's
// real output: a sentence taken out, two list items swapped, a date or a
// definition changed are each reported.
func checkTextFails(t *testing.T, d *seedDoc, path string) {
	t.Helper()
	text := seedcheck.Normalize(pdfText(testenv.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")))
	for _, tt := range []struct {
		name, old, new, want string
	}{
		{"sentence removed", " En genomlysning av primärvården genomfördes under 2023.", "", `missing from the text: "En genomlysning av primärvården genomfördes under 2023."`},
		{"list items swapped", "Gemensam primärvårdsplan • Samverkansstrukturer", "Samverkansstrukturer • Gemensam primärvårdsplan", `out of order: "Samverkansstrukturer"`},
		{"date changed", "2024-11-21", "2024-11-22", `missing from the text: "2024-11-21"`},
		{"definition changed", "CLG Centrala ledningsgruppen", "CLG Centrala styrgruppen", `definition "CLG Centrala ledningsgruppen" is missing`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(text, tt.old), "the text no longer holds %q once; update the test", tt.old)
			probs, err := seedProblems(d.spec, d.seed, strings.Replace(text, tt.old, tt.new, 1))
			require.NoError(t, err)
			require.Len(t, probs, 1)
			assert.Contains(t, probs[0], tt.want)
		})
	}
}

// definitionsHeading is the heading of the directive's definitions, whose
// rows the renderers sort where the seed has them in the author's order.
const definitionsHeading = "Definitioner och förkortningar"

// seedProblems checks the seed's fragments against the text of a rendered
// document. Everything is checked in order except the definitions: each
// term must stand beside its explanation after their heading.
func seedProblems(spec seedcheck.Spec, seed, text string) ([]string, error) {
	frags, err := seedcheck.ApplyFixes(seedcheck.Fragments(seed, spec.Labels), spec.OutputFixes())
	if err != nil {
		return nil, err
	}
	corpus := seedcheck.Normalize(text)
	var probs []string
	report := func(ps []seedcheck.Problem) {
		for _, p := range ps {
			// Problem speaks of the data, which seedcheck checks too.
			probs = append(probs, strings.ReplaceAll(p.String(), "the data", "the text"))
		}
	}
	start, end := -1, len(frags)
	for i, f := range frags {
		switch {
		case f == definitionsHeading:
			start = i
		case start >= 0 && f == "Underskrift":
			end = i
		}
	}
	if start < 0 {
		kept, _ := seedcheck.DropLabels(frags, spec.Labels)
		report(seedcheck.Check(kept, corpus))
		return probs, nil
	}
	at := strings.Index(corpus, definitionsHeading)
	if at < 0 {
		return []string{fmt.Sprintf("the heading %q is missing", definitionsHeading)}, nil
	}
	before, _ := seedcheck.DropLabels(frags[:start], spec.Labels)
	defs, _ := seedcheck.DropLabels(frags[start:end], spec.Labels)
	after, _ := seedcheck.DropLabels(frags[end:], spec.Labels)
	report(seedcheck.Check(before, corpus[:at]))
	if len(defs)%2 != 0 {
		return nil, fmt.Errorf("definitions: %d fragments, want term and explanation pairs: %q", len(defs), defs)
	}
	rest := corpus[at:]
	for i := 0; i < len(defs); i += 2 {
		pair := defs[i] + " " + defs[i+1]
		if len(seedcheck.Check([]string{pair}, rest)) > 0 {
			probs = append(probs, fmt.Sprintf("definition %q is missing after the heading %q", pair, definitionsHeading))
		}
	}
	report(seedcheck.Check(after, rest))
	return probs, nil
}

// pdfText turns the output of pdftotext -layout into running text in
// reading order: the running header and footer of each page are dropped,
// and the cells of table rows, which -layout sets side by side, are put one
// after the other, each whole.
func pdfText(layout string) string {
	pages := strings.Split(layout, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	lines := make([][]string, len(pages))
	for i, p := range pages {
		lines[i] = strings.Split(p, "\n")
	}
	head, foot := runningLines(lines)
	var b strings.Builder
	for _, p := range lines {
		var block []string
		flush := func() {
			b.WriteString(cells(block))
			b.WriteByte('\n')
			block = nil
		}
		seen, last := 0, nonBlank(p)-foot
		for j, l := range p {
			if strings.TrimSpace(l) != "" {
				seen++
				if seen <= head || seen > last {
					continue
				}
			}
			if strings.TrimSpace(l) == "" {
				flush()
				continue
			}
			block = append(block, p[j])
		}
		flush()
	}
	return b.String()
}

func nonBlank(lines []string) int {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// runningLines finds the running header and footer: how many non-blank
// lines every page starts with alike (page numbers aside), and how many it
// ends with alike.
func runningLines(pages [][]string) (head, foot int) {
	if len(pages) < 2 {
		return 0, 0
	}
	keys := make([][]string, len(pages))
	for i, p := range pages {
		for _, l := range p {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				keys[i] = append(keys[i], pageNumber.ReplaceAllString(" "+l+" ", " N (M) "))
			}
		}
	}
	prefix := len(keys[0])
	for _, k := range keys[1:] {
		n := 0
		for n < prefix && n < len(k) && k[n] == keys[0][n] {
			n++
		}
		prefix = n
	}
	head, foot = prefix, len(keys[0])
	for _, k := range keys[1:] {
		n := 0
		for n < foot && n < len(k) && k[len(k)-1-n] == keys[0][len(keys[0])-1-n] {
			n++
		}
		foot = n
	}
	return head, foot
}

// gap is the space between two cells of a row in pdftotext -layout; words
// within a cell are one space apart.
var gap = regexp.MustCompile(`\S {3,}\S`)

// bullet is a list item's glyph, which -layout sets apart from its text.
var bullet = regexp.MustCompile(`^(\s*)[•◦▪–]\s`)

// cells puts a block of lines (a paragraph, or one table row whose cells
// wrap onto several lines) into reading order: the text of each column
// whole, left to right.
func cells(block []string) string {
	type seg struct {
		col  int // rune offset of the first character
		text string
	}
	var segs [][]seg
	table := false
	for _, l := range block {
		l = bullet.ReplaceAllString(l, "$1  ")
		var line []seg
		r := []rune(l)
		for i := 0; i < len(r); {
			if r[i] == ' ' {
				i++
				continue
			}
			j := i
			for j < len(r) && !(r[j] == ' ' && j+2 < len(r) && r[j+1] == ' ' && r[j+2] == ' ') {
				j++
			}
			line = append(line, seg{col: i, text: strings.TrimSpace(string(r[i:j]))})
			i = j
		}
		if len(line) > 1 {
			table = true
		}
		segs = append(segs, line)
	}
	if !table {
		return strings.Join(block, "\n")
	}
	// Columns start where a segment starts; starts a character or two
	// apart are one column (proportional type on a character grid).
	var starts []int
	for _, line := range segs {
		for _, s := range line {
			starts = append(starts, s.col)
		}
	}
	sort.Ints(starts)
	var cols []int
	for _, s := range starts {
		if len(cols) == 0 || s-cols[len(cols)-1] > 2 {
			cols = append(cols, s)
		}
	}
	text := make([][]string, len(cols))
	for _, line := range segs {
		for _, s := range line {
			c := sort.SearchInts(cols, s.col+3) - 1
			text[c] = append(text[c], s.text)
		}
	}
	var out []string
	for _, c := range text {
		out = append(out, strings.Join(c, "\n"))
	}
	return strings.Join(out, "\n")
}

// convertDocx converts the DOCX of every seed to PDF in one LibreOffice run
// and returns the PDFs in the order of docs.
func convertDocx(t *testing.T, docs []*seedDoc) []string {
	t.Helper()
	testenv.NeedTool(t, "libreoffice", "pdftotext", "pdfinfo")
	dir := t.TempDir()
	var files []string
	for _, d := range docs {
		files = append(files, d.docx)
	}
	out := testenv.LibreOffice(t, "pdf", dir, files...)
	assert.NotContains(t, out, "Error", "libreoffice complained:\n%s", out)
	var pdfs []string
	for _, d := range docs {
		p := filepath.Join(dir, strings.TrimSuffix(filepath.Base(d.docx), ".docx")+".pdf")
		require.FileExists(t, p, "libreoffice: %s", out)
		pdfs = append(pdfs, p)
	}
	return pdfs
}

// checkPythonDocx checks the DOCX of both seeds with python-docx: the
// paragraphs in a Title or Heading style, the tables' rows, the core
// properties and the fields of every header and footer.
func checkPythonDocx(t *testing.T, docs []*seedDoc) {
	var files []string
	for _, d := range docs {
		files = append(files, d.docx)
	}
	res := testenv.ReadDocx(t, files...)
	for i, d := range docs {
		r := res[i]
		t.Run(d.spec.Seed, func(t *testing.T) {
			name := filepath.Base(d.docx)
			assert.Equal(t, d.title, r.Core.Title, "%s: core title", name)
			assert.Equal(t, "sv-SE", r.Core.Language, "%s: core language", name)
			assert.Contains(t, r.Fields, "PAGE", "%s: header and footer fields", name)
			assert.Contains(t, r.Fields, "NUMPAGES", "%s: header and footer fields", name)
			for _, h := range wantHeadings[d.spec.Seed] {
				assert.Contains(t, r.Headings, h, "%s: headings", name)
			}
			for head, rows := range wantTables[d.spec.Seed] {
				found := false
				for _, tb := range r.Tables {
					if len(tb) > 0 && strings.Join(tb[0], " ") == head {
						found = true
						assert.Len(t, tb, rows, "%s: table %q: rows with the header", name, head)
					}
				}
				assert.True(t, found, "%s: no table with the header %q in %q", name, head, r.Tables)
			}
		})
	}
}

// wantHeadings are headings each seed's DOCX has in Word's heading styles.
var wantHeadings = map[string][][2]string{
	"000_": {
		{"Heading 1", "Bakgrund"}, {"Heading 2", "Idé"},
		{"Heading 1", "Mål och verksamhetsnytta"}, {"Heading 2", "Effektmål"}, {"Heading 2", "Uppdragsmål 2025"},
		{"Heading 1", "Tidplan"}, {"Heading 1", "Planering"}, {"Heading 2", "Milstolpar"}, {"Heading 2", "Delaktiviteter 2024"},
		{"Heading 1", "Överlämning"},
	},
	"001_": {
		{"Heading 1", "Sammanfattning"}, {"Heading 1", "Förslag till beslut"},
		{"Heading 1", "Jämställdhet"}, {"Heading 1", "Beslutet expedieras till"},
	},
}

// wantTables are tables each seed's DOCX has, by their header row, with
// the number of rows including the header.
var wantTables = map[string]map[string]int{
	"000_": {
		"Fas/beslutspunkt Start Slut":             1 + 4,
		"Datum Beslut Beslutspunkt Kommentar":     1 + 5,
		"Aktivitet Startdatum Slutdatum Ansvarig": 1 + 3,
	},
}

func TestPDFText(t *testing.T) {
	t.Parallel()
	page := func(n int, body ...string) string {
		return strings.Join(append(append([]string{
			"Region Test                                  Uppdragsdirektiv",
			fmt.Sprintf("                                                    %d (2)", n),
			"                                                2024-11-18",
			"",
		}, body...), "", "Region Test · 901 89 Umeå", ""), "\n")
	}
	layout := page(1,
		"1. Bakgrund",
		"En mening som fortsätter",
		"på nästa rad.",
		"•   En punkt",
		"",
		" Aktivitet                     Slutdatum   Ansvarig",
		"",
		" Säkerställa aktivt bidrag     2025-03     Marcus Kärnebro",
		" i framtagandet av planen                  (Beställarenheten)",
	) + "\f" + page(2,
		" Datum       Beslut",
		"",
		" 2024-11-18  Beredande",
		"Sista stycket.",
	) + "\f"
	want := strings.Join([]string{
		"1. Bakgrund", "En mening som fortsätter", "på nästa rad.", "•   En punkt",
		"Aktivitet", "Slutdatum", "Ansvarig",
		"Säkerställa aktivt bidrag", "i framtagandet av planen", "2025-03", "Marcus Kärnebro", "(Beställarenheten)",
		" Datum       Beslut", // two spaces apart: one cell as far as -layout tells
		" 2024-11-18  Beredande", "Sista stycket.",
	}, "\n")
	assert.Equal(t, seedcheck.Normalize(want), seedcheck.Normalize(pdfText(layout)))
}

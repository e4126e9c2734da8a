package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/internal/testenv"
)

// A third organisation, unlike the region and Exempelby (testdata/teknik:
// a small municipality's Nämnden för teknik, people named Łukasz, Ngọc,
// Øystein and Ægir), gets its whole page from data and templates only:
// the test builds it with the command line alone, and no Go in this
// repository knows it. Its mallar/ hold a two-column footer with labels
// above values, the name in capitals in the header only, a first-page
// header per kind, a memo without a fact box and a protocol extract
// numbered as pages 5 and 6 of 53; its profile chooses the status
// report's columns, numbers headings, and signs with name and title only.

const thirdOrg = "testdata/teknik"

// thirdOrgDocs are the outputs' base names.
var thirdOrgDocs = struct{ memo, extract, report string }{
	"tjansteskrivelse-gatubelysning", "protokollsutdrag-tn-2025-03-12-12", "statusrapport-gang-och-cykel-2025-10-01",
}

// buildThirdOrg builds a copy of the organisation, after edit (nil for
// none) has changed its profile, and returns the output directory.
func buildThirdOrg(t *testing.T, edit func(profile string) string) string {
	t.Helper()
	root := t.TempDir()
	data, out := filepath.Join(root, "teknik"), filepath.Join(root, "out")
	require.NoError(t, os.CopyFS(data, os.DirFS(thirdOrg)))
	if edit != nil {
		p := filepath.Join(data, "organisation.yaml")
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(p, []byte(edit(string(b))), 0o644))
	}
	code, _, errOut := execute(t, "build", data, "--out", out, "--to", "pdf,docx", "--quiet")
	require.Equal(t, 0, code, errOut)
	return out
}

func TestThirdOrganisationPDF(t *testing.T) {
	testenv.NeedTool(t, "pdftotext")
	t.Parallel()
	out := buildThirdOrg(t, nil)
	pages := func(name string) []string { return testenv.PDFPages(t, filepath.Join(out, name+".pdf")) }
	memo, extract, report := pages(thirdOrgDocs.memo), pages(thirdOrgDocs.extract), pages(thirdOrgDocs.report)

	t.Run("name in capitals in the header only", func(t *testing.T) {
		for _, doc := range [][]string{memo, extract, report} {
			for _, p := range doc {
				lines := strings.Split(p, "\n")
				assert.Contains(t, lines[0], "SMÅFJÄLLS KOMMUN")
				assert.Equal(t, 1, strings.Count(p, "SMÅFJÄLLS KOMMUN"), "only the header is in capitals")
				assert.Contains(t, p, "Småfjälls kommun", "the footer has the name as written")
			}
		}
	})
	t.Run("first-page header per kind", func(t *testing.T) {
		head := func(p string) string { return strings.Join(strings.Split(p, "\n")[:3], "\n") }
		assert.Regexp(t, `Tjänsteskrivelse[\s\S]*2025-09-15[\s\S]*Dnr TN 2025/41`, head(memo[0]))
		assert.Contains(t, head(extract[0]), "PROTOKOLLSUTDRAG")
		assert.NotContains(t, head(extract[1]), "PROTOKOLLSUTDRAG", "the following pages have the running header")
		assert.Contains(t, head(report[0]), "Sida 1 av "+strconv.Itoa(len(report)), "page one of the report's pages (its timeline takes a second)")
		assert.NotContains(t, head(report[0]), "Statusrapport")
	})
	t.Run("extract numbered as pages of the protocol", func(t *testing.T) {
		require.Len(t, extract, 2)
		for i, p := range extract {
			assert.Contains(t, strings.Join(strings.Split(p, "\n")[:3], " "), strconv.Itoa(5+i)+" (53)")
		}
	})
	t.Run("case officer of a kind defined in data in the footer", func(t *testing.T) {
		for _, p := range extract {
			assert.Contains(t, p, "Trần Bảo Ngọc, Projektledare")
			assert.NotContains(t, p, "Direkt", "she has no phone of her own: no label without a value")
		}
	})
	t.Run("the case officer's phone from the people registry", func(t *testing.T) {
		assert.Regexp(t, `Direkt[^\n]*\n\s*0640-100 17`, memo[0])
	})
	t.Run("the packet marks the attachment in its header", func(t *testing.T) {
		packet := pages(thirdOrgDocs.memo + "-handling")
		require.Len(t, packet, len(memo)+len(extract))
		for i, p := range packet[len(memo):] {
			head := strings.Split(p, "\n")[:4]
			assert.Regexp(t, `^\s+Bilaga 1$`, head[0])
			assert.Contains(t, strings.Join(head, " "), strconv.Itoa(5+i)+" (53)", "the extract keeps its numbering")
		}
	})
	t.Run("memo without fact box", func(t *testing.T) {
		assert.NotContains(t, memo[0], "Diarienummer")
		assert.NotRegexp(t, `(?m)^\s*Till\s`, memo[0])
	})
	t.Run("directive columns chosen, empty ones dropped", func(t *testing.T) {
		dir := pages("uppdragsdirektiv-gang-och-cykel")[0]
		assert.Regexp(t, `Nr\s+Aktivitet\s+Klart\s+Ansvarig`, dir)
		assert.Regexp(t, `Datum\s+Beslut\s+Beslutspunkt\s*\n`, dir, "no Kommentar column: empty in every row")
		assert.NotContains(t, dir, "Startdatum", "empty in every row")
	})
	t.Run("status report columns, lateness computed", func(t *testing.T) {
		assert.Regexp(t, `Nr\s+Aktivitet\s+Ansvarig\s+Planerat\s+Status\s+Kommentar`, report[0])
		assert.Regexp(t, `(?m)^\s*A2\s.*Försenad\s+Ledningsflytten`, report[0])
		assert.Regexp(t, `(?m)^\s*A1\s.*Klar`, report[0])
		assert.Regexp(t, `Beslutspunkt\s+Beslut\s+Planerat\s+Status\s*\n`, report[0], "Prognos and Utfall, empty in every milestone, dropped")
		assert.Regexp(t, `(?m)^\s*BP1\s.*Försenad`, report[0], "the milestone's lateness computed")
	})
	t.Run("key-value table without header, plain lines, numbered headings", func(t *testing.T) {
		all := strings.Join(extract, "\n")
		assert.Regexp(t, `§ 12\s+Dnr TN 2025/12\s+Sammanträdesdatum\s+2025-03-12`, all, "no header row between the line and the first pair")
		assert.NotContains(t, all, "Uppgift")
		assert.Regexp(t, `(?m)^Tjänsteskrivelse 2025-02-20$`, all, "a list field as plain lines")
		assert.NotContains(t, all, "•")
		testenv.AssertInOrder(t, all, "1. Ärendet", "1.1. Bakgrund", "1.2. Förvaltningens bedömning", "2. Beslut", "3. Beslutsunderlag")
	})
	t.Run("two-column footer, labels above values", func(t *testing.T) {
		words := bboxWords(t, filepath.Join(out, thirdOrgDocs.memo+".pdf"))
		post, box := words["Postadress"], words["Box"]
		visit, road := words["Besöksadress"], words["Fjällvägen"]
		assert.InDelta(t, post.X, box.X, 0.5, "the value starts under its label")
		assert.Greater(t, box.Y, post.Y, "the value is under its label")
		assert.InDelta(t, visit.X, road.X, 0.5)
		assert.Greater(t, road.Y, visit.Y)
		assert.Greater(t, visit.X, post.X+150, "the right column")
		assert.Greater(t, post.Y, 700.0, "in the footer")
	})
	t.Run("signatures without a rule", func(t *testing.T) {
		testenv.NeedPypdf(t)
		noRule(t, filepath.Join(out, thirdOrgDocs.memo+".pdf"), "Ægir", true)
	})
}

// The test of the rule can fail: with a line under the names it sees it.
func TestThirdOrganisationRuleSeen(t *testing.T) {
	testenv.NeedTool(t, "pdftotext")
	testenv.NeedPypdf(t)
	t.Parallel()
	out := buildThirdOrg(t, func(p string) string {
		return strings.Replace(p, "layout: namn_och_titel", "layout: namn_under_linje", 1)
	})
	noRule(t, filepath.Join(out, thirdOrgDocs.memo+".pdf"), "Ægir", false)
}

type bboxWord struct{ X, Y float64 }

// bboxWords is the last place of each word on page one, from
// pdftotext -bbox (points, from the top left): a signer's name is
// the last time it is written.
func bboxWords(t *testing.T, pdf string) map[string]bboxWord {
	t.Helper()
	raw := testenv.Run(t, "pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-")
	var page struct {
		Words []struct {
			XMin float64 `xml:"xMin,attr"`
			YMin float64 `xml:"yMin,attr"`
			Text string  `xml:",chardata"`
		} `xml:"body>doc>page>word"`
	}
	require.NoError(t, xml.Unmarshal([]byte(raw), &page))
	out := map[string]bboxWord{}
	for _, w := range page.Words {
		out[w.Text] = bboxWord{w.XMin, w.YMin}
	}
	return out
}

// noRule checks whether a horizontal line is drawn just above the word
// (the signer's name) on page one: want none when none is true.
func noRule(t *testing.T, pdf, word string, none bool) {
	t.Helper()
	py := testenv.NeedPypdf(t)
	w, ok := bboxWords(t, pdf)[word]
	require.True(t, ok, "no %q on page one", word)
	script := `
import json, sys
from pypdf import PdfReader
from pypdf.generic import ContentStream
reader = PdfReader(sys.argv[1])
page = reader.pages[0]
h = float(page.mediabox.top)
ys, last = [], None
for operands, op in ContentStream(page.get_contents(), reader).operations:
    o = op.decode()
    if o == "m":
        last = [float(v) for v in operands]
    elif o == "l" and last is not None:
        x, y = [float(v) for v in operands]
        if abs(y - last[1]) < 0.01 and abs(x - last[0]) > 20:
            ys.append(h - y)
print(json.dumps(ys))
`
	b, err := exec.Command(py, "-c", script, pdf).CombinedOutput()
	require.NoError(t, err, string(b))
	var ys []float64
	require.NoError(t, json.Unmarshal(b, &ys))
	found := false
	for _, y := range ys {
		found = found || (y > w.Y-20 && y < w.Y+1)
	}
	if none {
		assert.False(t, found, "a rule above %s at %.1f: lines at %v", word, w.Y, ys)
	} else {
		assert.True(t, found, "no rule above %s at %.1f: lines at %v", word, w.Y, ys)
	}
}

func TestThirdOrganisationDocx(t *testing.T) {
	py := testenv.NeedPythonDocx(t)
	t.Parallel()
	out := buildThirdOrg(t, nil)
	script := `
import json, sys, docx
from docx.oxml.ns import qn
res = {}
def plain(el):
    # Word's non-breaking hyphen and space keep tokens whole (Dnr TN
    # 2025/41, 2025-03-12); Debian's python-docx 0.8 drops the hyphen
    # (1.x reads it as "-"): read both as the characters they print.
    for h in list(el.iter(qn("w:noBreakHyphen"))):
        t = h.makeelement(qn("w:t"), {})
        t.text = "-"
        h.addprevious(t)
        h.getparent().remove(h)
    for t in el.iter(qn("w:t")):
        if t.text:
            t.text = t.text.replace("\u00a0", " ")
for path in sys.argv[1:]:
    d = docx.Document(path)
    s = d.sections[0]
    plain(d.element.body)
    for hf in (s.header, s.footer, s.first_page_header, s.first_page_footer):
        plain(hf._element)
    def part(p):
        return {"tables": [[[c.text for c in r.cells] for r in t.rows] for t in p.tables],
                "cells": [[[para.text for para in c.paragraphs] for c in t.rows[0].cells] for t in p.tables],
                "borders": len(p._element.findall(".//" + qn("w:pBdr"))),
                "styles": [t.style.name if t.style is not None else "" for t in p.tables]}
    start = s._sectPr.find(qn("w:pgNumType"))
    paras = []
    for p in d.paragraphs:
        num = p._p.pPr.numPr if p._p.pPr is not None else None
        numbered = num is not None and num.numId is not None and num.numId.val != 0
        paras.append({"text": p.text, "style": p.style.name, "numbered": numbered})
    xml = d.element.xml
    res[path.rsplit("/", 1)[-1]] = {
        "first": s.different_first_page_header_footer,
        "header": part(s.header), "firstHeader": part(s.first_page_header),
        "footer": part(s.footer),
        "start": start.get(qn("w:start")) if start is not None else "",
        "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
        "paragraphs": paras,
        "signatureLines": xml.count("signatureline"),
    }
print(json.dumps(res))
`
	var files []string
	for _, n := range []string{thirdOrgDocs.memo, thirdOrgDocs.extract, thirdOrgDocs.report} {
		files = append(files, filepath.Join(out, n+".docx"))
	}
	b, err := exec.Command(py, append([]string{"-c", script}, files...)...).CombinedOutput()
	require.NoError(t, err, string(b))
	type part struct {
		Tables  [][][]string `json:"tables"`
		Cells   [][][]string `json:"cells"`
		Borders int          `json:"borders"`
		Styles  []string     `json:"styles"`
	}
	var got map[string]struct {
		First       bool         `json:"first"`
		Header      part         `json:"header"`
		FirstHeader part         `json:"firstHeader"`
		Footer      part         `json:"footer"`
		Start       string       `json:"start"`
		Tables      [][][]string `json:"tables"`
		Paragraphs  []struct {
			Text, Style string
			Numbered    bool
		} `json:"paragraphs"`
		SignatureLines int `json:"signatureLines"`
	}
	require.NoError(t, json.Unmarshal(b, &got), string(b))
	memo, extract, report := got[thirdOrgDocs.memo+".docx"], got[thirdOrgDocs.extract+".docx"], got[thirdOrgDocs.report+".docx"]

	t.Run("header part: capitals, first page per kind", func(t *testing.T) {
		assert.True(t, memo.First)
		assert.Equal(t, "SMÅFJÄLLS KOMMUN", memo.FirstHeader.Tables[0][0][0][:len("SMÅFJÄLLS KOMMUN")])
		assert.Contains(t, strings.Join(memo.FirstHeader.Tables[0][0], "|"), "Dnr TN 2025/41")
		assert.NotContains(t, strings.Join(memo.Header.Tables[0][0], "|"), "Dnr")
		assert.Contains(t, strings.Join(extract.FirstHeader.Tables[0][0], "|"), "PROTOKOLLSUTDRAG")
		assert.False(t, report.First, "one header for every page")
	})
	t.Run("footer: two columns, labels above values", func(t *testing.T) {
		cells := memo.Footer.Cells[0]
		require.Len(t, cells, 2)
		assert.Equal(t, []string{"Småfjälls kommun", "Samhällsbyggnadsförvaltningen", "Postadress", "Box 7, 830 99 Småfjäll", "Handläggare", "Łukasz Wójcik, Gatuingenjör", "Direkt", "0640-100 17"}, cells[0])
		assert.Equal(t, []string{"Besöksadress", "Fjällvägen 2", "Telefon", "0640-100 00", "Webb", "smafjall.se"}, cells[1])
		assert.Positive(t, memo.Footer.Borders, "the rule above the footer (linje)")
		assert.Zero(t, memo.Header.Borders, "no rule under the header: its template has no linje")
		for _, p := range []part{memo.Header, memo.FirstHeader, memo.Footer, extract.FirstHeader, report.Header} {
			require.NotEmpty(t, p.Styles)
			for _, st := range p.Styles {
				assert.Equal(t, "Table Borderless", st, "the grid is a borderless table")
			}
		}
	})
	t.Run("extract starts at page 5 of 53", func(t *testing.T) {
		assert.Equal(t, "5", extract.Start)
		assert.Contains(t, strings.Join(extract.FirstHeader.Tables[0][0], "|"), "(53)")
		assert.Equal(t, "", memo.Start)
	})
	t.Run("memo without fact box", func(t *testing.T) {
		for _, tb := range memo.Tables {
			assert.NotEqual(t, "Diarienummer", tb[0][0])
		}
	})
	t.Run("status report columns", func(t *testing.T) {
		var act [][]string
		for _, tb := range report.Tables {
			if tb[0][0] == "Nr" {
				act = tb
			}
		}
		require.NotNil(t, act, "the activity table")
		assert.Equal(t, []string{"Nr", "Aktivitet", "Ansvarig", "Planerat klart", "Status", "Kommentar"}, act[0])
		assert.Equal(t, "A2", act[2][0])
		assert.Contains(t, act[2][4], "Försenad")
		assert.Equal(t, "Ledningsflytten tar längre tid än väntat.", act[2][5])
	})
	t.Run("key-value table without header", func(t *testing.T) {
		assert.Equal(t, [][]string{{"Sammanträdesdatum", "2025-03-12"}, {"Plats", "Kommunhuset, sal Fjället"}, {"Justerat", "2025-03-19"}}, extract.Tables[0])
	})
	t.Run("plain lines, numbered headings, signatures without rule", func(t *testing.T) {
		var lines, heads []string
		for _, p := range extract.Paragraphs {
			if strings.HasPrefix(p.Style, "Heading") {
				heads = append(heads, p.Text)
				assert.True(t, p.Numbered, "Word numbers the heading %s", p.Text)
			}
			if p.Text == "Tjänsteskrivelse 2025-02-20" || p.Text == "Förfrågningsunderlag vinterväghållning 2025" {
				lines = append(lines, p.Text)
				assert.False(t, p.Numbered, "no bullet numbering: %s", p.Text)
				assert.NotContains(t, p.Style, "List")
			}
		}
		assert.Len(t, lines, 2)
		assert.Equal(t, []string{"Ärendet", "Bakgrund", "Förvaltningens bedömning", "Beslut", "Beslutsunderlag"}, heads)
		for _, p := range memo.Paragraphs {
			if strings.HasPrefix(p.Style, "Heading") {
				assert.False(t, p.Numbered, "the memo's headings are not numbered: %s", p.Text)
			}
		}
		assert.Zero(t, memo.SignatureLines)
		assert.Zero(t, extract.SignatureLines)
	})
}

// Each new setting with a wrong key or value is an error at its line,
// with what was meant.
func TestThirdOrganisationSettingErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"kind to number", "numrerade_rubriker: [protokollsutdrag,", "numrerade_rubriker: [protokolsutdrag,",
			`organisation.yaml:23:22: error: numrerade_rubriker[0]: no document kind "protokolsutdrag"; did you mean "protokollsutdrag"?`},
		{"column", "planerat_slut, status", "planerat_slutt, status",
			`organisation.yaml:27:39: error: kolumner.statusrapport.aktivitetsstatus.visa[3]: aktivitetsstatus has no column "planerat_slutt"; did you mean "planerat_slut"?`},
		{"column heading", "        planerat_slut: Planerat klart", "        planerat_slutet: Planerat klart",
			`kolumner.statusrapport.aktivitetsstatus.rubriker.planerat_slutet: aktivitetsstatus has no column "planerat_slutet"; did you mean "planerat_slut"?`},
		{"table", "    uppgifter:\n", "    uppgifte:\n",
			`kolumner.protokollsutdrag.uppgifte: a protokollsutdrag has no table "uppgifte"; did you mean "uppgifter"?`},
		{"kind with tables", "  statusrapport:\n", "  statusrappor:\n",
			`kolumner.statusrappor: no document kind "statusrappor"; did you mean "statusrapport"?`},
		{"key of a table", "      utan_rubrikrad: true", "      utan_rubrikrader: true",
			`unknown key "utan_rubrikrader"; did you mean "utan_rubrikrad"?`},
		{"date style", "      utan_rubrikrad: true", "      datumformat: isoo",
			`kolumner.protokollsutdrag.uppgifter.datumformat: unknown date style "isoo": valid styles are iso, namn, lång, kort, ord; did you mean "iso"?`},
		{"signature layout", "layout: namn_och_titel", "layout: namn_och_titl",
			`"namn_och_titl" is not valid; did you mean "namn_och_titel"?`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "teknik")
			require.NoError(t, os.CopyFS(dir, os.DirFS(thirdOrg)))
			p := filepath.Join(dir, "organisation.yaml")
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			require.Contains(t, string(b), tc.from)
			require.NoError(t, os.WriteFile(p, []byte(strings.Replace(string(b), tc.from, tc.to, 1)), 0o644))
			code, _, errOut := execute(t, "validate", dir)
			assert.Equal(t, 1, code)
			assert.Contains(t, errOut, tc.want)
		})
	}
}

// Word's page fields count as data says: LibreOffice lays the extract's
// DOCX out and prints its pages as 5 (53) and 6 (53).
func TestThirdOrganisationDocxPages(t *testing.T) {
	t.Parallel()
	out := buildThirdOrg(t, nil)
	dir := t.TempDir()
	testenv.LibreOffice(t, "pdf", dir, filepath.Join(out, thirdOrgDocs.extract+".docx"))
	pages := testenv.PDFPages(t, filepath.Join(dir, thirdOrgDocs.extract+".pdf"))
	require.Len(t, pages, 2)
	for i, p := range pages {
		assert.Contains(t, strings.Join(strings.Split(p, "\n")[:3], " "), strconv.Itoa(5+i)+" (53)")
	}
	assert.Contains(t, pages[0], "PROTOKOLLSUTDRAG")
	assert.NotContains(t, pages[1], "PROTOKOLLSUTDRAG")
}

// No Go outside tests knows the third organisation: what it gets, it gets
// from its data and templates (the tests above build it with the command
// line alone). A word of its own in the program's code would say otherwise.
func TestThirdOrganisationNotInGo(t *testing.T) {
	t.Parallel()
	// Its own words, each found in its files, and the path of its tree.
	words := []string{"Småfjäll", "smafjall", "Nämnden för teknik", "PROTOKOLLSUTDRAG"}
	var own strings.Builder
	require.NoError(t, filepath.WalkDir(thirdOrg, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, rerr := os.ReadFile(p)
			own.Write(b)
			return rerr
		}
		return err
	}))
	for _, w := range words {
		require.Contains(t, own.String(), w, "a word of the organisation's own")
	}
	names := append(words, thirdOrg)
	root := filepath.Join("..", "..")
	checked := 0
	require.NoError(t, filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "out" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		checked++
		for _, n := range names {
			assert.NotContains(t, string(b), n, "%s names the third organisation", p)
		}
		return nil
	}))
	assert.Greater(t, checked, 100, "the program's Go files were read")
}

// An extract whose pages run past the protocol's count is an error that
// says so, not a page "54 (53)"; the other documents still build.
func TestThirdOrganisationNumberingPastCount(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	data := filepath.Join(root, "teknik")
	require.NoError(t, os.CopyFS(data, os.DirFS(thirdOrg)))
	p := filepath.Join(data, thirdOrgDocs.extract+".yaml")
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	require.Contains(t, string(b), `första_sida: "5"`)
	require.NoError(t, os.WriteFile(p, []byte(strings.Replace(string(b), `första_sida: "5"`, `första_sida: "53"`, 1)), 0o644))
	code, out, errOut := execute(t, "build", data, "--out", filepath.Join(root, "out"), "--to", "pdf")
	assert.Equal(t, 1, code)
	assert.Contains(t, out+errOut, "_sidhuvud.protokollsutdrag.md.tmpl: sidnumrering 53 53: the document's 2 pages would be numbered 53 to 54, past the count 53; make the first page 52 or less, or the count 54 or more")
	assert.FileExists(t, filepath.Join(root, "out", thirdOrgDocs.report+".pdf"), "the others build")
	assert.NoFileExists(t, filepath.Join(root, "out", thirdOrgDocs.extract+".pdf"))
}

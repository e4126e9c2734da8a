// Package meetingcheck_test builds the example meeting in data/ as
// `underlag build` does and reads every document it makes with the
// programs people open them with: pdftotext, pypdf, python-docx, pdfsig,
// and the independent checker in ../shared/checkers.
package meetingcheck_test

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/internal/testenv"
)

type results []*batch.Result

func (*results) Start(int)                {}
func (r *results) Done(res *batch.Result) { *r = append(*r, res) }

// built is the example meeting, built, with what the test derives its
// expectations from: the meeting's data and its registries.
type built struct {
	m    *model.Meeting
	reg  *model.Registries
	refs map[int]string // the title of each item's memo, by index
	out  map[string]string
}

// name is a person as the documents print them.
func (b *built) name(p model.Person) string {
	r, _ := b.reg.Resolve(p)
	return r.Name
}

// heading is item i's heading, as the agenda and protocol print it.
func (b *built) heading(i int) string {
	if h := b.m.Items[i].Heading; h != "" {
		return h
	}
	return b.refs[i]
}

// firstWords are the first n words of s: a table cell or heading may wrap
// after them.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func buildMeeting(t *testing.T) *built {
	t.Helper()
	src := filepath.Join(testenv.RepoRoot(t), "data", "sammantraden", "hsn-2024-12-10.yaml")
	p, err := pipeline.New(pipeline.Config{Version: "test"})
	require.NoError(t, err)
	d, ds := p.Load(src)
	require.False(t, ds.HasErrors(), "%v", ds)
	m, ok := kind.AsMeeting(d.Model())
	require.True(t, ok)
	reg, ds := load.New(kind.Default()).Registries(filepath.Dir(src))
	require.False(t, ds.HasErrors(), "%v", ds)
	b := &built{m: m, reg: reg, refs: map[int]string{}, out: map[string]string{}}
	for i, it := range m.Items {
		if it.Memo.IsZero() {
			continue
		}
		md, ds := p.Load(filepath.Join(filepath.Dir(src), it.Memo.Path))
		require.False(t, ds.HasErrors(), "%v", ds)
		b.refs[i] = md.Model().Base().Title
	}
	out := t.TempDir()
	var rs results
	s, err := batch.Run(context.Background(), p, batch.Options{Paths: []string{src}, Out: out, Formats: []string{"pdf", "docx"}, Observer: &rs})
	require.NoError(t, err)
	require.True(t, s.OK(), "%v", rs)
	require.Len(t, rs, 1)
	for _, o := range rs[0].Outputs {
		b.out[o.Format] = o.Path
	}
	return b
}

// TestExampleMeeting reads the notice, the packet, the protocol and every
// extract of the example meeting.
func TestExampleMeeting(t *testing.T) {
	t.Parallel()
	testenv.NeedTool(t, "pdftotext")
	b := buildMeeting(t)
	ps := b.m.Paragraphs()
	require.Len(t, ps, len(b.m.Items))
	protocolPages := testenv.PDFPages(t, b.out["protokoll.pdf"])

	t.Run("agenda", func(t *testing.T) {
		var want []string
		for i := range b.m.Items {
			want = append(want, fmt.Sprintf("%d %s", i+1, firstWords(b.heading(i), 3)))
		}
		testenv.AssertInOrder(t, strings.Join(testenv.PDFPages(t, b.out["pdf"]), "\n"), want...)
		for _, mm := range append(b.m.Members, b.m.Substitutes...) {
			assert.Contains(t, testenv.Squash(strings.Join(testenv.PDFPages(t, b.out["pdf"]), "\n")), b.name(mm.Person), "called")
		}
		rows := docxTable(t, b.out["docx"], "Nr")
		require.Len(t, rows, len(b.m.Items))
		for i, row := range rows {
			assert.Equal(t, strconv.Itoa(i+1), row[0])
			assert.True(t, strings.HasPrefix(row[1], b.heading(i)), "row %d: %q", i+1, row[1])
		}
	})

	t.Run("packet", func(t *testing.T) {
		items := testenv.Outline(t, b.out["handlingar.pdf"])
		var top []testenv.OutlineItem
		for _, it := range items {
			if it.Level == 0 {
				top = append(top, it)
			}
		}
		var memos []string
		for i := range b.m.Items {
			if _, ok := b.refs[i]; ok {
				memos = append(memos, fmt.Sprintf("Ärende %d %s", i+1, b.refs[i]))
			}
		}
		require.NotEmpty(t, memos)
		require.Greater(t, len(top), len(memos), "the notice first, a memo per item, and their attachments")
		assert.Equal(t, 1, top[0].Page, "the notice is first")
		at := 1
		for _, want := range memos {
			found := false
			for ; at < len(top) && !found; at++ {
				found = top[at].Title == want
			}
			assert.True(t, found, "the outline has %q in order: %v", want, top)
		}
		// One structure tree: a Part element per part, in order, titled
		// as its outline entry, so that a screen reader announces
		// "Ärende 3, Bilaga 1 …" where it starts.
		var titles []string
		for _, it := range top {
			titles = append(titles, it.Title)
		}
		assert.Equal(t, titles, partTitles(t, b.out["handlingar.pdf"]))
		// Each part keeps its own page numbers: every part starts on a
		// page that says 1 (N), and the pages after the notice's last
		// start again at 1.
		pages := testenv.PDFPages(t, b.out["handlingar.pdf"])
		first := regexp.MustCompile(`\b1 \((\d+)\)`)
		for _, it := range top[:len(top)-1] {
			if strings.Contains(it.Title, "Bilaga") && !strings.Contains(pages[it.Page-1], "(") {
				continue // a foreign PDF, stamped but not numbered by us
			}
			assert.Regexp(t, first, pages[it.Page-1], "%q starts at 1 on page %d", it.Title, it.Page)
		}
		n, err := strconv.Atoi(first.FindStringSubmatch(pages[0])[1])
		require.NoError(t, err)
		assert.Equal(t, top[1].Page, n+1, "the first memo starts after the notice's %d pages", n)
	})

	t.Run("protocol", func(t *testing.T) {
		text := strings.Join(protocolPages, "\n")
		var want []string
		for i, n := range ps {
			want = append(want, fmt.Sprintf("§ %d %s", n, firstWords(b.heading(i), 3)))
		}
		testenv.AssertInOrder(t, text, want...)
		a := b.m.Attendance
		var serving []string
		for _, s := range a.Serving {
			serving = append(serving, b.name(s.Person)+" för "+b.name(s.For))
		}
		var absent []string
		for _, p := range a.Absent {
			absent = append(absent, b.name(p))
		}
		testenv.AssertInOrder(t, text, "Tjänstgörande ersättare "+strings.Join(serving, ", "), "Frånvarande ledamöter "+strings.Join(absent, ", "))
		// Attendance per §: who left and who did not take part.
		present := b.m.Present()
		for i, it := range b.m.Items {
			if len(it.Leaves) == 0 && len(it.Disqualified) == 0 {
				continue
			}
			var names []string
			for _, p := range present[i] {
				names = append(names, b.name(p))
			}
			testenv.AssertInOrder(t, text, fmt.Sprintf("§ %d", ps[i]), "Beslutande i paragrafen: "+strings.Join(names, ", "))
		}
	})

	t.Run("vote", func(t *testing.T) {
		var voted []int
		for i, it := range b.m.Items {
			if it.Vote != nil {
				voted = append(voted, i)
			}
		}
		require.NotEmpty(t, voted, "the example has a vote")
		var tables [][][]string
		for _, tb := range testenv.ReadDocx(t, b.out["protokoll.docx"])[0].Tables {
			if len(tb) > 0 && len(tb[0]) == 4 && tb[0][0] == "Ledamot" {
				tables = append(tables, tb)
			}
		}
		require.Len(t, tables, len(voted))
		text := testenv.Squash(strings.Join(protocolPages, "\n"))
		for k, i := range voted {
			v := b.m.Items[i].Vote
			rows := tables[k][1:]
			require.Len(t, rows, len(v.Votes)+1, "a row per vote and the sum")
			col := map[string]int{model.VoteYes: 1, model.VoteNo: 2, model.VoteAbstain: 3}
			for j, c := range v.Votes {
				assert.Equal(t, b.name(c.Person), rows[j][0])
				assert.Equal(t, "X", rows[j][col[c.Vote]], "%s voted %s", rows[j][0], c.Vote)
			}
			yes, no, abstain := v.Counts()
			assert.Equal(t, []string{"Summa", strconv.Itoa(yes), strconv.Itoa(no), strconv.Itoa(abstain)}, rows[len(rows)-1])
			assert.Contains(t, text, fmt.Sprintf("Omröstningsresultat: %d ja, %d nej, %d avstår.", yes, no, abstain))
		}
	})

	t.Run("justering", func(t *testing.T) {
		testenv.NeedTool(t, "pdfsig", "certutil")
		j := b.m.Adjustment
		fields := sigFields(t, b.out["protokoll.pdf"])
		require.Len(t, fields, len(j.Adjusters)+2, "chair, adjusters and secretary")
		signers := append(append([]model.Person{j.Chair}, j.Adjusters...), j.Secretary)
		for k, f := range fields {
			assert.Contains(t, f, strings.ToLower(strings.Fields(b.name(signers[k]))[0]))
		}
		dir := t.TempDir()
		nss := testenv.ThrowawayCertificate(t, dir)
		in := b.out["protokoll.pdf"]
		for k, f := range fields {
			out := filepath.Join(dir, fmt.Sprintf("justerat-%d.pdf", k))
			testenv.Run(t, "pdfsig", "-nssdir", nss, "-nick", "underlag-test", "-sign", f, "-reason", "Justering", in, out)
			in = out
		}
		report := testenv.PdfsigReport(t, nss, in)
		assert.Equal(t, len(fields), strings.Count(report, "Signature Validation: Signature is Valid."), report)
		assert.Equal(t, 1, strings.Count(report, "Total document signed"), "the last signature covers the whole protocol")
	})

	t.Run("extracts", func(t *testing.T) {
		total := len(protocolPages)
		for i, n := range ps {
			page := 0
			for k, pg := range protocolPages {
				if strings.Contains(testenv.Squash(pg), fmt.Sprintf("§ %d %s", n, firstWords(b.heading(i), 2))) {
					page = k + 1
					break
				}
			}
			require.Positive(t, page, "§ %d is in the protocol", n)
			path := b.out[fmt.Sprintf("paragraf-%d.pdf", n)]
			require.NotEmpty(t, path, "an extract of § %d", n)
			pages := testenv.PDFPages(t, path)
			assert.Contains(t, testenv.Squash(pages[0]), fmt.Sprintf("%d (%d)", page, total), "§ %d starts on page %d of the protocol's %d", n, page, total)
			text := strings.Join(pages, "\n")
			testenv.AssertInOrder(t, text, fmt.Sprintf("§ %d", n), "Rätt utdraget betygar")
			for _, p := range b.m.Items[i].DispatchTo {
				assert.Contains(t, testenv.Squash(text), b.name(p), "§ %d is sent to", n)
			}
			// The DOCX numbers its pages the same way: Word's PAGE field
			// from the section's first page number, the protocol's count
			// as text.
			xml := docxParts(t, b.out[fmt.Sprintf("paragraf-%d.docx", n)])
			if page > 1 {
				assert.Contains(t, xml["word/document.xml"], fmt.Sprintf(`<w:pgNumType w:start="%d"/>`, page))
			} else {
				assert.NotContains(t, xml["word/document.xml"], `<w:pgNumType w:start=`, "page 1 is Word's default")
			}
			assert.Contains(t, xml["word/header1.xml"], fmt.Sprintf(`<w:t xml:space="preserve">%d</w:t>`, total))
		}
	})

	t.Run("checker", func(t *testing.T) {
		dir := filepath.Join(testenv.RepoRoot(t), "..", "shared", "checkers")
		if _, err := os.Stat(filepath.Join(dir, "check_pdf.py")); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("no checkers at %s", dir)
			}
			t.Skipf("no checkers at %s", dir)
		}
		var pdfs []string
		for k, p := range b.out {
			if strings.HasSuffix(k, "pdf") {
				pdfs = append(pdfs, p)
			}
		}
		js := filepath.Join(t.TempDir(), "pdf.json")
		testenv.Run(t, testenv.SystemPython, append([]string{filepath.Join(dir, "check_pdf.py"), "--json", js}, pdfs...)...)
		data, err := os.ReadFile(js)
		require.NoError(t, err)
		var res map[string]map[string][2]any
		require.NoError(t, json.Unmarshal(data, &res))
		require.Len(t, res, len(pdfs))
		// The packet holds a PDF made elsewhere (the region's agreement,
		// untagged with a font it does not embed), so it claims no
		// conformance and fails exactly the claims; the reading order and
		// every other rule pass for it too.
		claims := []string{"A-6.6.4 pdfaid:part=3 conformance=A", "UA 06-002 pdfuaid:part=1", "A-6.2.11.4.1 / UA 31-009 font programs embedded"}
		for f, rules := range res {
			packet := strings.HasSuffix(f, "-handlingar.pdf")
			for rule, r := range rules {
				if ok, _ := r[0].(bool); ok || strings.HasPrefix(rule, "info:") {
					continue
				}
				if packet && slicesContains(claims, rule) {
					continue
				}
				t.Errorf("%s: check_pdf.py: %s: %v", filepath.Base(f), rule, r[1])
			}
			order := "reading order: structure tree order = paint order on each page, pages ascending"
			require.Contains(t, rules, order, f)
			assert.Equal(t, true, rules[order][0], "%s: %v", f, rules[order][1])
		}
		// The DOCX files: no rule fails, but an extract's page count is
		// the protocol's, written as text (5 (53)), where the checker
		// expects Word's NUMPAGES field.
		var docxs []string
		for k, p := range b.out {
			if strings.HasSuffix(k, "docx") {
				docxs = append(docxs, p)
			}
		}
		report := testenv.Run(t, testenv.SystemPython, append([]string{filepath.Join(dir, "check_docx.py")}, docxs...)...)
		file := ""
		for _, l := range strings.Split(report, "\n") {
			if f, ok := strings.CutPrefix(l, "=== "); ok {
				file = f
			}
			if !strings.HasPrefix(strings.TrimSpace(l), "FAIL") {
				continue
			}
			if strings.Contains(file, "-paragraf-") && strings.Contains(l, "fields: PAGE and NUMPAGES") {
				continue
			}
			t.Errorf("%s: check_docx.py: %s", file, l)
		}
	})
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// docxTable is the body rows of the first table of a DOCX file whose
// header row starts with first.
func docxTable(t *testing.T, path, first string) [][]string {
	t.Helper()
	for _, tb := range testenv.ReadDocx(t, path)[0].Tables {
		if len(tb) > 0 && len(tb[0]) > 0 && tb[0][0] == first {
			return tb[1:]
		}
	}
	t.Fatalf("%s has no table headed %q", path, first)
	return nil
}

// readSigFields prints the names of a PDF's signature fields, in order,
// as pypdf reads them.
const readSigFields = `
import json, sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
print(json.dumps([f.get_object()["/T"] for f in r.trailer["/Root"]["/AcroForm"]["/Fields"] if f.get_object().get("/FT") == "/Sig"]))
`

func sigFields(t *testing.T, path string) []string {
	t.Helper()
	out := testenv.Run(t, testenv.NeedPypdf(t), "-c", readSigFields, path)
	var names []string
	require.NoError(t, json.Unmarshal([]byte(out), &names), out)
	return names
}

// docxParts are the XML parts of a DOCX file, by name.
func docxParts(t *testing.T, path string) map[string]string {
	t.Helper()
	z, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer z.Close()
	out := map[string]string{}
	for _, f := range z.File {
		if !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		r, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(r)
		r.Close()
		require.NoError(t, err)
		out[f.Name] = string(b)
	}
	return out
}

// readParts prints the /T of each Part element under the structure
// tree's Document element, in order.
const readParts = `
import json, sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
doc = r.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
print(json.dumps([str(k.get_object().get("/T", "")) for k in doc["/K"] if k.get_object()["/S"] == "/Part"]))
`

func partTitles(t *testing.T, path string) []string {
	t.Helper()
	out := testenv.Run(t, testenv.NeedPypdf(t), "-c", readParts, path)
	var titles []string
	require.NoError(t, json.Unmarshal([]byte(out), &titles), out)
	return titles
}

package examplecheck_test

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/internal/testenv"
)

// example is one example document, built.
type example struct {
	name      string // the PDF's path under the output directory, without .pdf
	tree      *doc.Document
	pdf, docx string
}

type results []*batch.Result

func (*results) Start(int)                {}
func (r *results) Done(res *batch.Result) { *r = append(*r, res) }

// build builds every example in data/ as `underlag build` does, and
// returns the documents and every PDF written (the packet's too).
func build(t *testing.T) (exs []example, pdfs []string, out string) {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{Version: "test"})
	require.NoError(t, err)
	out = t.TempDir()
	var rs results
	s, err := batch.Run(context.Background(), p, batch.Options{Paths: []string{filepath.Join(testenv.RepoRoot(t), "data")}, Out: out, Formats: []string{"pdf", "docx"}, Observer: &rs})
	require.NoError(t, err)
	require.True(t, s.OK())
	for _, r := range rs {
		d, ds := p.Load(r.File)
		require.False(t, ds.HasErrors(), "%s: %v", r.File, ds)
		if d == nil {
			continue
		}
		tree, ds := p.Compose(d)
		require.False(t, ds.HasErrors(), "%s: %v", r.File, ds)
		ex := example{tree: tree}
		for _, o := range r.Outputs {
			path := o.Path
			if !filepath.IsAbs(path) {
				path = filepath.Join(out, path)
			}
			switch o.Format {
			case "pdf":
				ex.pdf = path
				rel, _ := filepath.Rel(out, path)
				ex.name = strings.TrimSuffix(rel, ".pdf")
			case "docx":
				ex.docx = path
			}
			if strings.HasSuffix(path, ".pdf") {
				pdfs = append(pdfs, path)
			}
		}
		require.NotEmpty(t, ex.pdf, r.File)
		require.NotEmpty(t, ex.docx, r.File)
		exs = append(exs, ex)
	}
	require.NotEmpty(t, exs)
	return exs, pdfs, out
}

// TestExamples builds the examples once and checks them.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example and runs LibreOffice and the checkers")
	}
	testenv.NeedTool(t, "pdftotext")
	exs, pdfs, out := build(t)
	t.Run("hyphenation", func(t *testing.T) {
		soft := 0
		for _, ex := range exs {
			pages := rawPages(t, ex.pdf)
			checkBreaks(t, ex.name, ex.tree, pages, true)
			// Every hyphen the layout adds is U+00AD at the line's end,
			// which extraction drops to rejoin the word (testenv.Squash
			// does as a copying reader does).
			for _, pg := range pages {
				soft += strings.Count(pg, shy+"\n")
				assert.NotContains(t, testenv.Squash(pg), shy, "%s: a soft hyphen inside a line", ex.name)
			}
		}
		assert.Positive(t, soft, "the examples have hyphenated lines to check")
		t.Logf("%d hyphenated line ends in the examples, each with U+00AD", soft)
	})
	t.Run("tables", func(t *testing.T) {
		for _, ex := range exs {
			checkTables(t, ex.name, ex.tree, rawPages(t, ex.pdf))
		}
	})
	t.Run("docx", func(t *testing.T) {
		for _, ex := range exs {
			checkDocx(t, ex)
		}
	})
	t.Run("parity", func(t *testing.T) { checkParity(t, exs) })
	t.Run("checkers", func(t *testing.T) { checkers(t, out, pdfs, exs) })
}

// rawPages is the text of each page in the order the content stream draws
// it (pdftotext -raw): a table's cells one after the other, a hyphenated
// word's parts on consecutive lines.
func rawPages(t *testing.T, path string) []string {
	t.Helper()
	pages := strings.Split(testenv.Run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

const shy = "\u00ad"

// squash makes every run of white space, non-breaking spaces included,
// one space.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// words are the words of names, without punctuation.
func nameWords(names []string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		for _, w := range strings.Fields(n) {
			m[strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })] = true
		}
	}
	return m
}

// unhyphenated are the texts that must never be hyphenated: headings and
// the title (with their numbers), table header cells.
func unhyphenated(d *doc.Document) []string {
	var out []string
	doc.Walk(d.Blocks, func(b doc.Block, entering bool) (doc.WalkStatus, error) {
		if !entering {
			return doc.WalkContinue, nil
		}
		switch n := b.(type) {
		case *doc.Heading:
			out = append(out, doc.HeadingText(n))
		case *doc.Table:
			for _, r := range n.Header {
				for _, c := range r.Cells {
					out = append(out, cellText(c))
				}
			}
		}
		return doc.WalkContinue, nil
	})
	return out
}

// tokens are the document's dates, case numbers, § and amounts.
func tokens(d *doc.Document) []string {
	seen := map[string]bool{}
	var out []string
	doc.Walk(d.Blocks, func(b doc.Block, entering bool) (doc.WalkStatus, error) {
		if p, ok := b.(*doc.Paragraph); ok && entering {
			s := doc.Plain(p.Text)
			for _, r := range doc.Unbreakable(s) {
				tok := squash(s[r[0]:r[1]])
				if strings.ContainsAny(tok, " -") && !seen[tok] {
					seen[tok] = true
					out = append(out, tok)
				}
			}
		}
		return doc.WalkContinue, nil
	})
	return out
}

func cellText(c doc.Cell) string {
	var parts []string
	for _, b := range c.Blocks {
		if p, ok := b.(*doc.Paragraph); ok {
			parts = append(parts, doc.Plain(p.Text))
		}
	}
	return squash(strings.Join(parts, " "))
}

// checkBreaks checks every line break of pages: each hyphenated word
// keeps two letters before the hyphen and three after and is no name; no
// heading, title or table header is hyphenated; no token is split over
// two lines; and (ours, not LibreOffice's) no page ends in a hyphenated
// word nor has more than two hyphenated lines in a row.
func checkBreaks(t *testing.T, name string, d *doc.Document, pages []string, ours bool) {
	t.Helper()
	names := nameWords(d.Meta.Names)
	var all strings.Builder
	for pi, pg := range pages {
		lines := strings.Split(pg, "\n")
		last := ""
		run := 0
		for i, l := range lines {
			l = strings.TrimRight(l, " ")
			if strings.TrimSpace(l) != "" {
				last = l
			}
			if !strings.HasSuffix(l, shy) {
				run = 0
				continue
			}
			run++
			if ours {
				assert.LessOrEqual(t, run, 2, "%s p%d: more than two hyphenated lines in a row at %q", name, pi+1, l)
			}
			f := strings.Fields(strings.TrimSuffix(l, shy))
			var next []string
			if i+1 < len(lines) {
				next = strings.Fields(lines[i+1])
			}
			if len(f) == 0 || len(next) == 0 {
				continue
			}
			head, tail := f[len(f)-1], next[0]
			assert.GreaterOrEqual(t, letters(head), 2, "%s p%d: %s-%s", name, pi+1, head, tail)
			assert.GreaterOrEqual(t, letters(strings.TrimRightFunc(tail, func(r rune) bool { return !unicode.IsLetter(r) })), 3, "%s p%d: %s-%s", name, pi+1, head, tail)
			word := strings.TrimFunc(head+tail, func(r rune) bool { return !unicode.IsLetter(r) })
			assert.False(t, names[word], "%s p%d: a name is hyphenated: %s-%s", name, pi+1, head, tail)
		}
		if ours {
			assert.False(t, strings.HasSuffix(last, shy), "%s p%d: a word goes on on the next page: %q", name, pi+1, last)
		}
		all.WriteString(pg)
		all.WriteString("\n")
	}
	// A soft hyphen and its line break stay in kept, are joined in joined.
	kept := squash(strings.ReplaceAll(all.String(), shy+"\n", shy))
	joined := squash(strings.ReplaceAll(all.String(), shy+"\n", ""))
	for _, h := range unhyphenated(d) {
		if h != "" && strings.Contains(joined, h) {
			assert.Contains(t, kept, h, "%s: %q is hyphenated", name, h)
		}
	}
	var lines []string
	for _, pg := range pages {
		for _, l := range strings.Split(pg, "\n") {
			lines = append(lines, squash(l))
		}
	}
	text := squash(all.String())
	for _, tok := range tokens(d) {
		if !strings.Contains(text, tok) {
			continue // set across a column or cell boundary: not ours to judge here
		}
		whole := false
		for _, l := range lines {
			whole = whole || strings.Contains(l, tok)
		}
		assert.True(t, whole, "%s: %q is broken over two lines", name, tok)
	}
}

// checkTables finds each body row of each table on the pages, in order,
// by its first cell, and fails when a page holds a single row of a table
// that has more.
func checkTables(t *testing.T, name string, d *doc.Document, pages []string) {
	t.Helper()
	type at struct{ page, off int }
	texts := make([]string, len(pages))
	for i, pg := range pages {
		texts[i] = testenv.Squash(pg)
	}
	pos := at{}
	find := func(key string) (at, bool) {
		for p := pos.page; p < len(texts); p++ {
			off := 0
			if p == pos.page {
				off = pos.off
			}
			if i := strings.Index(texts[p][off:], key); i >= 0 {
				return at{p, off + i + len(key)}, true
			}
		}
		return at{}, false
	}
	n := 0
	doc.Walk(d.Blocks, func(b doc.Block, entering bool) (doc.WalkStatus, error) {
		tb, ok := b.(*doc.Table)
		if !ok || !entering {
			return doc.WalkContinue, nil
		}
		n++
		perPage := map[int]int{}
		for ri, r := range tb.Rows {
			key := ""
			for _, c := range r.Cells {
				if key = cellText(c); key != "" {
					break
				}
			}
			if f := strings.Fields(key); len(f) > 6 {
				key = strings.Join(f[:6], " ")
			}
			if key == "" {
				continue
			}
			p, ok := find(key)
			if !assert.True(t, ok, "%s: table %d row %d (%q) not found after page %d", name, n, ri+1, key, pos.page+1) {
				continue
			}
			pos = p
			perPage[p.page]++
		}
		if len(tb.Rows) > 1 {
			for pg, c := range perPage {
				assert.NotEqual(t, 1, c, "%s: table %d (%d rows) leaves one row on page %d", name, n, len(tb.Rows), pg+1)
			}
		}
		return doc.WalkSkipChildren, nil
	})
}

var wtText = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`)

// checkDocx checks what Word is told: titles, headings and table headers
// are not hyphenated (w:suppressAutoHyphens in their styles), and a
// token's hyphens and spaces are non-breaking.
func checkDocx(t *testing.T, ex example) {
	t.Helper()
	z, err := zip.OpenReader(ex.docx)
	require.NoError(t, err)
	defer z.Close()
	part := func(name string) string {
		for _, f := range z.File {
			if f.Name == name {
				rc, err := f.Open()
				require.NoError(t, err)
				defer rc.Close()
				b, err := io.ReadAll(rc)
				require.NoError(t, err)
				return string(b)
			}
		}
		t.Fatalf("%s: no %s", ex.docx, name)
		return ""
	}
	styles, body := part("word/styles.xml"), part("word/document.xml")
	assert.Contains(t, part("word/settings.xml"), `<w:consecutiveHyphenLimit w:val="2"/>`, "%s: two hyphenated lines in a row at most", ex.name)
	for _, id := range []string{"Title", "Heading1", "Heading2", "Heading3", "TableHeading"} {
		m := regexp.MustCompile(`<w:style [^>]*w:styleId="` + id + `">.*?</w:style>`).FindString(styles)
		assert.Contains(t, m, "<w:suppressAutoHyphens/>", "%s: style %s", ex.name, id)
	}
	var text strings.Builder
	for _, m := range wtText.FindAllStringSubmatch(body, -1) {
		text.WriteString(m[1])
	}
	for _, tok := range tokens(ex.tree) {
		assert.NotContains(t, text.String(), tok, "%s: %q keeps a breakable hyphen or space in the DOCX", ex.name, tok)
	}
}

// checkParity converts every example's DOCX with LibreOffice, in one run
// with a profile of its own (testenv.LibreOffice), and checks that each heading starts on the
// same page as in our PDF, and that LibreOffice breaks no token either.
func checkParity(t *testing.T, exs []example) {
	dir := t.TempDir()
	var docxs []string
	flat := func(ex example) string { return strings.ReplaceAll(ex.name, "/", "_") }
	for _, ex := range exs {
		// One flat directory: LibreOffice names its PDFs after the DOCX.
		link := filepath.Join(dir, flat(ex)+".docx")
		b, err := os.ReadFile(ex.docx)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(link, b, 0o644))
		docxs = append(docxs, link)
	}
	lo := filepath.Join(dir, "lo")
	testenv.LibreOffice(t, "pdf", lo, docxs...)
	var table []string
	for _, ex := range exs {
		theirsPath := filepath.Join(lo, flat(ex)+".pdf")
		ours, theirs := testenv.PDFPages(t, ex.pdf), testenv.PDFPages(t, theirsPath)
		assert.Equal(t, len(ours), len(theirs), "%s: pages in our PDF and in LibreOffice's of our DOCX", ex.name)
		table = append(table, ex.name+": pages "+itoa(len(ours))+" / "+itoa(len(theirs)))
		for _, b := range ex.tree.Blocks {
			h, ok := b.(*doc.Heading)
			if !ok || h.Level <= 0 {
				continue
			}
			text := doc.HeadingText(h)
			a, c := pageOf(ours, text), pageOf(theirs, text)
			assert.NotZero(t, a, "%s: heading %q not found in the PDF", ex.name, text)
			assert.Equal(t, a, c, "%s: heading %q is on page %d in the PDF, %d in LibreOffice's rendering of the DOCX", ex.name, text, a, c)
			table = append(table, "  "+text+": "+itoa(a)+" / "+itoa(c))
		}
		checkBreaks(t, ex.name+" (LibreOffice)", ex.tree, rawPages(t, theirsPath), false)
	}
	t.Logf("heading pages, PDF / LibreOffice's PDF of the DOCX:\n%s", strings.Join(table, "\n"))
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// pageOf is the 1-based page a heading starts on, 0 when none.
func pageOf(pages []string, h string) int {
	h = testenv.Squash(h)
	for i, p := range pages {
		if strings.Contains(testenv.Squash(p), h) {
			return i + 1
		}
	}
	return 0
}

// claims are the checker's rules a file that claims neither PDF/A nor
// PDF/UA in its XMP (the packet, which carries a foreign, untagged PDF)
// is not expected to pass: the claims themselves, and the embedding of
// the foreign part's fonts, which only a conforming file must do
// (shared/checkers/README.md).
var claims = []string{
	"A-6.6.4 pdfaid:part=3 conformance=A",
	"UA 06-002 pdfuaid:part=1",
	"A-6.2.11.4.1 / UA 31-009 font programs embedded",
}

// checkers runs the independent checkers on every PDF built, the packet
// too, and on every DOCX: no rule may fail.
func checkers(t *testing.T, out string, pdfs []string, exs []example) {
	dir := filepath.Join(testenv.RepoRoot(t), "..", "shared", "checkers")
	if _, err := os.Stat(filepath.Join(dir, "check_pdf.py")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("no checkers at %s: CI has shared/ beside the clone", dir)
		}
		t.Skipf("no checkers at %s", dir)
	}
	testenv.NeedTool(t, testenv.SystemPython)
	js := filepath.Join(t.TempDir(), "pdf.json")
	testenv.Run(t, testenv.SystemPython, append([]string{filepath.Join(dir, "check_pdf.py"), "--json", js}, pdfs...)...)
	b, err := os.ReadFile(js)
	require.NoError(t, err)
	var res map[string]map[string][2]any
	require.NoError(t, json.Unmarshal(b, &res))
	require.Len(t, res, len(pdfs))
	names := make([]string, 0, len(res))
	for f := range res {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		rules := res[f]
		claimsNone := false
		if r, ok := rules[claims[0]]; ok {
			claimsNone = strings.Contains(detail(r), "part=None")
		}
		for rule, r := range rules {
			if ok, _ := r[0].(bool); ok || strings.HasPrefix(rule, "info:") {
				continue
			}
			if claimsNone && contains(claims, rule) {
				t.Logf("%s: %s fails as expected of a file that claims no conformance: %s", f, rule, detail(r))
				continue
			}
			t.Errorf("%s: check_pdf.py: %s: %s", f, rule, detail(r))
		}
	}
	var docxs []string
	for _, ex := range exs {
		docxs = append(docxs, ex.docx)
	}
	report := testenv.Run(t, testenv.SystemPython, append([]string{filepath.Join(dir, "check_docx.py")}, docxs...)...)
	for _, l := range strings.Split(report, "\n") {
		assert.False(t, strings.HasPrefix(strings.TrimSpace(l), "FAIL"), "check_docx.py: %s", l)
	}
}

func detail(r [2]any) string {
	b, _ := json.Marshal(r[1])
	return string(b)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

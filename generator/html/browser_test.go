package html_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/html"
	"github.com/underlag/underlag/generator/packet"
	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/browser"
	"github.com/underlag/underlag/internal/testenv"
)

// The tests in this file open the HTML built from the example data in
// headless Chromium (internal/browser), and read it with tidy and
// pdftotext. They skip on a machine without those programs and fail in CI.

// exampleTrees are the data trees the browser tests build: the example
// data, and the third organisation of the command's acceptance test,
// whose header and footer are furniture templates (doc.Band) where the
// example data's are the profile's lists.
var exampleTrees = []string{"data", filepath.Join("cmd", "underlag", "testdata", "teknik")}

// examples is the one build of the example trees that the tests of this
// package share (they only read it): building them once instead of once
// a test spares a busy machine. TestMain removes it.
var examples struct {
	once  sync.Once
	out   string
	pages []string
	err   error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if examples.out != "" {
		os.RemoveAll(examples.out)
	}
	os.Exit(code)
}

// buildExamples builds the example trees to HTML and PDF, as `underlag
// build data/ --to pdf,html` does, once for the package's tests, and
// returns the HTML files.
func buildExamples(t *testing.T) (out string, pages []string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds every example and opens it in a browser")
	}
	root := testenv.RepoRoot(t)
	examples.once.Do(func() {
		examples.out, examples.pages, examples.err = build(root)
	})
	require.NoError(t, examples.err)
	return examples.out, examples.pages
}

// build builds the example trees under root into a new directory.
func build(root string) (out string, pages []string, err error) {
	formats, err := pipeline.ParseFormats("pdf,html")
	if err != nil {
		return "", nil, err
	}
	p, err := pipeline.New(pipeline.Config{Version: "test", Formats: formats})
	if err != nil {
		return "", nil, err
	}
	if out, err = os.MkdirTemp("", "underlag-html-examples-"); err != nil {
		return "", nil, err
	}
	var paths []string
	for _, tree := range exampleTrees {
		paths = append(paths, filepath.Join(root, tree))
	}
	s, err := batch.Run(context.Background(), p, batch.Options{
		Paths: paths, Out: out, Formats: []string{"pdf", "html"}, Jobs: 1,
	})
	if err != nil {
		return out, nil, err
	}
	if !s.OK() {
		return out, nil, fmt.Errorf("the example data must build: %+v", s)
	}
	err = filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".html") {
			pages = append(pages, path)
		}
		return err
	})
	if err == nil && len(pages) == 0 {
		err = errors.New("the example data built no HTML")
	}
	return out, pages, err
}

// TestExamplesAreAccessible runs axe-core's WCAG 2.1 A and AA rules on
// every page built from the example data, at a desktop and a phone's
// width: there must be no violation.
func TestExamplesAreAccessible(t *testing.T) {
	out, pages := buildExamples(t)
	b := browser.New(t)
	for _, page := range pages {
		for _, width := range []int{1280, 375} {
			rel, _ := filepath.Rel(out, page)
			p := b.Open(t, page, width)
			for _, v := range p.Axe() {
				t.Errorf("%s at %d px: %s", rel, width, v)
			}
		}
	}
}

// TestAxeFindsImageWithoutAlt is the accessibility test's own check: a
// tree with an image that has no alt text, which the loader would have
// refused, makes a page that axe-core reports. Without it, a test that
// finds nothing could be a test that looks at nothing.
func TestAxeFindsImageWithoutAlt(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a browser")
	}
	png, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "data", "exempelby", "bilder", "trafikfarliga-vagar.png"))
	require.NoError(t, err)
	cases := []struct {
		name  string
		alt   string
		wants []string // the rules that must fail
	}{
		{"alt text", "Karta över trafikfarliga vägar", nil},
		{"no alt text", "", []string{"image-alt"}},
	}
	b := browser.New(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &doc.Document{Meta: doc.Meta{Title: "Prov", Language: "sv-SE"}, Blocks: []doc.Block{
				&doc.Heading{Level: 0, Text: []doc.Inline{doc.Text("Prov")}},
				&doc.Image{Data: png, Format: "png", Alt: c.alt},
			}}
			var buf bytes.Buffer
			require.NoError(t, html.New(style.Default()).Render(&buf, d))
			path := filepath.Join(t.TempDir(), "prov.html")
			require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			var got []string
			for _, v := range b.Open(t, path, 1280).Axe() {
				got = append(got, v.ID)
			}
			assert.Equal(t, c.wants, got)
		})
	}
}

// TestExamplesAreValidHTML runs tidy on every page: it must report no
// errors and no warnings.
func TestExamplesAreValidHTML(t *testing.T) {
	_, pages := buildExamples(t)
	testenv.NeedTool(t, "tidy")
	for _, page := range pages {
		out, err := runTidy(page)
		assert.NoError(t, err, "tidy -errors -quiet %s:\n%s", page, out)
		assert.Empty(t, out, "tidy -errors -quiet %s", page)
	}
}

// TestMemoFitsNarrowScreens opens the memo at a desktop's and a phone's
// width: the page must not scroll sideways. The screenshots are kept in
// $UNDERLAG_ARTIFACTS when it is set (CI uploads them), otherwise in the
// test's temporary directory, and their paths are logged.
func TestMemoFitsNarrowScreens(t *testing.T) {
	out, _ := buildExamples(t)
	memo := filepath.Join(out, "tjansteskrivelse-hsn-1203-2024.html")
	dir := os.Getenv("UNDERLAG_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	b := browser.New(t)
	for _, width := range []int{1280, 375} {
		p := b.Open(t, memo, width)
		scroll, inner := p.Width()
		assert.LessOrEqual(t, scroll, inner, "the memo scrolls sideways at %d px", width)
		png := p.Screenshot()
		assert.True(t, bytes.HasPrefix(png, []byte("\x89PNG")), "screenshot at %d px is not a PNG", width)
		shot := filepath.Join(dir, "tjansteskrivelse-"+strconv.Itoa(width)+"px.png")
		require.NoError(t, os.WriteFile(shot, png, 0o644))
		t.Logf("screenshot: %s", shot)
	}
}

// TestPacketPage checks the memo's packet as one web page: the memo, then
// its attachments in order, a data file's drawn in the page under its
// mark and a PDF's as a link to a file that is there.
func TestPacketPage(t *testing.T) {
	out, _ := buildExamples(t)
	page := filepath.Join(out, "tjansteskrivelse-hsn-1203-2024"+packet.Suffix+".html")
	b, err := os.ReadFile(page)
	require.NoError(t, err)
	s := string(b)
	testenv.AssertInOrder(t, s,
		"<h1>Utveckling av samspelet mellan specialistvård och primärvård",
		`<section class="bilaga" id="bilaga-1"`, "<strong>Bilaga 1 Uppdragsdirektiv",
		"<h2>Genomföra prioriterade åtgärder", `<h3 id="sec-1">`,
		`<section class="bilaga" id="bilaga-2"`, "<strong>Bilaga 2 Avtal om samverkan")
	links := regexp.MustCompile(`<a href="([^"#]+\.pdf)" type="application/pdf">`).FindAllStringSubmatch(s, -1)
	require.Len(t, links, 1, "one attachment is a PDF")
	target, err := url.PathUnescape(links[0][1])
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(filepath.Dir(page), filepath.FromSlash(target)))
	assert.NoError(t, err, "the link to the attached PDF leads nowhere")
	assert.NotContains(t, s, "application/pdf;base64", "an attached PDF is linked, not embedded")
}

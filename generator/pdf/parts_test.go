package pdf

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/pdffixture"
	"github.com/underlag/underlag/internal/testenv"
)

// attachment is a document of ours as a packet's Bilaga n: its running
// header gets the mark as its first line on the right.
func attachment(d *doc.Document, mark string) *doc.Document {
	c := *d
	c.Meta.Header.Right = append([]doc.Line{{{Text: mark, Style: doc.Bold}}}, c.Meta.Header.Right...)
	return &c
}

func foreign(t testing.TB, pages ...pdffixture.Page) *Foreign {
	t.Helper()
	f, err := OpenForeign(pdffixture.PDF("Avtal", pages...))
	require.NoError(t, err)
	return f
}

func renderParts(t *testing.T, parts []Part) (string, []byte, int) {
	t.Helper()
	var buf bytes.Buffer
	n, err := renderer(t).RenderParts(&buf, parts)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "packet.pdf")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path, buf.Bytes(), n
}

func TestRenderParts(t *testing.T) {
	t.Parallel()
	avtal := foreign(t,
		pdffixture.Page{Lines: []string{"Avtal om samverkan", "Sida 1 av 2"}},
		pdffixture.Page{Lines: []string{"Underskrifter", "Sida 2 av 2"}, Rotate: 90, Field: "Signerat av Erika From"},
	)
	parts := []Part{
		{Doc: doctest.All()},
		{Doc: attachment(doctest.LongTable(60), "Bilaga 1"), Title: "Bilaga 1 Tidplan"},
		{Foreign: avtal, Title: "Bilaga 2 Avtal om samverkan", Stamp: "Bilaga 2"},
	}
	path, data, n := renderParts(t, parts)
	testenv.Run(t, "qpdf", "--check", path)
	assert.Regexp(t, `Pages:\s+`+itoa(n)+`\n`, testenv.Run(t, "pdfinfo", path))
	assert.Regexp(t, `Tagged:\s+yes`, testenv.Run(t, "pdfinfo", path))

	texts := testenv.PDFPages(t, path)
	require.Len(t, texts, n)
	_, _, memoPages := render(t, doctest.All())
	_, _, tablePages := render(t, doctest.LongTable(60))
	require.Equal(t, memoPages+tablePages+2, n)
	// Each part numbers its own pages.
	assert.Contains(t, testenv.Squash(texts[0]), "1 ("+itoa(memoPages)+")")
	first := testenv.Squash(texts[memoPages])
	assert.Contains(t, first, "Bilaga 1")
	assert.Contains(t, first, "1 ("+itoa(tablePages)+")")
	last := testenv.Squash(texts[n-2])
	assert.Contains(t, last, "Bilaga 2")
	assert.Contains(t, last, "Avtal om samverkan")
	assert.Contains(t, last, "Sida 1 av 2")
	turned := testenv.Squash(texts[n-1])
	assert.Contains(t, turned, "Bilaga 2")
	assert.Contains(t, turned, "Signerat av Erika From", "a printed field's appearance comes along")

	outline := testenv.Outline(t, path)
	var tops []string
	for _, it := range outline {
		if it.Level == 0 {
			tops = append(tops, it.Title)
		}
	}
	// The memo's title at the top with its headings under it, then one
	// entry per attachment, in place of its title, with its own headings
	// under it.
	assert.Equal(t, []string{"Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024", "Bilaga 1 Tidplan", "Bilaga 2 Avtal om samverkan"}, tops)
	var memoHeadings []string
	for _, it := range outline {
		if it.Level == 1 && it.Page <= memoPages {
			memoHeadings = append(memoHeadings, it.Title)
		}
	}
	assert.Equal(t, []string{"1. Bakgrund", "2. Tidplan"}, memoHeadings)
	for _, it := range outline {
		switch it.Title {
		case "Bilaga 1 Tidplan":
			assert.Equal(t, memoPages+1, it.Page)
		case "Bilaga 2 Avtal om samverkan":
			assert.Equal(t, n-1, it.Page)
		}
	}

	st := testenv.Run(t, "pdfinfo", "-struct-text", path)
	assert.NotContains(t, st, "Error")
	testenv.AssertInOrder(t, st, "Document", "Part", `H1 (block) "Utveckling av samspelet`, "Part", "Aktivitet 1", "Part", "Figure")
	assert.Equal(t, 3, strings.Count(st, "Part"))
	assert.Contains(t, string(data), "/Alt"+textString("Bilaga 2 Avtal om samverkan, sida 2 (2)"))

	var again bytes.Buffer
	_, err := renderer(t).RenderParts(&again, parts)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(data, again.Bytes()), "the same parts make the same bytes")
	// With a foreign part the packet claims no conformance, in its XMP or
	// anywhere (the writer has no XMP yet; when PDF/A lands it must ask
	// conformant).
	assert.NotContains(t, string(data), "pdfaid")
	assert.NotContains(t, string(data), "pdfuaid")
	assert.True(t, conformant(nil))
	assert.False(t, conformant([]page{{foreign: &foreignRef{}}}))
}

func itoa(n int) string { return strconv.Itoa(n) }

// encrypt encrypts a PDF with pdfcpu, with an owner password only: it
// opens without a password, as "protected" PDFs from other offices do.
func encrypt(t testing.TB, data []byte) []byte {
	t.Helper()
	configOnce.Do(api.DisableConfigDir)
	var out bytes.Buffer
	conf := model.NewAESConfiguration("", "hemligt", 256)
	require.NoError(t, api.Encrypt(bytes.NewReader(data), &out, conf))
	return out.Bytes()
}

func TestOpenForeignRefuses(t *testing.T) {
	t.Parallel()
	good := pdffixture.PDF("Avtal", pdffixture.Page{Lines: []string{"Avtal"}})
	noPages := bytes.Replace(pdffixture.PDF("Tom"), []byte("/Count 0"), []byte("/Count 0"), 1)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"not a PDF", []byte("PK\x03\x04 a zip file, not a PDF"), ErrNotPDF},
		{"empty", nil, ErrNotPDF},
		{"encrypted", encrypt(t, good), ErrEncrypted},
		{"truncated", good[:len(good)/2], ErrDamaged},
		{"garbage after the header", append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("x"), 400)...), ErrDamaged},
		{"broken page tree", bytes.Replace(good, []byte("/Kids["), []byte("/Kids("), 1), ErrDamaged},
		{"no pages", noPages, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := OpenForeign(tc.data)
			if tc.want == nil {
				require.Error(t, err)
				return
			}
			assert.ErrorIs(t, err, tc.want)
		})
	}
	f, err := OpenForeign(good)
	require.NoError(t, err)
	assert.Equal(t, 1, f.Pages())
	assert.False(t, f.Tagged)
	assert.Equal(t, "", f.PDFA)
}

func TestOpenForeignOfOurs(t *testing.T) {
	t.Parallel()
	_, data, pages := render(t, doctest.All())
	f, err := OpenForeign(data)
	require.NoError(t, err)
	assert.Equal(t, pages, f.Pages())
	assert.True(t, f.Tagged, "our own PDFs are tagged")
}

// A build opens and renders foreign PDFs on every worker at once.
func TestForeignConcurrently(t *testing.T) {
	t.Parallel()
	data := pdffixture.PDF("Avtal", pdffixture.Page{Lines: []string{"Avtal"}, Field: "Signerat"})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			f, err := OpenForeign(data)
			if !assert.NoError(t, err) {
				return
			}
			_, err = renderer(t).RenderParts(io.Discard, []Part{{Doc: doctest.All()}, {Foreign: f, Title: "Bilaga 1 Avtal", Stamp: "Bilaga 1"}})
			assert.NoError(t, err)
		})
	}
	wg.Wait()
}

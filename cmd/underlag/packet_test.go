package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/internal/testenv"
)

const exampleMemo = "tjansteskrivelse-hsn-1203-2024.yaml"

// The example memo's packet, read by the programs a secretary's or a
// meeting system's would be: the memo, then the directive as Bilaga 1 with
// its own page numbers, then the external agreement as Bilaga 2; an outline
// with the memo's headings and one entry per attachment; a structure tree
// with both documents' headings in order; and the same bytes every time.
func TestPacketExample(t *testing.T) {
	t.Parallel()
	data := copyData(t)
	dir := t.TempDir()
	memo := filepath.Join(data, exampleMemo)
	out := filepath.Join(dir, "handling.pdf")
	code, _, errOut := execute(t, "packet", memo, "-o", out)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, exampleMemo+":90:10: warning: beslutsunderlag[2].fil: Bilaga 2: bilagor/avtal-samverkan-nara-vard.pdf is not tagged and not PDF/A")

	alone := filepath.Join(dir, "memo.pdf")
	code, _, errOut = execute(t, "render", memo, "-o", alone)
	require.Equal(t, 0, code, errOut)
	directive := filepath.Join(dir, "direktiv.pdf")
	code, _, errOut = execute(t, "render", filepath.Join(data, "uppdragsdirektiv-nara-vard-2025.yaml"), "-o", directive)
	require.Equal(t, 0, code, errOut)
	memoPages, dirPages := pdfPages(t, alone), pdfPages(t, directive)
	n := pdfPages(t, out)
	require.Equal(t, memoPages+dirPages+2, n, "the memo, the directive and the two pages of the agreement")

	testenv.Run(t, "qpdf", "--check", out)
	info := testenv.Run(t, "pdfinfo", out)
	assert.Regexp(t, `Title:\s+Utveckling av samspelet mellan specialistvård och primärvård\. RF-uppdrag 2024`, info)
	assert.Regexp(t, `Tagged:\s+yes`, info)

	texts := testenv.PDFPages(t, out)
	require.Len(t, texts, n)
	memoText := testenv.Squash(strings.Join(texts[:memoPages], " "))
	assert.Contains(t, memoText, "Bilaga 1 Uppdragsdirektiv Genomföra prioriterade åtgärder som syftar till att stärka omställningen till nära vård, den 18 november 2024")
	assert.Contains(t, memoText, "Bilaga 2 Avtal om samverkan kring nära vård (exempel)")
	assert.Contains(t, testenv.Squash(texts[0]), "1 ("+strconv.Itoa(memoPages)+")")
	for i := range dirPages {
		page := testenv.Squash(texts[memoPages+i])
		assert.Contains(t, page, "Bilaga 1", "directive page %d", i+1)
		assert.Contains(t, page, strconv.Itoa(i+1)+" ("+strconv.Itoa(dirPages)+")", "the directive keeps its own page numbers")
		assert.NotContains(t, page, "Bilaga 2")
	}
	assert.Contains(t, testenv.Squash(texts[memoPages]), "Genomföra prioriterade åtgärder")
	for i, want := range []string{"Avtal om samverkan kring nära vård Exempel", "Underskrifter"} {
		page := testenv.Squash(texts[memoPages+dirPages+i])
		assert.Contains(t, page, "Bilaga 2")
		assert.Contains(t, page, want)
		assert.Contains(t, page, "Sida "+strconv.Itoa(i+1)+" av 2", "the agreement keeps its own page numbers")
	}

	// The memo's headings, then one entry per attachment with its number
	// and title, the directive's own headings under its entry.
	outline := testenv.Outline(t, out)
	require.NotEmpty(t, outline)
	assert.Equal(t, testenv.OutlineItem{Level: 0, Title: "Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024", Page: 1}, outline[0])
	assert.Equal(t, testenv.OutlineItem{Level: 1, Title: "Sammanfattning", Page: 1}, outline[1], "the memo's headings under its title")
	var tops []testenv.OutlineItem
	for _, it := range outline {
		if it.Level == 0 && it.Page > memoPages {
			tops = append(tops, it)
		} else if it.Level == 0 {
			assert.NotContains(t, it.Title, "Bilaga")
		}
	}
	require.Len(t, tops, 2, "%v", outline)
	assert.Equal(t, testenv.OutlineItem{Level: 0, Title: "Bilaga 1 Uppdragsdirektiv Genomföra prioriterade åtgärder som syftar till att stärka omställningen till nära vård, den 18 november 2024", Page: memoPages + 1}, tops[0])
	assert.Equal(t, testenv.OutlineItem{Level: 0, Title: "Bilaga 2 Avtal om samverkan kring nära vård (exempel)", Page: memoPages + dirPages + 1}, tops[1])
	var under []string
	for _, it := range outline {
		if it.Level == 1 && it.Page > memoPages && it.Page <= memoPages+dirPages {
			under = append(under, it.Title)
		}
	}
	assert.Contains(t, under, "1. Bakgrund", "the directive's headings are under its entry")

	st := testenv.Run(t, "pdfinfo", "-struct-text", out)
	assert.NotContains(t, st, "Error")
	testenv.AssertInOrder(t, st,
		"Document", "Part",
		`H1 (block) "Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024"`,
		`"Sammanfattning"`, `"Beslutsunderlag"`, `"Beslutet expedieras till"`,
		"Part", `H1 (block) "Genomföra prioriterade åtgärder som syftar till att stärka omställningen till nära vård"`,
		`"1. Bakgrund"`, "Part", "Figure",
	)

	again := filepath.Join(dir, "again.pdf")
	code, _, errOut = execute(t, "packet", memo, "-o", again)
	require.Equal(t, 0, code, errOut)
	a, err := os.ReadFile(out)
	require.NoError(t, err)
	b, err := os.ReadFile(again)
	require.NoError(t, err)
	assert.Equal(t, a, b, "the same data make the same packet")
}

// withAttachment is a copy of the example data whose memo attaches file
// (written into the tree when data is not nil) as Bilaga 2 instead of the
// agreement.
func withAttachment(t *testing.T, file string, data []byte) string {
	t.Helper()
	dir := copyData(t)
	if data != nil {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, file)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, file), data, 0o644))
	}
	memo := filepath.Join(dir, exampleMemo)
	b, err := os.ReadFile(memo)
	require.NoError(t, err)
	s := strings.Replace(string(b), "fil: bilagor/avtal-samverkan-nara-vard.pdf", "fil: "+filepath.ToSlash(file), 1)
	require.NoError(t, os.WriteFile(memo, []byte(s), 0o644))
	return memo
}

// Every kind of bad attachment is an error at the line of its fil, and no
// packet is written: never a packet with a part silently missing.
func TestPacketBadAttachments(t *testing.T) {
	t.Parallel()
	avtal, err := os.ReadFile("../../data/bilagor/avtal-samverkan-nara-vard.pdf")
	require.NoError(t, err)
	directive, err := os.ReadFile("../../data/uppdragsdirektiv-nara-vard-2025.yaml")
	require.NoError(t, err)
	encrypted := func(t *testing.T) []byte {
		dir := t.TempDir()
		in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
		require.NoError(t, os.WriteFile(in, avtal, 0o644))
		testenv.Run(t, "qpdf", "--encrypt", "", "ägare", "256", "--", in, out)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		return b
	}
	broken := strings.Replace(string(directive), "datum: 2024-11-18", "datum: 2024-13-45", 1)
	require.NotEqual(t, string(directive), broken)
	const at = exampleMemo + ":90:10: error: beslutsunderlag[2].fil: "
	for _, tc := range []struct {
		name string
		file string
		data func(t *testing.T) []byte
		want []string
	}{
		{"missing", "bilagor/finns-inte.pdf", nil, []string{exampleMemo + ":90:10: error: beslutsunderlag[2].fil: bilagor/finns-inte.pdf does not exist"}},
		{"not a PDF", "bilagor/karta.png", func(*testing.T) []byte { return []byte("\x89PNG\r\n\x1a\n not a PDF") },
			[]string{at + "Bilaga 2: bilagor/karta.png is not a PDF file"}},
		{"encrypted", "bilagor/skyddad.pdf", encrypted, []string{at + "Bilaga 2: bilagor/skyddad.pdf is encrypted"}},
		{"damaged", "bilagor/avbruten.pdf", func(*testing.T) []byte { return avtal[:len(avtal)*2/3] },
			[]string{at + "Bilaga 2: bilagor/avbruten.pdf cannot be used: the PDF is damaged: it does not end as a PDF file ends"}},
		{"damaged inside", "bilagor/trasig.pdf", func(*testing.T) []byte { return []byte(strings.Replace(string(avtal), "/Kids[", "/Kids(", 1)) },
			[]string{at + "Bilaga 2: bilagor/trasig.pdf cannot be used: the PDF is damaged"}},
		{"data file that fails", "trasigt-direktiv.yaml", func(*testing.T) []byte { return []byte(broken) },
			[]string{"trasigt-direktiv.yaml:", "datum", at + "Bilaga 2: trasigt-direktiv.yaml has errors (listed with it), so there is no packet"}},
		{"the memo itself", exampleMemo, nil, []string{at + "Bilaga 2: " + exampleMemo + " is the memo itself"}},
		{"a registry", "personer.yaml", nil, []string{at + "Bilaga 2: personer.yaml is a registry, not a document"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var data []byte
			if tc.data != nil {
				data = tc.data(t)
			}
			memo := withAttachment(t, tc.file, data)
			out := filepath.Join(t.TempDir(), "handling.pdf")
			code, _, errOut := execute(t, "packet", memo, "-o", out)
			assert.Equal(t, 1, code, errOut)
			for _, w := range tc.want {
				assert.Contains(t, errOut, w)
			}
			assert.Contains(t, errOut, "\n   90 |     fil: ", "the line is shown")
			assert.NoFileExists(t, out)
		})
	}
}

func TestPacketUsage(t *testing.T) {
	t.Parallel()
	memo := filepath.Join("..", "..", "data", exampleMemo)
	code, _, errOut := execute(t, "packet", memo)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "-o tjansteskrivelse-hsn-1203-2024-handling.pdf")
	code, _, errOut = execute(t, "packet", memo, "-o", filepath.Join(t.TempDir(), "x.docx"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "a packet is a PDF or a web page: name the output *.pdf or *.html, not")
	code, _, errOut = execute(t, "packet", filepath.Join("..", "..", "data", "uppdragsdirektiv-nara-vard-2025.yaml"), "-o", filepath.Join(t.TempDir(), "x.pdf"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "has no attachments")
	code, out, _ := execute(t, "packet", "--help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "underlag packet data/tjansteskrivelse-hsn-1203-2024.yaml -o handling.pdf")
}

// withoutPackets are output paths without the memos' packets (the
// synthetic memos attach their directives).
func withoutPackets(paths []string) []string {
	var out []string
	for _, p := range paths {
		if !strings.HasSuffix(p, "-handling.pdf") {
			out = append(out, p)
		}
	}
	return out
}

package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// TestHyphenatedColumn puts a long Swedish compound in a 30 mm column
// of a table with no room to widen it: it breaks at syllables with a
// hyphen, never into single letters.
func TestHyphenatedColumn(t *testing.T) {
	t.Parallel()
	const word = "primärvårdsutvecklingsarbetet"
	tb := &doc.Table{Columns: []doc.Column{{Width: 30}, {Width: 26}, {Width: 26}, {Width: 26}, {Width: 26}, {Width: 26}}}
	row := doc.Row{}
	for range tb.Columns {
		row.Cells = append(row.Cells, doc.TextCell(word))
	}
	tb.Rows = []doc.Row{row}
	d := &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{tb}}
	path, _, _ := render(t, d)
	out := testenv.Run(t, "pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "80", "-W", "150", "-H", "200", path, "-")
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	require.Greater(t, len(lines), 1, "the word must break: %q", out)
	h := renderer(t).hyph
	syllables := strings.Split(h.Hyphenate(word, "|"), "|")
	joined := ""
	for i, l := range lines {
		if i < len(lines)-1 {
			assert.True(t, strings.HasSuffix(l, "\u00ad"), "line %q ends with the hyphen", l)
		}
		part := strings.TrimSuffix(l, "\u00ad")
		assert.Greater(t, len([]rune(part)), 2, "no broken single letters: %q", lines)
		joined += part
		// Each line ends at a syllable boundary.
		at := 0
		ok := false
		for _, s := range syllables {
			at += len(s)
			ok = ok || at == len(joined)
		}
		assert.True(t, ok, "line %q does not end at a syllable boundary of %v", l, syllables)
	}
	assert.Equal(t, word, joined)
}

// TestSoftHyphenAndJoiners checks the invisible characters: a soft hyphen
// is drawn only where a line breaks at it, zero-width joiners never, and
// control characters are left out.
func TestSoftHyphenAndJoiners(t *testing.T) {
	t.Parallel()
	d := &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{
		&doc.Paragraph{Text: []doc.Inline{doc.Text("Primär\u00advårds\u00adutveckling och a\u200db\u200cc och nul\x00bel\x07esc\x1b.")}},
	}}
	path, _, _ := render(t, d)
	text := testenv.Run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	assert.Contains(t, text, "Primärvårdsutveckling och abc och nulbelesc.")
	assert.NotContains(t, text, "\u00ad")
}

// TestCharacterClasses renders each class of character the issue named:
// what the fonts have comes back from the text layer as it went in, what
// they lack (and the data check reports) is drawn as a white square,
// never as the missing glyph.
func TestCharacterClasses(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Ukrainska ґ Ґ ї", "Ukrainska ґ Ґ ї"},
		{"Kombinerad cedilj Z̧", "Kombinerad cedilj Z̧"},
		{"H₂O och 10⁶", "H₂O och 10⁶"},
		{"Grekiska αβγ", "Grekiska αβγ"},
		{"Kinesiska 中文", "Kinesiska □□"},
		{"Arabiska سلام", "Arabiska □□□□"},
		{"Hebreiska שלום", "Hebreiska □□□□"},
		{"Emoji 🙂", "Emoji □"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			d := &doc.Document{Meta: doctest.Meta(), Blocks: []doc.Block{&doc.Paragraph{Text: []doc.Inline{doc.Text(tc.in)}}}}
			path, _, _ := render(t, d)
			assert.Contains(t, testenv.Run(t, "pdftotext", "-enc", "UTF-8", path, "-"), tc.want)
		})
	}
}

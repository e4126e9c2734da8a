package pdf

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
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
	h := renderer(t).hyphenator()
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

// compoundSample are long words of the example documents and the seed
// texts with their compound joints marked by hand: the truth the share
// of breaks on joints is measured against.
var compoundSample = []string{
	"huvud|ansvarig", "kommunikations|insatsen", "sjuk|vårds|nämnden", "uppdrags|direktivet",
	"region|full|mäktige", "verksamhets|utveckling", "primär|vårds|frågor", "läns|samverkans|strukturen",
	"färd|planens", "kunskaps|styrning", "implementerings|plan", "uppföljnings|plan",
	"ersättnings|modell", "sjukhus|vården", "besluts|underlag", "arbets|utskottet",
	"jämställdhets|målen", "vård|omställningen", "tjänste|skrivelsen", "samverkans|avtalet",
	"ledningsgrupps|möte", "region|styrelsen", "styr|dokument", "besluts|fattare",
	"utvecklings|arbeten", "styrnings|frågor", "kvalitets|register", "resurs|fördelning",
	"förvaltnings|chefen", "verksamhets|året", "områdes|chefer", "hälso|val",
}

// TestJointShare measures how many breaks of the sample land on a hand-
// marked joint, with the patterns alone and with the word list's joints
// preferred: at every width a pattern point allows, the word is broken
// as the line breaker would. Needs hunspell-sv (skipped without it, a
// failure in CI).
func TestJointShare(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	if r.compounds() == nil {
		if os.Getenv("CI") != "" {
			t.Fatal("hunspell-sv not installed (.ci/run installs it)")
		}
		t.Skip("hunspell-sv not installed")
	}
	ts := r.textStyle(frame{}, false)
	f := r.face(faceRegular)
	var before, after, total, possible int
	for _, marked := range compoundSample {
		word := strings.ReplaceAll(marked, "|", "")
		truth := map[int]bool{}
		at := 0
		for _, part := range strings.Split(marked, "|") {
			at += len(part)
			truth[at] = true
		}
		for _, p := range r.hyphenator().Points(word) {
			room := f.width(word[:p]+softHyphen, ts.size) + 0.01
			total++
			for j := range truth {
				if j < len(word) && j <= p {
					possible++ // a joint fits: the break could be on one
					break
				}
			}
			plain := span{text: word, breaks: &wordBreaks{soft: r.hyphenator().Points(word)}} // no joints: the patterns alone
			if h, _, ok := r.hyphenate(&plain, room, ts); ok && truth[len(h.text)] {
				before++
			}
			withJoints := span{text: word}
			if h, _, ok := r.hyphenate(&withJoints, room, ts); ok && truth[len(h.text)] {
				after++
			}
		}
	}
	t.Logf("breaks on a compound joint: %d of %d with the patterns alone (%.0f %%), %d of %d with joints preferred (%.0f %%); a joint fits in %d",
		before, total, 100*float64(before)/float64(total), after, total, 100*float64(after)/float64(total), possible)
	assert.Greater(t, after, before)
}

// TestBreakRules lays out a stress text, long compounds, names and
// tokens, at many widths and checks each line break against the rules.
func TestBreakRules(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	const text = "Monica Wahlström och Per Sehlin är huvudansvariga för kommunikationsinsatsen; " +
		"beslutet 2025-06-16 i ärende KS-2020-00547 och HSN 1203-2024 enligt § 173 kostar 12 500 kr, " +
		"ring 090-785 00 00. Primärvårdsutvecklingsarbetet, läns­samverkansstrukturen och " +
		"verksamhetsutvecklingen inom hälso- och sjukvårdsnämnden både inom och utom länet, e-arkivet och RF-uppdragets mål."
	names := []string{"Monica Wahlström", "Per Sehlin"}
	fr := frame{names: newNameSet(names)}
	ts := r.textStyle(fr, false)
	tokens := doc.Unbreakable(text)
	require.NotEmpty(t, tokens)
	for width := 40.0; width <= 120; width += 1.5 { // every token fits from 40 mm on
		lines := r.lines(r.spans([]doc.Inline{doc.Text(text)}, ts), width, ts)
		run := 0
		for i, l := range lines[:len(lines)-1] {
			last := l[len(l)-1]
			if last.hyphen {
				// The hyphen drawn is U+00AD, which tells text extraction
				// and screen readers that the word goes on (PDF 1.7,
				// 14.8.2.2.3): copied text rejoins it.
				ops := r.lineOps(nil, l, 0, 0, width, doc.AlignLeft, ts, true)
				end := ""
				for _, o := range ops {
					if o.kind == opText {
						end = o.text
					}
				}
				assert.True(t, strings.HasSuffix(end, softHyphen), "width %.1f: %q", width, end)
			}
			if !last.cut {
				run = 0
				continue
			}
			run++
			assert.LessOrEqual(t, run, maxHyphenated, "width %.1f line %d", width, i)
			next := lines[i+1][0]
			head, tail := trimWord(last.text), trimWord(next.text)
			word := head + tail
			assert.GreaterOrEqual(t, utf8.RuneCountInString(head), 2, "width %.1f: %s-%s", width, head, tail)
			assert.GreaterOrEqual(t, utf8.RuneCountInString(tail), 3, "width %.1f: %s-%s", width, head, tail)
			assert.False(t, fr.names.has(word), "width %.1f: a name broken: %s-%s", width, head, tail)
			for _, tok := range tokens {
				assert.NotContains(t, text[tok[0]:tok[1]], last.text+next.text, "width %.1f: token broken", width)
			}
		}
		// Tokens are never split at a space either: each is on one line.
		var rendered []string
		for _, l := range lines {
			var b strings.Builder
			for _, s := range l {
				b.WriteString(s.text)
			}
			rendered = append(rendered, b.String())
		}
		for _, tok := range tokens {
			s := text[tok[0]:tok[1]]
			if r.face(faceRegular).width(s, ts.size) > width {
				continue
			}
			found := false
			for _, l := range rendered {
				found = found || strings.Contains(l, s)
			}
			assert.True(t, found, "width %.1f: %q split over lines %q", width, s, rendered)
		}
	}
	// Headings are never hyphenated, however narrow.
	h := r.styleAt(r.p.HeadingSizes[0], true)
	for _, l := range r.lines(r.spans([]doc.Inline{doc.Text("Kommunikationsinsatsen")}, h), 20, h) {
		assert.False(t, l[len(l)-1].hyphen, "a heading is hyphenated")
	}
}

// TestWordBreaksCached checks that a word's points and joints come out of
// the renderer's cache as they were found, however often and in whatever
// order words are asked for, and that the cache stays within its bound.
func TestWordBreaksCached(t *testing.T) {
	r, err := New(style.Default())
	require.NoError(t, err)
	words := []string{"hälso-", "sjukvårdsnämnden", "uppdragsdirektivet", "primärvårdsförvaltningen", "Västerbotten", "samverkansavtal", "Nguyễn", "Коваленко", "ab", "", "e-arkiv"}
	for round := range 3 {
		for _, w := range words {
			b := r.wordBreaks(w)
			soft, joints := b.soft, b.joints
			want := r.hyphenator().Points(w)
			if want == nil {
				want = []int{}
			}
			assert.Equal(t, want, soft, "%q, round %d", w, round)
			assert.Equal(t, r.compounds().Joints(w), joints, "%q, round %d", w, round)
		}
	}
	for i := range maxBreakWords + 10 {
		r.wordBreaks("ord" + strconv.Itoa(i))
	}
	assert.LessOrEqual(t, len(r.breaks.m), maxBreakWords)
	assert.Equal(t, r.hyphenator().Points("sjukvårdsnämnden"), r.wordBreaks("sjukvårdsnämnden").soft, "after the cache was emptied")
}

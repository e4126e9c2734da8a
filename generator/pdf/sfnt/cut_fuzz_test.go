package sfnt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-pdf/fpdf"
)

// fpdfCut is the oracle: fpdf's cutter on a copy of font whose capacity
// is its length (fpdf writes into the font it is given, and slices
// beyond a table up to the capacity), with a panic as ok == false.
func fpdfCut(font []byte, runes []rune) (out []byte, ok bool) {
	defer func() {
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	out = fpdf.UTF8CutFont(bytes.Clone(font)[:len(font):len(font)], string(runes))
	return out, out != nil
}

// cmapWork is the number of characters fpdf's cutter maps, one by one,
// reading the font's cmap: a damaged cmap can make it billions.
func cmapWork(font []byte) int {
	c := &cutter{data: font}
	if c.directory() != nil {
		return 0
	}
	m, _ := c.findCmap()
	if m.segs == 0 || !c.in(m.at, 16+8*m.segs) {
		return 0
	}
	n := 0
	for i := 0; i < m.segs; i++ {
		n += max(0, c.raw(m.ends+2*i)-c.raw(m.starts+2*i)+1)
	}
	return n
}

// FuzzCut cuts damaged fonts: Cut must never panic, and must write what
// fpdf's cutter writes, or fail where it fails. Not compared: a font
// where fpdf would recurse without end (Cut's errCycle), or map a
// damaged cmap's millions of characters one by one, or write glyphs that
// overlap into a cut larger than the font (errOverlap).
func FuzzCut(f *testing.F) {
	for _, s := range []string{"abc", "åÅǻ", ""} {
		small, err := Cut(liberationsansregular.TTF, []rune(s))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(small, s)
		// Horizontal metrics that stop short of the glyphs, so that fpdf
		// writes into its input (see Cut).
		short := bytes.Clone(small)
		tables, _, err := directory(short)
		if err != nil {
			f.Fatal(err)
		}
		binary.BigEndian.PutUint16(tables["hhea"][34:], 2)
		f.Add(short, s+"xyz")
		f.Add(short[:len(short)/2], s)
	}
	f.Fuzz(func(t *testing.T, font []byte, runes string) {
		before := bytes.Clone(font)
		got, err := Cut(font, []rune(runes))
		if !bytes.Equal(before, font) {
			t.Fatal("Cut wrote into the font")
		}
		if errors.Is(err, errCycle) || errors.Is(err, errOverlap) || cmapWork(font) > 1<<18 {
			return
		}
		want, ok := fpdfCut(font, []rune(runes))
		switch {
		case !ok && err == nil:
			t.Fatalf("fpdf fails, Cut writes %d bytes", len(got))
		case ok && err != nil:
			t.Fatalf("fpdf writes %d bytes, Cut fails: %v", len(want), err)
		case ok && !bytes.Equal(want, got):
			t.Fatalf("Cut writes %d bytes, fpdf %d, different", len(got), len(want))
		}
	})
}

// TestCutCycle cuts a font with a composite glyph that contains itself,
// where fpdf's cutter recurses until the stack overflows and the process
// dies (so it is not the oracle here): Cut must fail.
func TestCutCycle(t *testing.T) {
	t.Parallel()
	f, err := Parse(liberationsansregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	gid, err := f.Cmap('å')
	if err != nil {
		t.Fatal(err)
	}
	g := gid['å']
	if len(f.comps(int(g))) == 0 {
		t.Fatal("å is not a composite glyph")
	}
	b := bytes.Clone(liberationsansregular.TTF)
	tables, _, err := directory(b)
	if err != nil {
		t.Fatal(err)
	}
	// The glyph's first component (after its 10-byte header, the
	// component's flags) is the glyph itself.
	binary.BigEndian.PutUint16(tables["glyf"][f.loca[g]+12:], g)
	for _, runes := range []string{"å", "abcå"} {
		_, err = Cut(b, []rune(runes))
		if !errors.Is(err, errCycle) || !errors.Is(err, ErrCut) {
			t.Errorf("%q: %v, want a cycle", runes, err)
		}
	}
	if _, err := Cut(liberationsansregular.TTF, []rune("abcå")); err != nil {
		t.Errorf("the font as it was: %v", err)
	}
}

// TestCutLeavesFontAlone cuts the same bytes twice, as the renderer does
// when an organisation's family lacks a face and its regular face stands
// in. fpdf's cutter writes a glyph's side bearing into the font it is
// given when the font's long horizontal metrics stop short of its glyphs,
// so its second cut of the same bytes differs from its first; Cut writes
// the first cut both times.
func TestCutLeavesFontAlone(t *testing.T) {
	t.Parallel()
	b := bytes.Clone(liberationsansregular.TTF)
	tables, _, err := directory(b)
	if err != nil {
		t.Fatal(err)
	}
	// The long metrics stop after T's glyph: the glyphs after it, å
	// among them, have short ones.
	gid, err := CmapOf(b, 'å')
	if err != nil {
		t.Fatal(err)
	}
	if gid['T'] >= gid['å'] {
		t.Fatal("T's glyph is not before å's")
	}
	binary.BigEndian.PutUint16(tables["hhea"][34:], gid['T']+1)
	runes := []rune("Tjänsteskrivelse ÅÄÖ åäö 0123456789")
	first, err := Cut(b, runes)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Cut(b, runes)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("Cut's second cut of the same bytes differs from its first")
	}
	f1 := fpdf.UTF8CutFont(b, string(runes))
	f2 := fpdf.UTF8CutFont(b, string(runes))
	if !bytes.Equal(first, f1) {
		t.Error("Cut differs from fpdf's first cut")
	}
	if bytes.Equal(f1, f2) {
		t.Error("fpdf's second cut is its first: the case no longer shows what Cut avoids")
	}
}

package sfnt_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/pdf/coverage"
	"github.com/underlag/underlag/generator/pdf/sfnt"
)

// testFonts are the fonts the oracle test cuts, by name: the five faces
// the PDF embeds, every TrueType and OpenType file in the repository, and
// those Debian installs under /usr/share/fonts, when there are any.
func testFonts(t *testing.T) map[string][]byte {
	fonts := map[string][]byte{
		"LiberationSans":            liberationsansregular.TTF,
		"LiberationSans-Bold":       liberationsansbold.TTF,
		"LiberationSans-Italic":     liberationsansitalic.TTF,
		"LiberationSans-BoldItalic": liberationsansbolditalic.TTF,
		"LiberationMono":            liberationmonoregular.TTF,
	}
	root, err := filepath.Abs("../../..")
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(root, "go.mod"))
	for _, dir := range []string{root, "/usr/share/fonts"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path == dir && os.IsNotExist(err) {
					return fs.SkipAll // no system fonts: the rest still run
				}
				return err
			}
			if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
				return fs.SkipDir
			}
			if ext := strings.ToLower(filepath.Ext(path)); !d.IsDir() && (ext == ".ttf" || ext == ".otf") {
				b, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				fonts[path] = b
			}
			return nil
		})
		require.NoError(t, err)
	}
	return fonts
}

// runeSets are the sets of runes each font is cut to.
func runeSets() map[string][]rune {
	var bmp []rune
	for r := rune(0); r <= 0xffff; r += 7 {
		bmp = append(bmp, r)
	}
	return map[string][]rune{
		"coverage": coverage.Runes(),
		"small":    []rune("Tjänsteskrivelse 2024-03-12 ÅÄÖ åäö é ü –—…€§"),
		"empty":    nil,
		// CJK, Thai, Devanagari, Hangul: what the Latin fonts lack, with
		// two letters they have.
		"lacking":  []rune("漢字ไทยहिन्दी한국어aå"),
		"astral":   []rune("a\U0001F600\U0001D400\U00010348\U0010FFFF"),
		"composed": []rune("ÅåǺǻẠạẶặỆệ"),
		// U+0000 (its glyph kept, not mapped), U+FFFF, U+FFFD and runes
		// that are not Unicode (U+FFFD, as in a string), twice each.
		"edges":   {0, 0, 0xffff, 0xfffd, -1, 0xd800, 0x110000, 'a', 'a'},
		"bmp/7th": bmp,
	}
}

// TestCutMatchesFpdf holds Cut to fpdf's cutter, byte for byte, for every
// font the test finds and every set of runes; where fpdf fails (a font
// it cannot cut, such as an OpenType font with CFF outlines), Cut must
// return an error. Cut must leave the font as it was.
func TestCutMatchesFpdf(t *testing.T) {
	t.Parallel()
	fonts := testFonts(t)
	sets := runeSets()
	for name, font := range fonts {
		t.Run(filepath.Base(name), func(t *testing.T) {
			t.Parallel()
			before := bytes.Clone(font)
			for set, runes := range sets {
				want, ok := sfnt.FpdfCut(font, runes)
				got, err := sfnt.Cut(font, runes)
				if !ok {
					assert.Error(t, err, "%s: fpdf fails, Cut must too", set)
					continue
				}
				require.NoError(t, err, set)
				if !bytes.Equal(want, got) {
					t.Errorf("%s: %d bytes from Cut, %d from fpdf, first difference at %d", set, len(got), len(want), firstDiff(got, want))
				}
			}
			assert.True(t, bytes.Equal(before, font), "Cut wrote into the font")
		})
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestCutFindsDifferences checks that the oracle can fail: a cut that
// differs from fpdf's in one byte is not equal to it.
func TestCutFindsDifferences(t *testing.T) {
	t.Parallel()
	runes := []rune("abc")
	want, ok := sfnt.FpdfCut(liberationsansregular.TTF, runes)
	require.True(t, ok)
	got, err := sfnt.Cut(liberationsansregular.TTF, runes)
	require.NoError(t, err)
	require.Equal(t, want, got)
	got[len(got)/2] ^= 1
	assert.NotEqual(t, want, got)
}

// TestCutStringRunes checks that a rune that is not Unicode stands for
// U+FFFD, as it does when fpdf gets the runes as a string.
func TestCutStringRunes(t *testing.T) {
	t.Parallel()
	a, err := sfnt.Cut(liberationsansregular.TTF, []rune{-1, 'x'})
	require.NoError(t, err)
	b, err := sfnt.Cut(liberationsansregular.TTF, []rune{utf8.RuneError, 'x'})
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

// BenchmarkCut and BenchmarkCutFpdf cut Liberation Sans to the PDF's
// repertoire with Cut and with fpdf's cutter: the measurement behind the
// seam (see Cut).
func BenchmarkCut(b *testing.B) {
	runes := coverage.Runes()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sfnt.Cut(liberationsansregular.TTF, runes); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCutFpdf(b *testing.B) {
	runes := coverage.Runes()
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := sfnt.FpdfCut(liberationsansregular.TTF, runes); !ok {
			b.Fatal("fpdf cannot cut Liberation Sans")
		}
	}
}

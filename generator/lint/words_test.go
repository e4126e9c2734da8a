package lint

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// TestWords checks the word scanner against what it stands for: the
// space-separated fields that are not links, cut into runs of letters and
// digits.
func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"   \t\n ", nil},
		{"Hälsoval i Region Västerbotten", []string{"Hälsoval", "i", "Region", "Västerbotten"}},
		{"BP2, LSO-plan (HSN) §12", []string{"BP2", "LSO", "plan", "HSN", "12"}},
		{"se https://example.se/a-b och [länk](http://x.se/y) här", []string{"se", "och", "här"}},
		{"nbsp\u00a0delar; tab\tdelar", []string{"nbsp", "delar", "tab", "delar"}},
		{"--- … ...", nil},
		{"漢字テキスト 123abc", []string{"漢字テキスト", "123abc"}},
		{"Ελληνικά-κείμενο", []string{"Ελληνικά", "κείμενο"}},
	} {
		var got []string
		for w := (words{s: tc.in}); w.scan(); {
			got = append(got, w.word)
		}
		assert.Equal(t, tc.want, got, "%q", tc.in)
		assert.Equal(t, referenceWords(tc.in), got, "%q against the reference", tc.in)
	}
}

// referenceWords is the definition words implements, written plainly.
func referenceWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if strings.Contains(f, "://") || strings.Contains(f, "](") {
			continue
		}
		out = append(out, strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })...)
	}
	return out
}

// FuzzWords compares the scanner with the plain definition.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"", "a b", "x://y z", "[a](b) c", "BP2,BP3", "å\u00a0ä\tö\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got []string
		for w := (words{s: s}); w.scan(); {
			got = append(got, w.word)
		}
		assert.Equal(t, referenceWords(s), got)
	})
}

// TestNameTokens checks that a token's word and what stands before it are
// read as they were: a run of letters (and hyphens inside it), and all
// that stands between it and the word before.
func TestNameTokens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []token
	}{
		{"", nil},
		{"Erika From", []token{{"Erika", ""}, {"From", " "}}},
		{"(Anna-Karin Öberg), -x", []token{{"Anna-Karin", "("}, {"Öberg", " "}, {"x", "), -"}}},
		{"Zoë  O'Neill-", []token{{"Zoë", ""}, {"O", "  "}, {"Neill-", "'"}}},
	} {
		assert.Equal(t, tc.want, nameTokens(tc.in), "%q", tc.in)
	}
}

// TestSingleSpaced compares singleSpaced with what it stands for.
func TestSingleSpaced(t *testing.T) {
	for _, s := range []string{"", " ", "Erika Frohm", " Erika Frohm", "Erika Frohm ", "Erika  Frohm", "Erika\u00a0Frohm", "Erika\tFrohm", "Åsa", "Li\u3000Wei", "a b c"} {
		assert.Equal(t, strings.Join(strings.Fields(s), " "), singleSpaced(s), "%q", s)
	}
}

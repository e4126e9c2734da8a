package hyphen

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSwedish(t *testing.T) {
	t.Parallel()
	h, err := Swedish()
	require.NoError(t, err)
	for _, tc := range []struct{ in, want string }{
		{"primärvårdsutvecklingsarbetet", "pri-mär-vårds-ut-veck-lings-ar-be-tet"},
		{"omställningen", "om-ställ-ningen"}, // three letters after the last hyphen
		{"Sjukvårdsnämnden", "Sjuk-vårds-nämn-den"},
		{"HSN", "HSN"}, // an abbreviation
		{"(primärvård),", "(pri-mär-vård),"},
		{"och", "och"},
		{"ut", "ut"},
		// Short words stay whole.
		{"både", "både"},
		{"inom", "inom"},
		{"länet", "länet"},
	} {
		assert.Equal(t, tc.want, h.Hyphenate(tc.in, "-"))
	}
}

// TestLimits checks every point of words of every length against the
// limits the hyphenator states: Left letters before, Right after, none
// in words shorter than MinWord.
func TestLimits(t *testing.T) {
	t.Parallel()
	h, err := Swedish()
	require.NoError(t, err)
	const long = "kommunikationsinsatsernas"
	for n := 1; n <= len(long); n++ {
		w := long[:n]
		for _, p := range h.Points(w) {
			assert.GreaterOrEqual(t, p, h.Left, w)
			assert.GreaterOrEqual(t, len(w)-p, h.Right, w)
			assert.GreaterOrEqual(t, len(w), h.MinWord, w)
		}
	}
}

// joinTests are compounds with their joints marked by hand: what a
// Swedish reader expects a long word to break at.
var joinTests = []struct{ in, want string }{
	{"huvudansvarig", "huvud|ansvarig"},
	{"kommunikationsinsatsen", "kommunikations|insatsen"},
	{"sjukvårdsnämnden", "sjukvårds|nämnden"},
	{"uppdragsdirektiv", "uppdrags|direktiv"},
	{"regionfullmäktige", "region|fullmäktige"},
	{"verksamhetsåret", "verksamhets|året"},
	{"Samverkansavtalet", "Samverkans|avtalet"},
	{"primärvården", "primär|vården"},
	{"primärvårdsfrågor", "primärvårds|frågor"},
	{"och", "och"},
	{"ansvarig", "ansvarig"},
}

// TestJoints checks the joints found with Debian's Swedish word list
// (hunspell-sv) against the hand-marked ones.
func TestJoints(t *testing.T) {
	t.Parallel()
	c := systemCompounds(t)
	for _, tc := range joinTests {
		var b strings.Builder
		last := 0
		for _, p := range c.Joints(tc.in) {
			b.WriteString(tc.in[last:p] + "|")
			last = p
		}
		b.WriteString(tc.in[last:])
		assert.Equal(t, tc.want, b.String())
	}
}

func TestParseCompounds(t *testing.T) {
	t.Parallel()
	c, err := ParseCompounds(strings.NewReader("4\nhuvud/ABDXY\nansvarig/AOQRY\nkommunikations-/Y\ninsats/DHUXY\n"))
	require.NoError(t, err)
	assert.Equal(t, []int{5}, c.Joints("huvudansvarig"))
	assert.Equal(t, []int{14}, c.Joints("kommunikationsinsatsen"))
	assert.Empty(t, c.Joints("ansvarig"))
	_, err = ParseCompounds(strings.NewReader("0\n"))
	assert.Error(t, err)
	missing, err := LoadCompounds(t.TempDir() + "/none.dic")
	assert.NoError(t, err)
	assert.Nil(t, missing)
	assert.Empty(t, missing.Joints("huvudansvarig"))
}

// systemCompounds loads hunspell-sv's word list: skipped where it is not
// installed, a failure in CI (.ci/run installs it).
func systemCompounds(t *testing.T) *Compounds {
	t.Helper()
	if _, err := os.Stat(SystemDictionary); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("hunspell-sv not installed (.ci/run installs it)")
		}
		t.Skip("hunspell-sv not installed")
	}
	c, err := LoadCompounds(SystemDictionary)
	require.NoError(t, err)
	return c
}

// TestCompoundBuckets checks that every word of a list is found in the
// bucket its lookup goes to, whatever its first letters (ASCII, Latin-1
// capitals, other scripts, a space before it), and that what is not a
// word of the list, or not in that set, is not found.
func TestCompoundBuckets(t *testing.T) {
	t.Parallel()
	lines := []string{
		"huvud/ABDXY", "Åsa/X", "ÄLGJAKT", "  öga/X", "Éclair", "İstanbul/X",
		"ΑΘΗΝΑ", "straße", "ÞORN", "kommunikations-/Y", "ab-", "a1b2c",
		"øre", "ÖVER-", "xy",
	}
	c, err := ParseCompounds(strings.NewReader(fmt.Sprint(len(lines)) + "\n" + strings.Join(lines, "\n")))
	require.NoError(t, err)
	found := 0
	for _, l := range lines {
		w, head, ok := entry(l)
		if !ok {
			continue
		}
		found++
		set, other := isStem, isHead
		if head {
			set, other = other, set
		}
		assert.True(t, c.in(w, set), l)
		assert.False(t, c.in(w, other), l)
		assert.False(t, c.in(w+"x", set), l)
	}
	assert.Less(t, found, len(lines)) // some lines hold no word
	assert.True(t, c.in("över", isHead))
	assert.False(t, c.in("ab", isHead))
}

// TestSystemCompoundBuckets checks the same of every line of
// hunspell-sv's list.
func TestSystemCompoundBuckets(t *testing.T) {
	t.Parallel()
	c := systemCompounds(t)
	data, err := os.ReadFile(SystemDictionary)
	require.NoError(t, err)
	words := 0
	for _, l := range strings.Split(string(data), "\n")[1:] {
		w, head, ok := entry(l)
		if !ok {
			continue
		}
		words++
		set := isStem
		if head {
			set = isHead
		}
		if !c.in(w, set) {
			t.Errorf("%q (line %q) not found", w, l)
		}
	}
	assert.Positive(t, words)
}

// TestCompoundsFileCutShort checks that a word list cut short while it is
// in use (mapped, where the system maps it) costs its joints, not the
// process.
func TestCompoundsFileCutShort(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	words := []string{"huvud", "ansvarig", "kommunikations-", "insats"}
	b.WriteString(fmt.Sprint(len(words)) + "\n")
	for i := 0; b.Len() < 64<<10; i++ {
		fmt.Fprintf(&b, "fyll%c%c%c/AB\n", 'a'+i%26, 'a'+i/26%26, 'a'+i/676%26) // pages before the words
	}
	for _, w := range words {
		b.WriteString(w + "/X\n")
	}
	path := t.TempDir() + "/sv.dic"
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	c, err := LoadCompounds(path)
	require.NoError(t, err)
	require.NotNil(t, c)
	require.NoError(t, os.Truncate(path, 0))
	assert.NotPanics(t, func() { c.Joints("huvudansvarig") })
}

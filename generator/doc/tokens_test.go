package doc

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUnbreakable(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Beslut 2025-06-16 i KS-2020-00547.", []string{"2025-06-16", "KS-2020-00547"}},
		{"Dnr HSN 1203-2024, § 173 och §§ 12–14", []string{"HSN 1203-2024", "§ 173", "§§ 12–14"}},
		{"Kostnaden är 12 500 kr, 3,5 mnkr eller 40 %.", []string{"12 500 kr", "3,5 mnkr", "40 %"}},
		{"Ring 090-785 00 00 eller +46 70 123 45 67.", []string{"090-785 00 00", "+46 70 123 45 67"}},
		{"Milstolpe BP2 i 2024-12 och 1 200 000 invånare", []string{"2024-12", "1 200 000"}},
		{"Hälso- och sjukvårdsnämnden, år 2024 och 2025", nil},
	} {
		var got []string
		for _, r := range Unbreakable(tc.in) {
			got = append(got, tc.in[r[0]:r[1]])
		}
		assert.Equal(t, tc.want, got, tc.in)
	}
}

// unbreakable is the definition of a token (see Unbreakable): the
// expression Unbreakable's matcher gives the ranges of.
var unbreakable = regexp.MustCompile(strings.Join([]string{
	`(?:§§?\x{00a0}?\s?\d+(?:\s?[–-]\s?\d+)?)`,
	`(?:\b\p{Lu}{1,6}(?:[ -]|\x{00a0})\d{1,5}(?:[-/:.]\d{1,6})+\b)`,
	`(?:(?:\+46[ \x{00a0}]?\d{1,3}|\b0\d{1,3})[- \x{00a0}]\d{2,3}(?:[ \x{00a0}]\d{2,3}){1,3}\b)`,
	`(?:\b\d{4}-\d{2}(?:-\d{2})?\b)`,
	`(?:\b\d{1,3}(?:[ \x{00a0}]\d{3})+(?:,\d+)?(?:[ \x{00a0}](?:kr|kronor|tkr|mnkr|mkr|Mkr|miljoner|miljarder|SEK|%|procent|st|timmar|tim|h|km|mil)\b)?)`,
	`(?:\b\d+(?:,\d+)?[ \x{00a0}](?:kr|kronor|tkr|mnkr|mkr|Mkr|miljoner|miljarder|SEK|procent|timmar|tim|km|mil)\b)`,
	`(?:\b\d+(?:,\d+)?[ \x{00a0}]%)`,
}, "|"))

// wholeText is what the expression finds in all of s.
func wholeText(s string) [][2]int {
	var out [][2]int
	for _, m := range unbreakable.FindAllStringIndex(s, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

// unbreakableSeeds are texts at the edges of the expression: long
// prefixes and units, tokens close together and far apart, letters glued
// to digits, other scripts, and the places where a backtracking matcher
// must give back what it took.
var unbreakableSeeds = []string{
	"Beslut 2025-06-16 i KS-2020-00547.",
	"Dnr HSN 1203-2024, § 173 och §§ 12–14 samt §§ 12 – 14 och § 7",
	"Kostnaden är 12 500 kr, 3,5 mnkr eller 40 %, 7 miljarder och 1 200 000 miljarder",
	"Ring 090-785 00 00 eller +46 70 123 45 67 eller +4670 123 45 67.",
	"ABCDEF 12-34 och ABCDEFG 12-34, ÅÄÖ 1-2, Ärende HSN\u00a01203-2024",
	"abc123-45 x_12 2024-12-01x 2024-12-01_ 12 500 000 000 kr",
	"text ord 2024-12-01 mycket lång text utan siffror som går vidare och vidare § 12",
	"Łukasz Wójcik 070-123 45 67, Trần Bảo Ngọc 2025-01-02, Пётр 12 500 kr, 東京 § 3",
	"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23",
	"§§§ 1 -- 2 §",
	"KS-2020-00547x KS-2020-0054_ AB-123456-1 ABCDEFG-1-2 Ö12-34 xÖK 12-3 ÅK\u00a012/3:4.5",
	"§§\u00a0 12 - 13 §\u00a012–x § 12 –  13 §\t7\n- 8 §§x 1",
	"+46\u00a070 123 45 67 89 +4612-345 +46 1 23 45 0701-23 45 0 12 34 56 78 90",
	"2024-12-015 12024-12-01 2024-1-01 2024-12-01-02 1 2345 1 234,5 kr 1 234,x 12 500 kronorna 3,5 mnkr. 40 %x 40 % 7 h 7 h. 5 st",
	"12, kr 12,5\u00a0SEK 12,5 SEKx 100 000 % 1 000 %a 12 miljardernas 0-1 0 12 34",
	"\xc2 \xa7 1 \xff2024-12-01 \xc2\xa7 1 Ä\xff 12-3",
	"",
}

// TestHasMark compares hasMark with the plain definition, on broken
// UTF-8 around the § sign's two bytes too.
func TestHasMark(t *testing.T) {
	for _, s := range []string{"", "inga siffror", "§", "x§y", "7", "\xc2", "\xa7", "\xc2\xc2\xa7", "\xe0\xc2\xa7", "\xa7\xc2", "ä ö å", "٣ arabisk trea"} {
		assert.Equal(t, strings.ContainsAny(s, "0123456789§"), hasMark(s), "%q", s)
	}
}

// TestUnbreakableAsWholeText: the matcher finds what the expression
// finds.
func TestUnbreakableAsWholeText(t *testing.T) {
	t.Parallel()
	for _, s := range unbreakableSeeds {
		assert.Equal(t, wholeText(s), Unbreakable(s), "%q", s)
	}
}

// FuzzUnbreakable holds Unbreakable's matcher to the expression over the
// whole text (make fuzz).
func FuzzUnbreakable(f *testing.F) {
	for _, s := range unbreakableSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Unbreakable(s), wholeText(s); !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, the whole text gives %v", s, got, want)
		}
		if got, want := hasMark(s), strings.ContainsAny(s, "0123456789§"); got != want {
			t.Fatalf("%q: hasMark %v, strings.ContainsAny %v", s, got, want)
		}
	})
}

// paragraph is a memo's paragraph with the tokens a memo has.
const paragraph = "Hälso- och sjukvårdsnämnden beslutade den 2025-06-16 (§ 173, dnr HSN 1203-2024) att ge regiondirektören i uppdrag att ta fram en plan för omställningen till en god och nära vård, med en budget om 12 500 000 kr för perioden, och att återrapportera till nämnden senast i juni 2026. Uppdraget ska genomföras i samverkan med kommunerna i länet och med representanter för patienter och närstående."

func BenchmarkUnbreakable(b *testing.B) {
	for b.Loop() {
		Unbreakable(paragraph)
	}
}

func BenchmarkUnbreakableWholeText(b *testing.B) {
	for b.Loop() {
		wholeText(paragraph)
	}
}

// TestUnbreakableRandom compares the matcher with the expression on
// texts made of the pieces tokens are made of, in random order, so that
// every run of the suite tries the places where the two could part: the
// fuzzer finds them too, but only when someone runs it.
func TestUnbreakableRandom(t *testing.T) {
	t.Parallel()
	pieces := []string{"0", "1", "2", "4", "6", "46", "12", "123", "2024", " ", " ", "\u00a0", "\t", "\n", "-", "–", "/", ":", ".", ",", "+", "§", "%", "_",
		"kr", "kronor", "mnkr", "Mkr", "SEK", "st", "h", "tim", "timmar", "mil", "miljarder", "KS", "HSN", "A", "Ö", "ÅÄ", "x", "é", "中", "\xff", "\xc2"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := Unbreakable(s), wholeText(s); !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, the expression gives %v", s, got, want)
		}
	}
}

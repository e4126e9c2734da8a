package doc

import (
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

// wholeText is Unbreakable without marked: the expression over all of s.
func wholeText(s string) [][2]int {
	var out [][2]int
	for _, m := range unbreakable.FindAllStringIndex(s, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

// unbreakableSeeds are texts whose tokens sit at the edges of what marked
// keeps: long prefixes and units, tokens close together and far apart,
// letters glued to digits, other scripts.
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
	"",
}

// TestHasMark compares hasMark with the plain definition, on broken
// UTF-8 around the § sign's two bytes too.
func TestHasMark(t *testing.T) {
	for _, s := range []string{"", "inga siffror", "§", "x§y", "7", "\xc2", "\xa7", "\xc2\xc2\xa7", "\xe0\xc2\xa7", "\xa7\xc2", "ä ö å", "٣ arabisk trea"} {
		assert.Equal(t, strings.ContainsAny(s, "0123456789§"), hasMark(s), "%q", s)
	}
}

// TestUnbreakableAsWholeText: running the expression over the marked
// stretches only finds what running it over the whole text finds.
func TestUnbreakableAsWholeText(t *testing.T) {
	t.Parallel()
	for _, s := range unbreakableSeeds {
		assert.Equal(t, wholeText(s), Unbreakable(s), "%q", s)
	}
}

// FuzzUnbreakable holds Unbreakable to the expression over the whole text
// (make fuzz).
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

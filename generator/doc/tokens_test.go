package doc

import (
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

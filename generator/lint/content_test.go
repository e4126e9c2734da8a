package lint_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/underlag/underlag/generator/lint"
)

// Finding 9: review rules that cried wolf. Each case is a text that was
// flagged and must not be, or one that must still be.
func TestReviewFalsePositives(t *testing.T) {
	t.Parallel()
	reg := registries(t)
	l := lint.Default()
	for _, tc := range []struct {
		name, file string
		want       []string
	}{
		{"a word in capitals for emphasis", memoHead + "jämställdhet: Ärendet ska INTE påverka ALLA och OBS gäller ENDAST nämnden.\n", nil},
		{"company forms", memoHead + "jämställdhet: Avtalet tecknas med Exempel AB, Bygg HB och Konsult KB.\n", nil},
		{"a real abbreviation is still flagged", memoHead + "jämställdhet: Ärendet ska INTE gå till LSG.\n",
			[]string{"doc.yaml:8:40: warning: jämställdhet: the abbreviation LSG is not defined [undefined-abbreviation]"}},
		{"the document allows a word for itself", memoHead + "jämställdhet: Ärendet går till LSG.\ngranskning:\n  tillåtna: [LSG]\n", nil},
		{"a signing notice ending in an id ends the file", memoHead + "jämställdhet: |\n  Ärendet påverkar inte jämställdheten. Dokumentet är elektroniskt signerat med BankID.\n  Transaktions-ID: 09222115557512345678\n", nil},
		{"a notice of label and name ends the file", memoHead + "jämställdhet: |\n  Ärendet påverkar inte jämställdheten. Dokumentet är elektroniskt signerat. Signerat av: Anna Ek\n", nil},
		{"a sentence cut off after a colon is still flagged", memoHead + "jämställdhet: |\n  Nämnden föreslås besluta om detta: att anta planen och\n",
			[]string{`doc.yaml:9:54: warning: jämställdhet: jämställdhet ends mid-sentence ("… detta: att anta planen och"), and it ends the file: was the file cut off? [unfinished-text]`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tc.want, lines(l.Document(input(t, reg, nil, tc.file))))
		})
	}
}

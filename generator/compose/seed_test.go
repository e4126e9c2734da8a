package compose

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/underlag/underlag/internal/testenv"
)

// The seeds are the two real documents the generator must reproduce
// (/work/shared/seeds, beside the repository). The test composes the same
// content from YAML, renders it as Markdown and checks that every line of
// the seed's text occurs in the output, in the seed's order, under the
// seed's numbered headings.
//
// Lines are compared as sequences of words (letters and digits), so that
// Markdown markup, table pipes and the extraction's line wrapping do not
// matter. What the seed text has that no generator could or should
// reproduce is normalised first and listed here:
//   - the page header that leaked into the memo at its page break;
//   - the Delaktiviteter table's header row repeated at a page break;
//   - the author's date forms (241118, "31/10 2025", "Mars 2025"), which
//     the issue asks to write as ISO dates in tables.
// Two kinds of line may match earlier than the line before them, within a
// short window: the Delaktiviteter row the page break tore apart (its
// Ansvarig cell was printed before the rest of its Aktivitet cell) and
// the definitions, which the issue asks to sort in Swedish order where the
// seed has them unsorted.

type seedCase struct {
	seed     string   // file in the seeds directory
	data     []string // data files to compose, first found wins per case
	dates    [][2]string
	artefact []string // seed lines that are page furniture
}

var seedCases = []seedCase{
	{
		seed: "000_2ff3e22ed69ba12b.txt",
		data: []string{"../../data/uppdragsdirektiv-nara-vard-2025.yaml"},
		dates: [][2]string{
			// The timeline prints ISO; the milestones and activities print
			// months by name, as the original (datumformat in
			// data/organisation.yaml).
			{`September\s+Oktober`, "2025-09 2025-10"},
			{`31/10\s+2025`, "31 oktober 2025"},
			{`\b(2[45])(\d\d)(\d\d)\b`, "20$1-$2-$3"},
		},
		artefact: []string{" Aktivitet Startdatum Slutdatum Ansvarig "},
	},
	{
		seed:     "001_b719a14e324fc501.txt",
		data:     []string{"../../data/tjansteskrivelse-hsn-1203-2024.yaml", "testdata/tjansteskrivelse.yaml"},
		artefact: []string{" 2 (2)", "Tjänsteskrivelse", "2024-11-20"},
	},
}

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func TestSeeds(t *testing.T) {
	t.Parallel()
	dir := testenv.SeedsDir(t)
	c := newComposer(t)
	for _, sc := range seedCases {
		for _, data := range sc.data {
			if _, err := os.Stat(data); err != nil {
				continue
			}
			t.Run(filepath.Base(data), func(t *testing.T) {
				t.Parallel()
				raw, err := os.ReadFile(filepath.Join(dir, sc.seed))
				if err != nil {
					t.Fatal(err)
				}
				seed := string(raw)
				for _, d := range sc.dates {
					seed = regexp.MustCompile(d[0]).ReplaceAllString(seed, d[1])
				}
				out := renderMD(t, compose(t, c, fixture(t, data)))
				out = strings.ReplaceAll(out, "<br>", " ")
				got := words(out)
				artefacts := map[string]bool{}
				for _, a := range sc.artefact {
					artefacts[strings.Join(words(a), " ")] = true
				}
				pos, reordered, checked := 0, 0, 0
				seen := map[string]bool{}
				for i, line := range strings.Split(seed, "\n") {
					want := words(line)
					if len(want) == 0 {
						continue
					}
					key := strings.Join(want, " ")
					if artefacts[key] && seen[key] {
						continue // page furniture, repeated at a page break
					}
					seen[key] = true
					checked++
					if at := find(got, want, pos); at >= 0 {
						pos = at + len(want)
						continue
					}
					const window = 120 // words back: one table row or definitions list
					if at := find(got, want, max(0, pos-window)); at >= 0 && at < pos {
						reordered++
						t.Logf("seed line %d matched %d words before the line before it: %q", i+1, pos-at, strings.TrimSpace(line))
						continue
					}
					if artefacts[key] {
						continue
					}
					t.Errorf("seed line %d not found in order: %q\nafter: %q", i+1, strings.TrimSpace(line), strings.Join(got[max(0, pos-12):pos], " "))
				}
				if reordered > 12 {
					t.Errorf("%d seed lines matched out of order; expected only the torn table row and the sorted definitions", reordered)
				}
				t.Logf("%d seed lines checked, %d matched within the reorder window", checked, reordered)
			})
			break
		}
	}
}

// find returns the index of the first occurrence of want in got at or
// after from, or -1.
func find(got, want []string, from int) int {
outer:
	for i := from; i+len(want) <= len(got); i++ {
		for j, w := range want {
			if got[i+j] != w {
				continue outer
			}
		}
		return i
	}
	return -1
}

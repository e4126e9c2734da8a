package seedcheck

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/internal/testenv"
)

func readSeed(t *testing.T, dir, prefix string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, prefix+"*.txt"))
	if err != nil || len(m) != 1 {
		t.Fatalf("want one seed %s*.txt in %s, found %v (%v)", prefix, dir, m, err)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSeedsInData is the proof the issue asks for: every sentence, list
// item, table row and signature field of both seeds is in the YAML, in the
// seeds' order.
func TestSeedsInData(t *testing.T) {
	t.Parallel()
	seeds := testenv.SeedsDir(t)
	root := testenv.RepoRoot(t)
	for _, spec := range Specs() {
		t.Run(spec.Seed, func(t *testing.T) {
			t.Parallel()
			frags, dropped, err := spec.Prepare(readSeed(t, seeds, spec.Seed))
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(filepath.Join(root, spec.Data))
			if err != nil {
				t.Fatal(err)
			}
			values, err := Scalars(data)
			if err != nil {
				t.Fatalf("%s: %v", spec.Data, err)
			}
			for _, p := range Check(frags, Corpus(values)) {
				t.Errorf("%s: %s", spec.Data, p)
			}
			if len(frags) < 20 {
				t.Errorf("only %d fragments from the seed; the splitting is broken", len(frags))
			}
			checkLabels(t, root, data, spec, dropped)
		})
	}
}

// checkLabels proves that what Spec.Labels drops from the seed is drawn by
// the templates: each label is used, and is a label of
// templates/etiketter.yaml (with {år} the data's year), a heading the data
// renames in `rubriker:`, or a row of such labels.
func checkLabels(t *testing.T, root string, data []byte, spec Spec, dropped []string) {
	t.Helper()
	var defaults map[string]string
	b, err := os.ReadFile(filepath.Join(root, "templates", "etiketter.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &defaults); err != nil {
		t.Fatalf("templates/etiketter.yaml: %v", err)
	}
	var doc struct {
		Year     string            `yaml:"år"`
		Rubriker map[string]string `yaml:"rubriker"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, v := range defaults {
		known[Normalize(strings.ReplaceAll(v, "{år}", doc.Year))] = true
	}
	for _, v := range doc.Rubriker {
		known[Normalize(v)] = true
	}
	used := map[string]bool{}
	for _, d := range dropped {
		used[d] = true
	}
	for _, l := range spec.Labels {
		l = Normalize(l)
		if !used[l] {
			t.Errorf("label %q is not in the seed; remove it from the spec", l)
		}
		if !isLabelRow(strings.TrimSuffix(l, ":"), known) {
			t.Errorf("label %q is neither a template label (templates/etiketter.yaml) nor renamed in the data's rubriker, so the data must hold it", l)
		}
	}
}

// isLabelRow reports whether s is one known label or several separated by
// spaces (a row of column heads).
func isLabelRow(s string, known map[string]bool) bool {
	if known[s] {
		return true
	}
	words := strings.Fields(s)
	for i := 1; i < len(words); i++ {
		if known[strings.Join(words[:i], " ")] && isLabelRow(strings.Join(words[i:], " "), known) {
			return true
		}
	}
	return false
}

// TestSeedsCheckFails shows the check can fail on the real data: a sentence
// taken out of the directive, or two list items swapped, is reported.
func TestSeedsCheckFails(t *testing.T) {
	t.Parallel()
	seeds := testenv.SeedsDir(t)
	root := testenv.RepoRoot(t)
	spec := directive()
	frags, _, err := spec.Prepare(readSeed(t, seeds, spec.Seed))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, spec.Data))
	if err != nil {
		t.Fatal(err)
	}
	data := string(b)
	tests := []struct {
		name       string
		old, new   string
		want       string
		outOfOrder bool
	}{
		{
			name: "sentence removed",
			old:  " En genomlysning av primärvården genomfördes under 2023.",
			want: "En genomlysning av primärvården genomfördes under 2023.",
		},
		{
			name: "list items swapped",
			old:  "  - Gemensam primärvårdsplan\n  - Samverkansstrukturer\n",
			new:  "  - Samverkansstrukturer\n  - Gemensam primärvårdsplan\n",
			want: "Samverkansstrukturer", outOfOrder: true,
		},
		{
			name: "date changed",
			old:  "start: 2024-11-21",
			new:  "start: 2024-11-22",
			want: "2024-11-21",
		},
		{
			name: "signature removed",
			old:  "  - roll: Uppdragsägare\n",
			new:  "  - roll: Uppdragsledare\n",
			want: "Uppdragsägare", outOfOrder: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if strings.Count(data, tt.old) != 1 {
				t.Fatalf("the data no longer holds %q once; update the test", tt.old)
			}
			values, err := Scalars([]byte(strings.Replace(data, tt.old, tt.new, 1)))
			if err != nil {
				t.Fatal(err)
			}
			probs := Check(frags, Corpus(values))
			if len(probs) != 1 || probs[0].Fragment != tt.want || probs[0].OutOfOrder != tt.outOfOrder {
				t.Errorf("problems %v, want only %q (out of order: %v)", probs, tt.want, tt.outOfOrder)
			}
		})
	}
}

func TestFragments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		seed   string
		labels []string
		want   []string
	}{
		{
			name: "lines joined, sentences split",
			seed: "Första meningen fortsätter \npå nästa rad. Andra meningen; tredje delen:\nfjärde\n",
			want: []string{"Första meningen fortsätter på nästa rad.", "Andra meningen;", "tredje delen:", "fjärde"},
		},
		{
			name: "heading numbers removed, heading on its own",
			seed: " 1. Bakgrund\nText.\n2.1. Effektmål\nMer text.\n10.Kommunikation\nSist.",
			want: []string{"Bakgrund", "Text.", "Effektmål", "Mer text.", "Kommunikation", "Sist."},
		},
		{
			name: "private-use bullet glyph starts an item",
			seed: "Genom att:\n\n\uf02d Ett. \n\uf02d Två som \nfortsätter.\n\uf0b7 Tre",
			want: []string{"Genom att:", "Ett.", "Två som fortsätter.", "Tre"},
		},
		{
			name: "indented line starts an item, dash item marker dropped",
			seed: "Mål:\n Ett mål\n Ett till\n- Tredje\n+ plus stannar",
			want: []string{"Mål:", "Ett mål", "Ett till", "Tredje", "+ plus stannar"},
		},
		{
			name: "lower-case line after a blank continues the item",
			seed: " Samverkan är stärkt i länet \n\noch mellan vårdnivåerna.\n\nNästa stycke.",
			want: []string{"Samverkan är stärkt i länet och mellan vårdnivåerna.", "Nästa stycke."},
		},
		{
			name: "leaked page header removed",
			seed: "Jämställdhet\n\n\n\n 2 (2)\n\nTjänsteskrivelse\n2024-11-20\n\nÄrendet är neutralt.",
			want: []string{"Jämställdhet", "Ärendet är neutralt."},
		},
		{
			name:   "label line is its own fragment",
			seed:   "Titel\nSammanfattning\nText som följer.",
			labels: []string{"Sammanfattning"},
			want:   []string{"Titel", "Sammanfattning", "Text som följer."},
		},
		{
			name: "quotes and whitespace normalised",
			seed: "att “hitta   rätt”\tnu",
			want: []string{`att "hitta rätt" nu`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Fragments(tt.seed, tt.labels); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Fragments:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	corpus := Corpus([]string{"Första meningen.", "- Andra\n  meningen med “citat”.", `\+ plus`, "BP10", "2025-09"})
	tests := []struct {
		name  string
		frags []string
		want  []Problem
	}{
		{name: "all in order", frags: []string{"Första meningen.", `Andra meningen med "citat".`, "+ plus", "2025-09"}},
		{name: "missing", frags: []string{"Första meningen.", "Saknad mening.", "+ plus"},
			want: []Problem{{Index: 1, Fragment: "Saknad mening."}}},
		{name: "out of order", frags: []string{"+ plus", "Första meningen."},
			want: []Problem{{Index: 1, Fragment: "Första meningen.", OutOfOrder: true}}},
		{name: "a missing fragment does not hide the next", frags: []string{"Saknas.", "Första meningen.", "Också borta."},
			want: []Problem{{Index: 0, Fragment: "Saknas."}, {Index: 2, Fragment: "Också borta."}}},
		{name: "whole words only", frags: []string{"BP1", "2025-0"},
			want: []Problem{{Index: 0, Fragment: "BP1"}, {Index: 1, Fragment: "2025-0"}}},
		{name: "changed spelling", frags: []string{"Första meningen"}, want: nil},
		{name: "changed punctuation", frags: []string{"Första meningen!"},
			want: []Problem{{Index: 0, Fragment: "Första meningen!"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Check(tt.frags, corpus); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestScalars(t *testing.T) {
	t.Parallel()
	got, err := Scalars([]byte("# kommentar\ntyp: x\nlista:\n  - &a {namn: A, titel: B}\n  - *a\ntext: |\n  rad ett\n  rad två\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"x", "A", "B", "A", "B", "rad ett\nrad två\n"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Scalars = %q, want %q", got, want)
	}
	if _, err := Scalars([]byte("a: [")); err == nil {
		t.Error("Scalars of malformed YAML: no error")
	}
}

func TestApplyFixes(t *testing.T) {
	t.Parallel()
	frags := []string{"a", "241118", "b", "b"}
	got, err := ApplyFixes(frags, []Fix{{Old: "\n241118\n", New: "\n2024-11-18\n"}, {Old: "a\n", New: "a\nx\n"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "x", "2024-11-18", "b", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ApplyFixes = %q, want %q", got, want)
	}
	for _, old := range []string{"saknas", "b"} {
		if _, err := ApplyFixes(frags, []Fix{{Old: old, New: "y"}}); err == nil {
			t.Errorf("fix %q: no error, want one (it must match exactly once)", old)
		}
	}
}

func TestDropLabels(t *testing.T) {
	t.Parallel()
	kept, dropped := DropLabels([]string{"Bakgrund", "Text.", "Uppdragsägare:", "Uppdragsägare"}, []string{"Bakgrund", "Uppdragsägare:"})
	if want := []string{"Text.", "Uppdragsägare"}; !reflect.DeepEqual(kept, want) {
		t.Errorf("kept %q, want %q", kept, want)
	}
	if want := []string{"Bakgrund", "Uppdragsägare:"}; !reflect.DeepEqual(dropped, want) {
		t.Errorf("dropped %q, want %q", dropped, want)
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"  a \n\t b  ", "a b"},
		{"”citat” och ’enkla’", `"citat" och 'enkla'`},
		{`\+ plus \* stjärna \\ bak`, `+ plus * stjärna \ bak`},
		{"a\u0308", "ä"}, // NFC
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

package load_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/load"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/syntax from the current output")

// syntaxHead is the start of a memo, so that the mistakes below sit where
// they would in a real file, not on line 1.
const syntaxHead = "# yaml-language-server: $schema=../schema/tjansteskrivelse.json\n" +
	"typ: tjänsteskrivelse\n" +
	"version: 1\n" +
	"nämnd: HSN\n" +
	"datum: 2024-12-03\n"

// syntaxCases are the YAML mistakes a new user makes. Each golden file,
// testdata/syntax/NAME.golden, is what the user sees: the diagnostics in
// the compiler form of diag.Format, with the caret under the mistake.
var syntaxCases = []struct {
	name string
	file string
}{
	{"missing-space-after-colon", syntaxHead + "titel:HSD\nsammanfattning: Kort.\n"},
	{"missing-space-after-colon-nested", syntaxHead + "handläggare:\n  namn:Anna Ek\n  titel: Utredare\nsammanfattning: Kort.\n"},
	{"tab", syntaxHead + "handläggare:\n  namn: Anna Ek\n\ttitel: Utredare\nsammanfattning: Kort.\n"},
	{"bad-indentation", syntaxHead + "handläggare:\n  namn: Anna Ek\n titel: Utredare\nsammanfattning: Kort.\n"},
	{"bad-indentation-deeper", syntaxHead + "handläggare:\n  namn: Anna Ek\n   titel: Utredare\nsammanfattning: Kort.\n"},
	{"bad-indentation-in-list", syntaxHead + "sammanfattning: Kort.\nbeslutsunderlag:\n  - titel: Tjänsteskrivelse\n    datum: 2024-11-20\n  fil: skrivelse.pdf\n"},
	{"text-less-indented", syntaxHead + "sammanfattning: |\n  Regionfullmäktige har gett nämnderna\n uppdrag med olika inriktning: att minska kostnaderna.\nförslag_till_beslut: Att godkänna.\n"},
	{"first-key-indented", " typ: tjänsteskrivelse\nversion: 1\nnämnd: HSN\n"},
	{"unclosed-quote", syntaxHead + "titel: \"Nära vård\nsammanfattning: Kort.\nförslag_till_beslut: Att godkänna.\n"},
	{"unclosed-quote-in-list", syntaxHead + "sammanfattning: Kort.\nexpedieras_till:\n  - namn: 'Anna Ek\n  - namn: Per Lind\n"},
	{"value-with-colon", syntaxHead + "sammanfattning: Mål: bättre vård\n"},
	{"latin-1", "typ: tj\xe4nsteskrivelse\nversion: 1\nn\xe4mnd: HSN\n"},
}

func TestSyntaxErrorsGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range syntaxCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, diags := load.Bytes("data/"+tc.name+".yaml", []byte(tc.file))
			if !diags.HasErrors() {
				t.Fatalf("no error for %q", tc.file)
			}
			var got bytes.Buffer
			for _, d := range diags {
				if err := diag.Format(&got, d); err != nil {
					t.Fatal(err)
				}
			}
			golden(t, filepath.Join("testdata", "syntax", tc.name+".golden"), got.Bytes())
		})
	}
}

// golden compares got with the file at path, or with -update writes it.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

package compose

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/underlag/underlag/generator/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/tmplerr from the current output")

// TestTemplateErrorGolden composes the memo fixture with a template that
// asks for a field that does not exist. Each case is a template directory
// testdata/tmplerr/NAME holding the broken template; NAME.golden beside it
// is what the author sees: diag.Format's compiler form, with the caret
// under the field, a "did you mean" and the fields there are.
func TestTemplateErrorGolden(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"field-typo", "field-in-range", "field-of-field",
		"unclosed-brace", "unclosed-action", "unknown-function", "label-typo", "label-unknown"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join("testdata", "tmplerr", name)
			_, ds := newComposer(t, WithTemplateDir(dir)).Compose(fixture(t, testdata("tjansteskrivelse.yaml")))
			if !ds.HasErrors() {
				t.Fatal("no error")
			}
			var got bytes.Buffer
			for _, d := range ds.Errors() {
				if err := diag.Format(&got, d); err != nil {
					t.Fatal(err)
				}
			}
			golden(t, dir+".golden", labelCount.ReplaceAll(got.Bytes(), []byte("there are N labels")))
		})
	}
}

// labelCount is the number of valid labels in a message, which grows with
// every label a branch adds: the goldens say N, and TestUnknownLabel
// checks the number against the keys.
var labelCount = regexp.MustCompile(`there are \d+ labels`)

func TestUnknownLabel(t *testing.T) {
	t.Parallel()
	keys := []string{"bakgrund", "sammanfattning", "förslag_till_beslut"}
	for _, tc := range []struct{ key, want string }{
		{"sammanfatning", `no label "sammanfatning" in etiketter.yaml; did you mean "sammanfattning"?`},
		{"qqqqqqqqqqq", fmt.Sprintf(`no label "qqqqqqqqqqq" in etiketter.yaml (there are %d labels;`, len(keys))},
	} {
		if got := unknownLabel(tc.key, "etiketter.yaml", keys); !strings.HasPrefix(got, tc.want) {
			t.Errorf("unknownLabel(%q) = %q, want it to begin %q", tc.key, got, tc.want)
		}
	}
}

// golden compares got with the file at path, or with -update writes it.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
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

// A memo template that does not parse fails the memos, with the same
// diagnostic each (which a build shows once), and nothing else: the
// directive and the status report, whose templates are fine, compose.
func TestBrokenTemplateFailsOnlyItsDocuments(t *testing.T) {
	t.Parallel()
	c := newComposer(t, WithTemplateDir(filepath.Join("testdata", "tmplerr", "unknown-function")))
	var first diag.Diagnostic
	for _, tc := range []struct {
		file string
		fail bool
	}{
		{"tjansteskrivelse.yaml", true},
		{"uppdragsdirektiv.yaml", false},
		{"statusrapport.yaml", false},
		{"tjansteskrivelse.yaml", true},
	} {
		tree, ds := c.Compose(fixture(t, testdata(tc.file)))
		if !tc.fail {
			if ds.HasErrors() || tree == nil {
				t.Errorf("%s: %v", tc.file, ds.Errors())
			}
			continue
		}
		errs := ds.Errors()
		if len(errs) != 1 {
			t.Fatalf("%s: want one error, got %v", tc.file, errs)
		}
		if first == (diag.Diagnostic{}) {
			first = errs[0]
		} else if errs[0] != first {
			t.Errorf("%s: the error differs from the first memo's:\n%v\n%v", tc.file, errs[0], first)
		}
		if !strings.HasSuffix(errs[0].File, "tjansteskrivelse.md.tmpl") {
			t.Errorf("%s: the error is against %s, not the template", tc.file, errs[0].File)
		}
	}
}

func TestTemplateErrorSourceLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, path string
		line       int
		node       string
		want       string
	}{
		{"embedded", "templates/tjansteskrivelse.md.tmpl", 12, ".Summary", "{{ md .Summary }}"},
		{"on disk", "testdata/tmplerr/field-typo/tjansteskrivelse.md.tmpl", 6, ".Sumary", "{{ md .Sumary }}"},
		{"line does not hold the node", "templates/tjansteskrivelse.md.tmpl", 12, ".Sumary", ""},
		{"line out of range", "templates/tjansteskrivelse.md.tmpl", 10000, ".Summary", ""},
		{"no such template", "saknas/x.md.tmpl", 1, ".X", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(sourceLine(tt.path, tt.line, tt.node)); got != tt.want {
				t.Errorf("sourceLine(%q, %d) = %q, want %q", tt.path, tt.line, got, tt.want)
			}
		})
	}
}

func TestTemplateErrorNotExec(t *testing.T) {
	t.Parallel()
	d := templateError("x.md.tmpl", os.ErrClosed)
	if d != (diag.Diagnostic{File: "x.md.tmpl", Msg: os.ErrClosed.Error()}) {
		t.Errorf("templateError = %+v", d)
	}
}

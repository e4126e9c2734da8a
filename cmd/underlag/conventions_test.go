package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// executeIn runs the command line with in as standard input.
func executeIn(t *testing.T, in string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := newApp(strings.NewReader(in), &out, &errOut)
	code := runApp(context.Background(), a, args)
	return code, out.String(), errOut.String()
}

// The flags follow pandoc, the tool these users know; an unknown flag
// says which one was meant.
func TestFlagConventions(t *testing.T) {
	t.Parallel()
	memo := filepath.Join(composeFixtures, "tjansteskrivelse.yaml")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string // in standard error
	}{
		{"to", []string{"render", memo, "-t", "md"}, 0, nil},
		{"to long", []string{"render", memo, "--to", "markdown"}, 0, nil},
		{"format still works, deprecated", []string{"render", memo, "--format", "md"}, 0, []string{"Flag --format has been deprecated, use -t/--to"}},
		{"to against extension", []string{"render", memo, "-o", "x.pdf", "-t", "docx"}, 2, []string{"--to docx disagrees with the output file x.pdf"}},
		{"f is not the format", []string{"render", memo, "-f", "pdf"}, 2, []string{"unknown shorthand flag: 'f'", "hint: the output format is -t/--to, as in pandoc"}},
		{"from", []string{"render", memo, "--from", "markdown"}, 2, []string{"unknown flag: --from", "underlag reads YAML data only"}},
		{"typo of a flag", []string{"render", memo, "--templtes", "x"}, 2, []string{"unknown flag: --templtes", "hint: did you mean --templates?"}},
		{"typo of the old name", []string{"render", memo, "--formt", "pdf"}, 2, []string{"hint: did you mean --to?"}},
		{"build output is --out", []string{"build", "--output", "x", "-t", "odt"}, 2, []string{`unknown format "odt"`}},
		{"watch output is --out", []string{"watch", "--output", "x", "-t", "odt"}, 2, []string{`unknown format "odt"`}},
		{"typo of build's output", []string{"build", "--outptu", "x"}, 2, []string{"hint: did you mean --out"}},
		{"nothing near", []string{"validate", "--zzzzzz"}, 2, []string{"underlag validate --help"}},
		{"reference-doc alias", []string{"render", memo, "-o", "x.pdf", "--reference-doc", "r.docx"}, 2, []string{"--reference-docx applies to DOCX and HTML output only, not pdf"}},
		{"reference-doc alias on build", []string{"build", "--reference-doc", filepath.Join("testdata", "finns-inte.docx"), "-o", "x"}, 1, []string{"finns-inte.docx"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := execute(t, tc.args...)
			assert.Equal(t, tc.code, code, errOut)
			for _, w := range tc.want {
				assert.Contains(t, errOut, w)
			}
			assert.NotContains(t, out, "deprecated", "warnings never go into the output")
		})
	}
}

// `underlag version`, `underlag --version` and `underlag -v` say the same.
func TestOneVersionString(t *testing.T) {
	t.Parallel()
	var outs []string
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		code, out, errOut := execute(t, args...)
		require.Equal(t, 0, code, errOut)
		outs = append(outs, out)
	}
	assert.True(t, strings.HasPrefix(outs[0], "underlag "), outs[0])
	assert.Equal(t, outs[0], outs[1])
	assert.Equal(t, outs[0], outs[2])
}

// `render -` reads the document from standard input; its registries and
// references are found from the working directory (so the test does not
// run in parallel with others: it changes directory).
func TestRenderStdin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(composeFixtures, "tjansteskrivelse.yaml"))
	require.NoError(t, err)
	t.Chdir(composeFixtures)
	for _, tc := range []struct {
		name string
		in   string
		code int
		out  string
		err  string
	}{
		{"document", string(data), 0, "# Utveckling av samspelet", ""},
		{"broken", "typ: tjänsteskrivelse\nversion: 1\nnämnd HSN\n", 1, "", "<stdin>:3:"},
		{"empty", "", 1, "", "<stdin>:1:1: error: empty file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := executeIn(t, tc.in, "render", "-", "-t", "md")
			assert.Equal(t, tc.code, code, errOut)
			assert.True(t, strings.HasPrefix(out, tc.out), out)
			assert.Contains(t, errOut, tc.err)
		})
	}
}

// build on a folder without data files fails as validate does.
func TestBuildNothing(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	for _, cmd := range []string{"build", "validate"} {
		code, _, errOut := execute(t, cmd, empty, "-q")
		if cmd == "validate" {
			code, _, errOut = execute(t, cmd, empty)
		}
		assert.Equal(t, 1, code, cmd)
		want := map[string]string{"build": "no documents (*.yaml, *.yml other than organisation.yaml, ordlista.yaml, personer.yaml) in ", "validate": "no YAML files (*.yaml, *.yml) in "}[cmd]
		assert.Contains(t, errOut, want+empty, cmd)
	}
	assert.NoDirExists(t, filepath.Join(empty, "out"))
}

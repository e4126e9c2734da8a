package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files of the lint tests")

// The example data holds real problems of real committee papers, and lint
// must report each at its line and nothing else: the golden file is the
// exact output of `underlag lint data/`. Every position in it was checked
// by opening the YAML file at that line.
func TestLintExampleData(t *testing.T) {
	t.Parallel()
	code, out, errOut := execute(t, "lint", "../../data/")
	assert.Equal(t, 0, code, "warnings alone do not fail: %s", errOut)
	assert.Empty(t, errOut)
	got := strings.ReplaceAll(out, "../../data/", "data/")
	golden := filepath.Join("testdata", "lint-data.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

func TestLintStrict(t *testing.T) {
	t.Parallel()
	code, _, errOut := execute(t, "validate", "--strict", "../../data/")
	assert.Equal(t, 1, code, "the example data has warnings")
	assert.Contains(t, errOut, "16 files checked: 0 errors, 13 warnings, 1 info\nunderlag: 13 warnings (--strict fails on warnings)\n")
	code, _, _ = execute(t, "lint", "--strict", "../../data/")
	assert.Equal(t, 1, code)

	// The organisation tunes the rules in its profile: the findings it
	// accepts stop failing the run.
	dir := copyData(t)
	appendFile(t, filepath.Join(dir, "organisation.yaml"), `granskning:
  regler:
    timeline-milestone-date: info
    heading-year: info
    name-near-miss: av
    placeholder: info
  tillåtna: [LSG, LPO, NSVU, NSV, LSO2]
`)
	code, _, errOut = execute(t, "validate", "--strict", dir)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "16 files checked: 0 errors, 0 warnings, 6 info\n")
	code, _, errOut = execute(t, "lint", "--strict", dir)
	assert.Equal(t, 0, code, errOut)
}

// An author silences one finding with a comment on its line.
func TestLintIgnoreComment(t *testing.T) {
	t.Parallel()
	dir := copyData(t)
	p := filepath.Join(dir, "uppdragsdirektiv-nara-vard-2025.yaml")
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	data = []byte(strings.Replace(string(data), "risker: xxxx\n", "risker: xxxx  # underlag:ignore placeholder – så står det i originalet\n", 1))
	require.NoError(t, os.WriteFile(p, data, 0o644))
	_, out, _ := execute(t, "lint", dir)
	assert.NotContains(t, out, "placeholder")
	assert.Contains(t, out, "0 errors, 12 warnings, 1 info")
}

func TestValidateIncomplete(t *testing.T) {
	t.Parallel()
	dir := copyData(t)
	memo := filepath.Join(dir, "tjansteskrivelse-hsn-1203-2024.yaml")
	data, err := os.ReadFile(memo)
	require.NoError(t, err)
	data = []byte(strings.Replace(strings.Replace(string(data), "diarienummer: HSN 1203-2024\n", "", 1), "datum: 2024-11-20\n", "", 1))
	require.NoError(t, os.WriteFile(memo, data, 0o644))
	code, _, errOut := execute(t, "validate", dir)
	assert.Equal(t, 1, code, "a memo without datum and diarienummer fails")
	assert.Contains(t, errOut, memo+":12:1: error: datum: required field datum is missing; a tjänsteskrivelse must have it before it goes to a committee [required-field]\n")
	assert.Contains(t, errOut, memo+":12:1: error: diarienummer: required field diarienummer is missing; a tjänsteskrivelse must have it before it goes to a committee [required-field]\n")
}

// A directive cut off anywhere (half of it, or at any of fifteen points
// through it) fails validate: the cut shows as a required field missing,
// or as a file that is no longer YAML, never as a shorter document.
func TestValidateCutDirective(t *testing.T) {
	t.Parallel()
	full, err := os.ReadFile("../../data/uppdragsdirektiv-nara-vard-2025.yaml")
	require.NoError(t, err)
	for i := 1; i <= 15; i++ {
		at := len(full) * i / 16
		if i == 8 {
			at = len(full) / 2
		}
		dir := copyData(t)
		p := filepath.Join(dir, "uppdragsdirektiv-nara-vard-2025.yaml")
		require.NoError(t, os.WriteFile(p, full[:at], 0o644))
		code, _, errOut := execute(t, "validate", p)
		assert.Equal(t, 1, code, "cut at byte %d of %d:\n%s", at, len(full), errOut)
	}
	// A cut in the last text of a file is seen as a sentence that stops.
	dir := copyData(t)
	p := filepath.Join(dir, "statusrapport-nara-vard-2025-11-15.yaml")
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	cut := strings.Index(string(data), "Implementeringsplanen (DA2) är försenad")
	require.Greater(t, cut, 0)
	require.NoError(t, os.WriteFile(p, data[:cut+len("Implementeringsplanen (DA2) är")], 0o644))
	_, out, _ := execute(t, "lint", p)
	assert.Contains(t, out, "  23:69  warning  unfinished-text  status.kommentar: status.kommentar ends mid-sentence (\"… är klara. Implementeringsplanen (DA2) är\"), and it ends the file: was the file cut off?\n")
}

func TestLintGitHubAnnotations(t *testing.T) {
	t.Parallel()
	env := map[string]string{"GITHUB_ACTIONS": "true"}
	code, out, _ := executeEnv(t, env, "lint", "../../data/")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "::warning file=../../data/uppdragsdirektiv-nara-vard-2025.yaml,line=130,col=9,title=underlag placeholder::risker: the text holds the placeholder \"xxxx\"\n")
	assert.Contains(t, out, "::notice file=../../data/uppdragsdirektiv-nara-vard-2025.yaml,line=225,col=11,title=underlag unused-definition::")

	// With the report in a file, the annotations still go to the log.
	_, out, _ = executeEnv(t, env, "lint", "--format", "sarif", "-o", filepath.Join(t.TempDir(), "r.sarif"), "../../data/")
	assert.Contains(t, out, "::warning file=../../data/uppdragsdirektiv-nara-vard-2025.yaml,line=130,col=9,")

	// Not into a machine report on standard output.
	_, out, _ = executeEnv(t, env, "lint", "--format", "json", "../../data/")
	assert.NotContains(t, out, "::warning")
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &v))

	// Without GITHUB_ACTIONS, none.
	_, out, _ = execute(t, "lint", "../../data/")
	assert.NotContains(t, out, "::warning")
}

func TestLintFormats(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{"json", "sarif", "gitlab"} {
		out := filepath.Join(dir, "report."+f)
		code, stdout, errOut := execute(t, "lint", "../../data/", "--format", f, "-o", out)
		assert.Equal(t, 0, code, errOut)
		assert.Contains(t, stdout, "16 files checked: 0 errors, 13 warnings, 1 info\n", "the log gets the findings for people")
		assert.Empty(t, errOut)
		data, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.True(t, json.Valid(data), f)
	}
	code, _, errOut := execute(t, "lint", "--format", "xml", "../../data/")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `unknown --format "xml"; valid: human, json, sarif, gitlab`)
}

func TestLintHelpAndRules(t *testing.T) {
	t.Parallel()
	code, out, _ := execute(t, "lint", "--help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "underlag lint data/ --format sarif -o underlag.sarif")
	assert.Contains(t, out, "# underlag:ignore placeholder")
	code, out, _ = execute(t, "lint", "--rules")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "timeline-milestone-date  warning   A decision point's date in milstolpar falls outside its phase in tidplan.")
}

// copyData copies the example data into a new directory.
func copyData(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	require.NoError(t, os.CopyFS(dir, os.DirFS("../../data")))
	return dir
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString(text)
	require.NoError(t, err)
	require.NoError(t, f.Close())
}

// Issue 25, finding 10, through the command line: a list item YAML folds
// into the item before it is a warning at its line in lint --strict (which
// then fails) and in build. The memo has no decision basis, which the
// comparing rules once could not take (a panic in lint and validate).
func TestLintFoldedListItem(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	write("organisation.yaml", "typ: organisation\nversion: 1\nnamn: Min kommun\nnämnder: [{förkortning: KS, namn: Kommunstyrelsen}]\n")
	write("m.yaml", "typ: tjänsteskrivelse\nversion: 1\ntitel: T\ndatum: 2025-02-01\ndiarienummer: KS-1\nnämnd: KS\nsammanfattning: S.\n"+
		"förslag_till_beslut:\n  punkter:\n    - att anta planen enligt bilaga 1,\n      - upphäva det tidigare beslutet,\n    - att tre.\n")
	const want = "förslag_till_beslut.punkter[0]: this line is part of the text above it"
	for _, cmd := range []string{"lint", "validate"} {
		code, out, errOut := execute(t, cmd, "--strict", dir)
		assert.Equal(t, 1, code, "%s --strict fails on the warning: %s%s", cmd, out, errOut)
		assert.Regexp(t, `(?s)m\.yaml.*11:7.*`+regexp.QuoteMeta(want), out+errOut, cmd)
	}
	code, out, errOut := execute(t, "build", dir, "--out", filepath.Join(t.TempDir(), "out"), "--to", "md")
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out+errOut, "m.yaml:11:7: warning: "+want)
}

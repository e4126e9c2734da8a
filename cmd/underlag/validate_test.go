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

// execute runs the command line on buffers and returns the exit status
// main would return, standard output and standard error.
func execute(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return executeEnv(t, nil, args...)
}

// executeEnv is execute with the given environment instead of the
// process's, so that a test run inside GitHub Actions prints what it
// prints elsewhere.
func executeEnv(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := newApp(strings.NewReader(""), &out, &errOut)
	a.getenv = func(k string) string { return env[k] }
	code := runApp(context.Background(), a, args)
	return code, out.String(), errOut.String()
}

const fixtures = "../../generator/load/testdata/ok"

func TestValidateOK(t *testing.T) {
	t.Parallel()
	code, out, errOut := execute(t, "validate", fixtures)
	assert.Equal(t, 0, code, errOut)
	assert.Empty(t, out)
	assert.Equal(t, "6 files checked: 0 errors, 0 warnings\n", errOut)
}

func TestValidateErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		return p
	}
	write("organisation.yaml", "typ: organisation\nversion: 1\nnamn: R\nnämnder:\n  - {förkortning: HSN, namn: Hälso- och sjukvårdsnämnden}\n")
	memo := write("skrivelse.yaml", "typ: tjänsteskrivelse\nversion: 1\nnämnd: RS\nsammanfattning: Kort, xxxx.\nförslag_till_beslut: Att godkänna.\nuppdragsdirektiv: direktiv.yaml\n")
	bad := write("trasig.yaml", "typ: uppdragsdirektiv\nversion: 1\nbakgrnd: Text.\n")

	code, out, errOut := execute(t, "validate", dir)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	// The compiler form: each problem with its line and a caret under the
	// column, then the hint when there is one.
	want := []string{
		memo + `:1:1: error: datum: required field datum is missing; a tjänsteskrivelse must have it before it goes to a committee [required-field]`,
		`    1 | typ: tjänsteskrivelse`,
		`      | ^`,
		memo + `:1:1: error: diarienummer: required field diarienummer is missing; a tjänsteskrivelse must have it before it goes to a committee [required-field]`,
		`    1 | typ: tjänsteskrivelse`,
		`      | ^`,
		memo + `:3:8: error: nämnd: committee "RS" is not in the organisation profile ` + filepath.Join(dir, "organisation.yaml") + `; valid: HSN`,
		`    3 | nämnd: RS`,
		`      |        ^`,
		memo + `:4:23: warning: sammanfattning: the text holds the placeholder "xxxx" [placeholder]`,
		`    4 | sammanfattning: Kort, xxxx.`,
		`      |                       ^`,
		memo + `:6:19: error: uppdragsdirektiv: direktiv.yaml does not exist (the path is relative to this file's directory, so it is ` + filepath.Join(dir, "direktiv.yaml") + `)`,
		`    6 | uppdragsdirektiv: direktiv.yaml`,
		`      |                   ^`,
		// The typo of a required key is one error, not a second for
		// the key it misses.
		bad + `:3:1: error: bakgrnd: unknown key "bakgrnd"; did you mean "bakgrund"?`,
		`    3 | bakgrnd: Text.`,
		`      | ^`,
		`3 files checked: 5 errors, 1 warning`,
	}
	assert.Equal(t, strings.Join(want, "\n")+"\n", errOut, "each problem once, sorted, then a summary")
}

func TestValidatePaths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	code, _, errOut := execute(t, "validate", filepath.Join(dir, "saknas.yaml"))
	assert.Equal(t, 1, code)
	assert.Equal(t, "underlag: "+filepath.Join(dir, "saknas.yaml")+": no such file or directory\n", errOut)

	// A directory named like a data file is walked, not loaded.
	require.NoError(t, os.Mkdir(filepath.Join(dir, "x.yaml"), 0o755))
	code, _, errOut = execute(t, "validate", filepath.Join(dir, "x.yaml"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no YAML files (*.yaml, *.yml) in")
}

func TestValidateBinaryAndEmpty(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bild.yaml"), []byte("\x89PNG\x00\x00"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "tom.yaml"), nil, 0o644))
	code, _, errOut := execute(t, "validate", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, filepath.Join(dir, "bild.yaml")+": error: not a text YAML file")
	assert.Contains(t, errOut, filepath.Join(dir, "tom.yaml")+":1:1: error: empty file")
	assert.Contains(t, errOut, "2 files checked: 2 errors, 0 warnings")
}

func TestValidateHelp(t *testing.T) {
	t.Parallel()
	code, out, _ := execute(t, "validate", "--help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "underlag validate data/hsn/")
	assert.Contains(t, out, "file:line:col: field.path: message")
}

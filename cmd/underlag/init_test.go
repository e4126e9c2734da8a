package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A new organisation's first minutes: init, then build and validate in the
// new folder with no arguments. Not parallel: it changes directory.
func TestInitThenBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x")
	code, out, errOut := execute(t, "init", dir, "--namn", "Exempelby kommun", "--förvaltning", "Kommunledningsförvaltningen")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, filepath.Join(dir, "data", "organisation.yaml"))
	assert.Contains(t, errOut, "cd "+dir)

	t.Chdir(dir)
	code, _, errOut = execute(t, "build")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "built 3, skipped 0, failed 0")
	assert.NotContains(t, errOut, "warning")
	for _, ext := range []string{"*.pdf", "*.docx"} {
		m, _ := filepath.Glob(filepath.Join("out", ext))
		assert.Len(t, m, 3, ext)
	}
	code, _, errOut = execute(t, "validate")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "6 files checked: 0 errors, 0 warnings\n", errOut)
}

// The error the generated README shows is the one validate gives for the
// typo it names, word for word, for a municipality and a region.
func TestInitREADMEError(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"Exempelby kommun", "Region Exempel"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "x")
			code, _, errOut := execute(t, "init", dir, "--namn", name)
			require.Equal(t, 0, code, errOut)
			readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
			require.NoError(t, err)
			m := regexp.MustCompile("(?s)```\n(data/tjansteskrivelse-exempel\\.yaml:.*?)```").FindSubmatch(readme)
			require.NotNil(t, m, "the README shows an error")
			shown := string(m[1])
			typo := regexp.MustCompile(`committee "(\w+)"`).FindStringSubmatch(shown)
			require.NotNil(t, typo)

			memo := filepath.Join(dir, "data", "tjansteskrivelse-exempel.yaml")
			b, err := os.ReadFile(memo)
			require.NoError(t, err)
			fixed := regexp.MustCompile(`(?m)^nämnd: .*$`).ReplaceAll(b, []byte("nämnd: "+typo[1]))
			require.NotEqual(t, b, fixed)
			require.NoError(t, os.WriteFile(memo, fixed, 0o644))
			code, _, errOut = execute(t, "validate", filepath.Join(dir, "data"))
			assert.Equal(t, 1, code)
			assert.Contains(t, strings.ReplaceAll(errOut, dir+string(filepath.Separator), ""), shown)
		})
	}
}

func TestInitErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "README.md"), []byte("vår egen"), 0o644))
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no name without a terminal", []string{"init", t.TempDir()}, 2, `give --namn "Exempelby kommun"`},
		{"refuses to overwrite", []string{"init", dir, "--namn", "Exempelby kommun"}, 1, filepath.Join(dir, "README.md")},
		{"two folders", []string{"init", "a", "b", "--namn", "K"}, 1, "accepts at most 1 arg"},
		{"ASCII and English aliases", []string{"init", t.TempDir(), "--name", "K", "--forvaltning", "F", "--office", "G"}, 0, "is ready"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, _, errOut := execute(t, tc.args...)
			assert.Equal(t, tc.code, code, errOut)
			assert.Contains(t, errOut, tc.want)
		})
	}
	b, err := os.ReadFile(filepath.Join(dir, "README.md"))
	require.NoError(t, err)
	assert.Equal(t, "vår egen", string(b), "left alone")
	assert.NoDirExists(t, filepath.Join(dir, "data"), "nothing written")
}

// On a terminal without flags, init asks.
func TestInitAsks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, answers string
		code          int
		office        string
	}{
		{"name and office", "Exempelby kommun\nKommunledningsförvaltningen\n", 0, "Kommunledningsförvaltningen"},
		{"an empty name is asked again", "\nExempelby kommun\n\n", 0, ""},
		{"no answer", "", 2, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			a := newApp(strings.NewReader(tc.answers), &out, &errOut)
			dir := t.TempDir()
			err := runInit(a, &initOptions{dir: dir, interactive: true})
			if tc.code != 0 {
				require.Error(t, err)
				return
			}
			require.NoError(t, err, errOut.String())
			assert.Contains(t, errOut.String(), "The organisation's name")
			b, err := os.ReadFile(filepath.Join(dir, "data", "organisation.yaml"))
			require.NoError(t, err)
			assert.Contains(t, string(b), "namn: Exempelby kommun")
			if tc.office != "" {
				assert.Contains(t, string(b), "namn: "+tc.office)
			} else {
				assert.NotContains(t, string(b), "förvaltningar:")
			}
		})
	}
}

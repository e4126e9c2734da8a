package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/bench/synth"
)

// buildFormats are the formats the command tests build.
const buildFormats = "pdf,docx"

func synthTree(t *testing.T, n int) (data, out string) {
	t.Helper()
	dir := t.TempDir()
	tr, err := synth.Write(dir, synth.Options{Docs: n, Seed: 2})
	require.NoError(t, err)
	return tr.Data, filepath.Join(dir, "out")
}

func outputs(t *testing.T, dir string) []string {
	t.Helper()
	var fs []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			rel, _ := filepath.Rel(dir, p)
			fs = append(fs, filepath.ToSlash(rel))
		}
		return nil
	})
	return fs
}

func TestBuildCmd(t *testing.T) {
	t.Parallel()
	data, out := synthTree(t, 6)
	report := filepath.Join(t.TempDir(), "report.json")
	code, stdout, errOut := execute(t, "build", data, "--out", out, "--to", buildFormats, "--report", report)
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, stdout)
	assert.Contains(t, errOut, "building 6 documents\n")
	assert.Contains(t, errOut, "built 6, skipped 0, failed 0 in ")
	assert.Len(t, withoutPackets(outputs(t, out)), 6*len(strings.Split(buildFormats, ",")))

	var rep struct {
		Built   int
		Sources []struct {
			Source  string
			Status  string
			Outputs []struct {
				Format, Path, SHA256 string
				Pages                int
			}
		}
	}
	b, err := os.ReadFile(report)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &rep))
	assert.Equal(t, 6, rep.Built)
	require.Len(t, rep.Sources, 6)
	assert.Equal(t, "built", rep.Sources[0].Status)
	assert.Equal(t, "pdf", rep.Sources[0].Outputs[0].Format)
	assert.Positive(t, rep.Sources[0].Outputs[0].Pages)
	assert.FileExists(t, rep.Sources[0].Outputs[0].Path)

	code, _, errOut = execute(t, "build", data, "--out", out, "--to", buildFormats)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "built 0, skipped 6, failed 0 in ")

	code, _, errOut = execute(t, "build", data, "--out", out, "--to", buildFormats, "--quiet")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
}

func TestBuildCmdBrokenFile(t *testing.T) {
	t.Parallel()
	data, out := synthTree(t, 4)
	bad := filepath.Join(data, "hsn", "trasig.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("typ: tjänsteskrivelse\nversion: 1\nnämnd: HSN\nsammanfattning: Text.\nförslag_till_beslut: Ja.\ndatum: 2024-13-01\n"), 0o644))
	code, _, errOut := execute(t, "build", data, "--out", out, "--to", buildFormats, "--quiet")
	assert.Equal(t, 1, code)
	assert.Regexp(t, regexp.QuoteMeta(bad)+`:6:\d+: error: datum: `, errOut)
	assert.Contains(t, errOut, "built 4, skipped 0, failed 1 in ")
	assert.NotContains(t, errOut, "underlag: ", "the error is reported once, as diagnostics")
	assert.Len(t, withoutPackets(outputs(t, out)), 4*len(strings.Split(buildFormats, ",")))
}

func TestBuildCmdStaysInOut(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	data, out := filepath.Join(root, "d", "data"), filepath.Join(root, "d", "out")
	require.NoError(t, os.MkdirAll(data, 0o755))
	for name, caseNo := range map[string]string{"a.yaml": "../../../../x", "b.yaml": "/etc/passwd", "c.yaml": strings.Repeat("../", 100) + "y"} {
		memo := "typ: tjänsteskrivelse\nversion: 1\ntitel: Test\ndatum: 2024-11-20\ndiarienummer: \"" + caseNo + "\"\nsammanfattning: Text.\nförslag_till_beslut: Ja.\nnämnd: HSN\n"
		require.NoError(t, os.WriteFile(filepath.Join(data, name), []byte(memo), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(data, "organisation.yaml"), []byte("typ: organisation\nversion: 1\nnamn: Region Test\nnämnder:\n  - förkortning: HSN\n    namn: Hälso- och sjukvårdsnämnden\n"), 0o644))
	code, _, errOut := execute(t, "build", data, "--out", out, "--to", buildFormats, "--quiet", "--names", "beskrivande")
	require.Equal(t, 0, code, errOut)
	var all []string
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			all = append(all, filepath.ToSlash(rel))
		}
		return nil
	})
	for _, p := range all {
		assert.True(t, strings.HasPrefix(p, "d/data/") || strings.HasPrefix(p, "d/out/"), p)
	}
	assert.Contains(t, all, "d/out/2024-11-20-x-tjansteskrivelse_a.pdf")
	assert.Contains(t, all, "d/out/2024-11-20-etc-passwd-tjansteskrivelse_b.pdf")
}

func TestBuildCmdFlags(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"build", "--to", "odt"}, 2, "unknown format \"odt\": valid formats are pdf, docx, md"},
		{[]string{"build", "--shard", "5/4"}, 2, "shard \"5/4\""},
		{[]string{"build", "does-not-exist/"}, 1, "does-not-exist"},
		{[]string{"build", "--names", "datum"}, 2, "names \"datum\""},
	} {
		code, _, errOut := execute(t, tc.args...)
		assert.Equal(t, tc.code, code, tc.args)
		assert.Contains(t, errOut, "underlag: ", tc.args)
		assert.Contains(t, errOut, tc.want, tc.args)
	}
}

// Every format in the table can be built, Markdown too.
func TestBuildCmdMarkdown(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, _, errOut := execute(t, "build", filepath.Join("..", "..", "generator", "compose", "testdata"), "--to", "md", "--out", out, "-q")
	require.Equal(t, 0, code, errOut)
	mds, err := filepath.Glob(filepath.Join(out, "*.md"))
	require.NoError(t, err)
	require.Len(t, mds, 3, "one Markdown file per document")
	pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	assert.Empty(t, pdfs, "only the format asked for")
	for _, p := range mds {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(string(b), "# "), "%s starts with its title", p)
	}
}

// The example workflows in docs/ call `underlag build` with flags that
// exist.
func TestBuildCmdWorkflowFlags(t *testing.T) {
	t.Parallel()
	vars := strings.NewReplacer("${{ matrix.shard }}", "1", "$CI_NODE_INDEX", "1", "$CI_NODE_TOTAL", "4", `"`, "")
	for _, f := range []string{"../../docs/github-actions.yml", "../../docs/gitlab-ci.yml"} {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		text := strings.ReplaceAll(string(b), "\n          --", " --") // GitHub's folded run block
		found := false
		for _, line := range strings.Split(text, "\n") {
			i := strings.Index(line, "underlag build ")
			if i < 0 {
				continue
			}
			found = true
			args := strings.Fields(vars.Replace(line[i+len("underlag build "):]))
			cmd := newBuildCmd(newApp(nil, nil, nil))
			require.NoError(t, cmd.ParseFlags(args), "%s: %s", f, line)
			shard, _ := cmd.Flags().GetString("shard")
			assert.NotEmpty(t, shard)
		}
		assert.True(t, found, f)
	}
}

// A directory with no documents is an error, as it is for validate.
func TestBuildCmdNoDocuments(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	code, _, errOut := execute(t, "build", empty, "--out", filepath.Join(t.TempDir(), "out"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no documents")
}

// A build that cannot start still writes its report, saying why.
func TestBuildCmdReportWhenBuildCannotStart(t *testing.T) {
	t.Parallel()
	data, _ := synthTree(t, 2)
	file := filepath.Join(t.TempDir(), "a-file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	report := filepath.Join(t.TempDir(), "report.json")
	code, _, errOut := execute(t, "build", data, "--out", file, "--format", buildFormats, "--report", report)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "output directory")
	var rep struct {
		Sources  []any
		Messages []string
	}
	b, err := os.ReadFile(report)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &rep))
	assert.Empty(t, rep.Sources)
	require.Len(t, rep.Messages, 1)
	assert.Contains(t, rep.Messages[0], "output directory")
}

// Problems are printed as each document finishes, each problem of a
// shared file once, and the report lists them.
func TestBuildCmdSharedProblemOnce(t *testing.T) {
	t.Parallel()
	data, out := synthTree(t, 8)
	dirs, err := filepath.Glob(filepath.Join(data, "*", "*", "uppdragsdirektiv-001.yaml"))
	require.NoError(t, err)
	require.Len(t, dirs, 1)
	b, err := os.ReadFile(dirs[0])
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(dirs[0], append(b, "okänd_nyckel: 1\n"...), 0o644))
	code, _, errOut := execute(t, "build", data, "--out", out, "--format", "md", "-q")
	assert.Equal(t, 1, code)
	assert.Equal(t, 1, strings.Count(errOut, "unknown key \"okänd_nyckel\""), errOut)
}

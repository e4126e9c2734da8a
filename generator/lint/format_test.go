package lint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/lint"
	"github.com/underlag/underlag/generator/pipeline"
)

// exampleRun lints the example data as `underlag lint data/` does.
func exampleRun(t *testing.T) lint.Run {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{Version: "test", Formats: []pipeline.Format{}, Info: true})
	require.NoError(t, err)
	files, err := p.Find([]string{"../../data"})
	require.NoError(t, err)
	diags := p.ValidateTree(files, 1)
	require.NotEmpty(t, diags)
	// A diagnostic of no rule (the data pseudo-rule) and one of no file.
	diags = append(diags,
		diag.Diagnostic{File: "../../data/trasig.yaml", Line: 3, Col: 1, Path: "bakgrnd", Msg: `unknown key "bakgrnd"`},
		diag.Diagnostic{Msg: "no file"})
	return lint.Run{Linter: lint.Default(), Diags: diags, Files: len(files), Version: "v1.2.3"}
}

func write(t *testing.T, format string, r lint.Run) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, lint.Write(&b, format, r))
	return b.Bytes()
}

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	require.NoError(t, c.AddResource(url, doc))
	s, err := c.Compile(url)
	require.NoError(t, err)
	return s
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	schema := sarifSchema(t)
	out := write(t, "sarif", exampleRun(t))
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	require.NoError(t, err)
	require.NoError(t, schema.Validate(inst), "%s", out)

	var log struct {
		Version string
		Runs    []struct {
			ColumnKind string
			Tool       struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(out, &log))
	assert.Equal(t, "2.1.0", log.Version)
	run := log.Runs[0]
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind, "columns count runes, as the diagnostics do")
	var placeholder bool
	for _, r := range run.Results {
		assert.Equal(t, r.RuleID, run.Tool.Driver.Rules[r.RuleIndex].ID)
		if r.RuleID == "placeholder" {
			placeholder = true
			loc := r.Locations[0].PhysicalLocation
			assert.Equal(t, "../../data/uppdragsdirektiv-nara-vard-2025.yaml", loc.ArtifactLocation.URI)
			assert.Equal(t, "%SRCROOT%", loc.ArtifactLocation.URIBaseID)
			assert.Equal(t, 130, loc.Region.StartLine)
			assert.Equal(t, 9, loc.Region.StartColumn)
			assert.Equal(t, "warning", r.Level)
			assert.Equal(t, `risker: the text holds the placeholder "xxxx"`, r.Message.Text)
		}
		if r.RuleID == "unused-definition" {
			assert.Equal(t, "note", r.Level)
		}
	}
	assert.True(t, placeholder)

	// The schema is not a formality: a result without a message fails it.
	broken := bytes.Replace(out, []byte(`"message": {`), []byte(`"messag": {`), 1)
	inst, err = jsonschema.UnmarshalJSON(bytes.NewReader(broken))
	require.NoError(t, err)
	assert.Error(t, schema.Validate(inst))
}

// The fields GitLab documents for a Code Quality report: description,
// check_name, fingerprint (unique), severity (info, minor, major,
// critical, blocker), location.path and location.lines.begin.
func TestGitLab(t *testing.T) {
	t.Parallel()
	r := exampleRun(t)
	out := write(t, "gitlab", r)
	var issues []map[string]any
	require.NoError(t, json.Unmarshal(out, &issues))
	require.Len(t, issues, len(r.Diags))
	prints := map[string]bool{}
	for _, is := range issues {
		assert.ElementsMatch(t, []string{"description", "check_name", "fingerprint", "severity", "location"}, keys(is))
		assert.NotEmpty(t, is["description"])
		assert.NotEmpty(t, is["check_name"])
		fp := is["fingerprint"].(string)
		assert.False(t, prints[fp], "fingerprints are unique")
		prints[fp] = true
		assert.Contains(t, []string{"info", "minor", "major", "critical", "blocker"}, is["severity"])
		loc := is["location"].(map[string]any)
		assert.ElementsMatch(t, []string{"path", "lines"}, keys(loc))
		begin := loc["lines"].(map[string]any)["begin"].(float64)
		assert.GreaterOrEqual(t, begin, 1.0)
	}
	assert.Equal(t, "minor", issues[0]["severity"])
	assert.Contains(t, string(out), `"check_name": "data"`)

	// A finding keeps its fingerprint when lines above it move.
	moved := r
	moved.Diags = append(diag.List(nil), r.Diags...)
	for i := range moved.Diags {
		moved.Diags[i].Line += 3
	}
	assert.Equal(t, fingerprints(t, out), fingerprints(t, write(t, "gitlab", moved)))
}

func fingerprints(t *testing.T, out []byte) []string {
	var issues []struct{ Fingerprint string }
	require.NoError(t, json.Unmarshal(out, &issues))
	var fs []string
	for _, is := range issues {
		fs = append(fs, is.Fingerprint)
	}
	return fs
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestJSON(t *testing.T) {
	t.Parallel()
	r := exampleRun(t)
	out := write(t, "json", r)
	var v struct {
		Files, Errors, Warnings, Info int
		Findings                      []struct {
			Rule, Severity, File, Path, Message, Hint string
			Line, Col                                 int
		}
	}
	require.NoError(t, json.Unmarshal(out, &v))
	// The summary counts what the run holds, whatever the example data
	// is: every file found, each finding once by its severity.
	count := map[diag.Severity]int{}
	for _, d := range r.Diags {
		count[d.Severity]++
	}
	assert.Equal(t, r.Files, v.Files, "every file in data/")
	assert.Equal(t, count[diag.Warning], v.Warnings)
	assert.Equal(t, count[diag.Error], v.Errors)
	assert.Equal(t, count[diag.Info], v.Info)
	require.Len(t, v.Findings, len(r.Diags))
	// The findings come in the run's order, each with its rule's hint.
	first, f := r.Diags[0], v.Findings[0]
	require.NotEmpty(t, first.Rule, "the example data's first finding is a rule's")
	assert.Equal(t, first.Rule, f.Rule)
	assert.Equal(t, first.Severity.String(), f.Severity)
	assert.Equal(t, first.Line, f.Line)
	assert.Equal(t, first.Col, f.Col)
	rule, ok := r.Linter.Rule(first.Rule)
	require.True(t, ok, first.Rule)
	assert.Equal(t, rule.Hint, f.Hint)
	assert.NotEmpty(t, f.Hint)
}

func TestGitHubAnnotations(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	r := lint.Run{Linter: lint.Default(), Diags: diag.List{
		{File: "data/a,b:c.yaml", Line: 3, Col: 7, Path: "risker", Msg: "50% klart\nsedan", Severity: diag.Warning, Rule: "placeholder"},
		{File: "data/x.yaml", Msg: "trasig", Severity: diag.Error},
		{Msg: "utan fil", Severity: diag.Info, Rule: "unused-definition"},
	}}
	require.NoError(t, lint.WriteGitHub(&b, r))
	assert.Equal(t, strings.Join([]string{
		"::warning file=data/a%2Cb%3Ac.yaml,line=3,col=7,title=underlag placeholder::risker: 50%25 klart%0Asedan",
		"::error file=data/x.yaml,title=underlag data::trasig",
		"::notice title=underlag unused-definition::utan fil",
	}, "\n")+"\n", b.String())
}

func TestWriteUnknownFormat(t *testing.T) {
	t.Parallel()
	assert.EqualError(t, lint.Write(&bytes.Buffer{}, "xml", lint.Run{Linter: lint.Default()}), `unknown format "xml"; valid: human, json, sarif, gitlab`)
}

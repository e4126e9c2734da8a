package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/underlag/underlag/generator/diag"
)

// Formats are the output formats of Write, the default first.
var Formats = []string{"human", "json", "sarif", "gitlab"}

// DataRule is the id the machine formats give a diagnostic that no review
// rule made: a file that does not load, a key that does not exist, a
// reference that does not resolve. It is not a rule: it cannot be
// switched off.
const DataRule = "data"

var dataRule = Rule{ID: DataRule, Severity: diag.Error,
	Summary: "The file is not valid data: a syntax error, an unknown key, a reference that does not resolve.",
	Hint:    "Correct the file as the message says; `underlag validate` lists the same problems."}

// Run is one run's findings, as Write prints them.
type Run struct {
	Linter  *Linter
	Diags   diag.List // every diagnostic of the run, sorted
	Files   int       // files checked
	Version string    // the tool's version, for SARIF
	// Base is the directory that paths in machine output are made relative
	// to, the repository's root in CI (the working directory); "" leaves
	// them as they are.
	Base string
}

// Count returns the number of diagnostics of each severity.
func (r Run) Count() (errors, warnings, infos int) {
	for _, d := range r.Diags {
		switch d.Severity {
		case diag.Error:
			errors++
		case diag.Warning:
			warnings++
		case diag.Info:
			infos++
		}
	}
	return
}

// Summary is the run's last line: "6 files checked: 0 errors, 13
// warnings, 1 info".
func (r Run) Summary() string {
	e, w, i := r.Count()
	s := fmt.Sprintf("%s checked: %s, %s", count(r.Files, "file", "files"), count(e, "error", "errors"), count(w, "warning", "warnings"))
	if i > 0 {
		s += fmt.Sprintf(", %d info", i)
	}
	return s
}

func count(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (r Run) rule(id string) Rule {
	if id == "" {
		return dataRule
	}
	if rule, ok := r.Linter.Rule(id); ok {
		return rule
	}
	return Rule{ID: id, Summary: id, Hint: ""}
}

func ruleID(d diag.Diagnostic) string {
	if d.Rule == "" {
		return DataRule
	}
	return d.Rule
}

func (r Run) path(file string) string {
	if r.Base != "" && filepath.IsAbs(file) {
		if rel, err := filepath.Rel(r.Base, file); err == nil && !strings.HasPrefix(rel, "..") {
			file = rel
		}
	}
	return filepath.ToSlash(file)
}

// Write prints the run in a format of Formats.
func Write(w io.Writer, format string, r Run) error {
	switch format {
	case "human", "":
		return writeHuman(w, r)
	case "json":
		return writeJSON(w, r)
	case "sarif":
		return writeSARIF(w, r)
	case "gitlab":
		return writeGitLab(w, r)
	}
	return fmt.Errorf("unknown format %q; valid: %s", format, strings.Join(Formats, ", "))
}

// writeHuman prints the findings grouped by file, one aligned line each,
// then the summary and the hints of the rules that found something.
func writeHuman(w io.Writer, r Run) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	file := "\x00"
	var used []string
	seen := map[string]bool{}
	for _, d := range r.Diags {
		if d.File != file {
			if file != "\x00" {
				fmt.Fprintln(tw)
			}
			file = d.File
			name := d.File
			if name == "" {
				name = "(no file)"
			}
			fmt.Fprintln(tw, name)
		}
		pos := ""
		if d.Line > 0 {
			pos = fmt.Sprintf("%d:%d", d.Line, d.Col)
		}
		msg := d.Msg
		if d.Path != "" {
			msg = d.Path + ": " + msg
		}
		id := ruleID(d)
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", pos, d.Severity, id, msg)
		if d.Rule != "" && !seen[id] {
			seen[id] = true
			used = append(used, id)
		}
	}
	if len(r.Diags) > 0 {
		fmt.Fprintln(tw)
	}
	fmt.Fprintln(tw, r.Summary())
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(used) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\nHow to fix:")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, id := range used {
		fmt.Fprintf(tw, "  %s\t%s\n", id, r.rule(id).Hint)
	}
	fmt.Fprintln(tw, "  \tSilence one finding with `# underlag:ignore RULE` on its line; tune a rule in organisation.yaml (granskning.regler).")
	return tw.Flush()
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Path     string `json:"path,omitempty"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

type jsonRun struct {
	Files    int           `json:"files"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Info     int           `json:"info"`
	Findings []jsonFinding `json:"findings"`
}

func writeJSON(w io.Writer, r Run) error {
	e, wn, i := r.Count()
	out := jsonRun{Files: r.Files, Errors: e, Warnings: wn, Info: i, Findings: []jsonFinding{}}
	for _, d := range r.Diags {
		out.Findings = append(out.Findings, jsonFinding{Rule: ruleID(d), Severity: d.Severity.String(), File: r.path(d.File),
			Line: d.Line, Col: d.Col, Path: d.Path, Message: d.Msg, Hint: r.rule(d.Rule).Hint})
	}
	return encode(w, out)
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// SARIF 2.1.0, the subset GitHub code scanning reads.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	ShortDescription     sarifText   `json:"shortDescription"`
	Help                 sarifText   `json:"help"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Warning:
		return "warning"
	case diag.Info:
		return "note"
	}
	return "error"
}

// writeSARIF writes a SARIF 2.1.0 log: every rule of the linter (and the
// data pseudo-rule) with its summary and hint, and every finding at its
// file, line and column. Columns count Unicode code points, as the
// diagnostics do, and the run says so.
func writeSARIF(w io.Writer, r Run) error {
	rules := append([]Rule{dataRule}, r.Linter.Rules()...)
	index := map[string]int{}
	driver := sarifDriver{Name: "underlag", Version: r.Version, InformationURI: "https://github.com/underlag/underlag"}
	for i, rule := range rules {
		index[rule.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{ID: rule.ID, ShortDescription: sarifText{rule.Summary},
			Help: sarifText{rule.Hint}, DefaultConfiguration: sarifConfig{sarifLevel(rule.Severity)}})
	}
	run := sarifRun{Tool: sarifTool{driver}, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	for _, d := range r.Diags {
		id := ruleID(d)
		msg := d.Msg
		if d.Path != "" {
			msg = d.Path + ": " + msg
		}
		res := sarifResult{RuleID: id, RuleIndex: index[id], Level: sarifLevel(d.Severity), Message: sarifText{msg}, Locations: []sarifLocation{}}
		if d.File != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: r.path(d.File)}}}
			if !filepath.IsAbs(d.File) {
				loc.PhysicalLocation.ArtifactLocation.URIBaseID = "%SRCROOT%"
			}
			if d.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: d.Line, StartColumn: d.Col}
			}
			res.Locations = append(res.Locations, loc)
		}
		run.Results = append(run.Results, res)
	}
	return encode(w, sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

// GitLab Code Quality: the fields GitLab documents for a report artifact.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

func gitlabSeverity(s diag.Severity) string {
	switch s {
	case diag.Warning:
		return "minor"
	case diag.Info:
		return "info"
	}
	return "major"
}

// writeGitLab writes a GitLab Code Quality report. A finding's fingerprint
// hashes its rule, file, field and message but not its line, so that an
// unchanged finding keeps its fingerprint when lines above it move.
func writeGitLab(w io.Writer, r Run) error {
	out := []gitlabIssue{}
	seen := map[string]int{}
	for _, d := range r.Diags {
		id := ruleID(d)
		msg := d.Msg
		if d.Path != "" {
			msg = d.Path + ": " + msg
		}
		key := strings.Join([]string{id, r.path(d.File), d.Path, d.Msg}, "\x00")
		seen[key]++
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, seen[key])))
		line := max(d.Line, 1)
		out = append(out, gitlabIssue{Description: msg, CheckName: id, Fingerprint: hex.EncodeToString(sum[:16]),
			Severity: gitlabSeverity(d.Severity), Location: gitlabLocation{Path: r.path(d.File), Lines: gitlabLines{Begin: line}}})
	}
	return encode(w, out)
}

// WriteGitHub writes each finding as a GitHub Actions workflow command
// (::error, ::warning, ::notice), which the runner shows as an annotation
// on the file's line in the pull request.
func WriteGitHub(w io.Writer, r Run) error {
	for _, d := range r.Diags {
		cmd := "error"
		switch d.Severity {
		case diag.Warning:
			cmd = "warning"
		case diag.Info:
			cmd = "notice"
		}
		var props []string
		if d.File != "" {
			props = append(props, "file="+ghProp(r.path(d.File)))
			if d.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", d.Line))
				if d.Col > 0 {
					props = append(props, fmt.Sprintf("col=%d", d.Col))
				}
			}
		}
		props = append(props, "title="+ghProp("underlag "+ruleID(d)))
		msg := d.Msg
		if d.Path != "" {
			msg = d.Path + ": " + msg
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), ghData(msg)); err != nil {
			return err
		}
	}
	return nil
}

// ghData escapes a workflow command's message, ghProp a property's value,
// as the GitHub Actions runner unescapes them.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

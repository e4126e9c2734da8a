package build

import (
	"encoding/json"
	"io"

	"github.com/underlag/underlag/generator/diag"
)

// Report is the JSON a build writes with --report for CI to archive: one
// entry per source document with its outputs and problems.
type Report struct {
	Built    int            `json:"built"`
	Skipped  int            `json:"skipped"`
	Failed   int            `json:"failed"`
	Seconds  float64        `json:"seconds"`
	Shard    string         `json:"shard,omitempty"`
	Sources  []SourceReport `json:"sources"`
	Orphans  []string       `json:"orphans,omitempty"` // outputs whose source was deleted
	Pruned   bool           `json:"pruned,omitempty"`
	Messages []string       `json:"messages,omitempty"`
}

// SourceReport is one source document in the report.
type SourceReport struct {
	Source   string         `json:"source"`
	Status   Status         `json:"status"`
	Outputs  []OutputReport `json:"outputs"`
	Warnings []Problem      `json:"warnings"`
	Errors   []Problem      `json:"errors"`
}

// OutputReport is one output file in the report.
type OutputReport struct {
	Format Format `json:"format"`
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	Pages  int    `json:"pages,omitempty"`
}

// Problem is a diagnostic in the report: its parts, and the line a user
// would see.
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
	Text    string `json:"text"`
}

// NewReport turns a summary into a report.
func NewReport(s *Summary, shard Shard) *Report {
	r := &Report{Built: s.Built, Skipped: s.Skipped, Failed: s.Failed, Seconds: s.Duration.Seconds(),
		Orphans: s.Orphans, Pruned: s.Pruned, Messages: s.Notes, Sources: []SourceReport{}}
	if shard.Count > 1 {
		r.Shard = shard.String()
	}
	for _, res := range s.Results {
		sr := SourceReport{Source: res.Source, Status: res.Status, Outputs: []OutputReport{}, Warnings: []Problem{}, Errors: []Problem{}}
		for _, o := range res.Outputs {
			sr.Outputs = append(sr.Outputs, OutputReport{Format: o.Format, Path: o.Path, SHA256: o.SHA256, Size: o.Size, Pages: o.Pages})
		}
		for _, d := range res.Diagnostics {
			p := problem(d)
			if d.Severity == diag.Warning {
				sr.Warnings = append(sr.Warnings, p)
			} else {
				sr.Errors = append(sr.Errors, p)
			}
		}
		for _, w := range res.Warnings {
			sr.Warnings = append(sr.Warnings, Problem{Message: w, Text: w})
		}
		r.Sources = append(r.Sources, sr)
	}
	return r
}

func problem(d diag.Diagnostic) Problem {
	return Problem{File: d.File, Line: d.Line, Col: d.Col, Path: d.Path, Message: d.Msg, Text: d.Error()}
}

// Write writes the report as indented JSON.
func (r *Report) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

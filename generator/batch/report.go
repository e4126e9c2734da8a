package batch

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/underlag/underlag/generator/diag"
)

// Report is the JSON a build writes with --report for CI to archive: one
// entry per source document with its outputs and problems, and the totals.
// A ReportWriter writes it as the build goes.
type Report struct {
	Sources  []SourceReport `json:"sources"`
	Built    int            `json:"built"`
	Skipped  int            `json:"skipped"`
	Failed   int            `json:"failed"`
	Seconds  float64        `json:"seconds"`
	Shard    string         `json:"shard,omitempty"`
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
	Format string `json:"format"`
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

// NewSourceReport is one result as the report shows it.
func NewSourceReport(res *Result) SourceReport {
	sr := SourceReport{Source: res.Source, Status: res.Status, Outputs: []OutputReport{}, Warnings: []Problem{}, Errors: []Problem{}}
	for _, o := range res.Outputs {
		sr.Outputs = append(sr.Outputs, OutputReport{Format: o.Format, Path: o.Path, SHA256: o.SHA256, Size: o.Size, Pages: o.Pages})
	}
	for _, d := range res.Diagnostics {
		p := Problem{File: d.File, Line: d.Line, Col: d.Col, Path: d.Path, Message: d.Msg, Text: d.Error()}
		if d.Severity == diag.Warning {
			sr.Warnings = append(sr.Warnings, p)
		} else {
			sr.Errors = append(sr.Errors, p)
		}
	}
	for _, w := range res.Warnings {
		sr.Warnings = append(sr.Warnings, Problem{Message: w, Text: w})
	}
	return sr
}

// ReportWriter is an Observer that writes the report as the build goes, a
// source at a time, so that a report of any number of documents takes no
// memory: into a temporary file beside the report's path, renamed onto it
// by Close. The sources come first, in the order of the build, and the
// totals after them.
type ReportWriter struct {
	path  string
	shard Shard
	f     *os.File
	w     *bufio.Writer
	n     int
	err   error
}

// NewReportWriter starts a report at path. It fails at once when the
// report's directory cannot be written, before a build starts.
func NewReportWriter(path string, shard Shard) (*ReportWriter, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	r := &ReportWriter{path: path, shard: shard, f: f, w: bufio.NewWriter(f)}
	r.write([]byte("{\n  \"sources\": ["))
	return r, nil
}

func (r *ReportWriter) write(b []byte) {
	if r.err == nil {
		_, r.err = r.w.Write(b)
	}
}

// Start implements Observer.
func (r *ReportWriter) Start(int) {}

// Done implements Observer.
func (r *ReportWriter) Done(res *Result) {
	b, err := json.MarshalIndent(NewSourceReport(res), "    ", "  ")
	if err != nil {
		r.err = err
		return
	}
	if r.n > 0 {
		r.write([]byte(","))
	}
	r.n++
	r.write([]byte("\n    "))
	r.write(b)
}

// Close writes the totals of the summary (nil when the build stopped
// before it had any, with messages saying why) and puts the report in
// place.
func (r *ReportWriter) Close(s *Summary, messages ...string) error {
	tail := Report{Messages: messages}
	if s != nil {
		tail = Report{Built: s.Built, Skipped: s.Skipped, Failed: s.Failed, Seconds: s.Duration.Seconds(),
			Orphans: s.Orphans, Pruned: s.Pruned, Messages: append(s.Notes, messages...)}
	}
	if r.shard.Count > 1 {
		tail.Shard = r.shard.String()
	}
	b, err := json.MarshalIndent(tail, "", "  ")
	if err != nil {
		return err
	}
	// b is {"sources": null, "built": ...}: keep what follows the sources.
	_, rest, _ := cutLine(b)
	if r.n > 0 {
		r.write([]byte("\n  ]"))
	} else {
		r.write([]byte("]"))
	}
	r.write([]byte(",\n"))
	r.write(rest)
	r.write([]byte("\n"))
	if r.err == nil {
		r.err = r.w.Flush()
	}
	if err := r.f.Close(); r.err == nil {
		r.err = err
	}
	if r.err == nil {
		r.err = os.Rename(r.f.Name(), r.path)
	}
	if r.err != nil {
		os.Remove(r.f.Name())
		return fmt.Errorf("report %s: %w", r.path, r.err)
	}
	return nil
}

// cutLine cuts b after its second line: MarshalIndent of a Report puts
// "{" and then the sources on lines of their own.
func cutLine(b []byte) (head, rest []byte, ok bool) {
	n := 0
	for i, c := range b {
		if c == '\n' {
			if n++; n == 2 {
				return b[:i+1], b[i+1:], true
			}
		}
	}
	return b, nil, false
}

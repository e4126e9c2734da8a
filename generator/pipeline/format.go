package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx"
	"github.com/underlag/underlag/generator/html"
	"github.com/underlag/underlag/generator/markdown"
	"github.com/underlag/underlag/generator/pdf"
	"github.com/underlag/underlag/generator/style"
)

// Format is an output format: its name, its file extension and how to make
// its renderer. Every command consults the one table, Formats, so that a
// new format is one entry there.
type Format struct {
	Name      string // as given on the command line: "pdf"
	Ext       string // the file extension with its dot: ".pdf"
	MediaType string
	// Binary formats are not written onto a terminal.
	Binary bool
	// Default formats are the ones a build writes when none are asked for.
	Default bool
	// New prepares the format's renderer once, for a whole run.
	New func(Config, style.Profile) (doc.Renderer, error)
}

// Formats is the table of output formats, in the order a build writes them.
func Formats() []Format {
	return []Format{
		{Name: "pdf", Ext: ".pdf", MediaType: "application/pdf", Binary: true, Default: true,
			New: func(_ Config, p style.Profile) (doc.Renderer, error) { return pdf.New(p) }},
		{Name: "docx", Ext: ".docx", MediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Binary: true, Default: true,
			New: func(c Config, p style.Profile) (doc.Renderer, error) {
				var opts []docx.Option
				if c.ReferenceDOCX != "" {
					opts = append(opts, docx.WithReference(c.ReferenceDOCX))
				}
				return docx.New(p, opts...)
			}},
		{Name: "md", Ext: ".md", MediaType: "text/markdown",
			New: func(Config, style.Profile) (doc.Renderer, error) { return markdown.New(), nil }},
		// HTML draws every script: the browser finds a font for it, so
		// the glyph check (which asks only for pdf) does not apply.
		{Name: "html", Ext: ".html", MediaType: "text/html",
			New: func(_ Config, p style.Profile) (doc.Renderer, error) { return html.New(p), nil }},
	}
}

// FormatNames lists the formats' names, for messages and completion.
func FormatNames() []string {
	var out []string
	for _, f := range Formats() {
		out = append(out, f.Name)
	}
	return out
}

// LookupFormat returns the format with the given name (case and spaces do
// not matter; "markdown" is md); an unknown name is an error that lists the
// valid ones.
func LookupFormat(name string) (Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "markdown" {
		n = "md"
	}
	for _, f := range Formats() {
		if f.Name == n {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("unknown format %q: valid formats are %s", name, strings.Join(FormatNames(), ", "))
}

// FormatOf returns the format a file name's extension names.
func FormatOf(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".markdown" {
		ext = ".md"
	}
	for _, f := range Formats() {
		if f.Ext == ext {
			return f, true
		}
	}
	return Format{}, false
}

// ParseFormats reads a comma-separated list such as "pdf,docx" and returns
// the formats in the table's order without duplicates; "" is the default
// formats.
func ParseFormats(s string) ([]Format, error) {
	want := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		f, err := LookupFormat(part)
		if err != nil {
			return nil, err
		}
		want[f.Name] = true
	}
	var out []Format
	for _, f := range Formats() {
		if want[f.Name] || (len(want) == 0 && f.Default) {
			out = append(out, f)
		}
	}
	return out, nil
}

package pipeline

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx"
	"github.com/underlag/underlag/generator/html"
	"github.com/underlag/underlag/generator/markdown"
	"github.com/underlag/underlag/generator/pdf"
	"github.com/underlag/underlag/generator/pdf/coverage"
	"github.com/underlag/underlag/generator/style"
)

// Format is an output format: one entry of the table of formats, which
// carries everything the code would otherwise check by the format's name.
// Every command consults the table (as Hugo's commands consult its
// output.Formats), so that a new format is one entry and its renderer.
type Format struct {
	Name    string   // as given on the command line: "pdf"
	Aliases []string // other names it answers to: "markdown"
	Ext     string   // the file extension it is written with, with its dot: ".pdf"
	Exts    []string // other extensions read as this format: ".markdown"
	// MediaType is the format's IANA media type.
	MediaType string
	// Binary formats are not written onto a terminal.
	Binary bool
	// Default formats are the ones a build writes when none are asked for.
	Default bool
	// Draws is the repertoire of characters the format can draw; nil when
	// it keeps every character (the reader's program picks fonts). A run
	// that writes the format reports a character outside it as an error
	// at its position (check.Glyphs).
	Draws check.Repertoire
	// Parts says the format lays out a document of several parts (a
	// committee packet, generator/packet): its renderer is a
	// PartsRenderer. Packets ask for this, not for a format by name.
	Parts bool
	// PacketPage says the format writes a packet as one page too: the
	// memo and its data-file attachments drawn in it, in order, and links
	// to the attached PDFs, not the PDFs themselves (the web page,
	// packet.RenderHTML). A build writes it beside the packet's PDF when
	// the format is built; `packet -o` takes its extension.
	PacketPage bool
	// Reference is the format's reference document option (pandoc's
	// --reference-doc): nil for a format that takes none.
	Reference *Reference
	// ReferenceLook says the format takes a reference document's look
	// through the style profile (fonts, sizes, colours) though it takes no
	// file of its own, as HTML does: --reference-docx applies to it too.
	ReferenceLook bool
	// New prepares the format's renderer once, for a whole run.
	New func(Config, style.Profile) (doc.Renderer, error)
}

// Reference is what a format does with a reference document: a file of
// the format itself whose styles and page setup its output takes, and
// from which the style profile of every format is read, so that all
// formats still look alike (Config.ReferenceDOCX names it).
type Reference struct {
	// Profile reads the reference's look into the style profile; notes
	// say what could not be taken, one line each.
	Profile func(path string, base style.Profile) (p style.Profile, notes []string, err error)
	// Write writes underlag's own reference document, to restyle.
	Write func(w io.Writer) error
}

// PartsRenderer is the renderer of a format with Parts: it writes a
// packet's parts as one file and returns its page count.
type PartsRenderer interface {
	RenderParts(w io.Writer, parts []pdf.Part) (pages int, err error)
}

var _ PartsRenderer = (*pdf.Renderer)(nil)

// Table is a table of output formats, in the order a build writes them.
// DefaultTable is the built-in one; a program (or a test) adds a format
// with Register and hands the table to its commands.
type Table []Format

// DefaultTable returns a new table of the built-in formats: PDF, DOCX
// and Markdown.
func DefaultTable() Table {
	return Table{
		{Name: "pdf", Ext: ".pdf", MediaType: "application/pdf", Binary: true, Default: true,
			Draws: coverage.PDF{}, Parts: true,
			New: func(_ Config, p style.Profile) (doc.Renderer, error) { return pdf.New(p) }},
		{Name: "docx", Ext: ".docx", MediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Binary: true, Default: true,
			Reference: &Reference{
				Profile: docx.ProfileFrom,
				Write:   func(w io.Writer) error { return docx.WriteReference(w, style.Default()) },
			},
			New: func(c Config, p style.Profile) (doc.Renderer, error) {
				var opts []docx.Option
				if c.ReferenceDOCX != "" {
					opts = append(opts, docx.WithReference(c.ReferenceDOCX))
				}
				// Table columns as wide as in the PDF, so that pages break
				// alike; a profile the PDF cannot set is estimated.
				if m, err := pdf.NewMeasurer(p); err == nil {
					opts = append(opts, docx.WithMeasurer(m))
				}
				return docx.New(p, opts...)
			}},
		{Name: "md", Aliases: []string{"markdown"}, Ext: ".md", Exts: []string{".markdown"}, MediaType: "text/markdown",
			New: func(Config, style.Profile) (doc.Renderer, error) { return markdown.New(), nil }},
		// HTML draws every script: the browser finds a font for it, so
		// the glyph check (which asks only for pdf) does not apply.
		{Name: "html", Ext: ".html", MediaType: "text/html", ReferenceLook: true, PacketPage: true,
			New: func(_ Config, p style.Profile) (doc.Renderer, error) { return html.New(p), nil }},
	}
}

// Register returns the table with f added after the others. Its name,
// aliases and extensions must be new to the table.
func (t Table) Register(f Format) (Table, error) {
	if f.Name == "" || f.Ext == "" || f.New == nil {
		return t, fmt.Errorf("format %q: a format needs a name, an extension and a New", f.Name)
	}
	for _, n := range append([]string{f.Name}, f.Aliases...) {
		if g, err := t.Lookup(n); err == nil {
			return t, fmt.Errorf("format %q: the name %q is %s's", f.Name, n, g.Name)
		}
	}
	for _, e := range append([]string{f.Ext}, f.Exts...) {
		if g, ok := t.ByExt("x" + e); ok {
			return t, fmt.Errorf("format %q: the extension %s is %s's", f.Name, e, g.Name)
		}
	}
	return append(t[:len(t):len(t)], f), nil
}

// Names lists the formats' names, for messages and completion.
func (t Table) Names() []string {
	out := make([]string, len(t))
	for i, f := range t {
		out[i] = f.Name
	}
	return out
}

// Patterns lists the formats' file patterns for messages: "*.pdf, *.docx
// or *.md".
func (t Table) Patterns() string {
	pats := make([]string, len(t))
	for i, f := range t {
		pats[i] = "*" + f.Ext
	}
	return orList(pats)
}

// orList joins "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// Lookup returns the format with the given name or alias (case and
// spaces do not matter); an unknown name is an error that lists the valid
// ones.
func (t Table) Lookup(name string) (Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, f := range t {
		if f.Name == n || slices.Contains(f.Aliases, n) {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("unknown format %q: valid formats are %s", name, strings.Join(t.Names(), ", "))
}

// ByExt returns the format a file name's extension names.
func (t Table) ByExt(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range t {
		if f.Ext == ext || slices.Contains(f.Exts, ext) {
			return f, true
		}
	}
	return Format{}, false
}

// Parse reads a comma-separated list such as "pdf,docx" and returns the
// formats in the table's order without duplicates; "" is the default
// formats.
func (t Table) Parse(s string) ([]Format, error) {
	want := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		f, err := t.Lookup(part)
		if err != nil {
			return nil, err
		}
		want[f.Name] = true
	}
	var out []Format
	for _, f := range t {
		if want[f.Name] || (len(want) == 0 && f.Default) {
			out = append(out, f)
		}
	}
	return out, nil
}

// Packet is the format a packet is written in: the first that lays out
// several parts.
func (t Table) Packet() (Format, bool) {
	for _, f := range t {
		if f.Parts {
			return f, true
		}
	}
	return Format{}, false
}

// PacketPage is the format that writes a packet as one page linking to
// its attached PDFs (Format.PacketPage).
func (t Table) PacketPage() (Format, bool) {
	for _, f := range t {
		if f.PacketPage {
			return f, true
		}
	}
	return Format{}, false
}

// WithReference lists the formats that take a reference document.
func (t Table) WithReference() []Format {
	var out []Format
	for _, f := range t {
		if f.Reference != nil {
			out = append(out, f)
		}
	}
	return out
}

// TakingReference lists the formats that a reference document applies
// to: those that take one and those that take its look (ReferenceLook).
func (t Table) TakingReference() []Format {
	var out []Format
	for _, f := range t {
		if f.Reference != nil || f.ReferenceLook {
			out = append(out, f)
		}
	}
	return out
}

// The package's functions below read the default table.

// Formats is the default table of output formats, in the order a build
// writes them.
func Formats() []Format { return DefaultTable() }

// FormatNames lists the default formats' names.
func FormatNames() []string { return DefaultTable().Names() }

// LookupFormat returns the default table's format with the given name.
func LookupFormat(name string) (Format, error) { return DefaultTable().Lookup(name) }

// FormatOf returns the default table's format a file name's extension
// names.
func FormatOf(path string) (Format, bool) { return DefaultTable().ByExt(path) }

// ParseFormats reads a comma-separated list of the default table's
// formats (see Table.Parse).
func ParseFormats(s string) ([]Format, error) { return DefaultTable().Parse(s) }

// PacketFormat is the default table's format for packets.
func PacketFormat() (Format, bool) { return DefaultTable().Packet() }

// PacketPageFormat is the default table's format for a packet as one
// page (Format.PacketPage).
func PacketPageFormat() (Format, bool) { return DefaultTable().PacketPage() }

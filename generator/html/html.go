// Package html renders a document tree (generator/doc) as one
// self-contained, accessible HTML page: the same tree and the same style
// profile (generator/style) as the PDF and DOCX, for publishing on the web
// under the accessibility law (WCAG 2.1 AA) and for reading on a phone.
//
// A page is one file: the stylesheet is in its <head> and images are
// data: URIs, so that a publishing system takes one file and nothing can
// come apart. It says lang="sv", has the landmarks header, main and footer,
// the running header and footer once (never per page, with no page
// numbers), the headings as the tree numbers them, tables with <caption>
// and <th scope>, figures with alt text and <figcaption>, the fact box as
// a description list and the signature block as text. The head carries
// Dublin Core <meta> elements and a schema.org JSON-LD block (see
// docs/html.md), so that a website can index documents by case number,
// committee, date and kind.
//
// The output is deterministic: the same tree gives the same bytes.
package html

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/gantt"
	"github.com/underlag/underlag/generator/style"
)

// formatName is the renderer's name in errors.
const formatName = "html"

// Renderer renders documents as HTML pages. Like the other renderers it
// keeps a table of block functions (doc.Funcs), filled once in New, and
// walks the tree with doc.Walk; it fails with doc.UnknownBlockError on a
// block kind it has no function for rather than leave the block out. It
// holds no other state and is safe for concurrent use.
type Renderer struct {
	css string // the stylesheet, made once from the profile
	p   style.Profile
	// chart lays out timelines; made when a page first has one
	// (timeline.go).
	chart func() (*gantt.Layouter, error)
	funcs doc.Funcs[BlockFunc]
}

// BlockFunc writes one block. It is called entering and leaving the block,
// as doc.Walk calls its walker; a block whose children need markup between
// them (list items, table cells) writes them itself, with w.Blocks, and
// returns doc.WalkSkipChildren.
type BlockFunc func(w *Writer, b doc.Block, entering bool) (doc.WalkStatus, error)

// Option configures a Renderer.
type Option func(*Renderer)

// WithBlock draws a block kind with fn, in place of the built-in function
// (as a goldmark extension replaces a node's renderer).
func WithBlock(k doc.Kind, fn BlockFunc) Option {
	return func(r *Renderer) { r.funcs.Register(k, fn) }
}

// New returns an HTML renderer drawing with the look of profile p.
func New(p style.Profile, opts ...Option) *Renderer {
	r := &Renderer{css: stylesheet(p), p: p, chart: sync.OnceValues(gantt.New)}
	registerFuncs(&r.funcs)
	for _, o := range opts {
		o(r)
	}
	return r
}

var _ doc.Renderer = (*Renderer)(nil)

// Render writes the document as one HTML page.
func (r *Renderer) Render(w io.Writer, d *doc.Document) error {
	if d == nil {
		return fmt.Errorf("%s: no document", formatName)
	}
	return r.page(w, d.Meta, nil, func(out *Writer) error {
		out.Raw("<main id=\"innehall\">\n")
		if err := out.Blocks(d.Blocks); err != nil {
			return err
		}
		out.Raw("</main>\n")
		return nil
	})
}

// page writes the page around a body: head, header, what body writes, and
// footer.
func (r *Renderer) page(w io.Writer, m doc.Meta, parts []Part, body func(*Writer) error) error {
	out := &Writer{r: r}
	out.Raw("<!DOCTYPE html>\n<html lang=\"" + escape(language(m.Language)) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	out.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	out.Raw("<title>" + escape(pageTitle(m)) + "</title>\n")
	if err := head(out, m, parts); err != nil {
		return err
	}
	out.Raw("<style>\n" + r.css + "</style>\n</head>\n<body>\n")
	out.Raw("<a class=\"hoppa\" href=\"#innehall\">Till innehållet</a>\n")
	header(out, m)
	if err := body(out); err != nil {
		return err
	}
	footer(out, m)
	out.Raw("</body>\n</html>\n")
	if _, err := w.Write(out.buf.Bytes()); err != nil {
		return fmt.Errorf("%s: %w", formatName, err)
	}
	return nil
}

// language is the page's lang: the primary subtag of the document's
// language ("sv" of "sv-SE"), which is what a screen reader picks its
// voice by; Swedish when the document does not say.
func language(tag string) string {
	primary, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
	if primary == "" {
		return "sv"
	}
	return strings.ToLower(primary)
}

// pageTitle is the <title>: the document's title, its kind and its case
// number, which is what a browser tab or a search result should show.
func pageTitle(m doc.Meta) string {
	var parts []string
	for _, s := range []string{m.Title, m.KindLabel, m.CaseNumber} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return "Dokument"
	}
	return strings.Join(parts, " – ")
}

// head writes the metadata a publishing system reads: Dublin Core <meta>
// elements (DCMI's DC-HTML convention) and a schema.org JSON-LD block.
func head(out *Writer, m doc.Meta, parts []Part) error {
	out.Raw("<link rel=\"schema.dcterms\" href=\"http://purl.org/dc/terms/\">\n")
	metas := [][2]string{
		{"description", m.Subject},
		{"author", m.Organisation},
		{"keywords", strings.Join(m.Keywords, ", ")},
		{"generator", strings.TrimSpace(m.Creator)},
		{"dcterms.title", m.Title},
		{"dcterms.identifier", m.CaseNumber},
		{"dcterms.date", m.Date.ISO()},
		{"dcterms.type", m.Type},
		{"dcterms.audience", m.Committee},
		{"dcterms.publisher", m.Organisation},
		{"dcterms.language", m.Language},
	}
	for _, kv := range metas {
		if strings.TrimSpace(kv[1]) != "" {
			out.Raw("<meta name=\"" + kv[0] + "\" content=\"" + escape(kv[1]) + "\">\n")
		}
	}
	ld, err := jsonLD(m, parts)
	if err != nil {
		return fmt.Errorf("%s: metadata: %w", formatName, err)
	}
	out.Raw("<script type=\"application/ld+json\">\n")
	out.buf.Write(ld)
	out.Raw("\n</script>\n")
	return nil
}

// jsonLD describes the document with schema.org's vocabulary: a
// DigitalDocument with its case number as a PropertyValue named
// "diarienummer", its kind as genre, the committee as its audience, the
// organisation as publisher and, for a packet, its parts in order.
func jsonLD(m doc.Meta, parts []Part) ([]byte, error) {
	obj := ldDocument(m)
	obj["@context"] = "https://schema.org"
	obj["encodingFormat"] = "text/html"
	obj["accessMode"] = []string{"textual", "visual"}
	obj["accessibilityFeature"] = []string{"structuralNavigation", "alternativeText"}
	obj["accessModeSufficient"] = []string{"textual"}
	var has []map[string]any
	for i, p := range parts {
		if i == 0 {
			continue // the memo itself
		}
		part := map[string]any{"@type": "DigitalDocument", "position": i, "alternateName": p.Stamp, "name": p.Title}
		if p.Doc != nil {
			part = ldDocument(p.Doc.Meta)
			part["position"] = i
			part["alternateName"] = p.Stamp
			part["url"] = "#" + partID(i)
		} else {
			part["encodingFormat"] = "application/pdf"
			part["url"] = p.Href
		}
		has = append(has, part)
	}
	if len(has) > 0 {
		obj["hasPart"] = has
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	// SetEscapeHTML stays on: "<", ">" and "&" are written as \u003c …,
	// so no text can close the <script> element.
	if err := enc.Encode(obj); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// ldDocument is the schema.org description of one document.
func ldDocument(m doc.Meta) map[string]any {
	obj := map[string]any{"@type": "DigitalDocument"}
	set := func(k, v string) {
		if v = strings.TrimSpace(v); v != "" {
			obj[k] = v
		}
	}
	set("name", m.Title)
	set("genre", m.KindLabel)
	set("description", m.Subject)
	set("inLanguage", m.Language)
	set("dateCreated", m.Date.ISO())
	if len(m.Keywords) > 0 {
		obj["keywords"] = strings.Join(m.Keywords, ", ")
	}
	if m.CaseNumber != "" {
		obj["identifier"] = map[string]any{"@type": "PropertyValue", "propertyID": "diarienummer", "value": m.CaseNumber}
	}
	if m.Organisation != "" {
		obj["publisher"] = map[string]any{"@type": "GovernmentOrganization", "name": m.Organisation}
	}
	if m.Committee != "" {
		obj["audience"] = map[string]any{"@type": "Audience", "audienceType": m.Committee}
	}
	if m.CaseOfficer != "" {
		obj["accountablePerson"] = map[string]any{"@type": "Person", "name": m.CaseOfficer}
	}
	return obj
}

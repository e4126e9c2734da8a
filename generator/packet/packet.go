// Package packet makes a committee's handling: the one PDF that goes to a
// meeting, with the memo (tjänsteskrivelse) first and then each document
// of its decision basis that names a file, as numbered attachments
// ("Bilaga 1", "Bilaga 2" …). An attachment is another data file, loaded,
// checked and composed in the same run, or a PDF made elsewhere.
//
// A packet is all or nothing: an attachment that is missing, not a PDF,
// encrypted, damaged, or a data file with errors is an error at the memo's
// beslutsunderlag[i].fil, and no packet is made, so that a meeting never
// gets a packet with a part silently missing.
//
// Attachments of ours keep their own running header and page numbers, with
// the mark as an extra first line on the right; a foreign PDF's pages are
// drawn a little smaller below a strip that holds the mark (see
// generator/pdf, RenderParts). Everything is a pure function of the files
// read, so the same files make the same bytes.
package packet

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/pdf"
)

// MaxPDFSize bounds a foreign PDF read into a packet: a scanned agreement
// or a detailed map is large, but not larger than this.
const MaxPDFSize = 64 << 20

// Doc is a loaded and checked document as the pipeline gives it
// (*pipeline.Doc). The packet is a stage below the pipeline, which
// offers it (pipeline.Pipeline.Packet): it knows the pipeline only by
// these two interfaces.
type Doc interface {
	Source() string
	Model() model.Document
	Attachments() []model.Attachment
	File(field string) string
	Deps() []string
	// ReadFile reads a file the document names, confined to its data
	// tree and the roots, and bounded by limit (see package confine).
	ReadFile(path string, limit int64) ([]byte, error)
}

// Stages is what a packet needs of the pipeline: to load and compose an
// attachment that is a data file, as a build of it would, and to render
// the parts with the renderer of the format that lays them out. LoadDoc
// returns a nil Doc for a file that did not load or is a registry.
type Stages interface {
	LoadDoc(path string) (Doc, diag.List)
	ComposeDoc(d Doc) (*doc.Document, diag.List)
	RenderParts(w io.Writer, parts []pdf.Part) (int, error)
}

// Packet is a memo with its attachments, loaded, composed and read, ready
// to render.
type Packet struct {
	stages Stages
	parts  []pdf.Part
	files  []string // the file of each part, "" for the memo (see HTMLParts)
	// Deps are the files the packet depends on besides those of the memo
	// itself: each attachment, and for a data file everything it is made
	// from (see pipeline.Doc.Deps).
	Deps []string
}

// Suffix is added to the memo's output name for its packet:
// "memo-handling.pdf".
const Suffix = "-handling"

// New prepares the packet of a loaded document whose tree is memo. It
// returns nil and no errors when the document has no attachments. Warnings
// name external PDFs that keep the packet from claiming PDF/A or PDF/UA
// conformance; problems inside an attachment's data file are reported at
// that file too.
func New(p Stages, d Doc, memo *doc.Document) (*Packet, diag.List) {
	atts := d.Attachments()
	if len(atts) == 0 {
		return nil, nil
	}
	pk := &Packet{stages: p, parts: []pdf.Part{{Doc: memo}}, files: []string{""}}
	var diags diag.List
	for _, a := range atts {
		part, deps, ds := attachment(p, d, a)
		diags = append(diags, ds...)
		pk.parts = append(pk.parts, part)
		pk.files = append(pk.files, d.File(a.Field))
		pk.Deps = append(pk.Deps, deps...)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return pk, diags
}

// Render writes the packet as one file and returns its page count.
func (pk *Packet) Render(w io.Writer) (int, error) {
	return pk.stages.RenderParts(w, pk.parts)
}

// at makes a diagnostic at an attachment's fil field of the memo.
func at(d Doc, a model.Attachment, sev diag.Severity, format string, args ...any) diag.Diagnostic {
	src := d.Model().Base().Source
	pos := src.Pos(a.Field)
	return diag.Diagnostic{File: src.Path, Line: pos.Line, Col: pos.Col, Path: a.Field, Severity: sev,
		Msg: fmt.Sprintf(format, args...), Excerpt: model.LineOf(src.Data, pos.Line)}
}

// attachment prepares one attachment: its part, the files it depends on,
// and its problems.
func attachment(p Stages, d Doc, a model.Attachment) (pdf.Part, []string, diag.List) {
	path := d.File(a.Field)
	if path == "" {
		// The loader resolves every file it is told of; not reached.
		return pdf.Part{}, nil, diag.List{at(d, a, diag.Error, "%s: %s was not resolved", a.Mark(), a.File)}
	}
	part := pdf.Part{Title: a.Heading(), Stamp: a.Mark()}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return dataAttachment(p, d, a, path, part)
	}
	data, err := d.ReadFile(path, MaxPDFSize)
	if err != nil {
		return part, []string{path}, diag.List{at(d, a, diag.Error, "%s: cannot read %s: %v", a.Mark(), a.File, err)}
	}
	f, err := pdf.OpenForeign(data)
	switch {
	case errors.Is(err, pdf.ErrNotPDF):
		return part, []string{path}, diag.List{at(d, a, diag.Error,
			"%s: %s is not a PDF file; an attachment is a data file (.yaml) built in the same run, or a PDF", a.Mark(), a.File)}
	case errors.Is(err, pdf.ErrEncrypted):
		return part, []string{path}, diag.List{at(d, a, diag.Error,
			"%s: %s is encrypted (a password or restrictions on printing or copying); attach a copy saved without protection", a.Mark(), a.File)}
	case err != nil:
		return part, []string{path}, diag.List{at(d, a, diag.Error,
			"%s: %s cannot be used: %v; save or export it again from the program that made it", a.Mark(), a.File, err)}
	}
	part.Foreign = f
	var why []string
	if !f.Tagged {
		why = append(why, "not tagged")
	}
	if f.PDFA == "" {
		why = append(why, "not PDF/A")
	}
	var ds diag.List
	if len(why) > 0 {
		ds = append(ds, at(d, a, diag.Warning,
			"%s: %s is %s, so the packet cannot claim PDF/A or PDF/UA conformance; its pages are in the packet as figures described by their title", a.Mark(), a.File, strings.Join(why, " and ")))
	} else {
		ds = append(ds, at(d, a, diag.Warning,
			"%s: %s is tagged PDF/A-%s, but its tags do not come into the packet, which cannot claim PDF/A or PDF/UA conformance; its pages are figures described by their title", a.Mark(), a.File, f.PDFA))
	}
	return part, []string{path}, ds
}

// dataAttachment loads, checks and composes an attachment that is a data
// file, as a build of it would (the build's own, when it has them).
func dataAttachment(p Stages, d Doc, a model.Attachment, path string, part pdf.Part) (pdf.Part, []string, diag.List) {
	deps := []string{path}
	if same(path, d.Source()) {
		return part, deps, diag.List{at(d, a, diag.Error, "%s: %s is the memo itself; a document cannot be its own attachment", a.Mark(), a.File)}
	}
	ad, ds := p.LoadDoc(path)
	if ad == nil || ds.HasErrors() {
		if !ds.HasErrors() {
			return part, deps, diag.List{at(d, a, diag.Error, "%s: %s is a registry, not a document; attach a document or a PDF", a.Mark(), a.File)}
		}
		return part, deps, append(ds, at(d, a, diag.Error, "%s: %s has errors (listed with it), so there is no packet", a.Mark(), a.File))
	}
	deps = append(deps, ad.Deps()...)
	t, cds := p.ComposeDoc(ad)
	ds = append(ds, cds...)
	if t == nil || cds.HasErrors() {
		return part, deps, append(ds, at(d, a, diag.Error, "%s: %s could not be composed (see its errors), so there is no packet", a.Mark(), a.File))
	}
	if len(ad.Attachments()) > 0 {
		ds = append(ds, at(d, a, diag.Warning,
			"%s: %s has attachments of its own, which do not come into this packet; list them in this memo's beslutsunderlag too if the committee needs them", a.Mark(), a.File))
	}
	// The tree is the build's, shared with the attachment's own outputs:
	// the renderer draws the mark (part.Stamp) into its header.
	part.Doc = t
	return part, deps, ds
}

// same reports whether two paths name one file.
func same(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

package packet

import (
	"fmt"
	"io"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/pdf"
)

// MeetingSuffix is added to a meeting's output name for its packet (the
// möteshandlingar): "hsn-2024-12-10-handlingar.pdf".
const MeetingSuffix = "-handlingar"

// Meeting is a committee meeting's packet: the notice with its agenda, then
// every item's memo with its attachments, as one PDF. Each part keeps its
// own running header and page numbers ("1 (3)"); the outline has an entry
// per part: the notice, each item's memo ("Ärende 3 …") and each
// attachment ("Ärende 3, Bilaga 1 …"). Like a memo's packet it is all or
// nothing: a memo that does not load, or an attachment of one that cannot
// be read, is an error at the item's handling, and no packet is made.
type Meeting struct {
	stages Stages
	parts  []pdf.Part
	// Deps are the files the packet is made from besides the meeting's
	// own: each memo, what it is made from, and its attachments.
	Deps []string
}

// MeetingItem is an agenda item whose memo goes into the packet: its
// number on the agenda, its heading, the memo's resolved path and the
// field that names it (for errors).
type MeetingItem struct {
	Number  int
	Heading string
	Path    string
	Field   string
}

// NewMeeting prepares the packet of a loaded meeting d whose notice is the
// tree notice, with the memos of items.
func NewMeeting(p Stages, d Doc, notice *doc.Document, title string, items []MeetingItem) (*Meeting, diag.List) {
	pk := &Meeting{stages: p, parts: []pdf.Part{{Doc: notice, Title: title}}}
	var diags diag.List
	src := d.Model().Base().Source
	at := func(field, format string, args ...any) {
		pos := src.Pos(field)
		diags = append(diags, diag.Diagnostic{File: src.Path, Line: pos.Line, Col: pos.Col, Path: field, Severity: diag.Error,
			Msg: fmt.Sprintf(format, args...), Excerpt: model.LineOf(src.Data, pos.Line)})
	}
	for _, it := range items {
		pk.Deps = append(pk.Deps, it.Path)
		md, ds := p.LoadDoc(it.Path)
		if md == nil || ds.HasErrors() {
			diags = append(diags, ds...)
			at(it.Field, "item %d: the memo %s has errors (listed with it), so there are no meeting documents", it.Number, it.Path)
			continue
		}
		pk.Deps = append(pk.Deps, md.Deps()...)
		t, cds := p.ComposeDoc(md)
		if t == nil || cds.HasErrors() {
			diags = append(diags, cds...)
			at(it.Field, "item %d: the memo %s could not be composed, so there are no meeting documents", it.Number, it.Path)
			continue
		}
		label := fmt.Sprintf("%s %d %s", model.Capitalise(itemLabel), it.Number, it.Heading)
		memo, ads := New(p, md, t)
		for _, x := range ads {
			if x.Severity == diag.Error {
				diags = append(diags, x)
			}
		}
		if ads.HasErrors() {
			at(it.Field, "item %d: an attachment of the memo %s cannot be used (see its errors), so there are no meeting documents", it.Number, it.Path)
			continue
		}
		if memo == nil {
			pk.parts = append(pk.parts, pdf.Part{Doc: t, Title: label})
			continue
		}
		pk.Deps = append(pk.Deps, memo.Deps...)
		for k, part := range memo.Parts() {
			if k == 0 {
				part.Title = label
			} else {
				part.Title = fmt.Sprintf("%s %d, %s", model.Capitalise(itemLabel), it.Number, part.Title)
			}
			pk.parts = append(pk.parts, part)
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return pk, diags
}

// itemLabel is an agenda item as the outline names it.
const itemLabel = "ärende"

// Render writes the packet as one file and returns its page count.
func (pk *Meeting) Render(w io.Writer) (int, error) {
	return pk.stages.RenderParts(w, pk.parts)
}

// Parts are the packet's parts, the notice first.
func (pk *Meeting) Parts() []pdf.Part { return pk.parts }

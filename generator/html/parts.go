package html

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/doc"
)

// Part is one part of a packet: the memo first, then its attachments in
// order. A part of ours (Doc) is drawn in the page; a PDF made elsewhere
// is a link to it (Href), never embedded.
type Part struct {
	Doc   *doc.Document // the part's tree; nil for a PDF made elsewhere
	Title string        // the attachment's title, for a link and the page's metadata
	Stamp string        // "Bilaga 1"; "" for the memo
	Href  string        // where the PDF is, relative to the page; only when Doc is nil
}

// partID is the anchor of part i.
func partID(i int) string { return "bilaga-" + strconv.Itoa(i) }

// RenderParts writes a packet as one page: the first part (the memo) with
// its header and footer, then each attachment as a section headed by its
// mark, in order; an attachment of ours in full, a PDF as a link.
func (r *Renderer) RenderParts(w io.Writer, parts []Part) error {
	if len(parts) == 0 || parts[0].Doc == nil {
		return fmt.Errorf("%s: a packet starts with its memo", formatName)
	}
	return r.page(w, parts[0].Doc.Meta, parts, func(out *Writer) error {
		out.Raw("<main id=\"innehall\">\n")
		if err := out.Blocks(parts[0].Doc.Blocks); err != nil {
			return err
		}
		if len(parts) > 1 {
			out.Raw("<nav aria-label=\"Bilagor\"><h2>Bilagor</h2>\n<ol class=\"bilagor\">\n")
			for i, p := range parts[1:] {
				out.Raw("<li><a href=\"#" + partID(i+1) + "\">")
				out.Text(label(p))
				out.Raw("</a></li>\n")
			}
			out.Raw("</ol>\n</nav>\n")
		}
		for i, p := range parts[1:] {
			if err := out.part(i+1, p); err != nil {
				return err
			}
		}
		out.Raw("</main>\n")
		return nil
	})
}

// label is how a part is named in the list of attachments: "Bilaga 2 Avtal
// …", whether its title already starts with its mark or not.
func label(p Part) string {
	switch {
	case p.Stamp == "" || strings.HasPrefix(p.Title, p.Stamp):
		return p.Title
	case p.Title == "":
		return p.Stamp
	}
	return p.Stamp + " " + p.Title
}

// part writes one attachment as a section labelled by its mark. Its
// headings sit one level under the page's: its title is an <h2>.
func (w *Writer) part(i int, p Part) error {
	w.Raw("<section class=\"bilaga\" id=\"" + partID(i) + "\" aria-labelledby=\"" + partID(i) + "-rubrik\">\n")
	w.Raw("<p class=\"bilagemarke\" id=\"" + partID(i) + "-rubrik\"><strong>")
	w.Text(label(p))
	w.Raw("</strong></p>\n")
	switch {
	case p.Doc == nil && p.Href == "":
		w.Raw("<p>")
		w.Text(label(p) + " (PDF)")
		w.Raw("</p>\n")
	case p.Doc == nil:
		w.Raw("<p><a href=\"" + escape(p.Href) + "\" type=\"application/pdf\">")
		w.Text(label(p))
		w.Raw(" (PDF)</a></p>\n")
	default:
		// What the attachment's own header says of it, since its header
		// is not drawn: its kind, date and case number.
		var facts []string
		for _, f := range []string{p.Doc.Meta.KindLabel, p.Doc.Meta.Date.ISO(), p.Doc.Meta.CaseNumber} {
			if f = strings.TrimSpace(f); f != "" {
				facts = append(facts, f)
			}
		}
		if len(facts) > 0 {
			w.Raw("<p class=\"liten\">")
			w.Text(strings.Join(facts, " · "))
			w.Raw("</p>\n")
		}
		w.shift = 1
		err := w.Blocks(p.Doc.Blocks)
		w.shift = 0
		if err != nil {
			return err
		}
	}
	w.Raw("</section>\n")
	return nil
}

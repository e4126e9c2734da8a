package html

import (
	"bytes"
	"strings"

	"github.com/underlag/underlag/generator/doc"
)

// Writer is what a BlockFunc writes to: the page being made, and the walk
// of the tree. One Writer makes one page and is not shared.
type Writer struct {
	r   *Renderer
	buf bytes.Buffer
	// figure is set while a figure is open: an image was written and the
	// block after it may be its caption (see figureBlock).
	figure bool
	// shift moves headings down: an attachment's headings in a packet sit
	// one level under the page's own.
	shift int
	// tables counts the tables drawn, for their ids.
	tables int
}

// Raw writes markup as it is.
func (w *Writer) Raw(s string) { w.buf.WriteString(s) }

// Text writes text, escaped.
func (w *Writer) Text(s string) { w.buf.WriteString(escape(s)) }

// Inlines writes runs of inline text.
func (w *Writer) Inlines(runs []doc.Inline) { inlines(&w.buf, runs) }

// Blocks walks blocks with doc.Walk and writes each with the function the
// renderer's table has for its kind.
func (w *Writer) Blocks(blocks []doc.Block) error {
	err := doc.Walk(blocks, func(b doc.Block, entering bool) (doc.WalkStatus, error) {
		if entering && w.figure {
			w.figure = false
			if caption(b) {
				w.Raw("<figcaption>")
				w.Inlines(b.(*doc.Paragraph).Text)
				w.Raw("</figcaption>\n</figure>\n")
				return doc.WalkSkipChildren, nil
			}
			w.Raw("</figure>\n")
		}
		fn, err := w.r.funcs.Func(b)
		if err != nil {
			return doc.WalkStop, err
		}
		return fn(w, b, entering)
	})
	if w.figure {
		w.figure = false
		w.Raw("</figure>\n")
	}
	return err
}

// caption reports whether a block is a figure's caption: the small
// paragraph compose puts right after an image.
func caption(b doc.Block) bool {
	p, ok := b.(*doc.Paragraph)
	return ok && p.Small
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// escape makes text literal in HTML text and in attribute values.
func escape(s string) string { return escaper.Replace(s) }

// inlines writes runs: bold as <strong>, italic as <em>, code as <code>,
// a link as <a> (only to the web, mail and telephone, or within the page),
// a passage in another language as a <span lang>. Page fields are left
// out: a web page has no pages.
func inlines(b *bytes.Buffer, runs []doc.Inline) {
	for _, r := range runs {
		switch {
		case r.Break:
			b.WriteString("<br>")
			continue
		case r.Field != doc.NoField:
			continue
		case r.Text == "":
			continue
		}
		var open, close []string
		wrap := func(o, c string) { open = append(open, o); close = append([]string{c}, close...) }
		if href, ok := safeLink(r.Link); ok {
			wrap("<a href=\""+escape(href)+"\">", "</a>")
		}
		if r.Lang != "" {
			wrap("<span lang=\""+escape(r.Lang)+"\">", "</span>")
		}
		if r.Style&doc.Bold != 0 {
			wrap("<strong>", "</strong>")
		}
		if r.Style&doc.Italic != 0 {
			wrap("<em>", "</em>")
		}
		if r.Style&doc.Code != 0 {
			wrap("<code>", "</code>")
		}
		b.WriteString(strings.Join(open, ""))
		text(b, r.Text)
		b.WriteString(strings.Join(close, ""))
	}
}

// text writes a run's text, escaped, with its line breaks, and each token
// that every format keeps on one line (doc.Unbreakable: a date, a case
// number, "§ 173", an amount with its unit, a phone number) in a span
// the stylesheet does not let the browser break inside. The characters
// stay as they are, so that the text reads and searches the same.
func text(b *bytes.Buffer, s string) {
	at := 0
	for _, r := range doc.Unbreakable(s) {
		if !strings.ContainsAny(s[r[0]:r[1]], " -–\u00a0") {
			continue // nothing in it the browser would break at
		}
		b.WriteString(lineBreaks(escape(s[at:r[0]])))
		b.WriteString("<span class=\"hel\">" + escape(s[r[0]:r[1]]) + "</span>")
		at = r[1]
	}
	b.WriteString(lineBreaks(escape(s[at:])))
}

func lineBreaks(s string) string { return strings.ReplaceAll(s, "\n", "<br>") }

// safeLink returns a link's target when it goes somewhere a reader can
// follow safely: the web, mail, a telephone, or a place in the page or
// beside it. A javascript: or data: link is dropped, its text kept.
func safeLink(link string) (string, bool) {
	link = strings.TrimSpace(link)
	if link == "" {
		return "", false
	}
	lower := strings.ToLower(link)
	for _, scheme := range []string{"https:", "http:", "mailto:", "tel:"} {
		if strings.HasPrefix(lower, scheme) {
			return link, true
		}
	}
	if i := strings.IndexAny(lower, ":/?#"); i >= 0 && lower[i] == ':' {
		return "", false // another scheme
	}
	return link, true
}

package html

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/doc"
)

// registerFuncs fills the renderer's table with a function per block kind
// (doc.Funcs, in the style of goldmark's NodeRendererFuncRegisterer).
func registerFuncs(t *doc.Funcs[BlockFunc]) {
	t.Register(doc.KindHeading, heading)
	t.Register(doc.KindParagraph, paragraph)
	t.Register(doc.KindList, list)
	t.Register(doc.KindTable, table)
	t.Register(doc.KindSignatures, signatures)
	t.Register(doc.KindStatus, status)
	t.Register(doc.KindImage, image)
	t.Register(doc.KindPageBreak, pageBreak)
	t.Register(doc.KindTimeline, timeline)
}

// heading writes the document's title (level 0) as <h1> and a section of
// level n as <h(n+1)>, with its number and its anchor.
func heading(w *Writer, b doc.Block, entering bool) (doc.WalkStatus, error) {
	if !entering {
		return doc.WalkContinue, nil
	}
	h := b.(*doc.Heading)
	tag := "h" + strconv.Itoa(min(max(h.Level, 0)+1+w.shift, 6))
	w.Raw("<" + tag)
	if h.ID != "" {
		w.Raw(" id=\"" + escape(h.ID) + "\"")
	}
	w.Raw(">")
	if h.Number != "" {
		w.Raw("<span class=\"nummer\">" + escape(h.Number) + ".</span> ")
	}
	// A heading is one line: a break in its text is a space.
	text := make([]doc.Inline, len(h.Text))
	for i, r := range h.Text {
		if r.Break {
			r = doc.Text(" ")
		}
		text[i] = r
	}
	w.Inlines(text)
	w.Raw("</" + tag + ">\n")
	return doc.WalkContinue, nil
}

func paragraph(w *Writer, b doc.Block, entering bool) (doc.WalkStatus, error) {
	if !entering {
		return doc.WalkContinue, nil
	}
	p := b.(*doc.Paragraph)
	if p.Small {
		w.Raw("<p class=\"liten\">")
	} else {
		w.Raw("<p>")
	}
	w.Inlines(p.Text)
	w.Raw("</p>\n")
	return doc.WalkContinue, nil
}

// list writes <ul> or <ol> with its items' blocks, walked as the page is.
func list(w *Writer, b doc.Block, entering bool) (doc.WalkStatus, error) {
	if !entering {
		return doc.WalkContinue, nil
	}
	l := b.(*doc.List)
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	w.Raw("<" + tag)
	if l.Ordered && l.Start > 1 {
		w.Raw(" start=\"" + strconv.Itoa(l.Start) + "\"")
	}
	w.Raw(">\n")
	for _, it := range l.Items {
		w.Raw("<li>")
		if err := w.cell(it.Blocks); err != nil {
			return doc.WalkStop, err
		}
		w.Raw("</li>\n")
	}
	w.Raw("</" + tag + ">\n")
	return doc.WalkSkipChildren, nil
}

// cell writes the blocks of a list item or a table cell: one paragraph or
// traffic light as its text alone, so that it gets no paragraph spacing,
// and anything else as blocks.
func (w *Writer) cell(blocks []doc.Block) error {
	if len(blocks) == 1 {
		switch b := blocks[0].(type) {
		case *doc.Paragraph:
			if !b.Small {
				w.Inlines(b.Text)
				return nil
			}
		case *doc.Status:
			w.status(b)
			return nil
		}
	}
	w.Raw("\n")
	return w.Blocks(blocks)
}

// table writes a table. A borderless table of two columns without header
// rows is a block of facts (a memo's case number, date and committee) and
// becomes a description list; any other table is a <table> with its
// caption, its header rows as <th scope="col"> and, when it is borderless
// without a header, its first column as <th scope="row">.
func table(w *Writer, b doc.Block, entering bool) (doc.WalkStatus, error) {
	if !entering {
		return doc.WalkContinue, nil
	}
	t := b.(*doc.Table)
	facts := t.Borderless && len(t.Header) == 0
	if facts && columns(t) == 2 {
		return doc.WalkSkipChildren, factList(w, t)
	}
	class := "tabell"
	if t.Borderless {
		class += " utan-ram"
	}
	// The table scrolls sideways in a frame of its own when a phone is too
	// narrow for it, so the page never does; the frame can take the
	// keyboard's focus to be scrolled, and is named by the caption.
	w.tables++
	id := "tabell-" + strconv.Itoa(w.tables)
	w.Raw("<div class=\"tabellram\" role=\"region\" tabindex=\"0\"")
	if t.Caption != "" {
		w.Raw(" aria-labelledby=\"" + id + "\">\n")
	} else {
		label := t.Summary()
		if label == "" {
			label = "Tabell"
		}
		w.Raw(" aria-label=\"" + escape(label) + "\">\n")
	}
	w.Raw("<table class=\"" + class + "\">\n")
	if t.Caption != "" {
		w.Raw("<caption id=\"" + id + "\">" + escape(t.Caption) + "</caption>\n")
	}
	colgroup(w, t.Columns)
	if len(t.Header) > 0 {
		w.Raw("<thead>\n")
		for _, r := range t.Header {
			if err := w.row(t, r, "col", false); err != nil {
				return doc.WalkStop, err
			}
		}
		w.Raw("</thead>\n")
	}
	if len(t.Rows) > 0 {
		w.Raw("<tbody>\n")
		for i, r := range t.Rows {
			scope := ""
			if facts {
				scope = "row"
			}
			if err := w.row(t, r, scope, doc.KeepRow(i, len(t.Rows))); err != nil {
				return doc.WalkStop, err
			}
		}
		w.Raw("</tbody>\n")
	}
	w.Raw("</table>\n</div>\n")
	return doc.WalkSkipChildren, nil
}

// columns is the number of columns a table has: its column list or its
// widest row.
func columns(t *doc.Table) int {
	n := len(t.Columns)
	for _, rows := range [][]doc.Row{t.Header, t.Rows} {
		for _, r := range rows {
			n = max(n, len(r.Cells))
		}
	}
	return n
}

// colgroup gives the columns with a width hint their share of the table;
// the browser sizes the others from their content, as the PDF and DOCX do.
func colgroup(w *Writer, cols []doc.Column) {
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	if total == 0 {
		return
	}
	w.Raw("<colgroup>")
	for _, c := range cols {
		if c.Width > 0 {
			w.Raw("<col style=\"width: " + strconv.FormatFloat(100*c.Width/total, 'f', 1, 64) + "%\">")
		} else {
			w.Raw("<col>")
		}
	}
	w.Raw("</colgroup>\n")
}

// row writes one row. scope is "col" for header rows, where every cell
// with text is a column header, "row" when the first cell labels the row,
// and "" for data rows. keep marks a body row that a printed page keeps
// with the next, by the rule every format breaks tables by (doc.KeepRow):
// no page shows one body row alone.
func (w *Writer) row(t *doc.Table, r doc.Row, scope string, keep bool) error {
	if keep {
		w.Raw("<tr class=\"hall\">")
	} else {
		w.Raw("<tr>")
	}
	for i, c := range r.Cells {
		tag, attr := "td", ""
		switch {
		case scope == "col" && len(c.Blocks) > 0:
			tag, attr = "th", " scope=\"col\""
		case scope == "row" && i == 0:
			tag, attr = "th", " scope=\"row\""
		}
		if i < len(t.Columns) {
			switch t.Columns[i].Align {
			case doc.AlignRight:
				attr += " class=\"h\""
			case doc.AlignCenter:
				attr += " class=\"c\""
			}
		}
		w.Raw("<" + tag + attr + ">")
		if err := w.cell(c.Blocks); err != nil {
			return err
		}
		w.Raw("</" + tag + ">")
	}
	w.Raw("</tr>\n")
	return nil
}

// factList writes a block of facts as a description list: each row's
// label as <dt> and its value as <dd>.
func factList(w *Writer, t *doc.Table) error {
	w.Raw("<dl class=\"fakta\">\n")
	for _, r := range t.Rows {
		w.Raw("<dt>")
		if len(r.Cells) > 0 {
			if err := w.cell(r.Cells[0].Blocks); err != nil {
				return err
			}
		}
		w.Raw("</dt><dd>")
		if len(r.Cells) > 1 {
			if err := w.cell(r.Cells[1].Blocks); err != nil {
				return err
			}
		}
		w.Raw("</dd>\n")
	}
	w.Raw("</dl>\n")
	return nil
}

// signatures writes the signature block as text: place and date when
// known, then each signer's role, name and title, and date. A web page
// is not signed on: it has no lines to sign on and no empty fields.
func signatures(w *Writer, b doc.Block, entering bool) (doc.WalkStatus, error) {
	if !entering {
		return doc.WalkContinue, nil
	}
	s := b.(*doc.Signatures)
	w.Raw("<div class=\"underskrifter\">\n")
	if s.PlaceDate {
		if pd, _ := s.PlaceDateText(); pd != "" {
			w.Raw("<p>" + escape(pd) + "</p>\n")
		}
	}
	for i := range s.Signers {
		sg := &s.Signers[i]
		var lines []string
		if s.Layout != doc.FormLines {
			lines = sg.NameLines()
		} else {
			if sg.Role != "" {
				lines = append(lines, sg.Role)
			}
			name := sg.Name
			if name != "" && sg.Title != "" {
				name += ", " + sg.Title
			}
			if name != "" {
				lines = append(lines, name)
			}
			if sg.ShowPlace && sg.Place != "" {
				lines = append(lines, labelled(s.Labels.Place, sg.Place))
			}
			if sg.Date != "" {
				lines = append(lines, labelled(s.Labels.Date, sg.Date))
			}
		}
		if len(lines) == 0 {
			continue
		}
		for j := range lines {
			lines[j] = escape(lines[j])
		}
		w.Raw("<p class=\"undertecknare\">" + strings.Join(lines, "<br>") + "</p>\n")
	}
	w.Raw("</div>\n")
	return doc.WalkContinue, nil
}

// labelled is "Datum: 2025-08-22", or the value alone without a label.
func labelled(label, value string) string {
	if label == "" {
		return value
	}
	return label + ": " + value
}

// status writes a traffic light as its word, after a coloured mark that
// the stylesheet draws (a ::before, which a screen reader skips): the word
// says it all.
func status(w *Writer, b doc.Block, entering bool) (doc.WalkStatus, error) {
	if !entering {
		return doc.WalkContinue, nil
	}
	w.Raw("<p>")
	w.status(b.(*doc.Status))
	w.Raw("</p>\n")
	return doc.WalkContinue, nil
}

// status writes a traffic light's line (compose wrote it, with the word
// in bold) in a span whose ::before is the coloured mark. The span holds
// the line, not nothing: an empty element is one tidy trims.
func (w *Writer) status(s *doc.Status) {
	level := min(max(int(s.Level), 1), 3)
	w.Raw("<span class=\"status status-" + strconv.Itoa(level) + "\">")
	w.Inlines(s.Line)
	w.Raw("</span>")
}

// image opens a figure with the image as a data: URI; the small paragraph
// compose puts after it becomes its <figcaption> (see Writer.Blocks). An
// image without alt text gets no alt attribute at all rather than an
// empty one, which would declare it decorative: a checker then finds it.
func image(w *Writer, b doc.Block, entering bool) (doc.WalkStatus, error) {
	if !entering {
		return doc.WalkContinue, nil
	}
	img := b.(*doc.Image)
	w.Raw("<figure>")
	w.img(img, "")
	w.Raw("\n")
	w.figure = true
	return doc.WalkContinue, nil
}

// img writes an <img> with its data inline.
func (w *Writer) img(img *doc.Image, class string) {
	mime := "image/png"
	if img.Format == "jpeg" {
		mime = "image/jpeg"
	}
	w.Raw("<img")
	if class != "" {
		w.Raw(" class=\"" + class + "\"")
	}
	w.Raw(" src=\"data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(img.Data) + "\"")
	if strings.TrimSpace(img.Alt) != "" {
		w.Raw(" alt=\"" + escape(img.Alt) + "\"")
	}
	if img.Width > 0 {
		w.Raw(" style=\"width: " + strconv.FormatFloat(img.Width, 'f', 1, 64) + "mm\"")
	}
	w.Raw(">")
}

// pageBreak starts a new page when the page is printed, and shows nothing
// on a screen.
func pageBreak(w *Writer, _ doc.Block, entering bool) (doc.WalkStatus, error) {
	if entering {
		w.Raw("<div class=\"sidbrytning\"></div>\n")
	}
	return doc.WalkContinue, nil
}

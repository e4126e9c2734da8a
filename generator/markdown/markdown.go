// Package markdown renders a document tree as Markdown (GitHub-flavoured:
// pipe tables), for reading in a terminal, diffing in review, and for
// tests, which read it to check what a document says and in what order.
//
// The output is deterministic. Text is escaped so that it reads back as the
// same text: a `|` in a cell or a `#` at the start of a line stays literal.
package markdown

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/doc"
)

// Renderer renders documents as Markdown. Like the PDF and DOCX renderers
// it keeps a table of write functions indexed by doc.Kind, filled once in
// New, and fails on a block kind it has no function for rather than leave
// the block out. It holds no other state and is safe for concurrent use.
type Renderer struct {
	meta  bool
	funcs doc.Funcs[writeFunc]
}

// writeFunc writes one block to b, each line after the first prefixed
// with indent (for list items).
type writeFunc func(r *Renderer, b *strings.Builder, bl doc.Block, indent string) error

// Option configures a Renderer.
type Option func(*Renderer)

// WithMeta starts the output with the running header and footer as a
// quoted block, as a reader of the printed document would see them.
func WithMeta() Option { return func(r *Renderer) { r.meta = true } }

// New returns a Markdown renderer.
func New(opts ...Option) *Renderer {
	r := &Renderer{}
	for _, o := range opts {
		o(r)
	}
	registerFuncs(&r.funcs)
	return r
}

// registerFuncs fills the renderer's table with a function per block
// kind (doc.Funcs).
func registerFuncs(t *doc.Funcs[writeFunc]) {
	t.Register(doc.KindHeading, writeHeading)
	t.Register(doc.KindParagraph, func(_ *Renderer, b *strings.Builder, bl doc.Block, indent string) error {
		writeLines(b, inlines(bl.(*doc.Paragraph).Text), indent)
		return nil
	})
	t.Register(doc.KindList, writeList)
	t.Register(doc.KindTable, writeTable)
	t.Register(doc.KindSignatures, writeSignatures)
	t.Register(doc.KindStatus, writeStatus)
	t.Register(doc.KindImage, func(_ *Renderer, b *strings.Builder, bl doc.Block, indent string) error {
		writeLines(b, "!["+escape(bl.(*doc.Image).Alt)+"]()", indent)
		return nil
	})
	t.Register(doc.KindTimeline, writeTimeline)
	t.Register(doc.KindPageBreak, func(_ *Renderer, b *strings.Builder, _ doc.Block, indent string) error {
		writeLines(b, "---", indent)
		return nil
	})
}

var _ doc.Renderer = (*Renderer)(nil)

// Render writes the document as Markdown.
func (r *Renderer) Render(w io.Writer, d *doc.Document) error {
	if d == nil {
		return fmt.Errorf("markdown: no document")
	}
	var b strings.Builder
	if r.meta {
		writeMeta(&b, d.Meta)
	}
	if err := r.blocks(&b, d.Blocks, ""); err != nil {
		return err
	}
	out := strings.TrimRight(b.String(), "\n") + "\n"
	if _, err := io.WriteString(w, out); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	return nil
}

func writeMeta(b *strings.Builder, m doc.Meta) {
	if m.HeaderBand != nil || m.FooterBand != nil {
		writeBands(b, m)
		return
	}
	line := func(l doc.Line) string { return inlines(l) }
	var left, right []string
	for _, l := range m.Header.Left {
		left = append(left, line(l))
	}
	for _, l := range m.Header.Right {
		right = append(right, line(l))
	}
	b.WriteString("> " + strings.Join(left, " · ") + " — " + strings.Join(right, " · ") + "\n")
	for _, l := range m.Footer {
		b.WriteString("> " + line(l) + "\n")
	}
	b.WriteString("\n")
}

// blocks writes blocks in document order with doc.Walk, separated by
// blank lines, each line prefixed with indent (for list items). A list
// writes its items and a table its cells itself, with their own indent:
// the walk skips their children, as goldmark's renderers do for a node
// that writes its own.
func (r *Renderer) blocks(b *strings.Builder, blocks []doc.Block, indent string) error {
	var prev doc.Block
	return doc.Walk(blocks, func(bl doc.Block, entering bool) (doc.WalkStatus, error) {
		if !entering || bl == nil {
			return doc.WalkSkipChildren, nil
		}
		if prev != nil {
			b.WriteString(indent)
			b.WriteString("\n")
			// Two lists in a row would read back as one: an empty comment
			// keeps them apart, as CommonMark suggests.
			if l, ok := bl.(*doc.List); ok {
				if p, ok := prev.(*doc.List); ok && p.Ordered == l.Ordered {
					b.WriteString(indent + "<!-- -->\n" + indent + "\n")
				}
			}
		}
		prev = bl
		if err := r.block(b, bl, indent); err != nil {
			return doc.WalkStop, err
		}
		return doc.WalkSkipChildren, nil
	})
}

// block writes one block with the function for its kind.
func (r *Renderer) block(b *strings.Builder, bl doc.Block, indent string) error {
	f, err := r.funcs.Func(bl)
	if err != nil {
		return err
	}
	return f(r, b, bl, indent)
}

func writeHeading(_ *Renderer, b *strings.Builder, bl doc.Block, _ string) error {
	n := bl.(*doc.Heading)
	b.WriteString(strings.Repeat("#", n.Level+1))
	b.WriteString(" ")
	if n.Number != "" {
		b.WriteString(n.Number + ". ")
	}
	// A heading is one line: a break in its text becomes a space.
	b.WriteString(strings.ReplaceAll(inlines(n.Text), "\\\n", " "))
	b.WriteString("\n")
	return nil
}

func writeStatus(_ *Renderer, b *strings.Builder, bl doc.Block, indent string) error {
	writeLines(b, inlines(bl.(*doc.Status).Line), indent)
	return nil
}

func writeLines(b *strings.Builder, s, indent string) {
	for i, l := range strings.Split(s, "\n") {
		if i > 0 || indent != "" {
			b.WriteString(indent)
		}
		b.WriteString(l)
		b.WriteString("\n")
	}
}

func writeList(r *Renderer, b *strings.Builder, bl doc.Block, indent string) error {
	l := bl.(*doc.List)
	n := l.Start
	if n == 0 {
		n = 1
	}
	for _, it := range l.Items {
		marker := "- "
		if l.Ordered {
			marker = strconv.Itoa(n) + ". "
			n++
		}
		var sub strings.Builder
		if err := r.blocks(&sub, it.Blocks, ""); err != nil {
			return err
		}
		lines := strings.Split(strings.TrimRight(sub.String(), "\n"), "\n")
		pad := strings.Repeat(" ", len(marker))
		for i, line := range lines {
			b.WriteString(indent)
			switch {
			case i == 0:
				b.WriteString(marker)
			case line != "":
				b.WriteString(pad)
			}
			b.WriteString(line)
			b.WriteString("\n")
		}
	}
	return nil
}

// writeTable writes a GFM pipe table. A cell's blocks are joined with
// <br>, the only line break a pipe table cell can hold; a borderless
// table is written the same way.
func writeTable(r *Renderer, b *strings.Builder, bl doc.Block, indent string) error {
	t := bl.(*doc.Table)
	cols := len(t.Columns)
	for _, rows := range [][]doc.Row{t.Header, t.Rows} {
		for _, r := range rows {
			cols = max(cols, len(r.Cells))
		}
	}
	if cols == 0 {
		return nil
	}
	row := func(row doc.Row) error {
		b.WriteString(indent + "|")
		for i := 0; i < cols; i++ {
			s := ""
			if i < len(row.Cells) {
				var err error
				if s, err = r.cellText(row.Cells[i]); err != nil {
					return err
				}
			}
			b.WriteString(" " + s + " |")
		}
		b.WriteString("\n")
		return nil
	}
	header := doc.Row{}
	if len(t.Header) > 0 {
		header = t.Header[0]
	}
	if err := row(header); err != nil {
		return err
	}
	b.WriteString(indent + "|" + strings.Repeat(" --- |", cols) + "\n")
	for _, rows := range [][]doc.Row{t.Header[min(1, len(t.Header)):], t.Rows} {
		for _, rw := range rows {
			if err := row(rw); err != nil {
				return err
			}
		}
	}
	if t.Caption != "" {
		b.WriteString(indent + "\n")
		writeLines(b, "*"+escape(t.Caption)+"*", indent)
	}
	return nil
}

// cellText is a cell's blocks as one line of a pipe table.
func (r *Renderer) cellText(c doc.Cell) (string, error) {
	var parts []string
	for _, bl := range c.Blocks {
		var s strings.Builder
		switch n := bl.(type) {
		case *doc.List:
			for i, it := range n.Items {
				var item strings.Builder
				for _, ib := range it.Blocks {
					// A cell's line holds an item's paragraphs only; an
					// unknown block still fails, as it does elsewhere.
					if p, ok := ib.(*doc.Paragraph); ok {
						item.WriteString(inlines(p.Text))
					} else if _, err := r.funcs.Func(ib); err != nil {
						return "", err
					}
				}
				if n.Ordered {
					parts = append(parts, strconv.Itoa(i+1)+". "+item.String())
				} else {
					parts = append(parts, "• "+item.String())
				}
			}
			continue
		default:
			if err := r.block(&s, bl, ""); err != nil {
				return "", err
			}
		}
		parts = append(parts, strings.TrimRight(s.String(), "\n"))
	}
	// A pipe table row is one line: breaks become <br>.
	s := strings.ReplaceAll(strings.Join(parts, "<br>"), "\\\n", "<br>")
	return strings.ReplaceAll(s, "\n", "<br>"), nil
}

func writeSignatures(_ *Renderer, b *strings.Builder, bl doc.Block, indent string) error {
	s := bl.(*doc.Signatures)
	const blank = "……………………"
	field := func(label, value string) string {
		if value == "" {
			value = blank
		}
		return escape(label) + ": " + escape(value)
	}
	first := true
	para := func(lines []string) {
		if !first {
			b.WriteString(indent + "\n")
		}
		first = false
		writeLines(b, strings.Join(lines, "\\\n"), indent)
	}
	if s.PlaceDate {
		if text, complete := s.PlaceDateText(); complete {
			para([]string{escape(text)})
		} else {
			para([]string{field(s.Labels.PlaceDate, text)})
		}
	}
	for i := range s.Signers {
		sg := &s.Signers[i]
		if s.Layout != doc.FormLines {
			lines := []string{blank}
			if s.Layout == doc.NameOnly {
				lines = nil
			}
			for _, l := range sg.NameLines() {
				lines = append(lines, escape(l))
			}
			para(lines)
			continue
		}
		lines := []string{field(s.Caption(sg), "") + " " + field(s.Labels.Date, sg.Date)}
		if sg.ShowPlace {
			lines = append(lines, field(s.Labels.Place, sg.Place))
		}
		name := sg.Name
		if name != "" && sg.Title != "" {
			name += ", " + sg.Title
		}
		lines = append(lines, field(s.Labels.Name, name))
		para(lines)
	}
	return nil
}

// inlines writes runs as Markdown: bold as **…**, italic as *…*, code as
// `…`, links as [text](url), a break as a backslash line end, page fields
// as {page} and {pages}.
func inlines(runs []doc.Inline) string {
	var b strings.Builder
	for _, r := range runs {
		switch {
		case r.Break:
			b.WriteString("\\\n")
			continue
		case r.Field == doc.PageField:
			b.WriteString("{page}")
			continue
		case r.Field == doc.PagesField:
			b.WriteString("{pages}")
			continue
		}
		s := escape(r.Text)
		if r.Style&doc.Code != 0 {
			s = "`" + strings.ReplaceAll(r.Text, "`", "'") + "`"
		}
		lead, core, trail := splitSpace(s)
		if core == "" {
			b.WriteString(s)
			continue
		}
		if r.Style&doc.Italic != 0 {
			core = "*" + core + "*"
		}
		if r.Style&doc.Bold != 0 {
			core = "**" + core + "**"
		}
		if r.Link != "" {
			core = "[" + core + "](" + strings.ReplaceAll(strings.ReplaceAll(r.Link, "(", "%28"), ")", "%29") + ")"
		}
		b.WriteString(lead + core + trail)
	}
	return b.String()
}

// splitSpace separates leading and trailing spaces, which emphasis
// markers must not enclose.
func splitSpace(s string) (lead, core, trail string) {
	core = strings.TrimLeft(s, " ")
	lead = s[:len(s)-len(core)]
	c := strings.TrimRight(core, " ")
	trail = core[len(c):]
	return lead, c, trail
}

// escape makes text literal Markdown: the characters that can start
// markup anywhere get a backslash, and so do those that start a block at
// the beginning of a line ("1." "-" "+" "#" ">"). Newlines in text
// become line breaks.
func escape(s string) string {
	var b strings.Builder
	lineStart := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '`', '[', ']', '<', '>', '|', '#', '~', '{', '}':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString("\\\n")
			lineStart = true
			continue
		case '-', '+', '=':
			if lineStart {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case '.', ')':
			if i > 0 && isDigitRun(s, i) {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case '!', '&':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
		if c != ' ' {
			lineStart = false
		}
	}
	return b.String()
}

// isDigitRun reports whether s[:i] is, since the line's start, only
// digits: "1." there would start an ordered list.
func isDigitRun(s string, i int) bool {
	j := i - 1
	for j >= 0 && s[j] >= '0' && s[j] <= '9' {
		j--
	}
	return j < i-1 && (j < 0 || s[j] == '\n')
}

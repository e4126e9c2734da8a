// Package markdown renders a document tree as Markdown (GitHub-flavoured:
// pipe tables), for reading in a terminal, diffing in review, and for
// tests, which read it to check what a document says and in what order.
//
// The output is deterministic. Text is escaped so that it reads back as the
// same text: a `|` in a cell or a `#` at the start of a line stays literal.
package markdown

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/doc"
)

// Renderer renders documents as Markdown. It holds no state and is safe
// for concurrent use.
type Renderer struct {
	meta bool
}

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
	return r
}

var _ doc.Renderer = (*Renderer)(nil)

// Render writes the document as Markdown.
func (r *Renderer) Render(w io.Writer, d *doc.Document) error {
	bw := bufio.NewWriter(w)
	var b strings.Builder
	if r.meta {
		writeMeta(&b, d.Meta)
	}
	writeBlocks(&b, d.Blocks, "")
	out := strings.TrimRight(b.String(), "\n") + "\n"
	if _, err := bw.WriteString(out); err != nil {
		return err
	}
	return bw.Flush()
}

func writeMeta(b *strings.Builder, m doc.Meta) {
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

// writeBlocks writes blocks separated by blank lines, each line prefixed
// with indent (for list items).
func writeBlocks(b *strings.Builder, blocks []doc.Block, indent string) {
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString(indent)
			b.WriteString("\n")
			// Two lists in a row would read back as one: an empty comment
			// keeps them apart, as CommonMark suggests.
			if l, ok := bl.(*doc.List); ok {
				if p, ok := blocks[i-1].(*doc.List); ok && p.Ordered == l.Ordered {
					b.WriteString(indent + "<!-- -->\n" + indent + "\n")
				}
			}
		}
		writeBlock(b, bl, indent)
	}
}

func writeBlock(b *strings.Builder, bl doc.Block, indent string) {
	switch n := bl.(type) {
	case *doc.Heading:
		b.WriteString(strings.Repeat("#", n.Level+1))
		b.WriteString(" ")
		if n.Number != "" {
			b.WriteString(n.Number + ". ")
		}
		// A heading is one line: a break in its text becomes a space.
		b.WriteString(strings.ReplaceAll(inlines(n.Text), "\\\n", " "))
		b.WriteString("\n")
	case *doc.Paragraph:
		writeLines(b, inlines(n.Text), indent)
	case *doc.List:
		writeList(b, n, indent)
	case *doc.Table:
		writeTable(b, n, indent)
	case *doc.Definitions:
		t := &doc.Table{Header: []doc.Row{{Cells: []doc.Cell{doc.TextCell(n.TermLabel), doc.TextCell(n.DefinitionLabel)}}}}
		for _, it := range n.Items {
			t.Rows = append(t.Rows, doc.Row{Cells: []doc.Cell{doc.TextCell(it.Term), {Blocks: []doc.Block{&doc.Paragraph{Text: it.Definition}}}}})
		}
		writeTable(b, t, indent)
	case *doc.Signatures:
		writeSignatures(b, n, indent)
	case *doc.Status:
		var s strings.Builder
		if len(n.Label) > 0 {
			s.WriteString(inlines(n.Label) + ": ")
		}
		s.WriteString("**" + escape(n.Word) + "**")
		if len(n.Text) > 0 {
			s.WriteString(" – " + inlines(n.Text))
		}
		writeLines(b, s.String(), indent)
	case *doc.Image:
		writeLines(b, "!["+escape(n.Alt)+"]()", indent)
	case *doc.PageBreak:
		writeLines(b, "---", indent)
	}
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

func writeList(b *strings.Builder, l *doc.List, indent string) {
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
		writeBlocks(&sub, it.Blocks, "")
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
}

// writeTable writes a GFM pipe table. A cell's blocks are joined with
// <br>, the only line break a pipe table cell can hold; a borderless
// table is written the same way.
func writeTable(b *strings.Builder, t *doc.Table, indent string) {
	cols := len(t.Columns)
	for _, rows := range [][]doc.Row{t.Header, t.Rows} {
		for _, r := range rows {
			cols = max(cols, len(r.Cells))
		}
	}
	if cols == 0 {
		return
	}
	row := func(r doc.Row) {
		b.WriteString(indent + "|")
		for i := 0; i < cols; i++ {
			s := ""
			if i < len(r.Cells) {
				s = cellText(r.Cells[i])
			}
			b.WriteString(" " + s + " |")
		}
		b.WriteString("\n")
	}
	header := doc.Row{}
	if len(t.Header) > 0 {
		header = t.Header[0]
	}
	row(header)
	b.WriteString(indent + "|" + strings.Repeat(" --- |", cols) + "\n")
	for _, r := range t.Header[min(1, len(t.Header)):] {
		row(r)
	}
	for _, r := range t.Rows {
		row(r)
	}
	if t.Caption != "" {
		b.WriteString(indent + "\n")
		writeLines(b, "*"+escape(t.Caption)+"*", indent)
	}
}

func cellText(c doc.Cell) string {
	var parts []string
	for _, bl := range c.Blocks {
		var s strings.Builder
		switch n := bl.(type) {
		case *doc.List:
			for i, it := range n.Items {
				var item strings.Builder
				for _, ib := range it.Blocks {
					if p, ok := ib.(*doc.Paragraph); ok {
						item.WriteString(inlines(p.Text))
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
			writeBlock(&s, bl, "")
		}
		parts = append(parts, strings.TrimRight(s.String(), "\n"))
	}
	// A pipe table row is one line: breaks become <br>.
	s := strings.ReplaceAll(strings.Join(parts, "<br>"), "\\\n", "<br>")
	return strings.ReplaceAll(s, "\n", "<br>")
}

func writeSignatures(b *strings.Builder, s *doc.Signatures, indent string) {
	const blank = "……………………"
	field := func(label, value string) string {
		if value == "" {
			value = blank
		}
		return escape(label) + ": " + escape(value)
	}
	for i, sg := range s.Signers {
		if i > 0 {
			b.WriteString(indent + "\n")
		}
		sig := s.Labels.Signature
		if sg.Role != "" {
			sig += " " + sg.Role
		}
		lines := []string{field(sig, "") + " " + field(s.Labels.Date, sg.Date)}
		if sg.ShowPlace {
			lines = append(lines, field(s.Labels.Place, sg.Place))
		}
		name := sg.Name
		if name != "" && sg.Title != "" {
			name += ", " + sg.Title
		}
		lines = append(lines, field(s.Labels.Name, name))
		writeLines(b, strings.Join(lines, "\\\n"), indent)
	}
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

package compose

import (
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/underlag/underlag/generator/doc"
)

// Markers that template functions print and the converter replaces. Data
// can never produce one: values are escaped (`<` becomes `\<`) and
// Markdown fields are parsed apart from the template's output.
const (
	blockPrefix   = "<!--underlag:"
	sectionPrefix = "<!--avsnitt:"
	markerSuffix  = "-->"
)

// marker returns what a marker with the given prefix holds, and whether s
// is one.
func marker(s, prefix string) (string, bool) {
	if !strings.HasPrefix(s, prefix) || !strings.HasSuffix(s, markerSuffix) || len(s) < len(prefix)+len(markerSuffix) {
		return "", false
	}
	return s[len(prefix) : len(s)-len(markerSuffix)], true
}

func blockPlaceholder(n int) safe {
	return safe("\n\n" + blockPrefix + strconv.Itoa(n) + markerSuffix + "\n\n")
}

func sectionTag(key string) safe { return safe(sectionPrefix + key + markerSuffix) }

// converter turns a goldmark tree into doc blocks. In template mode it
// replaces the markers template functions printed and makes # headings
// document headings; in data mode (a Markdown field) headings become bold
// paragraphs, since a field's headings must not disturb the template's
// numbering, and raw HTML is text.
type converter struct {
	src      []byte
	r        *run // set in template mode
	template bool
	// subsections makes a data field's headings subsections of the
	// section the field is in (underavsnitt), rather than bold text.
	subsections bool
}

// markdownBlocks parses a Markdown field into blocks.
func (r *run) markdownBlocks(s string) []doc.Block {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if ps, ok := plainParagraphs(s); ok {
		return ps
	}
	src := []byte(s)
	root := r.c.dataMD.Parser().Parse(text.NewReader(src))
	cv := &converter{src: src, r: r}
	return cv.blocks(root)
}

// plainParagraphs is a fast path for the commonest Markdown field: prose
// in paragraphs, with nothing that Markdown would read as markup. It gives
// the same blocks as goldmark would (TestPlainParagraphsAgree checks
// this) without its parse, which is most of the cost of composing. It
// declines, and goldmark parses, whenever a character or line start could
// be markup.
func plainParagraphs(s string) ([]doc.Block, bool) {
	if strings.ContainsAny(s, "\\`*_[]<>&!#|~\t\r") {
		return nil, false
	}
	var out []doc.Block
	var para strings.Builder
	end := func() {
		if para.Len() > 0 {
			out = append(out, &doc.Paragraph{Text: []doc.Inline{{Text: para.String()}}})
			para.Reset()
		}
	}
	for line := range strings.SplitSeq(s, "\n") {
		t := strings.TrimLeft(line, " ")
		if t == "" {
			end()
			continue
		}
		if len(line)-len(t) >= 4 && para.Len() == 0 {
			return nil, false // an indented code block
		}
		if strings.HasSuffix(t, "  ") {
			return nil, false // a hard line break
		}
		if r, _ := utf8.DecodeRuneInString(t); !unicode.IsLetter(r) && r != '(' && r != '"' && r != '\'' && r != '“' && r != '”' && r != '’' {
			return nil, false // could start a list, a heading or a thematic break
		}
		if para.Len() > 0 {
			para.WriteByte(' ')
		}
		para.WriteString(strings.TrimRight(t, " "))
	}
	end()
	return out, true
}

// markdownInline parses a one-paragraph Markdown value into runs; further
// paragraphs are joined with a line break.
func (r *run) markdownInline(s string) []doc.Inline {
	var out []doc.Inline
	for _, b := range r.markdownBlocks(s) {
		if len(out) > 0 {
			out = append(out, doc.Inline{Break: true})
		}
		out = append(out, plainRuns(b)...)
	}
	return out
}

// plainRuns flattens a block into runs, for places that take one line.
func plainRuns(b doc.Block) []doc.Inline {
	switch b := b.(type) {
	case *doc.Paragraph:
		return b.Text
	case *doc.Heading:
		return b.Text
	case *doc.List:
		var out []doc.Inline
		for i, it := range b.Items {
			for j, ib := range it.Blocks {
				if i > 0 || j > 0 {
					out = append(out, doc.Inline{Break: true})
				}
				out = append(out, plainRuns(ib)...)
			}
		}
		return out
	}
	return nil
}

// convertTemplate parses a template's output and builds the document's
// blocks from it.
func (r *run) convertTemplate(src []byte) []doc.Block {
	root := r.c.tmplMD.Parser().Parse(text.NewReader(src))
	cv := &converter{src: src, r: r, template: true}
	return cv.blocks(root)
}

func (cv *converter) blocks(parent ast.Node) []doc.Block {
	var out []doc.Block
	tables := false
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		_, isTable := n.(*east.Table)
		tables = tables || isTable
		out = append(out, cv.block(n)...)
	}
	if tables {
		out = attachCaptions(out)
	}
	// A paragraph that leads into a list ("… genom att:") stays on the
	// list's page.
	for i := 0; i+1 < len(out); i++ {
		if p, ok := out[i].(*doc.Paragraph); ok {
			if _, isList := out[i+1].(*doc.List); isList {
				if k := len(p.Text) - 1; k >= 0 && strings.HasSuffix(strings.TrimSpace(p.Text[k].Text), ":") {
					p.KeepWithNext = true
				}
			}
		}
	}
	return out
}

func (cv *converter) block(n ast.Node) []doc.Block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if fig, ok := cv.figure(n); ok {
			return fig
		}
		runs, _ := cv.inlines(n)
		if len(runs) == 0 {
			return nil
		}
		if isPageBreak(runs) {
			return []doc.Block{&doc.PageBreak{}}
		}
		return []doc.Block{&doc.Paragraph{Text: runs}}
	case *east.Table:
		return []doc.Block{cv.table(n)}
	case *ast.Heading:
		runs, key := cv.inlines(n)
		if !cv.template && cv.subsections {
			return []doc.Block{cv.r.fieldHeading(n.Level, runs)}
		}
		if !cv.template {
			return []doc.Block{&doc.Paragraph{Text: embolden(runs)}}
		}
		h := &doc.Heading{Level: n.Level - 1, Text: runs}
		if h.Level > 3 {
			h.Level = 3
		}
		h.Numbered = cv.r.numbered && h.Level >= 1
		if v, ok := n.AttributeString("class"); ok {
			switch classOf(v) {
			case "onumrerad":
				h.Numbered = false
			case "numrerad":
				h.Numbered = h.Level >= 1
			}
		}
		if key != "" {
			cv.r.keys[h] = key
		}
		return []doc.Block{h}
	case *ast.List:
		l := &doc.List{Ordered: n.IsOrdered()}
		if l.Ordered && n.Start != 1 {
			l.Start = n.Start
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			l.Items = append(l.Items, doc.ListItem{Blocks: cv.blocks(it)})
		}
		return []doc.Block{l}
	case *ast.Blockquote:
		return cv.blocks(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return []doc.Block{&doc.Paragraph{Text: cv.codeLines(n)}}
	case *ast.HTMLBlock:
		raw := cv.rawLines(n)
		if cv.template {
			if v, ok := marker(strings.TrimSpace(raw), blockPrefix); ok {
				if i, err := strconv.Atoi(v); err == nil {
					return cv.r.placed(i)
				}
			}
		}
		raw = strings.TrimRight(raw, "\n")
		if raw == "" {
			return nil
		}
		return []doc.Block{&doc.Paragraph{Text: linesToRuns(raw, 0)}}
	case *ast.ThematicBreak:
		return nil
	}
	// Anything else (an extension's node): keep its text.
	if n.HasChildren() {
		return cv.blocks(n)
	}
	return nil
}

func classOf(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

func embolden(runs []doc.Inline) []doc.Inline {
	for i := range runs {
		runs[i].Style |= doc.Bold
	}
	return runs
}

func (cv *converter) rawLines(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(cv.src))
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		b.Write(h.ClosureLine.Value(cv.src))
	}
	return b.String()
}

func (cv *converter) codeLines(n ast.Node) []doc.Inline {
	return linesToRuns(strings.TrimRight(cv.rawLines(n), "\n"), doc.Code)
}

func linesToRuns(s string, st doc.Style) []doc.Inline {
	var out []doc.Inline
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			out = append(out, doc.Inline{Break: true})
		}
		if line != "" {
			out = append(out, doc.Inline{Text: line, Style: st})
		}
	}
	return out
}

// inlines converts a block's inline children. In template mode it also
// returns the section key a rubrik marker gave.
func (cv *converter) inlines(n ast.Node) ([]doc.Inline, string) {
	var out []doc.Inline
	var key string
	var walk func(n ast.Node, st doc.Style, link string)
	// Text of the same style and link gathers in buf and becomes one run
	// when the style changes, so that a paragraph of many soft-wrapped
	// lines is one string, built once.
	var buf strings.Builder
	var bufStyle doc.Style
	var bufLink string
	flush := func() {
		if buf.Len() > 0 {
			out = append(out, doc.Inline{Text: buf.String(), Style: bufStyle, Link: bufLink})
			buf.Reset()
		}
	}
	add := func(s string, st doc.Style, link string) {
		if s == "" {
			return
		}
		if buf.Len() > 0 && (st != bufStyle || link != bufLink) {
			flush()
		}
		bufStyle, bufLink = st, link
		buf.WriteString(s)
	}
	lineBreak := func() {
		flush()
		out = append(out, doc.Inline{Break: true})
	}
	walk = func(n ast.Node, st doc.Style, link string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Value(cv.src)
				if c.IsRaw() {
					add(string(v), st, link)
				} else {
					add(unescape(v), st, link)
				}
				switch {
				case c.HardLineBreak():
					lineBreak()
				case c.SoftLineBreak():
					add(" ", st, link)
				}
			case *ast.String:
				add(string(c.Value), st, link)
			case *ast.Emphasis:
				s := st | doc.Italic
				if c.Level >= 2 {
					s = st | doc.Bold
				}
				walk(c, s, link)
			case *ast.CodeSpan:
				var b strings.Builder
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if tx, ok := t.(*ast.Text); ok {
						b.Write(tx.Value(cv.src))
					}
				}
				add(b.String(), st|doc.Code, link)
			case *ast.Link:
				walk(c, st, safeLink(string(c.Destination)))
			case *ast.AutoLink:
				add(string(c.Label(cv.src)), st, safeLink(string(c.URL(cv.src))))
			case *ast.Image:
				walk(c, st, link) // the alt text
			case *ast.RawHTML:
				var b strings.Builder
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					b.Write(seg.Value(cv.src))
				}
				raw := b.String()
				if cv.template {
					if k, ok := marker(raw, sectionPrefix); ok {
						key = k
						continue
					}
				}
				add(raw, st, link) // raw HTML is text, never markup
			default:
				walk(c, st, link)
			}
		}
	}
	walk(n, 0, "")
	flush()
	// Trim the spaces a heading's attribute or a marker left at the ends.
	if len(out) > 0 && out[0].Field == doc.NoField && !out[0].Break {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
	}
	if k := len(out) - 1; k >= 0 && out[k].Field == doc.NoField && !out[k].Break {
		out[k].Text = strings.TrimRight(out[k].Text, " ")
		if out[k].Text == "" {
			out = out[:k]
		}
	}
	return out, key
}

// safeLink keeps web and mail links; anything else (javascript:, data:,
// file paths) is shown as text without a link.
func safeLink(u string) string {
	l := strings.ToLower(strings.TrimSpace(u))
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:") {
		return u
	}
	return ""
}

// unescape resolves CommonMark backslash escapes and entity references in
// one pass, as goldmark's HTML writer does: `\&amp;` is the text "&amp;".
func unescape(v []byte) string {
	if !strings.ContainsAny(string(v), "\\&") {
		return string(v)
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && isASCIIPunct(v[i+1]):
			b.WriteByte(v[i+1])
			i++
		case c == '&':
			end := -1
			for j := i + 1; j < len(v) && j < i+34; j++ {
				if v[j] == ';' {
					end = j
					break
				}
			}
			if end > 0 {
				ent := string(v[i : end+1])
				if u := html.UnescapeString(ent); u != ent {
					b.WriteString(u)
					i = end
					continue
				}
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

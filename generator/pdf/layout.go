package pdf

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
)

// The renderer works in two stages, layout and writing. Layout turns
// blocks into boxes: a vertical list of unbreakable pieces (a line of
// text, a table row, a whole signature block) carrying their drawing
// operations relative to their top. The flow then cuts that list into
// pages, honouring "keep with next" links between boxes and repeating
// table headers. Only when every page is known, and with it the page count
// for "1 (3)", does each page get its running header and footer. The pages
// are then finished, and the writer (write.go) only serialises their
// operations; it never calls back into layout. Layout writes nothing,
// which keeps it cheap and lets it measure freely.

// opKind says what an op draws.
type opKind uint8

const (
	opText   opKind = iota // text at x and baseline y
	opLink                 // a clickable area
	opLine                 // a line from (x, y) to (x+w, y+h)
	opRect                 // a rectangle, filled and/or stroked
	opCircle               // a filled circle at (x, y) with radius w
	opImage                // an image in the box x, y, w, h
	opPoly                 // a polygon of pts, relative to (x, y), filled and/or stroked
)

// op is one drawing operation. One struct for all kinds keeps the display
// list a flat slice.
type op struct {
	kind  opKind
	face  uint8
	fill  bool
	draw  bool
	tag   int32 // structure element, tagArtifact, tagInline, or 0 when not yet stamped
	x, y  float64
	w, h  float64
	size  float64 // font size in points; line width in mm for lines and rects
	color style.RGB
	fillc style.RGB
	text  string // text, link target or image name
	// more is what few ops need, nil for the rest: a page's display list
	// is mostly text and rules, copied as it is laid out, moved onto pages
	// and stamped, and an op of 80 bytes rather than 152 was a fifth less
	// allocation in a build. Shared between copies: never changed.
	more *opMore
}

// opMore is the rest of an op.
type opMore struct {
	img  *doc.Image
	pts  []float64 // a polygon's corners, x, y pairs relative to (x, y)
	dash float64   // a line's dash length; 0 for solid
	// href and lang are the link and the language of a link's or a
	// foreign-language run's text and link area, for stamp to group them
	// into one inline element.
	href, lang string
}

// img, pts, dash, href and lang read the op's more; zero without it.
func (o *op) img() *doc.Image {
	if o.more == nil {
		return nil
	}
	return o.more.img
}

func (o *op) pts() []float64 {
	if o.more == nil {
		return nil
	}
	return o.more.pts
}

func (o *op) dash() float64 {
	if o.more == nil {
		return 0
	}
	return o.more.dash
}

func (o *op) href() string {
	if o.more == nil {
		return ""
	}
	return o.more.href
}

func (o *op) lang() string {
	if o.more == nil {
		return ""
	}
	return o.more.lang
}

// box is an unbreakable piece of the vertical list.
type box struct {
	h      float64 // height
	before float64 // space above; dropped at the top of a page
	ops    []op    // y relative to the box's top
	// keep ties the box to the next one: a page may not break between them.
	keep bool
	// pageBreak starts a new page before the box.
	pageBreak bool
	// repeat holds a table's header rows, drawn again above the box when the
	// box starts a page.
	repeat []box
	// mark is a bookmark for the outline, set on a heading's box.
	mark *bookmark
	// split cuts a box that is taller than a page into a part at most
	// avail high and the rest: the last resort for a huge table row. Nil
	// for boxes that must never be cut.
	split func(avail float64) (first, rest box, ok bool)
}

// bookmark is an outline entry.
type bookmark struct {
	text  string
	level int
}

// shift returns the ops moved down by dy and right by dx, appended to dst.
func shift(dst []op, ops []op, dx, dy float64) []op {
	for _, o := range ops {
		o.x += dx
		o.y += dy
		dst = append(dst, o)
	}
	return dst
}

// span is a piece of styled text: the unit the line breaker works with.
type span struct {
	text string
	// run is the link and the language of the run the span comes from;
	// nil for the text of most runs, which have neither. Shared by the
	// run's spans: a span is copied many times in a layout (into lines,
	// split, cut), and small is what keeps that cheap.
	run *runAttrs
	// breaks are the word's hyphenation points and compound joints, found
	// the first time the word does not fit (hyphenate), or the data's own
	// soft hyphens (U+00AD, taken out of text): then the word's only
	// hyphenation points. nil until then. Shared: never changed.
	breaks *wordBreaks
	w      float64 // width in mm
	face   uint8
	space  bool // a breakable space
	brk    bool // a hard line break
	cut    bool // a word cut here, going on on the next line
	// hyphen is set on the first part of a hyphenated word: a hyphen is
	// drawn after it (and counted in w).
	hyphen bool
	// whole is set on a word that is never hyphenated nor broken after
	// a hyphen of its own: a name, or a piece of a date, case number,
	// amount or phone number (doc.Unbreakable).
	whole bool
	// glue is set on a space inside such a token: not a place to break.
	glue bool
}

// runAttrs are what a run's spans share besides their face.
type runAttrs struct {
	link string
	lang string // BCP 47 tag of text in another language than the document's
}

// link and lang are the span's run's link target and language, "" for
// none.
func (s *span) link() string {
	if s.run == nil {
		return ""
	}
	return s.run.link
}

func (s *span) lang() string {
	if s.run == nil {
		return ""
	}
	return s.run.lang
}

// textStyle is what a paragraph's runs are set in.
type textStyle struct {
	size  float64 // points
	lead  float64 // line height in mm
	color style.RGB
	bold  bool // everything bold, as in headings and table header rows
	// hyphenate allows words to be hyphenated: only running text and
	// table body cells are (see hyphenate.go), never headings, table
	// headers, signatures or the running header and footer.
	hyphenate bool
	// names are the words of the document's names (doc.Meta.Names),
	// never hyphenated.
	names nameSet
}

// faceOf picks the face for a run.
func faceOf(s doc.Style, bold bool) uint8 {
	if s&doc.Code != 0 {
		return faceMono
	}
	f := uint8(s & (doc.Bold | doc.Italic))
	if bold {
		f |= faceBold
	}
	return f
}

// spans splits runs into words and spaces, measured at ts.size.
func (r *Renderer) spans(runs []doc.Inline, ts textStyle) []span {
	return r.spansTo(nil, runs, ts)
}

// spansTo is spans appended to out[:0], reusing its memory.
func (r *Renderer) spansTo(out []span, runs []doc.Inline, ts textStyle) []span {
	n := 0
	for _, in := range runs {
		n += 2*strings.Count(in.Text, " ") + 2
	}
	out = slices.Grow(out[:0], n)
	for _, in := range runs {
		if in.Break {
			out = append(out, span{brk: true})
			continue
		}
		if in.Field != doc.NoField {
			continue
		}
		fc := faceOf(in.Style, ts.bold)
		f := r.face(fc)
		text := invisible(in.Text)
		var run *runAttrs
		if lang := cleanLang(in.Lang); in.Link != "" || lang != "" {
			run = &runAttrs{link: in.Link, lang: lang}
		}
		// Tokens that must stay on one line, as byte ranges of text.
		tokens := doc.Unbreakable(text)
		inToken := func(start, end int) bool {
			for _, t := range tokens {
				if start >= t[0] && end <= t[1] {
					return true
				}
			}
			return false
		}
		word := func(w string, at int) span {
			sp := span{text: w, face: fc, run: run}
			if strings.Contains(w, softHyphen) {
				var soft []int
				sp.text, soft = softPoints(w)
				sp.breaks = &wordBreaks{soft: soft}
			}
			sp.whole = inToken(at, at+len(w)) || ts.names.has(sp.text)
			sp.w = f.width(sp.text, ts.size)
			return sp
		}
		for pos := 0; pos < len(text); {
			i := strings.IndexAny(text[pos:], " \t\n\r")
			if i < 0 {
				out = append(out, word(text[pos:], pos))
				break
			}
			i += pos
			if i > pos {
				out = append(out, word(text[pos:i], pos))
			}
			if text[i] == '\n' {
				out = append(out, span{brk: true})
			} else if text[i] != '\r' {
				glue := text[i] == ' ' && inToken(i, i+1)
				out = append(out, span{text: " ", face: fc, run: run, w: f.width(" ", ts.size), space: true, glue: glue})
			}
			pos = i + 1
		}
	}
	return out
}

// lines breaks spans into lines no wider than width, greedily, as a word
// processor does for ragged-right text. A word wider than the line is cut
// between characters.
func (r *Renderer) lines(sp []span, width float64, ts textStyle) [][]span {
	out, _ := r.linesTo(nil, nil, sp, width, ts)
	return out
}

// linesTo is lines made in the memory of buf (the lines' spans) and out
// (the lines), both reused from their start. It returns the buffer it
// used, grown when buf was too small, for the next call.
func (r *Renderer) linesTo(buf []span, out [][]span, sp []span, width float64, ts textStyle) ([][]span, []span) {
	out = out[:0]
	// The lines are slices of one buffer, cur the one being filled: a
	// line is not grown span by span in an allocation of its own.
	buf = slices.Grow(buf[:0], len(sp)+4)
	cur := buf
	x := 0.0
	// hyphenated counts the lines just before this one that end in a
	// hyphenated word: no more than maxHyphenated in a row.
	hyphenated := 0
	flush := func() {
		// Drop trailing spaces: they would only push right-aligned text left.
		for len(cur) > 0 && cur[len(cur)-1].space {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 && cur[len(cur)-1].cut {
			hyphenated++
		} else {
			hyphenated = 0
		}
		out = append(out, cur[:len(cur):len(cur)])
		cur = cur[len(cur):]
		x = 0
	}
	for i := 0; i < len(sp); {
		s := sp[i]
		switch {
		case s.brk:
			flush()
			i++
			continue
		case s.space:
			if len(cur) > 0 {
				cur = append(cur, s)
				x += s.w
			}
			i++
			continue
		}
		// A word: the spans up to the next space or break, spaces inside
		// a token (glue) included.
		j, ww := i, 0.0
		for j < len(sp) && !(sp[j].space && !sp[j].glue) && !sp[j].brk {
			ww += sp[j].w
			j++
		}
		if x+ww > width && j == i+1 && r.mayHyphenate(&sp[i], ts) && (hyphenated < maxHyphenated || len(cur) == 0) {
			// One span that does not fit: hyphenate it, the first part
			// onto this line when there is room for one, else onto the
			// next; the rest is then laid out as a word of its own.
			if head, rest, ok := r.hyphenate(&sp[i], width-x, ts); ok {
				cur = append(cur, head)
				flush()
				sp[i] = rest
				continue
			}
			if len(cur) > 0 {
				if _, _, ok := r.hyphenate(&sp[i], width, ts); ok {
					flush()
					continue
				}
			}
		}
		if x+ww > width && len(cur) > 0 {
			flush()
		}
		if ww > width {
			// Too long for any line: cut it between characters.
			for k := i; k < j; k++ {
				for _, part := range r.cutWord(sp[k], width, x, ts) {
					if x+part.w > width && len(cur) > 0 {
						cur[len(cur)-1].cut = true
						flush()
					}
					cur = append(cur, part)
					x += part.w
				}
			}
			i = j
			continue
		}
		cur = append(cur, sp[i:j]...)
		x += ww
		i = j
	}
	if len(cur) > 0 || len(out) == 0 {
		flush()
	}
	return out, buf
}

// cutWord splits a span into pieces that fit the line, the first one into
// what is left of the current line.
func (r *Renderer) cutWord(s span, width, x float64, ts textStyle) []span {
	f := r.face(s.face)
	var out []span
	start, w := 0, 0.0
	room := width - x
	for i, c := range s.text {
		cw := f.width(string(c), ts.size)
		if w+cw > room && i > start {
			out = append(out, span{text: s.text[start:i], face: s.face, run: s.run, w: w})
			start, w, room = i, 0, width
		}
		w += cw
	}
	out = append(out, span{text: s.text[start:], face: s.face, run: s.run, w: w})
	// The last piece keeps three letters, as a hyphenated word's does:
	// the piece before it gives them up.
	if n := len(out); n > 1 {
		last, prev := &out[n-1], &out[n-2]
		for utf8.RuneCountInString(last.text) < 3 && utf8.RuneCountInString(prev.text) > 3 {
			_, size := utf8.DecodeLastRuneInString(prev.text)
			last.text = prev.text[len(prev.text)-size:] + last.text
			prev.text = prev.text[:len(prev.text)-size]
		}
		last.w, prev.w = f.width(last.text, ts.size), f.width(prev.text, ts.size)
	}
	return out
}

// lineOps turns one line into drawing operations, merging neighbouring
// spans of the same face and link into one text operation so that text
// extraction sees ordinary words and spaces. align is the line's
// alignment within width. When more is set, another line follows: the
// space the line broke at is kept at the end of its text, invisible but
// there for text extraction and screen readers, which would otherwise run
// the last word of one line into the first of the next.
func (r *Renderer) lineOps(dst []op, line []span, x0, top, width float64, align doc.Align, ts textStyle, more bool) []op {
	total := 0.0
	for _, s := range line {
		total += s.w
	}
	switch align {
	case doc.AlignRight:
		x0 += width - total
	case doc.AlignCenter:
		x0 += (width - total) / 2
	}
	base := r.baseline(top, ts)
	// The space the line broke at goes at the end of its last text.
	trail := more && len(line) > 0 && !line[len(line)-1].cut
	// The texts of merged spans are made in one string for the line,
	// each a part of it: one allocation, not one or more per text.
	var b strings.Builder
	if n := joinedLen(line, trail); n > 0 {
		b.Grow(n)
	}
	x := x0
	for i := 0; i < len(line); {
		j := groupEnd(line, i)
		w := 0.0
		for _, s := range line[i:j] {
			w += s.w
		}
		last := trail && j == len(line)
		var text string
		if j == i+1 && !line[i].hyphen && !last {
			text = line[i].text
		} else {
			from := b.Len()
			for _, s := range line[i:j] {
				b.WriteString(s.text)
				if s.hyphen {
					b.WriteString(softHyphen)
				}
			}
			if last {
				b.WriteByte(' ')
			}
			text = b.String()[from:]
		}
		c := ts.color
		link := line[i].link()
		if link != "" {
			c = r.p.LinkColor
		}
		if !safeURI(link) {
			// Only web, mail and phone addresses become clickable; any
			// other target is drawn as a link but read as text.
			link = ""
		}
		t := op{kind: opText, face: line[i].face, x: x, y: base, size: ts.size, color: c, text: text}
		lang := line[i].lang()
		if link != "" || lang != "" {
			t.more = &opMore{href: link, lang: lang}
			t.tag = tagInline
		}
		dst = append(dst, t)
		if line[i].link() != "" {
			// Underline links as Word does, and make them clickable.
			ul := base + ts.size*ptToMM*0.12
			dst = append(dst, op{kind: opLine, x: x, y: ul, w: w, size: ts.size * 0.05 * ptToMM, color: c, tag: tagArtifact})
		}
		if link != "" {
			dst = append(dst, op{kind: opLink, x: x, y: top, w: w, h: ts.lead, text: link, more: t.more, tag: tagInline})
		}
		x += w
		i = j
	}
	return dst
}

// groupEnd returns the end of the spans from i on that lineOps draws as
// one text: the same face, link and language.
func groupEnd(line []span, i int) int {
	j := i + 1
	for j < len(line) && line[j].face == line[i].face && line[j].link() == line[i].link() && line[j].lang() == line[i].lang() {
		j++
	}
	return j
}

// joinedLen is the length of the texts lineOps makes for a line: those of
// groups of more than one span, or with a hyphen, and the last with the
// space the line broke at when trail is set.
func joinedLen(line []span, trail bool) int {
	n := 0
	for i := 0; i < len(line); {
		j := groupEnd(line, i)
		last := trail && j == len(line)
		if j > i+1 || line[i].hyphen || last {
			for _, s := range line[i:j] {
				n += len(s.text)
				if s.hyphen {
					n += len(softHyphen)
				}
			}
			if last {
				n++
			}
		}
		i = j
	}
	return n
}

// baseline returns where text sits in a line box whose top is top.
func (r *Renderer) baseline(top float64, ts textStyle) float64 {
	f := r.face(faceRegular)
	em := ts.size * ptToMM / 1000
	textH := (f.ascent - f.descent) * em
	return top + (ts.lead-textH)/2 + f.ascent*em
}

// textBoxes lays out runs as a paragraph: one box per line, with the first
// two and the last two lines kept together (no orphans, no widows).
func (r *Renderer) textBoxes(runs []doc.Inline, x, width float64, align doc.Align, ts textStyle) []box {
	// The spans and lines are needed only until their operations are
	// made (which copy what they keep): they are made in memory the
	// renderer reuses, as every paragraph and table cell comes here.
	sc := r.spanScratchOf()
	sc.spans = r.spansTo(sc.spans, runs, ts)
	var ls [][]span
	ls, sc.buf = r.linesTo(sc.buf, sc.lines, sc.spans, width, ts)
	sc.lines = ls
	boxes := make([]box, len(ls))
	for i, l := range ls {
		boxes[i] = box{h: ts.lead, ops: r.lineOps(nil, l, x, 0, width, align, ts, i < len(ls)-1)}
		// A word broken at the line's end goes on on the same page.
		boxes[i].keep = len(l) > 0 && l[len(l)-1].cut
	}
	r.keepSpanScratch(sc)
	n := len(boxes)
	if n >= 2 {
		boxes[0].keep = true
		boxes[n-2].keep = true
	}
	return boxes
}

// naturalWidth is the width runs take on one line, and the widest word:
// what an automatic table column would like and what it needs at least.
// It measures in place, without building spans: every cell of every
// table goes through it.
func (r *Renderer) naturalWidth(runs []doc.Inline, ts textStyle) (line, word float64) {
	k := ts.size / 1000 * ptToMM
	cur, w := 0.0, 0.0
	for _, in := range runs {
		if in.Break {
			line = max(line, cur)
			cur, w = 0, 0
			continue
		}
		if in.Field != doc.NoField {
			continue
		}
		f := r.face(faceOf(in.Style, ts.bold))
		for _, c := range in.Text {
			switch c {
			case '\n':
				line = max(line, cur)
				cur, w = 0, 0
			case ' ', '\t':
				cur += float64(f.widths[f.glyph(' ')]) * k
				w = 0
			case '\r', 0xad:
			default:
				if c >= 0x200b && dropped(c) || c < 0x20 || c >= 0x7f && c < 0xa0 {
					continue
				}
				cw := float64(f.widths[f.glyph(c)]) * k
				cur += cw
				w += cw
				word = max(word, w)
			}
		}
	}
	return max(line, cur), word
}

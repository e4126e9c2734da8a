package pdf

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // decoders for Image blocks' sizes
	_ "image/png"
	"strconv"

	"github.com/underlag/underlag/generator/doc"
)

// layoutFunc lays out one block in a frame. The renderer keeps a table of
// them indexed by doc.Kind, filled once in New.
type layoutFunc func(r *Renderer, b doc.Block, fr frame) ([]box, error)

// frame is where blocks are laid out: the horizontal extent and what
// kind of container they are in.
type frame struct {
	x, width float64
	depth    int       // list nesting
	cell     bool      // in a table cell: table type size
	bold     bool      // in a table header row
	align    doc.Align // the column's alignment
	// tags is the document's structure tree, nil when laying out only to
	// measure; parent is the element new blocks go under.
	tags   *structTree
	parent int
	// names are the words of the document's names, never hyphenated.
	names nameSet
	// h1 is the heading level tagged H1: 0 when the document has a title
	// (a level 0 heading), else 1, so that the first heading is always an
	// H1 and the levels never skip.
	h1 int
}

// registerFuncs fills the renderer's table with a layout function per
// block kind (doc.Funcs).
func registerFuncs(t *doc.Funcs[layoutFunc]) {
	t.Register(doc.KindHeading, layoutHeading)
	t.Register(doc.KindParagraph, layoutParagraph)
	t.Register(doc.KindList, layoutList)
	t.Register(doc.KindTable, layoutTable)
	t.Register(doc.KindSignatures, layoutSignatures)
	t.Register(doc.KindStatus, layoutStatus)
	t.Register(doc.KindImage, layoutImage)
	t.Register(doc.KindTimeline, layoutTimeline)
	t.Register(doc.KindPageBreak, func(*Renderer, doc.Block, frame) ([]box, error) {
		return []box{{pageBreak: true}}, nil
	})
}

// textStyle returns the style of running text in a frame.
func (r *Renderer) textStyle(fr frame, small bool) textStyle {
	size := r.p.BodySize
	if fr.cell {
		size = r.p.TableSize
	}
	if small {
		size = min(size, r.p.SmallSize)
	}
	ts := r.styleAt(size, fr.bold)
	ts.hyphenate = !fr.bold // table headers are not hyphenated
	ts.names = fr.names
	return ts
}

func (r *Renderer) styleAt(size float64, bold bool) textStyle {
	return textStyle{size: size, lead: size * r.p.LineHeight * ptToMM, color: r.p.TextColor, bold: bold}
}

// layoutBlocks lays out a sequence of blocks with the spacing between
// them.
func (r *Renderer) layoutBlocks(blocks []doc.Block, fr frame) ([]box, error) {
	var out []box
	var prev doc.Block
	for _, b := range blocks {
		if b == nil {
			continue
		}
		layout, err := r.funcs.Func(b)
		if err != nil {
			return nil, err
		}
		inner := fr
		if e := fr.tags.add(role(b, fr.h1), fr.parent); e != 0 {
			inner.parent = e
			if img, ok := b.(*doc.Image); ok {
				fr.tags.elems[e].alt = img.Alt
			}
			if tl, ok := b.(*doc.Timeline); ok {
				fr.tags.elems[e].alt = tl.Alt
			}
		}
		bs, err := layout(r, b, inner)
		if err != nil {
			return nil, err
		}
		if inner.parent != fr.parent {
			stamp(fr.tags, bs, inner.parent)
		}
		if len(bs) == 0 {
			continue
		}
		if prev != nil {
			bs[0].before = r.gap(prev, b, fr)
			if keepsWithPrevious(b) {
				out[len(out)-1].keep = true // signatures.go
			}
		}
		out = append(out, bs...)
		prev = b
	}
	return out, nil
}

// role is a block's structure type. A page break has none. h1 is the
// heading level that is an H1 (see frame.h1).
func role(b doc.Block, h1 int) string {
	switch n := b.(type) {
	case *doc.Heading:
		// The title is the one H1; sections are H2 to H4, so that the
		// levels do not skip. Without a title, sections are H1 to H3.
		return "H" + strconv.Itoa(min(max(max(n.Level, 0)-h1, 0)+1, 6))
	case *doc.Paragraph, *doc.Status:
		return "P"
	case *doc.List:
		return "L"
	case *doc.Table:
		return "Table"
	case *doc.Signatures:
		return "Div"
	case *doc.Image, *doc.Timeline:
		return "Figure"
	}
	return ""
}

// gap is the space between two neighbouring blocks.
func (r *Renderer) gap(prev, next doc.Block, fr frame) float64 {
	if h, ok := prev.(*doc.Heading); ok {
		if h.Level == 0 {
			// The title stands apart from what follows it.
			return r.p.HeadingSpaceBefore
		}
		return r.p.HeadingSpaceAfter
	}
	switch {
	case next.Kind() == doc.KindHeading:
		return r.p.HeadingSpaceBefore
	case fr.cell || fr.depth > 0:
		return r.p.ParagraphSpacing / 2
	}
	return r.p.ParagraphSpacing
}

func layoutHeading(r *Renderer, b doc.Block, fr frame) ([]box, error) {
	h := b.(*doc.Heading)
	size := r.p.TitleSize
	if h.Level >= 1 {
		size = r.p.HeadingSizes[min(h.Level, len(r.p.HeadingSizes))-1]
	}
	ts := r.styleAt(size, true)
	ts.color = r.p.HeadingColor
	runs := h.Text
	if h.Number != "" {
		runs = append([]doc.Inline{doc.Text(h.Number + ". ")}, h.Text...)
	}
	bs := r.textBoxes(runs, fr.x, fr.width, doc.AlignLeft, ts)
	for i := range bs {
		bs[i].keep = true // a heading never ends a page
	}
	// Every heading outside lists and tables gets a bookmark, the title
	// too: the outline is the structure tree's headings, the sections
	// under the title as their H2 to H4 are under its H1.
	if fr.depth == 0 && !fr.cell {
		bs[0].mark = &bookmark{text: doc.HeadingText(h), level: min(max(h.Level, 0), 3) + 1}
	}
	return bs, nil
}

func layoutParagraph(r *Renderer, b doc.Block, fr frame) ([]box, error) {
	p := b.(*doc.Paragraph)
	bs := r.textBoxes(p.Text, fr.x, fr.width, fr.align, r.textStyle(fr, p.Small))
	if p.KeepWithNext {
		for i := range bs {
			bs[i].keep = true
		}
	}
	return bs, nil
}

// bullets are the list markers by nesting level, as Word's default list
// style draws them.
var bullets = [...]string{"•", "–", "◦"}

// List nesting is indented up to maxListIndents levels (ilvl 0–8, as many
// as Word has), and only while the text keeps at least minListText of
// width: a list nested deeper lines up with the deepest indented one, as
// in the DOCX. Indenting without end pushed the text of a list nested a
// couple of dozen levels deep off the page, which left blank pages.
const (
	maxListIndents = 9
	minListText    = 20.0 // mm
)

func layoutList(r *Renderer, b doc.Block, fr frame) ([]box, error) {
	l := b.(*doc.List)
	ts := r.textStyle(fr, false)
	indent := r.p.ListIndent
	inner := fr
	// A list that is not indented puts its markers where its parent's
	// are, one indent left of the text; the top level always indents.
	markerX := fr.x
	if fr.depth == 0 || fr.depth < maxListIndents && fr.width-indent >= minListText {
		inner.x += indent
		inner.width -= indent
	} else {
		markerX -= indent
	}
	inner.depth++
	inner.align = doc.AlignLeft
	start := l.Start
	if start == 0 {
		start = 1
	}
	var out []box
	for i, it := range l.Items {
		li := fr.tags.add("LI", fr.parent)
		lbl := fr.tags.add("Lbl", li)
		inner.parent = fr.tags.add("LBody", li)
		bs, err := r.layoutBlocks(it.Blocks, inner)
		if err != nil {
			return nil, err
		}
		if len(bs) == 0 {
			bs = []box{{h: ts.lead}}
		}
		marker := bullets[fr.depth%len(bullets)]
		mface := uint8(faceRegular)
		if l.Ordered {
			marker = strconv.Itoa(start+i) + "."
		}
		// The first box of an item is its first line: the marker sits on
		// that line's baseline, whatever size the line is set in.
		base := r.baseline(0, ts)
		// Marker first, so that text extraction reads it before the item.
		bs[0].ops = append([]op{{kind: opText, face: mface, x: markerX + 0.5, y: base, size: ts.size, color: ts.color, text: marker, tag: int32(lbl)}}, bs[0].ops...)
		if i > 0 {
			bs[0].before = r.p.ParagraphSpacing / 3
		}
		out = append(out, bs...)
	}
	return out, nil
}

func layoutStatus(r *Renderer, b doc.Block, fr frame) ([]box, error) {
	s := b.(*doc.Status)
	ts := r.textStyle(fr, false)
	radius := ts.size * ptToMM * 0.32
	indent := 2*radius + 2
	// The mark comes first on the line, the label after it: reading order
	// and layout agree, and the word is always there for who cannot see
	// the colour.
	bs := r.textBoxes(s.Line, fr.x+indent, fr.width-indent, doc.AlignLeft, ts)
	c := r.p.TextColor
	if s.Level >= doc.Green && int(s.Level) <= len(r.p.StatusColors) {
		c = r.p.StatusColors[s.Level-1]
	}
	f := r.face(faceRegular)
	xh := ts.size * ptToMM * f.ascent / 1000 * 0.55 // about half the cap height
	cy := r.baseline(0, ts) - xh
	bs[0].ops = append(bs[0].ops, op{kind: opCircle, x: fr.x + radius, y: cy, w: radius, fill: true, fillc: c, tag: tagArtifact})
	return bs, nil
}

func layoutImage(r *Renderer, b doc.Block, fr frame) ([]box, error) {
	img := b.(*doc.Image)
	w, h, err := imageSize(img, fr.width)
	if err != nil {
		return nil, err
	}
	return []box{{h: h, ops: []op{{kind: opImage, x: fr.x, y: 0, w: w, h: h, more: &opMore{img: img}}}}}, nil
}

// imageSize returns an image's size in millimetres: its Width, or its
// pixels at 96 dpi, no wider than maxW.
func imageSize(img *doc.Image, maxW float64) (w, h float64, err error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(img.Data))
	if err != nil {
		return 0, 0, fmt.Errorf("pdf: image %q: %w", img.Alt, err)
	}
	if cfg.Width == 0 || cfg.Height == 0 {
		return 0, 0, fmt.Errorf("pdf: image %q is empty", img.Alt)
	}
	w = img.Width
	if w <= 0 {
		w = float64(cfg.Width) * 25.4 / 96
	}
	w = min(w, maxW)
	return w, w * float64(cfg.Height) / float64(cfg.Width), nil
}

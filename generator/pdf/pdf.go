// Package pdf renders a document tree to PDF: A4 pages with a running
// header and footer, as a Swedish region's committee papers look.
//
// A Renderer is prepared once per build (the table of layout functions
// filled; each font cut and parsed once, when first drawn with, on
// another core ahead for the regular and bold faces) and is then safe for
// concurrent use: any number of goroutines may call Render at once. Each call first lays the document
// out into finished pages (line breaking, keep-with-next, table headers
// repeated on each page, and last the running header and footer, once the
// page count is known for "1 (3)"), and then writes them to the file
// without going back to layout: see write.go for why the writing is ours
// and not fpdf's, which is only used to cut each font, once. The
// file is a tagged PDF (see tags.go), with an outline, the document's
// language and its source data attached.
package pdf

import (
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/gantt"
	"github.com/underlag/underlag/generator/pdf/hyphen"
	"github.com/underlag/underlag/generator/style"
)

// Renderer renders documents to PDF. It is prepared once by New and is
// then safe for concurrent use.
type Renderer struct {
	p style.Profile
	// faces are the five faces, each prepared on first use (face).
	faces [numFaces]func() (*face, error)
	funcs doc.Funcs[layoutFunc]
	// zpool holds deflate compressors: each is close to a megabyte of
	// state, too much to allocate for every document. A buffered channel
	// rather than a sync.Pool, which the garbage collector empties at
	// every cycle, and a render allocates enough to cause many.
	zpool chan *flate.Writer
	// scratches holds the working memory of finished files, and
	// spanScratches that of laid-out paragraphs (scratch.go).
	scratches     chan *scratch
	spanScratches chan *spanScratch
	// iccZ is the output intent's sRGB profile, deflated once, on first
	// use: the compressor at its best compression is a megabyte of state.
	iccZ func() []byte
	// hyph hyphenates Swedish words that do not fit their line; its
	// patterns are read on first use (hyphenator).
	hyph func() (*hyphen.Hyphenator, error)
	// dictionary is the Swedish word list compounds() reads once, when
	// a word is first hyphenated (hyphenate.go).
	dictionary string
	compOnce   sync.Once
	comp       *hyphen.Compounds
	// breaks are the hyphenation points of words hyphenated recently
	// (hyphenate.go).
	breaks memo[*wordBreaks]
	// chart lays out timelines; made when a document first has one
	// (timeline.go).
	chart func() (*gantt.Layouter, error)
	// fonts are the font objects of the glyph sets the build's documents
	// used, made once per set (fontcache.go).
	fonts fontSets
	// bodies are the trees laid out recently, so that a packet's parts
	// are not laid out again (reuse.go).
	bodies bodies
	// streams are the streams deflated recently, so that a packet copies
	// the pages and data its memo's file and its other packets deflated
	// (zcache.go); nil keeps none.
	streams *streams
}

var _ doc.Renderer = (*Renderer)(nil)

// New prepares a renderer for a style profile: the fonts are cut and
// measured once, when first used, so that each Render only pays for its
// own document.
func New(p style.Profile) (*Renderer, error) { return newRenderer(p, true) }

// NewWithoutReuse is New for a renderer that keeps nothing of one document
// for the next: no laid-out bodies, no deflated streams. What it keeps for
// every document (the faces, the font objects of a glyph set, words'
// hyphenation points) it keeps as New's does. It is what a document's
// first rendering in a build costs, for benchmarks: a renderer from New
// rendering the same tree again lays nothing out and deflates nothing,
// as a packet's parts do. A build uses New.
func NewWithoutReuse(p style.Profile) (*Renderer, error) {
	r, err := newRenderer(p, true)
	if err != nil {
		return nil, err
	}
	r.streams, r.bodies.off = nil, true
	return r, nil
}

// NewMeasurer prepares a renderer to measure text with (doc.Measurer), as
// the DOCX renderer sizes its table columns: New, but what it prepares
// ahead is the faces only, not the colour profile, the hyphenation
// patterns and the word list, which measuring never uses.
func NewMeasurer(p style.Profile) (*Renderer, error) { return newRenderer(p, false) }

func newRenderer(p style.Profile, rendering bool) (*Renderer, error) {
	switch p.FontFamily {
	case "", "Liberation Sans", "Arial":
		// Liberation Sans has Arial's metrics; it is what we embed.
	default:
		if p.Fonts == nil {
			return nil, fmt.Errorf("pdf: font family %q is not available: only Liberation Sans is embedded", p.FontFamily)
		}
	}
	if p.PageWidth <= 0 || p.PageHeight <= 0 || p.BodySize <= 0 || p.LineHeight <= 0 {
		return nil, fmt.Errorf("pdf: profile %q has no page size or body size", p.Name)
	}
	if p.TextWidth() <= 20 || p.PageHeight-p.MarginTop-p.MarginBottom <= 20 {
		return nil, fmt.Errorf("pdf: profile %q leaves no room for text", p.Name)
	}
	z := &bestZ{}
	faces := lazyFaces(z)
	if p.Fonts != nil {
		// The organisation's own font is its input: read now, so that a
		// file that cannot be used is an error before any document.
		var own [numFaces]*face
		if err := ownFaces(&own, p.FontFamily, p.Fonts, z); err != nil {
			return nil, err
		}
		for i, f := range own {
			if f != nil {
				faces[i] = func() (*face, error) { return f, nil }
			}
		}
	}
	r := &Renderer{p: p, faces: faces, iccZ: sync.OnceValue(func() []byte { return z.zlib(sRGBProfile()) }), hyph: sync.OnceValues(hyphen.Swedish), dictionary: hyphen.SystemDictionary,
		breaks: memo[*wordBreaks]{max: maxBreakWords}, streams: &streams{}}
	r.prefetch(p.Fonts == nil, rendering)
	r.zpool = make(chan *flate.Writer, max(4, 2*runtime.GOMAXPROCS(0)))
	r.scratches = make(chan *scratch, cap(r.zpool))
	r.spanScratches = make(chan *spanScratch, cap(r.zpool))
	r.chart = sync.OnceValues(gantt.New)
	registerFuncs(&r.funcs)
	return r, nil
}

// prefetch prepares, on another core, what nearly every document needs:
// the regular and the bold face, the output intent's colour profile, the
// hyphenation patterns and the word list of compounds. A renderer is made
// to render (commands that only check pass no formats and make none), and
// a cold `underlag render` loads and composes its document meanwhile.
// Each is still prepared once: a document that needs one before it is
// ready waits for it in its sync.Once, or prepares it itself while the
// goroutine is at another. One goroutine, not one for each: two took a
// sixth more CPU time and page faults (both cutting a face at once) for
// no shorter a run on two cores. In the order layout needs them: the
// faces' metrics, the patterns and the word list, and only then what
// writing needs, the faces' shared subset tables and the colour profile.
// The faces only when they are Liberation's (an organisation's own font
// New has read already); the rest only for a renderer that renders, not
// a measurer.
func (r *Renderer) prefetch(faces, rendering bool) {
	if !faces && !rendering {
		return
	}
	go func() {
		if faces {
			r.faces[faceRegular]()
			r.faces[faceBold]()
		}
		if rendering {
			r.hyph()
			r.compounds()
			// What only writing needs comes after what laying out
			// needs: the faces' shared subset tables and the colour
			// profile, all deflated at the best compression.
			for _, i := range []uint8{faceRegular, faceBold} {
				if f, err := r.faces[i](); err == nil {
					f.sub()
				}
			}
			r.iccZ()
		}
	}()
}

// hyphenator returns the Swedish hyphenator, reading its patterns on
// first use. They are embedded in the program, and TestSwedish reads
// them: patterns that cannot be read are a broken build, and panic as
// face does.
func (r *Renderer) hyphenator() *hyphen.Hyphenator {
	h, err := r.hyph()
	if err != nil {
		panic(err)
	}
	return h
}

// compressor takes a deflate compressor from the pool or makes one.
// BestSpeed: page content and font subsets are small, and a build writes a
// thousand files.
//
// The compressor is klauspost/compress's flate rather than the standard
// library's: the same format and API, well kept (used by the Go ecosystem's
// HTTP and zip stacks), and measured on the streams of 30 real outputs 2–4×
// faster at the same ratio; a 1,000-document PDF build takes about a tenth
// less CPU. Its bytes differ from compress/flate's, not what they hold:
// bench/identical.sh compares the outputs with every stream uncompressed.
func (r *Renderer) compressor() *flate.Writer {
	select {
	case fl := <-r.zpool:
		return fl
	default:
		fl, _ := flate.NewWriter(io.Discard, flate.BestSpeed) // cannot fail for a valid level
		return fl
	}
}

// release returns a compressor to the pool, or drops it when the pool is
// full.
func (r *Renderer) release(fl *flate.Writer) {
	select {
	case r.zpool <- fl:
	default:
	}
}

// Render writes d as PDF to w.
func (r *Renderer) Render(w io.Writer, d *doc.Document) error {
	_, err := r.RenderPages(w, d)
	return err
}

// RenderPages writes d as PDF to w and returns the number of pages.
func (r *Renderer) RenderPages(w io.Writer, d *doc.Document) (int, error) {
	if d == nil {
		return 0, fmt.Errorf("pdf: no document")
	}
	pages, tree, err := r.layout(d)
	if err != nil {
		return 0, err
	}
	if err := r.write(w, d, pages, tree); err != nil {
		return 0, err
	}
	return len(pages), nil
}

// layout lays d out into finished pages and the structure tree that their
// operations are tagged with: the blocks broken into boxes, the boxes cut
// into pages, and then, with the page count known for "1 (3)", each page's
// running header and footer. The writer only serialises what this returns.
// The body, and the header and footer, are laid out once per tree
// (reuse.go).
func (r *Renderer) layout(d *doc.Document) ([]page, *structTree, error) {
	return r.layoutMarked(d, "")
}

// layoutBody lays out d's blocks into pages, without their running
// header and footer.
func (r *Renderer) layoutBody(d *doc.Document) (*body, error) {
	p := &r.p
	tree := newTree()
	frm := frame{x: p.MarginLeft, width: p.TextWidth(), tags: tree, parent: 1, h1: 1, names: newNameSet(d.Meta.Names)}
	for _, b := range d.Blocks {
		if h, ok := b.(*doc.Heading); ok && h.Level <= 0 {
			frm.h1 = 0
			break
		}
	}
	boxes, err := r.layoutBlocks(d.Blocks, frm)
	if err != nil {
		return nil, err
	}
	top, bottom, err := r.bodyLimits(&d.Meta)
	if err != nil {
		return nil, err
	}
	return &body{pages: paginate(boxes, top, bottom), tree: tree}, nil
}

// page is one finished page: its drawing operations, in page
// coordinates, and its outline entries.
type page struct {
	decor []op // the running header and footer, artifacts, drawn first
	ops   []op // the body
	marks []placedMark
	// foreign is set on a page that shows a page of a foreign PDF in a
	// packet (parts.go); decor is then its mark, and ops is empty.
	foreign *foreignRef
}

type placedMark struct {
	bookmark
	y float64
}

// eps absorbs rounding when comparing positions.
const eps = 0.01

// paginate cuts the vertical list into pages. A box goes to the next page
// when it, and the boxes kept with it, do not fit on this one; a box that
// starts a page loses its space above and gets its table's header rows
// drawn again above it.
func paginate(boxes []box, top, bottom float64) []page {
	var pages []page
	y, fresh := top, true
	newPage := func() {
		pages = append(pages, page{})
		y, fresh = top, true
	}
	put := func(b *box, before float64, repeated bool) {
		pg := &pages[len(pages)-1]
		y += before
		n := len(pg.ops)
		pg.ops = shift(pg.ops, b.ops, 0, y)
		if repeated {
			// A table header drawn again is decoration: it was read once.
			artifacts(pg.ops[n:])
		}
		if b.mark != nil {
			pg.marks = append(pg.marks, placedMark{*b.mark, y})
		}
		y += b.h
		fresh = false
	}
	newPage()
	height := bottom - top
	for i := 0; i < len(boxes); i++ {
		b := boxes[i]
		if b.pageBreak {
			if !fresh {
				newPage()
			}
			continue
		}
		before := b.before
		if fresh {
			before = 0
		}
		need := before + b.h
		for j := i; boxes[j].keep && j+1 < len(boxes) && !boxes[j+1].pageBreak; j++ {
			need += boxes[j+1].before + boxes[j+1].h
			if need > height {
				// A chain longer than a page cannot be kept: let it break.
				need = before + b.h
				break
			}
		}
		if y+need > bottom+eps && !fresh {
			newPage()
			before = 0
		}
		if fresh && b.repeat != nil {
			for k := range b.repeat {
				put(&b.repeat[k], 0, true)
			}
		}
		if y+before+b.h > bottom+eps && b.split != nil {
			// Taller than what is left of an empty page: the last resort is
			// to split it, and go on with the rest on the next page.
			if first, rest, ok := b.split(bottom - y - before); ok {
				put(&first, before, false)
				rest.repeat, rest.keep = b.repeat, b.keep
				boxes[i] = rest
				i--
				newPage()
				continue
			}
		}
		put(&b, before, false)
	}
	return pages
}

// decoration lays out the running header and footer of page n of total:
// page one's own (Meta.First) when the document has them, else the
// running ones.
//
// They are artifacts, which screen readers skip, with one exception: on
// page one the header's lines of text (the organisation, the kind of
// document, its date and case number) are the only place the document
// says what it is and when it was written, so there they are content,
// one paragraph a line, read before the title. Lines that hold a page
// number stay artifacts. tree is the structure tree, nil when only
// measuring.
func (r *Renderer) decoration(m *doc.Meta, n, total int, tree *structTree) ([]op, error) {
	p := &r.p
	page1 := n == 1
	header, footer := m.Header, m.Footer
	hb, fb := m.HeaderBand, m.FooterBand
	if n == 1 && m.First != nil {
		header, footer = m.First.Header, m.First.Footer
		hb, fb = m.First.HeaderBand, m.First.FooterBand
	}
	n, total = m.Numbering.Page(n, total)
	var content []opRange // ops of the header lines read as content
	ts := r.styleAt(p.HeaderSize, false)
	var ops []op
	left := p.MarginLeft
	right := p.PageWidth - p.MarginRight
	width := right - left
	if hb != nil {
		var err error
		if ops, content, err = r.bandOps(ops, m, hb, n, total, true, page1 && tree != nil); err != nil {
			return nil, err
		}
		header = doc.Header{}
	} else if m.Logo != nil {
		w, h, err := imageSize(m.Logo, width/3)
		if err != nil {
			return nil, err
		}
		// Unless its width is given, the logo stands as high as three
		// header lines, as a letterhead's mark does, and never reaches the
		// body.
		maxH := p.MarginTop - p.HeaderTop - 4
		if m.Logo.Width <= 0 {
			maxH = min(maxH, 3*ts.lead)
		}
		if h > maxH && maxH > 0 {
			w, h = w*maxH/h, maxH
		}
		ops = append(ops, op{kind: opImage, x: left, y: p.HeaderTop, w: w, h: h, more: &opMore{img: m.Logo}})
		left += w + 4
	}
	for side, lines := range [2][]doc.Line{header.Left, header.Right} {
		y := p.HeaderTop
		x, align := left, doc.AlignLeft
		if side == 1 {
			x, align = right-width/2, doc.AlignRight
		}
		for _, l := range lines {
			start := len(ops)
			for _, ln := range r.lines(r.spans(fill(l, n, total), ts), width/2, ts) {
				ops = r.lineOps(ops, ln, x, y, width/2, align, ts, false)
				y += ts.lead
			}
			if page1 && tree != nil && !hasField(l) && len(ops) > start {
				content = append(content, opRange{start, len(ops)})
			}
		}
	}
	if fb != nil {
		var err error
		if ops, _, err = r.bandOps(ops, m, fb, n, total, false, false); err != nil {
			return nil, err
		}
		footer = nil
	}
	// The footer grows upwards from the bottom, under a thin rule.
	fs := r.styleAt(p.FooterSize, false)
	var lines [][]span
	for _, l := range footer {
		lines = append(lines, r.lines(r.spans(fill(l, n, total), fs), width, fs)...)
	}
	if len(lines) > 0 {
		y := p.PageHeight - p.FooterBottom - float64(len(lines))*fs.lead
		ops = append(ops, op{kind: opLine, x: p.MarginLeft, y: y - 1, w: width, size: p.GridWidth, color: p.GridColor})
		for _, ln := range lines {
			ops = r.lineOps(ops, ln, p.MarginLeft, y, width, doc.AlignLeft, fs, false)
			y += fs.lead
		}
	}
	// Page one's header lines go before everything else the document
	// says: added last to first, each before the others.
	for i := len(content) - 1; i >= 0; i-- {
		c := content[i]
		stamp(tree, []box{{ops: ops[c.start:c.end]}}, tree.addFirst("P", 1))
	}
	// Screen readers skip the rest of the running header and footer.
	for i := range ops {
		if ops[i].tag <= 0 {
			ops[i].tag = tagArtifact
		}
	}
	return ops, nil
}

// hasField reports whether a header line holds a page field.
func hasField(l doc.Line) bool {
	for _, in := range l {
		if in.Field != doc.NoField {
			return true
		}
	}
	return false
}

// fill replaces the page fields of a header line with their values.
func fill(l doc.Line, n, total int) []doc.Inline {
	has := false
	for _, in := range l {
		if in.Field != doc.NoField {
			has = true
			break
		}
	}
	if !has {
		return l
	}
	out := make([]doc.Inline, len(l))
	for i, in := range l {
		switch in.Field {
		case doc.PageField:
			in = doc.Inline{Text: strconv.Itoa(n), Style: in.Style}
		case doc.PagesField:
			in = doc.Inline{Text: strconv.Itoa(total), Style: in.Style}
		}
		out[i] = in
	}
	return out
}

// epoch is the date of a document whose own date names no single day:
// fixed, so that the output does not depend on the clock.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// documentTime is the creation and modification date written into the
// file: the document's own day (see doc.Meta.FileTime), else epoch.
func documentTime(m *doc.Meta) time.Time {
	if t, ok := m.FileTime(); ok {
		return t
	}
	return epoch
}

// cleanLang keeps a language tag only if it is a plain BCP 47 tag: the
// writer puts it into the catalog as a string, unescaped.
func cleanLang(s string) string {
	if s == "" || len(s) > 35 {
		return ""
	}
	for _, c := range s {
		if !(c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return ""
		}
	}
	return s
}

// firstTitle is the text of the document's title heading, for the file's
// properties when the metadata has no title.
func firstTitle(d *doc.Document) string {
	for _, b := range d.Blocks {
		if h, ok := b.(*doc.Heading); ok {
			return doc.HeadingText(h)
		}
	}
	return ""
}

// Package docx renders a document tree to a Word document (.docx) that
// behaves like one an official made by hand: every paragraph has a style
// (Title, Heading 1–3, List Bullet, Table Text…), headings are numbered by
// a Word multilevel list linked to the heading styles, and the running
// header carries PAGE and NUMPAGES fields.
//
// # Why the package is written by hand
//
// The first version built each document with github.com/gomutex/godocx:
// 33 ms per four-page document, 58 % of it in godocx.NewDocument parsing
// its 440 kB template styles again, most of the rest in encoding/xml
// (issue 7, item 8). Here all parts that are the same for every document
// (content types, package relationships, styles, settings, font table,
// the numbering of a document without ordered lists) are written once in
// New and kept deflated, to be copied with zip.Writer.CreateRaw; Render
// only writes document.xml, the header and footer, the numbering
// instances, the relationships and the properties, by appending to byte
// slices (package wordpkg), with no reflection and with buffers reused
// through a sync.Pool. What is left is mostly deflate (klauspost/compress's
// flate, as in the PDF writer: see generator/pdf/pdf.go): parts under
// 4 kB are stored rather than deflated, since each deflated part costs a
// fixed 20–30 µs of Huffman tables. The all-kinds test document renders
// in about 0.14 ms with 169 allocations (go test -bench . here).
//
// godocx is still used where its cost is paid once per build: reading a
// reference template (WithReference) with its zip reader.
//
// A Renderer is read-only after New and safe for concurrent Render calls,
// as doc.Renderer requires. As in goldmark, blocks are rendered through a
// table of functions indexed by doc.Kind.
package docx

import (
	"fmt"
	"io"
	"sync"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
	"github.com/underlag/underlag/generator/gantt"
	"github.com/underlag/underlag/generator/style"
)

// Renderer renders documents to DOCX. It is prepared once by New.
type Renderer struct {
	p     style.Profile
	ids   [numStyles]string
	funcs doc.Funcs[blockFunc]
	head  []wordpkg.Entry // static parts written before the per-document ones
	// headFirst is head for a document with page one's own header and
	// footer: its content types name their parts too.
	headFirst []wordpkg.Entry
	tail      []wordpkg.Entry // static parts written after them
	numHead   []byte          // numbering.xml up to the per-document list instances
	numbering wordpkg.Entry   // the whole numbering part of a document without ordered lists
	sect      wordpkg.Section
	ref       *reference
	linkRPr   [4]string // run properties of links: plain, bold, italic, both
	codeRPr   [4]string // and of code
	listGap   int       // space above the paragraph after a list, twips
	comp      *wordpkg.Compressors
	measure   doc.Measurer // the PDF's text measure, for column widths (table.go); nil to estimate
	states    sync.Pool    // *state, so that buffers are reused across documents
	// chart lays out timelines; made when a document first has one
	// (timeline.go).
	chart func() (*gantt.Layouter, error)
	// pictures are the signature lines' pictures by size in mm
	// ([2]float64 → []byte), drawn and encoded once: a build draws the
	// same few thousands of times, and each PNG encoding allocated a
	// deflate compressor of its own.
	pictures sync.Map
}

// Option configures a Renderer.
type Option func(*config)

type config struct {
	reference string
	measure   doc.Measurer
}

// WithReference takes the styles, page setup, header logo and footer from
// an organisation's own .docx, as pandoc's --reference-doc does: styles
// are matched by name, and styles the reference lacks are added from the
// built-in set so that every paragraph still has one.
func WithReference(path string) Option {
	return func(c *config) { c.reference = path }
}

// Relationship IDs of the header and footer in document.xml: state.reset
// adds the static parts' relationships first and always in the same
// order (styles, numbering, settings, font table, header, footer, then
// the reference's theme), so their IDs are the same in every document.
const (
	ridHeader = "rId5"
	ridFooter = "rId6"
)

// Parts of page one's own header and footer (doc.Meta.First).
const (
	firstHeaderPart = "header2.xml"
	firstFooterPart = "footer2.xml"
)

// New prepares a renderer for a style profile.
func New(p style.Profile, opts ...Option) (*Renderer, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if p.PageWidth <= 0 || p.PageHeight <= 0 || p.BodySize <= 0 || p.LineHeight <= 0 {
		return nil, fmt.Errorf("docx: profile %q has no page size or body size", p.Name)
	}
	if p.TextWidth() <= 20 {
		return nil, fmt.Errorf("docx: profile %q leaves no room for text", p.Name)
	}
	if p.FontFamily == "" {
		p.FontFamily = "Liberation Sans"
	}
	r := &Renderer{p: p, comp: wordpkg.NewCompressors(), measure: c.measure}
	for s := range numStyles {
		r.ids[s] = builtinStyles[s].id
	}
	r.sect = wordpkg.Section{
		PageWidth: wordpkg.Twips(p.PageWidth), PageHeight: wordpkg.Twips(p.PageHeight),
		Top: wordpkg.Twips(p.MarginTop), Bottom: wordpkg.Twips(p.MarginBottom),
		Left: wordpkg.Twips(p.MarginLeft), Right: wordpkg.Twips(p.MarginRight),
		Header: wordpkg.Twips(p.HeaderTop), Footer: wordpkg.Twips(p.FooterBottom),
	}
	var styles []byte
	var static wordpkg.Static // one writer for the static parts
	if c.reference != "" {
		ref, err := loadReference(c.reference, &p, &r.ids, &static)
		if err != nil {
			return nil, fmt.Errorf("docx: reference %s: %w", c.reference, err)
		}
		r.ref = ref
		styles = ref.styles
		if ref.setup != nil {
			r.sect = *ref.setup
		}
	} else {
		styles = stylesXML(&p, &r.ids)
	}
	r.sect.HeaderRef, r.sect.FooterRef = ridHeader, ridFooter
	r.numHead = numberingHead(&p, &r.ids)
	r.listGap = wordpkg.Twips(p.ParagraphSpacing * 2 / 3)
	r.linkRPr = charRPr(r.ids[sHyperlink])
	r.codeRPr = charRPr(r.ids[sCode])
	if err := r.staticParts(styles, &static); err != nil {
		return nil, err
	}
	var err error
	if r.numbering, err = static.Compress("word/numbering.xml", append(r.numHead[:len(r.numHead):len(r.numHead)], wordpkg.NumberingEnd...)); err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	r.chart = sync.OnceValues(gantt.New)
	registerFuncs(&r.funcs)
	r.states.New = func() any { return &state{r: r} }
	return r, nil
}

// staticParts compresses the parts every document shares.
func (r *Renderer) staticParts(styles []byte, static *wordpkg.Static) error {
	ct := wordpkg.ContentTypes{
		Defaults: [][2]string{{"rels", wordpkg.CTRels}, {"xml", wordpkg.CTXML}, {"png", wordpkg.CTPNG}, {"jpeg", wordpkg.CTJPEG}, {"jpg", wordpkg.CTJPEG}, {"emf", wordpkg.CTEMF}},
		Overrides: [][2]string{
			{"/word/document.xml", wordpkg.CTDocument},
			{"/word/styles.xml", wordpkg.CTStyles},
			{"/word/numbering.xml", wordpkg.CTNumbering},
			{"/word/settings.xml", wordpkg.CTSettings},
			{"/word/fontTable.xml", wordpkg.CTFontTable},
			{"/word/header1.xml", wordpkg.CTHeader},
			{"/word/footer1.xml", wordpkg.CTFooter},
			{"/docProps/core.xml", wordpkg.CTCore},
			{"/docProps/app.xml", wordpkg.CTApp},
		},
	}
	if r.ref != nil {
		for _, ext := range r.ref.mediaTypes {
			ct.Defaults = append(ct.Defaults, ext)
		}
		if r.ref.theme != nil {
			ct.Overrides = append(ct.Overrides, [2]string{"/word/theme/theme1.xml", ctTheme})
		}
	}
	ctFirst := ct
	ctFirst.Overrides = append(append([][2]string(nil), ct.Overrides...),
		[2]string{"/word/" + firstHeaderPart, wordpkg.CTHeader}, [2]string{"/word/" + firstFooterPart, wordpkg.CTFooter})
	e, err := static.Compress("[Content_Types].xml", ctFirst.AppendXML(nil))
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	r.headFirst = append(r.headFirst, e)
	var root wordpkg.Rels
	root.Add(wordpkg.RelOfficeDocument, "word/document.xml", false)
	root.Add(wordpkg.RelCoreProps, "docProps/core.xml", false)
	root.Add(wordpkg.RelAppProps, "docProps/app.xml", false)
	parts := []struct {
		name string
		data []byte
		head bool
	}{
		{"[Content_Types].xml", ct.AppendXML(nil), true},
		{"_rels/.rels", root.AppendXML(nil), true},
		{"word/styles.xml", styles, false},
		{"word/settings.xml", settingsXML("sv-SE"), false},
		{"word/fontTable.xml", fontTableXML(r.p.FontFamily), false},
	}
	if r.ref != nil && r.ref.theme != nil {
		parts = append(parts, struct {
			name string
			data []byte
			head bool
		}{"word/theme/theme1.xml", r.ref.theme, false})
	}
	for _, pt := range parts {
		e, err := static.Compress(pt.name, pt.data)
		if err != nil {
			return fmt.Errorf("docx: %w", err)
		}
		if pt.head {
			r.head = append(r.head, e)
			if pt.name != "[Content_Types].xml" {
				r.headFirst = append(r.headFirst, e)
			}
		} else {
			r.tail = append(r.tail, e)
		}
	}
	if r.ref != nil {
		r.tail = append(r.tail, r.ref.entries...)
	}
	return nil
}

// Render writes d as DOCX to w: the static parts prepared in New around
// the document's own parts (docParts), in the order Word's own files
// have them.
func (r *Renderer) Render(w io.Writer, d *doc.Document) error {
	if d == nil {
		return fmt.Errorf("docx: no document")
	}
	s := r.states.Get().(*state)
	defer r.states.Put(s)
	s.reset(d)
	if err := s.document(); err != nil {
		return err
	}
	zw := wordpkg.NewWriter(w, r.comp)
	head := r.head
	if d.Meta.First != nil {
		head = r.headFirst
	}
	for i := range head {
		if err := zw.Raw(&head[i]); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	for _, pt := range docParts {
		if err := s.writePart(zw, pt); err != nil {
			return fmt.Errorf("docx: %s: %w", pt.name, err)
		}
	}
	for i := range r.tail {
		if err := zw.Raw(&r.tail[i]); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	for _, m := range s.media {
		if err := zw.Add(m.name, m.data); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	return zw.Close()
}

// docPart is one part a document writes of its own. Parts built from the
// document share the state's part buffer: each is written before the
// next is built.
type docPart struct {
	name string
	// has reports whether the document has the part; nil for always.
	has func(s *state) bool
	// raw is the part prepared and deflated in New, when it serves this
	// document; nil to build it.
	raw func(s *state) *wordpkg.Entry
	// built is the part when the render has built it already (the body).
	built func(s *state) []byte
	// build appends the part's bytes to dst.
	build func(s *state, dst []byte) ([]byte, error)
}

// docParts are the document's own parts, in the order they are written.
var docParts = []docPart{
	{name: "docProps/core.xml", build: func(s *state, dst []byte) ([]byte, error) { return s.core(dst), nil }},
	{name: "docProps/app.xml", build: func(s *state, dst []byte) ([]byte, error) {
		app := wordpkg.App{Application: "underlag", Company: s.d.Meta.Organisation}
		return app.AppendXML(dst), nil
	}},
	{name: "word/document.xml", built: func(s *state) []byte { return s.body }},
	{name: "word/_rels/document.xml.rels", build: func(s *state, dst []byte) ([]byte, error) { return s.rels.AppendXML(dst), nil }},
	{name: "word/numbering.xml",
		// A document without ordered lists has the numbering of New.
		raw: func(s *state) *wordpkg.Entry {
			if len(s.nums) == 0 {
				return &s.r.numbering
			}
			return nil
		},
		build: func(s *state, dst []byte) ([]byte, error) {
			return append(append(append(dst, s.r.numHead...), s.nums...), wordpkg.NumberingEnd...), nil
		}},
	{name: "word/header1.xml", build: func(s *state, dst []byte) ([]byte, error) {
		return s.header(dst, s.d.Meta.Header, s.d.Meta.HeaderBand, &s.hdrRels)
	}},
	{name: "word/_rels/header1.xml.rels", has: func(s *state) bool { return s.hdrRels.Len() > 0 },
		build: func(s *state, dst []byte) ([]byte, error) { return s.hdrRels.AppendXML(dst), nil }},
	// The reference document's own footer, when it has one, is among the
	// static parts.
	{name: "word/footer1.xml", has: ownFooter,
		build: func(s *state, dst []byte) ([]byte, error) {
			return s.footer(dst, s.d.Meta.Footer, s.d.Meta.FooterBand, &s.ftrRels)
		}},
	{name: "word/_rels/footer1.xml.rels", has: func(s *state) bool { return ownFooter(s) && s.ftrRels.Len() > 0 },
		build: func(s *state, dst []byte) ([]byte, error) { return s.ftrRels.AppendXML(dst), nil }},
	// Page one's own header and footer are always written as a pair: with
	// w:titlePg, a first-page header or footer that is missing would be
	// an empty one.
	{name: "word/" + firstHeaderPart, has: hasFirst, build: func(s *state, dst []byte) ([]byte, error) {
		return s.header(dst, s.d.Meta.First.Header, s.d.Meta.First.HeaderBand, &s.firstHdrRels)
	}},
	{name: "word/_rels/" + firstHeaderPart + ".rels", has: func(s *state) bool { return hasFirst(s) && s.firstHdrRels.Len() > 0 },
		build: func(s *state, dst []byte) ([]byte, error) { return s.firstHdrRels.AppendXML(dst), nil }},
	{name: "word/" + firstFooterPart, has: hasFirst, build: func(s *state, dst []byte) ([]byte, error) {
		return s.footer(dst, s.d.Meta.First.Footer, s.d.Meta.First.FooterBand, &s.firstFtrRels)
	}},
	{name: "word/_rels/" + firstFooterPart + ".rels", has: func(s *state) bool { return hasFirst(s) && s.firstFtrRels.Len() > 0 },
		build: func(s *state, dst []byte) ([]byte, error) { return s.firstFtrRels.AppendXML(dst), nil }},
}

func ownFooter(s *state) bool { return s.r.ref == nil || s.r.ref.footer == nil }
func hasFirst(s *state) bool  { return s.d.Meta.First != nil }

// writePart writes one of docParts, if the document has it.
func (s *state) writePart(zw *wordpkg.Writer, pt docPart) error {
	if pt.has != nil && !pt.has(s) {
		return nil
	}
	if pt.raw != nil {
		if e := pt.raw(s); e != nil {
			return zw.Raw(e)
		}
	}
	if pt.built != nil {
		return zw.Add(pt.name, pt.built(s))
	}
	var err error
	if s.part, err = pt.build(s, s.part[:0]); err != nil {
		return err
	}
	return zw.Add(pt.name, s.part)
}

// core writes the core properties. Created and modified are the
// document's own date, not the time of the build, so that the same input
// gives the same bytes.
func (s *state) core(dst []byte) []byte {
	m := &s.d.Meta
	lang := m.Language
	if lang == "" {
		lang = "sv-SE"
	}
	c := wordpkg.Core{
		Title: m.Title, Subject: m.Subject, Creator: m.Organisation,
		LastModifiedBy: m.Creator, Keywords: m.Keywords, Language: lang,
		Description: m.KindLabel,
	}
	if t, ok := m.FileTime(); ok {
		c.Created = t.Format("2006-01-02T15:04:05Z")
		c.Modified = c.Created
	}
	return c.AppendXML(dst)
}

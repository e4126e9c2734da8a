package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"image"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/klauspost/compress/flate"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pdf/sfnt"
	"github.com/underlag/underlag/generator/style"
)

// This file writes the PDF file itself from the laid-out pages. It is ours
// rather than fpdf's because fpdf cannot share prepared fonts between
// documents: every new fpdf parses each TrueType font again, JSON-encodes
// a 65,536-entry width table to name it, and allocates a fresh deflate
// compressor (close to a megabyte) for each stream, which together were
// nine tenths of the time to render a document. Here the fonts are parsed
// once in New, a document only copies the glyphs it uses, and the
// compressors come from a pool.

// writer accumulates the file and the byte offset of each object.
type writer struct {
	buf     []byte
	offsets []int // by object number; index 0 is the free-list head
	fl      *flate.Writer
	zbuf    *bytes.Buffer
	kept    *streams // the renderer's streams deflated recently (zcache.go); nil keeps none
}

// alloc reserves an object number, to be written later.
func (w *writer) alloc() int {
	w.offsets = append(w.offsets, 0)
	return len(w.offsets) - 1
}

// obj starts object n.
func (w *writer) obj(n int) {
	w.offsets[n] = len(w.buf)
	w.buf = strconv.AppendInt(w.buf, int64(n), 10)
	w.buf = append(w.buf, " 0 obj\n"...)
}

func (w *writer) endobj() { w.buf = append(w.buf, "\nendobj\n"...) }

// dict writes object n as a dictionary whose body is given.
func (w *writer) dict(n int, body string) {
	w.obj(n)
	w.buf = append(w.buf, "<<"...)
	w.buf = append(w.buf, body...)
	w.buf = append(w.buf, ">>"...)
	w.endobj()
}

// stream writes object n as a deflated stream with extra dictionary
// entries.
func (w *writer) stream(n int, extra string, data []byte) {
	w.rawStream(n, extra+"/Filter/FlateDecode", w.deflateKept(data))
}

// deflate returns data as a zlib stream, in the writer's buffer: valid
// until the next call.
func (w *writer) deflate(data []byte) []byte {
	w.zbuf.Reset()
	w.zbuf.Write(zlibHeader)
	w.fl.Reset(w.zbuf)
	w.fl.Write(data) // writes to a bytes.Buffer cannot fail
	w.fl.Close()
	w.zbuf.Write(binary.BigEndian.AppendUint32(nil, adler32.Checksum(data)))
	return w.zbuf.Bytes()
}

// zlibHeader starts a zlib stream: deflate, 32 kB window, fast.
var zlibHeader = []byte{0x78, 0x01}

// fontFile returns a font subset as one zlib stream from three parts,
// the middle one deflated in advance (see sfnt.Subsetter), in the
// writer's buffer (valid until the next call), and its length before
// deflating.
func (w *writer) fontFile(ss *sfnt.Subsetter, used []bool) ([]byte, int) {
	dir, static, dyn := ss.Subset(used)
	w.zbuf.Reset()
	w.zbuf.Write(zlibHeader)
	w.fl.Reset(w.zbuf)
	w.fl.Write(dir)
	w.fl.Flush()
	w.zbuf.Write(ss.StaticZ)
	w.fl.Reset(w.zbuf)
	w.fl.Write(dyn)
	w.fl.Close()
	a := adler32.New()
	a.Write(dir)
	a.Write(static)
	a.Write(dyn)
	w.zbuf.Write(a.Sum(nil))
	return w.zbuf.Bytes(), len(dir) + len(static) + len(dyn)
}

// rawStream writes object n as a stream of data as it is.
func (w *writer) rawStream(n int, extra string, data []byte) {
	w.obj(n)
	w.buf = append(w.buf, "<<"...)
	w.buf = append(w.buf, extra...)
	w.buf = append(w.buf, "/Length "...)
	w.buf = strconv.AppendInt(w.buf, int64(len(data)), 10)
	w.buf = append(w.buf, ">>\nstream\n"...)
	w.buf = append(w.buf, data...)
	w.buf = append(w.buf, "\nendstream"...)
	w.endobj()
}

// Object numbers fixed in every file.
const (
	objCatalog = 1
	objPages   = 2
	objInfo    = 3
	objRes     = 4
)

// docFont is a face as used in one document.
type docFont struct {
	obj  int
	used []bool // by glyph id
	// runeOf records a rune for each used glyph, for the ToUnicode map.
	runeOf map[uint16]rune
}

// docImage is an image as used in one document, decoded when a page
// first draws it: a JPEG in RGB or grey is kept as it is (jpeg set),
// anything else becomes 8-bit RGB samples with, when it is not opaque, an
// alpha channel for a soft mask.
type docImage struct {
	obj           int
	name          string
	width, height int
	jpeg          []byte
	gray          bool // a greyscale JPEG
	rgb, alpha    []byte
}

// fileWriter holds the state of writing one document.
type fileWriter struct {
	r      *Renderer
	w      writer
	k      float64 // points per millimetre
	pageH  float64 // page height in points
	fonts  [numFaces]*docFont
	images map[*doc.Image]*docImage
	imgs   []*doc.Image // in order of first use, for a stable file
	c      []byte       // content stream being built
	cs     contentState
	mark   marker
	soft   bool      // the page being written paints a soft-masked image
	sigs   sigFields // the signature fields written so far (sigfields.go)
}

// contentState is what the content stream has set, so that it is not set
// again.
type contentState struct {
	face         int
	size         float64
	fill, stroke style.RGB
	lineW        float64
}

// write serialises finished pages, and the structure tree their
// operations are tagged with, as a PDF file to out. Everything on a page,
// its running header and footer included, was placed by layout: writing
// only encodes it, and never lays anything out.
//
// The file is PDF/A-3a and PDF/UA-1 (see docs/pdf.md for the rules and
// how the tests check them): XMP metadata that says so and agrees with the
// Info dictionary, an sRGB output intent, every annotation in the
// structure tree, and a transparency group on each page that paints a
// soft-masked image.
func (r *Renderer) write(out io.Writer, d *doc.Document, pages []page, tree *structTree) error {
	fl := r.compressor()
	defer r.release(fl)
	fw := r.newFileWriter(fl)
	defer r.keepScratch(fw)
	fi := newFileInfo(d)
	kids := make([]int, len(pages))
	for i := range kids {
		kids[i] = fw.w.alloc()
	}
	ps, err := fw.pages(pages, kids, tree)
	if err != nil {
		return err
	}
	fw.resources()
	fw.pageTree(kids)
	fw.catalog(d, &fi, pages, kids, tree, ps)
	return fw.trailer(out, &fi)
}

// newFileWriter starts a file: its header, and room for the fixed
// objects.
func (r *Renderer) newFileWriter(fl *flate.Writer) *fileWriter {
	fw := &fileWriter{r: r, k: 72 / 25.4, images: map[*doc.Image]*docImage{}}
	fw.pageH = r.p.PageHeight * fw.k
	w := &fw.w
	w.fl = fl
	w.kept = r.streams
	s := r.scratchOf()
	w.buf, w.zbuf, fw.c = s.buf, s.zbuf, s.c
	w.offsets = make([]int, 5) // 0 and the four fixed objects
	w.buf = append(w.buf, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"...)
	return fw
}

// pagesWritten is what writing the pages leaves for the structure tree
// and the outline.
type pagesWritten struct {
	// parents are each page's marked-content parents, by MCID.
	parents [][]int
	// annots lists the Link element of each annotation, by StructParent
	// key less the number of pages.
	annots []int
	marks  []outlineMark
}

// pages writes each page: its content stream, its annotations and its
// page object, numbered kids[i].
func (fw *fileWriter) pages(pages []page, kids []int, tree *structTree) (pagesWritten, error) {
	ps := pagesWritten{parents: make([][]int, len(pages))}
	for i, pg := range pages {
		if pg.foreign != nil { // a foreign page of a packet: parts.go, foreign.go
			var err error
			if ps.parents[i], ps.marks, err = fw.foreignPage(kids[i], i, &pg, tree, ps.marks); err != nil {
				return ps, err
			}
			continue
		}
		fw.c = fw.c[:0]
		fw.cs = contentState{face: -1, lineW: -1}
		fw.mark = marker{tree: tree, page: i}
		fw.soft = false
		var links []op
		var err error
		if links, err = fw.content(pg.decor, links); err != nil {
			return ps, err
		}
		if links, err = fw.content(pg.ops, links); err != nil {
			return ps, err
		}
		fw.c = fw.mark.close(fw.c)
		ps.parents[i] = fw.mark.parents
		content := fw.w.alloc()
		fw.w.stream(content, "", fw.c)
		refs := fw.annotations(links, i, kids[i], len(pages), tree, &ps.annots)
		fw.pageObject(kids[i], i, content, refs)
		for _, mk := range pg.marks {
			ps.marks = append(ps.marks, outlineMark{placedMark: mk, page: kids[i]})
		}
	}
	return ps, nil
}

// annotations writes the annotations of page i (object pageObj), links
// and signature fields, adds the structure element of each to annots, and
// returns their object numbers.
func (fw *fileWriter) annotations(links []op, i, pageObj, numPages int, tree *structTree, annots *[]int) []int {
	var refs []int
	for _, l := range links {
		a := fw.w.alloc()
		refs = append(refs, a)
		key := numPages + len(*annots) // the annotation's parent tree key
		if l.kind == opSigField {
			if fw.sigWidget(a, pageObj, i, key, l) {
				*annots = append(*annots, int(l.tag))
			}
			continue
		}
		e := &tree.elems[l.tag]
		e.kids = append(e.kids, kid{page: int32(i), objr: int32(a)})
		fw.linkAnnot(a, pageObj, key, e.text, l)
		*annots = append(*annots, int(l.tag))
	}
	return refs
}

// pageObject writes page i's page object n.
func (fw *fileWriter) pageObject(n, i, content int, annots []int) {
	var b strings.Builder
	fmt.Fprintf(&b, "/Type/Page/Parent %d 0 R/MediaBox[0 0 %s %s]/Resources %d 0 R/Contents %d 0 R/StructParents %d/Tabs/S",
		objPages, num(fw.r.p.PageWidth*fw.k), num(fw.pageH), objRes, content, i)
	if fw.soft {
		// A soft mask is transparency: the page says how it blends.
		b.WriteString("/Group<</Type/Group/S/Transparency/CS/DeviceRGB>>")
	}
	if len(annots) > 0 {
		b.WriteString("/Annots[")
		for _, a := range annots {
			fmt.Fprintf(&b, "%d 0 R ", a)
		}
		b.WriteString("]")
	}
	fw.w.dict(n, b.String())
}

// resources writes the fonts and images the pages used, and the one
// resource dictionary every page shares.
func (fw *fileWriter) resources() {
	var res strings.Builder
	res.WriteString("/ProcSet[/PDF/Text/ImageB/ImageC]/Font<<")
	for i, f := range fw.fonts {
		if f != nil {
			fmt.Fprintf(&res, "/F%d %d 0 R", i, f.obj)
			fw.writeFont(i, fw.r.face(uint8(i)), f)
		}
	}
	res.WriteString(">>")
	if len(fw.imgs) > 0 {
		res.WriteString("/XObject<<")
		for _, img := range fw.imgs {
			di := fw.images[img]
			fmt.Fprintf(&res, "/%s %d 0 R", di.name, di.obj)
			fw.writeImage(di)
		}
		res.WriteString(">>")
	}
	fw.w.dict(objRes, res.String())
}

// pageTree writes the page tree: one Pages node over every page.
func (fw *fileWriter) pageTree(kids []int) {
	var pb strings.Builder
	pb.WriteString("/Type/Pages/Kids[")
	for _, k := range kids {
		fmt.Fprintf(&pb, "%d 0 R ", k)
	}
	fmt.Fprintf(&pb, "]/Count %d", len(kids))
	fw.w.dict(objPages, pb.String())
}

// catalog writes the structure tree, the form, the outline, the embedded
// files, the metadata and the output intent, then the catalog that names
// them and the Info dictionary.
func (fw *fileWriter) catalog(d *doc.Document, fi *fileInfo, pages []page, kids []int, tree *structTree, ps pagesWritten) {
	w := &fw.w
	stamp := pdfDate(fi.stamp)
	var cat strings.Builder
	cat.WriteString("/Type/Catalog/Pages 2 0 R/ViewerPreferences<</DisplayDocTitle true>>")
	if fi.lang != "" {
		fmt.Fprintf(&cat, "/Lang(%s)", fi.lang)
	}
	fmt.Fprintf(&cat, "/MarkInfo<</Marked true>>/StructTreeRoot %d 0 R", fw.writeTree(tree, kids, ps.parents, ps.annots))
	cat.WriteString(fw.acroForm())
	if root := fw.writeOutline(ps.marks); root != 0 {
		fmt.Fprintf(&cat, "/Outlines %d 0 R/PageMode/UseOutlines", root)
	}
	if atts := d.Meta.Attachments; len(atts) > 0 {
		var names, af strings.Builder
		for i, a := range atts {
			spec := fw.writeAttachment(a, stamp)
			fmt.Fprintf(&names, "(%04d)%d 0 R ", i, spec)
			fmt.Fprintf(&af, "%d 0 R ", spec)
		}
		fmt.Fprintf(&cat, "/Names<</EmbeddedFiles<</Names[%s]>>>>/AF[%s]", names.String(), af.String())
	}
	// The XMP packet is left uncompressed, so that tools that do not
	// parse PDF can still find it.
	meta := w.alloc()
	fi.conforms = conformant(pages)
	xmp := fi.xmp()
	w.rawStream(meta, "/Type/Metadata/Subtype/XML", xmp)
	icc := w.alloc()
	w.rawStream(icc, "/N 3/Filter/FlateDecode", fw.r.iccZ())
	fmt.Fprintf(&cat, "/Metadata %d 0 R/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier(sRGB IEC61966-2.1)/Info(sRGB IEC61966-2.1)/RegistryName(http://www.color.org)/DestOutputProfile %d 0 R>>]", meta, icc)
	w.dict(objCatalog, cat.String())
}

// trailer writes the Info dictionary, the cross-reference table and the
// trailer, and the whole file to out.
func (fw *fileWriter) trailer(out io.Writer, fi *fileInfo) error {
	w := &fw.w
	w.dict(objInfo, fi.infoDict())
	// The file ID is a hash of the content, so that it is the same for
	// the same input. The hash goes on over the rest of the file, for a
	// writer that takes it (SummedWriter).
	h := sha256.New()
	h.Write(w.buf)
	var id [sha256.Size]byte
	h.Sum(id[:0])
	xref := len(w.buf)
	w.buf = fmt.Appendf(w.buf, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets))
	for _, off := range w.offsets[1:] {
		// "%010d 00000 n \n", without fmt: a long table has thousands.
		var d [10]byte
		for i := 9; i >= 0; i-- {
			d[i] = byte('0' + off%10)
			off /= 10
		}
		w.buf = append(w.buf, d[:]...)
		w.buf = append(w.buf, " 00000 n \n"...)
	}
	w.buf = fmt.Appendf(w.buf, "trailer\n<</Size %d/Root %d 0 R/Info %d 0 R/ID[<%x><%x>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(w.offsets), objCatalog, objInfo, id[:16], id[:16], xref)
	var err error
	if sw, ok := out.(SummedWriter); ok {
		h.Write(w.buf[xref:])
		var sum [sha256.Size]byte
		h.Sum(sum[:0])
		_, err = sw.WriteSummed(w.buf, sum)
	} else {
		_, err = out.Write(w.buf)
	}
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// SummedWriter is a writer that takes a whole file together with its
// SHA-256. The renderer hashes the file for its ID anyway (all of it but
// the cross-reference table and the trailer), and a build records each
// output's hash in its manifest: given the file through WriteSummed, in
// one call, the build need not read it through SHA-256 again.
type SummedWriter interface {
	io.Writer
	// WriteSummed writes p, a whole file whose SHA-256 is sum.
	WriteSummed(p []byte, sum [sha256.Size]byte) (int, error)
}

// content appends the drawing operations to the page's content stream
// and returns the links among them, for annotations: those of a Link
// element. A link in the running header or footer is an artifact and gets
// none, since PDF/UA allows no annotation outside the structure tree.
func (fw *fileWriter) content(ops []op, links []op) ([]op, error) {
	k := fw.k
	c := fw.c
	for i := range ops {
		o := &ops[i]
		if o.kind == opText && o.text == "" {
			continue
		}
		if o.kind != opLink && o.kind != opSigField {
			c = fw.mark.to(c, o.tag)
		}
		switch o.kind {
		case opText:
			c = fw.setFill(c, o.color)
			c = append(c, "BT "...)
			if fw.cs.face != int(o.face) || fw.cs.size != o.size {
				fw.cs.face, fw.cs.size = int(o.face), o.size
				c = append(c, "/F"...)
				c = strconv.AppendInt(c, int64(o.face), 10)
				c = append(c, ' ')
				c = appendNum(c, o.size)
				c = append(c, " Tf "...)
			}
			c = appendNum(c, o.x*k)
			c = append(c, ' ')
			c = appendNum(c, fw.pageH-o.y*k)
			c = append(c, " Td <"...)
			c = fw.glyphs(c, o.face, o.text)
			c = append(c, "> Tj ET\n"...)
		case opLink:
			if o.tag > 0 && safeURI(o.text) {
				links = append(links, *o)
			}
		case opSigField:
			links = append(links, *o) // an annotation, as a link is
		case opLine:
			c = fw.setStroke(c, o.color, o.size)
			if o.dash() > 0 {
				c = append(c, '[')
				c = appendNums(c, o.dash()*k, o.dash()*0.7*k)
				c = append(c, "] 0 d "...)
			}
			c = appendNums(c, o.x*k, fw.pageH-o.y*k)
			c = append(c, " m "...)
			c = appendNums(c, (o.x+o.w)*k, fw.pageH-(o.y+o.h)*k)
			c = append(c, " l S\n"...)
			if o.dash() > 0 {
				c = append(c, "[] 0 d\n"...)
			}
		case opPoly:
			c = fw.poly(c, o)
		case opRect:
			if o.fill {
				c = fw.setFill(c, o.fillc)
			}
			if o.draw {
				c = fw.setStroke(c, o.color, o.size)
			}
			c = appendNums(c, o.x*k, fw.pageH-(o.y+o.h)*k, o.w*k, o.h*k)
			switch {
			case o.fill && o.draw:
				c = append(c, " re B\n"...)
			case o.fill:
				c = append(c, " re f\n"...)
			default:
				c = append(c, " re S\n"...)
			}
		case opCircle:
			c = fw.setFill(c, o.fillc)
			c = circle(c, o.x*k, fw.pageH-o.y*k, o.w*k)
			c = append(c, "f\n"...)
		case opImage:
			img := o.img()
			di := fw.images[img]
			if di == nil {
				di = &docImage{obj: fw.w.alloc(), name: "Im" + strconv.Itoa(len(fw.imgs))}
				if err := di.prepare(img); err != nil {
					return nil, err
				}
				fw.images[img] = di
				fw.imgs = append(fw.imgs, img)
			}
			fw.soft = fw.soft || di.alpha != nil
			c = append(c, "q "...)
			c = appendNums(c, o.w*k, 0, 0, o.h*k, o.x*k, fw.pageH-(o.y+o.h)*k)
			c = append(c, " cm /"...)
			c = append(c, di.name...)
			c = append(c, " Do Q\n"...)
		}
	}
	fw.c = c
	return links, nil
}

// glyphs appends text as hex glyph ids of a face and notes them as used.
func (fw *fileWriter) glyphs(c []byte, fi uint8, s string) []byte {
	f := fw.r.face(fi)
	df := fw.fonts[fi]
	if df == nil {
		df = &docFont{obj: fw.w.alloc(), used: make([]bool, f.font.NumGlyphs), runeOf: map[uint16]rune{}}
		fw.fonts[fi] = df
	}
	for _, r := range s {
		g := f.glyph(r)
		if !df.used[g] {
			df.used[g] = true
			df.runeOf[g] = r
		}
		c = hex4(c, g)
	}
	return c
}

// hex4 appends v as four hex digits.
func hex4(c []byte, v uint16) []byte {
	const hex = "0123456789ABCDEF"
	return append(c, hex[v>>12], hex[v>>8&15], hex[v>>4&15], hex[v&15])
}

func (fw *fileWriter) setFill(c []byte, col style.RGB) []byte {
	if fw.cs.fill == col {
		return c
	}
	fw.cs.fill = col
	c = appendColor(c, col)
	return append(c, " rg\n"...)
}

func (fw *fileWriter) setStroke(c []byte, col style.RGB, lw float64) []byte {
	if fw.cs.stroke != col || fw.cs.lineW < 0 {
		fw.cs.stroke = col
		c = appendColor(c, col)
		c = append(c, " RG\n"...)
	}
	if fw.cs.lineW != lw {
		fw.cs.lineW = lw
		c = appendNum(c, lw*fw.k)
		c = append(c, " w\n"...)
	}
	return c
}

func appendColor(c []byte, col style.RGB) []byte {
	return appendNums(c, float64(col.R)/255, float64(col.G)/255, float64(col.B)/255)
}

// circle appends a circle path made of four Bézier curves.
func circle(c []byte, x, y, r float64) []byte {
	const kappa = 0.5522847498
	d := r * kappa
	c = appendNums(c, x+r, y)
	c = append(c, " m "...)
	c = appendNums(c, x+r, y+d, x+d, y+r, x, y+r)
	c = append(c, " c "...)
	c = appendNums(c, x-d, y+r, x-r, y+d, x-r, y)
	c = append(c, " c "...)
	c = appendNums(c, x-r, y-d, x-d, y-r, x, y-r)
	c = append(c, " c "...)
	c = appendNums(c, x+d, y-r, x+r, y-d, x+r, y)
	return append(c, " c "...)
}

// appendNum appends a number with at most three decimals and no trailing
// zeros, the same way every time: v rounded to the nearest thousandth, as
// appendRounded writes it.
//
// A content stream is mostly such numbers, and strconv.AppendFloat takes
// the general way for each. Most are far from halfway between two
// thousandths: then v×1000, whose rounding error is below 2⁻²² for the
// sizes a page has, rounds to the same whole number, which is written as
// digits. Near halfway, and for large values, appendRounded decides.
// TestAppendNumRounded holds the two to each other.
func appendNum(c []byte, v float64) []byte {
	if v > -0.0005 && v < 0.0005 {
		return append(c, '0')
	}
	if x := v * 1000; x > -(1<<31) && x < 1<<31 {
		if f := math.Abs(x - math.Trunc(x)); f < 0.5-1e-5 || f > 0.5+1e-5 {
			return appendThousandths(c, int64(math.Round(x)))
		}
	}
	return appendRounded(c, v)
}

// appendRounded is appendNum by way of strconv.AppendFloat, which rounds
// v's exact value: the definition appendNum's faster way is held to.
func appendRounded(c []byte, v float64) []byte {
	if v > -0.0005 && v < 0.0005 {
		return append(c, '0')
	}
	n := len(c)
	c = strconv.AppendFloat(c, v, 'f', 3, 64)
	for c[len(c)-1] == '0' {
		c = c[:len(c)-1]
	}
	if c[len(c)-1] == '.' {
		c = c[:len(c)-1]
	}
	if string(c[n:]) == "-0" {
		c = append(c[:n], '0')
	}
	return c
}

// appendThousandths appends t thousandths, t not 0, with no trailing
// zeros.
func appendThousandths(c []byte, t int64) []byte {
	if t < 0 {
		c = append(c, '-')
		t = -t
	}
	c = strconv.AppendInt(c, t/1000, 10)
	frac := t % 1000
	if frac == 0 {
		return c
	}
	d := [4]byte{'.', byte('0' + frac/100), byte('0' + frac/10%10), byte('0' + frac%10)}
	end := 4
	for d[end-1] == '0' {
		end--
	}
	return append(c, d[:end]...)
}

func appendNums(c []byte, vs ...float64) []byte {
	for i, v := range vs {
		if i > 0 {
			c = append(c, ' ')
		}
		c = appendNum(c, v)
	}
	return c
}

func num(v float64) string { return string(appendNum(nil, v)) }

// safeURI tells whether a link target may become a clickable link: web,
// mail and phone addresses only, never script or file URIs.
func safeURI(u string) bool {
	l := strings.ToLower(u)
	for _, s := range []string{"https://", "http://", "mailto:", "tel:"} {
		if strings.HasPrefix(l, s) {
			return true
		}
	}
	return false
}

// linkAnnot writes a link annotation for a link op: printable (/F 4, as
// PDF/A requires), described by the text it covers (/Contents, as PDF/UA
// requires of every annotation), and tied to its Link element through the
// parent tree (/StructParent key).
func (fw *fileWriter) linkAnnot(n, pageObj, key int, text string, l op) {
	k := fw.k
	contents := strings.TrimSpace(text)
	if contents == "" {
		contents = l.text
	}
	var b strings.Builder
	fmt.Fprintf(&b, "/Type/Annot/Subtype/Link/P %d 0 R/Rect[%s]/F 4/Border[0 0 0]/Contents%s/StructParent %d/A<</S/URI/URI%s>>",
		pageObj, string(appendNums(nil, l.x*k, fw.pageH-(l.y+l.h)*k, (l.x+l.w)*k, fw.pageH-l.y*k)), textString(contents), key, uriString(l.text))
	fw.w.dict(n, b.String())
}

// uriString writes a URI as a PDF string: ASCII, non-ASCII bytes
// percent-encoded, delimiters escaped.
func uriString(u string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c >= 0x80 || c < 0x20:
			fmt.Fprintf(&b, "%%%02X", c)
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// textString encodes a text string as UTF-16BE with a byte-order mark, in
// hex, which needs no escaping.
func textString(s string) string {
	b := make([]byte, 0, 6+4*len(s))
	b = append(b, "<FEFF"...)
	var units [2]uint16
	for _, r := range s {
		for _, u := range utf16.AppendRune(units[:0], r) {
			b = hex4(b, u)
		}
	}
	return string(append(b, '>'))
}

// writeFont writes a Type 0 font with its CID font, descriptor, ToUnicode
// map and the subset font file; what depends on the glyphs used comes
// from the build's font sets (fontcache.go).
func (fw *fileWriter) writeFont(fi int, f *face, df *docFont) {
	w := &fw.w
	cid, desc, file, tu := w.alloc(), w.alloc(), w.alloc(), w.alloc()
	s := fw.fontSetOf(fi, f, df)
	w.dict(df.obj, fmt.Sprintf("/Type/Font/Subtype/Type0/BaseFont/%s/Encoding/Identity-H/DescendantFonts[%d 0 R]/ToUnicode %d 0 R", s.base, cid, tu))
	w.dict(cid, fmt.Sprintf("/Type/Font/Subtype/CIDFontType2/BaseFont/%s/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor %d 0 R/DW %d/CIDToGIDMap/Identity/W%s",
		s.base, desc, f.widths[0], s.widths))
	w.dict(desc, fmt.Sprintf("/Type/FontDescriptor/FontName/%s/Flags %d/FontBBox[%d %d %d %d]/ItalicAngle %s/Ascent %d/Descent %d/CapHeight %d/StemV %d/FontFile2 %d 0 R",
		s.base, f.flags, f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3], num(f.italicAngle), int(f.ascent), int(f.descent), int(f.capHeight), f.stemV, file))
	w.rawStream(file, "/Length1 "+strconv.Itoa(s.length1)+"/Filter/FlateDecode", s.file)
	w.rawStream(tu, "/Filter/FlateDecode", s.toUnicode)
}

// prepare decodes an image for writing. PDF/A allows no device CMYK
// under an RGB output intent, so a CMYK JPEG is decoded and written as
// RGB samples like a PNG.
func (di *docImage) prepare(img *doc.Image) error {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(img.Data))
	if err != nil {
		return fmt.Errorf("pdf: image %q: %w", img.Alt, err)
	}
	di.width, di.height = cfg.Width, cfg.Height
	if format == "jpeg" && cfg.ColorModel != color.CMYKModel {
		di.jpeg = img.Data
		di.gray = cfg.ColorModel == color.GrayModel
		return nil
	}
	m, _, err := image.Decode(bytes.NewReader(img.Data))
	if err != nil {
		return fmt.Errorf("pdf: image %q: %w", img.Alt, err)
	}
	bnd := m.Bounds()
	di.width, di.height = bnd.Dx(), bnd.Dy()
	rgb := make([]byte, 0, bnd.Dx()*bnd.Dy()*3)
	alpha := make([]byte, 0, bnd.Dx()*bnd.Dy())
	opaque := true
	for y := bnd.Min.Y; y < bnd.Max.Y; y++ {
		for x := bnd.Min.X; x < bnd.Max.X; x++ {
			c := color.NRGBAModel.Convert(m.At(x, y)).(color.NRGBA)
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 255
		}
	}
	di.rgb = rgb
	if !opaque {
		di.alpha = alpha
	}
	return nil
}

// writeImage writes a prepared image as an XObject, with its alpha
// channel as a soft mask.
func (fw *fileWriter) writeImage(di *docImage) {
	w := &fw.w
	if di.jpeg != nil {
		cs := "/DeviceRGB"
		if di.gray {
			cs = "/DeviceGray"
		}
		w.rawStream(di.obj, fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace%s/BitsPerComponent 8/Filter/DCTDecode", di.width, di.height, cs), di.jpeg)
		return
	}
	extra := fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceRGB/BitsPerComponent 8", di.width, di.height)
	if di.alpha != nil {
		mask := w.alloc()
		w.stream(mask, fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray/BitsPerComponent 8", di.width, di.height), di.alpha)
		extra += fmt.Sprintf("/SMask %d 0 R", mask)
	}
	w.stream(di.obj, extra, di.rgb)
}

// outlineMark is a bookmark placed on a page object.
type outlineMark struct {
	placedMark
	page int
}

// writeOutline writes the bookmarks as an outline tree and returns the
// root's object number, 0 when there are none.
func (fw *fileWriter) writeOutline(marks []outlineMark) int {
	if len(marks) == 0 {
		return 0
	}
	w := &fw.w
	type item struct {
		obj, parent, prev, next, first, last, count int
		m                                           *outlineMark
	}
	root := w.alloc()
	items := make([]item, len(marks))
	// stack[l] is the index of the last item at level l; -1 is the root.
	stack := []int{-1}
	objOf := func(i int) int {
		if i < 0 {
			return root
		}
		return items[i].obj
	}
	var rootFirst, rootLast, rootCount int
	for i := range marks {
		lvl := min(marks[i].level-1, len(stack)-1) // levels cannot skip
		lvl = max(lvl, 0)
		stack = stack[:lvl+1]
		parent := stack[lvl]
		items[i] = item{obj: w.alloc(), parent: parent, m: &marks[i]}
		// Link to the previous sibling: the last child of the parent.
		var last *int
		if parent < 0 {
			last = &rootLast
			if rootFirst == 0 {
				rootFirst = items[i].obj
			}
		} else {
			last = &items[parent].last
			if items[parent].first == 0 {
				items[parent].first = items[i].obj
			}
		}
		if *last != 0 {
			for j := i - 1; j >= 0; j-- {
				if items[j].obj == *last {
					items[j].next = items[i].obj
					items[i].prev = *last
					break
				}
			}
		}
		*last = items[i].obj
		for p := parent; p >= 0; p = items[p].parent {
			items[p].count++
		}
		rootCount++
		stack = append(stack, i)
	}
	for _, it := range items {
		var b strings.Builder
		fmt.Fprintf(&b, "/Title%s/Parent %d 0 R/Dest[%d 0 R/XYZ 0 %s null]", textString(it.m.text), objOf(it.parent), it.m.page, num(fw.pageH-it.m.y*fw.k))
		if it.prev != 0 {
			fmt.Fprintf(&b, "/Prev %d 0 R", it.prev)
		}
		if it.next != 0 {
			fmt.Fprintf(&b, "/Next %d 0 R", it.next)
		}
		if it.first != 0 {
			fmt.Fprintf(&b, "/First %d 0 R/Last %d 0 R/Count %d", it.first, it.last, it.count)
		}
		w.dict(it.obj, b.String())
	}
	w.dict(root, fmt.Sprintf("/Type/Outlines/First %d 0 R/Last %d 0 R/Count %d", rootFirst, rootLast, rootCount))
	return root
}

// writeAttachment embeds a file and returns its file specification's
// object number.
func (fw *fileWriter) writeAttachment(a doc.Attachment, stamp string) int {
	w := &fw.w
	file, spec := w.alloc(), w.alloc()
	// PDF/A-3 wants every embedded file's MIME type.
	mime := a.MIME
	if mime == "" {
		mime = "application/octet-stream"
	}
	extra := fmt.Sprintf("/Type/EmbeddedFile/Params<</Size %d/ModDate(%s)>>/Subtype/%s", len(a.Data), stamp, pdfName(mime))
	w.stream(file, extra, a.Data)
	w.dict(spec, fmt.Sprintf("/Type/Filespec/F%s/UF%s/Desc%s/EF<</F %d 0 R/UF %d 0 R>>/AFRelationship/Source",
		uriString(asciiName(a.Name)), textString(a.Name), textString(a.Description), file, file))
	return spec
}

// pdfName writes s as a PDF name, escaping what a name cannot hold.
func pdfName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("#/()<>[]{}%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// asciiName is a file name for readers that only know the old ASCII /F
// entry: non-ASCII letters become underscores.
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r >= 0x7f {
			r = '_'
		}
		b.WriteRune(r)
	}
	return b.String()
}

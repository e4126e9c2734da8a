package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/fault"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"
)

// A packet (see parts.go) may hold PDFs made elsewhere: an agreement, a
// map. They are read and validated with pdfcpu, and their pages are then
// copied into the file this package writes, each as a form XObject drawn
// on a page of ours, rather than merged by pdfcpu's own writer. Three
// reasons, each measured on pdfcpu v0.15.0:
//
//   - pdfcpu's writer stamps the file ID and the Info dictionary's ModDate
//     with the clock, so the packet would differ on every build;
//   - appended pages keep their /StructParents, which then index into our
//     parent tree and point at the wrong elements; and its wrapper bookmark
//     is linked with /Previous instead of /Prev;
//   - on a page of ours the mark "Bilaga N" can be drawn in our own
//     embedded font, as an artifact, in a strip that the foreign content
//     never reaches, and the page can be one element of our structure tree.
//
// pdfcpu does what it is good at: parsing, repairing what a reader may
// repair, refusing what is damaged, and telling encrypted files apart.
//
// Its packages for reading and validating are called directly, not
// through pkg/api: api imports pdfcpu's form filling, and with it
// go-runewidth, whose init builds a 2 MB table of character widths in
// every process that links it, some 25 ms of each cold `underlag render`
// that never reads a foreign PDF. readContext and validate.XRefTable do
// what api.ReadContext and api.ValidateContext do (v0.15.0).

// Errors of OpenForeign, for callers that word them their own way.
var (
	ErrNotPDF    = errors.New("not a PDF file")
	ErrEncrypted = errors.New("the PDF is encrypted")
	ErrDamaged   = errors.New("the PDF is damaged")
	ErrNoPages   = errors.New("the PDF has no pages")
	ErrTooLarge  = errors.New("the PDF is too large")
)

// Limits on a foreign PDF, checked before its pages are walked: an
// attachment is an agreement or a map of tens of pages, while a small file
// can claim 200,000 pages (one page listed again and again), which the
// page-by-page copy would take minutes over.
const (
	MaxForeignPages   = 2000
	MaxForeignObjects = 1_000_000
)

// Foreign is a PDF made elsewhere, read and validated, ready to be drawn
// into a packet. It is read-only once opened, but not safe for concurrent
// use: pdfcpu notes what it has dereferenced in the context.
type Foreign struct {
	ctx   *model.Context
	pages []foreignPage
	// Tagged tells whether the file is a tagged PDF (a structure tree and
	// MarkInfo/Marked true). Its tags do not come along into a packet.
	Tagged bool
	// PDFA is the PDF/A part and conformance its XMP metadata claims,
	// such as "2B"; "" when it claims none.
	PDFA string
}

// foreignPage is one page of a foreign PDF.
type foreignPage struct {
	dict   types.Dict
	ref    types.IndirectRef
	box    types.Rectangle // the visible box: the crop box within the media box
	rotate int             // 0, 90, 180 or 270
	res    types.Dict      // resources, inherited or its own
}

// Pages is the number of pages.
func (f *Foreign) Pages() int { return len(f.pages) }

// size is the page's size as shown, in points: its box turned by its
// rotation.
func (p *foreignPage) size() (w, h float64) {
	w, h = p.box.Width(), p.box.Height()
	if p.rotate == 90 || p.rotate == 270 {
		w, h = h, w
	}
	return w, h
}

// configOnce turns pdfcpu's configuration directory off before its first
// use: otherwise pdfcpu writes a configuration and fonts into the user's
// home directory, which a build (in CI, as another user) must not do. It is
// pdfcpu's own global switch (what api.DisableConfigDir sets), set once,
// never read back.
var configOnce sync.Once

func disableConfigDir() { model.ConfigPath = "disable" }

// readContext reads a PDF into pdfcpu's model, as api.ReadContext does:
// pdfcpu reports some damage by a panic of its own (fault.Panic), which
// becomes the error.
func readContext(data []byte, conf *model.Configuration) (ctx *model.Context, err error) {
	defer fault.Catch(&err)
	return pdfcpu.Read(bytes.NewReader(data), conf)
}

// OpenForeign reads and validates a PDF. It fails with ErrNotPDF,
// ErrEncrypted, ErrDamaged or ErrNoPages (wrapped, with pdfcpu's reason
// where it gave one). An encrypted file is refused even when it opens
// without a password: its owner restricted it, and a packet would have to
// drop the restriction.
func OpenForeign(data []byte) (f *Foreign, err error) {
	// pdfcpu reads what the file says; a file made to mislead it must be
	// one more damaged file, not the end of the build.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%w: it cannot be read (%v)", ErrDamaged, r)
		}
	}()
	configOnce.Do(disableConfigDir)
	head := data[:min(len(data), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return nil, ErrNotPDF
	}
	// pdfcpu rebuilds the cross-reference table of a file that was cut
	// short, which would put what is left of it into a packet as if it
	// were whole; a PDF ends with its trailer.
	tail := data[max(0, len(data)-1024):]
	if !bytes.Contains(tail, []byte("%%EOF")) || !bytes.Contains(tail, []byte("startxref")) {
		return nil, fmt.Errorf("%w: it does not end as a PDF file ends (startxref, %%%%EOF), as when a copy or a download was cut short", ErrDamaged)
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := readContext(data, conf)
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) || strings.Contains(err.Error(), "password") {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if ctx.Encrypt != nil {
		return nil, ErrEncrypted
	}
	if err := foreignSize(ctx); err != nil {
		return nil, err
	}
	if err := validate.XRefTable(ctx); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if ctx.PageCount == 0 {
		return nil, ErrNoPages
	}
	f = &Foreign{ctx: ctx}
	seen := map[int]int{}
	for i := 1; i <= ctx.PageCount; i++ {
		d, ref, inh, err := ctx.PageDict(i, false)
		if err != nil {
			return nil, fmt.Errorf("%w: page %d: %v", ErrDamaged, i, err)
		}
		if j, dup := seen[ref.ObjectNumber.Value()]; dup {
			return nil, fmt.Errorf("%w: its page tree lists page object %d twice (pages %d and %d)", ErrDamaged, ref.ObjectNumber.Value(), j, i)
		}
		seen[ref.ObjectNumber.Value()] = i
		p := foreignPage{dict: d, ref: *ref}
		if inh != nil {
			p.res = inh.Resources
			if inh.MediaBox != nil {
				p.box = *inh.MediaBox
			}
			if inh.CropBox != nil {
				p.box = intersect(p.box, *inh.CropBox)
			}
			p.rotate = ((inh.Rotate%360)+360)%360 - ((inh.Rotate%360)+360)%90
		}
		if p.box.Width() < 1 || p.box.Height() < 1 {
			return nil, fmt.Errorf("%w: page %d has no media box", ErrDamaged, i)
		}
		f.pages = append(f.pages, p)
	}
	cat, err := ctx.Catalog()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	f.Tagged = tagged(ctx, cat)
	f.PDFA = pdfaClaim(ctx, cat)
	return f, nil
}

// foreignSize refuses a PDF past MaxForeignPages or MaxForeignObjects,
// before pdfcpu validates it (which walks every page listed): by its
// object count, and by the page count and the number of kids its page
// tree's root claims.
func foreignSize(ctx *model.Context) error {
	if n := len(ctx.Table); n > MaxForeignObjects {
		return fmt.Errorf("%w: it has %d objects; the limit is %d", ErrTooLarge, n, MaxForeignObjects)
	}
	cat, err := ctx.Catalog()
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	ref := cat.IndirectRefEntry("Pages")
	if ref == nil {
		return ErrNoPages
	}
	root, err := ctx.DereferenceDict(*ref)
	if err != nil || root == nil {
		return fmt.Errorf("%w: its page tree cannot be read", ErrDamaged)
	}
	pages := 0
	if c := root.IntEntry("Count"); c != nil {
		pages = *c
	}
	if kids := root.ArrayEntry("Kids"); len(kids) > pages {
		pages = len(kids)
	}
	if pages > MaxForeignPages {
		return fmt.Errorf("%w: it has %d pages; the limit is %d", ErrTooLarge, pages, MaxForeignPages)
	}
	return nil
}

func intersect(a, b types.Rectangle) types.Rectangle {
	r := types.Rectangle{
		LL: types.Point{X: max(a.LL.X, b.LL.X), Y: max(a.LL.Y, b.LL.Y)},
		UR: types.Point{X: min(a.UR.X, b.UR.X), Y: min(a.UR.Y, b.UR.Y)},
	}
	if r.Width() < 1 || r.Height() < 1 {
		return a // a crop box outside the media box is ignored, as readers do
	}
	return r
}

// tagged reports whether a catalog marks its file as tagged.
func tagged(ctx *model.Context, cat types.Dict) bool {
	if _, ok := cat.Find("StructTreeRoot"); !ok {
		return false
	}
	o, ok := cat.Find("MarkInfo")
	if !ok {
		return false
	}
	mi, err := ctx.DereferenceDict(o)
	if err != nil || mi == nil {
		return false
	}
	b := mi.BooleanEntry("Marked")
	return b != nil && *b
}

var (
	pdfaPart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`pdfaid:part\s*(?:=\s*["']|>)\s*(\d)`) })
	pdfaConf = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`pdfaid:conformance\s*(?:=\s*["']|>)\s*([A-Za-z])`) })
)

// pdfaClaim is the PDF/A identification in a catalog's XMP metadata.
func pdfaClaim(ctx *model.Context, cat types.Dict) string {
	o, ok := cat.Find("Metadata")
	if !ok {
		return ""
	}
	sd, _, err := ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return ""
	}
	if err := sd.Decode(); err != nil {
		return ""
	}
	m := pdfaPart().FindSubmatch(sd.Content)
	if m == nil {
		return ""
	}
	claim := string(m[1])
	if c := pdfaConf().FindSubmatch(sd.Content); c != nil {
		claim += strings.ToUpper(string(c[1]))
	}
	return claim
}

// foreignRef is a page of a foreign part placed in a packet.
type foreignRef struct {
	f     *Foreign
	index int
	elem  int       // the page's Figure element
	strip float64   // the height of the strip above the content, in mm
	im    *importer // shared by the part's pages, so that what they share is copied once
}

// importer copies objects of one foreign file into the file being written,
// each once, with new object numbers. References to pages, the page tree or
// the catalog become null, so that no copy drags the rest of the file
// along: what refers to them (links, form fields) does not come along.
type importer struct {
	f     *Foreign
	w     *writer
	objs  map[int]int // foreign object number → ours; 0 for null
	queue []int       // foreign objects allocated, not yet written
}

// newImporter returns the copier of one foreign file into one packet.
func newImporter(f *Foreign) *importer { return &importer{f: f, objs: map[int]int{}} }

// ref returns our object number for a foreign reference, 0 for null.
func (im *importer) ref(ir types.IndirectRef) int {
	n := ir.ObjectNumber.Value()
	if m, ok := im.objs[n]; ok {
		return m
	}
	o, err := im.f.ctx.Dereference(ir)
	if err != nil || o == nil {
		im.objs[n] = 0
		return 0
	}
	if d, ok := o.(types.Dict); ok {
		if t := d.Type(); t != nil && (*t == "Page" || *t == "Pages" || *t == "Catalog") {
			im.objs[n] = 0
			return 0
		}
	}
	m := im.w.alloc()
	im.objs[n] = m
	im.queue = append(im.queue, n)
	return m
}

// skipKeys are entries of copied dictionaries that refer into the foreign
// file's structure tree, which does not come along.
var skipKeys = map[string]bool{"StructParent": true, "StructParents": true}

// value appends a foreign object as PDF syntax.
func (im *importer) value(c []byte, o types.Object) ([]byte, error) {
	switch v := o.(type) {
	case nil:
		return append(c, "null"...), nil
	case types.IndirectRef:
		if n := im.ref(v); n > 0 {
			c = strconv.AppendInt(c, int64(n), 10)
			return append(c, " 0 R"...), nil
		}
		return append(c, "null"...), nil
	case types.Dict:
		return im.dict(c, v, nil)
	case types.Array:
		c = append(c, '[')
		for i, e := range v {
			if i > 0 {
				c = append(c, ' ')
			}
			var err error
			if c, err = im.value(c, e); err != nil {
				return nil, err
			}
		}
		return append(c, ']'), nil
	case types.Boolean, types.Integer, types.Name, types.StringLiteral, types.HexLiteral:
		return append(c, v.PDFString()...), nil
	case types.Float:
		return appendNum(c, v.Value()), nil
	}
	return nil, fmt.Errorf("%w: cannot copy a %T", ErrDamaged, o)
}

// dict appends a dictionary, its keys sorted so that the copy is the same
// every time, leaving out skipKeys and the keys in drop.
func (im *importer) dict(c []byte, d types.Dict, drop []string) ([]byte, error) {
	keys := make([]string, 0, len(d))
	for k := range d {
		if !skipKeys[k] && !slices.Contains(drop, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	c = append(c, "<<"...)
	for _, k := range keys {
		c = append(c, '/')
		c = append(c, types.EncodeName(k)...)
		c = append(c, ' ')
		var err error
		if c, err = im.value(c, d[k]); err != nil {
			return nil, err
		}
	}
	return append(c, ">>"...), nil
}

// flush writes every object allocated so far, and those they refer to.
func (im *importer) flush() error {
	for len(im.queue) > 0 {
		n := im.queue[0]
		im.queue = im.queue[1:]
		o, err := im.f.ctx.Dereference(*types.NewIndirectRef(n, 0))
		if err != nil {
			return fmt.Errorf("%w: object %d: %v", ErrDamaged, n, err)
		}
		m := im.objs[n]
		switch v := o.(type) {
		case types.StreamDict:
			body, err := im.dict(nil, v.Dict, []string{"Length"})
			if err != nil {
				return err
			}
			// Without its << >>: rawStream adds them, and the length.
			im.w.rawStream(m, string(body[2:len(body)-2]), v.Raw)
		default:
			im.w.obj(m)
			if im.w.buf, err = im.value(im.w.buf, o); err != nil {
				return err
			}
			im.w.endobj()
		}
	}
	return nil
}

// foreignPage writes page i, which shows a page of a foreign PDF, as page
// object pageObj: the foreign page as a form XObject, scaled into the page
// below the strip, with the appearances of its annotations (a signature, a
// filled-in field) drawn over it as they are printed, all of it marked
// content of the page's Figure element; and the page's own decoration, the
// mark "Bilaga N", in the strip. It returns the page's entry in the parent
// tree and the outline entries, marks with the page's.
func (fw *fileWriter) foreignPage(pageObj, i int, pg *page, tree *structTree, marks []outlineMark) ([]int, []outlineMark, error) {
	ref := pg.foreign
	fp := &ref.f.pages[ref.index]
	im := ref.im
	w := &fw.w
	im.w = w
	pw, ph := fp.size()
	strip := ref.strip * fw.k
	s := min(1, (ph-strip)/ph)
	// Our page has the foreign page's size as shown; the content is scaled
	// by s about the top edge's centre, leaving the strip free.
	place := matrix{s, 0, 0, s, pw * (1 - s) / 2, 0}
	m := rotation(fp).mul(place)

	form := w.alloc()
	xobjs := []string{"/UlP " + strconv.Itoa(form) + " 0 R"}
	var c []byte
	c = fw.markOpen(c, tree, i, ref.elem)
	c = append(c, "q "...)
	c = m.append(c)
	c = append(c, " cm /UlP Do Q\n"...)
	aps, err := im.appearances(fp)
	if err != nil {
		return nil, nil, err
	}
	for k, ap := range aps {
		name := "UlA" + strconv.Itoa(k)
		xobjs = append(xobjs, "/"+name+" "+strconv.Itoa(ap.obj)+" 0 R")
		c = append(c, "q "...)
		c = ap.m.mul(m).append(c)
		c = append(c, " cm /"...)
		c = append(c, name...)
		c = append(c, " Do Q\n"...)
	}
	fw.c = c
	saved := fw.pageH
	fw.pageH = ph
	fw.content(pg.decor, nil)
	fw.pageH = saved
	fw.c = fw.mark.close(fw.c)
	parents := fw.mark.parents
	content := w.alloc()
	w.stream(content, "", fw.c)

	if err := im.form(form, fp); err != nil {
		return nil, nil, err
	}
	var res strings.Builder
	res.WriteString("/ProcSet[/PDF/Text/ImageB/ImageC]/XObject<<")
	res.WriteString(strings.Join(xobjs, ""))
	res.WriteString(">>/Font<<")
	for k, f := range fw.fonts {
		if f != nil {
			fmt.Fprintf(&res, "/F%d %d 0 R", k, f.obj)
		}
	}
	res.WriteString(">>")
	w.dict(pageObj, fmt.Sprintf("/Type/Page/Parent %d 0 R/MediaBox[0 0 %s %s]/Resources<<%s>>/Contents %d 0 R/StructParents %d/Tabs/S",
		objPages, num(pw), num(ph), res.String(), content, i))
	for _, mk := range pg.marks {
		marks = append(marks, outlineMark{placedMark: mk, page: pageObj})
	}
	if err := im.flush(); err != nil {
		return nil, nil, err
	}
	return parents, marks, nil
}

// markOpen starts the page's marked content for element e, through the
// marker that the page's decoration then goes on with.
func (fw *fileWriter) markOpen(c []byte, tree *structTree, page, e int) []byte {
	fw.cs = contentState{face: -1, lineW: -1}
	fw.mark = marker{tree: tree, page: page}
	return fw.mark.to(c, int32(e))
}

// form writes a foreign page as form XObject n: its content streams as one
// stream, its resources and its transparency group.
func (im *importer) form(n int, fp *foreignPage) error {
	var parts [][]byte
	raw := []byte(nil)
	extra := ""
	switch v := fp.dict["Contents"].(type) {
	case nil:
	case types.IndirectRef, types.Array:
		refs := []types.Object{v}
		if a, ok := v.(types.Array); ok {
			refs = a
		} else if o, err := im.f.ctx.Dereference(v); err == nil {
			if a, ok := o.(types.Array); ok {
				refs = a
			}
		}
		for _, r := range refs {
			sd, _, err := im.f.ctx.DereferenceStreamDict(r)
			if err != nil {
				return fmt.Errorf("%w: page content: %v", ErrDamaged, err)
			}
			if sd == nil {
				continue
			}
			if len(refs) == 1 {
				// One stream is copied as it is, still encoded.
				raw = sd.Raw
				for _, k := range []string{"Filter", "DecodeParms"} {
					if o, ok := sd.Dict[k]; ok {
						b, err := im.value([]byte("/"+k+" "), o)
						if err != nil {
							return err
						}
						extra += string(b)
					}
				}
				break
			}
			if err := sd.Decode(); err != nil {
				return fmt.Errorf("%w: page content: %v", ErrDamaged, err)
			}
			parts = append(parts, sd.Content)
		}
	default:
		return fmt.Errorf("%w: page content is a %T", ErrDamaged, v)
	}
	b := fp.box
	head := fmt.Sprintf("/Type/XObject/Subtype/Form/BBox[%s %s %s %s]", num(b.LL.X), num(b.LL.Y), num(b.UR.X), num(b.UR.Y))
	if fp.res != nil {
		r, err := im.dict(nil, fp.res, nil)
		if err != nil {
			return err
		}
		head += "/Resources" + string(r)
	}
	if g, ok := fp.dict["Group"]; ok {
		v, err := im.value(nil, g)
		if err != nil {
			return err
		}
		head += "/Group" + string(v)
	}
	if raw != nil || len(parts) == 0 {
		im.w.rawStream(n, head+extra, raw)
		return nil
	}
	im.w.stream(n, head, bytes.Join(parts, []byte{'\n'}))
	return nil
}

// appearance is an annotation's appearance stream, copied, and where it
// goes on the foreign page.
type appearance struct {
	obj int
	m   matrix
}

// appearances are the normal appearances of a page's annotations that are
// printed, in order, placed as a reader places them (ISO 32000-1, 12.5.5).
// The annotations themselves do not come along: a form field or a
// signature of the foreign file has no meaning in the packet, but what it
// shows on paper does.
func (im *importer) appearances(fp *foreignPage) ([]appearance, error) {
	ctx := im.f.ctx
	o, ok := fp.dict.Find("Annots")
	if !ok {
		return nil, nil
	}
	annots, err := ctx.DereferenceArray(o)
	if err != nil {
		return nil, nil
	}
	var out []appearance
	for _, a := range annots {
		d, err := ctx.DereferenceDict(a)
		if err != nil || d == nil {
			continue
		}
		if st := d.Subtype(); st != nil && *st == "Popup" {
			continue
		}
		if f := d.IntEntry("F"); f != nil && (*f&2 != 0 || *f&4 == 0) {
			continue // hidden, or not printed
		}
		apo, ok := d.Find("AP")
		if !ok {
			continue
		}
		ap, err := ctx.DereferenceDict(apo)
		if err != nil || ap == nil {
			continue
		}
		n, ok := ap.Find("N")
		if !ok {
			continue
		}
		if states, err := ctx.DereferenceDict(n); err == nil && states != nil {
			// A dictionary of states: the one the annotation is in.
			as := d.NameEntry("AS")
			if as == nil {
				continue
			}
			if n, ok = states.Find(*as); !ok {
				continue
			}
		}
		ir, ok := n.(types.IndirectRef)
		if !ok {
			continue
		}
		sd, _, err := ctx.DereferenceStreamDict(ir)
		if err != nil || sd == nil {
			continue
		}
		rect, err := ctx.RectForArray(d.ArrayEntry("Rect"))
		if err != nil || rect == nil {
			continue
		}
		bbox, err := ctx.RectForArray(sd.Dict.ArrayEntry("BBox"))
		if err != nil || bbox == nil {
			continue
		}
		fm := identity
		if a := sd.Dict.ArrayEntry("Matrix"); len(a) == 6 {
			for k := range fm {
				if f, err := ctx.DereferenceNumber(a[k]); err == nil {
					fm[k] = f
				}
			}
		}
		x1, y1, x2, y2 := fm.bounds(*bbox)
		if x2-x1 < 1e-6 || y2-y1 < 1e-6 {
			continue
		}
		sx := (rect.UR.X - rect.LL.X) / (x2 - x1)
		sy := (rect.UR.Y - rect.LL.Y) / (y2 - y1)
		obj := im.ref(ir)
		if obj == 0 {
			continue
		}
		out = append(out, appearance{obj: obj, m: matrix{sx, 0, 0, sy, rect.LL.X - x1*sx, rect.LL.Y - y1*sy}})
	}
	return out, nil
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul is m then n: a point is transformed by m first.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// bounds is the bounding box of a rectangle transformed by m.
func (m matrix) bounds(r types.Rectangle) (x1, y1, x2, y2 float64) {
	x1, y1, x2, y2 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range [][2]float64{{r.LL.X, r.LL.Y}, {r.UR.X, r.LL.Y}, {r.LL.X, r.UR.Y}, {r.UR.X, r.UR.Y}} {
		x, y := m.apply(p[0], p[1])
		x1, y1, x2, y2 = min(x1, x), min(y1, y), max(x2, x), max(y2, y)
	}
	return
}

// append writes the matrix as six numbers.
func (m matrix) append(c []byte) []byte { return appendNums(c, m[:]...) }

// rotation maps a foreign page's box into an upright page of its shown
// size with the origin at the bottom left: it moves the box to the origin
// and turns it by the page's /Rotate, which is clockwise.
func rotation(fp *foreignPage) matrix {
	b := fp.box
	w, h := b.Width(), b.Height()
	t := matrix{1, 0, 0, 1, -b.LL.X, -b.LL.Y}
	switch fp.rotate {
	case 90:
		return t.mul(matrix{0, -1, 1, 0, 0, w})
	case 180:
		return t.mul(matrix{-1, 0, 0, -1, w, h})
	case 270:
		return t.mul(matrix{0, 1, -1, 0, h, 0})
	}
	return t
}

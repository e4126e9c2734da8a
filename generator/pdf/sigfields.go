package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/doc"
)

// Signature fields. A signable signature block gets, over each line to
// sign on, an empty signature form field (/FT /Sig): a widget annotation
// on the page that is also the field, listed in the catalog's AcroForm.
// Acrobat, Foxit, Okular, poppler's pdfsig -sign and PAdES signing
// services then sign in place: they write the signature value into the
// field as an incremental update, over a byte range that covers the whole
// file as we wrote it. So nothing of ours may come after: the file is
// finished when write returns.
//
// For the tagged PDF, each field is a Form structure element under the
// block's Div, with the caption as its alternative text ("Underskrift
// Uppdragsägare"), holding the widget by an object reference (OBJR); the
// widget points back with /StructParent, a key in the parent tree after
// the pages' keys. For PDF/A, each widget is printable (/F 4) and has a
// normal appearance: an empty form, since an unsigned field shows nothing
// but the line drawn under it.
//
// The hooks in the shared code are few: collecting the ops as annotations
// and dispatching them here (write.go: content and the page loop), the
// AcroForm in the catalog (write.go), OBJR kids and annotation keys in the
// structure tree (tags.go), and keeping the block with the one before it
// (blocks.go: layoutBlocks).

// opSigField is the op kind of a signature field over the box x, y, w, h,
// named text. It is the last value an opKind can hold rather than one
// more in layout.go's list, so that it never collides with a kind added
// there and that list stays as it is.
const opSigField = opKind(^uint8(0))

// sigFieldOp is the op for one signer's field over the room above its
// line: w wide and h high from (x, y), relative to the top of the
// signer's row. It gets a Form element of its own in the structure tree.
func sigFieldOp(fr frame, s *doc.Signatures, sg *doc.Signer, x, y, w, h float64) op {
	e := fr.tags.add("Form", fr.parent)
	if e != 0 {
		alt := s.Caption(sg)
		if sg.Name != "" {
			alt += ", " + sg.Name
		}
		fr.tags.elems[e].alt = alt
	}
	return op{kind: opSigField, x: x, y: y, w: w, h: h, text: sg.Field, tag: int32(e)}
}

// sigFields is what one document's writer knows of its signature fields.
type sigFields struct {
	objs  []int           // the fields' (widgets') object numbers, for the AcroForm
	names map[string]bool // names given, to keep them unique
}

// sigWidget writes the widget annotation n on page (index i, object
// pageObj) for a signature field op, its empty appearance, and links it
// into the structure tree under parentKey, as links are; it reports
// whether it did (a tagged field), so that the caller counts the key.
func (fw *fileWriter) sigWidget(n, pageObj, i, parentKey int, o op) (tagged bool) {
	k := fw.k
	w := &fw.w
	name := fw.sigs.unique(o.text)
	alt := ""
	key := -1
	if t := fw.mark.tree; t != nil && o.tag > 0 {
		e := int(o.tag)
		alt = t.elems[e].alt
		t.elems[e].kids = append(t.elems[e].kids, kid{page: int32(i), objr: int32(n)})
		key = parentKey
	}
	ww, hh := o.w*k, o.h*k
	ap := w.alloc()
	w.rawStream(ap, "/Type/XObject/Subtype/Form/BBox[0 0 "+num(ww)+" "+num(hh)+"]/Resources<<>>", nil)
	var b strings.Builder
	fmt.Fprintf(&b, "/Type/Annot/Subtype/Widget/FT/Sig/T%s/F 4/P %d 0 R/Rect[%s]/AP<</N %d 0 R>>",
		uriString(name), pageObj, string(appendNums(nil, o.x*k, fw.pageH-(o.y+o.h)*k, (o.x+o.w)*k, fw.pageH-o.y*k)), ap)
	if alt != "" {
		fmt.Fprintf(&b, "/TU%s", textString(alt))
	}
	if key >= 0 {
		fmt.Fprintf(&b, "/StructParent %d", key)
	}
	w.dict(n, b.String())
	fw.sigs.objs = append(fw.sigs.objs, n)
	return key >= 0
}

// unique returns a field name not given before in the document: the name
// compose chose, or "underskrift" for a tree made without one, numbered
// when it repeats. A field name is ASCII (compose makes it so); anything
// else is replaced, since a name is matched byte for byte.
func (s *sigFields) unique(name string) string {
	name = strings.Map(func(r rune) rune {
		if r <= ' ' || r >= 0x7f || r == '.' {
			return '-'
		}
		return r
	}, name)
	if name == "" {
		name = "underskrift"
	}
	if s.names == nil {
		s.names = map[string]bool{}
	}
	n := name
	for i := 2; s.names[n]; i++ {
		n = name + "-" + strconv.Itoa(i)
	}
	s.names[n] = true
	return n
}

// acroForm is the catalog's interactive form entry, "" when the document
// has no fields. No /SigFlags: that says the file holds signatures, which
// it does not until someone signs; the signer sets it.
func (fw *fileWriter) acroForm() string {
	if len(fw.sigs.objs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("/AcroForm<</Fields[")
	for _, n := range fw.sigs.objs {
		fmt.Fprintf(&b, "%d 0 R ", n)
	}
	b.WriteString("]>>")
	return b.String()
}

package pdf_test

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// This file is the structural checker of PDF/A-3a (ISO 19005-3) and
// PDF/UA-1 (ISO 14289-1, with the Matterhorn Protocol's failure
// conditions) that the tests run on every file they make. It checks the
// rules a program can check and that apply to what this renderer writes;
// docs/pdf.md lists them, one line each, with the same clause numbers as
// the rule names below. pdfcpu parses the file (objects, streams, filters);
// the content streams are tokenised here.

// violation is one broken rule.
type violation struct {
	rule string // "PDF/A 6.6.2.3" or "UA 28-011 (Matterhorn)"
	msg  string
}

func (v violation) String() string { return v.rule + ": " + v.msg }

// checker holds one file being checked.
type checker struct {
	data []byte
	x    *model.XRefTable
	out  []violation
	// mcids are the marked-content ids each page's content declares, by
	// page object number; mcrs are those the structure tree claims.
	mcids map[int]map[int]bool
	mcrs  map[int]map[int]bool
	// fontGIDs are the glyph ids shown with each font, by the font's
	// object number.
	fontGIDs map[int]map[int]bool
	// softPages are the page object numbers that paint a soft-masked image.
	softPages map[int]bool
	// annotsInTree are annotations an OBJR of a Link element points to.
	annotsInTree map[int]string
	headings     []int
}

func (c *checker) fail(rule, format string, args ...any) {
	c.out = append(c.out, violation{rule, fmt.Sprintf(format, args...)})
}

// conformance checks a PDF file and returns what it breaks.
func conformance(data []byte) ([]violation, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		return nil, fmt.Errorf("pdfcpu cannot read the file: %w", err)
	}
	c := &checker{data: data, x: ctx.XRefTable, mcids: map[int]map[int]bool{}, mcrs: map[int]map[int]bool{},
		fontGIDs: map[int]map[int]bool{}, softPages: map[int]bool{}, annotsInTree: map[int]string{}}
	c.header()
	cat, err := c.x.Catalog()
	if err != nil {
		return nil, err
	}
	c.catalog(cat)
	c.objects()
	c.pages(cat)
	c.structure(cat)
	c.fonts()
	sort.Slice(c.out, func(i, j int) bool { return c.out[i].String() < c.out[j].String() })
	return c.out, nil
}

func (c *checker) deref(o types.Object) types.Object {
	v, err := c.x.Dereference(o)
	if err != nil {
		return nil
	}
	return v
}

func (c *checker) dict(o types.Object) types.Dict {
	switch v := c.deref(o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

func (c *checker) array(o types.Object) types.Array {
	a, _ := c.deref(o).(types.Array)
	return a
}

func (c *checker) name(d types.Dict, key string) string {
	n, _ := c.deref(d[key]).(types.Name)
	return string(n)
}

func (c *checker) integer(d types.Dict, key string) (int, bool) {
	n, ok := c.deref(d[key]).(types.Integer)
	return int(n), ok
}

func (c *checker) text(o types.Object) (string, bool) {
	switch v := c.deref(o).(type) {
	case types.StringLiteral:
		s, err := types.StringLiteralToString(v)
		return s, err == nil
	case types.HexLiteral:
		s, err := types.HexLiteralToString(v)
		return s, err == nil
	}
	return "", false
}

// stream returns a stream's dictionary and decoded content.
func (c *checker) stream(o types.Object) (types.Dict, []byte) {
	ref, ok := o.(types.IndirectRef)
	if !ok {
		return nil, nil
	}
	sd, _, err := c.x.DereferenceStreamDict(ref)
	if err != nil || sd == nil {
		return nil, nil
	}
	if err := sd.Decode(); err != nil {
		c.fail("PDF/A 6.1.7.1", "object %d: stream does not decode: %v", ref.ObjectNumber, err)
		return sd.Dict, nil
	}
	return sd.Dict, sd.Content
}

func objNr(o types.Object) int {
	if r, ok := o.(types.IndirectRef); ok {
		return int(r.ObjectNumber)
	}
	return 0
}

// header checks the file header and trailer.
func (c *checker) header() {
	head := regexp.MustCompile(`^%PDF-1\.[4-7]\r?\n%`).Find(c.data)
	if head == nil || len(c.data) < len(head)+4 || c.data[len(head)] < 128 || c.data[len(head)+1] < 128 || c.data[len(head)+2] < 128 || c.data[len(head)+3] < 128 {
		c.fail("PDF/A 6.1.2", "the header is not %%PDF-1.n followed by a comment of four bytes above 127")
	}
	if len(c.x.ID) != 2 {
		c.fail("PDF/A 6.1.3", "the trailer has no ID")
	}
	if c.x.Encrypt != nil {
		c.fail("PDF/A 6.1.3", "the file is encrypted")
	}
}

// catalog checks the catalog's entries: metadata, output intent,
// language, viewer preferences, tagging, embedded files.
func (c *checker) catalog(cat types.Dict) {
	if _, ok := cat["AA"]; ok {
		c.fail("PDF/A 6.5.2", "the catalog has additional actions")
	}
	if _, ok := cat["OCProperties"]; ok {
		c.fail("PDF/A 6.9", "the catalog has optional content")
	}
	if mi := c.dict(cat["MarkInfo"]); mi == nil || mi.BooleanEntry("Marked") == nil || !*mi.BooleanEntry("Marked") {
		c.fail("PDF/A 6.7.2.2", "MarkInfo Marked is not true (also UA 01-002)")
	}
	if s, ok := c.text(cat["Lang"]); !ok || s == "" {
		c.fail("UA 11-006", "the catalog has no Lang (also PDF/A 6.7.4)")
	}
	if vp := c.dict(cat["ViewerPreferences"]); vp == nil || vp.BooleanEntry("DisplayDocTitle") == nil || !*vp.BooleanEntry("DisplayDocTitle") {
		c.fail("UA 07-001", "ViewerPreferences DisplayDocTitle is not true")
	}
	if _, ok := cat["StructTreeRoot"]; !ok {
		c.fail("UA 01-006", "no structure tree (also PDF/A 6.7.3.3)")
	}
	c.outputIntents(cat)
	c.metadata(cat)
	c.embeddedFiles(cat)
}

// outputIntents checks the one GTS_PDFA1 output intent and its profile.
func (c *checker) outputIntents(cat types.Dict) {
	ois := c.array(cat["OutputIntents"])
	profiles := map[int]bool{}
	found := false
	for _, o := range ois {
		oi := c.dict(o)
		if c.name(oi, "S") != "GTS_PDFA1" {
			continue
		}
		found = true
		ref := oi["DestOutputProfile"]
		profiles[objNr(ref)] = true
		d, icc := c.stream(ref)
		if len(icc) < 132 {
			c.fail("PDF/A 6.2.3", "the output intent's profile is missing or short")
			continue
		}
		if n, _ := c.integer(d, "N"); n != 3 || string(icc[16:20]) != "RGB " {
			c.fail("PDF/A 6.2.3", "the output profile is not RGB with N 3")
		}
		if class := string(icc[12:16]); class != "mntr" && class != "prtr" {
			c.fail("PDF/A 6.2.3", "the output profile's class is %q, not mntr or prtr", class)
		}
		if icc[8] > 4 {
			c.fail("PDF/A 6.2.3", "the output profile's version %d is above 4", icc[8])
		}
		if int(binary.BigEndian.Uint32(icc)) != len(icc) {
			c.fail("PDF/A 6.2.3", "the output profile's size field says %d, it has %d bytes", binary.BigEndian.Uint32(icc), len(icc))
		}
	}
	if !found {
		c.fail("PDF/A 6.2.3", "no GTS_PDFA1 output intent, yet the file paints in DeviceRGB")
	}
	if len(profiles) > 1 {
		c.fail("PDF/A 6.2.3", "output intents with different profiles")
	}
}

// xmpPacket is the part of the XMP we read back.
type xmpPacket struct {
	Descriptions []struct {
		Title       []string `xml:"title>Alt>li"`
		Creator     []string `xml:"creator>Seq>li"`
		Description []string `xml:"description>Alt>li"`
		Language    []string `xml:"language>Bag>li"`
		Keywords    string   `xml:"http://ns.adobe.com/pdf/1.3/ Keywords"`
		Producer    string   `xml:"http://ns.adobe.com/pdf/1.3/ Producer"`
		CreatorTool string   `xml:"http://ns.adobe.com/xap/1.0/ CreatorTool"`
		CreateDate  string   `xml:"http://ns.adobe.com/xap/1.0/ CreateDate"`
		ModifyDate  string   `xml:"http://ns.adobe.com/xap/1.0/ ModifyDate"`
		Part        string   `xml:"http://www.aiim.org/pdfa/ns/id/ part"`
		Conformance string   `xml:"http://www.aiim.org/pdfa/ns/id/ conformance"`
		UAPart      string   `xml:"http://www.aiim.org/pdfua/ns/id/ part"`
		Schemas     []string `xml:"schemas>Bag>li>prefix"`
	} `xml:"RDF>Description"`
}

// metadata checks the XMP packet: the identifiers, the title, the
// extension schema, and that it says what the Info dictionary says.
func (c *checker) metadata(cat types.Dict) {
	ref, ok := cat["Metadata"]
	if !ok {
		c.fail("PDF/A 6.6.2.1", "the catalog has no Metadata (also UA 06-001)")
		return
	}
	d, data := c.stream(ref)
	if c.name(d, "Type") != "Metadata" || c.name(d, "Subtype") != "XML" {
		c.fail("PDF/A 6.6.2.1", "the metadata stream is not Type Metadata, Subtype XML")
	}
	if _, ok := d["Filter"]; ok {
		c.fail("PDF/A 6.6.2.1", "the metadata stream is filtered")
	}
	if m := regexp.MustCompile(`<\?xpacket begin=[^?]*\?>`).Find(data); m == nil || bytes.Contains(m, []byte("bytes=")) || bytes.Contains(m, []byte("encoding=")) {
		c.fail("PDF/A 6.6.2.1", "the xpacket header is missing or has bytes or encoding attributes")
	}
	var x xmpPacket
	if err := xml.Unmarshal(data, &x); err != nil {
		c.fail("PDF/A 6.6.2.1", "the XMP is not well-formed: %v", err)
		return
	}
	// Merge the descriptions.
	var title, creator, desc, lang []string
	var keywords, producer, tool, created, modified, part, conformance, ua string
	var schemas []string
	for _, ds := range x.Descriptions {
		title = append(title, ds.Title...)
		creator = append(creator, ds.Creator...)
		desc = append(desc, ds.Description...)
		lang = append(lang, ds.Language...)
		schemas = append(schemas, ds.Schemas...)
		for _, p := range []struct {
			dst *string
			v   string
		}{
			{&keywords, ds.Keywords}, {&producer, ds.Producer}, {&tool, ds.CreatorTool}, {&created, ds.CreateDate},
			{&modified, ds.ModifyDate}, {&part, ds.Part}, {&conformance, ds.Conformance}, {&ua, ds.UAPart},
		} {
			if p.v != "" {
				*p.dst = p.v
			}
		}
	}
	if part != "3" || conformance != "A" {
		c.fail("PDF/A 6.6.4", "pdfaid part %q conformance %q, not 3 and A", part, conformance)
	}
	if ua != "1" {
		c.fail("UA 06-002", "pdfuaid:part is %q, not 1", ua)
	}
	if len(title) == 0 || strings.TrimSpace(title[0]) == "" {
		c.fail("UA 06-003", "no dc:title")
	}
	if !contains(schemas, "pdfuaid") {
		c.fail("PDF/A 6.6.2.3.1", "the pdfuaid schema is not declared in a pdfaExtension schema")
	}
	if catLang, _ := c.text(cat["Lang"]); catLang != "" && !contains(lang, catLang) {
		c.fail("PDF/A 6.6.2.3", "dc:language %v does not hold the catalog's Lang %q", lang, catLang)
	}
	// The Info dictionary, entry by entry (ISO 19005-3, 6.6.2.3.1, Table 3).
	info := c.dict(*c.x.Info)
	first := func(v []string) string {
		if len(v) == 0 {
			return ""
		}
		return v[0]
	}
	for _, e := range []struct{ key, xmp, name string }{
		{"Title", first(title), "dc:title"}, {"Author", strings.Join(creator, ", "), "dc:creator"},
		{"Subject", first(desc), "dc:description"}, {"Keywords", keywords, "pdf:Keywords"},
		{"Creator", tool, "xmp:CreatorTool"}, {"Producer", producer, "pdf:Producer"},
	} {
		v, _ := c.text(info[e.key])
		if v != e.xmp {
			c.fail("PDF/A 6.6.2.3", "Info %s %q differs from %s %q", e.key, v, e.name, e.xmp)
		}
	}
	for _, e := range []struct{ key, xmp, name string }{{"CreationDate", created, "xmp:CreateDate"}, {"ModDate", modified, "xmp:ModifyDate"}} {
		v, _ := c.text(info[e.key])
		if v == "" {
			continue
		}
		if !regexp.MustCompile(`^D:\d{14}(Z|[+-]\d\d'\d\d'?)?$`).MatchString(v) {
			c.fail("PDF/A 6.6.2.3", "Info %s %q is not a full PDF date", e.key, v)
			continue
		}
		want := v[2:6] + "-" + v[6:8] + "-" + v[8:10] + "T" + v[10:12] + ":" + v[12:14] + ":" + v[14:16]
		if !strings.HasPrefix(e.xmp, want) {
			c.fail("PDF/A 6.6.2.3", "Info %s %q differs from %s %q", e.key, v, e.name, e.xmp)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// embeddedFiles checks every embedded file's specification and stream.
func (c *checker) embeddedFiles(cat types.Dict) {
	af := map[int]bool{}
	for _, o := range c.array(cat["AF"]) {
		af[objNr(o)] = true
	}
	names := c.dict(cat["Names"])
	ef := c.dict(names["EmbeddedFiles"])
	if ef == nil {
		return
	}
	arr := c.array(ef["Names"])
	for i := 1; i < len(arr); i += 2 {
		spec := c.dict(arr[i])
		nr := objNr(arr[i])
		if _, ok := spec["F"]; !ok {
			c.fail("UA 21-001", "file specification %d has no F (also PDF/A 6.8)", nr)
		}
		if _, ok := spec["UF"]; !ok {
			c.fail("UA 21-001", "file specification %d has no UF (also PDF/A 6.8)", nr)
		}
		if c.name(spec, "AFRelationship") == "" {
			c.fail("PDF/A 6.8", "file specification %d has no AFRelationship", nr)
		}
		if !af[nr] {
			c.fail("PDF/A 6.8", "file specification %d is not in the catalog's AF", nr)
		}
		efs := c.dict(spec["EF"])
		sd := c.dict(efs["F"])
		if c.name(sd, "Subtype") == "" {
			c.fail("PDF/A 6.8", "embedded file of %d has no MIME type (Subtype)", nr)
		}
		if p := c.dict(sd["Params"]); p == nil || p["ModDate"] == nil {
			c.fail("PDF/A 6.8", "embedded file of %d has no Params ModDate", nr)
		}
	}
}

// objects checks every object: stream keys PDF/A forbids, filters, the
// implementation limits, actions and annotations.
func (c *checker) objects() {
	for nr, e := range c.x.Table {
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		var d types.Dict
		switch v := e.Object.(type) {
		case types.StreamDict:
			d = v.Dict
			for _, k := range []string{"F", "FFilter", "FDecodeParms"} {
				if _, ok := d[k]; ok && c.name(d, "Type") != "Filespec" {
					c.fail("PDF/A 6.1.7.1", "stream %d has %s", nr, k)
				}
			}
			for _, f := range filters(d) {
				if f == "LZWDecode" {
					c.fail("PDF/A 6.1.7.2", "stream %d uses LZWDecode", nr)
				}
			}
			if c.name(d, "Subtype") == "Image" {
				c.image(nr, d)
			}
		case types.Dict:
			d = v
		default:
			continue
		}
		c.limits(nr, d)
		if c.name(d, "Type") == "Annot" || d["Subtype"] != nil && d["Rect"] != nil {
			c.annotation(nr, d)
		}
		if a := c.dict(d["A"]); a != nil && a["S"] != nil {
			if s := c.name(a, "S"); s != "URI" && s != "GoTo" {
				c.fail("PDF/A 6.5.1", "object %d has a %s action", nr, s)
			}
		}
	}
}

func filters(d types.Dict) []string {
	var out []string
	switch f := d["Filter"].(type) {
	case types.Name:
		out = append(out, string(f))
	case types.Array:
		for _, o := range f {
			if n, ok := o.(types.Name); ok {
				out = append(out, string(n))
			}
		}
	}
	return out
}

// limits checks names and strings against PDF/A's implementation limits.
func (c *checker) limits(nr int, d types.Dict) {
	var walk func(o types.Object)
	walk = func(o types.Object) {
		switch v := o.(type) {
		case types.Name:
			if len(v) > 127 {
				c.fail("PDF/A 6.1.13", "object %d: a name of %d bytes", nr, len(v))
			}
		case types.StringLiteral:
			if len(v) > 32767 {
				c.fail("PDF/A 6.1.13", "object %d: a string of %d bytes", nr, len(v))
			}
		case types.Dict:
			for k, x := range v {
				if len(k) > 127 {
					c.fail("PDF/A 6.1.13", "object %d: a key of %d bytes", nr, len(k))
				}
				walk(x)
			}
		case types.Array:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(d)
}

// image checks an image XObject.
func (c *checker) image(nr int, d types.Dict) {
	if b := d.BooleanEntry("Interpolate"); b != nil && *b {
		c.fail("PDF/A 6.2.8", "image %d has Interpolate true", nr)
	}
	for _, k := range []string{"Alternates", "OPI"} {
		if _, ok := d[k]; ok {
			c.fail("PDF/A 6.2.8", "image %d has %s", nr, k)
		}
	}
	switch cs := c.name(d, "ColorSpace"); cs {
	case "DeviceRGB", "DeviceGray":
	case "DeviceCMYK":
		c.fail("PDF/A 6.2.4.3", "image %d is DeviceCMYK under an RGB output intent", nr)
	default:
		if _, ok := c.deref(d["ColorSpace"]).(types.Array); !ok {
			c.fail("PDF/A 6.2.4.3", "image %d has colour space %q", nr, cs)
		}
	}
}

// annotation checks an annotation: flags, contents, and (for links) that
// it is in the structure tree.
func (c *checker) annotation(nr int, d types.Dict) {
	sub := c.name(d, "Subtype")
	switch sub {
	case "Link":
		if s, ok := c.text(d["Contents"]); !ok || strings.TrimSpace(s) == "" {
			c.fail("UA 28-004", "annotation %d has no Contents", nr)
		}
	case "Widget":
		// A signature field: its description is /TU, and PDF/A wants an
		// appearance to print.
		if c.name(d, "FT") != "Sig" {
			c.fail("PDF/A 6.3.1", "widget %d is not a signature field; only signature fields are written", nr)
		}
		if s, ok := c.text(d["TU"]); !ok || strings.TrimSpace(s) == "" {
			c.fail("UA 28-005", "form field %d has no TU", nr)
		}
		if ap := c.dict(d["AP"]); ap == nil || ap["N"] == nil {
			c.fail("PDF/A 6.3.3", "widget %d has no normal appearance", nr)
		}
	default:
		c.fail("PDF/A 6.3.1", "annotation %d is a %s; only links and signature fields are written", nr, sub)
	}
	f, _ := c.integer(d, "F")
	if f&4 == 0 || f&(1|2|32) != 0 {
		c.fail("PDF/A 6.3.2", "annotation %d has flags %d: Print must be set and Invisible, Hidden and NoView not", nr, f)
	}
	if _, ok := c.integer(d, "StructParent"); !ok {
		c.fail("UA 28-011", "annotation %d has no StructParent", nr)
	}
}

// pages checks each page: its content stream's marked content, the
// colour spaces it paints in, its transparency group and Tabs.
func (c *checker) pages(cat types.Dict) {
	var walk func(o types.Object)
	walk = func(o types.Object) {
		d := c.dict(o)
		if c.name(d, "Type") == "Pages" {
			for _, k := range c.array(d["Kids"]) {
				walk(k)
			}
			return
		}
		c.page(objNr(o), d)
	}
	walk(cat["Pages"])
}

func (c *checker) page(nr int, d types.Dict) {
	if _, ok := d["AA"]; ok {
		c.fail("PDF/A 6.5.2", "page %d has additional actions", nr)
	}
	if len(c.array(d["Annots"])) > 0 && c.name(d, "Tabs") != "S" {
		c.fail("UA 28-? (ISO 14289-1 7.18.3)", "page %d has annotations and no Tabs S", nr)
	}
	if _, ok := c.integer(d, "StructParents"); !ok {
		c.fail("UA 01-005", "page %d has no StructParents", nr)
	}
	res := c.dict(d["Resources"])
	fonts := c.dict(res["Font"])
	xobjs := c.dict(res["XObject"])
	var content []byte
	switch v := c.deref(d["Contents"]).(type) {
	case types.StreamDict:
		_, content = c.stream(d["Contents"])
	case types.Array:
		for _, o := range v {
			_, b := c.stream(o)
			content = append(content, b...)
		}
	}
	c.mcids[nr] = map[int]bool{}
	c.content(nr, content, fonts, xobjs)
	if c.softPages[nr] {
		g := c.dict(d["Group"])
		if c.name(g, "S") != "Transparency" || c.name(g, "CS") == "" {
			c.fail("PDF/A 6.2.10", "page %d paints a soft-masked image without a transparency group with a colour space", nr)
		}
	}
}

// token is one token of a content stream.
type token struct {
	op   string // an operator, or "" for an operand
	text string // the operand as written
}

// tokens splits a content stream into operands and operators. Our
// streams hold numbers, names, hex strings, and dictionaries only as
// marked-content property lists.
func tokens(b []byte) []token {
	var out []token
	for i := 0; i < len(b); {
		ch := b[i]
		switch {
		case ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t':
			i++
		case ch == '<' && i+1 < len(b) && b[i+1] == '<':
			j := bytes.Index(b[i:], []byte(">>"))
			if j < 0 {
				return out
			}
			out = append(out, token{text: string(b[i : i+j+2])})
			i += j + 2
		case ch == '<':
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				return out
			}
			out = append(out, token{text: string(b[i : i+j+1])})
			i += j + 1
		case ch == '(':
			// Literal strings are not written by this renderer.
			j := bytes.IndexByte(b[i:], ')')
			if j < 0 {
				return out
			}
			out = append(out, token{text: string(b[i : i+j+1])})
			i += j + 1
		case ch == '[' || ch == ']':
			out = append(out, token{text: string(ch)})
			i++
		default:
			j := i
			for j < len(b) && !strings.ContainsRune(" \n\r\t[]<>(/", rune(b[j])) || j == i {
				j++
			}
			w := string(b[i:j])
			if ch == '/' || ch == '-' || ch == '.' || ch >= '0' && ch <= '9' {
				out = append(out, token{text: w})
			} else {
				out = append(out, token{op: w})
			}
			i = j
		}
	}
	return out
}

// painting operators: each must be inside marked content, tagged or
// artifact (UA 01-005).
var painting = map[string]bool{"Tj": true, "TJ": true, "'": true, "\"": true, "S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true, "Do": true, "sh": true}

var mcidRe = regexp.MustCompile(`/MCID (\d+)`)

// content checks a page's content stream: every painting operator in
// marked content, each MCID once, no artifact inside tagged content, no
// device colour but RGB and grey, and no .notdef glyph.
func (c *checker) content(page int, b []byte, fonts, xobjs types.Dict) {
	type mc struct {
		tag      string
		artifact bool
		mcid     int
	}
	var stack []mc
	var operands []token
	font := 0
	for _, t := range tokens(b) {
		if t.op == "" {
			operands = append(operands, t)
			continue
		}
		switch t.op {
		case "BDC", "BMC":
			m := mc{mcid: -1}
			if len(operands) > 0 {
				m.tag = strings.TrimPrefix(operands[0].text, "/")
			}
			m.artifact = m.tag == "Artifact"
			if t.op == "BDC" && len(operands) > 1 {
				if s := mcidRe.FindStringSubmatch(operands[1].text); s != nil {
					m.mcid, _ = strconv.Atoi(s[1])
				}
			}
			for _, o := range stack {
				if o.mcid >= 0 && (m.artifact || m.mcid >= 0) {
					c.fail("UA 01-004", "page %d: marked content nested inside tagged content", page)
				}
			}
			if m.mcid >= 0 {
				if c.mcids[page][m.mcid] {
					c.fail("PDF/A 6.7.3.4", "page %d: MCID %d used twice", page, m.mcid)
				}
				c.mcids[page][m.mcid] = true
			} else if !m.artifact {
				c.fail("UA 01-005", "page %d: marked content /%s without MCID", page, m.tag)
			}
			stack = append(stack, m)
		case "EMC":
			if len(stack) == 0 {
				c.fail("PDF/A 6.2.2", "page %d: EMC without BDC", page)
			} else {
				stack = stack[:len(stack)-1]
			}
		case "Tf":
			if len(operands) >= 2 {
				font = objNr(fonts[strings.TrimPrefix(operands[0].text, "/")])
				if font == 0 {
					c.fail("PDF/A 6.2.2", "page %d: font %s is not in the resources", page, operands[0].text)
				}
			}
		case "cs", "CS":
			if len(operands) > 0 && operands[0].text == "/DeviceCMYK" {
				c.fail("PDF/A 6.2.4.3", "page %d paints in DeviceCMYK", page)
			}
		case "k", "K":
			c.fail("PDF/A 6.2.4.3", "page %d paints in DeviceCMYK", page)
		}
		if painting[t.op] {
			if len(stack) == 0 {
				c.fail("UA 01-005", "page %d: %s outside marked content: neither tagged nor an artifact", page, t.op)
			}
			switch t.op {
			case "Tj":
				if len(operands) > 0 {
					c.glyphs(page, font, operands[len(operands)-1].text)
				}
			case "Do":
				if len(operands) > 0 {
					img := c.dict(xobjs[strings.TrimPrefix(operands[0].text, "/")])
					if img["SMask"] != nil {
						c.softPages[page] = true
					}
				}
			}
		}
		operands = operands[:0]
	}
	if len(stack) > 0 {
		c.fail("PDF/A 6.2.2", "page %d: marked content left open", page)
	}
}

// glyphs records the glyph ids a hex string shows in a font, and reports
// the .notdef glyph.
func (c *checker) glyphs(page, font int, hex string) {
	hex = strings.Trim(hex, "<>")
	if c.fontGIDs[font] == nil {
		c.fontGIDs[font] = map[int]bool{}
	}
	for i := 0; i+4 <= len(hex); i += 4 {
		g, err := strconv.ParseUint(hex[i:i+4], 16, 16)
		if err != nil {
			continue
		}
		if g == 0 {
			c.fail("PDF/A 6.2.11.8", "page %d shows the .notdef glyph", page)
		}
		c.fontGIDs[font][int(g)] = true
	}
}

// fonts checks each font the pages use: embedded, Identity CIDToGIDMap,
// and a ToUnicode map for every glyph shown.
func (c *checker) fonts() {
	for nr, gids := range c.fontGIDs {
		f := c.dict(types.IndirectRef{ObjectNumber: types.Integer(nr)})
		if c.name(f, "Subtype") != "Type0" {
			c.fail("PDF/A 6.2.11.3", "font %d is not a Type0 font", nr)
			continue
		}
		desc := c.array(f["DescendantFonts"])
		if len(desc) != 1 {
			c.fail("PDF/A 6.2.11.3", "font %d has no descendant font", nr)
			continue
		}
		cid := c.dict(desc[0])
		if c.name(cid, "CIDToGIDMap") != "Identity" && cid["CIDToGIDMap"] == nil {
			c.fail("PDF/A 6.2.11.3.2", "CIDFontType2 of font %d has no CIDToGIDMap", nr)
		}
		fd := c.dict(cid["FontDescriptor"])
		if fd["FontFile2"] == nil {
			c.fail("PDF/A 6.2.11.4.1", "font %d is not embedded (also UA 31-009)", nr)
		}
		_, cmap := c.stream(f["ToUnicode"])
		if cmap == nil {
			c.fail("PDF/A 6.2.11.7.2", "font %d has no ToUnicode map (also UA 31-027)", nr)
			continue
		}
		mapped := toUnicode(cmap)
		for g := range gids {
			u, ok := mapped[g]
			switch {
			case !ok || u == "":
				c.fail("PDF/A 6.2.11.7.2", "font %d: glyph %d has no Unicode value (also UA 31-027)", nr, g)
			case u == "\x00" || u == "\ufeff" || u == "\ufffe":
				c.fail("PDF/A 6.2.11.7.2", "font %d: glyph %d maps to U+%04X", nr, g, []rune(u)[0])
			}
		}
	}
}

var bfchar = regexp.MustCompile(`<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>`)

// toUnicode reads the bfchar entries of a ToUnicode CMap.
func toUnicode(cmap []byte) map[int]string {
	out := map[int]string{}
	for _, m := range bfchar.FindAllSubmatch(cmap, -1) {
		g, _ := strconv.ParseUint(string(m[1]), 16, 16)
		var units []uint16
		for i := 0; i+4 <= len(m[2]); i += 4 {
			u, _ := strconv.ParseUint(string(m[2][i:i+4]), 16, 16)
			units = append(units, uint16(u))
		}
		out[int(g)] = string(utf16.Decode(units))
	}
	return out
}

// standard are the standard structure types of PDF 1.7 (ISO 32000-1,
// 14.8.4), which PDF/UA wants unless a role map maps them.
var standard = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
		P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code
		Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`) {
		standard[s] = true
	}
}

// structure walks the structure tree: standard types, the nesting of
// tables and lists, figures' alternative text, table headers' scope,
// heading levels, links with their annotations, and the parent tree.
func (c *checker) structure(cat types.Dict) {
	root := c.dict(cat["StructTreeRoot"])
	if root == nil {
		return
	}
	if _, ok := root["RoleMap"]; ok {
		c.fail("UA 02-001", "a role map: every type here is standard, none needs mapping")
	}
	var walk func(o types.Object, parent string)
	walk = func(o types.Object, parent string) {
		switch v := c.deref(o).(type) {
		case types.Array:
			for _, k := range v {
				walk(k, parent)
			}
			return
		case types.Integer:
			c.fail("PDF/A 6.7.3.4", "a structure element %s holds a bare MCID", parent)
			return
		}
		e := c.dict(o)
		if e == nil {
			return
		}
		switch c.name(e, "Type") {
		case "MCR":
			pg := objNr(e["Pg"])
			id, _ := c.integer(e, "MCID")
			if c.mcrs[pg] == nil {
				c.mcrs[pg] = map[int]bool{}
			}
			c.mcrs[pg][id] = true
			return
		case "OBJR":
			if parent != "Link" && parent != "Form" {
				c.fail("UA 28-011", "an annotation is in a %s element, not a Link or a Form", parent)
			}
			c.annotsInTree[objNr(e["Obj"])] = parent
			return
		}
		s := c.name(e, "S")
		if !standard[s] {
			c.fail("UA 02-001", "structure type %q is not standard", s)
		}
		c.nesting(s, parent, e)
		if s == "Figure" {
			if alt, _ := c.text(e["Alt"]); strings.TrimSpace(alt) == "" {
				c.fail("UA 13-004", "a Figure has no Alt")
			}
		}
		if s == "TH" {
			a := c.dict(e["A"])
			if sc := c.name(a, "Scope"); c.name(a, "O") != "Table" || sc != "Row" && sc != "Column" && sc != "Both" {
				c.fail("UA 15-003", "a TH has no Scope")
			}
		}
		if len(s) == 2 && s[0] == 'H' && s[1] >= '1' && s[1] <= '6' {
			c.headings = append(c.headings, int(s[1]-'0'))
		}
		if s == "Link" {
			has := false
			for _, k := range kidsOf(c, e) {
				if c.name(c.dict(k), "Type") == "OBJR" {
					has = true
				}
			}
			if !has {
				c.fail("UA 28-011", "a Link element has no OBJR to its annotation")
			}
		}
		walk(e["K"], s)
	}
	walk(root["K"], "StructTreeRoot")
	for i, h := range c.headings {
		if i == 0 && h != 1 {
			c.fail("UA 14-002", "the first heading is H%d, not H1", h)
		}
		if i > 0 && h > c.headings[i-1]+1 {
			c.fail("UA 14-003", "heading level H%d follows H%d", h, c.headings[i-1])
		}
	}
	// Every MCID of the pages is claimed by the tree, and the other way.
	for pg, ids := range c.mcids {
		for id := range ids {
			if !c.mcrs[pg][id] {
				c.fail("UA 01-005", "page %d: MCID %d is in no structure element", pg, id)
			}
		}
	}
	for pg, ids := range c.mcrs {
		for id := range ids {
			if !c.mcids[pg][id] {
				c.fail("PDF/A 6.7.3.4", "page %d: the tree claims MCID %d, which the page lacks", pg, id)
			}
		}
	}
	// Every annotation is in the tree, and the parent tree leads back.
	pt := c.parentTree(root)
	for nr, e := range c.x.Table {
		if e == nil || e.Free {
			continue
		}
		d, ok := e.Object.(types.Dict)
		if !ok || c.name(d, "Type") != "Annot" {
			continue
		}
		if _, ok := c.annotsInTree[nr]; !ok {
			c.fail("UA 28-002", "annotation %d is not in the structure tree", nr)
		}
		key, _ := c.integer(d, "StructParent")
		want := "Link"
		if c.name(d, "Subtype") == "Widget" {
			want = "Form" // Matterhorn 28-010: a widget is nested in a Form element
		}
		if el := c.dict(pt[key]); c.name(el, "S") != want {
			c.fail("UA 28-011", "annotation %d's StructParent %d does not lead to a %s element", nr, key, want)
		}
	}
}

func kidsOf(c *checker, e types.Dict) types.Array {
	switch v := c.deref(e["K"]).(type) {
	case types.Array:
		return v
	case nil:
		return nil
	default:
		return types.Array{e["K"]}
	}
}

// parentTree reads the parent tree's number tree (flat, as written).
func (c *checker) parentTree(root types.Dict) map[int]types.Object {
	out := map[int]types.Object{}
	pt := c.dict(root["ParentTree"])
	var walk func(d types.Dict)
	walk = func(d types.Dict) {
		nums := c.array(d["Nums"])
		for i := 0; i+1 < len(nums); i += 2 {
			k, _ := c.deref(nums[i]).(types.Integer)
			out[int(k)] = nums[i+1]
		}
		for _, k := range c.array(d["Kids"]) {
			walk(c.dict(k))
		}
	}
	walk(pt)
	return out
}

// allowedParents says where the table and list elements may stand
// (ISO 32000-1, 14.8.4.3; Matterhorn 09-004, 09-005).
var allowedParents = map[string][]string{
	"TR":    {"Table", "THead", "TBody", "TFoot"},
	"TH":    {"TR"},
	"TD":    {"TR"},
	"LI":    {"L"},
	"Lbl":   {"LI"},
	"LBody": {"LI"},
}

func (c *checker) nesting(s, parent string, e types.Dict) {
	if want, ok := allowedParents[s]; ok && !contains(want, parent) {
		rule := "UA 09-004"
		if s == "LI" || s == "Lbl" || s == "LBody" {
			rule = "UA 09-005"
		}
		c.fail(rule, "%s inside %s", s, parent)
	}
	switch s {
	case "Table":
		kids := kidsOf(c, e)
		for i, k := range kids {
			ks := c.name(c.dict(k), "S")
			switch ks {
			case "TR", "THead", "TBody", "TFoot":
			case "Caption":
				if i != 0 && i != len(kids)-1 {
					c.fail("UA 09-004", "a table's Caption is neither its first nor its last child")
				}
			default:
				c.fail("UA 09-004", "%s inside Table", ks)
			}
		}
	case "L":
		for _, k := range kidsOf(c, e) {
			if ks := c.name(c.dict(k), "S"); ks != "LI" && ks != "Caption" && ks != "L" {
				c.fail("UA 09-005", "%s inside L", ks)
			}
		}
	}
}

package wordpkg

import (
	"strconv"
	"strings"
)

// Rels builds a relationships part (.rels). IDs are rId1, rId2… in the
// order the relationships are added, so the same calls give the same
// bytes.
type Rels struct {
	items []rel
}

type rel struct {
	typ, target string
	external    bool
}

// Reset empties the list, keeping its storage.
func (r *Rels) Reset() { r.items = r.items[:0] }

// Add adds a relationship and returns its ID.
func (r *Rels) Add(typ, target string, external bool) string {
	r.items = append(r.items, rel{typ, target, external})
	return "rId" + strconv.Itoa(len(r.items))
}

// Len is the number of relationships added.
func (r *Rels) Len() int { return len(r.items) }

// AppendXML appends the whole part.
func (r *Rels) AppendXML(dst []byte) []byte {
	dst = append(dst, XMLHeader...)
	dst = append(dst, `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`...)
	for i, it := range r.items {
		dst = append(dst, `<Relationship Id="rId`...)
		dst = strconv.AppendInt(dst, int64(i+1), 10)
		dst = append(dst, '"')
		dst = Attr(dst, "Type", it.typ)
		dst = Attr(dst, "Target", it.target)
		if it.external {
			dst = append(dst, ` TargetMode="External"`...)
		}
		dst = append(dst, "/>"...)
	}
	return append(dst, "</Relationships>"...)
}

// ContentTypes is the [Content_Types].xml part: a content type for each
// file extension and overrides for parts named individually.
type ContentTypes struct {
	Defaults  [][2]string // extension, content type
	Overrides [][2]string // part name ("/word/document.xml"), content type
}

// Content types of the parts we write.
const (
	CTRels      = "application/vnd.openxmlformats-package.relationships+xml"
	CTXML       = "application/xml"
	CTDocument  = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	CTStyles    = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	CTNumbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
	CTSettings  = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	CTFontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
	CTHeader    = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	CTFooter    = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	CTCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	CTApp       = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	CTPNG       = "image/png"
	CTJPEG      = "image/jpeg"
	CTEMF       = "image/x-emf"
)

// AppendXML appends the whole part.
func (c *ContentTypes) AppendXML(dst []byte) []byte {
	dst = append(dst, XMLHeader...)
	dst = append(dst, `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`...)
	for _, d := range c.Defaults {
		dst = append(dst, `<Default`...)
		dst = Attr(dst, "Extension", d[0])
		dst = Attr(dst, "ContentType", d[1])
		dst = append(dst, "/>"...)
	}
	for _, o := range c.Overrides {
		dst = append(dst, `<Override`...)
		dst = Attr(dst, "PartName", o[0])
		dst = Attr(dst, "ContentType", o[1])
		dst = append(dst, "/>"...)
	}
	return append(dst, "</Types>"...)
}

// Field appends a complex field: the runs that make Word (and LibreOffice)
// compute a value such as the page number when the page is laid out.
// instr is the field code ("PAGE", "NUMPAGES"), shown the value displayed
// until the field is updated, rPr the run properties of every run
// (including the <w:rPr> element, or empty).
func Field(dst []byte, instr, shown, rPr string) []byte {
	run := func(dst []byte, inner string) []byte {
		dst = append(dst, "<w:r>"...)
		dst = append(dst, rPr...)
		dst = append(dst, inner...)
		return append(dst, "</w:r>"...)
	}
	dst = run(dst, `<w:fldChar w:fldCharType="begin"/>`)
	dst = append(dst, "<w:r>"...)
	dst = append(dst, rPr...)
	dst = append(dst, `<w:instrText xml:space="preserve"> `...)
	dst = Escape(dst, instr)
	dst = append(dst, ` </w:instrText></w:r>`...)
	dst = run(dst, `<w:fldChar w:fldCharType="separate"/>`)
	dst = append(dst, "<w:r>"...)
	dst = append(dst, rPr...)
	dst = append(dst, `<w:t xml:space="preserve">`...)
	dst = Escape(dst, shown)
	dst = append(dst, `</w:t></w:r>`...)
	return run(dst, `<w:fldChar w:fldCharType="end"/>`)
}

// Section is a section's page setup, in twips, and its header and footer.
type Section struct {
	PageWidth, PageHeight    int
	Landscape                bool
	Top, Bottom, Left, Right int
	Header, Footer, Gutter   int    // distance of header and footer from the page edge
	HeaderRef, FooterRef     string // relationship IDs; empty for none
	// FirstHeaderRef and FooterRef are page one's own header and footer;
	// when either is set the section gets w:titlePg, which is what makes
	// Word and LibreOffice use them.
	FirstHeaderRef, FirstFooterRef string
	// PageStart is the number of the section's first page (w:pgNumType
	// w:start); 0 or 1 for the default.
	PageStart int
}

// AppendXML appends the w:sectPr element.
func (s *Section) AppendXML(dst []byte) []byte {
	dst = append(dst, "<w:sectPr>"...)
	if s.FirstHeaderRef != "" {
		dst = append(dst, `<w:headerReference w:type="first"`...)
		dst = Attr(dst, "r:id", s.FirstHeaderRef)
		dst = append(dst, "/>"...)
	}
	if s.HeaderRef != "" {
		dst = append(dst, `<w:headerReference w:type="default"`...)
		dst = Attr(dst, "r:id", s.HeaderRef)
		dst = append(dst, "/>"...)
	}
	if s.FirstFooterRef != "" {
		dst = append(dst, `<w:footerReference w:type="first"`...)
		dst = Attr(dst, "r:id", s.FirstFooterRef)
		dst = append(dst, "/>"...)
	}
	if s.FooterRef != "" {
		dst = append(dst, `<w:footerReference w:type="default"`...)
		dst = Attr(dst, "r:id", s.FooterRef)
		dst = append(dst, "/>"...)
	}
	dst = append(dst, "<w:pgSz"...)
	dst = IntAttr(dst, "w:w", s.PageWidth)
	dst = IntAttr(dst, "w:h", s.PageHeight)
	if s.Landscape {
		dst = append(dst, ` w:orient="landscape"`...)
	}
	dst = append(dst, "/><w:pgMar"...)
	dst = IntAttr(dst, "w:top", s.Top)
	dst = IntAttr(dst, "w:right", s.Right)
	dst = IntAttr(dst, "w:bottom", s.Bottom)
	dst = IntAttr(dst, "w:left", s.Left)
	dst = IntAttr(dst, "w:header", s.Header)
	dst = IntAttr(dst, "w:footer", s.Footer)
	dst = IntAttr(dst, "w:gutter", s.Gutter)
	dst = append(dst, `/>`...)
	if s.PageStart > 1 {
		dst = append(dst, "<w:pgNumType"...)
		dst = IntAttr(dst, "w:start", s.PageStart)
		dst = append(dst, "/>"...)
	}
	dst = append(dst, `<w:cols w:space="708"/>`...)
	if s.FirstHeaderRef != "" || s.FirstFooterRef != "" {
		dst = append(dst, "<w:titlePg/>"...)
	}
	return append(dst, "</w:sectPr>"...)
}

// Core is the core properties part (docProps/core.xml): what Word shows
// under File → Info and what search tools index.
type Core struct {
	Title, Subject, Creator, LastModifiedBy, Description string
	Keywords                                             []string
	Language                                             string // BCP 47, "sv-SE"
	Created, Modified                                    string // W3CDTF, "2024-11-20T00:00:00Z"; empty to leave out
}

// AppendXML appends the whole part.
func (c *Core) AppendXML(dst []byte) []byte {
	dst = append(dst, XMLHeader...)
	dst = append(dst, `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`...)
	elem := func(dst []byte, name, v string) []byte {
		if v == "" {
			return dst
		}
		dst = append(dst, '<')
		dst = append(dst, name...)
		dst = append(dst, '>')
		dst = Escape(dst, v)
		dst = append(dst, "</"...)
		dst = append(dst, name...)
		return append(dst, '>')
	}
	dst = elem(dst, "dc:title", c.Title)
	dst = elem(dst, "dc:subject", c.Subject)
	dst = elem(dst, "dc:creator", c.Creator)
	dst = elem(dst, "cp:keywords", strings.Join(c.Keywords, ", "))
	dst = elem(dst, "dc:description", c.Description)
	dst = elem(dst, "cp:lastModifiedBy", c.LastModifiedBy)
	dst = elem(dst, "dc:language", c.Language)
	for _, t := range [2][2]string{{"created", c.Created}, {"modified", c.Modified}} {
		if t[1] == "" {
			continue
		}
		dst = append(dst, `<dcterms:`...)
		dst = append(dst, t[0]...)
		dst = append(dst, ` xsi:type="dcterms:W3CDTF">`...)
		dst = Escape(dst, t[1])
		dst = append(dst, `</dcterms:`...)
		dst = append(dst, t[0]...)
		dst = append(dst, '>')
	}
	return append(dst, "</cp:coreProperties>"...)
}

// App is the extended properties part (docProps/app.xml).
type App struct {
	Application string // the producing program, "underlag"
	Company     string
	Template    string
}

// AppendXML appends the whole part.
func (a *App) AppendXML(dst []byte) []byte {
	dst = append(dst, XMLHeader...)
	dst = append(dst, `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`...)
	for _, e := range [3][2]string{{"Template", a.Template}, {"Application", a.Application}, {"Company", a.Company}} {
		if e[1] == "" {
			continue
		}
		dst = append(dst, '<')
		dst = append(dst, e[0]...)
		dst = append(dst, '>')
		dst = Escape(dst, e[1])
		dst = append(dst, "</"...)
		dst = append(dst, e[0]...)
		dst = append(dst, '>')
	}
	return append(dst, `<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>`...)
}

// partNS declares on the root element of the document, header and
// footer parts the namespaces that body content uses.
const partNS = ` xmlns:w="` + NSW + `" xmlns:r="` + NSR + `" xmlns:wp="` + NSWP + `" xmlns:a="` + NSA + `" xmlns:pic="` + NSPic + `"`

// Part starts and ends of document.xml, header and footer parts.
const (
	DocumentStart = XMLHeader + `<w:document` + partNS + `><w:body>`
	DocumentEnd   = `</w:body></w:document>`
	HeaderStart   = XMLHeader + `<w:hdr` + partNS + `>`
	HeaderEnd     = `</w:hdr>`
	FooterStart   = XMLHeader + `<w:ftr` + partNS + `>`
	FooterEnd     = `</w:ftr>`
)

// AppendRelationships appends a relationships part keeping the given IDs,
// for parts copied from another package whose XML refers to them.
func AppendRelationships(dst []byte, rels []Relationship) []byte {
	dst = append(dst, XMLHeader...)
	dst = append(dst, `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`...)
	for _, r := range rels {
		dst = append(dst, `<Relationship`...)
		dst = Attr(dst, "Id", r.ID)
		dst = Attr(dst, "Type", r.Type)
		dst = Attr(dst, "Target", r.Target)
		if r.TargetMode == "External" {
			dst = append(dst, ` TargetMode="External"`...)
		}
		dst = append(dst, "/>"...)
	}
	return append(dst, "</Relationships>"...)
}

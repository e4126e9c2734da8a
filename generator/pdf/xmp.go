package pdf

import (
	"strings"
	"time"

	"github.com/underlag/underlag/generator/doc"
)

// PDF/A (ISO 19005) and PDF/UA (ISO 14289) both identify themselves in the
// document's XMP metadata stream, and PDF/A requires it to say the same
// as the Info dictionary, entry by entry. fileInfo is computed once per
// document and written both ways, so the two cannot drift apart.

// fileInfo is what a file says about itself, in the Info dictionary and
// in the XMP packet.
type fileInfo struct {
	title, author, subject, keywords string
	creator, producer                string
	lang                             string
	stamp                            time.Time
	// conforms is whether the file may claim PDF/A-3a and PDF/UA-1: not a
	// packet with a foreign PDF's pages in it (see conformant).
	conforms bool
}

// newFileInfo gathers the document's metadata. PDF/UA wants a title and
// a language in every file: the title falls back to the title heading,
// then to the kind of document, and the language to Swedish, as the DOCX's
// does; the producing program falls back to "underlag".
func newFileInfo(d *doc.Document) fileInfo {
	m := &d.Meta
	fi := fileInfo{
		title: m.Title, author: m.Organisation, subject: m.Subject,
		keywords: strings.Join(m.Keywords, ", "),
		creator:  m.Creator, lang: cleanLang(m.Language), stamp: documentTime(m),
	}
	if fi.title == "" {
		fi.title = firstTitle(d)
	}
	if fi.title == "" {
		fi.title = m.KindLabel
	}
	if fi.title == "" {
		fi.title = "underlag"
	}
	if fi.lang == "" {
		fi.lang = "sv-SE"
	}
	if fi.creator == "" {
		fi.creator = "underlag"
	}
	fi.producer = fi.creator
	return fi
}

// pdfDate writes a date as PDF dates are written, with the offset spelled
// out as +00'00' rather than Z: strict validators (pdfcpu) accept only
// that form.
func pdfDate(t time.Time) string { return "D:" + t.UTC().Format("20060102150405") + "+00'00'" }

// xmpDate writes the same moment as XMP writes dates.
func xmpDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05") + "+00:00" }

// infoDict is the body of the Info dictionary.
func (fi *fileInfo) infoDict() string {
	var b strings.Builder
	for _, kv := range [...][2]string{
		{"Title", fi.title}, {"Author", fi.author}, {"Subject", fi.subject},
		{"Keywords", fi.keywords}, {"Creator", fi.creator}, {"Producer", fi.producer},
	} {
		if kv[1] != "" {
			b.WriteString("/" + kv[0] + textString(kv[1]))
		}
	}
	stamp := pdfDate(fi.stamp)
	b.WriteString("/CreationDate(" + stamp + ")/ModDate(" + stamp + ")")
	return b.String()
}

// xmp returns the XMP packet: Dublin Core (title, creator, description,
// language), the PDF and XMP basic schemas (keywords, producer, creator
// tool, dates), the PDF/A-3a and PDF/UA-1 identifiers, and the extension
// schema declaration PDF/A requires for pdfuaid, which is not one of its
// predefined schemas.
func (fi *fileInfo) xmp() []byte {
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`)
	if fi.title != "" {
		b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + xmlText(fi.title) + `</rdf:li></rdf:Alt></dc:title>`)
	}
	if fi.author != "" {
		b.WriteString(`<dc:creator><rdf:Seq><rdf:li>` + xmlText(fi.author) + `</rdf:li></rdf:Seq></dc:creator>`)
	}
	if fi.subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + xmlText(fi.subject) + `</rdf:li></rdf:Alt></dc:description>`)
	}
	if fi.lang != "" {
		b.WriteString(`<dc:language><rdf:Bag><rdf:li>` + fi.lang + `</rdf:li></rdf:Bag></dc:language>`)
	}
	b.WriteString(`<dc:format>application/pdf</dc:format></rdf:Description>` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`)
	if fi.keywords != "" {
		b.WriteString(`<pdf:Keywords>` + xmlText(fi.keywords) + `</pdf:Keywords>`)
	}
	b.WriteString(`<pdf:Producer>` + xmlText(fi.producer) + `</pdf:Producer></rdf:Description>` + "\n")
	stamp := xmpDate(fi.stamp)
	b.WriteString(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`)
	b.WriteString(`<xmp:CreatorTool>` + xmlText(fi.creator) + `</xmp:CreatorTool>`)
	b.WriteString(`<xmp:CreateDate>` + stamp + `</xmp:CreateDate><xmp:ModifyDate>` + stamp + `</xmp:ModifyDate><xmp:MetadataDate>` + stamp + `</xmp:MetadataDate></rdf:Description>` + "\n")
	if fi.conforms {
		b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>3</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance></rdf:Description>` + "\n")
		b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>` + "\n")
		b.WriteString(pdfuaExtension)
	}
	b.WriteString("</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// pdfuaExtension declares the pdfuaid schema, as PDF/A requires for every
// schema it does not predefine (ISO 19005-3, 6.6.2.3).
const pdfuaExtension = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">` +
	`<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">` +
	`<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>` +
	`<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>` +
	`<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>` +
	`<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">` +
	`<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>` +
	`<pdfaProperty:category>internal</pdfaProperty:category>` +
	`<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>` +
	`</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>` + "\n"

// xmlText escapes text for XML and drops what XML 1.0 cannot hold (most
// control characters, unpaired surrogates, U+FFFE and U+FFFF).
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r < 0xd800 || r >= 0xe000 && r < 0xfffe || r >= 0x10000 && r <= 0x10ffff:
			b.WriteRune(r)
		}
	}
	return b.String()
}

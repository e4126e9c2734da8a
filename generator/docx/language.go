package docx

import (
	"bytes"
	"regexp"
	"sync"

	"github.com/underlag/underlag/generator/docx/wordpkg"
)

// docLanguage is the language of the text underlag writes, for Word's
// spelling and hyphenation. The data is Swedish; a reference document
// keeps its styles but not its language (pandoc's reference.docx says
// en-US, which would mark every word of a Swedish document as misspelt).
const docLanguage = "sv-SE"

var (
	docDefaultsRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<w:docDefaults\s*>.*?</w:docDefaults\s*>|<w:docDefaults\s*/>`)
	})
	rPrDefaultRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<w:rPrDefault\s*>\s*<w:rPr\s*>.*?</w:rPr\s*>\s*</w:rPrDefault\s*>`)
	})
	rPrEmptyRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<w:rPrDefault\s*/>|<w:rPrDefault\s*>\s*(?:<w:rPr\s*/>)?\s*</w:rPrDefault\s*>`)
	})
	rPrOpenRe    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:rPr\s*>`) })
	langRe       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:lang\b[^>]*?/>`) })
	stylesOpenRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:styles\b[^>]*>`) })
)

// langXML is the language element of the document defaults.
func langXML(lang string) []byte {
	dst := append([]byte(nil), "<w:lang"...)
	dst = wordpkg.Attr(dst, "w:val", lang)
	dst = wordpkg.Attr(dst, "w:eastAsia", lang)
	dst = wordpkg.Attr(dst, "w:bidi", "ar-SA")
	return append(dst, "/>"...)
}

// withLanguage sets the language of a styles part's document defaults,
// the run properties every style starts from, replacing the one it names
// or adding one where it names none. Everything else is kept as it is.
func withLanguage(styles []byte, lang string) []byte {
	tag := langXML(lang)
	defaults := docDefaultsRe().FindIndex(styles)
	if defaults == nil {
		open := stylesOpenRe().FindIndex(styles)
		if open == nil {
			return styles
		}
		return splice(styles, open[1], open[1], concat("<w:docDefaults><w:rPrDefault><w:rPr>", tag, "</w:rPr></w:rPrDefault></w:docDefaults>"))
	}
	part := styles[defaults[0]:defaults[1]]
	var fixed []byte
	if bytes.HasSuffix(bytes.TrimSpace(part), []byte("/>")) {
		fixed = concat("<w:docDefaults><w:rPrDefault><w:rPr>", tag, "</w:rPr></w:rPrDefault></w:docDefaults>")
	} else if rd := rPrDefaultRe().FindIndex(part); rd != nil {
		rpr := part[rd[0]:rd[1]]
		if l := langRe().FindIndex(rpr); l != nil {
			rpr = splice(rpr, l[0], l[1], tag)
		} else {
			o := rPrOpenRe().FindIndex(rpr)
			rpr = splice(rpr, o[1], o[1], tag)
		}
		fixed = splice(part, rd[0], rd[1], rpr)
	} else if e := rPrEmptyRe().FindIndex(part); e != nil {
		fixed = splice(part, e[0], e[1], concat("<w:rPrDefault><w:rPr>", tag, "</w:rPr></w:rPrDefault>"))
	} else {
		open := bytes.IndexByte(part, '>') + 1
		fixed = splice(part, open, open, concat("<w:rPrDefault><w:rPr>", tag, "</w:rPr></w:rPrDefault>"))
	}
	return splice(styles, defaults[0], defaults[1], fixed)
}

// splice returns b with b[i:j] replaced by with, in a new slice.
func splice(b []byte, i, j int, with []byte) []byte {
	out := make([]byte, 0, len(b)-(j-i)+len(with))
	out = append(out, b[:i]...)
	out = append(out, with...)
	return append(out, b[j:]...)
}

func concat(a string, b []byte, c string) []byte {
	return append(append([]byte(a), b...), c...)
}

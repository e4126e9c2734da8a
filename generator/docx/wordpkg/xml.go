// Package wordpkg writes the parts of a WordprocessingML package that
// github.com/gomutex/godocx has no API for, or cannot write cheaply: the
// zip container with precompressed static parts, relationships, content
// types, section properties with header and footer references, Word
// fields (PAGE, NUMPAGES), numbering definitions, and the core and app
// document properties.
//
// Everything here appends to byte slices instead of marshalling structs
// with encoding/xml: a build writes a thousand documents, and reflection
// on that path cost more than the rest of the rendering together (issue
// 7, item 8). The functions are small and each has a test that parses its
// output back with encoding/xml.
package wordpkg

import (
	"strconv"
	"unicode/utf8"
)

// Namespaces and relationship types used by the parts written here.
const (
	NSW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	NSR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	NSWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	NSA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	NSPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"

	RelOfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	RelCoreProps      = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	RelAppProps       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	RelStyles         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	RelNumbering      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
	RelSettings       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	RelFontTable      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
	RelHeader         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	RelFooter         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	RelHyperlink      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
	RelImage          = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"

	// XMLHeader starts every part.
	XMLHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// Escape appends s to dst with the five XML special characters escaped
// and the characters XML 1.0 forbids (most C0 controls, unpaired
// surrogates, U+FFFE/FFFF) dropped, so that no text from the data can
// break a part: "<script>" and "&" stay literal text.
func Escape(dst []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var rep string
			switch {
			case c == '&':
				rep = "&amp;"
			case c == '<':
				rep = "&lt;"
			case c == '>':
				rep = "&gt;"
			case c == '"':
				rep = "&quot;"
			case c == '\'':
				rep = "&apos;"
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
				rep = ""
			default:
				i++
				continue
			}
			dst = append(dst, s[last:i]...)
			dst = append(dst, rep...)
			i++
			last = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || r == 0xFFFE || r == 0xFFFF {
			dst = append(dst, s[last:i]...)
			i += n
			last = i
			continue
		}
		i += n
	}
	return append(dst, s[last:]...)
}

// Attr appends ` name="value"` with value escaped.
func Attr(dst []byte, name, value string) []byte {
	dst = append(dst, ' ')
	dst = append(dst, name...)
	dst = append(dst, `="`...)
	dst = Escape(dst, value)
	return append(dst, '"')
}

// IntAttr appends ` name="n"`.
func IntAttr(dst []byte, name string, n int) []byte {
	dst = append(dst, ' ')
	dst = append(dst, name...)
	dst = append(dst, `="`...)
	dst = strconv.AppendInt(dst, int64(n), 10)
	return append(dst, '"')
}

// Val appends an empty element with one w:val attribute: <w:jc w:val="right"/>.
func Val(dst []byte, elem, val string) []byte {
	dst = append(dst, '<')
	dst = append(dst, elem...)
	dst = Attr(dst, "w:val", val)
	return append(dst, "/>"...)
}

// IntVal appends an empty element with one numeric w:val attribute.
func IntVal(dst []byte, elem string, n int) []byte {
	dst = append(dst, '<')
	dst = append(dst, elem...)
	dst = IntAttr(dst, "w:val", n)
	return append(dst, "/>"...)
}

// Twips converts millimetres to twentieths of a point, Word's unit for
// lengths in paragraphs, tables and pages.
func Twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

// HalfPoints converts a font size in points to half-points (w:sz).
func HalfPoints(pt float64) int { return int(pt*2 + 0.5) }

// EighthPoints converts millimetres to eighths of a point, the unit of
// border widths (w:sz on borders).
func EighthPoints(mm float64) int { return max(2, int(mm*72/25.4*8+0.5)) }

// EMU converts millimetres to English Metric Units, DrawingML's unit.
func EMU(mm float64) int64 { return int64(mm*36000 + 0.5) }

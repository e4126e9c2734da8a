package check

import (
	"fmt"
	"reflect"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// Repertoire is the characters an output format can draw (the format
// table's Draws): check knows no format, the pipeline hands it the
// repertoires of the formats a run writes.
type Repertoire interface {
	Covers(r rune) bool
	// Refusal says what r is and why the format cannot draw it, after the
	// character's name: "(CJK) cannot be drawn in the PDF: …".
	Refusal(r rune) string
}

// Glyphs checks every text field of a document for characters that
// would be lost: control characters (other than tab and line breaks),
// which are an error whatever the output, and characters outside the
// repertoire of a format the run writes (the PDF's fonts cannot draw CJK
// or emoji, nor its layout order Arabic or Hebrew). Each is reported once
// per field, at the line and column where it stands, named by code point
// and class:
//
//	doc.yaml:4:12: bakgrund: U+4E2D 中 (CJK) cannot be drawn in the PDF: …
//
// A format with no repertoire keeps every character: Word and LibreOffice
// fall back to fonts of their own.
func Glyphs(d model.Document, draws ...Repertoire) diag.List {
	if d == nil || reflect.ValueOf(d).IsNil() {
		return nil
	}
	base := d.Base()
	c := &Checker{src: base.Source}
	model.WalkTexts(d, func(t model.TextAt) {
		if t.S != "" {
			c.glyphs(t.Path, t.S, draws)
		}
	})
	c.diags.Sort()
	return c.diags
}

// glyphs reports the bad characters of one field.
func (c *Checker) glyphs(path, s string, draws []Repertoire) {
	var reported []rune
	for i, r := range s {
		if r == utf8.RuneError || seenRune(reported, r) {
			continue
		}
		var msg string
		if isControl(r) {
			msg = fmt.Sprintf("%s (control character) in the text: remove it; it is invisible and no output can show it", name(r))
		} else {
			for _, rep := range draws {
				if !rep.Covers(r) {
					msg = name(r) + " " + rep.Refusal(r)
					break
				}
			}
		}
		if msg == "" {
			continue
		}
		reported = append(reported, r)
		c.Errorf(path, "%s", msg)
		c.pointAt(s, i)
	}
}

// name is "U+4E2D 中", or the code point alone for a control character.
func name(r rune) string {
	if isControl(r) {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X %c", r, r)
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r < 0xa0
}

func seenRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// pointAt moves the last diagnostic from the field's position to the
// character at byte offset off of the field's text s, when the source
// holds the text as it is (a plain or quoted scalar on the field's
// line, or a block scalar below it); else it stays at the field.
func (c *Checker) pointAt(s string, off int) {
	if c.src == nil || len(c.diags) == 0 {
		return
	}
	d := &c.diags[len(c.diags)-1]
	start := c.src.Offset(d.Line, d.Col)
	if start < 0 {
		return
	}
	// The text before the character, from its last line: find it and the
	// character after it in the file, from the field's position on.
	before := s[:off]
	if i := lastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	_, size := utf8.DecodeRuneInString(s[off:])
	needle := []byte(before + s[off:off+size])
	for i := start; i+len(needle) <= len(c.src.Data); i++ {
		if string(c.src.Data[i:i+len(needle)]) == string(needle) {
			d.Line, d.Col = c.src.LineCol(i + len(before))
			return
		}
	}
}

func lastIndexByte(s string, b byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == b {
			return i
		}
	}
	return -1
}

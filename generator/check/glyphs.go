package check

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strconv"
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
// non-characters (U+FFFE, U+FFFF, which no XML holds, so the DOCX drops
// them) and U+FFFD (the mark of a character lost in a conversion), which
// are an error whatever the output, and characters outside the
// repertoire of a format the run writes (the PDF's fonts cannot draw CJK
// or emoji, nor its layout order Arabic or Hebrew). Each is reported once
// per field, at the line and column where it stands, named by code point
// and class:
//
//	doc.yaml:4:12: bakgrund: U+4E2D 中 (CJK) cannot be drawn in the PDF: …
//
// Headings renamed with rubriker: are fields like any other. A format
// with no repertoire keeps every character: Word and LibreOffice fall
// back to fonts of their own.
func Glyphs(d model.Document, draws ...Repertoire) diag.List {
	if d == nil || reflect.ValueOf(d).IsNil() {
		return nil
	}
	return glyphsIn(d.Base().Source, d, draws)
}

// RegistryGlyphs checks the registries' text (the organisation's name,
// address, committees, offices and rubriker; people's names and titles),
// which a document prints as it prints its own, in each registry's file.
func RegistryGlyphs(reg *model.Registries, draws ...Repertoire) diag.List {
	if reg == nil {
		return nil
	}
	var all diag.List
	if o := reg.Organisation; o != nil {
		all = append(all, glyphsIn(o.Source, o, draws)...)
	}
	if p := reg.People; p != nil {
		all = append(all, glyphsIn(p.Source, p, draws)...)
	}
	if g := reg.Glossary; g != nil {
		all = append(all, glyphsIn(g.Source, g, draws)...)
	}
	all.Sort()
	return all
}

// Text is a string written at a place in a file that is not a data file:
// a template's text, a label in etiketter.yaml.
type Text struct {
	File      string
	Line, Col int
	S         string
}

// TextGlyphs checks texts from templates and labels files, at the line
// and column of each bad character.
func TextGlyphs(texts []Text, draws ...Repertoire) diag.List {
	var all diag.List
	for _, t := range texts {
		line, col := t.Line, t.Col
		for _, r := range t.S {
			if r == '\n' {
				line, col = line+1, 1
				continue
			}
			if msg := glyphProblem(r, draws); msg != "" {
				all.Add(diag.Diagnostic{File: t.File, Line: line, Col: col, Msg: msg})
			}
			col++
		}
	}
	all.Sort()
	return uniqueDiags(all)
}

func uniqueDiags(l diag.List) diag.List {
	seen := map[diag.Diagnostic]bool{}
	out := l[:0]
	for _, d := range l {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// glyphsIn checks every string of v, a model read from src, including the
// values of its maps (rubriker), which model.WalkTexts leaves out.
func glyphsIn(src *model.Source, v any, draws []Repertoire) diag.List {
	c := &Checker{src: src}
	ok := asciiDrawn(draws)
	walkStrings(reflect.ValueOf(v), make([]byte, 0, 128), func(path []byte, s string) {
		if s != "" && !isPathField(path) && !drawnASCII(s, &ok) {
			c.glyphs(path, s, draws, &ok)
		}
	})
	c.diags.Sort()
	return c.diags
}

// asciiDrawn tells, for each ASCII character, whether it is one
// glyphProblem has nothing to say about: not a control character, and
// drawn by every format of the run. Most texts are all such characters,
// and are then passed without a call per character to each repertoire.
func asciiDrawn(draws []Repertoire) (ok [utf8.RuneSelf]bool) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		ok[r] = !isControl(r) && covered(r, draws)
	}
	return ok
}

// covered reports whether every format of the run draws r.
func covered(r rune, draws []Repertoire) bool {
	for _, rep := range draws {
		if !rep.Covers(r) {
			return false
		}
	}
	return true
}

// drawnASCII reports whether s is all ASCII characters that ok says are
// drawn.
func drawnASCII(s string, ok *[utf8.RuneSelf]bool) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || !ok[s[i]] {
			return false
		}
	}
	return true
}

// isPathField tells the registry fields that name files, which no
// document prints: a file name in any script is the file system's
// business.
func isPathField(path []byte) bool {
	return string(path) == "logotyp" || string(path) == "mallar" || bytes.HasPrefix(path, []byte("dokumenttyper["))
}

// walkStrings calls fn with every string in v and its field path, as the
// loader records positions: "nämnder[0].namn", "rubriker.bakgrund". The
// path is built in one buffer, appended to and cut back as the walk goes
// down and up: fn must copy it to keep it. Most fields have nothing to
// report, and a path string per field was most of the check's cost.
func walkStrings(v reflect.Value, path []byte, fn func(path []byte, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() && v.Type() != reflect.TypeFor[*model.Source]() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		for i := 0; i < v.Len(); i++ {
			p := append(strconv.AppendInt(append(path, '['), int64(i), 10), ']')
			walkStrings(v.Index(i), p, fn)
		}
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			walkStrings(v.MapIndex(k), join(path, k.String()), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, opts := yamlName(f.Tag.Get("yaml"))
			switch {
			case name == "-":
			case opts == "inline" || f.Anonymous && name == "":
				walkStrings(v.Field(i), path, fn)
			case name != "":
				walkStrings(v.Field(i), join(path, name), fn)
			}
		}
	}
}

func yamlName(tag string) (name, opts string) {
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i], tag[i+1:]
		}
	}
	return tag, ""
}

// join appends a key to a path: "rubriker" and "bakgrund" make
// "rubriker.bakgrund".
func join(path []byte, key string) []byte {
	if len(path) > 0 {
		path = append(path, '.')
	}
	return append(path, key...)
}

// glyphs reports the bad characters of one field; path is copied only
// when there is one.
func (c *Checker) glyphs(path []byte, s string, draws []Repertoire, ok *[utf8.RuneSelf]bool) {
	var reported []rune
	for i, r := range s {
		if r < utf8.RuneSelf && ok[r] || seenRune(reported, r) {
			continue
		}
		msg := glyphProblem(r, draws)
		if msg == "" {
			continue
		}
		reported = append(reported, r)
		c.Errorf(string(path), "%s", msg)
		c.pointAt(s, i)
	}
}

// glyphProblem says what is wrong with r in a text for the formats with
// the repertoires draws, or "".
func glyphProblem(r rune, draws []Repertoire) string {
	switch {
	case isControl(r):
		return fmt.Sprintf("%s (control character) in the text: remove it; it is invisible and no output can show it", name(r))
	case isNonCharacter(r):
		return fmt.Sprintf("U+%04X (a non-character) in the text: remove it; no document format may hold it (the DOCX would drop it)", r)
	case r == utf8.RuneError:
		return "U+FFFD (the replacement character) in the text: it stands where a character was lost when the text was converted; write the character that was meant"
	}
	for _, rep := range draws {
		if !rep.Covers(r) {
			return name(r) + " " + rep.Refusal(r)
		}
	}
	return ""
}

// isNonCharacter tells the 66 code points Unicode keeps out of text:
// U+FDD0–U+FDEF and the last two of every plane.
func isNonCharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE
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

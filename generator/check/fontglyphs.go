package check

import (
	"reflect"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// FontGlyphs reports, as Glyphs does for the built-in fonts, the
// characters of a document that the organisation's own typeface (family)
// has no glyph for (has): the PDF would draw them as empty boxes. Each is
// reported once per field, where it stands. Characters Glyphs reports
// already (control characters, scripts no font here can draw) are left to
// it, so that nothing is said twice.
func FontGlyphs(d model.Document, family string, has func(rune) bool, covered func(rune) bool) diag.List {
	if d == nil || reflect.ValueOf(d).IsNil() || has == nil {
		return nil
	}
	c := &Checker{src: d.Base().Source}
	model.WalkTexts(d, func(t model.TextAt) {
		var reported []rune
		for i, r := range t.S {
			if r == utf8.RuneError || r < 0x20 || seenRune(reported, r) || !covered(r) || has(r) {
				continue
			}
			reported = append(reported, r)
			c.Errorf(t.Path, "%s cannot be drawn in the PDF: the organisation's font %s has no glyph for it; write another character, or name a font that has it (typsnitt: in organisation.yaml)", name(r), family)
			c.pointAt(t.S, i)
		}
	})
	c.diags.Sort()
	return c.diags
}

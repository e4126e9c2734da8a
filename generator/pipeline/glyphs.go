package pipeline

import (
	"sync"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/compose"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// glyphs checks every string of a document that reaches a renderer: its
// own fields and rubriker, and its registries', each in its own file.
func (p *Pipeline) glyphs(d model.Document, reg *model.Registries) diag.List {
	return append(check.Glyphs(d, p.draws...), p.registryGlyphs(reg)...)
}

// registryGlyphs is check.RegistryGlyphs, made once per registries: the
// loader keeps one *model.Registries per folder, shared by every document
// in it, so a build of a thousand documents checked the same organisation
// and people a thousand times. The caller must not change the result.
func (p *Pipeline) registryGlyphs(reg *model.Registries) diag.List {
	if reg == nil {
		return nil
	}
	v, _ := p.registryChecks.LoadOrStore(reg, &textCheck{})
	rc := v.(*textCheck)
	rc.once.Do(func() { rc.diags = check.RegistryGlyphs(reg, p.draws...) })
	return rc.diags
}

// textCheck is a glyph check made once: of a template's text, or of a
// folder's registries.
type textCheck struct {
	once  sync.Once
	diags diag.List
}

// templateKey is one template of one composer.
type templateKey struct {
	c    *compose.Composer
	name string
}

// templateGlyphs checks the text of the template a document is composed
// with and the labels it may print, at their places in the template and
// etiketter.yaml; once per composer and template.
func (p *Pipeline) templateGlyphs(c *compose.Composer, d *Doc) diag.List {
	name := c.TemplateOf(d.in.Doc, d.in.Kind)
	v, _ := p.textChecks.LoadOrStore(templateKey{c, name}, &textCheck{})
	tc := v.(*textCheck)
	tc.once.Do(func() {
		var texts []check.Text
		for _, t := range c.Texts(name) {
			texts = append(texts, check.Text{File: t.File, Line: t.Line, Col: t.Col, S: t.S})
		}
		tc.diags = check.TextGlyphs(texts, p.draws...)
	})
	return tc.diags
}

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
	return append(check.Glyphs(d, p.draws...), check.RegistryGlyphs(reg, p.draws...)...)
}

// textCheck is the glyph check of one template, made once.
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

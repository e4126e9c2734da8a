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

// registryGlyphs is check.RegistryGlyphs, made once per registries while
// they are recent: the loader keeps one *model.Registries per folder,
// shared by every document in it, so a build of a thousand documents
// checked the same organisation and people a thousand times. A build
// takes a folder's documents one after another, so the checks of the last
// maxRegistryChecks registries are kept, and no more: keeping every
// folder's (and so its registries) for the whole build cost a validate
// of 10,000 documents in 2,500 trees 60 MB. The caller must not change
// the result.
func (p *Pipeline) registryGlyphs(reg *model.Registries) diag.List {
	if reg == nil {
		return nil
	}
	c := &p.registryChecks
	c.mu.Lock()
	rc, ok := c.m[reg]
	if !ok {
		if c.m == nil || len(c.m) >= maxRegistryChecks {
			c.m = map[*model.Registries]*textCheck{}
		}
		rc = &textCheck{}
		c.m[reg] = rc
	}
	c.mu.Unlock()
	rc.once.Do(func() { rc.diags = check.RegistryGlyphs(reg, p.draws...) })
	return rc.diags
}

// registryChecks are the glyph checks of recent registries.
type registryChecks struct {
	mu sync.Mutex
	m  map[*model.Registries]*textCheck
}

// maxRegistryChecks is how many folders' registry checks a pipeline
// keeps: a few per worker.
const maxRegistryChecks = 16

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

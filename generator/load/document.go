package load

import (
	"path/filepath"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// Input is a document with everything it draws on: the registries of its
// data tree and the directive it refers to. It is what the check and
// compose stages take.
type Input struct {
	Doc        model.Document
	Registries *model.Registries
	Directive  *model.Directive // nil when the document refers to none
}

// Document loads a file with its registries and the directive it refers
// to, the one sequence that validate, render and build all need. For a
// registry file, Input.Doc is nil and Registries holds the file itself.
// When the diagnostics hold errors, Input must not be composed.
func (l *Loader) Document(path string) (Input, diag.List) {
	v, diags := l.File(path)
	if diags.HasErrors() {
		return Input{}, diags
	}
	switch v := v.(type) {
	case *model.OrgProfile:
		return Input{Registries: &model.Registries{Organisation: v}}, diags
	case *model.Glossary:
		return Input{Registries: &model.Registries{Glossary: v}}, diags
	case *model.People:
		return Input{Registries: &model.Registries{People: v}}, diags
	}
	d, ok := v.(model.Document)
	if !ok {
		return Input{}, diags
	}
	in := Input{Doc: d}
	reg, ds := l.Registries(filepath.Dir(path))
	diags = append(diags, ds...)
	in.Registries = reg
	if ref := model.DirectiveRef(d); ref != "" {
		dir, ds := l.Directive(d.Base().Source, ref)
		diags = append(diags, ds...)
		if !ds.HasErrors() {
			// A directive with errors is reported; checking against half
			// of it would only add noise.
			in.Directive = dir
		}
	}
	return in, diags
}

package pipeline

import (
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// withExcerpts gives every diagnostic at a line of a file the document was
// made from the text of that line, so that the compiler form shows it with
// a caret under the column. The files are already in memory; nothing is
// read again.
func withExcerpts(diags diag.List, in load.Input) diag.List {
	sources := map[string][]byte{}
	add := func(s *model.Source) {
		if s != nil {
			sources[s.Path] = s.Data
		}
	}
	if in.Doc != nil {
		add(in.Doc.Base().Source)
	}
	if r := in.Registries; r != nil {
		if r.Organisation != nil {
			add(r.Organisation.Source)
		}
		if r.Glossary != nil {
			add(r.Glossary.Source)
		}
		if r.People != nil {
			add(r.People.Source)
		}
	}
	if in.Directive != nil {
		add(in.Directive.Source)
	}
	for i := range diags {
		d := &diags[i]
		if d.Excerpt != "" || d.Line < 1 {
			continue
		}
		if data, ok := sources[d.File]; ok {
			d.Excerpt = model.LineOf(data, d.Line)
		}
	}
	return diags
}

package pipeline

import (
	"path/filepath"

	"github.com/underlag/underlag/generator/compose"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// checkPage checks the profile's page settings (numrerade_rubriker,
// kolumner) against the kinds of its data tree, those defined in data
// included.
func (p *Pipeline) checkPage(o *model.OrgProfile) diag.List {
	if o == nil || o.Source == nil {
		return nil
	}
	kinds := p.kinds
	if tree, _ := p.loader.TreeKinds(filepath.Dir(o.Source.Path)); tree != nil {
		kinds = tree
	}
	return compose.CheckProfile(o, kinds)
}

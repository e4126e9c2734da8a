package load

import (
	"fmt"
	"slices"
	"sort"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
)

// checkSettings reports the keys of a profile's settings maps that no
// document reads, with a did-you-mean and the valid keys: ordning and
// utelämna by kind (the tree's own kinds included), and datumformat by
// table or field (model.DateStyleKeys and the table fields of the tree's
// own kinds). A key that is accepted and then ignored would fail silently.
func checkSettings(o *model.OrgProfile, kinds *kind.Registry) diag.List {
	if o == nil || o.Source == nil || kinds == nil {
		return nil
	}
	var out diag.List
	check := func(field string, keys []string, valid []string, what string) {
		sort.Strings(keys)
		for _, k := range keys {
			if slices.Contains(valid, k) {
				continue
			}
			path := field + "." + k
			pos := o.Source.Pos(path)
			out.Add(diag.Diagnostic{File: o.Source.Path, Line: pos.Line, Col: pos.Col, Path: path,
				Msg: fmt.Sprintf("no %s %q; %s", what, k, oneOf(k, valid))})
		}
	}
	kindNames := kinds.Names()
	check("ordning", mapKeys(o.Order), kindNames, "document kind")
	check("utelämna", mapKeys(o.Omit), kindNames, "document kind")
	dated := slices.Clone(model.DateStyleKeys)
	for _, k := range kinds.All() {
		if c, ok := k.New().(*model.Custom); ok && c.Spec != nil {
			for _, f := range c.Spec.Fields {
				if f.Type == model.FieldTable && !slices.Contains(dated, f.Key) {
					dated = append(dated, f.Key)
				}
			}
		}
	}
	check("datumformat", mapKeys(o.DateStyles), dated, "table or field with dates")
	return out
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

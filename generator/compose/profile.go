package compose

import (
	"fmt"
	"sort"
	"strings"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
)

// CheckProfile reports wrong values in the profile settings that decide
// the page (numrerade_rubriker, kolumner), each at its line with what
// would be valid: a kind the data tree does not have (kinds is its table,
// the built-in kinds and those defined in data), a table the kind does not
// compute, a column the table does not have, a date style that does not
// exist. Unknown keys are the loader's.
func CheckProfile(o *model.OrgProfile, kinds *kind.Registry) diag.List {
	if o == nil || o.Source == nil || kinds == nil {
		return nil
	}
	var out diag.List
	at := func(path, format string, args ...any) {
		p := o.Source.Pos(path)
		out.Add(diag.Diagnostic{File: o.Source.Path, Line: p.Line, Col: p.Col, Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	names := kinds.Names()
	for i, k := range o.Numbered {
		if _, ok := kinds.Lookup(model.Kind(k)); !ok {
			at(fmt.Sprintf("numrerade_rubriker[%d]", i), "no document kind %q; %s", k, validOf(k, names))
		}
	}
	kindKeys := sortedKeys(o.Columns)
	for _, kn := range kindKeys {
		base := "kolumner." + kn
		k, ok := kinds.Lookup(model.Kind(kn))
		if !ok {
			at(base, "no document kind %q; %s", kn, validOf(kn, names))
			continue
		}
		tables := computedTables(k)
		tableNames := sortedKeys(tables)
		for _, tn := range sortedKeys(o.Columns[kn]) {
			path := base + "." + tn
			cols, ok := tables[tn]
			if !ok {
				if len(tableNames) == 0 {
					at(path, "a %s has no tables whose columns can be chosen", kn)
				} else {
					at(path, "a %s has no table %q; %s", kn, tn, validOf(tn, tableNames))
				}
				continue
			}
			tc := o.Columns[kn][tn]
			for i, c := range tc.Columns {
				if !contains(cols, c) {
					at(fmt.Sprintf("%s.visa[%d]", path, i), "%s", unknownColumn(tn, c, cols))
				}
			}
			for _, c := range sortedKeys(tc.Headings) {
				if !contains(cols, c) {
					at(path+".rubriker."+c, "%s", unknownColumn(tn, c, cols))
				}
			}
			if tc.DateStyle != "" {
				if _, err := date.ParseStyle(string(tc.DateStyle)); err != nil {
					styles := make([]string, len(date.Styles))
					for i, s := range date.Styles {
						styles[i] = string(s)
					}
					at(path+".datumformat", "no date style %q; %s", tc.DateStyle, validOf(string(tc.DateStyle), styles))
				}
			}
		}
	}
	out.Sort()
	return out
}

// computedTables are the tables of a kind whose columns a profile can
// choose, with their column keys.
func computedTables(k *kind.Kind) map[string][]string {
	out := map[string][]string{}
	if k.Name == kind.KindStatus {
		for t, keys := range kind.StatusColumns() {
			out[t] = keys
		}
	}
	if k.Name == "uppdragsdirektiv" {
		var r run
		out["tidplan"] = keysOf(r.phaseColumns())
		out["milstolpar"] = keysOf(r.plannedMilestoneColumns())
		out["delaktiviteter"] = keysOf(r.plannedActivityColumns())
	}
	if k.New == nil {
		return out
	}
	if c, ok := k.New().(*model.Custom); ok && c.Spec != nil {
		for _, f := range c.Spec.Fields {
			if f.Type != model.FieldTable {
				continue
			}
			var keys []string
			for _, col := range f.Columns {
				keys = append(keys, col.Key)
			}
			out[f.Key] = keys
		}
	}
	return out
}

func validOf(s string, valid []string) string {
	if c := diag.Closest(s, valid); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	if len(valid) == 0 {
		return "there are none"
	}
	return "valid: " + strings.Join(valid, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

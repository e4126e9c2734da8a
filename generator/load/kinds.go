package load

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
)

// treeKinds is the table of kinds of one organisation's data tree: the
// built-in kinds and those its profile defines (dokumenttyper).
type treeKinds struct {
	once  sync.Once
	reg   *kind.Registry
	diags diag.List
}

// TreeKinds returns the table of kinds for documents in dir: the loader's
// kinds, and those the nearest organisation profile defines in data. Each
// profile's kinds are made once.
func (l *Loader) TreeKinds(dir string) (*kind.Registry, diag.List) {
	reg, _ := l.Registries(dir)
	o := reg.Organisation
	if o == nil || len(o.Kinds) == 0 || o.Source == nil {
		return l.kinds, nil
	}
	key := cacheKey(o.Source.Path)
	l.mu.Lock()
	e := l.trees.getOrAdd(key, func() *treeKinds { return &treeKinds{} })
	l.mu.Unlock()
	e.once.Do(func() { e.reg, e.diags = l.makeTreeKinds(o) })
	return e.reg, e.diags
}

// commonKeys are the keys every document has; a kind's own field may not
// take one.
var commonKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range Keys(reflectTypeOfCommon) {
		m[k.Name] = true
	}
	return m
}()

func (l *Loader) makeTreeKinds(o *model.OrgProfile) (*kind.Registry, diag.List) {
	reg := l.kinds.Clone()
	var diags diag.List
	var specs []*model.KindSpec
	roots := l.rootsFor(o.Source.Path, &model.Registries{Organisation: o})
	for i, ref := range o.Kinds {
		field := fmt.Sprintf("dokumenttyper[%d]", i)
		p, bad := checkRef(o.Source, field, ref, roots)
		if bad == nil && !isDataFile(p) {
			pos := o.Source.Pos(field)
			bad = &diag.Diagnostic{File: o.Source.Path, Line: pos.Line, Col: pos.Col, Path: field, Msg: fmt.Sprintf("%s is not a YAML data file; name the kind's .yaml file", ref)}
		}
		if bad != nil {
			diags.Add(*bad)
			continue
		}
		v, ds := l.File(p)
		diags = append(diags, ds...)
		if ds.HasErrors() {
			continue
		}
		spec, ok := v.(*model.KindSpec)
		if !ok {
			pos := o.Source.Pos(field)
			diags.Add(diag.Diagnostic{File: o.Source.Path, Line: pos.Line, Col: pos.Col, Path: field, Msg: fmt.Sprintf("%s is a %s, not a dokumenttyp", ref, kindOf(v))})
			continue
		}
		if ds := checkSpec(spec); ds.HasErrors() {
			diags = append(diags, ds...)
			continue
		}
		k, err := kind.FromSpec(spec)
		if err == nil {
			err = reg.Register(k)
		}
		if err == nil {
			specs = append(specs, spec)
		}
		if err != nil {
			pos := spec.Source.Pos("namn")
			diags.Add(diag.Diagnostic{File: spec.Source.Path, Line: pos.Line, Col: pos.Col, Path: "namn", Msg: strings.TrimPrefix(err.Error(), "register kind ")})
		}
	}
	for _, spec := range specs {
		diags = append(diags, checkRefKinds(spec, reg.Names())...)
	}
	return reg, diags
}

// checkRefKinds reports a document field's dokumenttyper that name no
// kind of the tree, once every kind of the tree is known.
func checkRefKinds(s *model.KindSpec, names []string) diag.List {
	var diags diag.List
	for i, f := range s.Fields {
		for j, k := range f.Kinds {
			if slices.Contains(names, k) {
				continue
			}
			path := fmt.Sprintf("fält[%d].dokumenttyper[%d]", i, j)
			pos := s.Source.Pos(path)
			diags.Add(diag.Diagnostic{File: s.Source.Path, Line: pos.Line, Col: pos.Col, Path: path,
				Msg: fmt.Sprintf("no document kind %q; %s", k, oneOf(k, names))})
		}
	}
	return diags
}

// checkSpec reports field keys given twice or taken by every document, and
// tables without columns, at their place in the kind's file.
func checkSpec(s *model.KindSpec) diag.List {
	var diags diag.List
	at := func(path, format string, args ...any) {
		pos := s.Source.Pos(path)
		diags.Add(diag.Diagnostic{File: s.Source.Path, Line: pos.Line, Col: pos.Col, Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	seen := map[string]int{}
	for i, f := range s.Fields {
		path := fmt.Sprintf("fält[%d]", i)
		if j, dup := seen[f.Key]; dup {
			at(path+".nyckel", "the key %q is already fält[%d]'s; give each field its own key", f.Key, j)
		}
		seen[f.Key] = i
		if commonKeys[f.Key] {
			at(path+".nyckel", "the key %q is one every document has already; choose another key", f.Key)
		}
		if f.Type == model.FieldTable && len(f.Columns) == 0 {
			at(path+".kolumner", "a tabell needs its kolumner, such as [nr, beskrivning, mottagare]")
		}
		if f.Type != model.FieldTable && len(f.Columns) > 0 {
			at(path+".kolumner", "only a field of typ tabell has kolumner")
		}
		if f.Type != model.FieldDocument && len(f.Kinds) > 0 {
			at(path+".dokumenttyper", "only a field of typ dokument has dokumenttyper")
		}
	}
	if filepath.Ext(s.Template) != "" && !strings.HasSuffix(s.Template, ".md.tmpl") {
		at("mall", "a template file ends in .md.tmpl")
	}
	return diags
}

package compose

import (
	"fmt"
	"maps"
	"sort"
	"text/template"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
)

// A kind brings its own template functions (kind.Kind.Funcs): each run
// binds them to itself, as the kind.Builder they build with, beside the
// composer's own (funcs.go). Every template may call every kind's
// functions, as it may call the composer's: a template is parsed once,
// before it is known which documents will ask for it.

// kindFuncs collects the template-function makers of the kinds, and
// refuses a name the composer or another kind already uses.
func kindFuncs(kinds *kind.Registry) ([]func(kind.Builder) kind.FuncMap, error) {
	taken := map[string]string{}
	for n := range (&run{}).funcs() {
		taken[n] = "the composer"
	}
	var out []func(kind.Builder) kind.FuncMap
	for _, k := range kinds.All() {
		if k.Funcs == nil {
			continue
		}
		names := make([]string, 0)
		for n := range k.Funcs(&run{}) {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if by, dup := taken[n]; dup {
				return nil, fmt.Errorf("kind %s: the template function %q is already %s's", k.Name, n, by)
			}
			taken[n] = "kind " + string(k.Name)
		}
		out = append(out, k.Funcs)
	}
	return out, nil
}

// allFuncs is the composer's template functions and the kinds', bound to
// this run.
func (r *run) allFuncs() template.FuncMap {
	m := r.funcs()
	r.kindFuncs = r.kindFuncMap()
	maps.Copy(m, r.kindFuncs)
	return m
}

// kindFuncMap are the kinds' functions, made for this run.
func (r *run) kindFuncMap() template.FuncMap {
	m := template.FuncMap{}
	if r.c == nil {
		return m
	}
	for _, f := range r.c.kindFuncs {
		for n, fn := range f(r) {
			m[n] = fn
		}
	}
	return m
}

// The kind.Builder a kind's functions build with.

func (r *run) Place(bs ...doc.Block) kind.Markup { return r.place(bs...) }

func (r *run) Markdown(s string) []doc.Block { return r.markdownBlocks(s) }

func (r *run) Label(key string) string { return r.lbl(key) }

func (r *run) Table(widths []float64, headerKeys []string, rows []doc.Row) doc.Block {
	return r.table(widths, headerKeys, rows)
}

func (r *run) NameTitle(p model.Person) string { return nameTitle(r.person(p)) }

func (r *run) Directive() *model.Directive { return r.in.Directive }

func (r *run) Person(p model.Person) model.Person { return r.person(p) }

func (r *run) Ref(path string) *model.Referenced { return r.in.Refs[path] }

func (r *run) Errorf(path, format string, args ...any) { r.errorf(path, format, args...) }

func (r *run) Warnf(path, format string, args ...any) { r.warnf(path, format, args...) }

var _ kind.Builder = (*run)(nil)

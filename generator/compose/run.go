package compose

import (
	"cmp"
	"fmt"
	"maps"
	"sort"
	"strings"
	"text/template"
	"time"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// run is the state of one Compose call: the template functions are bound
// to it, so that concurrent calls share nothing mutable.
type run struct {
	c        *Composer
	in       Input
	base     *model.Common
	src      *model.Source
	org      *model.OrgProfile
	tmplPath string
	year     int

	diags    diag.List
	stored   [][]doc.Block // blocks behind the placeholders, by number
	keys     map[*doc.Heading]string
	numbered bool
	defs     *doc.Table            // the deferred definitions table, filled last
	figures  int                   // figures numbered so far
	fields   map[string]bool       // signature field names given so far
	pg       pageState             // what the furniture template being run has set
	fieldHds map[*doc.Heading]bool // headings of Markdown fields (underavsnitt), placed last
	// templates are the templates cloned and bound to this run's
	// functions (bound), and fmap the functions: method values on this
	// run and on lim, and the kinds' (kindFuncs). They stay with the run
	// when it is reused; the kinds' functions are made anew for each
	// run, counted by kinds, as a kind's may keep state for one
	// document (kind.Kind.Funcs).
	templates map[string]*boundTemplate
	fmap      template.FuncMap
	kindFuncs template.FuncMap
	kinds     int
	lim       *limits // the time and output the templates may take

	officeDone bool // office looked up (and reported) once
	officeVal  model.Office
	officeOK   bool
}

func newRun(c *Composer, in Input) *run {
	r := &run{lim: &limits{}}
	r.init(c, in)
	return r
}

// run returns a run for in: a finished run of c's made new, with the
// templates it has bound, or a new one. A document's templates were
// cloned and given the run's functions each time (text/template binds
// functions to a template), which copied every template's tables of
// functions: a twentieth of a build's allocations.
func (c *Composer) run(in Input) *run {
	r, _ := c.runs.Get().(*run)
	if r == nil {
		return newRun(c, in)
	}
	r.init(c, in)
	return r
}

// init makes r a run for in from the start. What its functions are
// bound to stays: r itself, r.lim (made new in place), and so the
// templates bound to them; everything else is new, so that nothing of
// an earlier document, which may still hold its maps and blocks, is
// changed.
func (r *run) init(c *Composer, in Input) {
	*r = run{c: c, in: in, base: in.Doc.Base(), keys: map[*doc.Heading]string{},
		templates: r.templates, fmap: r.fmap, lim: r.lim, kinds: r.kinds + 1}
	if r.fmap != nil {
		r.kindFuncs = r.kindFuncMap()
		maps.Copy(r.fmap, r.kindFuncs)
	}
	limit := time.Duration(0)
	if c != nil {
		limit = c.timeLimit
	}
	*r.lim = *newLimits(cmp.Or(limit, MaxTemplateTime))
	r.src = r.base.Source
	if in.Registries != nil {
		r.org = in.Registries.Organisation
	}
	if dir := model.Commission(in.Doc, in.Directive); dir != nil {
		r.year = dir.Year
	}
}

func (r *run) file() string {
	if r.src == nil {
		return ""
	}
	return r.src.Path
}

// errorf and warnf report a problem at a field of the document's data.
func (r *run) errorf(path, format string, args ...any) {
	p := r.src.Pos(path)
	r.diags.Add(diag.Diagnostic{File: r.file(), Line: p.Line, Col: p.Col, Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (r *run) warnf(path, format string, args ...any) {
	p := r.src.Pos(path)
	r.diags.Add(diag.Diagnostic{File: r.file(), Line: p.Line, Col: p.Col, Path: path, Msg: fmt.Sprintf(format, args...), Severity: diag.Warning})
}

// place stores finished blocks and returns the placeholder that stands for
// them in the template's output.
func (r *run) place(bs ...doc.Block) safe {
	var keep []doc.Block
	for _, b := range bs {
		if b != nil {
			keep = append(keep, b)
		}
	}
	if len(keep) == 0 {
		return ""
	}
	r.stored = append(r.stored, keep)
	return blockPlaceholder(len(r.stored) - 1)
}

func (r *run) placed(i int) []doc.Block {
	if i < 0 || i >= len(r.stored) {
		return nil
	}
	return r.stored[i]
}

// label is the text for a label key: the document's own rubriker, then the
// organisation's, then the rubrik a kind defined in data gives the field
// of that key, then the templates' etiketter.yaml. {år} is the
// commission's year.
func (r *run) label(key string) (string, bool) {
	v, ok := r.base.Labels[key]
	if !ok && r.org != nil {
		v, ok = r.org.Labels[key]
	}
	if !ok {
		v, ok = r.fieldLabel(key)
	}
	if !ok {
		v, ok = r.c.labels[key]
	}
	if !ok {
		return "", false
	}
	if strings.Contains(v, "{år}") {
		if r.year > 0 {
			v = strings.ReplaceAll(v, "{år}", fmt.Sprint(r.year))
		} else {
			v = strings.TrimSpace(strings.ReplaceAll(v, "{år}", ""))
		}
	}
	return v, true
}

// lbl is label for keys the composer itself uses; they are in the
// default etiketter.yaml, so a miss means a broken override and shows the
// key rather than nothing.
func (r *run) lbl(key string) string {
	if v, ok := r.label(key); ok {
		return v
	}
	return key
}

// checkLabelOverrides reports rubriker keys that name no label, with the
// keys that would be valid.
func (r *run) checkLabelOverrides() {
	check := func(m map[string]string, report func(k string)) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if _, ok := r.c.labels[k]; !ok {
				if _, ok := r.fieldLabel(k); !ok {
					report(k)
				}
			}
		}
	}
	unknown := func(k string) string {
		return strings.Replace(unknownLabel(k, "", r.labelKeys()), "no label", "no heading or label", 1)
	}
	check(r.base.Labels, func(k string) {
		r.errorf("rubriker."+k, "%s", unknown(k))
	})
	if r.org != nil {
		check(r.org.Labels, func(k string) {
			path := "rubriker." + k
			d := diag.Diagnostic{Path: path, Msg: unknown(k)}
			if r.org.Source != nil {
				p := r.org.Source.Pos(path)
				d.File, d.Line, d.Col = r.org.Source.Path, p.Line, p.Col
			}
			r.diags.Add(d)
		})
	}
}

// person resolves a person against the people registry.
func (r *run) person(p model.Person) model.Person {
	if r.in.Registries == nil {
		return p
	}
	out, _ := r.in.Registries.Resolve(p)
	return out
}

// committeeName is a committee's full name from the organisation profile,
// or the abbreviation when the profile does not know it.
func (r *run) committeeName(abbrev string) string {
	if c, ok := r.org.Committee(abbrev); ok {
		return c.Name
	}
	return abbrev
}

package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
)

// Input is a document with everything it is made from: the registries of
// its data tree, the directive it refers to and the files it embeds, all
// read. Check and compose take it and read nothing more, so compose is a
// pure function of an Input and the templates.
type Input struct {
	Doc        model.Document
	Kind       *kind.Kind // the document's entry in the table of kinds
	Registries *model.Registries
	Directive  *model.Directive // nil when the document refers to none
	Logo       *Asset           // the organisation's logo; nil when it has none or it could not be read (reported)
	// Images are the images the document's Markdown shows, by the path as
	// written.
	Images map[string]*Asset
	// TemplateDir is the organisation's own templates folder (mallar: in
	// its profile), resolved inside its data tree; "" for none.
	TemplateDir string
	// Templates are the files of TemplateDir that templates are read from
	// (*.md.tmpl, etiketter.yaml) by name, read inside the data tree;
	// shared between documents, and not to be modified.
	Templates map[string][]byte

	// Refs are the documents this one refers to (model.DocRef fields),
	// by the field path of the reference ("beslutsunderlag[0].dokument").
	Refs map[string]*model.Referenced

	// Files are the files the kind's Files named, resolved, by the field
	// that names them ("beslutsunderlag[1].fil"): a packet reads them,
	// inside Roots (see package confine).
	Files map[string]string
	// Roots are the directories the document's references may point
	// into: its data tree and the --root directories.
	Roots []string

	// Deps are the files besides the document's own that its outputs
	// depend on, each once: the registry files it was given and those it
	// looked for and did not find (adding one changes the output), the
	// logo, the directive and attached files. A build hashes them to know
	// when to rebuild.
	Deps []string
}

// Document loads a file with everything it is made from, the one sequence
// that validate, render and build all need. For a registry file,
// Input.Doc is nil and Registries holds the file itself. When the
// diagnostics hold errors, Input must not be composed.
//
// The document itself is read on every call and not cached: a build reads
// each document once, and keeping them would make its memory grow with
// their number.
func (l *Loader) Document(path string) (Input, diag.List) {
	v, diags := l.readFile(path)
	return l.document(path, v, diags)
}

// document is Document once the file itself is read (see DocumentBytes).
func (l *Loader) document(path string, v any, diags diag.List) (Input, diag.List) {
	if diags.HasErrors() {
		return Input{}, diags
	}
	switch v := v.(type) {
	case *model.OrgProfile:
		in := Input{Registries: &model.Registries{Organisation: v}}
		in.Logo, diags = l.logo(v, diags)
		// The kinds it defines must load even when no document uses one.
		kinds, ds := l.TreeKinds(filepath.Dir(path))
		diags = append(diags, ds...)
		diags = append(diags, checkSettings(v, kinds)...)
		return in, diags
	case *model.Glossary:
		return Input{Registries: &model.Registries{Glossary: v}}, diags
	case *model.People:
		return Input{Registries: &model.Registries{People: v}}, diags
	case *model.KindSpec:
		if ds := checkSpec(v); len(ds) > 0 {
			diags = append(diags, ds...)
		} else if _, err := kind.FromSpec(v); err != nil {
			pos := v.Source.Pos("mall")
			diags.Add(diag.Diagnostic{File: path, Line: pos.Line, Col: pos.Col, Path: "mall", Msg: err.Error()})
		}
		return Input{Registries: &model.Registries{}}, diags
	}
	d, ok := v.(model.Document)
	if !ok {
		return Input{}, diags
	}
	dir := filepath.Dir(path)
	kinds, _ := l.TreeKinds(dir)
	k, _ := kinds.Of(d)
	in := Input{Doc: d, Kind: k}
	reg, ds := l.Registries(dir)
	diags = append(diags, ds...)
	in.Registries = reg
	in.Deps = registryCandidates(dir, reg)
	roots := l.rootsFor(path, reg)
	in.Roots = roots

	if ref := model.DirectiveOf(d); ref != "" {
		dir, ds := l.directive(d.Base().Source, ref, roots)
		diags = append(diags, ds...)
		if dir != nil && dir.Source != nil {
			in.Deps = append(in.Deps, dir.Source.Path)
		}
		if !ds.HasErrors() {
			// A directive with errors is reported; checking against half
			// of it would only add noise.
			in.Directive = dir
		}
	}
	imgs, ds := l.images(d, roots)
	diags = append(diags, ds...)
	in.Images = imgs
	for _, a := range imgs {
		in.Deps = append(in.Deps, a.Path)
	}
	refs, deps, ds := l.docRefs(d, roots)
	diags = append(diags, ds...)
	in.Refs = refs
	in.Deps = append(in.Deps, deps...)
	if k != nil && k.Files != nil {
		for _, f := range k.Files(d) {
			p, bad := checkRef(d.Base().Source, f.Field, f.Path, roots)
			if bad != nil {
				diags.Add(*bad)
				continue
			}
			in.Deps = append(in.Deps, p)
			if in.Files == nil {
				in.Files = map[string]string{}
			}
			in.Files[f.Field] = p
		}
	}
	if s, ok := d.(model.Serial); ok {
		in.Deps = append(in.Deps, l.series(s, path, reg)...)
	}
	if reg.Organisation != nil {
		in.Logo, diags = l.logo(reg.Organisation, diags)
		if in.Logo != nil {
			in.Deps = append(in.Deps, in.Logo.Path)
		}
		var files []string
		in.TemplateDir, files, diags = l.templateDir(reg.Organisation, diags)
		in.Deps = append(in.Deps, files...)
		if in.TemplateDir != "" {
			var ds diag.List
			in.Templates, ds = l.Templates(in.TemplateDir, files, l.rootsFor(reg.Organisation.Source.Path, reg))
			diags = append(diags, ds...)
		}
	}
	in.Deps = uniqueClean(in.Deps)
	return in, diags
}

// rootsFor returns where a document's references may point: its data tree
// (the directory of its organisation profile, or its own directory when it
// has none) and the roots given with WithRoots.
func (l *Loader) rootsFor(path string, reg *model.Registries) []string {
	top := filepath.Dir(path)
	if reg != nil && reg.Organisation != nil && reg.Organisation.Source != nil {
		top = filepath.Dir(reg.Organisation.Source.Path)
	}
	roots := append([]string(nil), l.roots...)
	if r, err := realDir(top); err == nil {
		roots = append(roots, r)
	}
	return roots
}

// directive loads the uppdragsdirektiv that a document in from refers to.
// Problems with the reference are reported at the referencing file's
// uppdragsdirektiv key; problems inside the directive at its own file.
func (l *Loader) directive(from *model.Source, ref string, roots []string) (*model.Directive, diag.List) {
	const field = "uppdragsdirektiv"
	p, bad := checkRef(from, field, ref, roots)
	if bad == nil && !isDataFile(p) {
		pos := from.Pos(field)
		bad = &diag.Diagnostic{File: from.Path, Line: pos.Line, Col: pos.Col, Path: field,
			Msg: fmt.Sprintf("%s is not a YAML data file; name the directive's .yaml file", ref)}
	}
	if bad != nil {
		return nil, diag.List{*bad}
	}
	v, diags := l.File(p)
	if v == nil {
		return nil, diags
	}
	dir, ok := kind.AsDirective(v)
	if !ok {
		pos := from.Pos(field)
		diags = append(diags, diag.Diagnostic{File: from.Path, Line: pos.Line, Col: pos.Col, Path: field,
			Msg: fmt.Sprintf("%s is a %s, not an uppdragsdirektiv", ref, kindOf(v))})
		return nil, diags
	}
	return dir, diags
}

// logo reads the organisation's logo, relative to organisation.yaml, inside
// its data tree. It is read again for every document; the bounded reader
// keeps that cheap and safe.
func (l *Loader) logo(o *model.OrgProfile, diags diag.List) (*Asset, diag.List) {
	if o == nil || strings.TrimSpace(o.Logo) == "" || o.Source == nil {
		return nil, diags
	}
	roots := append([]string(nil), l.roots...)
	if r, err := realDir(filepath.Dir(o.Source.Path)); err == nil {
		roots = append(roots, r)
	}
	p, data, bad := readRef(o.Source, "logotyp", o.Logo, roots, MaxAssetSize)
	if bad != nil {
		return nil, append(diags, *bad)
	}
	if msg := checkImage(data); msg != "" {
		pos := o.Source.Pos("logotyp")
		return nil, append(diags, diag.Diagnostic{File: o.Source.Path, Line: pos.Line, Col: pos.Col, Path: "logotyp",
			Msg: fmt.Sprintf("the logo %s %s", o.Logo, msg)})
	}
	return &Asset{Path: p, Data: data}, diags
}

// templateDir resolves the organisation's templates folder inside its data
// tree and lists the files in it that templates are read from, so that a
// build rebuilds when one changes.
func (l *Loader) templateDir(o *model.OrgProfile, diags diag.List) (string, []string, diag.List) {
	if o == nil || strings.TrimSpace(o.Templates) == "" || o.Source == nil {
		return "", nil, diags
	}
	fail := func(msg string) (string, []string, diag.List) {
		pos := o.Source.Pos("mallar")
		return "", nil, append(diags, diag.Diagnostic{File: o.Source.Path, Line: pos.Line, Col: pos.Col, Path: "mallar", Msg: msg})
	}
	dir := o.Templates
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(filepath.Dir(o.Source.Path), localPath(dir))
	}
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return fail(fmt.Sprintf("the templates folder %s cannot be read: %v (the path is relative to %s)", o.Templates, unwrapPath(err), filepath.Base(o.Source.Path)))
	case !st.IsDir():
		return fail(fmt.Sprintf("%s is not a folder; mallar names the folder of the organisation's templates", o.Templates))
	}
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	top, err2 := realDir(filepath.Dir(o.Source.Path))
	inside := err == nil && err2 == nil && within(top, real)
	for _, r := range l.roots {
		inside = inside || (err == nil && within(r, real))
	}
	if !inside {
		return fail(fmt.Sprintf("the templates folder %s is outside the data tree; keep it beside organisation.yaml, or widen the tree with --root DIR", o.Templates))
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fail(fmt.Sprintf("the templates folder %s cannot be read: %v", o.Templates, unwrapPath(err)))
	}
	var files []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && isTemplateFile(n) {
			files = append(files, filepath.Join(dir, n))
		}
	}
	return dir, files, diags
}

// registryCandidates lists the registry files a document in dir draws on
// or would draw on: in dir and each ancestor up to the directory its
// registries came from, present or not, since adding one there changes
// which registries apply.
func registryCandidates(dir string, reg *model.Registries) []string {
	regDir := ""
	if reg != nil && reg.Organisation != nil && reg.Organisation.Source != nil {
		regDir = filepath.Clean(filepath.Dir(reg.Organisation.Source.Path))
	}
	var out []string
	for d, n := filepath.Clean(dir), 0; n < 64; n++ {
		for _, name := range model.RegistryFiles {
			out = append(out, filepath.Join(d, name))
		}
		parent := filepath.Dir(d)
		if d == regDir || parent == d || (regDir == "" && d == ".") {
			break
		}
		d = parent
	}
	return out
}

func uniqueClean(ps []string) []string {
	seen := map[string]bool{}
	out := ps[:0]
	for _, p := range ps {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

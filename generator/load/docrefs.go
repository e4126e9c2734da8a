package load

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// docRefs loads the documents d refers to (model.DocRefsOf): each path is
// resolved like every other reference, inside the data tree, and must name
// a document's YAML file of a kind the field accepts. Problems are
// reported at the referring field; a target with errors of its own is
// reported at its file, and its part left out. The targets' paths are
// returned as dependencies, so that a build rebuilds the referrer when one
// changes.
func (l *Loader) docRefs(d model.Document, roots []string) (map[string]*model.Referenced, []string, diag.List) {
	refs := model.DocRefsOf(d)
	if len(refs) == 0 {
		return nil, nil, nil
	}
	src := d.Base().Source
	var diags diag.List
	var deps []string
	out := map[string]*model.Referenced{}
	at := func(field, format string, args ...any) {
		pos := src.Pos(field)
		file := ""
		if src != nil {
			file = src.Path
		}
		diags.Add(diag.Diagnostic{File: file, Line: pos.Line, Col: pos.Col, Path: field, Msg: fmt.Sprintf(format, args...)})
	}
	for _, r := range refs {
		field := r.Path + ".fil"
		if _, ok := src.Positions[field]; !ok {
			field = r.Path // written as a plain path
		}
		p, bad := checkRef(src, field, strings.TrimSpace(r.Ref.Path), roots)
		if bad == nil && !isDataFile(p) {
			at(field, "%s is not a YAML data file; a reference names another document's .yaml file", r.Ref.Path)
			continue
		}
		if bad != nil {
			diags.Add(*bad)
			continue
		}
		if src != nil && sameFile(p, src.Path) {
			at(field, "%s is this document itself; refer to another document", r.Ref.Path)
			continue
		}
		deps = append(deps, p)
		v, ds := l.File(p)
		if ds.HasErrors() || v == nil {
			diags = append(diags, ds...)
			at(field, "%s has errors of its own (reported at that file); fix them first", r.Ref.Path)
			continue
		}
		target, ok := v.(model.Document)
		if !ok {
			at(field, "%s is a %s, not a document; %s", r.Ref.Path, kindOf(v), validKinds(r.Kinds))
			continue
		}
		tk := target.Base().Type
		if len(r.Kinds) > 0 && !slices.Contains(r.Kinds, string(tk)) {
			at(field, "%s is a %s; %s", r.Ref.Path, tk, validKinds(r.Kinds))
			continue
		}
		out[r.Path] = l.referenced(p, target, r.Ref)
	}
	return out, deps, diags
}

// referenced is what a template learns of a document another refers to.
func (l *Loader) referenced(p string, d model.Document, ref model.DocRef) *model.Referenced {
	b := d.Base()
	label := model.Capitalise(string(b.Type))
	if kinds, _ := l.TreeKinds(filepath.Dir(p)); kinds != nil {
		if k, ok := kinds.Of(d); ok {
			label = k.PrintedName()
		}
	}
	t := &model.Referenced{
		Path: p, Kind: b.Type, KindLabel: label, Title: strings.TrimSpace(b.Title),
		Date: b.Date, CaseNumber: b.CaseNumber,
		Paragraph: strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ref.Paragraph), "§")),
	}
	if t.Title == "" {
		t.Title = label
	}
	t.Committees = model.AddresseesOf(d, nil)
	if o, ok := d.(model.Officered); ok {
		t.Officer = o.Officer()
	}
	if a, ok := d.(model.Attacher); ok {
		t.Attachments = a.Attachments()
	}
	if t.Paragraph == "" {
		t.Paragraph = model.ParagraphOf(d)
	}
	return t
}

func validKinds(kinds []string) string {
	if len(kinds) == 0 {
		return "name a document's file (a tjänsteskrivelse, an uppdragsdirektiv …)"
	}
	return "this field takes a " + strings.Join(kinds, " or a ")
}

// sameFile reports whether two paths name the same file.
func sameFile(a, b string) bool {
	ra, err1 := filepath.Abs(a)
	rb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && filepath.Clean(ra) == filepath.Clean(rb)
}

package build

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync/atomic"

	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// fakeLoader stands in for generator/load in these tests: it decodes the
// model types with yaml.v3 and reports a syntax error at its line.
type fakeLoader struct{ files atomic.Int64 }

var yamlLine = regexp.MustCompile(`line (\d+)`)

func (l *fakeLoader) File(p string) (any, diag.List) {
	l.files.Add(1)
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, diag.List{{File: p, Msg: err.Error()}}
	}
	var h model.Head
	if err := yaml.Unmarshal(data, &h); err != nil {
		line := 0
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return nil, diag.List{{File: p, Line: line, Col: 1, Msg: err.Error()}}
	}
	src := &model.Source{Path: p, Data: data}
	var v any
	switch h.Type {
	case model.KindDirective:
		d := &model.Directive{}
		d.Source, v = src, d
	case model.KindMemo:
		d := &model.Memo{}
		d.Source, v = src, d
	case model.KindStatus:
		d := &model.StatusReport{}
		d.Source, v = src, d
	case model.KindOrganisation:
		v = &model.OrgProfile{Source: src}
	case model.KindGlossary:
		v = &model.Glossary{Source: src}
	case model.KindPeople:
		v = &model.People{Source: src}
	default:
		return nil, diag.List{{File: p, Line: 1, Col: 1, Path: "typ", Msg: fmt.Sprintf("unknown type %q", h.Type)}}
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		return nil, diag.List{{File: p, Msg: err.Error()}}
	}
	// Unmarshal resets nothing tagged "-", but set Source again to be sure.
	if d, ok := v.(model.Document); ok {
		d.Base().Source = src
	}
	return v, nil
}

// Document does what load.Loader.Document does, with the fake's own
// File, Registries and Directive.
func (l *fakeLoader) Document(p string) (load.Input, diag.List) {
	v, ds := l.File(p)
	d, ok := v.(model.Document)
	if ds.HasErrors() || !ok {
		return load.Input{}, ds
	}
	in := load.Input{Doc: d}
	reg, rs := l.Registries(filepath.Dir(p))
	in.Registries, ds = reg, append(ds, rs...)
	if ref := model.DirectiveRef(d); ref != "" {
		dir, dd := l.Directive(d.Base().Source, ref)
		in.Directive, ds = dir, append(ds, dd...)
	}
	return in, ds
}

func (l *fakeLoader) Registries(dir string) (*model.Registries, diag.List) {
	reg := &model.Registries{}
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		p := filepath.Join(d, "organisation.yaml")
		if _, err := os.Stat(p); err == nil {
			v, ds := l.File(p)
			if ds.HasErrors() {
				return reg, ds
			}
			reg.Organisation = v.(*model.OrgProfile)
			return reg, nil
		}
		if filepath.Dir(d) == d || d == "." {
			return reg, nil
		}
	}
}

func (l *fakeLoader) Directive(from *model.Source, ref string) (*model.Directive, diag.List) {
	p := filepath.Join(filepath.Dir(from.Path), filepath.FromSlash(ref))
	v, ds := l.File(p)
	if ds.HasErrors() {
		return nil, ds
	}
	d, ok := v.(*model.Directive)
	if !ok {
		return nil, diag.List{{File: from.Path, Path: "uppdragsdirektiv", Msg: ref + " is not a directive"}}
	}
	return d, nil
}

// fakeCompose makes a small document from the title, the organisation and
// the directive's title, so that outputs change when any of them does.
func fakeCompose(d model.Document, reg *model.Registries, dir *model.Directive) (*doc.Document, diag.List) {
	c := d.Base()
	var ds diag.List
	if c.Title == "FAIL" {
		ds.Add(diag.Diagnostic{File: c.Source.Path, Line: 3, Col: 8, Path: "titel", Msg: "compose refused"})
		return nil, ds
	}
	if c.Title == "" {
		ds.Add(diag.Diagnostic{File: c.Source.Path, Path: "titel", Msg: "no title", Severity: diag.Warning})
	}
	out := &doc.Document{Meta: doc.Meta{Title: c.Title, CaseNumber: c.CaseNumber}}
	out.Blocks = append(out.Blocks, &doc.Paragraph{Text: []doc.Inline{doc.Text(string(c.Source.Data))}})
	if reg != nil && reg.Organisation != nil {
		out.Meta.Organisation = reg.Organisation.Name
	}
	if dir != nil {
		out.Blocks = append(out.Blocks, &doc.Paragraph{Text: []doc.Inline{doc.Text(dir.Title)}})
	}
	return out, ds
}

// fakeRenderer writes the document's text, prefixed by its format.
type fakeRenderer struct {
	format string
	calls  atomic.Int64
	fail   string // title that makes Render fail
}

func (r *fakeRenderer) Render(w io.Writer, d *doc.Document) error {
	_, err := r.RenderPages(w, d)
	return err
}

func (r *fakeRenderer) RenderPages(w io.Writer, d *doc.Document) (int, error) {
	r.calls.Add(1)
	if r.fail != "" && d.Meta.Title == r.fail {
		return 0, fmt.Errorf("cannot render %q", d.Meta.Title)
	}
	fmt.Fprintf(w, "%s %s %s\n", r.format, d.Meta.Organisation, d.Meta.Title)
	for _, b := range d.Blocks {
		if p, ok := b.(*doc.Paragraph); ok {
			io.WriteString(w, doc.Plain(p.Text))
		}
	}
	return 1 + len(d.Blocks), nil
}

// fakeFind lists the .yaml files under the paths, sorted.
func fakeFind(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && filepath.Ext(path) == ".yaml" {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

type fakeStack struct {
	Stages
	loader    *fakeLoader
	pdf, docx *fakeRenderer
}

func newFakeStack() *fakeStack {
	s := &fakeStack{loader: &fakeLoader{}, pdf: &fakeRenderer{format: "pdf"}, docx: &fakeRenderer{format: "docx"}}
	s.Stages = Stages{
		Find:        fakeFind,
		Loader:      s.loader,
		Compose:     fakeCompose,
		Renderers:   map[Format]doc.Renderer{PDF: s.pdf, DOCX: s.docx},
		Fingerprint: "test",
	}
	return s
}

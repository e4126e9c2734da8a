// Package compose turns a document's data and its template into the
// format-neutral document tree of package doc, once, for every output
// format.
//
// A template is Go text/template around Markdown: it reads like the
// document it produces ("## {{ rubrik "bakgrund" }}" then
// "{{ md .Background }}"). The composer executes it, parses the result with
// goldmark and converts it into doc blocks. Data never becomes template
// code or Markdown structure: every value printed by a template action is
// escaped, Markdown fields are parsed on their own and spliced in as
// finished blocks, and tables, signature blocks and definitions are built
// directly as doc nodes by template functions. See docs/templates.md.
//
// A Composer parses its templates once in New and is then read-only, so one
// Composer serves a whole build from many goroutines.
package compose

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"text/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/templates"
)

// Composer composes documents from data and templates. It is safe for
// concurrent use.
type Composer struct {
	tmpls     map[string]*template.Template // by file name, such as "uppdragsdirektiv.md.tmpl"
	paths     map[string]string             // file name → where it came from, for messages
	labels    map[string]string             // etiketter.yaml, overrides merged in
	labelKeys []string                      // sorted, for messages
	labelPath string
	hash      string

	tmplMD goldmark.Markdown // parses template output: heading attributes on
	dataMD goldmark.Markdown // parses Markdown fields of the data

	collators sync.Pool // *collate.Collator for Swedish; a Collator is not safe to share
	logos     sync.Map  // absolute path → *doc.Image, read once per Composer
}

type config struct {
	dir string
}

// Option configures a Composer.
type Option func(*config)

// WithTemplateDir overrides the embedded templates file by file with those
// in dir: a file dir/tjansteskrivelse.md.tmpl replaces the embedded one of
// that name, a new name adds a template that documents can ask for with
// `mall:`, and dir/etiketter.yaml overrides the labels it lists (the
// others keep their default).
func WithTemplateDir(dir string) Option { return func(c *config) { c.dir = dir } }

// Default template file for each kind.
var defaultTemplate = map[model.Kind]string{
	model.KindDirective: "uppdragsdirektiv.md.tmpl",
	model.KindMemo:      "tjansteskrivelse.md.tmpl",
	model.KindStatus:    "statusrapport.md.tmpl",
}

const tmplExt = ".md.tmpl"

// New parses the templates: the embedded defaults, then the files of the
// template directory if one is given. A template that does not parse is an
// error naming its file and line.
func New(opts ...Option) (*Composer, error) {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	type file struct {
		path string
		data []byte
	}
	files := map[string]file{}
	var labelFiles []file
	entries, err := fs.ReadDir(templates.FS, ".")
	if err != nil {
		return nil, fmt.Errorf("read embedded templates: %w", err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(templates.FS, e.Name())
		if err != nil {
			return nil, fmt.Errorf("read embedded template %s: %w", e.Name(), err)
		}
		f := file{path: "templates/" + e.Name(), data: b}
		if e.Name() == templates.Labels {
			labelFiles = append(labelFiles, f)
			continue
		}
		files[e.Name()] = f
	}
	if cfg.dir != "" {
		entries, err := os.ReadDir(cfg.dir)
		if err != nil {
			return nil, fmt.Errorf("read template directory: %w", err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || (name != templates.Labels && !strings.HasSuffix(name, tmplExt)) {
				continue
			}
			p := filepath.Join(cfg.dir, name)
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("read template: %w", err)
			}
			if name == templates.Labels {
				labelFiles = append(labelFiles, file{path: p, data: b})
			} else {
				files[name] = file{path: p, data: b}
			}
		}
	}

	c := &Composer{
		tmpls:  map[string]*template.Template{},
		paths:  map[string]string{},
		labels: map[string]string{},
		tmplMD: goldmark.New(goldmark.WithParserOptions(parser.WithHeadingAttribute())),
		dataMD: goldmark.New(),
	}
	c.collators.New = func() any { return collate.New(language.Swedish) }

	h := sha256.New()
	for _, lf := range labelFiles {
		var m map[string]string
		if err := yaml.Unmarshal(lf.data, &m); err != nil {
			return nil, fmt.Errorf("%s: labels must be a mapping of key to text: %w", lf.path, err)
		}
		for k, v := range m {
			c.labels[k] = v
		}
		c.labelPath = lf.path
		fmt.Fprintf(h, "%s\x00%d\x00", templates.Labels, len(lf.data))
		h.Write(lf.data)
	}
	for k := range c.labels {
		c.labelKeys = append(c.labelKeys, k)
	}
	sort.Strings(c.labelKeys)

	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	stubs := (&run{}).funcs()
	for _, n := range names {
		f := files[n]
		// The template is named by its path, so that text/template's
		// errors ("template: dir/x.md.tmpl:12: …") name the file.
		t, err := template.New(f.path).Option("missingkey=error").Funcs(stubs).Parse(string(f.data))
		if err != nil {
			return nil, fmt.Errorf("parse template: %w", err)
		}
		for _, tt := range t.Templates() {
			if tt.Tree != nil {
				escapeActions(tt.Tree.Root)
			}
		}
		c.tmpls[n] = t
		c.paths[n] = f.path
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(f.data))
		h.Write(f.data)
	}
	c.hash = hex.EncodeToString(h.Sum(nil))
	return c, nil
}

// Hash identifies the templates in use: a sha256 over the names and
// contents of every template and label file after overrides. A build
// records it in its manifest, so that changing a template rebuilds.
func (c *Composer) Hash() string { return c.hash }

// Templates lists the files a document is composed from (its template and
// the labels), as paths for the build's dependency tracking and messages.
func (c *Composer) Templates(d model.Document) []string {
	name, ok := c.templateName(d)
	if !ok {
		return []string{c.labelPath}
	}
	return []string{c.paths[name], c.labelPath}
}

// templateName is the template file a document asks for: its `mall:` or
// the default for its kind.
func (c *Composer) templateName(d model.Document) (string, bool) {
	b := d.Base()
	name := b.Template
	if name == "" {
		name = defaultTemplate[model.KindOf(d)]
	} else if !strings.HasSuffix(name, tmplExt) {
		name += tmplExt
	}
	_, ok := c.tmpls[name]
	return name, ok
}

// TemplateNames lists the templates a document can ask for with `mall:`.
func (c *Composer) TemplateNames() []string {
	out := make([]string, 0, len(c.tmpls))
	for n := range c.tmpls {
		out = append(out, strings.TrimSuffix(n, tmplExt))
	}
	sort.Strings(out)
	return out
}

// Input is what one document is composed from.
type Input struct {
	Doc        model.Document    // *model.Directive, *model.Memo or *model.StatusReport, with Source set by the loader
	Registries *model.Registries // may be nil, and so may its members
	Directive  *model.Directive  // the directive a memo or status report refers to; nil otherwise
	Creator    string            // the producing program, "underlag v1.2.3", for Meta.Creator
}

// Compose builds the document tree. Diagnostics of severity Warning come
// with a document; an Error means none could be made, and the document is
// nil.
func (c *Composer) Compose(in Input) (*doc.Document, diag.List) {
	if in.Doc == nil || model.KindOf(in.Doc) == "" {
		return nil, diag.List{{Msg: fmt.Sprintf("compose: %T is not a document (uppdragsdirektiv, tjänsteskrivelse or statusrapport)", in.Doc)}}
	}
	r := newRun(c, in)
	name, ok := c.templateName(in.Doc)
	if !ok {
		r.errorf("mall", "no template %q; available: %s", in.Doc.Base().Template, strings.Join(c.TemplateNames(), ", "))
		return nil, r.diags
	}
	r.tmplPath = c.paths[name]
	r.checkLabelOverrides()
	d := &doc.Document{Meta: r.meta()}

	t, err := c.tmpls[name].Clone()
	if err != nil {
		r.diags.Add(diag.Diagnostic{File: r.tmplPath, Msg: err.Error()})
		return nil, r.diags
	}
	t.Funcs(r.funcs())
	var out bytes.Buffer
	if err := t.Execute(&out, in.Doc); err != nil {
		r.diags.Add(templateError(r.tmplPath, err, in.Doc, in.Directive, in.Registries))
		return nil, r.diags
	}
	d.Blocks = r.convertTemplate(out.Bytes())
	d.Blocks = r.insertExtra(d.Blocks)
	d.Blocks = r.fillDefinitions(d, d.Blocks)
	d.Blocks = dropEmptySections(d.Blocks)
	if err := doc.Number(d); err != nil {
		r.diags.Add(diag.Diagnostic{File: r.tmplPath, Msg: err.Error()})
		return nil, r.diags
	}
	if r.diags.HasErrors() {
		return nil, r.diags
	}
	return d, r.diags
}

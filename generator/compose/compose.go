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
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/template"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/templates"
)

// Composer composes documents from data and templates. It is safe for
// concurrent use.
type Composer struct {
	tmpls     map[string]*template.Template // by file name, such as "uppdragsdirektiv.md.tmpl"
	paths     map[string]string             // file name → where it came from, for messages
	broken    map[string]diag.Diagnostic    // file name → why it does not parse (tmplerr.go)
	labels    map[string]string             // etiketter.yaml, overrides merged in
	labelKeys []string                      // sorted, for messages
	labelPath string
	labelAt   map[string]Text   // where each label in effect is written
	sources   map[string][]byte // each template's text, for positions
	timeLimit time.Duration     // how long one document's template may run
	hash      string

	// kindFuncs make the template functions the kinds bring (Kind.Funcs).
	kindFuncs []func(kind.Builder) kind.FuncMap

	tmplMD goldmark.Markdown // parses template output: heading attributes on
	dataMD goldmark.Markdown // parses Markdown fields of the data

	collators sync.Pool // *collate.Collator for Swedish; a Collator is not safe to share

	// runs are finished runs, kept with the templates they bound to
	// their functions (run.bound), for the next documents.
	runs sync.Pool
}

type config struct {
	dir       string
	kinds     *kind.Registry
	timeLimit time.Duration
}

// Option configures a Composer.
type Option func(*config)

// WithTemplateDir overrides the embedded templates file by file with those
// in dir: a file dir/tjansteskrivelse.md.tmpl replaces the embedded one of
// that name, a new name adds a template that documents can ask for with
// `mall:`, and dir/etiketter.yaml overrides the labels it lists (the
// others keep their default).
func WithTemplateDir(dir string) Option { return func(c *config) { c.dir = dir } }

// WithKinds adds the templates and template functions that kinds bring
// with them (Kind.Templates, Kind.Funcs) to the embedded ones; a template
// directory still overrides the templates. Without it, the composer has
// the built-in kinds' (kind.Default).
func WithKinds(r *kind.Registry) Option { return func(c *config) { c.kinds = r } }

const tmplExt = ".md.tmpl"

// file is a template or labels file and where it came from.
type file struct {
	path string // for messages: "templates/x.md.tmpl", "mallar/x.md.tmpl"
	data []byte
}

// New parses the templates: the embedded defaults, the templates kinds
// bring with them, then the files of the template directory if one is
// given. A template that does not parse is an error naming its file and
// line.
func New(opts ...Option) (*Composer, error) {
	var cfg config
	for _, o := range opts {
		o(&cfg)
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
	if cfg.kinds == nil {
		cfg.kinds = kind.Default()
	}
	for _, k := range cfg.kinds.All() {
		if k.Templates == nil {
			continue
		}
		b, err := fs.ReadFile(k.Templates, k.Template)
		if err != nil {
			return nil, fmt.Errorf("read the template of kind %s: %w", k.Name, err)
		}
		files[k.Template] = file{path: k.Template, data: b}
	}
	if cfg.dir != "" {
		dfiles, dlabels, err := readTemplateDir(cfg.dir)
		if err != nil {
			return nil, err
		}
		for n, f := range dfiles {
			files[n] = f
		}
		labelFiles = append(labelFiles, dlabels...)
	}
	c := &Composer{
		tmpls:   map[string]*template.Template{},
		broken:  map[string]diag.Diagnostic{},
		paths:   map[string]string{},
		labels:  map[string]string{},
		labelAt: map[string]Text{},
		sources: map[string][]byte{},
		// Pipe tables in templates and data alike (goldmark's GFM table
		// extension: the syntax GitHub, GitLab and pandoc read).
		tmplMD: goldmark.New(goldmark.WithParserOptions(parser.WithHeadingAttribute()), goldmark.WithExtensions(extension.Table)),
		dataMD: goldmark.New(goldmark.WithExtensions(extension.Table)),
	}
	c.collators.New = func() any { return collate.New(language.Swedish) }
	c.timeLimit = cmp.Or(cfg.timeLimit, MaxTemplateTime)
	if c.kindFuncs, err = kindFuncs(cfg.kinds); err != nil {
		return nil, err
	}
	if err := c.add(files, labelFiles, ""); err != nil {
		return nil, err
	}
	return c, nil
}

// maxTemplateSize bounds a template or labels file: a few kilobytes of
// text, far below the limit.
const maxTemplateSize = 1 << 20

// readTemplateDir reads the templates (*.md.tmpl) and labels of a folder
// (--templates), each inside the folder (package confine): a link out of
// it, a FIFO or a device is refused, not read.
func readTemplateDir(dir string) (map[string]file, []file, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read template directory: %w", err)
	}
	raw := map[string][]byte{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || (name != templates.Labels && !strings.HasSuffix(name, tmplExt)) {
			continue
		}
		p := filepath.Join(dir, name)
		b, err := confine.ReadFile([]string{dir}, p, maxTemplateSize)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		raw[name] = b
	}
	return templateFiles(dir, raw)
}

// templateFiles sorts the files of a templates folder, read, into
// templates and labels, and checks that each is UTF-8 text.
func templateFiles(dir string, raw map[string][]byte) (map[string]file, []file, error) {
	files := map[string]file{}
	var labels []file
	for name, b := range raw {
		p := filepath.Join(dir, name)
		b, err := templateText(p, b)
		if err != nil {
			return nil, nil, err
		}
		if name == templates.Labels {
			labels = append(labels, file{path: p, data: b})
		} else if strings.HasSuffix(name, tmplExt) {
			files[name] = file{path: p, data: b}
		}
	}
	return files, labels, nil
}

// templateText checks that a template is UTF-8 text. A template saved as
// UTF-16 (Windows Notepad's "Unicode") or in Latin-1 would otherwise
// compose garbage with no error.
func templateText(p string, b []byte) ([]byte, error) {
	if len(b) >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) {
		return nil, fmt.Errorf("%s is saved as UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)", p)
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		line := 1 + bytes.Count(b[:invalidAt(b)], []byte("\n"))
		return nil, fmt.Errorf("%s:%d: not UTF-8 text (saved as Latin-1 or another encoding?); save it as UTF-8", p, line)
	}
	return b, nil
}

// invalidAt is the offset of the first byte that is not valid UTF-8 text.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if (r == utf8.RuneError && n <= 1) || r == 0 {
			return i
		}
		i += n
	}
	return len(b)
}

// add parses template and label files into c, over what it holds, and
// extends its hash; base is the hash of what it held.
func (c *Composer) add(files map[string]file, labelFiles []file, base string) error {
	h := sha256.New()
	io.WriteString(h, base)
	for _, lf := range labelFiles {
		lf.path = displayPath(lf.path)
		m, err := labelsOf(lf)
		if err != nil {
			return err
		}
		for k, v := range m {
			c.labels[k] = v.S
			c.labelAt[k] = v
		}
		c.labelPath = lf.path
		fmt.Fprintf(h, "%s\x00%d\x00", templates.Labels, len(lf.data))
		h.Write(lf.data)
	}
	c.labelKeys = c.labelKeys[:0]
	for k := range c.labels {
		c.labelKeys = append(c.labelKeys, k)
	}
	sort.Strings(c.labelKeys)

	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	stubs := (&run{c: c}).allFuncs()
	funcNames := make([]string, 0, len(stubs))
	for name := range stubs {
		if name != escName {
			funcNames = append(funcNames, name)
		}
	}
	for _, n := range names {
		f := files[n]
		// The template is named by its path, so that text/template's
		// errors ("template: dir/x.md.tmpl:12: …") name the file.
		f.path = displayPath(f.path)
		c.paths[n] = f.path
		c.sources[n] = f.data
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(f.data))
		h.Write(f.data)
		t, err := template.New(f.path).Option("missingkey=error").Funcs(stubs).Parse(string(f.data))
		if err != nil {
			// Only the documents that use it fail (tmplerr.go).
			c.broken[n] = parseError(f.path, f.data, err, funcNames)
			delete(c.tmpls, n)
			continue
		}
		delete(c.broken, n)
		for _, tt := range t.Templates() {
			if tt.Tree != nil {
				escapeActions(tt.Tree.Root)
			}
		}
		limitTemplate(t)
		c.tmpls[n] = t
	}
	c.hash = hex.EncodeToString(h.Sum(nil))
	return nil
}

// Overlay returns a Composer whose templates and labels are c's with those
// of a folder laid over them, file by file: an organisation's own
// templates folder (mallar: in its profile), read by the loader, over the
// built-in ones. own holds the folder's files by name, dir names it in
// messages. extra adds templates by file name (a custom kind's). c is not
// changed; parsed templates are shared, which is safe because Compose
// clones them.
func (c *Composer) Overlay(dir string, own, extra map[string][]byte) (*Composer, error) {
	files, labels, err := templateFiles(dir, own)
	if err != nil {
		return nil, err
	}
	for n, b := range extra {
		if _, own := files[n]; !own {
			files[n] = file{path: n, data: b}
		}
	}
	o := &Composer{
		tmpls:     maps.Clone(c.tmpls),
		broken:    maps.Clone(c.broken),
		paths:     maps.Clone(c.paths),
		labels:    maps.Clone(c.labels),
		labelKeys: slices.Clone(c.labelKeys),
		labelPath: c.labelPath,
		labelAt:   maps.Clone(c.labelAt),
		timeLimit: c.timeLimit,
		sources:   maps.Clone(c.sources),
		kindFuncs: c.kindFuncs,
		tmplMD:    c.tmplMD,
		dataMD:    c.dataMD,
	}
	o.collators.New = c.collators.New
	if err := o.add(files, labels, c.hash); err != nil {
		return nil, err
	}
	return o, nil
}

// Hash identifies the templates in use: a sha256 over the names and
// contents of every template and label file after overrides. A build
// records it in its manifest, so that changing a template rebuilds.
func (c *Composer) Hash() string { return c.hash }

// templateName is the template file a document asks for: its `mall:` or
// the default for its kind.
func (c *Composer) templateName(d model.Document, k *kind.Kind) (string, bool) {
	b := d.Base()
	name := b.Template
	if name == "" {
		name = k.Template
	} else if !strings.HasSuffix(name, tmplExt) {
		name += tmplExt
	}
	_, ok := c.tmpls[name]
	if _, broken := c.broken[name]; broken {
		ok = true
	}
	return name, ok
}

// TemplateNames lists the templates a document can ask for with `mall:`.
func (c *Composer) TemplateNames() []string {
	out := make([]string, 0, len(c.tmpls)+len(c.broken))
	for n := range c.tmpls {
		if strings.HasPrefix(n, "_") {
			continue // a partial (_sidhuvud, _fakta …), not a document's template
		}
		out = append(out, strings.TrimSuffix(n, tmplExt))
	}
	for n := range c.broken {
		out = append(out, strings.TrimSuffix(n, tmplExt))
	}
	sort.Strings(out)
	return out
}

// Input is what one document is composed from: everything it needs, read
// by the loader, so that composing does no I/O.
type Input struct {
	Doc        model.Document    // a document of any kind, with Source set by the loader
	Kind       *kind.Kind        // the document's entry in the table of kinds
	Registries *model.Registries // may be nil, and so may its members
	Directive  *model.Directive  // the directive the document refers to; nil when none
	Logo       []byte            // the organisation's logo file, PNG or JPEG; nil for none
	Images     map[string][]byte // the images the document's Markdown shows, by the path as written
	Creator    string            // the producing program, "underlag v1.2.3", for Meta.Creator
	// Refs are the documents this one refers to, by the field path of
	// the reference ("beslutsunderlag[0].dokument", a kind's own field).
	Refs map[string]*model.Referenced
}

// Compose builds the document tree. Diagnostics of severity Warning come
// with a document; an Error means none could be made, and the document is
// nil.
func (c *Composer) Compose(in Input) (*doc.Document, diag.List) {
	if in.Doc == nil || in.Kind == nil {
		return nil, diag.List{{Msg: fmt.Sprintf("compose: %T is not a document of a known kind", in.Doc)}}
	}
	r := c.run(in)
	defer c.runs.Put(r)
	name, ok := c.templateName(in.Doc, in.Kind)
	if !ok {
		r.errorf("mall", "no template %q; available: %s", in.Doc.Base().Template, strings.Join(c.TemplateNames(), ", "))
		return nil, r.diags
	}
	r.tmplPath = c.paths[name]
	if d, broken := c.broken[name]; broken {
		r.diags.Add(d)
		return nil, r.diags
	}
	r.checkLabelOverrides()
	r.numberedByProfile()
	r.checkFieldLabelKeys()
	d := &doc.Document{Meta: r.meta()}

	t, err := r.bound(name)
	if err != nil {
		r.diags.Add(diag.Diagnostic{File: r.tmplPath, Msg: err.Error()})
		return nil, r.diags
	}
	var out bytes.Buffer
	if err := t.Execute(cappedWriter{&out, r.lim}, in.Doc); err != nil {
		d := templateError(r.tmplPath, err, in.Doc, in.Directive, in.Registries)
		if r.lim.hit != nil {
			d.Msg, d.Hint = r.lim.hit.Error(), ""
		}
		r.diags.Add(d)
		return nil, r.diags
	}
	d.Blocks = r.convertTemplate(out.Bytes())
	d.Blocks = r.nestFieldHeadings(d.Blocks)
	d.Blocks = r.arrangeWithExtras(d.Blocks)
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

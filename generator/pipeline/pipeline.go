// Package pipeline is underlag's one pipeline: load → check → compose →
// render, set up once and shared by every command. `render`, `validate`
// and the batch build (generator/batch) are thin callers of it; none of
// them imports a stage package.
//
// A Pipeline is prepared once (the table of kinds, templates parsed, fonts
// and styles prepared, registries and directives cached as they are read)
// and is then safe for concurrent use by many goroutines. It serves one
// run: the loader's cache does not notice files that change while it runs.
package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"sync"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/compose"
	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/lint"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/schema"
	"github.com/underlag/underlag/generator/style"
)

// Config chooses what a pipeline is made of. The zero Config is the
// built-in kinds, templates and style, rendering every format.
type Config struct {
	Version       string         // the tool's version, for the outputs' creator and the fingerprint
	Kinds         *kind.Registry // default kind.Default()
	TemplateDir   string         // overrides the embedded templates file by file; "" for none
	ReferenceDOCX string         // a Word file whose styles the DOCX output takes; "" for none
	Formats       []Format       // the renderers to prepare; nil for every format, empty for none (validate, schema)
	Roots         []string       // directories references may point into besides each document's data tree (--root)
	Profile       *style.Profile // default style.Default()
	Lint          *lint.Linter   // the review rules; default lint.ForKinds(Kinds)
	Info          bool           // keep review findings of severity info (lint, validate); a build leaves them out
	// Font is the organisation's own typeface (typsnitt:, read by
	// load.Font); nil for Liberation Sans.
	Font *load.Font
	// Metadata are the fields -M sets on every document.
	Metadata      []load.Metadata
	IncludeHidden bool // read files and folders whose names start with "." (--include-hidden)
}

// Pipeline is the prepared pipeline.
type Pipeline struct {
	kinds          *kind.Registry
	lint           *lint.Linter
	info           bool
	loader         *load.Loader
	composer       *compose.Composer
	renderers      map[string]doc.Renderer // by format name
	overlays       sync.Map                // template folder → *overlay: an organisation's templates over the base ones
	textChecks     sync.Map                // templateKey → *textCheck: the glyph check of a template's text
	registryChecks registryChecks          // the glyph checks of recent folders' registries
	includeHidden  bool
	// draws are the repertoires of the formats the run may write (a
	// build's, a render's, or for validate and lint, which check for the
	// build, the default formats'): characters outside one are errors.
	draws       []check.Repertoire
	notes       []string // about the set-up, for the user: a font the PDF cannot take
	font        *ownFont // the organisation's typeface, for the glyph check; nil for Liberation Sans
	formats     []Format
	creator     string
	fingerprint string
	// reused are the documents loaded and composed recently, so that a
	// packet takes its parts from the build rather than again (reuse.go).
	reused reuse
}

// New prepares the pipeline: it parses the templates and prepares the
// renderers of the formats asked for, so that a broken template or
// reference file fails before any document is read.
func New(cfg Config) (*Pipeline, error) {
	kinds := cfg.Kinds
	if kinds == nil {
		kinds = kind.Default()
	}
	prof := style.Default()
	var notes []string
	if cfg.Profile != nil {
		prof = *cfg.Profile
	} else if cfg.ReferenceDOCX != "" {
		// The organisation's Word template sets the look of the PDF too,
		// so that the formats still look alike.
		refs := DefaultTable().WithReference()
		if len(refs) == 0 {
			return nil, fmt.Errorf("reference document %s: no format takes one", cfg.ReferenceDOCX)
		}
		var err error
		if prof, notes, err = refs[0].Reference.Profile(cfg.ReferenceDOCX, prof); err != nil {
			return nil, fmt.Errorf("reference %s %s: %w", refs[0].Name, cfg.ReferenceDOCX, err)
		}
	}
	font, err := useFont(&prof, cfg.Font)
	if err != nil {
		return nil, err
	}
	formats := cfg.Formats
	if formats == nil {
		formats = Formats()
	}
	copts := []compose.Option{compose.WithKinds(kinds)}
	if cfg.TemplateDir != "" {
		copts = append(copts, compose.WithTemplateDir(cfg.TemplateDir))
	}
	c, err := compose.New(copts...)
	if err != nil {
		return nil, err
	}
	rules := cfg.Lint
	if rules == nil {
		// The built-in rules and those the kinds bring (Kind.Rules).
		if rules, err = lint.ForKinds(kinds); err != nil {
			return nil, err
		}
	}
	p := &Pipeline{
		kinds:     kinds,
		lint:      rules,
		info:      cfg.Info,
		loader:    load.New(kinds, load.WithRoots(cfg.Roots...), load.WithMetadata(cfg.Metadata...)),
		composer:  c,
		renderers: map[string]doc.Renderer{},
		formats:   formats,
		creator:   "underlag " + cfg.Version,
		notes:     notes,
	}
	p.includeHidden = cfg.IncludeHidden
	checked := formats
	if len(formats) == 0 {
		checked, _ = ParseFormats("")
	}
	for _, f := range checked {
		if f.Draws != nil {
			p.draws = append(p.draws, font.repertoire(f))
		}
	}
	ref := ""
	for _, f := range formats {
		r, err := f.New(cfg, prof)
		if err != nil {
			return nil, ownFontError(fmt.Errorf("prepare %s: %w", f.Name, err))
		}
		p.renderers[f.Name] = r
	}
	if cfg.ReferenceDOCX != "" {
		data, err := confine.ReadFile(confine.Dir(cfg.ReferenceDOCX), cfg.ReferenceDOCX, docx.MaxReference)
		if err != nil {
			return nil, fmt.Errorf("reference docx: %w", err)
		}
		s := sha256.Sum256(data)
		ref = hex.EncodeToString(s[:])
	}
	// The version is in the fingerprint because the outputs carry it (as
	// their creator) and a new version may render differently.
	fprof := prof
	fprof.Fonts = nil // by its files' hash, not its address
	p.fingerprint = fingerprint(cfg.Version, c.Hash(), fmt.Sprintf("%#v", fprof), ref, font.hash(), fmt.Sprint(cfg.Metadata))
	p.font = font
	return p, nil
}

func fingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		io.WriteString(h, p)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Fingerprint identifies everything besides the data that shapes the
// outputs: the tool version, the templates, the style profile and a
// reference DOCX. A build records it, and rebuilds everything when it
// changes.
func (p *Pipeline) Fingerprint() string { return p.fingerprint }

// Notes say what of the set-up could not be done as asked, in one line
// each: a reference document's font the PDF cannot embed.
func (p *Pipeline) Notes() []string { return p.notes }

// Formats are the formats the pipeline was prepared for, in table order.
func (p *Pipeline) Formats() []Format { return p.formats }

// Kinds is the table of kinds the pipeline reads.
func (p *Pipeline) Kinds() *kind.Registry { return p.kinds }

// Find lists the data files (*.yaml, *.yml) under the given files and
// directories, sorted, without duplicates.
func (p *Pipeline) Find(paths []string) ([]string, error) {
	files, _, err := p.Walk(paths, "")
	return files, err
}

// Registry reports whether a data file is read by documents rather than
// being one: a registry (organisation.yaml, ordlista.yaml, personer.yaml)
// or a kind its organisation profile defines in data (dokumenttyper:). It
// reads only the profile, which is cached, never the file itself.
func (p *Pipeline) Registry(path string) bool {
	if slices.Contains(model.RegistryFiles, filepath.Base(path)) {
		return true
	}
	reg, _ := p.loader.Registries(filepath.Dir(path))
	o := reg.Organisation
	if o == nil || o.Source == nil {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, k := range o.Kinds {
		def := k
		if !filepath.IsAbs(def) {
			def = filepath.Join(filepath.Dir(o.Source.Path), filepath.FromSlash(def))
		}
		if d, err := filepath.Abs(def); err == nil && d == abs {
			return true
		}
	}
	return false
}

// Doc is a loaded and checked document, ready to compose.
type Doc struct {
	in load.Input
	// reused is the build's entry of the document when it was loaded
	// through the build's recent documents (reuse.go), nil otherwise.
	reused *reused
}

// Source is the file the document was loaded from, as given.
func (d *Doc) Source() string { return d.in.Doc.Base().Source.Path }

// Model is the document's data.
func (d *Doc) Model() model.Document { return d.in.Doc }

// Kind is the document's entry in the table of kinds.
func (d *Doc) Kind() *kind.Kind { return d.in.Kind }

// Deps are the files besides the source that the document's outputs depend
// on (see load.Input.Deps).
func (d *Doc) Deps() []string { return d.in.Deps }

// OutputName is the descriptive name of the document by its kind's
// file-name rule, such as "2024-11-20-hsn-1203-2024-tjansteskrivelse".
func (d *Doc) OutputName() string { return d.in.Kind.OutputName(d.in.Doc) }

// Load loads one file with everything it is made from and checks it. It
// returns the document when there are no errors; nil with no errors means
// the file is a registry, which has no output of its own (its own checks
// are in the list).
//
// A pipeline that renders loads each file once per content for as long as
// it is among the recent documents (reuse.go), and so returns the same
// *Doc again; the diagnostics are each caller's own copy.
func (p *Pipeline) Load(path string) (*Doc, diag.List) {
	fresh := func() (*Doc, diag.List) {
		in, diags := p.loader.Document(path)
		return p.checked(in, diags)
	}
	if len(p.formats) == 0 {
		return fresh() // validate and lint: nothing is built twice
	}
	return p.loadOnce(path, fresh)
}

// checked checks a loaded input; see Load.
func (p *Pipeline) checked(in load.Input, diags diag.List) (*Doc, diag.List) {
	switch {
	case in.Doc != nil:
		// A file that did not load has nothing to check; one whose
		// registries or directive had errors is still checked, so that
		// every problem is reported in one run.
		var own func(*check.Checker, model.Document)
		if in.Kind != nil {
			own = in.Kind.Check
		}
		diags = append(diags, check.Document(in.Doc, in.Registries, in.Directive, own)...)
		diags = append(diags, p.glyphs(in.Doc, in.Registries)...)
		diags = append(diags, p.review(p.lint.Document(in))...)
	case in.Registries != nil:
		diags = append(diags, check.Registries(in.Registries)...)
		diags = append(diags, check.RegistryGlyphs(in.Registries, p.draws...)...)
		diags = append(diags, p.lint.Profile(in.Registries.Organisation, p.kinds)...)
		diags = append(diags, p.checkPage(in.Registries.Organisation)...)
	}
	diags = withExcerpts(diags, in)
	if in.Doc == nil || diags.HasErrors() {
		return nil, diags
	}
	return &Doc{in: in}, diags
}

// Compose composes a loaded document with its template into the document
// tree. Diagnostics of severity Warning come with a tree; an Error means
// none could be made. A document that Load took from the build's recent
// documents is composed once, and its tree is shared: nothing may change
// a tree after Compose.
func (p *Pipeline) Compose(d *Doc) (*doc.Document, diag.List) {
	return p.composeOnce(d, func() (*doc.Document, diag.List) { return p.composeAs(d, d.in.Kind, d.in.Doc) })
}

// composeAs composes a loaded document as the kind k with the model value
// m: a meeting's protocol and extracts are the meeting's file composed as
// another kind (see meeting.go). Its trees are not kept for reuse.
func (p *Pipeline) composeAs(d *Doc, k *kind.Kind, m model.Document) (*doc.Document, diag.List) {
	var logo []byte
	if d.in.Logo != nil {
		logo = d.in.Logo.Data
	}
	c, err := p.composerFor(d)
	if te, ok := compose.AsTemplateError(err); ok {
		return nil, diag.List{{File: te.File, Line: te.Line, Col: te.Col, Msg: te.Msg}}
	}
	if err != nil {
		return nil, diag.List{{File: d.Source(), Path: "mallar", Msg: err.Error()}}
	}
	if gd := p.templateGlyphs(c, d); len(gd) > 0 {
		return nil, gd
	}
	var images map[string][]byte
	for ref, a := range d.in.Images {
		if images == nil {
			images = map[string][]byte{}
		}
		images[ref] = a.Data
	}
	t, diags := c.Compose(compose.Input{
		Doc: m, Kind: k, Registries: d.in.Registries, Directive: d.in.Directive,
		Logo: logo, Images: images, Creator: p.creator, Refs: d.in.Refs,
	})
	if t == nil && !diags.HasErrors() {
		diags.Add(diag.Diagnostic{File: d.Source(), Msg: "compose made no document"})
	}
	return t, diags
}

// overlay is an organisation's composer, made once.
type overlay struct {
	once sync.Once
	c    *compose.Composer
	err  error
}

// composerFor is the composer of a document: the base templates, with its
// organisation's own templates folder laid over them when it has one. Each
// folder is parsed once per pipeline, however many documents use it; an
// organisation's templates never reach another organisation's documents.
func (p *Pipeline) composerFor(d *Doc) (*compose.Composer, error) {
	dir := d.in.TemplateDir
	k := d.in.Kind
	// A kind defined in data may bring its template from beside its
	// definition; the built-in kinds' are in the base composer.
	own := k != nil && k.Templates != nil && k.Type != nil
	if dir == "" && !own {
		return p.composer, nil
	}
	key := dir
	if own {
		key += "\x00" + string(k.Name)
	}
	v, _ := p.overlays.LoadOrStore(key, &overlay{})
	o := v.(*overlay)
	o.once.Do(func() {
		var extra map[string][]byte
		if own {
			b, err := fs.ReadFile(k.Templates, k.Template)
			if err != nil {
				o.err = fmt.Errorf("read the template of %s: %w", k.Name, err)
				return
			}
			extra = map[string][]byte{k.Template: b}
		}
		o.c, o.err = p.composer.Overlay(dir, d.in.Templates, extra)
	})
	return o.c, o.err
}

// pageRenderer is a renderer that also tells how many pages it wrote, as
// the PDF renderer does.
type pageRenderer interface {
	RenderPages(w io.Writer, d *doc.Document) (pages int, err error)
}

// Render writes the tree in the named format; pages is the page count
// where the format knows it (PDF), else 0. A block the format's renderer
// has no function for is a *doc.UnknownBlockError that names the format.
func (p *Pipeline) Render(w io.Writer, format string, t *doc.Document) (pages int, err error) {
	r, ok := p.renderers[format]
	if !ok {
		return 0, fmt.Errorf("render: the pipeline was not prepared for format %q", format)
	}
	if pr, ok := r.(pageRenderer); ok {
		pages, err = pr.RenderPages(w, t)
		if err == nil {
			err = t.Meta.Numbering.Check(pages)
		}
	} else {
		err = r.Render(w, t)
	}
	return pages, nameFormat(err, format)
}

// nameFormat sets the format's name on an unknown-block error, which a
// renderer leaves empty: the table names formats, not the renderers.
func nameFormat(err error, format string) error {
	var ue *doc.UnknownBlockError
	if errors.As(err, &ue) && ue.Format == "" {
		ue.Format = format
	}
	return err
}

// Validate loads, checks and composes one file, as a build would, and
// returns every problem found; the tree is thrown away.
func (p *Pipeline) Validate(path string) (diags diag.List) {
	defer func() {
		if r := recover(); r != nil {
			diags = append(diags, diag.Diagnostic{File: path, Msg: fmt.Sprintf("internal error while checking this file (please report it, with the file): %v", r)})
		}
	}()
	d, diags := p.Load(path)
	if d == nil {
		return diags
	}
	_, cd := p.Compose(d)
	return append(diags, cd...)
}

// ValidateAll validates files in parallel with jobs workers (0: one per
// CPU) and returns every diagnostic once, sorted: a broken directive is
// reported by itself and by every memo that refers to it, but listed once.
func (p *Pipeline) ValidateAll(files []string, jobs int) diag.List {
	results := make([]diag.List, len(files))
	Parallel(len(files), jobs, func(i int) { results[i] = p.Validate(files[i]) })
	return Unique(results...)
}

// Unique merges lists of diagnostics into one, each diagnostic once,
// sorted by file and position.
func Unique(lists ...diag.List) diag.List {
	var all diag.List
	seen := map[diag.Diagnostic]bool{}
	for _, l := range lists {
		for _, d := range l {
			if !seen[d] {
				seen[d] = true
				all = append(all, d)
			}
		}
	}
	all.Sort()
	return all
}

// Schema is the JSON Schema of the data files the pipeline reads: its
// kinds and the registries.
func (p *Pipeline) Schema() ([]byte, error) { return schema.JSON(p.kinds) }

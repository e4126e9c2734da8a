// Package kind is the table of document kinds: for each kind, in one
// place, its model type, its template, its checks, its template functions,
// its review rules, its file-name rule and what it refers to. Every stage
// asks this table instead of switching on the kind, so that adding a kind
// is one file for its model, one for its template and one registration
// (see docs/architecture.md).
//
// A built-in kind's files are all here, named for the kind: memo.go,
// directive.go, status.go (the entry and its checks), statusfuncs.go (its
// template functions and the lateness they compute), and <kind>rules.go
// (its review rules). Only these files assert a document to the kind's
// model type. The package imports model, doc, date, diag and check, never
// compose, lint or load: those import kind, and implement the Builder and
// Reporter that a kind's functions and rules use.
//
// A Registry is a value, not a global: Default returns a new one holding
// the built-in kinds, a test or an organisation adds its own with
// Register, and the pipeline is made with the registry it should use. Once
// the pipeline has it, it is read-only and safe to share across goroutines.
package kind

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// TimelineOptions are what a template asks of a timeline.
type TimelineOptions struct {
	// Style is how the dates beside the marks are printed.
	Style date.Style
}

// Kind describes one kind of document.
type Kind struct {
	// Name is the value of the files' `typ` key, such as "tjänsteskrivelse";
	// it is also the label key of the kind's printed name.
	Name model.Kind
	// Label is the kind as the header prints it ("Projektbeställning")
	// when the labels (etiketter.yaml) have no entry for Name; "" for the
	// name with a capital first letter.
	Label string
	// Doc says in one line what the kind is, for the schema and --help.
	Doc string
	// New returns a new, empty model value of the kind: a pointer to a
	// struct that embeds model.Common. The loader decodes files into it,
	// and the schema is generated from its type.
	New func() model.Document
	// Type and Wrap are for kinds whose fields are known only at run time
	// (a kind an organisation defines in data): files decode into a value
	// of Type, and Wrap turns a pointer to it into the document. nil for
	// the built-in kinds, whose documents decode into what New returns.
	Type reflect.Type
	Wrap func(v reflect.Value) model.Document
	// Template is the file name of the kind's default template, such as
	// "tjansteskrivelse.md.tmpl". A document may ask for another with
	// `mall:`; a template directory may override it file by file.
	Template string
	// Templates holds the template when it is not one of the embedded
	// defaults: a kind added by a test or an organisation brings its own.
	// nil for the built-in kinds.
	Templates fs.FS
	// Check runs the kind's own checks; nil for none. What all documents
	// share (signers, definitions, extra sections, text) is checked for
	// every kind.
	Check func(c *check.Checker, d model.Document)
	// Requires lists the fields, as yaml paths ("tidplan",
	// "organisation.uppdragsledare"), that a document of the kind must have
	// before it goes to a committee, beyond the keys the loader needs to
	// read it at all. The completeness rule of generator/lint reports each
	// one that is missing or empty, as an error; an organisation profile
	// may add more (granskning.kräver).
	Requires []string
	// Files lists the files a document refers to besides its directive
	// (attachments of a decision basis, say), for the loader to confirm
	// that each is a regular file inside the data root; nil for none.
	Files func(d model.Document) []model.FileRef
	// Funcs returns the template functions the kind brings, bound to one
	// Compose call (see Builder); nil for none. The composer offers them
	// to every template beside its own, so a name the composer or another
	// kind already uses is an error when the composer is made. Funcs must
	// not use b until one of its functions runs: the composer also calls
	// it with an unbound Builder to learn the names when it parses.
	Funcs func(b Builder) FuncMap
	// Timeline builds the kind's timeline for the template function
	// tidslinje: its rows and marks (see doc.Timeline); the composer adds
	// the legend, the alternative text and the caption, the same for every
	// kind. nil for none: a kind defined in data draws its date tables.
	Timeline func(b Builder, d model.Document, o TimelineOptions) *doc.Timeline
	// Rules are the review rules the kind brings (see Rule); generator/lint
	// runs them for documents of this kind only.
	Rules []Rule
	// Cites lists the documents a document of the kind names by title
	// (a memo's decision basis), for the review rules that compare
	// documents with each other; nil for none.
	Cites func(d model.Document) []Citation
	// FieldLabel is the heading a kind defined in data gives one of its
	// fields, for the facts table; nil for none.
	FieldLabel func(key string) (string, bool)
	// FileName is the descriptive part of an output name for a document
	// of this kind, such as "2024-11-20-hsn-1203-2024-tjansteskrivelse",
	// for builds that ask for descriptive names; nil for the default rule
	// (date, case number, kind).
	FileName func(d model.Document) string
}

// Registry is a table of kinds.
type Registry struct {
	kinds  []*Kind
	byName map[model.Kind]*Kind
	byType map[reflect.Type]*Kind
}

// NewRegistry returns a registry of the given kinds.
func NewRegistry(ks ...Kind) (*Registry, error) {
	r := &Registry{byName: map[model.Kind]*Kind{}, byType: map[reflect.Type]*Kind{}}
	for _, k := range ks {
		if err := r.Register(k); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Default returns a new registry holding the built-in kinds:
// uppdragsdirektiv, tjänsteskrivelse, statusrapport and sammanträde.
func Default() *Registry {
	r, err := NewRegistry(Directive(), Memo(), StatusReport(), Meeting())
	if err != nil {
		panic("kind: built-in kinds: " + err.Error()) // a programming error, caught by every test
	}
	return r
}

// Register adds a kind. It must be called before the registry is shared.
func (r *Registry) Register(k Kind) error {
	switch {
	case k.Name == "":
		return fmt.Errorf("register kind: no name")
	case k.New == nil:
		return fmt.Errorf("register kind %s: no model type (New)", k.Name)
	case k.Template == "":
		return fmt.Errorf("register kind %s: no template", k.Name)
	}
	for _, rk := range model.RegistryKinds {
		if k.Name == rk {
			return fmt.Errorf("register kind %s: the name is a registry's", k.Name)
		}
	}
	if _, dup := r.byName[k.Name]; dup {
		return fmt.Errorf("register kind %s: already registered", k.Name)
	}
	v := k.New()
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("register kind %s: New must return a pointer to a struct, not %T", k.Name, v)
	}
	if _, ok := t.Elem().FieldByName("Common"); !ok {
		return fmt.Errorf("register kind %s: %s does not embed model.Common", k.Name, t.Elem())
	}
	_, named := v.(interface{ KindName() model.Kind })
	if _, dup := r.byType[t]; dup && !named {
		return fmt.Errorf("register kind %s: type %s is already another kind's", k.Name, t)
	}
	kk := k
	r.kinds = append(r.kinds, &kk)
	r.byName[k.Name] = &kk
	if !named {
		r.byType[t] = &kk
	}
	return nil
}

// Lookup returns the kind with the given name.
func (r *Registry) Lookup(name model.Kind) (*Kind, bool) {
	k, ok := r.byName[name]
	return k, ok
}

// Of returns the kind of a document by its Go type, whatever its `typ`
// field says (a document made in code may leave it empty).
func (r *Registry) Of(d model.Document) (*Kind, bool) {
	if d == nil {
		return nil, false
	}
	if n, ok := d.(interface{ KindName() model.Kind }); ok {
		return r.Lookup(n.KindName())
	}
	k, ok := r.byType[reflect.TypeOf(d)]
	return k, ok
}

// Clone returns a registry with the same kinds, to which more can be
// added without changing r: a data tree's own kinds on top of the
// built-in ones.
func (r *Registry) Clone() *Registry {
	c := &Registry{byName: map[model.Kind]*Kind{}, byType: map[reflect.Type]*Kind{}}
	c.kinds = append(c.kinds, r.kinds...)
	for k, v := range r.byName {
		c.byName[k] = v
	}
	for k, v := range r.byType {
		c.byType[k] = v
	}
	return c
}

// DecodeType is the type files of the kind decode into.
func (k *Kind) DecodeType() reflect.Type {
	if k.Type != nil {
		return k.Type
	}
	return reflect.TypeOf(k.New()).Elem()
}

// PrintedName is the kind as a header prints it when the labels do not
// name it.
func (k *Kind) PrintedName() string {
	if k.Label != "" {
		return k.Label
	}
	return model.Capitalise(string(k.Name))
}

// All lists the kinds in the order they were registered.
func (r *Registry) All() []*Kind { return r.kinds }

// Names lists the kinds' names in the order they were registered.
func (r *Registry) Names() []string {
	out := make([]string, len(r.kinds))
	for i, k := range r.kinds {
		out[i] = string(k.Name)
	}
	return out
}

// DescriptiveName is the default file-name rule: the document's date,
// case number and kind, as far as they are known, lower case with
// hyphens; "" for an empty document.
func DescriptiveName(d model.Document, k model.Kind) string {
	b := d.Base()
	var parts []string
	for _, p := range []string{b.Date.ISO(), b.CaseNumber.First(), string(k)} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "-")
}

// OutputName returns the descriptive file name of a document by its
// kind's rule.
func (k *Kind) OutputName(d model.Document) string {
	if k.FileName != nil {
		return k.FileName(d)
	}
	return DescriptiveName(d, k.Name)
}

package kind

import (
	"text/template"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// A kind brings its own template functions, as a goldmark extension brings
// a node kind with its parser and renderer: Kind.Funcs returns them bound
// to a Builder, the one Compose call of generator/compose that runs the
// template. The status report's functions (status, aktivitetsstatus, …)
// live beside the status kind this way (statusfuncs.go), and a kind added
// by a test or an organisation brings its own the same way.
//
// The layout keeps imports acyclic: kind imports model, doc, date, diag
// and check, never compose, lint or load; compose implements Builder and
// lint implements Reporter, and both import kind.

// FuncMap is the template functions a kind brings, by name.
type FuncMap = template.FuncMap

// Markup is Markdown a template function built and vouches for: escaped
// text, or the placeholder Builder.Place returns for finished blocks. The
// composer prints it as it is; any other value a template prints is
// escaped first.
type Markup string

// Builder is what a kind's template functions build with: one Compose
// call, for one document. generator/compose implements it. A Builder is
// used by one goroutine at a time.
type Builder interface {
	// Place stores finished blocks and returns the placeholder that
	// stands for them in the template's output; nil blocks are dropped,
	// and no blocks at all print nothing.
	Place(bs ...doc.Block) Markup
	// Markdown parses a Markdown field of the data into blocks.
	Markdown(s string) []doc.Block
	// Label is the text of a label key (etiketter.yaml, overridden by the
	// organisation and the document); the key itself when there is none.
	Label(key string) string
	// Table is a table with a header row of label keys and columns of the
	// given relative widths; nil when there are no rows, so that Place
	// drops it.
	Table(widths []float64, headerKeys []string, rows []doc.Row) doc.Block
	// NameTitle is a person, resolved against the people registry, as
	// "Name, Title".
	NameTitle(p model.Person) string
	// Directive is the directive the document refers to; nil when none.
	Directive() *model.Directive
	// Person is a person resolved against the people registry.
	Person(p model.Person) model.Person
	// Ref is the document a reference field names (a model.DocRef at a
	// yaml path such as "ärenden[0].handling"), as the loader read it;
	// nil when the field is empty or did not resolve.
	Ref(path string) *model.Referenced
	// Errorf and Warnf report a problem at a field of the document's data
	// (a yaml path such as "aktiviteter[2].id").
	Errorf(path, format string, args ...any)
	Warnf(path, format string, args ...any)
}

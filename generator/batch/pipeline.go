package batch

import (
	"io"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
)

// Pipeline is what a batch needs of the pipeline: *pipeline.Pipeline is
// one. Tests give a batch one whose composing and rendering are their own,
// to count calls and to make a document fail on purpose.
type Pipeline interface {
	// Find lists the data files under files and directories, sorted.
	Find(paths []string) ([]string, error)
	// Registry reports whether a file is read by documents rather than
	// being one: the registries, and the kinds a profile defines in data.
	Registry(path string) bool
	// Load loads and checks a file; nil with no errors is a registry.
	Load(path string) (*pipeline.Doc, diag.List)
	// Compose makes the document tree of a loaded document.
	Compose(d *pipeline.Doc) (*doc.Document, diag.List)
	// Render writes the tree in a format the pipeline was prepared for.
	Render(w io.Writer, format string, t *doc.Document) (pages int, err error)
	// Formats are the formats the pipeline was prepared for.
	Formats() []pipeline.Format
	// Fingerprint changes whenever the outputs of unchanged data would.
	Fingerprint() string
}

var _ Pipeline = (*pipeline.Pipeline)(nil)

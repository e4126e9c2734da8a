package pipeline

import (
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/load"
)

// MaxFileSize is the largest data file the pipeline reads; a caller that
// reads a stream (standard input) reads at most one byte more, so that the
// loader can say the file is too large.
const MaxFileSize = load.MaxFileSize

// LoadBytes is Load for a document already in memory, such as one read
// from standard input. name stands for the file in messages and places
// it: registries are found from name's directory, and references
// (directive, logo, images) resolve against it, so a name without a
// directory, such as "<stdin>", resolves them against the working
// directory.
func (p *Pipeline) LoadBytes(name string, data []byte) (*Doc, diag.List) {
	in, diags := p.loader.DocumentBytes(name, data)
	return p.checked(in, diags)
}

package stack

import (
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx"
	"github.com/underlag/underlag/generator/style"
)

// newDOCX prepares the DOCX renderer, with the styles of a reference Word
// file when one is given.
func newDOCX(p style.Profile, reference string) (doc.Renderer, error) {
	var opts []docx.Option
	if reference != "" {
		opts = append(opts, docx.WithReference(reference))
	}
	return docx.New(p, opts...)
}

package pipeline

import (
	"io"

	"github.com/underlag/underlag/generator/docx"
	"github.com/underlag/underlag/generator/style"
)

// WriteReferenceDOCX writes underlag's own reference document for Word:
// every style the DOCX output uses, each shown by its name, to restyle in
// Word and give back with --reference-docx (see docs/word-styles.md).
func WriteReferenceDOCX(w io.Writer) error {
	return docx.WriteReference(w, style.Default())
}

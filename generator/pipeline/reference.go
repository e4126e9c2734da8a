package pipeline

import (
	"fmt"
	"io"
)

// WriteReferenceDOCX writes underlag's own reference document for Word:
// every style the DOCX output uses, each shown by its name, to restyle in
// Word and give back with --reference-docx (see docs/word-styles.md). It
// is the reference of the first format in the table that takes one.
func WriteReferenceDOCX(w io.Writer) error {
	refs := DefaultTable().WithReference()
	if len(refs) == 0 {
		return fmt.Errorf("no format takes a reference document")
	}
	return refs[0].Reference.Write(w)
}

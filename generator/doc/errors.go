package doc

import "fmt"

// UnknownBlockError is what every renderer returns for a block it has no
// function for: a Kind added to the tree but not yet to that renderer's
// table (Funcs), or a Block implemented outside this package. One type,
// made in one place (Funcs.Func), so that a caller handles the failure the
// same way whichever format it asked for, and so that no renderer can
// quietly leave a block out.
//
// A renderer does not name itself: the pipeline, which holds the table of
// formats, sets Format to the format's name before it returns the error.
type UnknownBlockError struct {
	Format string // the format's name in the table of formats; empty straight from a renderer
	Block  Block  // the block that could not be rendered
}

func (e *UnknownBlockError) Error() string {
	if e.Format == "" {
		return fmt.Sprintf("cannot render block kind %v (%T)", e.Block.Kind(), e.Block)
	}
	return fmt.Sprintf("%s: cannot render block kind %v (%T)", e.Format, e.Block.Kind(), e.Block)
}

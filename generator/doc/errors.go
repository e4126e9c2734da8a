package doc

import "fmt"

// UnknownBlockError is what every renderer returns for a block it has no
// function for: a Kind added to the tree but not yet to that renderer's
// table, or a Block implemented outside this package. One type, so that a
// caller handles the failure the same way whichever format it asked for,
// and so that no renderer can quietly leave a block out.
type UnknownBlockError struct {
	Format string // the renderer: "pdf", "docx", "markdown"
	Block  Block  // the block that could not be rendered
}

func (e *UnknownBlockError) Error() string {
	return fmt.Sprintf("%s: cannot render block kind %v (%T)", e.Format, e.Block.Kind(), e.Block)
}

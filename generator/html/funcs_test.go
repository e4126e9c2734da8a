package html

import (
	"testing"

	"github.com/underlag/underlag/generator/doc"
)

// TestFuncsCoverEveryKind checks that the renderer registers a function
// for every block kind of the tree: a kind added to doc fails here until
// the web page draws it.
func TestFuncsCoverEveryKind(t *testing.T) {
	t.Parallel()
	var funcs doc.Funcs[BlockFunc]
	registerFuncs(&funcs)
	if missing := funcs.Missing(); len(missing) > 0 {
		t.Errorf("no function for %v", missing)
	}
}

package batch

import (
	"fmt"
	"runtime/debug"

	"github.com/underlag/underlag/generator/diag"
)

// buildSafely is build, with a panic in any stage (a renderer meeting
// input no test foresaw) turned into a failed document, so that one
// document never takes the others of the build down with it. Go's fatal
// errors (out of memory) cannot be recovered: the loader's and composer's
// limits keep input from reaching them.
func (b *batch) buildSafely(it *item) (r *Result) {
	defer func() {
		if p := recover(); p != nil {
			r = &Result{Source: it.src, File: it.file, Status: Failed}
			r.Diagnostics.Add(diag.Diagnostic{File: it.file,
				Msg:  fmt.Sprintf("internal error while building this document (please report it, with the file): %v", p),
				Hint: firstFrames(debug.Stack())})
		}
	}()
	return b.build(it)
}

// firstFrames keeps the top of a stack trace: enough for a report, not a
// screenful.
func firstFrames(stack []byte) string {
	const max = 1500
	if len(stack) > max {
		stack = stack[:max]
	}
	return string(stack)
}

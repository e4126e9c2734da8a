package compose

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
	"text/template/parse"
	"time"
)

// A template is code an organisation writes, run for every document; these
// limits keep one from running for ever or filling memory, and each is an
// error at the template's line and column.
const (
	// MaxTemplateTime is how long one document's template may run. A real
	// template runs in milliseconds; {{ range 10000000000 }} would run for
	// hours.
	MaxTemplateTime = 10 * time.Second
	// MaxTemplateOutput is the most Markdown one template run may write:
	// thousands of pages of text, where {{ range 1000000000 }}ord {{ end }}
	// would take every byte of memory.
	MaxTemplateOutput = 8 << 20
)

// tickName is the function limitTemplate calls at the start of every
// template and every iteration of a range, where the limits are checked.
const tickName = "_tick"

// limits watches one document's template run, its partials and
// furniture templates included: its deadline and its output.
type limits struct {
	deadline time.Time
	limit    time.Duration
	written  int // bytes written by every template of the run
	calls    int
	hit      error // the limit reached, for the message
}

func newLimits(d time.Duration) *limits {
	return &limits{deadline: time.Now().Add(d), limit: d}
}

// WithTimeLimit sets how long one document's template may run, in place
// of MaxTemplateTime.
func WithTimeLimit(d time.Duration) Option { return func(c *config) { c.timeLimit = d } }

// funcs are the functions the limits need: _tick, and printf in place of
// the built-in one, which would print Go's %!(BADWIDTH) markers into the
// document rather than fail.
func (l *limits) funcs() template.FuncMap {
	return template.FuncMap{tickName: l.tick, "printf": printf}
}

// tick fails once the run is past its deadline or its output past its
// limit. The clock is read every 1024 calls: cheap, and still within
// milliseconds of the deadline.
func (l *limits) tick() (safe, error) {
	l.calls++
	if l.written > MaxTemplateOutput {
		l.hit = fmt.Errorf("the template wrote more than %d MB, the limit for one document: does this range run too many times?", MaxTemplateOutput>>20)
		return "", l.hit
	}
	if l.calls%1024 == 0 && time.Now().After(l.deadline) {
		l.hit = fmt.Errorf("the template ran for more than %s, the limit for one document: does this range run too many times?", l.limit)
		return "", l.hit
	}
	return "", nil
}

// cappedWriter counts what the templates of a run write and fails a write
// past twice MaxTemplateOutput: the last guard, for output written without
// a range; tick reports the common case first, with the range's position.
type cappedWriter struct {
	b   *bytes.Buffer
	lim *limits
}

func (w cappedWriter) Write(p []byte) (int, error) {
	if w.lim.written+len(p) > 2*MaxTemplateOutput {
		return 0, fmt.Errorf("the template wrote more than %d MB; that is the limit for one document", MaxTemplateOutput>>20)
	}
	w.lim.written += len(p)
	return w.b.Write(p)
}

// fmtMarker is a mark Go's fmt prints for a format that does not fit its
// arguments: %!(BADWIDTH), %!d(string=x), %!v(MISSING), %!(EXTRA …).
var fmtMarker = regexp.MustCompile(`%!\w*\([^)]*\)?`)

// printf is fmt.Sprintf that fails where fmt would print a marker.
func printf(format string, args ...any) (string, error) {
	s := fmt.Sprintf(format, args...)
	if !strings.Contains(s, "%!") {
		return s, nil
	}
	given := strings.Count(format, "%!")
	for _, a := range args {
		given += strings.Count(fmt.Sprint(a), "%!")
	}
	if strings.Count(s, "%!") > given {
		mark := fmtMarker.FindString(s)
		return "", fmt.Errorf("the format %q does not fit its arguments: Go prints %s (a width or precision above 1000000, a verb for another type, an argument missing or left over)", format, mark)
	}
	return s, nil
}

// limitTemplate adds a call of _tick at the start of every template of t
// and of the body of every range, so that the limits are checked while the
// template runs, however it loops.
func limitTemplate(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			addTicks(tt.Tree.Root)
			tt.Tree.Root.Nodes = append([]parse.Node{tickAction(tt.Tree.Root.Pos, 0)}, tt.Tree.Root.Nodes...)
		}
	}
}

func addTicks(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			addTicks(c)
		}
	case *parse.IfNode:
		addTicks(n.List)
		addTicks(n.ElseList)
	case *parse.WithNode:
		addTicks(n.List)
		addTicks(n.ElseList)
	case *parse.RangeNode:
		addTicks(n.List)
		addTicks(n.ElseList)
		if n.List != nil {
			n.List.Nodes = append([]parse.Node{tickAction(n.Pos, n.Line)}, n.List.Nodes...)
		}
	}
}

// tickAction is {{ _tick }} at pos: an error it returns is reported at
// pos, the range's.
func tickAction(pos parse.Pos, line int) *parse.ActionNode {
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Line: line, Pipe: &parse.PipeNode{
		NodeType: parse.NodePipe, Pos: pos, Line: line,
		Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos,
			Args: []parse.Node{parse.NewIdentifier(tickName).SetTree(nil).SetPos(pos)}}},
	}}
}

// TemplateError is a template that does not parse, at its file, line and
// column.
type TemplateError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *TemplateError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// A template that does not parse is reported by parseError (tmplerr.go)
// in the compiler form, and fails only the documents that use it.

// displayPath is a template's path as messages show it: relative to the
// working directory when it is below it, as the user typed the data tree.
func displayPath(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(rel) {
			return rel
		}
	}
	return p
}

// AsTemplateError finds a *TemplateError in err's chain.
func AsTemplateError(err error) (*TemplateError, bool) {
	var te *TemplateError
	ok := errors.As(err, &te)
	return te, ok
}

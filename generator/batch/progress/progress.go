// Package progress shows how a build is going: a bar redrawn in place on a
// terminal, one plain line per document in CI logs and pipes, or nothing;
// and the problems of each document as it finishes, so that nothing of a
// document need be kept until the end of a build.
package progress

import (
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"

	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/generator/diag"
)

// Mode is how progress is shown.
type Mode int

const (
	Quiet Mode = iota // no progress, and of the problems only errors
	Lines             // a line per document that is built or fails: for CI logs
	Bar               // a bar redrawn in place: for a terminal
)

// Choose picks the mode for a stream: quiet when asked, a bar on a
// terminal, lines otherwise (CI=true or output piped).
func Choose(quiet, terminal bool) Mode {
	switch {
	case quiet:
		return Quiet
	case terminal:
		return Bar
	}
	return Lines
}

// Reporter is a batch.Observer (and batch.Waiter) that writes progress and
// problems to w.
type Reporter struct {
	w     io.Writer
	mode  Mode
	total int
	n     [3]int // built, skipped, failed
	last  time.Time
	drawn bool
	now   func() time.Time
	// shown holds a hash of each problem shown: a problem of a file that
	// many documents draw on (a directive, a registry) is reported by
	// each of them and shown once. A hash, not the text, so that what is
	// kept per problem is a few bytes.
	shown map[uint64]bool
}

// New returns a Reporter writing to w in the given mode.
func New(w io.Writer, mode Mode) *Reporter {
	return &Reporter{w: w, mode: mode, now: time.Now, shown: map[uint64]bool{}}
}

// Waiting implements batch.Waiter.
func (r *Reporter) Waiting(out string) {
	if r.mode != Quiet {
		fmt.Fprintf(r.w, "waiting for another build to finish writing to %s …\n", out)
	}
}

// Start implements batch.Observer.
func (r *Reporter) Start(total int) {
	r.total = total
	if r.mode == Lines {
		fmt.Fprintf(r.w, "building %d documents\n", total)
	}
}

// Done implements batch.Observer.
func (r *Reporter) Done(res *batch.Result) {
	switch res.Status {
	case batch.Built:
		r.n[0]++
	case batch.Skipped:
		r.n[1]++
	case batch.Failed:
		r.n[2]++
	}
	problems := r.problems(res)
	switch r.mode {
	case Lines:
		if res.Status != batch.Skipped { // a CI log need not list what did not change
			var outs []string
			for _, o := range res.Outputs {
				outs = append(outs, o.Path)
			}
			line := fmt.Sprintf("%s %s", res.Status, res.Source)
			if len(outs) > 0 {
				line += " → " + strings.Join(outs, ", ")
			}
			fmt.Fprintln(r.w, line)
		}
		r.print(problems)
	case Bar:
		if len(problems) > 0 && r.drawn {
			io.WriteString(r.w, "\r\x1b[K") // clear the bar for the lines
			r.drawn = false
		}
		r.print(problems)
		done := r.n[0] + r.n[1] + r.n[2]
		// Redraw at most 20 times a second, at the end, and after lines.
		if t := r.now(); done == r.total || len(problems) > 0 || t.Sub(r.last) >= 50*time.Millisecond {
			r.last = t
			r.draw(done)
		}
	default:
		r.print(problems)
	}
}

// problems are the lines to show for a result: errors always, warnings
// unless quiet, each problem once.
func (r *Reporter) problems(res *batch.Result) []string {
	var out []string
	add := func(text string) {
		h := fnv.New64a()
		io.WriteString(h, text)
		if k := h.Sum64(); !r.shown[k] {
			r.shown[k] = true
			out = append(out, text)
		}
	}
	for _, d := range res.Diagnostics {
		if d.Severity == diag.Error || r.mode != Quiet {
			// The compiler form: the position and message, then the
			// source line with a caret and the hint, where there are.
			var b strings.Builder
			diag.Format(&b, d)
			add(strings.TrimSuffix(b.String(), "\n"))
		}
	}
	if r.mode != Quiet {
		// Warnings of a skipped document, kept from the build that made
		// it, so that they are not forgotten until the file changes.
		for _, w := range res.Warnings {
			add(w)
		}
	}
	return out
}

func (r *Reporter) print(lines []string) {
	for _, l := range lines {
		fmt.Fprintln(r.w, l)
	}
}

func (r *Reporter) draw(done int) {
	const width = 30
	fill := 0
	if r.total > 0 {
		fill = done * width / r.total
	}
	fmt.Fprintf(r.w, "\r[%s%s] %d/%d  built %d  skipped %d  failed %d",
		strings.Repeat("=", fill), strings.Repeat(" ", width-fill), done, r.total, r.n[0], r.n[1], r.n[2])
	r.drawn = true
}

// Finish ends the bar's line, so that what follows starts on a new line.
func (r *Reporter) Finish() {
	if r.mode == Bar && r.drawn {
		fmt.Fprintln(r.w)
		r.drawn = false
	}
}

// Summary writes the one-line summary of a build.
func Summary(w io.Writer, s *batch.Summary) {
	fmt.Fprintf(w, "built %d, skipped %d, failed %d in %s\n", s.Built, s.Skipped, s.Failed, s.Duration.Round(time.Millisecond))
}

// Package progress shows how a build is going: a bar redrawn in place on a
// terminal, one plain line per document in CI logs and pipes, or nothing.
package progress

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/underlag/underlag/generator/build"
)

// Mode is how progress is shown.
type Mode int

const (
	Quiet Mode = iota // nothing
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

// Reporter is a build.Observer that writes progress to w.
type Reporter struct {
	w     io.Writer
	mode  Mode
	total int
	n     [3]int // built, skipped, failed
	last  time.Time
	drawn bool
	now   func() time.Time
}

// New returns a Reporter writing to w in the given mode.
func New(w io.Writer, mode Mode) *Reporter {
	return &Reporter{w: w, mode: mode, now: time.Now}
}

// Start implements build.Observer.
func (r *Reporter) Start(total int) {
	r.total = total
	if r.mode == Lines {
		fmt.Fprintf(r.w, "building %d documents\n", total)
	}
}

// Done implements build.Observer.
func (r *Reporter) Done(res *build.Result) {
	switch res.Status {
	case build.Built:
		r.n[0]++
	case build.Skipped:
		r.n[1]++
	case build.Failed:
		r.n[2]++
	}
	switch r.mode {
	case Lines:
		if res.Status == build.Skipped {
			return // a CI log need not list what did not change
		}
		var outs []string
		for _, o := range res.Outputs {
			outs = append(outs, o.Path)
		}
		line := fmt.Sprintf("%s %s", res.Status, res.Source)
		if len(outs) > 0 {
			line += " → " + strings.Join(outs, ", ")
		}
		fmt.Fprintln(r.w, line)
	case Bar:
		done := r.n[0] + r.n[1] + r.n[2]
		// Redraw at most 20 times a second, and always at the end.
		if t := r.now(); done == r.total || t.Sub(r.last) >= 50*time.Millisecond {
			r.last = t
			r.draw(done)
		}
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
	}
}

// Summary writes the one-line summary of a build.
func Summary(w io.Writer, s *build.Summary) {
	fmt.Fprintf(w, "built %d, skipped %d, failed %d in %s\n", s.Built, s.Skipped, s.Failed, s.Duration.Round(time.Millisecond))
}

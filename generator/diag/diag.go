// Package diag holds the one error type every stage of underlag reports
// problems with: a position in a source file, the field it concerns and a
// message that says what would be valid.
//
// Loading, checking, composing and rendering all return diag.List so that a
// user sees every problem in a file at once, each as
//
//	file:line:col: field.path: message
//
// or, through Format, in the compiler style with the source line, a caret
// under the column and a hint.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity tells whether a diagnostic stops the document from being made.
type Severity int

const (
	// Error means the document cannot be produced.
	Error Severity = iota
	// Warning means the document is produced but something looks unfinished
	// (a placeholder such as "xxxx", an abbreviation that is not defined).
	Warning
	// Info is a note that needs no action (a definition the text never
	// uses); it never fails a run, not even a strict one.
	Info
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Info:
		return "info"
	}
	return "error"
}

// Diagnostic is one problem at one place. It holds only comparable fields,
// so that callers can use it as a map key to drop duplicates.
type Diagnostic struct {
	File     string   // path as the user gave it; empty when not tied to a file
	Line     int      // 1-based; 0 when unknown
	Col      int      // 1-based, in characters; 0 when unknown
	Path     string   // field path in the data, such as "tidplan[2].slut"
	Msg      string   // what is wrong and what would be valid
	Severity Severity // Error unless set
	Rule     string   // the review rule that found it (generator/lint), such as "placeholder"; "" for none

	// Hint says how to fix the problem, when there is a likely fix that
	// does not fit in Msg ("put a space after the colon: `titel: HSD`").
	Hint string
	// Excerpt is the text of line Line of File, without its line break,
	// when the stage that found the problem had the source at hand. Format
	// shows it with a caret under Col.
	Excerpt string
}

// Error formats the diagnostic on one line as file:line:col: path:
// message, leaving out the parts that are unknown, with the hint (if any)
// in parentheses at the end. The build report and the tests compare this
// line, so it never spans several lines; Format gives the long form.
func (d Diagnostic) Error() string {
	var b strings.Builder
	d.writeHead(&b, false)
	if d.Hint != "" {
		fmt.Fprintf(&b, " (hint: %s)", d.Hint)
	}
	return b.String()
}

// writeHead writes file:line:col: [severity: ]path: message [rule]. The
// one-line form names warnings and infos, not errors, as it always has;
// the compiler form names the severity always, as compilers do.
func (d Diagnostic) writeHead(b *strings.Builder, severity bool) {
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if severity || d.Severity != Error {
		b.WriteString(d.Severity.String())
		b.WriteString(": ")
	}
	if d.Path != "" {
		b.WriteString(d.Path)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	if d.Rule != "" {
		// The id is what a `# underlag:ignore` comment or the profile names.
		b.WriteString(" [" + d.Rule + "]")
	}
}

// List is a set of diagnostics. It is an error when it holds at least one
// diagnostic of severity Error.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Addf appends an error diagnostic at the given position.
func (l *List) Addf(file string, line, col int, path, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error, not a warning.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the diagnostics of severity Error.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns only the diagnostics of severity Warning.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders the list by file, line and column, keeping the order of
// diagnostics at the same place.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Error joins the diagnostics one per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the list as an error when it holds errors, and nil otherwise,
// so that warnings alone never fail a run.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// AsList extracts the diagnostics carried by err: a List, a single
// Diagnostic, or anything wrapping one. Any other error becomes one
// diagnostic with its text as the message.
func AsList(err error) List {
	if err == nil {
		return nil
	}
	var l List
	if errors.As(err, &l) {
		return l
	}
	var d Diagnostic
	if errors.As(err, &d) {
		return List{d}
	}
	return List{{Msg: err.Error()}}
}

package diag

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format writes d in the form compilers such as rustc and Typst use: the
// position, severity and message on the first line, then the source line
// with a caret under the column, then the hint:
//
//	data/x.yaml:84:8: error: invalid YAML: …
//	   84 |   titel:HSD
//	      |        ^
//	hint: put a space after the colon: `titel: HSD`
//
// The source line is shown only when d carries it (Excerpt) and the caret
// only when the column is known; a diagnostic with neither is one line, the
// same as Error but with its severity named. Every line ends in a newline.
func Format(w io.Writer, d Diagnostic) error {
	var b strings.Builder
	d.writeHead(&b, true)
	b.WriteByte('\n')
	if d.Line > 0 && d.Excerpt != "" {
		writeExcerpt(&b, d.Line, d.Col, d.Excerpt)
	}
	if d.Hint != "" {
		fmt.Fprintf(&b, "hint: %s\n", d.Hint)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// excerptWindow is how many characters of a long source line Format shows
// on each side of the caret, so that a minified or generated line does not
// flood the terminal.
const excerptWindow = 60

// writeExcerpt writes the numbered source line and, when col is known, the
// caret line under it.
func writeExcerpt(b *strings.Builder, line, col int, text string) {
	n := utf8.RuneCountInString(text) // one cell a character
	caret := -1                       // index into the line's cells of the caret; -1 for none
	if col > 0 {
		caret = min(col-1, n)
	}
	// Only the window shown is split into cells: a line of megabytes (an
	// 8 MB paragraph refused for its length) took seconds and hundreds of
	// megabytes to show 120 characters of.
	lo, hi := 0, n
	if n > 2*excerptWindow {
		at := max(caret, 0)
		lo = max(0, at-excerptWindow)
		hi = min(n, lo+2*excerptWindow)
		lo = max(0, hi-2*excerptWindow)
	}
	cells := displayCells(runeSlice(text, lo, hi))
	cut := 0
	if lo > 0 {
		cells = append([]string{"…"}, cells...)
		cut = lo - 1 // the ellipsis takes the place of one cell
	}
	if hi < n {
		cells = append(cells, "…")
	}
	width := max(5, len(fmt.Sprint(line)))
	fmt.Fprintf(b, "%*d | %s\n", width, line, strings.TrimRight(strings.Join(cells, ""), " "))
	if caret < 0 {
		return
	}
	pad := 0
	for _, c := range cells[:min(caret-cut, len(cells))] {
		pad += cellWidth(c)
	}
	fmt.Fprintf(b, "%*s | %s^\n", width, "", strings.Repeat(" ", pad))
}

// runeSlice is the characters lo to hi (not included) of s.
func runeSlice(s string, lo, hi int) string {
	start, end, i := len(s), len(s), 0
	for off := range s {
		if i == lo {
			start = off
		}
		if i == hi {
			end = off
			break
		}
		i++
	}
	return s[min(start, end):end]
}

// displayCells splits a source line into what is shown for each of its
// characters, in the same units as Diagnostic.Col: a tab becomes four
// spaces (terminals disagree on tab stops; the caret must not), a byte
// that is not UTF-8 becomes U+FFFD (a Latin-1 file must not garble the
// terminal), and other control characters become U+FFFD too.
func displayCells(s string) []string {
	var cells []string
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch {
		case r == '\t':
			cells = append(cells, "    ")
		case r == utf8.RuneError && n == 1, unicode.IsControl(r):
			cells = append(cells, "\uFFFD")
		default:
			cells = append(cells, string(r))
		}
	}
	return cells
}

// cellWidth is how many terminal columns a cell takes: a combining mark
// (the ring of a decomposed å) takes none.
func cellWidth(c string) int {
	w := 0
	for _, r := range c {
		if !unicode.Is(unicode.Mn, r) {
			w++
		}
	}
	return w
}

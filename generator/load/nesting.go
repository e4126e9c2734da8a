package load

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxNesting is how deeply a field's Markdown may nest quotes and lists
// on one line ("> > - x" is three). A real document nests them a few
// levels; the Markdown parser's time grows faster than the depth, so a
// field of "> > > …" 380,000 levels deep (760 kB, within MaxFieldSize)
// held a build for more than five minutes.
const MaxNesting = 50

// checkNesting refuses a text whose quotes and lists nest deeper than
// MaxNesting on one of its lines.
func (d *decoder) checkNesting(n *yaml.Node, path string) bool {
	depth, line := nesting(n.Value)
	if depth <= MaxNesting {
		return true
	}
	where := ""
	if line > 1 {
		where = fmt.Sprintf(" on its line %d", line)
	}
	d.errorf(n, path, "this text nests quotes (>) and lists (-, *, +, 1.) %d levels deep%s; the limit is %d: write them side by side, not one inside the other",
		depth, where, MaxNesting)
	return false
}

// nesting is the deepest run of container markers that opens a line of s
// (quote markers and list bullets, each after optional blanks), and the
// line (from 1) it opens. Indented nesting across lines is not counted:
// it takes the square of its depth in bytes, so MaxFieldSize bounds it.
func nesting(s string) (depth, line int) {
	for i, l := range strings.Split(s, "\n") {
		if d := lineNesting(l); d > depth {
			depth, line = d, i+1
		}
	}
	return depth, line
}

func lineNesting(l string) int {
	n := 0
	for {
		l = strings.TrimLeft(l, " \t")
		switch {
		case strings.HasPrefix(l, ">"):
			l = l[1:]
		case len(l) > 0 && strings.ContainsRune("-+*", rune(l[0])) && (len(l) == 1 || l[1] == ' ' || l[1] == '\t'):
			l = l[1:]
		default:
			k := 0
			for k < len(l) && k < 9 && l[k] >= '0' && l[k] <= '9' {
				k++
			}
			if k == 0 || k >= len(l) || (l[k] != '.' && l[k] != ')') || k+1 < len(l) && l[k+1] != ' ' && l[k+1] != '\t' {
				return n
			}
			l = l[k+1:]
		}
		n++
	}
}

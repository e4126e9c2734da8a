package check

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
)

// delimiterRow is a pipe table's second line: | --- | :---: | ---: |
var delimiterRow = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`) })

// tables reports rows of Markdown pipe tables whose number of cells is
// not the header's: the renderer would pad or cut them silently, and a
// cell would be lost or shifted into the wrong column.
func (c *Checker) tables(path, s string) {
	if !strings.Contains(s, "|") {
		return
	}
	lines := strings.Split(s, "\n")
	for i := 0; i+1 < len(lines); i++ {
		head := strings.TrimSpace(lines[i])
		if !strings.Contains(head, "|") || !delimiterRow().MatchString(strings.TrimSpace(lines[i+1])) {
			continue
		}
		want := len(cellsOf(head))
		if got := len(cellsOf(strings.TrimSpace(lines[i+1]))); got != want {
			c.lineAt(path, lines[i+1], "the table's delimiter row has %d cells but its header has %d; give each column a --- cell", got, want)
		}
		j := i + 2
		for ; j < len(lines); j++ {
			row := strings.TrimSpace(lines[j])
			if row == "" || !strings.Contains(row, "|") {
				break
			}
			if got := len(cellsOf(row)); got != want {
				c.lineAt(path, lines[j], "this table row has %d cells but the header has %d (%s); add or remove cells so that every row has %d, or write \\| for a | inside a cell", got, want, strings.Join(cellsOf(head), " | "), want)
			}
		}
		i = j - 1
	}
}

// cellsOf splits a table row into its cells at unescaped pipes; the pipes
// at the ends are optional.
func cellsOf(row string) []string {
	row = strings.TrimSpace(row)
	var cells []string
	var cur strings.Builder
	code := false
	for i := 0; i < len(row); i++ {
		ch := row[i]
		switch {
		case ch == '\\' && i+1 < len(row):
			cur.WriteByte(ch)
			cur.WriteByte(row[i+1])
			i++
		case ch == '`':
			code = !code
			cur.WriteByte(ch)
		case ch == '|' && !code:
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(ch)
		}
	}
	cells = append(cells, strings.TrimSpace(cur.String()))
	if strings.HasPrefix(row, "|") && len(cells) > 0 {
		cells = cells[1:]
	}
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, "\\|") && len(cells) > 0 {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// lineAt reports an error at the line of the data file that holds line,
// searching from the field's position; at the field when it is not found.
func (c *Checker) lineAt(path, line, format string, args ...any) {
	c.Errorf(path, format, args...)
	if c.src == nil {
		return
	}
	d := &c.diags[len(c.diags)-1]
	start := c.src.Offset(d.Line, d.Col)
	t := strings.TrimSpace(line)
	if start < 0 || t == "" {
		return
	}
	if j := bytes.Index(c.src.Data[start:], []byte(t)); j >= 0 {
		d.Line, d.Col = c.src.LineCol(start + j)
	}
}

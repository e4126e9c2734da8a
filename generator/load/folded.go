package load

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// foldedItems warns of list items that YAML folded into the text before
// them: a line "- upphäva …" indented one step too deep under a list item
// continues that item's plain text ("att anta … bilaga 1, - upphäva …")
// instead of starting an item of its own. The file loads, so nothing else
// would say so. A literal block (|) keeps its lines, and a "- " line there
// is a Markdown list, so only plain and folded (>) texts are looked at.
func foldedItems(file string, data []byte, root *yaml.Node, positions map[string]model.Pos) diag.List {
	at := make(map[model.Pos]string, len(positions))
	for p, pos := range positions {
		if q, ok := at[pos]; !ok || len(p) > len(q) {
			at[pos] = p // the innermost path that starts there
		}
	}
	var out diag.List
	var lines []string // the file's lines, split once when first needed
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > maxDepth {
			return
		}
		if n.Kind == yaml.ScalarNode {
			if (n.Style == 0 || n.Style&yaml.FoldedStyle != 0) && strings.Contains(n.Value, "- ") {
				if lines == nil {
					lines = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
				}
				out = append(out, foldedIn(file, lines, n, at[model.Pos{Line: n.Line, Col: n.Column}])...)
			}
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return out
}

// maxDepth bounds the walk; the loader refuses deeper nesting before it
// gets here.
const maxDepth = 512

// foldedIn looks at the source lines a multi-line scalar spans (each of
// them is in its value, folded into one line) for one that starts with
// "- ".
func foldedIn(file string, lines []string, n *yaml.Node, path string) diag.List {
	value := strings.Join(strings.Fields(n.Value), " ")
	at := 0         // where in value the next line is looked for
	first := n.Line // 1-based; lines[first-1] is the scalar's first line
	if n.Style&yaml.FoldedStyle != 0 {
		first++ // the text starts on the line after ">"
	}
	for i := first; i < len(lines); i++ { // lines[i] is line i+1
		text := lines[i]
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		// The scalar's lines stand in its value in order: look for each
		// after the one before, so that a long text is read once.
		norm := strings.Join(strings.Fields(trimmed), " ")
		j := strings.Index(value[at:], norm)
		if j < 0 {
			return nil // past the scalar
		}
		at += j + len(norm)
		if strings.HasPrefix(trimmed, "- ") {
			// One warning a text, at its first folded item: a text that
			// swallowed many says so once.
			col := len([]rune(text)) - len([]rune(strings.TrimLeft(text, " \t"))) + 1
			return diag.List{{File: file, Line: i + 1, Col: col, Path: path, Severity: diag.Warning,
				Excerpt: text,
				Msg:     fmt.Sprintf("this line is part of the text above it (%q), not a list item of its own: it is indented further than the item before it", headWords(value)),
				Hint:    "indent the \"- \" as far as the \"- \" of the item before it to make it an item; or, if the dash belongs to the text, quote the text"}}
		}
	}
	return nil
}

// headWords is the start of a long text, for a message.
func headWords(s string) string {
	ws := strings.Fields(s)
	if len(ws) > 6 {
		return strings.Join(ws[:6], " ") + " …"
	}
	return s
}

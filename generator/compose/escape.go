package compose

import (
	"fmt"
	"strings"
	"text/template/parse"

	"github.com/underlag/underlag/generator/kind"
)

// safe is Markdown that a template function built itself and vouches for:
// escaped text, or a placeholder for finished blocks. Every other value a
// template prints is escaped first.
type safe = kind.Markup

// escName is the function escapeActions appends to every printing action.
const escName = "_esc"

// escapeActions makes every action that prints a value pipe it through
// _esc, as html/template does with its contextual escapers: a template
// author writing {{ .Title }} gets the title as literal text, whatever it
// holds (`#`, `*`, `|`, `<script>`, `{{`, a newline).
func escapeActions(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			escapeActions(c)
		}
	case *parse.ActionNode:
		if len(n.Pipe.Decl) > 0 {
			return // {{ $x := … }} prints nothing
		}
		n.Pipe.Cmds = append(n.Pipe.Cmds, &parse.CommandNode{
			NodeType: parse.NodeCommand,
			Args:     []parse.Node{parse.NewIdentifier(escName).SetTree(nil).SetPos(n.Pos)},
		})
	case *parse.IfNode:
		escapeActions(n.List)
		escapeActions(n.ElseList)
	case *parse.RangeNode:
		escapeActions(n.List)
		escapeActions(n.ElseList)
	case *parse.WithNode:
		escapeActions(n.List)
		escapeActions(n.ElseList)
	}
}

// escapeValue is _esc: safe Markdown passes, anything else is printed as
// fmt would and escaped.
func escapeValue(v any) safe {
	switch v := v.(type) {
	case safe:
		return v
	case nil:
		return ""
	case string:
		return safe(escapeMarkdown(v))
	case fmt.Stringer:
		return safe(escapeMarkdown(v.String()))
	}
	return safe(escapeMarkdown(fmt.Sprint(v)))
}

// escapeMarkdown makes s literal text inside Markdown: every ASCII
// punctuation character gets a backslash (CommonMark makes any escaped
// punctuation literal) and line breaks become spaces, so that a value can
// neither start a heading, list or table nor end the line it is on.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n' || c == '\r' || c == '\t':
			b.WriteByte(' ')
		case isASCIIPunct(c):
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
}

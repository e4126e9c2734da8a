package compose

import (
	"fmt"
	"sort"
	"strings"
	"text/template/parse"

	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
)

// Text is a string a template or labels file gives the document, where it
// is written: the text of templates and the labels of etiketter.yaml reach
// the renderers as the data does, and are checked as it is (package
// check's glyph check).
type Text struct {
	File      string
	Line, Col int
	S         string
}

// labelsOf reads a labels file, a mapping of key to text, each with its
// position.
func labelsOf(lf file) (map[string]Text, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(lf.data, &n); err != nil {
		return nil, fmt.Errorf("%s: labels must be a mapping of key to text: %w", lf.path, err)
	}
	out := map[string]Text{}
	if len(n.Content) == 0 {
		return out, nil
	}
	m := n.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d:%d: labels must be a mapping of key to text", lf.path, m.Line, m.Column)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.ScalarNode || k.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("%s:%d:%d: a label is text: write `%s: Rubrik`", lf.path, v.Line, v.Column, k.Value)
		}
		if v.Style&yaml.TaggedStyle != 0 && v.Tag != "!!str" {
			return nil, fmt.Errorf("%s:%d:%d: %s: the YAML tag %s is not read here: write the label as plain text", lf.path, v.Line, v.Column, k.Value, v.Tag)
		}
		out[k.Value] = Text{File: lf.path, Line: v.Line, Col: v.Column, S: v.Value}
	}
	return out, nil
}

// Texts are the strings the composer's labels and a document's template
// give it: each label in effect, at its place in etiketter.yaml, and the
// text and quoted strings of the template the document uses (see
// TemplateOf) and of the partials it draws on (the fact box, header and
// footer: its own _del.<mall>.md.tmpl, else _del.md.tmpl), at their line
// and column. The built-in files are among them, so that a format's check
// covers what underlag itself writes too.
func (c *Composer) Texts(template string) []Text {
	var out []Text
	keys := make([]string, 0, len(c.labelAt))
	for k := range c.labelAt {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, c.labelAt[k])
	}
	if _, ok := c.tmpls[template]; !ok {
		return out
	}
	for _, n := range append([]string{template}, c.partialsOf(template)...) {
		src := c.sources[n]
		for _, tt := range c.tmpls[n].Templates() {
			if tt.Tree == nil {
				continue
			}
			walkText(tt.Tree.Root, func(pos parse.Pos, s string) {
				line, col := lineCol(src, int(pos))
				out = append(out, Text{File: c.paths[n], Line: line, Col: col, S: s})
			})
		}
	}
	return out
}

// partialsOf are the partials a document with the template may use, as
// run.partialName picks them: for each part, the template's own, else the
// one for every kind; sorted.
func (c *Composer) partialsOf(template string) []string {
	var out []string
	for n := range c.tmpls {
		part, rest, ok := strings.Cut(n, ".")
		if !strings.HasPrefix(n, "_") || !ok {
			continue
		}
		if _, own := c.tmpls[part+"."+template]; rest == template || rest == tmplExt[1:] && !own {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// walkText calls fn with the literal text of a template: its text between
// actions and its quoted strings.
func walkText(n parse.Node, fn func(parse.Pos, string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkText(c, fn)
		}
	case *parse.TextNode:
		fn(n.Pos, string(n.Text))
	case *parse.ActionNode:
		walkText(n.Pipe, fn)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkText(c, fn)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkText(a, fn)
		}
	case *parse.StringNode:
		fn(n.Pos+1, n.Text) // after the opening quote
	case *parse.IfNode:
		walkText(n.Pipe, fn)
		walkText(n.List, fn)
		walkText(n.ElseList, fn)
	case *parse.RangeNode:
		walkText(n.Pipe, fn)
		walkText(n.List, fn)
		walkText(n.ElseList, fn)
	case *parse.WithNode:
		walkText(n.Pipe, fn)
		walkText(n.List, fn)
		walkText(n.ElseList, fn)
	case *parse.TemplateNode:
		walkText(n.Pipe, fn)
	}
}

// lineCol is the 1-based line and rune column of byte offset off in src.
func lineCol(src []byte, off int) (line, col int) {
	line, col = 1, 1
	for i, r := range string(src) {
		if i >= off {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// TemplateOf is the file name of the template a document of kind k is
// composed with: its mall:, or its kind's.
func (c *Composer) TemplateOf(d model.Document, k *kind.Kind) string {
	name, _ := c.templateName(d, k)
	return name
}

package serve

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Form fields besides the values: a list's marker, sent once for every
// list the form shows, its items' indices in the order the page lists
// them, and a checkbox's marker (an unticked box sends nothing).
const (
	listMark = ".@lista"
	itemMark = ".@"
	boolMark = ".@ja-nej"
)

// apply writes the form's values into a document's mapping node, field
// by field, in place: a value that did not change leaves its node as it
// was (style, tag, comments); a new value takes the node's place; a
// field emptied is removed unless required; a field the form did not show
// (or the YAML tab's only) is not touched. A new key goes after the field
// before it in the form (fields, in the form's order).
func apply(m *yaml.Node, fields []*field, vals url.Values, prefix string) {
	var prev string
	for _, f := range fields {
		if f.Const {
			prev = f.Key
			continue
		}
		name := f.Key
		if prefix != "" {
			name = prefix + "." + f.Key
		}
		cur := get(m, f.Key)
		if n, ok := value(f, cur, name, vals); ok {
			switch {
			case n == nil && cur != nil:
				remove(m, f.Key)
			case n != nil && cur == nil:
				insertAfter(m, prev, f.Key, n)
			case n != nil && n != cur:
				set(m, f.Key, n)
			}
		}
		if get(m, f.Key) != nil {
			prev = f.Key
		}
	}
}

// value is the node a field's form values make of its current node cur:
// cur itself, changed in place; a new node; or nil to remove it. ok is
// false when the form did not show the field.
func value(f *field, cur *yaml.Node, name string, vals url.Values) (n *yaml.Node, ok bool) {
	switch f.Kind {
	case kText, kMarkdown, kDate, kInt, kEnum, kRegister:
		return scalarValue(f, cur, name, vals)
	case kBool:
		if _, shown := vals[name+boolMark]; !shown {
			return cur, false
		}
		v := "false"
		if vals.Get(name) != "" {
			v = "true"
		}
		if cur == nil && v == "false" {
			return nil, true
		}
		return setScalar(cur, v, ""), true
	case kObject:
		if _, asText := vals[name]; asText && f.Text {
			return scalarValue(f, cur, name, vals)
		}
		if cur != nil && cur.Kind != yaml.MappingNode {
			return cur, false
		}
		m := cur
		if m == nil {
			m = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		}
		apply(m, f.Fields, vals, name)
		if len(m.Content) == 0 && !f.Required {
			return nil, true
		}
		return m, true
	case kList:
		if _, shown := vals[name+listMark]; !shown {
			return cur, false
		}
		if cur != nil && cur.Kind != yaml.SequenceNode {
			return cur, false
		}
		var old []*yaml.Node
		if cur != nil {
			old = cur.Content
		}
		var items []*yaml.Node
		for _, idx := range vals[name+itemMark] {
			var item *yaml.Node
			if i, err := strconv.Atoi(idx); err == nil && i >= 0 && i < len(old) && idx == strconv.Itoa(i) {
				item = old[i]
			}
			if it, ok := value(f.Item, item, name+"."+idx, vals); ok && it != nil {
				items = append(items, it)
			} else if !ok && item != nil {
				items = append(items, item)
			}
		}
		if len(items) == 0 && !f.Required {
			return nil, true
		}
		seq := cur
		if seq == nil {
			seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		}
		seq.Content = items
		return seq, true
	}
	return cur, false
}

func scalarValue(f *field, cur *yaml.Node, name string, vals url.Values) (*yaml.Node, bool) {
	vs, shown := vals[name]
	if !shown || len(vs) == 0 {
		return cur, false
	}
	if cur != nil && cur.Kind != yaml.ScalarNode {
		return cur, false // a list or mapping the form showed as text it cannot edit
	}
	v := strings.ReplaceAll(vs[0], "\r\n", "\n")
	trim := strings.TrimSpace
	if f.Kind == kMarkdown || strings.Contains(v, "\n") {
		trim = func(s string) string { return strings.TrimRight(s, " \n\t") }
	}
	v = trim(v)
	if cur != nil && trim(cur.Value) == v {
		// The same text; a text area drops a block's last line break.
		return cur, true
	}
	if v == "" {
		if f.Required && cur != nil {
			return setScalar(cur, "", "!!str"), true
		}
		return nil, true
	}
	tag := "!!str"
	if f.Kind == kDate || f.Kind == kInt {
		tag = "" // as written: 2025 stays a year, 2024-11-20 a day
	}
	return setScalar(cur, v, tag), true
}

// setScalar gives a scalar node a new value, keeping its style where the
// value allows (a block stays a block); it changes nothing when the value
// is the same. cur nil makes a new node.
func setScalar(cur *yaml.Node, v, tag string) *yaml.Node {
	if cur == nil {
		cur = &yaml.Node{Kind: yaml.ScalarNode}
	} else if cur.Value == v {
		return cur
	}
	cur.Value, cur.Tag = v, tag
	multi := strings.Contains(v, "\n")
	switch {
	case multi && cur.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0:
		cur.Style = yaml.LiteralStyle
	case cur.Style&yaml.FoldedStyle != 0 && multi:
		// A folded block would join the lines the official broke.
		cur.Style = yaml.LiteralStyle
	case !multi && cur.Style&yaml.TaggedStyle != 0:
		cur.Style &^= yaml.TaggedStyle
	}
	return cur
}

func keyIndex(m *yaml.Node, key string) int {
	if m == nil {
		return -1
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

func remove(m *yaml.Node, key string) {
	if i := keyIndex(m, key); i >= 0 {
		m.Content = slices.Delete(m.Content, i, i+2)
	}
}

func set(m *yaml.Node, key string, n *yaml.Node) {
	if i := keyIndex(m, key); i >= 0 {
		m.Content[i+1] = n
	}
}

// insertAfter adds key: n after the key prev (first when prev is not in
// the mapping).
func insertAfter(m *yaml.Node, prev, key string, n *yaml.Node) {
	at := 0
	if i := keyIndex(m, prev); i >= 0 {
		at = i + 2
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	m.Content = slices.Insert(m.Content, at, k, n)
}

package serve

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// newIndex stands for a new list item's index in a list's template; the
// page's script replaces it with a fresh index when the item is added.
const newIndex = "__ny__"

// widget is one field of the form with its current value: what the page
// template draws. Its Name is the form field's name, a path of keys and
// list indices joined by dots ("beslutsunderlag.0.titel").
type widget struct {
	F        *field
	Name     string
	Label    string
	Value    string
	Multi    bool     // a text area: Markdown, or text that spans lines
	Checked  bool     // a checkbox's state
	Options  []choice // a select's choices
	Children []*widget
	Items    []*widget // a list's items
	Index    string    // an item's index in its list
	New      *widget   // a list's template for a new item
	Level    int       // heading level of a group, 2 for the top
}

// ID is the element id of the widget.
func (w *widget) ID() string { return "f-" + w.Name }

// Kind names the widget's kind for the template.
func (w *widget) Kind() string {
	switch w.F.Kind {
	case kMarkdown:
		return "markdown"
	case kDate:
		return "date"
	case kInt:
		return "int"
	case kBool:
		return "bool"
	case kEnum, kRegister:
		return "select"
	case kObject:
		return "object"
	case kList:
		return "list"
	case kText:
		if w.Multi {
			return "markdown"
		}
		return "text"
	}
	return "other"
}

// registers are the entries a form offers for a register field.
type registers map[string][]choice

// label makes a key into a Swedish label: "förslag_till_beslut" →
// "Förslag till beslut".
func label(key string) string {
	s := strings.ReplaceAll(key, "_", " ")
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// form is a document's form: its fields, and apart from them the
// settings every kind has that the document does not use.
type form struct {
	Fields, More []*widget
}

// buildForm makes the widgets of a document's fields from its mapping;
// common are the keys of every kind.
func buildForm(fields []*field, m *yaml.Node, regs registers, order []string, common map[string]bool) form {
	var out form
	for _, f := range arrange(fields, m, order) {
		if f.Const {
			continue
		}
		n := get(m, f.Key)
		w := build(f, f.Key, n, regs, 2)
		if n == nil && common[f.Key] {
			out.More = append(out.More, w)
		} else {
			out.Fields = append(out.Fields, w)
		}
	}
	return out
}

// build makes the widget of one field and its value node (nil when the
// field is not in the file).
func build(f *field, name string, n *yaml.Node, regs registers, level int) *widget {
	w := &widget{F: f, Name: name, Label: label(f.Key), Level: level}
	scalar := n != nil && n.Kind == yaml.ScalarNode
	if scalar {
		w.Value = n.Value
	}
	switch f.Kind {
	case kText:
		w.Multi = strings.Contains(w.Value, "\n")
		if n != nil && !scalar {
			w.F = &field{Key: f.Key, Desc: f.Desc, Kind: kOther}
		}
	case kBool:
		w.Checked = scalar && n.Value == "true"
	case kEnum:
		w.Options = choicesOf(f.Enum, w.Value)
	case kRegister:
		w.Options = withCurrent(regs[f.Register], w.Value)
	case kObject:
		if f.Text && (n == nil || scalar) {
			// Written as text (a person by name, a proposal as one text):
			// edited as text; the YAML tab makes it a mapping.
			w.F = &field{Key: f.Key, Desc: f.Desc, Kind: kText, Required: f.Required}
			w.Multi = strings.Contains(w.Value, "\n") || len(w.Value) > 100
			return w
		}
		if n != nil && n.Kind != yaml.MappingNode {
			w.F = &field{Key: f.Key, Desc: f.Desc, Kind: kOther}
			return w
		}
		for _, c := range f.Fields {
			if !c.Const {
				w.Children = append(w.Children, build(c, name+"."+c.Key, get(n, c.Key), regs, level+1))
			}
		}
	case kList:
		if n != nil && n.Kind != yaml.SequenceNode {
			w.F = &field{Key: f.Key, Desc: f.Desc, Kind: kOther}
			return w
		}
		if n != nil {
			for i, item := range n.Content {
				iw := build(f.Item, name+"."+strconv.Itoa(i), item, regs, level+1)
				iw.Index, iw.Label = strconv.Itoa(i), label(f.Key)+" "+strconv.Itoa(i+1)
				w.Items = append(w.Items, iw)
			}
		}
		item := *f.Item
		item.Text = false // a new item is made as a mapping
		w.New = build(&item, name+"."+newIndex, nil, regs, level+1)
		w.New.Index, w.New.Label = newIndex, label(f.Key)+" (ny)"
	}
	return w
}

func choicesOf(values []string, current string) []choice {
	var out []choice
	for _, v := range values {
		out = append(out, choice{v, v})
	}
	return withCurrent(out, current)
}

// withCurrent adds the current value to the choices when the register
// lacks it, so that opening and saving a form never changes it.
func withCurrent(cs []choice, current string) []choice {
	if current == "" || slices.ContainsFunc(cs, func(c choice) bool { return c.Value == current }) {
		return cs
	}
	return append([]choice{{current, current + " (finns inte i registret)"}}, cs...)
}

// arrange orders a kind's fields as the document reads: the fields the
// file has in the file's order, in the places such fields take, and then
// the keys an ordning names, which swap places among themselves as the
// document's sections do; the rest stay where the kind has them.
func arrange(fields []*field, m *yaml.Node, order []string) []*field {
	out := slices.Clone(fields)
	pos := map[string]int{}
	if m != nil {
		for i := 0; i+1 < len(m.Content); i += 2 {
			pos[m.Content[i].Value] = i
		}
	}
	permute(out, func(f *field) (int, bool) { p, ok := pos[f.Key]; return p, ok })
	rank := map[string]int{}
	for i, k := range order {
		rank[k] = i
	}
	permute(out, func(f *field) (int, bool) { r, ok := rank[f.Key]; return r, ok })
	return out
}

// permute sorts the fields that have a rank among the places they hold,
// leaving the others where they are.
func permute(fs []*field, rank func(*field) (int, bool)) {
	var places []int
	var picked []*field
	for i, f := range fs {
		if _, ok := rank(f); ok {
			places = append(places, i)
			picked = append(picked, f)
		}
	}
	slices.SortStableFunc(picked, func(a, b *field) int {
		ra, _ := rank(a)
		rb, _ := rank(b)
		return ra - rb
	})
	for i, p := range places {
		fs[p] = picked[i]
	}
}

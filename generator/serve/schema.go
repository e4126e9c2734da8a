package serve

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// kindOf is what a form widget edits.
type kindOf int

const (
	kText     kindOf = iota // one line of text
	kMarkdown               // free text in Markdown: a text area
	kDate                   // a date in one of the format's precisions
	kInt
	kBool
	kEnum     // one of fixed values
	kRegister // an entry of a register: a committee, a person
	kObject   // a group of fields; Text says it may also be written as text
	kList     // a list that grows and shrinks
	kOther    // edited in the YAML tab only
)

// field is one field of a kind as the JSON Schema describes it, read into
// what a form needs.
type field struct {
	Key      string
	Desc     string
	Required bool
	Kind     kindOf
	Enum     []string
	Register string   // "nämnder", "personer"
	Text     bool     // an object that may be written as plain text (a person's name)
	Fields   []*field // of an object
	Item     *field   // of a list
	Const    bool     // typ and version: shown, not edited
}

// schemaDoc is the JSON Schema of the format, read as a YAML node so that
// properties keep their order (the order of the kind's fields).
type schemaDoc struct {
	root *yaml.Node
	defs *yaml.Node
}

func parseSchema(data []byte) (*schemaDoc, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil || len(n.Content) == 0 {
		return nil, fmt.Errorf("schema: %v", err)
	}
	s := &schemaDoc{root: n.Content[0]}
	s.defs = get(s.root, "definitions")
	return s, nil
}

// get is a mapping's value for key, or nil.
func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// kind is the definition of a kind's documents: the allOf case whose typ
// is that kind.
func (s *schemaDoc) kind(name string) (*yaml.Node, bool) {
	all := get(s.root, "allOf")
	if all == nil {
		return nil, false
	}
	for _, c := range all.Content {
		if cst := get(get(get(get(c, "if"), "properties"), "typ"), "const"); cst != nil && cst.Value == name {
			return s.ref(get(get(c, "then"), "$ref"))
		}
	}
	return nil, false
}

// kinds are the kinds the schema describes, in its order.
func (s *schemaDoc) kinds() []string {
	var out []string
	if e := get(get(get(s.root, "properties"), "typ"), "enum"); e != nil {
		for _, k := range e.Content {
			out = append(out, k.Value)
		}
	}
	return out
}

// ref follows a "#/definitions/Name" reference.
func (s *schemaDoc) ref(r *yaml.Node) (*yaml.Node, bool) {
	if r == nil {
		return nil, false
	}
	d := get(s.defs, strings.TrimPrefix(r.Value, "#/definitions/"))
	return d, d != nil
}

// maxDepth bounds how deep the form nests (sections hold sections).
const maxDepth = 4

// fields reads the properties of an object schema.
func (s *schemaDoc) fields(obj *yaml.Node, depth int) []*field {
	required := map[string]bool{}
	if r := get(obj, "required"); r != nil {
		for _, n := range r.Content {
			required[n.Value] = true
		}
	}
	props := get(obj, "properties")
	if props == nil {
		return nil
	}
	var out []*field
	for i := 0; i+1 < len(props.Content); i += 2 {
		key := props.Content[i].Value
		f := s.field(key, props.Content[i+1], depth)
		f.Required = required[key]
		out = append(out, f)
	}
	return out
}

// field reads one property's schema.
func (s *schemaDoc) field(key string, n *yaml.Node, depth int) *field {
	f := &field{Key: key, Kind: kOther}
	if d := get(n, "description"); d != nil {
		f.Desc = d.Value
	}
	if get(n, "const") != nil {
		f.Const = true
		return f
	}
	if r := get(n, "x-register"); r != nil {
		f.Register = r.Value
		if f.Kind = kRegister; get(n, "type") != nil && get(n, "type").Value == "array" {
			f.Kind, f.Item = kList, &field{Key: key, Kind: kRegister, Register: r.Value}
		}
		return f
	}
	if depth > maxDepth {
		return f
	}
	if ref := get(n, "$ref"); ref != nil {
		if strings.HasSuffix(ref.Value, "/Date") {
			f.Kind = kDate
			return f
		}
		def, ok := s.ref(ref)
		if !ok {
			return f
		}
		inner := s.field(key, def, depth+1)
		inner.Desc = f.Desc
		return inner
	}
	if e := get(n, "enum"); e != nil {
		f.Kind = kEnum
		for _, v := range e.Content {
			f.Enum = append(f.Enum, v.Value)
		}
		return f
	}
	if any := get(n, "anyOf"); any != nil {
		var obj, text, list *yaml.Node
		for _, alt := range any.Content {
			switch t := get(alt, "type"); {
			case t != nil && t.Value == "string":
				text = alt
			case t != nil && t.Value == "object":
				obj = alt
			case t != nil && t.Value == "array":
				list = alt
			}
		}
		switch {
		case obj != nil:
			inner := s.field(key, obj, depth)
			inner.Desc, inner.Text = f.Desc, text != nil
			return inner
		case text != nil && list != nil:
			// One value as text, or several as a list (diarienummer):
			// the form edits the text; a list is the YAML tab's.
			f.Kind = kText
		}
		return f
	}
	switch t := get(n, "type"); {
	case t == nil:
	case t.Value == "string":
		f.Kind = kText
		if m := get(n, "contentMediaType"); m != nil && m.Value == "text/markdown" {
			f.Kind = kMarkdown
		}
	case t.Value == "integer":
		f.Kind = kInt
	case t.Value == "boolean":
		f.Kind = kBool
	case t.Value == "array":
		item := s.field(key, get(n, "items"), depth+1)
		if item.Kind != kOther && item.Kind != kList {
			f.Kind, f.Item = kList, item
		}
	case t.Value == "object":
		if get(n, "properties") != nil {
			f.Kind, f.Fields = kObject, s.fields(n, depth+1)
		}
	}
	return f
}

// common are the keys every kind of document has (the settings of model.Common: a
// template, headings, section order …), which a form shows apart when a
// document does not use them.
func (s *schemaDoc) common() map[string]bool {
	var out map[string]bool
	for _, k := range kindsOf(s) {
		def, ok := s.kind(k)
		if !ok {
			continue
		}
		keys := map[string]bool{}
		props := get(def, "properties")
		for i := 0; props != nil && i+1 < len(props.Content); i += 2 {
			if out == nil || out[props.Content[i].Value] {
				keys[props.Content[i].Value] = true
			}
		}
		out = keys
	}
	return out
}

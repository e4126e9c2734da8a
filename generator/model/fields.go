package model

import (
	"reflect"
	"strings"
)

// The document walks (PeopleOf, DocRefsOf, WalkTexts) visit every field of
// a document, and reading a field and its tags through reflect
// (StructTag.Get parses the whole tag each time) was a twentieth of a
// build's time. The fields of the model's own struct types are read once,
// into a table that never changes after the package starts (a few hundred
// fields, well under a millisecond); a kind defined in data brings a
// struct type of its own (Custom.Values), whose fields are read each time
// they are visited, as all fields were before.

// structField is what the walks need of an exported struct field.
type structField struct {
	index    int
	name     string   // the yaml tag's name, before its first comma
	inline   bool     // the yaml tag's option is "inline"
	dash     bool     // the name is "-"
	tagDash  bool     // the whole yaml tag is "-"
	required bool     // required:"true"
	kinds    []string // the kinds:"a,b" tag, split; nil when there is none
}

// modelFields are the fields of every struct type the document kinds are
// made of, by type. Read only.
var modelFields = fieldTable(reflect.TypeFor[Directive](), reflect.TypeFor[Memo](), reflect.TypeFor[StatusReport](),
	reflect.TypeFor[Meeting](), reflect.TypeFor[Custom]())

// fieldTable reads the fields of the struct types reachable from roots.
func fieldTable(roots ...reflect.Type) map[reflect.Type][]structField {
	m := map[reflect.Type][]structField{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			visit(t.Elem())
		case reflect.Struct:
			if _, seen := m[t]; seen {
				return
			}
			fs := readFields(t)
			m[t] = fs
			for _, f := range fs {
				visit(t.Field(f.index).Type)
			}
		}
	}
	for _, t := range roots {
		visit(t)
	}
	return m
}

// fieldsOf returns the exported fields of the struct type t.
func fieldsOf(t reflect.Type) []structField {
	if fs, ok := modelFields[t]; ok {
		return fs
	}
	return readFields(t)
}

// readFields reads the exported fields of the struct type t and their tags.
func readFields(t reflect.Type) []structField {
	var fs []structField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		sf := structField{index: i, name: name, inline: opts == "inline", dash: name == "-", tagDash: tag == "-",
			required: f.Tag.Get("required") == "true"}
		if k := f.Tag.Get("kinds"); k != "" {
			sf.kinds = strings.Split(k, ",")
		}
		fs = append(fs, sf)
	}
	return fs
}

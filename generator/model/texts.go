package model

import (
	"reflect"
)

// TextAt is a text field of a document: its value, its field path (as the
// loader records positions under it) and yaml key, whether it is Markdown,
// and whether its field is required outside any list (in a list, required
// means "in each row", not "in the document").
type TextAt struct {
	Path, Key string
	S         string
	Markdown  bool
	Required  bool
}

var markdownType = reflect.TypeFor[Markdown]()

// WalkTexts calls fn for every text field of a document, empty ones too,
// in the order of the model's fields: through lists, nested structs, and
// the fields of a kind defined in data. Maps (rubriker: short headings)
// are left out. Check, review and the loader's image scan all walk
// documents with it, so they agree on paths.
func WalkTexts(d Document, fn func(TextAt)) {
	walkTexts(reflect.ValueOf(d), make(fieldPath, 0, 64), "", false, false, fn)
}

func walkTexts(v reflect.Value, path fieldPath, key string, req, inList bool, fn func(TextAt)) {
	switch v.Kind() {
	case reflect.String:
		fn(TextAt{Path: string(path), Key: key, S: v.String(), Markdown: v.Type() == markdownType, Required: req && !inList})
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() && v.Type() != reflect.TypeFor[*Source]() {
			walkTexts(v.Elem(), path, key, req, inList, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), path.index(i), key, req, true, fn)
		}
	case reflect.Struct:
		for _, f := range fieldsOf(v.Type()) {
			if f.tagDash {
				continue
			}
			if f.inline {
				walkTexts(v.Field(f.index), path, key, req, inList, fn)
				continue
			}
			if f.name == "" {
				continue
			}
			walkTexts(v.Field(f.index), path.field(f.name), f.name, req || f.required, inList, fn)
		}
	}
}

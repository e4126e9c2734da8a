package model

import (
	"reflect"
)

// PersonAt is a person a document names and the field path it stands at.
type PersonAt struct {
	Path   string
	Person Person
}

var personType = reflect.TypeFor[Person]()

// PeopleOf lists every person a document names, of any kind (signers,
// case officer, recipients, a commission's roles, a kind's own person
// fields), with the field path the loader recorded its position under.
func PeopleOf(d Document) []PersonAt {
	var out []PersonAt
	var walk func(v reflect.Value, path fieldPath)
	walk = func(v reflect.Value, path fieldPath) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() && v.Type() != reflect.TypeFor[*Source]() {
				walk(v.Elem(), path)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), path.index(i))
			}
		case reflect.Struct:
			if v.Type() == personType {
				out = append(out, PersonAt{Path: string(path), Person: v.Interface().(Person)})
				return
			}
			for _, f := range fieldsOf(v.Type()) {
				switch {
				case f.dash:
				case f.inline:
					walk(v.Field(f.index), path)
				case f.name != "":
					walk(v.Field(f.index), path.field(f.name))
				}
			}
		}
	}
	walk(reflect.ValueOf(d), make(fieldPath, 0, 64))
	return out
}

// RoleAt is a role of a commission's organisation and its field path.
type RoleAt struct {
	Path string
	Role Role
}

// Staffed is a document whose roles someone must hold: written, a role
// names a person (a commission's owner and leader).
type Staffed interface {
	HeldRoles() []RoleAt
}

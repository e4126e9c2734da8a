package model

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFieldPath: the parts of a path, at the top and below.
func TestFieldPath(t *testing.T) {
	cases := []struct {
		got  fieldPath
		want string
	}{
		{fieldPath(nil).field("titel"), "titel"},
		{fieldPath(nil).index(3), "[3]"},
		{fieldPath(nil).field("tidplan").index(12).field("rubrik"), "tidplan[12].rubrik"},
		{fieldPath(nil).field("a").index(0).index(1), "a[0][1]"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, string(c.got))
	}
}

// TestWalkPaths: the walks give each field the path the loader records
// positions under, as the definition below builds it, one string per
// field; siblings that share the walk's buffer never see each other's
// parts (a list's tenth item after its ninth, a longer key after a
// shorter one).
func TestWalkPaths(t *testing.T) {
	d := &Directive{Timeline: make([]Phase, 12), Milestones: make([]Milestone, 2)}
	d.Title = "Titel"
	for i := range d.Timeline {
		d.Timeline[i].Label = fmt.Sprint("fas ", i)
	}
	d.Organisation.Owner.People = []Person{{Name: "Åsa Öberg"}, {ID: "x"}}
	d.Organisation.Other = []NamedRole{{}, {}}
	d.Organisation.Other[1].People = []Person{{Name: "Ngũgĩ wa Thiong'o"}}
	d.Signers = make([]Signer, 11)

	var texts, want []string
	WalkTexts(d, func(t TextAt) { texts = append(texts, t.Path+"="+t.S) })
	definedTexts(reflect.ValueOf(Document(d)), "", func(p, s string) { want = append(want, p+"="+s) })
	assert.Equal(t, want, texts)
	assert.Contains(t, texts, "tidplan[11].rubrik=fas 11")

	var people []string
	for _, p := range PeopleOf(d) {
		people = append(people, p.Path+"="+p.Person.Name)
	}
	assert.Equal(t, []string{
		"organisation.uppdragsägare.personer[0]=Åsa Öberg",
		"organisation.uppdragsägare.personer[1]=",
		"organisation.övriga_roller[1].personer[0]=Ngũgĩ wa Thiong'o",
	}, filter(people, "organisation."))
}

// definedTexts is WalkTexts's paths as they were first written: a string
// for each field, joined with "." and "[i]".
func definedTexts(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() && v.Type() != reflect.TypeFor[*Source]() {
			definedTexts(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			definedTexts(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("yaml")
			if tag == "-" || !f.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			switch {
			case opts == "inline":
				definedTexts(v.Field(i), path, fn)
			case name == "":
			case path == "":
				definedTexts(v.Field(i), name, fn)
			default:
				definedTexts(v.Field(i), path+"."+name, fn)
			}
		}
	}
}

func filter(ss []string, prefix string) []string {
	var out []string
	for _, s := range ss {
		if strings.HasPrefix(s, prefix) {
			out = append(out, s)
		}
	}
	return out
}

package kind

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/model"
)

// FromSpec makes the kind an organisation defines in data (a dokumenttyp
// file): its documents decode into a struct made from the field list, so
// they get the loader's positions, required keys and did-you-mean like
// any built-in kind; its committees, people and signers are checked
// against the registries; its template is the file the spec names, or
// <name>.md.tmpl in the organisation's templates folder.
func FromSpec(spec *model.KindSpec) (Kind, error) {
	var fields []reflect.StructField
	for i, f := range spec.Fields {
		t, err := fieldType(f)
		if err != nil {
			return Kind{}, err
		}
		tag := fmt.Sprintf(`yaml:%q desc:%q`, f.Key, fieldDesc(f))
		if f.Required {
			tag += ` required:"true"`
		}
		if f.Type == model.FieldCommittee {
			tag += ` register:"nämnder"`
		}
		if len(f.Kinds) > 0 {
			tag += fmt.Sprintf(` kinds:%q`, strings.Join(f.Kinds, ","))
		}
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: t, Tag: reflect.StructTag(tag)})
	}
	values := reflect.StructOf(fields)
	docType := reflect.StructOf([]reflect.StructField{
		{Name: "Common", Type: reflect.TypeFor[model.Common](), Tag: `yaml:",inline"`},
		{Name: "Values", Type: values, Tag: `yaml:",inline"`},
	})
	label := strings.TrimSpace(spec.Label)
	if label == "" {
		label = model.Capitalise(spec.Name)
	}
	k := Kind{
		Name:  model.Kind(spec.Name),
		Label: label,
		Doc:   spec.Desc,
		New:   func() model.Document { return &model.Custom{Spec: spec} },
		Type:  docType,
		Wrap: func(v reflect.Value) model.Document {
			c := &model.Custom{Common: v.Elem().Field(0).Interface().(model.Common), Spec: spec, Fält: map[string]any{}}
			vals := v.Elem().Field(1)
			c.Values = vals.Addr().Interface()
			for i, f := range spec.Fields {
				c.Fält[f.Key] = vals.Field(i).Interface()
			}
			return c
		},
		Template: Slug(spec.Name) + ".md.tmpl",
		FieldLabel: func(key string) (string, bool) {
			if f, ok := spec.Field(key); ok && f.Label != "" {
				return f.Label, true
			}
			return "", false
		},
		Check: func(c *check.Checker, d model.Document) { checkCustom(c, spec, d.(*model.Custom)) },
	}
	if spec.Template != "" && spec.Source != nil {
		dir := filepath.Dir(spec.Source.Path)
		k.Template = filepath.ToSlash(filepath.Clean(spec.Template))
		k.Templates = confine.DirFS(dir, maxTemplateSize)
		if _, err := fs.Stat(k.Templates, k.Template); err != nil {
			return Kind{}, fmt.Errorf("mall: %s cannot be read (the path is relative to %s): %w", spec.Template, filepath.Base(spec.Source.Path), unwrap(err))
		}
	}
	if spec.FileName != "" {
		rule := spec.FileName
		k.FileName = func(d model.Document) string { return expandName(rule, d.(*model.Custom)) }
	}
	return k, nil
}

// maxTemplateSize bounds a kind's template: a few kilobytes of text.
const maxTemplateSize = 1 << 20

func unwrap(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// fieldType is the Go type a field of the given type decodes into.
func fieldType(f model.FieldSpec) (reflect.Type, error) {
	switch f.Type {
	case model.FieldText, model.FieldCommittee:
		return reflect.TypeFor[string](), nil
	case model.FieldMarkdown:
		return reflect.TypeFor[model.Markdown](), nil
	case model.FieldDate:
		return reflect.TypeFor[date.Date](), nil
	case model.FieldPerson:
		return reflect.TypeFor[model.Person](), nil
	case model.FieldList:
		return reflect.TypeFor[[]model.Markdown](), nil
	case model.FieldSignatures:
		return reflect.TypeFor[[]model.Signer](), nil
	case model.FieldDocument:
		return reflect.TypeFor[model.DocRef](), nil
	case model.FieldTable:
		if len(f.Columns) == 0 {
			return nil, fmt.Errorf("field %s is a tabell without kolumner", f.Key)
		}
		var cols []reflect.StructField
		for i, c := range f.Columns {
			t := reflect.TypeFor[model.Markdown]()
			if c.Type == model.FieldDate {
				t = reflect.TypeFor[date.Date]()
			}
			cols = append(cols, reflect.StructField{
				Name: fmt.Sprintf("C%d", i), Type: t,
				Tag: reflect.StructTag(fmt.Sprintf(`yaml:%q desc:%q`, c.Key, c.Heading())),
			})
		}
		return reflect.SliceOf(reflect.StructOf(cols)), nil
	}
	return nil, fmt.Errorf("field %s has the unknown type %q", f.Key, f.Type)
}

func fieldDesc(f model.FieldSpec) string {
	if f.Desc != "" {
		return f.Desc
	}
	if f.Label != "" {
		return f.Label
	}
	return f.Key
}

// checkCustom checks a custom document's committees, people and signers
// against the registries; required fields and types the loader checked.
func checkCustom(c *check.Checker, spec *model.KindSpec, d *model.Custom) {
	for _, f := range spec.Fields {
		switch v := d.Fält[f.Key].(type) {
		case string:
			if f.Type == model.FieldCommittee {
				c.Committee(f.Key, v)
			}
		case model.Person:
			c.Person(f.Key, v)
		case []model.Signer:
			for i, s := range v {
				c.Person(fmt.Sprintf("%s[%d].person", f.Key, i), s.Person)
			}
		}
	}
}

// expandName fills a file-name rule's {placeholders}.
func expandName(rule string, d *model.Custom) string {
	b := d.Base()
	r := []string{"{datum}", b.Date.ISO(), "{diarienummer}", b.CaseNumber.First(), "{titel}", b.Title, "{typ}", string(b.Type)}
	for k, v := range d.Fält {
		if s, ok := v.(string); ok {
			r = append(r, "{"+k+"}", s)
		}
	}
	return strings.NewReplacer(r...).Replace(rule)
}

// Slug is a name as a file name: lower case ASCII, å ä → a, ö → o, other
// runs of characters → "-".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'å' || r == 'ä':
			r = 'a'
		case r == 'ö':
			r = 'o'
		case r == 'é':
			r = 'e'
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

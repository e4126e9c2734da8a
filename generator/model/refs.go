package model

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/underlag/underlag/generator/date"
)

// DocRef is a reference from one document to another document in the same
// data tree: a follow-up report to the memo it follows up, a decision
// basis to an earlier memo or a protocol extract. As a plain scalar it is
// the path of the other document's data file, relative to this file.
type DocRef struct {
	Path      string `yaml:"fil" desc:"Sökväg till det andra dokumentets datafil (.yaml), relativ till den här filen, till exempel tjansteskrivelse-hsn-1203-2024.yaml." required:"true"`
	Paragraph string `yaml:"paragraf" desc:"Paragraf (§) där dokumentet behandlades, till exempel 45; utelämnat: det andra dokumentets eget fält paragraf, om det har ett."`
}

// UnmarshalText takes a plain scalar as the path.
func (r *DocRef) UnmarshalText(b []byte) error {
	*r = DocRef{Path: string(b)}
	return nil
}

// String is the path as written, so that a template that prints the
// field itself shows what it names.
func (r DocRef) String() string { return r.Path }

// IsZero reports whether no document is referred to.
func (r DocRef) IsZero() bool { return strings.TrimSpace(r.Path) == "" }

// Referenced is what a template knows of a document another refers to:
// what it is, its title, date, case numbers and § number. The loader
// fills it from the other document's file.
type Referenced struct {
	Path       string      // the resolved path of its data file
	Kind       Kind        // its typ
	KindLabel  string      // its kind as printed, such as Tjänsteskrivelse
	Title      string      // its title; its kind's printed name when it has none
	Date       date.Date   // its datum
	CaseNumber CaseNumbers // its diarienummer
	Paragraph  string      // its § number, without the sign; "" when unknown
	// What an agenda lists of a memo: the committees it is addressed
	// to, its case officer, and its numbered attachments.
	Committees  []string
	Officer     Person
	Attachments []Attachment
}

// String is the reference as one line: "Tjänsteskrivelse: Title, den 20
// november 2024, dnr HSN 1203-2024, § 45", as far as each part is known.
func (r *Referenced) String() string { return r.Format(date.Long) }

// Format is String with the date in a style.
func (r *Referenced) Format(st date.Style) string {
	if r == nil {
		return ""
	}
	s := r.Title
	if r.KindLabel != "" && r.KindLabel != r.Title {
		s = r.KindLabel + ": " + s
	}
	if !r.Date.IsZero() {
		s += ", " + r.Date.Format(st)
	}
	if n := r.CaseNumber.String(); n != "" {
		s += ", dnr " + n
	}
	if r.Paragraph != "" {
		s += ", § " + r.Paragraph
	}
	return s
}

// ParagraphOf is the § number a document carries in a field named
// paragraf, of any kind ("" when it has none): a protocol extract's.
func ParagraphOf(d Document) string {
	if c, ok := d.(*Custom); ok {
		if v, ok := c.Fält["paragraf"]; ok {
			return strings.TrimSpace(strings.TrimPrefix(fmt.Sprint(v), "§"))
		}
		return ""
	}
	v := reflect.ValueOf(d)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return ""
	}
	for i := 0; i < v.NumField(); i++ {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
		if name == "paragraf" {
			f := v.Field(i)
			if f.IsZero() {
				return ""
			}
			return strings.TrimSpace(strings.TrimPrefix(fmt.Sprint(f.Interface()), "§"))
		}
	}
	return ""
}

// DocRefAt is a reference a document makes, the field path it stands at
// and the kinds it may name (none: any document kind).
type DocRefAt struct {
	Path  string
	Ref   DocRef
	Kinds []string
}

var docRefType = reflect.TypeFor[DocRef]()

// DocRefsOf lists every reference to another document that d makes, of
// any kind, with the field path the loader recorded its position under.
// A field may limit the kinds it names with a `kinds:"a,b"` tag.
func DocRefsOf(d Document) []DocRefAt {
	var out []DocRefAt
	var walk func(v reflect.Value, path fieldPath, kinds []string)
	walk = func(v reflect.Value, path fieldPath, kinds []string) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() && v.Type() != reflect.TypeFor[*Source]() && v.Type() != reflect.TypeFor[*KindSpec]() {
				walk(v.Elem(), path, kinds)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), path.index(i), kinds)
			}
		case reflect.Struct:
			if v.Type() == docRefType {
				if r := v.Interface().(DocRef); !r.IsZero() {
					// The kinds are the field table's: a copy of its own.
					out = append(out, DocRefAt{Path: string(path), Ref: r, Kinds: slices.Clone(kinds)})
				}
				return
			}
			for _, f := range fieldsOf(v.Type()) {
				switch {
				case f.dash:
				case f.inline:
					walk(v.Field(f.index), path, f.kinds)
				case f.name != "":
					walk(v.Field(f.index), path.field(f.name), f.kinds)
				}
			}
		}
	}
	walk(reflect.ValueOf(d), make(fieldPath, 0, 64), nil)
	return out
}

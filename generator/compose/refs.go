package compose

import (
	"fmt"
	"sort"
	"strings"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/model"
)

// fnDocument is `dokument "nyckel"`: the document a field refers to (a
// field of typ dokument, or the path of any reference such as
// "beslutsunderlag[0].dokument"), with .Kind, .KindLabel, .Title, .Date,
// .CaseNumber and .Paragraph; nil when the field is empty, so that
// `with` skips it. Printed as it is, it is one line (model.Referenced).
func (r *run) fnDocument(key string) (*model.Referenced, error) {
	if ref, ok := r.in.Refs[key]; ok {
		return ref, nil
	}
	if r.refField(key) {
		return nil, nil
	}
	var keys []string
	for k := range r.in.Refs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) == 0 {
		return nil, fmt.Errorf("dokument %q: the document refers to no other document", key)
	}
	return nil, fmt.Errorf("dokument %q: no reference at %q; the document refers to others at %s", key, key, strings.Join(keys, ", "))
}

// refField reports whether key is a reference field the document could
// fill and left empty.
func (r *run) refField(key string) bool {
	if c, ok := r.in.Doc.(*model.Custom); ok {
		f, ok := c.Spec.Field(key)
		return ok && f.Type == model.FieldDocument
	}
	return strings.HasSuffix(key, ".dokument")
}

// basisLine is one entry of the decision basis as a line: its title and
// date, with the case numbers and § of the document it refers to. The
// date is in the profile's datumformat for beslutsunderlag, by default
// lång ("den 20 november 2024").
func (r *run) basisLine(i int, b model.BasisDocument) string {
	st := date.Long
	if r.org != nil {
		if s, ok := r.org.DateStyles["beslutsunderlag"]; ok {
			st = s
		}
	}
	ref := r.in.Refs[fmt.Sprintf("beslutsunderlag[%d].dokument", i)]
	title := strings.TrimSpace(b.Title)
	if ref == nil {
		s := title
		if !b.Date.IsZero() {
			s += ", " + b.Date.Format(st)
		}
		return s
	}
	if title == "" && b.Date.IsZero() {
		return ref.Format(st)
	}
	t := *ref
	if title != "" {
		t.Title, t.KindLabel = title, ""
	}
	if !b.Date.IsZero() {
		t.Date = b.Date
	}
	return t.Format(st)
}

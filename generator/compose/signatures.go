package compose

import (
	"fmt"
	"strconv"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/filename"
	"github.com/underlag/underlag/generator/model"
)

// fnSignatures is `underskrifter`: the signature block, drawn as the
// document's profile says (model.SignatureSettingsOf). With no signers in
// the data, the signers the template gives get lines to sign on: a role
// ("Uppdragsägare") or a signer from `undertecknare` ("Förvaltningschef"
// and a person from personer.yaml).
//
// An empty list written out (underskrifter: []) means the document has no
// signature block at all, not even the template's.
func (r *run) fnSignatures(ss []model.Signer, defaults ...any) (safe, error) {
	if ss != nil && len(ss) == 0 {
		return "", nil
	}
	if len(ss) == 0 {
		for i, d := range defaults {
			switch d := d.(type) {
			case string:
				ss = append(ss, model.Signer{Role: d})
			case model.Signer:
				ss = append(ss, d)
			default:
				return "", fmt.Errorf("underskrifter: signer %d must be a role (text) or undertecknare \"Roll\" \"person-id\", not %T", i+1, d)
			}
		}
	}
	if len(ss) == 0 {
		return "", nil
	}
	set := model.SignatureSettingsOf(r.base, r.org)
	s := &doc.Signatures{
		Labels: doc.SignatureLabels{
			Signature: r.lbl("underskrift"), Date: r.lbl("datum"), Name: r.lbl("namnförtydligande"),
			Place: r.lbl("ort"), PlaceDate: r.lbl("ort_och_datum"), Instructions: r.lbl("signeringsinstruktioner"),
		},
		Beside:    set.Beside,
		PlaceDate: set.PlaceDate,
		Signable:  set.Signable,
	}
	switch set.Layout {
	case model.LayoutNameUnderLine:
		s.Layout = doc.NameUnderLine
	case model.LayoutNameOnly:
		// Nothing to sign on: the document is signed on paper or
		// elsewhere.
		s.Layout, s.Signable = doc.NameOnly, false
	}
	for _, m := range ss {
		p := r.person(m.Person)
		sg := doc.Signer{Role: m.Role, Name: p.Name, Title: p.Title, Place: m.Place, Date: m.Date.ISO(), ShowPlace: m.ShowPlace || m.Place != ""}
		if s.Signable {
			sg.Field = r.fieldName(s.Caption(&sg), sg.Name)
		}
		s.Signers = append(s.Signers, sg)
	}
	if s.PlaceDate {
		// The place is the profile's, else the first signer's; the date
		// is the document's, when it names a day: a month is no date to
		// sign on.
		s.Place = set.Place
		if s.Place == "" {
			s.Place = ss[0].Place
		}
		if d := r.base.Date; d.Prec == date.Day {
			s.Date = d.ISO()
		}
	}
	return r.place(s), nil
}

// fnSigner is `undertecknare "Roll" ["person-id"]`: a signer for a
// template's default signature block, looked up in personer.yaml, so that
// a template can name the official who always signs a kind of document.
func (r *run) fnSigner(role string, person ...string) (model.Signer, error) {
	s := model.Signer{Role: role}
	switch len(person) {
	case 0:
	case 1:
		p, ok := r.in.Registries.Resolve(model.Person{ID: person[0]})
		if !ok {
			return s, fmt.Errorf("undertecknare: no %q in the people registry (personer.yaml)", person[0])
		}
		s.Person = p
	default:
		return s, fmt.Errorf("undertecknare takes a role and at most one person id, not %d", len(person))
	}
	return s, nil
}

// fieldName names a signature field after its caption and the signer, in
// ASCII so that it can be typed on a command line (pdfsig -sign NAME) and
// compared byte for byte by every PDF reader: "underskrift-uppdragsagare-
// isabell-zemren". A name already given in the document gets a number.
func (r *run) fieldName(caption, name string) string {
	base := filename.Slug(caption + " " + name)
	if base == "" {
		base = "underskrift"
	}
	if r.fields == nil {
		r.fields = map[string]bool{}
	}
	n := base
	for i := 2; r.fields[n]; i++ {
		n = base + "-" + strconv.Itoa(i)
	}
	r.fields[n] = true
	return n
}

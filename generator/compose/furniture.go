package compose

import (
	"fmt"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// The running header and footer are described in the organisation profile
// (sidhuvud, sidfot) as lists of fields; without a description they show
// what a Swedish region's committee papers show. An office (förvaltning)
// the document names replaces the organisation's unit and address.

// Header fields, in the order documentation lists them.
var headerFields = []string{"organisation", "förvaltning", "dokumenttyp", "sida", "datum", "diarienummer", "handläggare", "nämnd", "titel"}

// Footer fields.
var footerFields = []string{"organisation", "förvaltning", "postadress", "besöksadress", "telefon", "epost", "webb", "organisationsnummer", "handläggare"}

// defaultFooterLabels are the lead texts of the default footer.
var defaultFooterLabels = model.FieldLabels{"besöksadress": "Besök: ", "telefon": "Tel ", "organisationsnummer": "Org.nr "}

// office is the document's sending office, if it names one that exists.
func (r *run) office() (model.Office, bool) {
	if r.officeDone {
		return r.officeVal, r.officeOK
	}
	r.officeDone = true
	id := strings.TrimSpace(r.base.Office)
	if id == "" {
		return model.Office{}, false
	}
	of, ok := r.org.Office(id)
	r.officeVal, r.officeOK = of, ok
	if !ok {
		var ids []string
		if r.org != nil {
			for _, o := range r.org.Offices {
				ids = append(ids, o.ID)
			}
		}
		msg := fmt.Sprintf("no office (förvaltning) %q in the organisation profile", id)
		if c := diag.Closest(id, ids); c != "" {
			msg += fmt.Sprintf("; did you mean %q?", c)
		} else if len(ids) > 0 {
			msg += "; valid ids: " + strings.Join(ids, ", ")
		} else {
			msg += "; declare the offices under förvaltningar in organisation.yaml"
		}
		r.errorf("förvaltning", "%s", msg)
	}
	return of, ok
}

// address is the office's address, its empty fields taken from the
// organisation's.
func (r *run) address() model.Address {
	if r.org == nil {
		return model.Address{}
	}
	a := r.org.Address
	if of, ok := r.office(); ok {
		o := of.Address
		for _, f := range []struct {
			dst *string
			v   string
		}{
			{&a.Postal, o.Postal}, {&a.Visiting, o.Visiting}, {&a.Phone, o.Phone},
			{&a.Email, o.Email}, {&a.Web, o.Web}, {&a.OrgNr, o.OrgNr},
		} {
			if strings.TrimSpace(f.v) != "" {
				*f.dst = f.v
			}
		}
	}
	return a
}

// field is the value of a header or footer field: a line of runs, nil when
// empty.
func (r *run) field(m *doc.Meta, name string) doc.Line {
	text := func(s string) doc.Line {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		return doc.Line{doc.Text(s)}
	}
	a := r.address()
	switch name {
	case "organisation":
		return text(m.Organisation)
	case "förvaltning":
		if of, ok := r.office(); ok {
			return text(of.Name)
		}
		if r.org != nil {
			return text(r.org.Unit)
		}
	case "dokumenttyp":
		return text(m.KindLabel)
	case "sida":
		return doc.Line{{Field: doc.PageField}, doc.Text(" ("), {Field: doc.PagesField}, doc.Text(")")}
	case "datum":
		return text(m.Date.ISO())
	case "diarienummer":
		return text(m.CaseNumber)
	case "handläggare":
		return text(m.CaseOfficer)
	case "nämnd":
		return text(m.Committee)
	case "titel":
		return text(m.Title)
	case "postadress":
		return text(a.Postal)
	case "besöksadress":
		return text(a.Visiting)
	case "telefon":
		return text(a.Phone)
	case "epost":
		return text(a.Email)
	case "webb":
		return text(a.Web)
	case "organisationsnummer":
		return text(a.OrgNr)
	}
	return nil
}

// labelled puts a field's lead text before it.
func labelled(labels model.FieldLabels, name string, l doc.Line) doc.Line {
	if lead := labels[name]; lead != "" && len(l) > 0 {
		return append(doc.Line{doc.Text(lead)}, l...)
	}
	return l
}

// checkFields reports field names that are not valid, at their place in
// the profile.
func (r *run) checkFields(path string, names, valid []string) {
	for i, n := range names {
		ok := false
		for _, v := range valid {
			ok = ok || v == n
		}
		if ok {
			continue
		}
		msg := fmt.Sprintf("no field %q", n)
		if c := diag.Closest(n, valid); c != "" {
			msg += fmt.Sprintf("; did you mean %q?", c)
		} else {
			msg += "; valid fields: " + strings.Join(valid, ", ")
		}
		p := fmt.Sprintf("%s[%d]", path, i)
		d := diag.Diagnostic{Path: p, Msg: msg}
		if r.org.Source != nil {
			pos := r.org.Source.Pos(p)
			d.File, d.Line, d.Col = r.org.Source.Path, pos.Line, pos.Col
		}
		r.diags.Add(d)
	}
}

// headerLines are a side of the header: one line per non-empty field, the
// first in bold, as the organisation's name and the document kind are.
func (r *run) headerLines(m *doc.Meta, fields []string, labels model.FieldLabels) []doc.Line {
	var out []doc.Line
	for _, f := range fields {
		l := r.field(m, f)
		if len(l) == 0 {
			continue
		}
		if len(out) == 0 && l[0].Field == doc.NoField {
			l = append(doc.Line{}, l...)
			l[0].Style |= doc.Bold
		}
		out = append(out, labelled(labels, f, l))
	}
	return out
}

func (r *run) header(m *doc.Meta, spec *model.HeaderSpec, path string) doc.Header {
	if spec == nil {
		left := []string{"förvaltning"}
		if r.org != nil {
			left = []string{"organisation", "förvaltning"}
		}
		spec = &model.HeaderSpec{Left: left, Right: []string{"dokumenttyp", "sida", "datum", "diarienummer"}}
	} else {
		r.checkFields(path+".vänster", spec.Left, headerFields)
		r.checkFields(path+".höger", spec.Right, headerFields)
	}
	return doc.Header{Left: r.headerLines(m, spec.Left, spec.Labels), Right: r.headerLines(m, spec.Right, spec.Labels)}
}

// footerLines are the footer: by the profile's lines of fields, or by
// default the organisation's name and address, on one line when it is
// short, else the addresses on one line and the ways to reach it on the
// next.
func (r *run) footerLines(m *doc.Meta, spec *model.FooterSpec) []doc.Line {
	const sep = " · "
	join := func(fields []string, labels model.FieldLabels) []string {
		var parts []string
		for _, f := range fields {
			if l := r.field(m, f); len(l) > 0 {
				parts = append(parts, doc.Plain(labelled(labels, f, l)))
			}
		}
		return parts
	}
	if spec != nil && spec.Lines != nil && len(spec.Lines) == 0 {
		return nil // rader: [] written out: no footer
	}
	if spec != nil && len(spec.Lines) > 0 {
		var out []doc.Line
		for i, line := range spec.Lines {
			r.checkFields(fmt.Sprintf("sidfot.rader[%d]", i), line, footerFields)
			if parts := join(line, spec.Labels); len(parts) > 0 {
				out = append(out, doc.Line{doc.Text(strings.Join(parts, sep))})
			}
		}
		return out
	}
	if r.org == nil {
		return nil
	}
	labels := defaultFooterLabels
	if spec != nil && len(spec.Labels) > 0 {
		labels = model.FieldLabels{}
		for k, v := range defaultFooterLabels {
			labels[k] = v
		}
		for k, v := range spec.Labels {
			labels[k] = v
		}
	}
	name := "organisation"
	if _, ok := r.office(); ok {
		name = "förvaltning"
	}
	addr := join([]string{name, "postadress", "besöksadress"}, labels)
	contact := join([]string{"telefon", "epost", "webb", "organisationsnummer"}, labels)
	one := strings.Join(append(append([]string{}, addr...), contact...), sep)
	if one == "" {
		return nil
	}
	if len([]rune(one)) <= 110 || len(addr) == 0 || len(contact) == 0 {
		return []doc.Line{{doc.Text(one)}}
	}
	return []doc.Line{{doc.Text(strings.Join(addr, sep))}, {doc.Text(strings.Join(contact, sep))}}
}

// furnishProfile fills the running header and footer, and page one's own
// when the profile gives one, from the profile's sidhuvud and sidfot: the
// built-in furniture templates' shorthand (profilens_sidhuvud).
func (r *run) furnishProfile(m *doc.Meta) {
	var hs *model.HeaderSpec
	var fs *model.FooterSpec
	if r.org != nil {
		hs, fs = r.org.Header, r.org.Footer
	}
	m.Header = r.header(m, hs, "sidhuvud")
	footer := r.footerLines(m, fs)
	m.Footer = footer
	firstHeader := hs != nil && hs.FirstPage != nil
	firstOnly := fs != nil && fs.FirstPageOnly
	if !firstHeader && !firstOnly {
		return
	}
	first := &doc.Page{Header: m.Header, Footer: footer}
	if firstHeader {
		first.Header = r.header(m, hs.FirstPage, "sidhuvud.första_sidan")
	}
	if firstOnly {
		m.Footer = nil
	}
	m.First = first
}

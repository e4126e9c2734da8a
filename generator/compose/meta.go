package compose

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// meta fills what the document says about itself: the running header and
// footer, file properties, the logo and the YAML source as an attachment.
func (r *run) meta() doc.Meta {
	kind := model.KindOf(r.in.Doc)
	m := doc.Meta{
		Type:       string(kind),
		KindLabel:  r.lbl(string(kind)),
		Title:      r.title(),
		Date:       r.base.Date,
		CaseNumber: strings.TrimSpace(r.base.CaseNumber),
		Language:   "sv-SE",
		Creator:    r.in.Creator,
	}
	if r.org != nil {
		m.Organisation = r.org.Name
	}
	var abbrevs []string
	switch d := r.in.Doc.(type) {
	case *model.Directive:
		abbrevs = d.Committees
	case *model.Memo:
		abbrevs = []string{d.Committee}
		m.CaseOfficer = r.person(d.CaseOfficer).Name
	case *model.StatusReport:
		if r.in.Directive != nil {
			abbrevs = r.in.Directive.Committees
		}
	}
	var names []string
	for _, a := range abbrevs {
		if a = strings.TrimSpace(a); a != "" {
			names = append(names, r.committeeName(a))
		}
	}
	m.Committee = joinSwedish(names)
	if m.Committee != "" {
		m.Subject = m.KindLabel + " till " + m.Committee
	} else {
		m.Subject = m.KindLabel + ": " + m.Title
	}
	m.Keywords = append(m.Keywords, m.KindLabel)
	if m.CaseNumber != "" {
		m.Keywords = append(m.Keywords, m.CaseNumber)
	}
	for _, a := range abbrevs {
		if a = strings.TrimSpace(a); a != "" {
			m.Keywords = append(m.Keywords, a)
		}
	}

	if r.org != nil {
		m.Header.Left = append(m.Header.Left, doc.Line{doc.Strong(r.org.Name)})
		if u := strings.TrimSpace(r.org.Unit); u != "" {
			m.Header.Left = append(m.Header.Left, doc.Line{doc.Text(u)})
		}
	}
	m.Header.Right = append(m.Header.Right,
		doc.Line{doc.Strong(m.KindLabel)},
		doc.Line{{Field: doc.PageField}, doc.Text(" ("), {Field: doc.PagesField}, doc.Text(")")},
	)
	if !m.Date.IsZero() {
		m.Header.Right = append(m.Header.Right, doc.Line{doc.Text(m.Date.ISO())})
	}
	if m.CaseNumber != "" {
		m.Header.Right = append(m.Header.Right, doc.Line{doc.Text(m.CaseNumber)})
	}
	m.Footer = r.footer()
	m.Logo = r.logo()

	if r.src != nil && len(r.src.Data) > 0 {
		base := filepath.Base(r.src.Path)
		base = strings.TrimSuffix(base, filepath.Ext(base)) + ".yaml"
		m.Attachments = append(m.Attachments, doc.Attachment{
			Name: base, Description: "Data som dokumentet är gjort av", MIME: "application/yaml", Data: r.src.Data,
		})
	}
	return m
}

// joinSwedish joins "a", "a och b", "a, b och c".
func joinSwedish(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " och " + s[len(s)-1]
}

// footer is the organisation's address: one line when it is short, else
// the addresses on one line and the ways to reach it on the next.
func (r *run) footer() []doc.Line {
	if r.org == nil {
		return nil
	}
	a := r.org.Address
	var addr, contact []string
	add := func(to *[]string, prefix, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*to = append(*to, prefix+v)
		}
	}
	add(&addr, "", r.org.Name)
	add(&addr, "", a.Postal)
	add(&addr, "Besök: ", a.Visiting)
	add(&contact, "Tel ", a.Phone)
	add(&contact, "", a.Email)
	add(&contact, "", a.Web)
	add(&contact, "Org.nr ", a.OrgNr)
	const sep = " · "
	one := strings.Join(append(append([]string{}, addr...), contact...), sep)
	if one == "" {
		return nil
	}
	if len([]rune(one)) <= 110 || len(addr) == 0 || len(contact) == 0 {
		return []doc.Line{{doc.Text(one)}}
	}
	return []doc.Line{{doc.Text(strings.Join(addr, sep))}, {doc.Text(strings.Join(contact, sep))}}
}

// logo loads the organisation's logo, relative to organisation.yaml, once
// per Composer.
func (r *run) logo() *doc.Image {
	if r.org == nil || strings.TrimSpace(r.org.Logo) == "" {
		return nil
	}
	p := r.org.Logo
	orgFile := ""
	if r.org.Source != nil {
		orgFile = r.org.Source.Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(orgFile), p)
		}
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if img, ok := r.c.logos.Load(p); ok {
		return img.(*doc.Image)
	}
	report := func(msg string) *doc.Image {
		d := diag.Diagnostic{File: orgFile, Path: "logotyp", Msg: msg}
		if r.org.Source != nil {
			pos := r.org.Source.Pos("logotyp")
			d.Line, d.Col = pos.Line, pos.Col
		}
		r.diags.Add(d)
		return nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return report("cannot read the logo: " + err.Error())
	}
	var format string
	switch http.DetectContentType(b) {
	case "image/png":
		format = "png"
	case "image/jpeg":
		format = "jpeg"
	default:
		return report("the logo must be a PNG or JPEG image")
	}
	alt := strings.TrimSpace(r.org.LogoAlt)
	if alt == "" {
		alt = r.org.Name
	}
	img := &doc.Image{Data: b, Format: format, Alt: alt}
	v, _ := r.c.logos.LoadOrStore(p, img)
	return v.(*doc.Image)
}

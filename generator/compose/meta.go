package compose

import (
	"net/http"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// meta fills what the document says about itself: the running header and
// footer, file properties, the logo and the YAML source as an attachment.
func (r *run) meta() doc.Meta {
	kind := r.in.Kind.Name
	m := doc.Meta{
		Type:       string(kind),
		KindLabel:  r.kindLabel(),
		Title:      r.title(),
		Date:       r.base.Date,
		CaseNumber: r.base.CaseNumber.String(),
		Language:   "sv-SE",
		Creator:    r.in.Creator,
	}
	if r.org != nil {
		m.Organisation = r.org.Name
	}
	abbrevs := model.AddresseesOf(r.in.Doc, r.in.Directive)
	if d, ok := r.in.Doc.(model.Officered); ok {
		m.CaseOfficer = r.person(d.Officer()).Name
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

	m.Names = r.names()
	r.furnish(&m)
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

// logo is the organisation's logo, read by the loader.
func (r *run) logo() *doc.Image {
	if r.org == nil || len(r.in.Logo) == 0 {
		return nil
	}
	var format string
	switch http.DetectContentType(r.in.Logo) {
	case "image/png":
		format = "png"
	case "image/jpeg":
		format = "jpeg"
	default:
		d := diag.Diagnostic{Path: "logotyp", Msg: "the logo must be a PNG or JPEG image"}
		if r.org.Source != nil {
			pos := r.org.Source.Pos("logotyp")
			d.File, d.Line, d.Col = r.org.Source.Path, pos.Line, pos.Col
		}
		r.diags.Add(d)
		return nil
	}
	alt := strings.TrimSpace(r.org.LogoAlt)
	if alt == "" {
		alt = r.org.Name
	}
	return &doc.Image{Data: r.in.Logo, Format: format, Alt: alt}
}

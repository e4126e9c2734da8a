package load

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// MaxReferenceSize bounds a reference document: Word's own templates are
// tens of kilobytes; a few megabytes allow for embedded fonts and logos.
const MaxReferenceSize = 32 << 20

// ReferenceDOCX resolves the reference document the organisation profile
// of the data tree at dir names (referensdokument:), confined to that tree
// as a logo is, and checks that it can be read within MaxReferenceSize. It
// returns the resolved path, or "" when the profile names none.
func (l *Loader) ReferenceDOCX(dir string) (string, diag.List) {
	reg, diags := l.Registries(dir)
	if diags.HasErrors() {
		return "", diags
	}
	o := reg.Organisation
	if o == nil || o.Source == nil || strings.TrimSpace(o.ReferenceDOCX) == "" {
		return "", nil
	}
	const field = "referensdokument"
	at := func(msg string) diag.List {
		pos := o.Source.Pos(field)
		return diag.List{{File: o.Source.Path, Line: pos.Line, Col: pos.Col, Path: field, Msg: msg,
			Excerpt: model.LineOf(o.Source.Data, pos.Line)}}
	}
	if !strings.EqualFold(filepath.Ext(o.ReferenceDOCX), ".docx") {
		return "", at(fmt.Sprintf("%s is not a Word document (.docx); save the reference document as .docx", o.ReferenceDOCX))
	}
	roots := append([]string(nil), l.roots...)
	if r, err := realDir(filepath.Dir(o.Source.Path)); err == nil {
		roots = append(roots, r)
	}
	// Read once, confined and bounded, so that what the build opens later
	// is known to be a regular file inside the tree.
	p, _, bad := readRef(o.Source, field, o.ReferenceDOCX, roots, MaxReferenceSize)
	if bad != nil {
		return "", diag.List{*bad}
	}
	return p, nil
}

// MaxFontSize bounds a font file: a TrueType face of a Latin typeface is
// tens to hundreds of kilobytes; CJK faces reach tens of megabytes.
const MaxFontSize = 32 << 20

// Font is an organisation's own typeface, read: its name and the bytes of
// each face (nil for a face it does not name).
type Font struct {
	Name                              string
	Regular, Bold, Italic, BoldItalic []byte
}

// Font reads the typeface the organisation profile of the data tree at
// dir names (typsnitt:), each file resolved and confined to the tree as a
// logo is and read with a bound; nil when the profile names none.
func (l *Loader) Font(dir string) (*Font, diag.List) {
	reg, diags := l.Registries(dir)
	if diags.HasErrors() {
		return nil, diags
	}
	o := reg.Organisation
	if o == nil || o.Source == nil || o.Font == nil {
		return nil, nil
	}
	roots := append([]string(nil), l.roots...)
	if r, err := realDir(filepath.Dir(o.Source.Path)); err == nil {
		roots = append(roots, r)
	}
	f := &Font{Name: strings.TrimSpace(o.Font.Name)}
	var out diag.List
	for _, face := range []struct {
		key  string
		ref  string
		into *[]byte
	}{
		{"typsnitt.normal", o.Font.Regular, &f.Regular},
		{"typsnitt.fet", o.Font.Bold, &f.Bold},
		{"typsnitt.kursiv", o.Font.Italic, &f.Italic},
		{"typsnitt.fet_kursiv", o.Font.BoldItalic, &f.BoldItalic},
	} {
		if strings.TrimSpace(face.ref) == "" {
			continue
		}
		_, data, bad := readRef(o.Source, face.key, face.ref, roots, MaxFontSize)
		if bad != nil {
			out = append(out, *bad)
			continue
		}
		*face.into = data
	}
	if out.HasErrors() {
		return nil, out
	}
	return f, nil
}

// FontDiagnostic is a problem of the font file at the profile's key (a
// licence that forbids embedding), placed at that key's line.
func (l *Loader) FontDiagnostic(dir, key, msg string) diag.List {
	reg, _ := l.Registries(dir)
	if reg == nil || reg.Organisation == nil || reg.Organisation.Source == nil {
		return diag.List{{Msg: msg}}
	}
	src := reg.Organisation.Source
	pos := src.Pos(key)
	return diag.List{{File: src.Path, Line: pos.Line, Col: pos.Col, Path: key, Msg: msg, Excerpt: model.LineOf(src.Data, pos.Line)}}
}

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
	p, bad := resolveRef(o.Source, field, o.ReferenceDOCX, roots)
	if bad != nil {
		return "", diag.List{*bad}
	}
	if _, err := ReadFile(p, MaxReferenceSize); err != nil {
		return "", at(fmt.Sprintf("cannot read the reference document %s: %v", o.ReferenceDOCX, err))
	}
	return p, nil
}

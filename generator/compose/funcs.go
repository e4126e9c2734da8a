package compose

import (
	"fmt"
	"maps"
	"strings"
	"text/template"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// funcs are the template functions, bound to this run. docs/templates.md
// lists them; keep the two in step.
func (r *run) funcs() template.FuncMap {
	m := template.FuncMap{
		escName: escapeValue,

		// Text and headings.
		"md":                 r.fnMarkdown,
		"rubrik":             r.fnHeading,
		"etikett":            r.fnLabel,
		"titel":              r.title,
		"numrerade_rubriker": func() safe { r.numbered = true; return "" },
		"datum":              r.fnDate,
		"långt_datum":        func(d date.Date) string { return d.Long() },
		"nämnd":              r.committeeName,
		"direktiv":           func() *model.Directive { return r.in.Directive },
		"dokument":           r.fnDocument,
		"person":             r.fnPerson,
		"namn_titel":         func(p model.Person) string { return nameTitle(r.person(p)) },
		"kontakt":            r.fnContact,

		// Blocks built from data.
		"fakta":           r.fnFacts,
		"tidplan":         r.fnTimelineColumns,
		"milstolpar":      r.fnMilestonesColumns,
		"delaktiviteter":  r.fnActivitiesColumns,
		"organisation":    r.fnOrganisation,
		"definitioner":    r.fnDefinitions,
		"underskrifter":   r.fnSignatures,
		"undertecknare":   r.fnSigner,
		"förslag":         r.fnProposal,
		"beslutsunderlag": r.fnBasis,
		"expedieras":      r.fnDispatch,
		"tabell":          r.fnTableColumns,
		"punktlista":      r.fnList,
		"tidslinje":       r.fnTidslinje,
	}
	maps.Copy(m, r.pageFuncs())
	return m
}

// fnMarkdown is `md`: a Markdown field parsed into blocks. An empty field
// prints nothing, so that its section disappears.
func (r *run) fnMarkdown(v any) safe {
	var s string
	switch v := v.(type) {
	case model.Markdown:
		s = string(v)
	case string:
		s = v
	case nil:
	default:
		s = fmt.Sprint(v)
	}
	return r.place(r.markdownBlocks(s)...)
}

// fnHeading is `rubrik`: a label as heading text, tagged with its key so
// that extra sections can be placed after it.
func (r *run) fnHeading(key string) (safe, error) {
	v, ok := r.label(key)
	if !ok {
		return "", labelError(key, r.labelKeys())
	}
	return safe(escapeMarkdown(v)) + sectionTag(key), nil
}

// fnLabel is `etikett`: a label as plain text.
func (r *run) fnLabel(key string) (string, error) {
	v, ok := r.label(key)
	if !ok {
		return "", labelError(key, r.labelKeys())
	}
	return v, nil
}

// title is the document's title: its own, or for a memo or a status
// report the directive's.
func (r *run) title() string {
	t := strings.TrimSpace(r.base.Title)
	label := r.kindLabel()
	if d, ok := r.in.Doc.(model.Titled); ok && t == "" {
		t = d.DefaultTitle(r.in.Directive, label)
	}
	if t == "" {
		t = label
	}
	return t
}

// The status report's functions (status, aktivitetsstatus, …) are the
// status kind's: generator/kind/statusfuncs.go. allFuncs (builder.go)
// adds them, and every other kind's, to the composer's own.

func para(runs ...doc.Inline) *doc.Paragraph { return &doc.Paragraph{Text: runs} }

func textPara(s string) doc.Block {
	if s == "" {
		return nil
	}
	return para(doc.Text(s))
}

// kindLabel is the document's kind as the header prints it: the labels'
// entry for its name, else the kind's own printed name.
func (r *run) kindLabel() string {
	if v, ok := r.label(string(r.in.Kind.Name)); ok {
		return v
	}
	return r.in.Kind.PrintedName()
}

// fnPerson is `person`: a person looked up in the people registry, by id
// ("erika-frohm") or as given in the data; the template reads .Name,
// .Title and .Unit.
func (r *run) fnPerson(v any) (model.Person, error) {
	switch v := v.(type) {
	case model.Person:
		return r.person(v), nil
	case string:
		p, ok := r.in.Registries.Resolve(model.Person{ID: v})
		if !ok {
			return model.Person{}, fmt.Errorf("person: no %q in the people registry (personer.yaml)", v)
		}
		return p, nil
	}
	return model.Person{}, fmt.Errorf("person takes a person or a person id, not %T", v)
}

// fnList is `punktlista`: a list field as a bullet list.
func (r *run) fnList(items []model.Markdown) safe {
	if len(items) == 0 {
		return ""
	}
	l := &doc.List{}
	for _, it := range items {
		l.Items = append(l.Items, doc.ListItem{Blocks: r.markdownBlocks(string(it))})
	}
	return r.place(l)
}

// fnTable is `tabell "nyckel"`: a table field of a kind defined in data,
// under its columns' headings; a cell is Markdown, or a date printed in
// the style the template (last argument) or the profile's datumformat
// for the key gives.
func (r *run) fnTable(key string, style ...string) (safe, error) {
	t, ok := r.in.Doc.(interface {
		Table(key string) ([]model.ColumnSpec, [][]any, bool)
	})
	if !ok {
		return "", fmt.Errorf("tabell %q: this kind has no table fields", key)
	}
	cols, rows, ok := t.Table(key)
	if !ok {
		return "", fmt.Errorf("tabell %q: no table field %q", key, key)
	}
	if len(rows) == 0 {
		return "", nil
	}
	st, err := r.dateStyle(key, style)
	if err != nil {
		return "", err
	}
	tb := &doc.Table{}
	head := doc.Row{}
	for _, c := range cols {
		tb.Columns = append(tb.Columns, doc.Column{Width: c.Width})
		head.Cells = append(head.Cells, doc.TextCell(c.Heading()))
	}
	tb.Header = []doc.Row{head}
	for _, row := range rows {
		var dr doc.Row
		for _, cell := range row {
			switch v := cell.(type) {
			case date.Date:
				dr.Cells = append(dr.Cells, dateCell(v, st))
			case model.Markdown:
				dr.Cells = append(dr.Cells, blocksCell(r.markdownBlocks(string(v))))
			default:
				dr.Cells = append(dr.Cells, doc.TextCell(fmt.Sprint(v)))
			}
		}
		tb.Rows = append(tb.Rows, dr)
	}
	return r.place(tb), nil
}

package compose

import (
	"fmt"
	"strings"
	"text/template"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// funcs are the template functions, bound to this run. docs/templates.md
// lists them; keep the two in step.
func (r *run) funcs() template.FuncMap {
	return template.FuncMap{
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

		// Blocks built from data.
		"fakta":           r.fnFacts,
		"tidplan":         r.fnTimeline,
		"milstolpar":      r.fnMilestones,
		"delaktiviteter":  r.fnActivities,
		"organisation":    r.fnOrganisation,
		"definitioner":    r.fnDefinitions,
		"underskrifter":   r.fnSignatures,
		"förslag":         r.fnProposal,
		"beslutsunderlag": r.fnBasis,
		"expedieras":      r.fnDispatch,

		// Status report.
		"status":           r.fnStatus,
		"aktivitetsstatus": r.fnActivityStatus,
		"milstolpsstatus":  r.fnMilestoneStatus,
		"avvikelser":       r.fnDeviations,
		"risker":           r.fnRisks,
	}
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
		return "", fmt.Errorf("no label %q in etiketter.yaml; valid keys: %s", key, strings.Join(r.c.labelKeys, ", "))
	}
	return safe(escapeMarkdown(v)) + sectionTag(key), nil
}

// fnLabel is `etikett`: a label as plain text.
func (r *run) fnLabel(key string) (string, error) {
	v, ok := r.label(key)
	if !ok {
		return "", fmt.Errorf("no label %q in etiketter.yaml; valid keys: %s", key, strings.Join(r.c.labelKeys, ", "))
	}
	return v, nil
}

// title is the document's title: its own, or for a memo or a status
// report the directive's.
func (r *run) title() string {
	t := strings.TrimSpace(r.base.Title)
	label := r.lbl(string(r.in.Kind.Name))
	if d, ok := r.in.Doc.(model.Titled); ok && t == "" {
		t = d.DefaultTitle(r.in.Directive, label)
	}
	if t == "" {
		t = label
	}
	return t
}

func para(runs ...doc.Inline) *doc.Paragraph { return &doc.Paragraph{Text: runs} }

func textPara(s string) doc.Block {
	if s == "" {
		return nil
	}
	return para(doc.Text(s))
}

package compose

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/underlag/underlag/generator/date"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// Tables from data are built here as doc nodes, never as Markdown text, so
// that a cell holding `|` or a newline stays one cell.
//
// table returns a doc.Block, not a *doc.Table, so that "no rows" is a nil
// interface that place drops, never a typed nil that renderers would trip on.
func (r *run) table(widths []float64, headerKeys []string, rows []doc.Row) doc.Block {
	if len(rows) == 0 {
		return nil
	}
	t := &doc.Table{Rows: rows}
	h := doc.Row{}
	for i, k := range headerKeys {
		t.Columns = append(t.Columns, doc.Column{Width: widths[i]})
		h.Cells = append(h.Cells, doc.TextCell(r.lbl(k)))
	}
	t.Header = []doc.Row{h}
	return t
}

func cells(cs ...doc.Cell) doc.Row { return doc.Row{Cells: cs} }

func blocksCell(bs []doc.Block) doc.Cell { return doc.Cell{Blocks: bs} }

// factsTable is a borderless label–value table, such as a memo's
// first-page block; rows with an empty value are left out.
func (r *run) factsTable(pairs ...[2]string) doc.Block {
	t := &doc.Table{Borderless: true, Columns: []doc.Column{{Width: 1}, {Width: 3}}}
	for _, p := range pairs {
		if strings.TrimSpace(p[1]) == "" {
			continue
		}
		t.Rows = append(t.Rows, cells(doc.TextCell(p[0]), doc.TextCell(p[1])))
	}
	if len(t.Rows) == 0 {
		return nil
	}
	return t
}

// fnFacts is `fakta "etikett" värde …`: what page one says in the body,
// since screen readers skip the running header, as a borderless table of
// label keys and values, in the order the template gives them. A value
// may be text, a date (printed ISO), a person (resolved against the people
// registry, "Namn, Titel"), a period ("från – till") or a document such as the
// directive (its title); pairs with an empty value are left out.
func (r *run) fnFacts(kv ...any) (safe, error) {
	var pairs [][2]string
	for i := 0; i < len(kv); i++ {
		// The document's own rows, labelled as written, where the
		// template puts them.
		if fs, ok := kv[i].([]model.Fact); ok {
			for _, f := range fs {
				pairs = append(pairs, [2]string{f.Label, f.Value})
			}
			continue
		}
		key, ok := kv[i].(string)
		if !ok {
			return "", fmt.Errorf("fakta: argument %d must be a label key (text) or a list of facts, not %T", i+1, kv[i])
		}
		if i+1 >= len(kv) {
			return "", fmt.Errorf("fakta takes pairs of label key and value, such as fakta \"datum\" .Date; %q has no value", key)
		}
		pairs = append(pairs, [2]string{r.factLabel(key), r.factValue(kv[i+1])})
		i++
	}
	return r.place(r.factsTable(pairs...)), nil
}

// factLabel is a facts row's label: the labels' text for the key, else
// the heading a kind defined in data gives the field, else the key with a
// capital letter.
func (r *run) factLabel(key string) string {
	if v, ok := r.label(key); ok {
		return v
	}
	if k := r.in.Kind; k != nil && k.FieldLabel != nil {
		if v, ok := k.FieldLabel(key); ok {
			return v
		}
	}
	return model.Capitalise(strings.ReplaceAll(key, "_", " "))
}

// factValue prints one value of the facts table.
func (r *run) factValue(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case date.Date:
		return v.ISO()
	case model.Person:
		return nameTitle(r.person(v))
	case model.Period:
		if v.From.IsZero() && v.To.IsZero() {
			return ""
		}
		return strings.TrimSpace(v.From.ISO() + " – " + v.To.ISO())
	case model.Document:
		if reflect.ValueOf(v).IsNil() {
			return ""
		}
		return v.Base().Title
	}
	return fmt.Sprint(v)
}

// nameTitle is "Name, Title", or whichever of the two is known.
func nameTitle(p model.Person) string {
	parts := make([]string, 0, 2)
	for _, s := range []string{p.Name, p.Title} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) < 2 && strings.TrimSpace(p.Unit) != "" {
		parts = append(parts, strings.TrimSpace(p.Unit))
	}
	return strings.Join(parts, ", ")
}

// nameUnit is "Name (Unit)", as a commission's member list has it.
func nameUnit(p model.Person) string {
	s := strings.TrimSpace(p.Name)
	if u := strings.TrimSpace(p.Unit); u != "" {
		s += " (" + u + ")"
	}
	return s
}

// fnTimeline is `tidplan`: phases and decision points, the first line of
// each bold ("BP1 Beslut"), then what it is about.
func (r *run) fnTimeline(ps []model.Phase, style ...string) (safe, error) {
	st, err := r.dateStyle("tidplan", style)
	if err != nil {
		return "", err
	}
	var rows []doc.Row
	for _, p := range ps {
		head := strings.TrimSpace(strings.TrimSpace(p.ID) + " " + strings.TrimSpace(p.Label))
		var bs []doc.Block
		if head != "" {
			bs = append(bs, para(doc.Strong(head)))
		}
		if p := textPara(strings.TrimSpace(p.Description)); p != nil {
			bs = append(bs, p)
		}
		rows = append(rows, cells(blocksCell(bs), dateCell(p.Start, st), dateCell(p.End, st)))
	}
	return r.place(r.table([]float64{3, 1, 1}, []string{"fas_beslutspunkt", "start", "slut"}, rows)), nil
}

// fnMilestones is `milstolpar`.
func (r *run) fnMilestones(ms []model.Milestone, style ...string) (safe, error) {
	st, err := r.dateStyle("milstolpar", style)
	if err != nil {
		return "", err
	}
	var rows []doc.Row
	for _, m := range ms {
		rows = append(rows, cells(dateCell(m.Date, st), doc.TextCell(m.Decision), doc.TextCell(m.ID), doc.TextCell(m.Comment)))
	}
	return r.place(r.table([]float64{1.2, 2.5, 1.2, 2}, []string{"datum", "beslut", "beslutspunkt", "kommentar"}, rows)), nil
}

// fnActivities is `delaktiviteter`.
func (r *run) fnActivities(as []model.Activity, style ...string) (safe, error) {
	st, err := r.dateStyle("delaktiviteter", style)
	if err != nil {
		return "", err
	}
	var rows []doc.Row
	for _, a := range as {
		rows = append(rows, cells(blocksCell(r.markdownBlocks(string(a.Activity))), dateCell(a.Start, st), dateCell(a.End, st), doc.TextCell(a.Responsible)))
	}
	return r.place(r.table([]float64{3.5, 1.2, 1.2, 2}, []string{"aktivitet", "startdatum", "slutdatum", "ansvarig"}, rows)), nil
}

// fnOrganisation is `organisation`: one paragraph a role, "Uppdragsägare:
// …", in the directive's order.
func (r *run) fnOrganisation(o model.Organisation) safe {
	var out []doc.Block
	add := func(label string, role model.Role) {
		if role.IsZero() {
			return
		}
		var names []string
		for _, p := range role.People {
			if s := nameUnit(r.person(p)); s != "" {
				names = append(names, s)
			}
		}
		runs := []doc.Inline{doc.Strong(label + ":"), doc.Text(" ")}
		if len(names) > 0 {
			runs = append(runs, doc.Text(strings.Join(names, ", ")))
		}
		text := r.markdownBlocks(string(role.Text))
		if len(text) > 0 {
			if p, ok := text[0].(*doc.Paragraph); ok {
				if len(names) > 0 {
					runs = append(runs, doc.Text(", "))
				}
				runs = append(runs, p.Text...)
				text = text[1:]
			}
		}
		out = append(out, para(runs...))
		out = append(out, text...)
	}
	add(r.lbl("uppdragsägare"), o.Owner)
	add(r.lbl("uppdragsledare"), o.Leader)
	add(r.lbl("uppdragsmedlemmar"), o.Members)
	add(r.lbl("mottagare_av_resultatet"), o.Recipient)
	add(r.lbl("övriga_intressenter"), o.Stakeholders)
	for _, nr := range o.Other {
		add(nr.Name, nr.Role)
	}
	return r.place(out...)
}

// fnProposal is `förslag`: the proposal for decision as text, or an
// introduction and points, numbered or as "att"-clauses.
func (r *run) fnProposal(p model.Proposal) safe {
	var out []doc.Block
	out = append(out, r.markdownBlocks(string(p.Text))...)
	if len(p.Points) == 0 {
		if in := r.markdownInline(p.Intro); len(in) > 0 {
			out = append(out, para(in...))
		}
		return r.place(out...)
	}
	if in := r.markdownInline(p.Intro); len(in) > 0 {
		out = append(out, &doc.Paragraph{Text: in, KeepWithNext: true})
	}
	if p.Form == "att" {
		att := r.lbl("att")
		for _, pt := range p.Points {
			runs := append([]doc.Inline{doc.Text(att + " ")}, r.markdownInline(string(pt))...)
			out = append(out, para(mergeRuns(runs)...))
		}
		return r.place(out...)
	}
	l := &doc.List{Ordered: true}
	for _, pt := range p.Points {
		l.Items = append(l.Items, doc.ListItem{Blocks: r.markdownBlocks(string(pt))})
	}
	out = append(out, l)
	return r.place(out...)
}

// fnBasis is `beslutsunderlag`: a list of documents, each with its date in
// running-text form when given. A document with a file is an attachment,
// and is listed by its number ("Bilaga 1 …"), in the memo on its own as in
// the packet: a memo whose basis has files goes out with them.
func (r *run) fnBasis(bs []model.BasisDocument) safe {
	l := &doc.List{}
	n := 0
	for i, b := range bs {
		s := r.basisLine(i, b)
		if b.File != "" {
			n++
			s = model.Attachment{Number: n, Title: b.Title, Date: b.Date}.Heading()
		}
		l.Items = append(l.Items, doc.ListItem{Blocks: []doc.Block{textPara(s)}})
	}
	if len(l.Items) == 0 {
		return ""
	}
	return r.place(l)
}

// fnDispatch is `expedieras`: one line a recipient, "Name, title".
func (r *run) fnDispatch(ps []model.Person) safe {
	var runs []doc.Inline
	for _, p := range ps {
		s := nameTitle(r.person(p))
		if s == "" {
			continue
		}
		if len(runs) > 0 {
			runs = append(runs, doc.Inline{Break: true})
		}
		runs = append(runs, doc.Text(s))
	}
	if len(runs) == 0 {
		return ""
	}
	return r.place(para(runs...))
}

// mergeRuns joins neighbouring runs of the same kind.
func mergeRuns(in []doc.Inline) []doc.Inline { return doc.MergeRuns(in) }

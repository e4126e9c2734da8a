package kind

import (
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// statusFuncs are the template functions the status report brings. They
// are bound to one Compose call, and compute what is late once for it.
func statusFuncs(b Builder) FuncMap {
	r := &statusRun{b: b}
	return FuncMap{
		"status":           r.fnStatus,
		"aktivitetsstatus": r.fnActivityColumns,
		"aktivitetsrader":  r.fnActivityRows,
		"milstolpsstatus":  r.fnMilestoneColumns,
		"milstolpsrader":   r.fnMilestoneRows,
		"avvikelser":       r.fnDeviations,
		"risker":           r.fnRiskColumns,
		"teckenförklaring": r.fnLegend,
	}
}

// statusRun is the state of the status functions in one Compose call.
type statusRun struct {
	b    Builder
	late *lateness // what is late, computed once
}

// safe is what the functions print: see Markup.
type safe = Markup

// The builder's methods under the names the composer's own functions use.
func (r *statusRun) place(bs ...doc.Block) safe          { return r.b.Place(bs...) }
func (r *statusRun) lbl(key string) string               { return r.b.Label(key) }
func (r *statusRun) markdownBlocks(s string) []doc.Block { return r.b.Markdown(s) }
func (r *statusRun) table(widths []float64, keys []string, rows []doc.Row) doc.Block {
	return r.b.Table(widths, keys, rows)
}
func (r *statusRun) warnf(path, format string, args ...any)  { r.b.Warnf(path, format, args...) }
func (r *statusRun) errorf(path, format string, args ...any) { r.b.Errorf(path, format, args...) }

// Small constructors of tree nodes, as the composer has them.
func para(runs ...doc.Inline) *doc.Paragraph { return &doc.Paragraph{Text: runs} }

func textPara(s string) doc.Block {
	if s == "" {
		return nil
	}
	return para(doc.Text(s))
}

func cells(cs ...doc.Cell) doc.Row { return doc.Row{Cells: cs} }

func blocksCell(bs []doc.Block) doc.Cell { return doc.Cell{Blocks: bs} }

func mergeRuns(in []doc.Inline) []doc.Inline { return doc.MergeRuns(in) }

// A status report states what can be computed: as of the report date, an
// activity whose planned end or forecast has passed without being done is
// late, and so is a milestone whose date has passed without being reached.
// date.Before compares spans, so an end of 2025-09 has passed on
// 2025-11-15 but an end of 2025-11 has not.

type activityRow struct {
	id          string
	activity    model.Markdown
	responsible string
	end         date.Date
	st          *model.ActivityStatus
	late        bool
}

type milestoneRow struct {
	id, decision string
	date         date.Date
	st           *model.MilestoneStatus
	reached      bool
	late         bool
}

type lateness struct {
	asOf       date.Date
	activities []activityRow
	milestones []milestoneRow
}

// lateness merges the directive's plan with the report's statuses, once.
func (r *statusRun) lateness(sr *model.StatusReport) *lateness {
	if r.late != nil {
		return r.late
	}
	l := &lateness{}
	r.late = l
	if sr == nil {
		return l
	}
	l.asOf = sr.AsOf()
	dir := r.b.Directive()
	if dir == nil {
		dir = &model.Directive{}
	}

	used := map[string]bool{}
	for _, a := range dir.Activities {
		row := activityRow{id: a.ID, activity: a.Activity, responsible: a.Responsible, end: a.End}
		for i := range sr.Activities {
			if a.ID != "" && sr.Activities[i].ID == a.ID {
				row.st = &sr.Activities[i]
				used[a.ID] = true
			}
		}
		l.activities = append(l.activities, row)
	}
	var validA []string
	for _, a := range dir.Activities {
		if a.ID != "" {
			validA = append(validA, a.ID)
		}
	}
	for i := range sr.Activities {
		if !used[sr.Activities[i].ID] {
			r.warnf(pathf("aktiviteter", i, "id"), "the directive has no activity %q; valid ids: %s", sr.Activities[i].ID, strings.Join(validA, ", "))
			l.activities = append(l.activities, activityRow{id: sr.Activities[i].ID, st: &sr.Activities[i]})
		}
	}
	for i := range l.activities {
		a := &l.activities[i]
		var forecast date.Date
		if a.st != nil {
			forecast = a.st.Forecast
		}
		a.late = model.Late(l.asOf, a.end, forecast, a.st != nil && a.st.Finished())
	}

	// The directive's milestones, then the points the report names that
	// only its timeline has (model.Directive.Point finds both, as check
	// does).
	usedM := map[string]bool{}
	for _, m := range dir.Milestones {
		row := milestoneRow{id: m.ID, decision: m.Decision, date: m.Date}
		for i := range sr.Milestones {
			if sr.Milestones[i].ID == m.ID {
				row.st = &sr.Milestones[i]
				usedM[m.ID] = true
			}
		}
		l.milestones = append(l.milestones, row)
	}
	for i := range sr.Milestones {
		id := sr.Milestones[i].ID
		if usedM[id] {
			continue
		}
		row := milestoneRow{id: id, st: &sr.Milestones[i]}
		if p, ok := dir.Point(id); ok {
			row.decision, row.date = p.Decision, p.Date
		} else {
			r.warnf(pathf("milstolpar", i, "beslutspunkt"), "the directive has no milestone or decision point %q; valid: %s", id, strings.Join(dir.PointIDs(), ", "))
		}
		l.milestones = append(l.milestones, row)
	}
	for i := range l.milestones {
		m := &l.milestones[i]
		var forecast date.Date
		if m.st != nil {
			m.reached = m.st.IsReached()
			forecast = m.st.Forecast
		}
		m.late = model.Late(l.asOf, m.date, forecast, m.reached)
	}

	if sr.Status.Level == model.Green {
		for _, a := range l.activities {
			if a.late {
				r.warnf("status", "overall status is grön but activity %s is late as of %s", a.id, l.asOf.ISO())
				break
			}
		}
	}
	return l
}

func pathf(list string, i int, field string) string {
	return list + "[" + strconv.Itoa(i) + "]." + field
}

// statusLevel is a model level as the tree's; 0 for none or unknown.
func statusLevel(l model.Level) doc.StatusLevel {
	switch l {
	case model.Green:
		return doc.Green
	case model.Yellow:
		return doc.Yellow
	case model.Red:
		return doc.Red
	}
	return 0
}

// statusCell is a row's status: its traffic light with the level's word
// when the row has one, then the progress word (bold when late).
func (r *statusRun) statusCell(level model.Level, word string, late bool) doc.Cell {
	var bs []doc.Block
	if lvl := statusLevel(level); lvl != 0 {
		bs = append(bs, statusBlock(lvl, r.lbl(string(level)), nil, nil))
	}
	return blocksCell(append(bs, para(styled(word, late))))
}

// fnLegend is `teckenförklaring`: what the traffic-light colours mean, each
// with its mark and word, so that no reader has to guess a colour.
func (r *statusRun) fnLegend() safe {
	t := &doc.Table{Borderless: true, Columns: []doc.Column{{Width: 1.2}, {Width: 4}}}
	for _, l := range model.Levels {
		t.Rows = append(t.Rows, cells(
			blocksCell([]doc.Block{statusBlock(statusLevel(l), r.lbl(string(l)), nil, nil)}),
			doc.TextCell(r.lbl("förklaring_"+string(l))),
		))
	}
	return r.place(para(doc.Strong(r.lbl("teckenförklaring"))), t)
}

// fnStatus is `status`: the overall status as a traffic light with its word.
func (r *statusRun) fnStatus(s model.Status) safe {
	lvl := statusLevel(s.Level)
	switch lvl {
	case 0:
		valid := make([]string, len(model.Levels))
		for i, l := range model.Levels {
			valid[i] = string(l)
		}
		r.errorf("status.nivå", "status %q is not one of %s", s.Level, strings.Join(valid, ", "))
		return ""
	}
	var text []doc.Inline
	rest := r.markdownBlocks(string(s.Comment))
	if len(rest) > 0 {
		if p, ok := rest[0].(*doc.Paragraph); ok {
			text = p.Text
			rest = rest[1:]
		}
	}
	st := statusBlock(lvl, r.lbl(string(s.Level)), nil, text)
	return r.place(append([]doc.Block{st}, rest...)...)
}

func (r *statusRun) progressWord(st *model.ActivityStatus, late bool) string {
	switch {
	case late:
		return r.lbl("försenad")
	case st == nil:
		return r.lbl("ej_rapporterad")
	}
	return r.lbl(string(st.Progress))
}

// fnActivityStatus is `aktivitetsstatus .`: every activity of the
// directive with its reported status, late ones marked.
func (r *statusRun) fnActivityStatus(sr *model.StatusReport) safe {
	l := r.lateness(sr)
	var rows []doc.Row
	for _, a := range l.activities {
		name := r.markdownBlocks(string(a.activity))
		if a.id != "" {
			if len(name) > 0 {
				if p, ok := name[0].(*doc.Paragraph); ok {
					p.Text = mergeRuns(append([]doc.Inline{doc.Strong(a.id), doc.Text(" ")}, p.Text...))
				}
			} else {
				name = []doc.Block{para(doc.Strong(a.id))}
			}
		}
		word := r.progressWord(a.st, a.late)
		var forecast, actual date.Date
		if a.st != nil {
			forecast, actual = a.st.Forecast, a.st.Actual
			name = append(name, r.comment(a.st.Comment)...)
		}
		var level model.Level
		if a.st != nil {
			level = a.st.Level
		}
		rows = append(rows, cells(blocksCell(name), doc.TextCell(a.responsible), r.statusCell(level, word, a.late),
			doc.TextCell(a.end.ISO()), doc.TextCell(forecast.ISO()), doc.TextCell(actual.ISO())))
	}
	return r.place(r.table([]float64{3.4, 1.5, 1.1, 1.1, 1.1, 1.1}, []string{"aktivitet", "ansvarig", "status", "planerat_slut", "prognos", "utfall"}, rows))
}

// comment is a status comment set under the activity or milestone it is
// about, led by the label "Kommentar:" in italics. It stands in the widest
// column: in a narrow status column a sentence breaks into one word a line.
func (r *statusRun) comment(md model.Markdown) []doc.Block {
	bs := r.markdownBlocks(string(md))
	if len(bs) == 0 {
		return nil
	}
	if p, ok := bs[0].(*doc.Paragraph); ok {
		p.Text = mergeRuns(append([]doc.Inline{{Text: r.lbl("kommentar") + ": ", Style: doc.Italic}}, p.Text...))
	}
	return bs
}

func styled(s string, bold bool) doc.Inline {
	if bold {
		return doc.Strong(s)
	}
	return doc.Text(s)
}

// fnMilestoneStatus is `milstolpsstatus .`: every milestone of the
// directive, and the decision points the report names from its timeline,
// with their status.
func (r *statusRun) fnMilestoneStatus(sr *model.StatusReport) safe {
	l := r.lateness(sr)
	var rows []doc.Row
	for _, m := range l.milestones {
		var word string
		switch {
		case m.reached:
			word = r.lbl("nådd")
		case m.late:
			word = r.lbl("försenad")
		default:
			word = r.lbl("ej_nådd")
		}
		decision := []doc.Block{textPara(m.decision)}
		var forecast, actual date.Date
		if m.st != nil {
			forecast, actual = m.st.Forecast, m.st.Actual
			decision = append(decision, r.comment(m.st.Comment)...)
		}
		var level model.Level
		if m.st != nil {
			level = m.st.Level
		}
		rows = append(rows, cells(doc.TextCell(m.id), blocksCell(decision), doc.TextCell(m.date.ISO()),
			doc.TextCell(forecast.ISO()), doc.TextCell(actual.ISO()), r.statusCell(level, word, m.late)))
	}
	return r.place(r.table([]float64{1.3, 3.2, 1.1, 1.1, 1.1, 1.2}, []string{"beslutspunkt", "beslut", "planerat", "prognos", "utfall", "status"}, rows))
}

// fnDeviations is `avvikelser`: what is late as of the report date, as
// computed, then what the reporter wrote.
func (r *statusRun) fnDeviations(sr *model.StatusReport) safe {
	l := r.lateness(sr)
	var text model.Markdown
	if sr != nil {
		text = sr.Deviations
	}
	var out []doc.Block
	list := &doc.List{}
	for _, a := range l.activities {
		if !a.late {
			continue
		}
		s := a.id
		if name := firstLine(r.markdownBlocks(string(a.activity))); name != "" {
			s = strings.TrimSpace(s + " " + name)
		}
		if !a.end.IsZero() {
			s += " (" + strings.ToLower(r.lbl("planerat_slut")) + " " + a.end.ISO() + ")"
		}
		list.Items = append(list.Items, doc.ListItem{Blocks: []doc.Block{textPara(s)}})
	}
	for _, m := range l.milestones {
		if !m.late {
			continue
		}
		s := strings.TrimSpace(r.lbl("milstolpe") + " " + m.id + " " + m.decision)
		if !m.date.IsZero() {
			s += " (" + strings.ToLower(r.lbl("planerat")) + " " + m.date.ISO() + ")"
		}
		list.Items = append(list.Items, doc.ListItem{Blocks: []doc.Block{textPara(s)}})
	}
	if len(list.Items) > 0 {
		intro := strings.ReplaceAll(r.lbl("försenat_per"), "{datum}", l.asOf.ISO())
		out = append(out, &doc.Paragraph{Text: []doc.Inline{doc.Text(intro)}, KeepWithNext: true}, list)
	}
	out = append(out, r.markdownBlocks(string(text))...)
	return r.place(out...)
}

// firstLine is the plain text of the first paragraph.
func firstLine(bs []doc.Block) string {
	for _, b := range bs {
		if p, ok := b.(*doc.Paragraph); ok {
			s := doc.Plain(p.Text)
			if i := strings.IndexByte(s, '\n'); i >= 0 {
				s = s[:i]
			}
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// fnRisks is `risker` in a status report: a table of risks.
//
// Risks with ids or owners get those columns too.
func (r *statusRun) fnRisks(rs []model.Risk) safe {
	full := false
	for _, k := range rs {
		full = full || k.ID != "" || !k.Owner.IsZero()
	}
	var rows []doc.Row
	for _, k := range rs {
		row := cells(doc.TextCell(k.Risk), doc.TextCell(k.Probability), doc.TextCell(k.Impact), blocksCell(r.markdownBlocks(string(k.Action))))
		if full {
			row.Cells = append([]doc.Cell{doc.TextCell(k.ID)}, row.Cells...)
			row.Cells = append(row.Cells[:2], append([]doc.Cell{doc.TextCell(r.b.NameTitle(k.Owner))}, row.Cells[2:]...)...)
		}
		rows = append(rows, row)
	}
	if full {
		return r.place(r.table([]float64{0.8, 3, 1.8, 1.2, 1.2, 3}, []string{"risk_id", "risk", "riskägare", "sannolikhet", "konsekvens", "åtgärd"}, rows))
	}
	return r.place(r.table([]float64{3, 1.45, 1.45, 3}, []string{"risk", "sannolikhet", "konsekvens", "åtgärd"}, rows))
}

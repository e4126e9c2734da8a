package kind

import (
	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// The timelines of the directive and the status report (the template
// function tidslinje, see doc.Timeline): a kind says which rows and marks
// its data makes; the composer adds the legend, the alternative text and
// the caption.

// directiveTimeline is the directive's plan: its phases, its activities
// and its milestones, each a bar from its start to its end or a diamond
// on its one date.
func directiveTimeline(b Builder, d *model.Directive, o TimelineOptions) *doc.Timeline {
	t := &doc.Timeline{}
	var rows []doc.TimelineRow
	for _, p := range d.Timeline {
		label := p.Description
		if label == "" {
			label = p.Label
		}
		if m, ok := markOf(doc.Plan, p.Start, p.End, o); ok {
			rows = append(rows, doc.TimelineRow{ID: p.ID, Label: label, Marks: []doc.TimelineMark{m}})
		}
	}
	t.Rows = group(t.Rows, b.Label("tidplan"), rows)
	rows = nil
	for _, a := range d.Activities {
		if m, ok := markOf(doc.Plan, a.Start, a.End, o); ok {
			rows = append(rows, doc.TimelineRow{ID: a.ID, Label: firstLine(b.Markdown(string(a.Activity))), Marks: []doc.TimelineMark{m}})
		}
	}
	t.Rows = group(t.Rows, b.Label("delaktiviteter"), rows)
	rows = nil
	for _, m := range d.Milestones {
		if mk, ok := markOf(doc.Plan, m.Date, date.Date{}, o); ok {
			rows = append(rows, doc.TimelineRow{ID: m.ID, Label: m.Decision, Marks: []doc.TimelineMark{mk}})
		}
	}
	t.Rows = group(t.Rows, b.Label("milstolpar"), rows)
	return t
}

// statusTimeline is the status report's: every activity and milestone of
// the directive, planned against forecast and actual, in the traffic
// light of the row, with the report's date as a line.
func statusTimeline(b Builder, sr *model.StatusReport, o TimelineOptions) *doc.Timeline {
	// The status tables report what lateness finds wrong (an id the
	// directive lacks), and the review's status-unknown-id rule does too:
	// the timeline computes the same rows quietly, not a second time in
	// the diagnostics.
	r := &statusRun{b: quiet{b}}
	l := r.lateness(sr)
	t := &doc.Timeline{Today: l.asOf}
	if !l.asOf.IsZero() {
		t.TodayLabel = b.Label("rapportdatum") + " " + l.asOf.Format(o.Style)
	}
	dir := b.Directive()
	var rows []doc.TimelineRow
	for _, a := range l.activities {
		var start date.Date
		if pa, ok := dir.Activity(a.id); ok {
			start = pa.Start
		}
		row := doc.TimelineRow{ID: a.id, Label: firstLine(b.Markdown(string(a.activity)))}
		if m, ok := markOf(doc.Planned, start, a.end, o); ok {
			row.Marks = append(row.Marks, m)
		}
		var level model.Level
		done := false
		if a.st != nil {
			level, done = a.st.Level, a.st.Finished()
		}
		lvl := rowLevel(level, a.late, done)
		if a.st != nil {
			if m, ok := markOf(doc.Forecast, start, a.st.Forecast, o); ok && !done {
				m.Level = lvl
				row.Marks = append(row.Marks, m)
			}
			if m, ok := markOf(doc.Actual, start, a.st.Actual, o); ok {
				m.Level = lvl
				row.Marks = append(row.Marks, m)
			}
		}
		row.Note, row.Level = r.progressWord(a.st, a.late), lvl
		rows = append(rows, row)
	}
	t.Rows = group(t.Rows, b.Label("aktiviteter"), rows)
	rows = nil
	for _, m := range l.milestones {
		row := doc.TimelineRow{ID: m.id, Label: m.decision}
		if mk, ok := markOf(doc.Planned, m.date, date.Date{}, o); ok {
			row.Marks = append(row.Marks, mk)
		}
		var level model.Level
		if m.st != nil {
			level = m.st.Level
		}
		lvl := rowLevel(level, m.late, m.reached)
		if m.st != nil {
			if mk, ok := markOf(doc.Forecast, m.st.Forecast, date.Date{}, o); ok && !m.reached {
				mk.Level = lvl
				row.Marks = append(row.Marks, mk)
			}
			if mk, ok := markOf(doc.Actual, m.st.Actual, date.Date{}, o); ok {
				mk.Level = lvl
				row.Marks = append(row.Marks, mk)
			}
		}
		switch {
		case m.reached:
			row.Note = b.Label("nådd")
		case m.late:
			row.Note = b.Label("försenad")
		default:
			row.Note = b.Label("ej_nådd")
		}
		row.Level = lvl
		rows = append(rows, row)
	}
	t.Rows = group(t.Rows, b.Label("milstolpar"), rows)
	return t
}

// quiet is a Builder that reports nothing.
type quiet struct{ Builder }

func (quiet) Errorf(string, string, ...any) {}
func (quiet) Warnf(string, string, ...any)  {}

// rowLevel is the traffic light a row's marks are drawn in: the one the
// report gives, else red for what is late and green for what is done, as
// the report's tables mark them; 0 (the plan's colour) otherwise.
func rowLevel(l model.Level, late, done bool) doc.StatusLevel {
	switch {
	case statusLevel(l) != 0:
		return statusLevel(l)
	case late:
		return doc.Red
	case done:
		return doc.Green
	}
	return 0
}

// markOf is a mark of a role from start to end: a bar when both are given,
// a diamond on the one given, with its date in the style beside it;
// false for neither.
func markOf(role doc.MarkRole, start, end date.Date, o TimelineOptions) (doc.TimelineMark, bool) {
	switch {
	case !start.IsZero() && !end.IsZero() && start != end:
		return doc.TimelineMark{Role: role, From: start, To: end}, true
	case !end.IsZero():
		return doc.TimelineMark{Role: role, From: end, Text: end.Format(o.Style)}, true
	case !start.IsZero():
		return doc.TimelineMark{Role: role, From: start, Text: start.Format(o.Style)}, true
	}
	return doc.TimelineMark{}, false
}

// group appends rows under a heading row, when there are any.
func group(dst []doc.TimelineRow, heading string, rows []doc.TimelineRow) []doc.TimelineRow {
	if len(rows) == 0 {
		return dst
	}
	return append(append(dst, doc.TimelineRow{Label: heading, Group: true}), rows...)
}

package kind

import (
	"fmt"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// A status report's computed tables offer their columns by key; which
// ones a document shows, in what order and under which headings, the
// organisation chooses (kolumner: in its profile, or the template's
// arguments), and a ColumnChooser draws them. Lateness and traffic
// lights are computed here, once, whatever the columns.

// Column is one column a computed table offers: its key (also the label
// key of its heading), its share of the width, and its cell in row i.
type Column struct {
	Key   string
	Width float64
	// Cell is row i's cell; shown holds the keys of the columns drawn,
	// so that a cell can leave to another column what it shows (the
	// comment under the activity, when there is no kommentar column).
	Cell func(i int, shown map[string]bool, st date.Style) doc.Cell
}

// ColumnChooser is a Builder that draws computed tables under the columns
// an organisation chooses. ChosenTable returns the table of n rows of
// table (such as "aktivitetsstatus") under the columns keys (the
// template's arguments) or the profile's choice for the document's kind,
// defaults when the choice names none; ok is false when neither chooses
// anything, and the kind draws its own default. An unknown key is an
// error.
type ColumnChooser interface {
	ChosenTable(table string, cols []Column, n int, defaults, keys []string) (b doc.Block, ok bool, err error)
}

// StatusColumns are the column keys of the status report's tables, by
// table, for checking a profile's choice.
func StatusColumns() map[string][]string {
	var r statusRun
	keys := func(cs []Column) []string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = c.Key
		}
		return out
	}
	return map[string][]string{
		"aktivitetsstatus": keys(r.activityColumns(nil)),
		"milstolpsstatus":  keys(r.milestoneColumns(nil)),
		"risker":           keys(r.riskColumns(nil)),
	}
}

// Default columns, as the tables have always been drawn.
var (
	activityDefaults  = []string{"aktivitet", "ansvarig", "status", "planerat_slut", "prognos", "utfall"}
	milestoneDefaults = []string{"beslutspunkt", "beslut", "planerat", "prognos", "utfall", "status"}
	riskDefaults      = []string{"risk", "sannolikhet", "konsekvens", "åtgärd"}
)

// chosen draws a table under the chosen columns, if the builder can and
// anything is chosen.
func (r *statusRun) chosen(table string, cols []Column, n int, defaults, keys []string) (safe, bool, error) {
	cc, ok := r.b.(ColumnChooser)
	if !ok {
		if len(keys) > 0 {
			return "", true, fmt.Errorf("%s: this composer cannot choose columns", table)
		}
		return "", false, nil
	}
	b, ok, err := cc.ChosenTable(table, cols, n, defaults, keys)
	if err != nil {
		return "", true, fmt.Errorf("%s: %w", table, err)
	}
	if !ok {
		return "", false, nil
	}
	return r.place(b), true, nil
}

func dateOf(d date.Date, st date.Style) doc.Cell {
	if d.IsZero() {
		return doc.Cell{}
	}
	return doc.TextCell(model.Capitalise(d.Format(st)))
}

// activityColumns are the columns of aktivitetsstatus over rows.
func (r *statusRun) activityColumns(rows []activityRow) []Column {
	level := func(a activityRow) model.Level {
		if a.st != nil {
			return a.st.Level
		}
		return ""
	}
	forecast, actual := statusDates(func(i int) (date.Date, date.Date, bool) {
		if st := rows[i].st; st != nil {
			return st.Forecast, st.Actual, true
		}
		return date.Date{}, date.Date{}, false
	})
	return []Column{
		{"nr", 0.5, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(rows[i].id) }},
		{"aktivitet", 3.4, func(i int, shown map[string]bool, _ date.Style) doc.Cell {
			a := rows[i]
			name := r.markdownBlocks(string(a.activity))
			if a.id != "" && !shown["nr"] {
				if len(name) > 0 {
					if p, ok := name[0].(*doc.Paragraph); ok {
						p.Text = mergeRuns(append([]doc.Inline{doc.Strong(a.id), doc.Text(" ")}, p.Text...))
					}
				} else {
					name = []doc.Block{para(doc.Strong(a.id))}
				}
			}
			if a.st != nil && !shown["kommentar"] {
				name = append(name, r.comment(a.st.Comment)...)
			}
			return blocksCell(name)
		}},
		{"ansvarig", 1.5, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(rows[i].responsible) }},
		{"status", 1.1, func(i int, _ map[string]bool, _ date.Style) doc.Cell {
			a := rows[i]
			return r.statusCell(level(a), r.progressWord(a.st, a.late), a.late)
		}},
		{"trafikljus", 1, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return r.lightCell(level(rows[i])) }},
		{"försenad", 1, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return r.lateCell(rows[i].late) }},
		{"planerat_slut", 1.1, func(i int, _ map[string]bool, st date.Style) doc.Cell { return dateOf(rows[i].end, st) }},
		forecast, actual,
		{"kommentar", 2.5, func(i int, _ map[string]bool, _ date.Style) doc.Cell {
			if rows[i].st == nil {
				return doc.Cell{}
			}
			return blocksCell(r.markdownBlocks(string(rows[i].st.Comment)))
		}},
	}
}

// milestoneColumns are the columns of milstolpsstatus over rows.
func (r *statusRun) milestoneColumns(rows []milestoneRow) []Column {
	level := func(m milestoneRow) model.Level {
		if m.st != nil {
			return m.st.Level
		}
		return ""
	}
	forecast, actual := statusDates(func(i int) (date.Date, date.Date, bool) {
		if st := rows[i].st; st != nil {
			return st.Forecast, st.Actual, true
		}
		return date.Date{}, date.Date{}, false
	})
	return []Column{
		{"beslutspunkt", 1.3, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(rows[i].id) }},
		{"beslut", 3.2, func(i int, shown map[string]bool, _ date.Style) doc.Cell {
			m := rows[i]
			bs := []doc.Block{textPara(m.decision)}
			if m.st != nil && !shown["kommentar"] {
				bs = append(bs, r.comment(m.st.Comment)...)
			}
			return blocksCell(bs)
		}},
		{"planerat", 1.1, func(i int, _ map[string]bool, st date.Style) doc.Cell { return dateOf(rows[i].date, st) }},
		forecast, actual,
		{"status", 1.2, func(i int, _ map[string]bool, _ date.Style) doc.Cell {
			m := rows[i]
			word := r.lbl("ej_nådd")
			switch {
			case m.reached:
				word = r.lbl("nådd")
			case m.late:
				word = r.lbl("försenad")
			}
			return r.statusCell(level(m), word, m.late)
		}},
		{"trafikljus", 1, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return r.lightCell(level(rows[i])) }},
		{"försenad", 1, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return r.lateCell(rows[i].late) }},
		{"kommentar", 2.5, func(i int, _ map[string]bool, _ date.Style) doc.Cell {
			if rows[i].st == nil {
				return doc.Cell{}
			}
			return blocksCell(r.markdownBlocks(string(rows[i].st.Comment)))
		}},
	}
}

// riskColumns are the columns of risker over rows.
func (r *statusRun) riskColumns(rows []model.Risk) []Column {
	return []Column{
		{"risk_id", 0.8, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(rows[i].ID) }},
		{"risk", 3, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(rows[i].Risk) }},
		{"riskägare", 1.8, func(i int, _ map[string]bool, _ date.Style) doc.Cell {
			return doc.TextCell(r.b.NameTitle(rows[i].Owner))
		}},
		{"sannolikhet", 1.2, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(rows[i].Probability) }},
		{"konsekvens", 1.2, func(i int, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(rows[i].Impact) }},
		{"åtgärd", 3, func(i int, _ map[string]bool, _ date.Style) doc.Cell {
			return blocksCell(r.markdownBlocks(string(rows[i].Action)))
		}},
	}
}

// lightCell is a row's traffic light alone, with its word.
func (r *statusRun) lightCell(level model.Level) doc.Cell {
	if lvl := statusLevel(level); lvl != 0 {
		return blocksCell([]doc.Block{&doc.Status{Level: lvl, Word: r.lbl(string(level))}})
	}
	return doc.Cell{}
}

// lateCell says Försenad, in bold, for a late row.
func (r *statusRun) lateCell(late bool) doc.Cell {
	if !late {
		return doc.Cell{}
	}
	return blocksCell([]doc.Block{para(doc.Strong(r.lbl("försenad")))})
}

// fnActivityColumns is `aktivitetsstatus .`, optionally with column keys:
// the activities under the chosen columns, or the default table.
func (r *statusRun) fnActivityColumns(sr *model.StatusReport, keys ...string) (safe, error) {
	rows := r.lateness(sr).activities
	if s, ok, err := r.chosen("aktivitetsstatus", r.activityColumns(rows), len(rows), activityDefaults, keys); ok || err != nil {
		return s, err
	}
	return r.fnActivityStatus(sr), nil
}

// fnMilestoneColumns is `milstolpsstatus .` with chosen columns.
func (r *statusRun) fnMilestoneColumns(sr *model.StatusReport, keys ...string) (safe, error) {
	rows := r.lateness(sr).milestones
	if s, ok, err := r.chosen("milstolpsstatus", r.milestoneColumns(rows), len(rows), milestoneDefaults, keys); ok || err != nil {
		return s, err
	}
	return r.fnMilestoneStatus(sr), nil
}

// fnRiskColumns is `risker .Risks` with chosen columns.
func (r *statusRun) fnRiskColumns(rs []model.Risk, keys ...string) (safe, error) {
	if s, ok, err := r.chosen("risker", r.riskColumns(rs), len(rs), riskDefaults, keys); ok || err != nil {
		return s, err
	}
	return r.fnRisks(rs), nil
}

// ActivityRow is one activity of a status report as templates see it
// (aktivitetsrader): the directive's plan, the reported status and what
// is computed from them.
type ActivityRow struct {
	ID, Activity, Responsible string
	End, Forecast, Actual     date.Date
	Progress                  string // the progress word: Pågående, Försenad …
	Level                     string // the traffic light's word, empty for none
	Late                      bool
	Comment                   model.Markdown
}

// MilestoneRow is one milestone of a status report as templates see it
// (milstolpsrader).
type MilestoneRow struct {
	ID, Decision           string
	Date, Forecast, Actual date.Date
	Reached, Late          bool
	Level                  string
	Comment                model.Markdown
}

// fnActivityRows is `aktivitetsrader .`: the activities with their
// computed lateness, for a template that draws them itself.
func (r *statusRun) fnActivityRows(sr *model.StatusReport) []ActivityRow {
	var out []ActivityRow
	for _, a := range r.lateness(sr).activities {
		row := ActivityRow{ID: a.id, Activity: firstLine(r.markdownBlocks(string(a.activity))), Responsible: a.responsible,
			End: a.end, Progress: r.progressWord(a.st, a.late), Late: a.late}
		if a.st != nil {
			row.Forecast, row.Actual, row.Comment = a.st.Forecast, a.st.Actual, a.st.Comment
			if a.st.Level != "" {
				row.Level = r.lbl(string(a.st.Level))
			}
		}
		out = append(out, row)
	}
	return out
}

// fnMilestoneRows is `milstolpsrader .`.
func (r *statusRun) fnMilestoneRows(sr *model.StatusReport) []MilestoneRow {
	var out []MilestoneRow
	for _, m := range r.lateness(sr).milestones {
		row := MilestoneRow{ID: m.id, Decision: m.decision, Date: m.date, Reached: m.reached, Late: m.late}
		if m.st != nil {
			row.Forecast, row.Actual, row.Comment = m.st.Forecast, m.st.Actual, m.st.Comment
			if m.st.Level != "" {
				row.Level = r.lbl(string(m.st.Level))
			}
		}
		out = append(out, row)
	}
	return out
}

// statusDates are the prognos and utfall columns of rows whose status
// gives them (ok false: a row without a status, empty cells).
func statusDates(dates func(i int) (forecast, actual date.Date, ok bool)) (Column, Column) {
	cell := func(pick func(f, a date.Date) date.Date) func(int, map[string]bool, date.Style) doc.Cell {
		return func(i int, _ map[string]bool, st date.Style) doc.Cell {
			f, a, ok := dates(i)
			if !ok {
				return doc.Cell{}
			}
			return dateOf(pick(f, a), st)
		}
	}
	return Column{"prognos", 1.1, cell(func(f, _ date.Date) date.Date { return f })},
		Column{"utfall", 1.1, cell(func(_, a date.Date) date.Date { return a })}
}

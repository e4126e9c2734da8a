package compose

import (
	"fmt"
	"strings"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// Computed tables are data with columns the organisation chooses. Each
// table offers a set of columns by key (its rows computed once: lateness,
// traffic lights); the profile's kolumner: {kind: {table: {visa: […]}}}
// or the template's arguments choose which, in what order, under which
// headings, and whether a column empty in every row stays. Without a
// choice a table keeps its default columns.

// column is one column a computed table can show for rows of type R.
type column[R any] struct {
	key   string  // as the profile and templates name it; also its label key
	width float64 // share of the width
	cell  func(row R, shown map[string]bool, st date.Style) doc.Cell
}

// choice is the columns a table is drawn with, resolved.
type choice struct {
	keys      []string
	headings  map[string]string
	dropEmpty bool
	noHeader  bool
	style     date.Style
	chosen    bool // the profile or the template chose the columns
}

// tableChoice is the choice for table name of the document's kind: the
// template's column keys when it gives any (an unknown key is an error),
// else the profile's kolumner (checked with the profile, CheckProfile),
// else defaults.
func (r *run) tableChoice(table string, valid, defaults []string, fromTemplate []string) (choice, error) {
	c := choice{keys: defaults, style: date.ISO}
	var tc model.TableChoice
	if r.org != nil {
		tc = r.org.Columns[string(r.in.Kind.Name)][table]
	}
	if len(tc.Columns) > 0 {
		c.keys, c.chosen = tc.Columns, true
	}
	c.headings, c.dropEmpty, c.noHeader = tc.Headings, tc.DropEmpty, tc.NoHeader
	if st, err := date.ParseStyle(string(tc.DateStyle)); err == nil {
		c.style = st
	}
	c.chosen = c.chosen || len(tc.Headings) > 0 || tc.DropEmpty || tc.NoHeader || tc.DateStyle != ""
	if len(fromTemplate) > 0 {
		c.keys, c.chosen = fromTemplate, true
		for _, k := range fromTemplate {
			if !contains(valid, k) {
				return c, fmt.Errorf("%s", unknownColumn(table, k, valid))
			}
		}
	}
	return c, nil
}

func unknownColumn(table, k string, valid []string) string {
	msg := fmt.Sprintf("%s has no column %q", table, k)
	if c := diag.Closest(k, valid); c != "" {
		return msg + fmt.Sprintf("; did you mean %q?", c)
	}
	return msg + "; valid columns: " + strings.Join(valid, ", ")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// drawTable builds the table of rows under the chosen columns.
func drawTable[R any](r *run, cols []column[R], c choice, rows []R) doc.Block {
	if len(rows) == 0 {
		return nil
	}
	byKey := map[string]column[R]{}
	for _, col := range cols {
		byKey[col.key] = col
	}
	shown := map[string]bool{}
	for _, k := range c.keys {
		shown[k] = true
	}
	var use []column[R]
	grid := make([][]doc.Cell, len(rows))
	for _, k := range c.keys {
		col, ok := byKey[k]
		if !ok {
			continue
		}
		cellsOf := make([]doc.Cell, len(rows))
		empty := true
		for i, row := range rows {
			cellsOf[i] = col.cell(row, shown, c.style)
			empty = empty && cellEmpty(cellsOf[i])
		}
		if empty && c.dropEmpty {
			continue
		}
		use = append(use, col)
		for i := range rows {
			grid[i] = append(grid[i], cellsOf[i])
		}
	}
	if len(use) == 0 {
		return nil
	}
	t := &doc.Table{}
	head := doc.Row{}
	for _, col := range use {
		t.Columns = append(t.Columns, doc.Column{Width: col.width})
		h, ok := c.headings[col.key]
		if !ok {
			h = r.lbl(col.key)
		}
		head.Cells = append(head.Cells, doc.TextCell(h))
	}
	if !c.noHeader {
		t.Header = []doc.Row{head}
	}
	for _, cs := range grid {
		t.Rows = append(t.Rows, doc.Row{Cells: cs})
	}
	return t
}

// cellEmpty reports whether a cell shows nothing.
func cellEmpty(c doc.Cell) bool {
	for _, b := range c.Blocks {
		switch b := b.(type) {
		case *doc.Paragraph:
			if strings.TrimSpace(doc.Plain(b.Text)) != "" {
				return false
			}
		case nil:
		default:
			return false
		}
	}
	return true
}

func dateOf(d date.Date, st date.Style) doc.Cell {
	if d.IsZero() {
		return doc.Cell{}
	}
	return dateCell(d, st)
}

// activityColumns are the columns of aktivitetsstatus.
func (r *run) activityColumns() []column[activityRow] {
	level := func(a activityRow) model.Level {
		if a.st != nil {
			return a.st.Level
		}
		return ""
	}
	return []column[activityRow]{
		{"nr", 0.5, func(a activityRow, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(a.id) }},
		{"aktivitet", 3.4, func(a activityRow, shown map[string]bool, _ date.Style) doc.Cell {
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
		{"ansvarig", 1.5, func(a activityRow, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(a.responsible) }},
		{"status", 1.1, func(a activityRow, _ map[string]bool, _ date.Style) doc.Cell {
			return r.statusCell(level(a), r.progressWord(a.st, a.late), a.late)
		}},
		{"trafikljus", 1, func(a activityRow, _ map[string]bool, _ date.Style) doc.Cell { return r.lightCell(level(a)) }},
		{"försenad", 1, func(a activityRow, _ map[string]bool, _ date.Style) doc.Cell { return r.lateCell(a.late) }},
		{"planerat_slut", 1.1, func(a activityRow, _ map[string]bool, st date.Style) doc.Cell { return dateOf(a.end, st) }},
		{"prognos", 1.1, func(a activityRow, _ map[string]bool, st date.Style) doc.Cell {
			if a.st == nil {
				return doc.Cell{}
			}
			return dateOf(a.st.Forecast, st)
		}},
		{"utfall", 1.1, func(a activityRow, _ map[string]bool, st date.Style) doc.Cell {
			if a.st == nil {
				return doc.Cell{}
			}
			return dateOf(a.st.Actual, st)
		}},
		{"kommentar", 2.5, func(a activityRow, _ map[string]bool, _ date.Style) doc.Cell {
			if a.st == nil {
				return doc.Cell{}
			}
			return blocksCell(r.markdownBlocks(string(a.st.Comment)))
		}},
	}
}

// milestoneColumns are the columns of milstolpsstatus.
func (r *run) milestoneColumns() []column[milestoneRow] {
	level := func(m milestoneRow) model.Level {
		if m.st != nil {
			return m.st.Level
		}
		return ""
	}
	return []column[milestoneRow]{
		{"beslutspunkt", 1.3, func(m milestoneRow, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(m.id) }},
		{"beslut", 3.2, func(m milestoneRow, shown map[string]bool, _ date.Style) doc.Cell {
			bs := []doc.Block{textPara(m.decision)}
			if m.st != nil && !shown["kommentar"] {
				bs = append(bs, r.comment(m.st.Comment)...)
			}
			return blocksCell(bs)
		}},
		{"planerat", 1.1, func(m milestoneRow, _ map[string]bool, st date.Style) doc.Cell { return dateOf(m.date, st) }},
		{"prognos", 1.1, func(m milestoneRow, _ map[string]bool, st date.Style) doc.Cell {
			if m.st == nil {
				return doc.Cell{}
			}
			return dateOf(m.st.Forecast, st)
		}},
		{"utfall", 1.1, func(m milestoneRow, _ map[string]bool, st date.Style) doc.Cell {
			if m.st == nil {
				return doc.Cell{}
			}
			return dateOf(m.st.Actual, st)
		}},
		{"status", 1.2, func(m milestoneRow, _ map[string]bool, _ date.Style) doc.Cell {
			word := r.lbl("ej_nådd")
			switch {
			case m.reached:
				word = r.lbl("nådd")
			case m.late:
				word = r.lbl("försenad")
			}
			return r.statusCell(level(m), word, m.late)
		}},
		{"trafikljus", 1, func(m milestoneRow, _ map[string]bool, _ date.Style) doc.Cell { return r.lightCell(level(m)) }},
		{"försenad", 1, func(m milestoneRow, _ map[string]bool, _ date.Style) doc.Cell { return r.lateCell(m.late) }},
		{"kommentar", 2.5, func(m milestoneRow, _ map[string]bool, _ date.Style) doc.Cell {
			if m.st == nil {
				return doc.Cell{}
			}
			return blocksCell(r.markdownBlocks(string(m.st.Comment)))
		}},
	}
}

// riskColumns are the columns of risker.
func (r *run) riskColumns() []column[model.Risk] {
	return []column[model.Risk]{
		{"risk_id", 0.8, func(k model.Risk, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(k.ID) }},
		{"risk", 3, func(k model.Risk, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(k.Risk) }},
		{"riskägare", 1.8, func(k model.Risk, _ map[string]bool, _ date.Style) doc.Cell {
			return doc.TextCell(nameTitle(r.person(k.Owner)))
		}},
		{"sannolikhet", 1.2, func(k model.Risk, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(k.Probability) }},
		{"konsekvens", 1.2, func(k model.Risk, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(k.Impact) }},
		{"åtgärd", 3, func(k model.Risk, _ map[string]bool, _ date.Style) doc.Cell {
			return blocksCell(r.markdownBlocks(string(k.Action)))
		}},
	}
}

func keysOf[R any](cols []column[R]) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.key
	}
	return out
}

// lightCell is a row's traffic light alone, with its word.
func (r *run) lightCell(level model.Level) doc.Cell {
	if lvl := statusLevel(level); lvl != 0 {
		return blocksCell([]doc.Block{&doc.Status{Level: lvl, Word: r.lbl(string(level))}})
	}
	return doc.Cell{}
}

// lateCell says Försenad, in bold, for a late row.
func (r *run) lateCell(late bool) doc.Cell {
	if !late {
		return doc.Cell{}
	}
	return blocksCell([]doc.Block{para(doc.Strong(r.lbl("försenad")))})
}

// fnActivityColumns is `aktivitetsstatus .` (optionally with column
// keys): the activities under the chosen columns, or the default table.
func (r *run) fnActivityColumns(sr *model.StatusReport, keys ...string) (safe, error) {
	cols := r.activityColumns()
	c, err := r.tableChoice("aktivitetsstatus", keysOf(cols), []string{"aktivitet", "ansvarig", "status", "planerat_slut", "prognos", "utfall"}, keys)
	if err != nil || !c.chosen {
		if err != nil {
			return "", fmt.Errorf("aktivitetsstatus: %w", err)
		}
		return r.fnActivityStatus(sr), nil
	}
	return r.place(drawTable(r, cols, c, r.lateness(sr).activities)), nil
}

// fnMilestoneColumns is `milstolpsstatus .` with chosen columns.
func (r *run) fnMilestoneColumns(sr *model.StatusReport, keys ...string) (safe, error) {
	cols := r.milestoneColumns()
	c, err := r.tableChoice("milstolpsstatus", keysOf(cols), []string{"beslutspunkt", "beslut", "planerat", "prognos", "utfall", "status"}, keys)
	if err != nil {
		return "", fmt.Errorf("milstolpsstatus: %w", err)
	}
	if !c.chosen {
		return r.fnMilestoneStatus(sr), nil
	}
	return r.place(drawTable(r, cols, c, r.lateness(sr).milestones)), nil
}

// fnRiskColumns is `risker .Risks` with chosen columns.
func (r *run) fnRiskColumns(rs []model.Risk, keys ...string) (safe, error) {
	cols := r.riskColumns()
	c, err := r.tableChoice("risker", keysOf(cols), []string{"risk", "sannolikhet", "konsekvens", "åtgärd"}, keys)
	if err != nil {
		return "", fmt.Errorf("risker: %w", err)
	}
	if !c.chosen {
		return r.fnRisks(rs), nil
	}
	return r.place(drawTable(r, cols, c, rs)), nil
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
func (r *run) fnActivityRows(sr *model.StatusReport) []ActivityRow {
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
func (r *run) fnMilestoneRows(sr *model.StatusReport) []MilestoneRow {
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

// fnTableColumns is `tabell "nyckel"` of a kind defined in data, under the
// columns the profile's kolumner chooses for the field, else all of them
// under their headings.
func (r *run) fnTableColumns(key string, style ...string) (safe, error) {
	t, ok := r.in.Doc.(interface {
		Table(key string) ([]model.ColumnSpec, [][]any, bool)
	})
	var tc model.TableChoice
	if r.org != nil {
		tc = r.org.Columns[string(r.in.Kind.Name)][key]
	}
	if !ok || (len(tc.Columns) == 0 && len(tc.Headings) == 0 && !tc.DropEmpty && !tc.NoHeader && tc.DateStyle == "") {
		return r.fnTable(key, style...)
	}
	specs, rows, ok := t.Table(key)
	if !ok {
		return r.fnTable(key, style...)
	}
	st, err := r.dateStyle(key, style)
	if err != nil {
		return "", err
	}
	var cols []column[[]any]
	var defaults []string
	for i, sp := range specs {
		cols = append(cols, column[[]any]{key: sp.Key, width: sp.Width, cell: func(row []any, _ map[string]bool, st date.Style) doc.Cell {
			switch v := row[i].(type) {
			case date.Date:
				return dateOf(v, st)
			case model.Markdown:
				return blocksCell(r.markdownBlocks(string(v)))
			case nil:
				return doc.Cell{}
			default:
				return doc.TextCell(fmt.Sprint(v))
			}
		}})
		defaults = append(defaults, sp.Key)
	}
	c, err := r.tableChoice(key, defaults, defaults, nil)
	if err != nil {
		return "", err
	}
	if tc.DateStyle == "" {
		c.style = st
	}
	heads := map[string]string{}
	for _, sp := range specs {
		heads[sp.Key] = sp.Heading()
	}
	for k, v := range c.headings {
		heads[k] = v
	}
	c.headings = heads
	return r.place(drawTable(r, cols, c, rows)), nil
}

// phaseColumns are the columns of tidplan.
func (r *run) phaseColumns() []column[model.Phase] {
	return []column[model.Phase]{
		{"fas_beslutspunkt", 3, func(p model.Phase, _ map[string]bool, _ date.Style) doc.Cell {
			var bs []doc.Block
			if head := strings.TrimSpace(strings.TrimSpace(p.ID) + " " + strings.TrimSpace(p.Label)); head != "" {
				bs = append(bs, para(doc.Strong(head)))
			}
			if p := textPara(strings.TrimSpace(p.Description)); p != nil {
				bs = append(bs, p)
			}
			return blocksCell(bs)
		}},
		{"beslutspunkt", 1, func(p model.Phase, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(p.ID) }},
		{"beskrivning", 3, func(p model.Phase, _ map[string]bool, _ date.Style) doc.Cell {
			return doc.TextCell(strings.TrimSpace(p.Description))
		}},
		{"start", 1, func(p model.Phase, _ map[string]bool, st date.Style) doc.Cell { return dateOf(p.Start, st) }},
		{"slut", 1, func(p model.Phase, _ map[string]bool, st date.Style) doc.Cell { return dateOf(p.End, st) }},
	}
}

// plannedMilestoneColumns are the columns of milstolpar.
func (r *run) plannedMilestoneColumns() []column[model.Milestone] {
	return []column[model.Milestone]{
		{"datum", 1.2, func(m model.Milestone, _ map[string]bool, st date.Style) doc.Cell { return dateOf(m.Date, st) }},
		{"beslut", 2.5, func(m model.Milestone, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(m.Decision) }},
		{"beslutspunkt", 1.2, func(m model.Milestone, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(m.ID) }},
		{"kommentar", 2, func(m model.Milestone, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(m.Comment) }},
	}
}

// plannedActivityColumns are the columns of delaktiviteter.
func (r *run) plannedActivityColumns() []column[model.Activity] {
	return []column[model.Activity]{
		{"nr", 0.5, func(a model.Activity, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(a.ID) }},
		{"aktivitet", 3.5, func(a model.Activity, _ map[string]bool, _ date.Style) doc.Cell {
			return blocksCell(r.markdownBlocks(string(a.Activity)))
		}},
		{"startdatum", 1.2, func(a model.Activity, _ map[string]bool, st date.Style) doc.Cell { return dateOf(a.Start, st) }},
		{"slutdatum", 1.2, func(a model.Activity, _ map[string]bool, st date.Style) doc.Cell { return dateOf(a.End, st) }},
		{"ansvarig", 2, func(a model.Activity, _ map[string]bool, _ date.Style) doc.Cell { return doc.TextCell(a.Responsible) }},
	}
}

// plannedTable draws a directive's table under the profile's columns for
// it, in the date style its template or datumformat gives unless the
// choice has its own; ok is false when the profile chooses nothing.
func plannedTable[R any](r *run, table string, cols []column[R], rows []R, style []string) (safe, bool, error) {
	c, err := r.tableChoice(table, keysOf(cols), keysOf(cols), nil)
	if err != nil || !c.chosen {
		return "", false, err
	}
	if r.org == nil || r.org.Columns[string(r.in.Kind.Name)][table].DateStyle == "" {
		if c.style, err = r.dateStyle(table, style); err != nil {
			return "", true, err
		}
	}
	return r.place(drawTable(r, cols, c, rows)), true, nil
}

// fnTimelineColumns is `tidplan` with the profile's columns.
func (r *run) fnTimelineColumns(ps []model.Phase, style ...string) (safe, error) {
	if s, ok, err := plannedTable(r, "tidplan", r.phaseColumns(), ps, style); ok || err != nil {
		return s, err
	}
	return r.fnTimeline(ps, style...)
}

// fnMilestonesColumns is `milstolpar` with the profile's columns.
func (r *run) fnMilestonesColumns(ms []model.Milestone, style ...string) (safe, error) {
	if s, ok, err := plannedTable(r, "milstolpar", r.plannedMilestoneColumns(), ms, style); ok || err != nil {
		return s, err
	}
	return r.fnMilestones(ms, style...)
}

// fnActivitiesColumns is `delaktiviteter` with the profile's columns.
func (r *run) fnActivitiesColumns(as []model.Activity, style ...string) (safe, error) {
	if s, ok, err := plannedTable(r, "delaktiviteter", r.plannedActivityColumns(), as, style); ok || err != nil {
		return s, err
	}
	return r.fnActivities(as, style...)
}

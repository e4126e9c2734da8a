package compose

import (
	"fmt"
	"strings"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/kind"
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

func keysOf[R any](cols []column[R]) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.key
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

// ChosenTable draws a kind's computed table under the chosen columns (see
// kind.ColumnChooser).
func (r *run) ChosenTable(table string, cols []kind.Column, n int, defaults, keys []string) (doc.Block, bool, error) {
	cc := make([]column[int], len(cols))
	valid := make([]string, len(cols))
	for i, c := range cols {
		cc[i] = column[int]{key: c.Key, width: c.Width, cell: c.Cell}
		valid[i] = c.Key
	}
	ch, err := r.tableChoice(table, valid, defaults, keys)
	if err != nil || !ch.chosen {
		return nil, err != nil, err
	}
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	return drawTable(r, cc, ch, rows), true, nil
}

var _ kind.ColumnChooser = (*run)(nil)

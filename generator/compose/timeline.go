package compose

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/style"
)

// timelineOptions are the options of `tidslinje`, by name.
var timelineOptions = []string{"färg", "datumformat", "rubrik", "tabeller"}

// fnTidslinje is `tidslinje .`: the document's timeline as a Gantt chart
// (doc.Timeline) with a numbered caption under it. The kind says which
// rows it has (kind.Kind.Timeline); a kind defined in data draws the
// tables it names, a row a bar from its first date to its second or a
// diamond on its one date. Options come in pairs:
//
//	{{ tidslinje . "färg" "#005AA0" "datumformat" "namn" "rubrik" "Tidplan" }}
//	{{ tidslinje . "tabeller" "tidplan, milstolpar" }}
//
// The dates beside the marks are in the style given, else the profile's
// datumformat for "tidslinje", else ISO; the alternative text says every
// date in words.
func (r *run) fnTidslinje(d any, opts ...string) (safe, error) {
	if _, ok := d.(model.Document); !ok {
		return "", fmt.Errorf("tidslinje takes the document, as {{ tidslinje . }}, not %T", d)
	}
	if len(opts)%2 != 0 {
		return "", fmt.Errorf("tidslinje takes its options in pairs, such as \"färg\" \"#005AA0\"; options: %s", strings.Join(timelineOptions, ", "))
	}
	var color, styleName, caption, tables string
	for i := 0; i < len(opts); i += 2 {
		v := strings.TrimSpace(opts[i+1])
		switch opts[i] {
		case "färg":
			if _, ok := style.ParseHex(v); !ok {
				return "", fmt.Errorf("tidslinje: färg %q is not a colour: write it as #RRGGBB, such as #005AA0", v)
			}
			color = v
		case "datumformat":
			styleName = v
		case "rubrik":
			caption = v
		case "tabeller":
			tables = v
		default:
			return "", fmt.Errorf("tidslinje has no option %q; %s", opts[i], validOf(opts[i], timelineOptions))
		}
	}
	st, err := r.dateStyle("tidslinje", []string{styleName})
	if err != nil {
		return "", fmt.Errorf("tidslinje: %w", err)
	}
	var t *doc.Timeline
	switch k := r.in.Kind; {
	case k != nil && k.Timeline != nil:
		t = k.Timeline(r, r.in.Doc, kind.TimelineOptions{Style: st})
	case tables != "":
		if t, err = r.tableTimeline(tables, st); err != nil {
			return "", err
		}
	default:
		return "", fmt.Errorf("tidslinje: this kind has no timeline of its own; name the tables to draw, as {{ tidslinje . \"tabeller\" \"tidplan, milstolpar\" }}")
	}
	if t == nil || !hasMarks(t) {
		return "", nil
	}
	t.Color = color
	if caption == "" {
		caption = r.lbl("tidslinje")
	}
	t.Legend = r.timelineLegend(t)
	t.Alt = r.timelineAlt(t, caption, st)
	r.figures++
	text := r.lbl("figur") + " " + strconv.Itoa(r.figures) + ". " + caption
	return r.place(t, &doc.Paragraph{Text: []doc.Inline{{Text: text, Style: doc.Italic}}, Small: true}), nil
}

func hasMarks(t *doc.Timeline) bool {
	for _, row := range t.Rows {
		if len(row.Marks) > 0 {
			return true
		}
	}
	return false
}

// tableTimeline draws the date tables of a kind defined in data, each
// under its heading: a row's label is its first text cell, its marks its
// dates.
func (r *run) tableTimeline(keys string, st date.Style) (*doc.Timeline, error) {
	tb, ok := r.in.Doc.(interface {
		Table(key string) ([]model.ColumnSpec, [][]any, bool)
	})
	if !ok {
		return nil, fmt.Errorf("tidslinje: this kind has no table fields")
	}
	t := &doc.Timeline{}
	for _, key := range strings.Split(keys, ",") {
		key = strings.TrimSpace(key)
		_, rows, ok := tb.Table(key)
		if !ok {
			return nil, fmt.Errorf("tidslinje: no table field %q", key)
		}
		var out []doc.TimelineRow
		for _, row := range rows {
			var label string
			var dates []date.Date
			for _, cell := range row {
				switch v := cell.(type) {
				case date.Date:
					if !v.IsZero() {
						dates = append(dates, v)
					}
				case model.Markdown:
					if label == "" {
						label = r.plainOf(string(v))
					}
				default:
					if s := fmt.Sprint(v); label == "" && s != "" && v != nil {
						label = s
					}
				}
			}
			var m doc.TimelineMark
			switch len(dates) {
			case 0:
				continue
			case 1:
				m = doc.TimelineMark{Role: doc.Plan, From: dates[0], Text: dates[0].Format(st)}
			default:
				m = doc.TimelineMark{Role: doc.Plan, From: dates[0], To: dates[1]}
			}
			out = append(out, doc.TimelineRow{Label: label, Marks: []doc.TimelineMark{m}})
		}
		if len(out) > 0 {
			t.Rows = append(append(t.Rows, doc.TimelineRow{Label: r.lbl(key), Group: true}), out...)
		}
	}
	return t, nil
}

// plainOf is a Markdown text's first paragraph as plain text.
func (r *run) plainOf(s string) string {
	for _, b := range r.markdownBlocks(s) {
		if p, ok := b.(*doc.Paragraph); ok {
			line, _, _ := strings.Cut(doc.Plain(p.Text), "\n")
			return strings.TrimSpace(line)
		}
	}
	return ""
}

// timelineLegend says what each kind of mark the chart draws means, and
// each traffic light it uses, in the order plan, planned, forecast,
// actual, then green, yellow, red, then the report's day.
func (r *run) timelineLegend(t *doc.Timeline) []doc.LegendItem {
	type shape struct {
		role  doc.MarkRole
		point bool
	}
	used := map[shape]bool{}
	levels := map[doc.StatusLevel]bool{}
	for _, row := range t.Rows {
		for _, m := range row.Marks {
			used[shape{m.Role, m.Point()}] = true
			if m.Level != 0 {
				levels[m.Level] = true
			}
		}
		if row.Level != 0 {
			levels[row.Level] = true
		}
	}
	var out []doc.LegendItem
	for _, role := range []doc.MarkRole{doc.Plan, doc.Planned, doc.Forecast, doc.Actual} {
		for _, point := range []bool{false, true} {
			if !used[shape{role, point}] {
				continue
			}
			out = append(out, doc.LegendItem{Role: role, Point: point, Text: r.roleLabel(role, point)})
		}
	}
	for _, l := range []struct {
		level doc.StatusLevel
		key   model.Level
	}{{doc.Green, model.Green}, {doc.Yellow, model.Yellow}, {doc.Red, model.Red}} {
		if levels[l.level] {
			out = append(out, doc.LegendItem{Swatch: true, Level: l.level, Text: r.lbl(string(l.key))})
		}
	}
	if !t.Today.IsZero() {
		out = append(out, doc.LegendItem{Today: true, Text: r.lbl("rapportdatum")})
	}
	return out
}

// roleLabel is what a mark of a role is called in the legend.
func (r *run) roleLabel(role doc.MarkRole, point bool) string {
	switch role {
	case doc.Planned:
		return r.lbl("planerat")
	case doc.Forecast:
		return r.lbl("prognos")
	case doc.Actual:
		return r.lbl("utfall")
	}
	if point {
		return r.lbl("tidslinje_milstolpe")
	}
	return r.lbl("tidslinje_fas")
}

// timelineAlt is the chart in words: the caption, then each group and
// each row with its marks and their dates, written out (never ISO: a
// screen reader reads "2025-10" as a sum), then the report's day.
func (r *run) timelineAlt(t *doc.Timeline, caption string, st date.Style) string {
	if st == date.ISO || st == date.Short {
		st = date.Named
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(caption, ".") + ".")
	open := false
	end := func() {
		if open {
			b.WriteString(".")
			open = false
		}
	}
	for _, row := range t.Rows {
		if row.Group {
			end()
			b.WriteString(" " + strings.TrimRight(row.Label, ":.") + ":")
			continue
		}
		if open {
			b.WriteString(";")
		}
		open = true
		b.WriteString(" " + strings.TrimSpace(row.ID+" "+row.Label))
		for _, m := range row.Marks {
			b.WriteString(", ")
			if w := r.roleWord(m.Role); w != "" {
				b.WriteString(w + " ")
			}
			if m.Point() {
				b.WriteString(m.From.Format(st))
			} else {
				b.WriteString(m.From.Format(st) + " " + r.lbl("tidslinje_till") + " " + m.To.Format(st))
			}
		}
		if row.Level != 0 {
			b.WriteString(", " + strings.ToLower(r.levelWord(row.Level)))
		}
		if row.Note != "" {
			b.WriteString(", " + strings.ToLower(row.Note))
		}
	}
	end()
	if !t.Today.IsZero() {
		b.WriteString(" " + r.lbl("rapportdatum") + " " + t.Today.Format(st) + ".")
	}
	return b.String()
}

// roleWord is the word before a mark's dates in the alternative text; ""
// for a plan, whose dates are the plan.
func (r *run) roleWord(role doc.MarkRole) string {
	switch role {
	case doc.Planned:
		return strings.ToLower(r.lbl("planerat"))
	case doc.Forecast:
		return strings.ToLower(r.lbl("prognos"))
	case doc.Actual:
		return strings.ToLower(r.lbl("utfall"))
	}
	return ""
}

func (r *run) levelWord(l doc.StatusLevel) string {
	switch l {
	case doc.Green:
		return r.lbl(string(model.Green))
	case doc.Yellow:
		return r.lbl(string(model.Yellow))
	case doc.Red:
		return r.lbl(string(model.Red))
	}
	return ""
}

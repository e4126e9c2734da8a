package gantt

import (
	"encoding/xml"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
)

func layouter(t *testing.T) *Layouter {
	t.Helper()
	l, err := New()
	require.NoError(t, err)
	return l
}

func must(t *testing.T, s string) date.Date {
	t.Helper()
	d, err := date.Parse(s)
	require.NoError(t, err)
	return d
}

// textWidth is the text width of A4 portrait with the default margins.
const textWidth = 210 - 25 - 25

// texts are the drawing's texts, in order.
func texts(d *Drawing) []string {
	var out []string
	for _, s := range d.Shapes {
		if s.Kind == Text {
			out = append(out, s.Text)
		}
	}
	return out
}

// From a quarter of a year to five years, at every precision, the chart
// fits the text width of an A4 page, every shape and text inside it, and
// the axis counts in the unit that suits the span, in Swedish.
func TestScaleFitsA4(t *testing.T) {
	l := layouter(t)
	p := style.Default()
	for _, tc := range []struct {
		name, from, to string
		axis           []string // labels the axis must show
	}{
		{"three months, days", "2025-03-03", "2025-05-20", []string{"2025", "mar", "apr", "maj"}},
		{"one month", "2025-03", "2025-03", []string{"mar", "apr", "maj"}},
		{"a year of months", "2025-01", "2025-12", []string{"jan", "jun", "dec"}},
		{"eighteen months", "2025-01", "2026-06", []string{"2026"}},
		{"two years of quarters", "2025-Q1", "2026-Q4", []string{"K1", "K4", "2025", "2026"}},
		{"halves", "2025-H2", "2027-H1", []string{"K3", "2027"}},
		{"five years", "2025", "2029", []string{"2025", "2029", "H1", "H2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to := must(t, tc.from), must(t, tc.to)
			tl := &doc.Timeline{Rows: []doc.TimelineRow{
				{Label: "Faser", Group: true},
				{ID: "F1", Label: "En fas med ett långt namn som inte får plats i kolumnen för etiketter", Marks: []doc.TimelineMark{{Role: doc.Plan, From: from, To: to}}},
				{ID: "M1", Label: "Start", Marks: []doc.TimelineMark{{Role: doc.Plan, From: from, Text: from.Named()}}},
				{ID: "M2", Label: "Slut", Marks: []doc.TimelineMark{{Role: doc.Plan, From: to, Text: to.Named()}}},
			}, Legend: []doc.LegendItem{{Role: doc.Plan, Text: "Fas"}, {Role: doc.Plan, Point: true, Text: "Milstolpe"}}}
			d := l.Layout(tl, textWidth, p)
			require.Positive(t, d.H)
			assert.Less(t, d.H, p.PageHeight-p.MarginTop-p.MarginBottom, "the chart fits a page")
			for _, s := range d.Shapes {
				x0, x1, y0, y1 := extent(l, s)
				assert.GreaterOrEqual(t, x0, -0.01, "%+v", s)
				assert.LessOrEqual(t, x1, d.W+0.01, "%+v", s)
				assert.GreaterOrEqual(t, y0, -0.01, "%+v", s)
				assert.LessOrEqual(t, y1, d.H+0.01, "%+v", s)
			}
			got := texts(d)
			for _, a := range tc.axis {
				assert.Contains(t, got, a)
			}
			for _, s := range got {
				assert.NotContains(t, []string{"Jan", "Mar", "May", "Oct", "Q1"}, s, "Swedish, not English")
			}
		})
	}
}

// extent is the box a shape covers.
func extent(l *Layouter, s Shape) (x0, x1, y0, y1 float64) {
	switch s.Kind {
	case Poly:
		return bounds(s.Pts)
	case Line:
		return min(s.X, s.X+s.W), max(s.X, s.X+s.W), min(s.Y, s.Y+s.H), max(s.Y, s.Y+s.H)
	case Circle:
		return s.X - s.W, s.X + s.W, s.Y - s.W, s.Y + s.W
	case Text:
		return s.X, s.X + l.faces.width(s.Text, s.Size, s.Bold), s.Y - s.Size*ptToMM*0.75, s.Y
	}
	return s.X, s.X + s.W, s.Y, s.Y + s.H
}

// Each role has its own look besides its colour: a plan and an actual
// are solid, a planned mark white with an edge, a forecast hatched.
func TestRolesLookApart(t *testing.T) {
	l := layouter(t)
	p := style.Default()
	at := must(t, "2025-06-12")
	for _, tc := range []struct {
		role   doc.MarkRole
		solid  bool
		hatch  bool
		colour style.RGB
	}{
		{doc.Plan, true, false, p.LinkColor},
		{doc.Planned, false, false, white},
		{doc.Forecast, false, true, white},
		{doc.Actual, true, false, p.StatusColors[doc.Red-1]},
	} {
		for _, point := range []bool{true, false} {
			m := doc.TimelineMark{Role: tc.role, From: at, Level: doc.Red}
			if tc.role == doc.Plan || tc.role == doc.Planned {
				m.Level = 0
			}
			if !point {
				m.From, m.To = must(t, "2025-03"), at
			}
			d := l.Layout(&doc.Timeline{Rows: []doc.TimelineRow{{ID: "X", Marks: []doc.TimelineMark{m}}}}, textWidth, p)
			var mark *Shape
			hatch := 0
			for i, s := range d.Shapes {
				if s.Kind == Poly && mark == nil {
					mark = &d.Shapes[i]
				}
				if s.Kind == Line && mark != nil && s.W != 0 && s.H != 0 {
					hatch++
				}
			}
			require.NotNil(t, mark, "role %d", tc.role)
			assert.Equal(t, tc.colour, mark.Fill, "role %d point %v", tc.role, point)
			assert.Positive(t, mark.LineW, "every mark has an edge")
			assert.Equal(t, tc.hatch, hatch > 0, "role %d point %v: hatched", tc.role, point)
			if point {
				assert.Len(t, mark.Pts, 8, "a point is a diamond")
			}
		}
	}
}

// A date of a month, a quarter or a year is drawn over the span it
// covers: the diamond at its middle, on a band from its first day to its
// last.
func TestPrecisionBand(t *testing.T) {
	l := layouter(t)
	q := must(t, "2025-Q4")
	d := l.Layout(&doc.Timeline{Rows: []doc.TimelineRow{
		{ID: "A", Marks: []doc.TimelineMark{{Role: doc.Plan, From: must(t, "2025-01-01"), To: must(t, "2026-06-30")}}},
		{ID: "B", Marks: []doc.TimelineMark{{Role: doc.Plan, From: q}}},
	}}, textWidth, style.Default())
	var band, diamond *Shape
	for i, s := range d.Shapes {
		if s.Kind == Rect && s.H < barH && s.W > diamondW {
			band = &d.Shapes[i]
		}
		if s.Kind == Poly && len(s.Pts) == 8 && s.Pts[1] < s.Pts[3] {
			diamond = &d.Shapes[i]
		}
	}
	require.NotNil(t, band)
	require.NotNil(t, diamond)
	// A quarter of an axis of 18 months: a sixth of the chart.
	var bar *Shape
	for i, s := range d.Shapes {
		if s.Kind == Poly && s.Pts[1] == s.Pts[3] {
			bar = &d.Shapes[i]
			break
		}
	}
	require.NotNil(t, bar)
	chart := bar.Pts[2] - bar.Pts[0]
	assert.InDelta(t, chart*92/546, band.W, 0.2, "the band is the quarter's 92 of 546 days")
	assert.InDelta(t, band.X+band.W/2, diamond.Pts[0], 0.01, "the diamond sits in the middle")
}

// The SVG names itself by the alternative text.
func TestPictures(t *testing.T) {
	l := layouter(t)
	tl := &doc.Timeline{Alt: "Tidslinje. BP1 Beslut, 21 november 2024 till 17 december 2024 & mer.", Rows: []doc.TimelineRow{
		{ID: "BP1", Label: "Beslut <i nämnd>", Marks: []doc.TimelineMark{{Role: doc.Plan, From: must(t, "2024-11-21"), To: must(t, "2024-12-17")}}},
	}, Today: must(t, "2024-12-01"), TodayLabel: "Rapportdatum 2024-12-01"}
	d := l.Layout(tl, textWidth, style.Default())
	svg := d.SVG()
	var root struct {
		XMLName xml.Name
		Role    string   `xml:"role,attr"`
		Label   string   `xml:"aria-label,attr"`
		Title   string   `xml:"title"`
		Texts   []string `xml:"text"`
	}
	require.NoError(t, xml.Unmarshal(svg, &root), string(svg))
	assert.Equal(t, "svg", root.XMLName.Local)
	assert.Equal(t, "img", root.Role)
	assert.Equal(t, tl.Alt, root.Title)
	assert.Equal(t, tl.Alt, root.Label)
	assert.Contains(t, strings.Join(root.Texts, "|"), "Beslut <i nämnd>")
}

// The plan is drawn in the organisation's colour: the template's, else
// the headings' of its reference document, else the link colour.
func TestAccent(t *testing.T) {
	branded := style.Default()
	branded.HeadingColor = style.RGB{R: 0, G: 100, B: 110}
	for _, tc := range []struct {
		name  string
		color string
		p     style.Profile
		want  style.RGB
	}{
		{"default", "", style.Default(), style.Default().LinkColor},
		{"reference document's headings", "", branded, branded.HeadingColor},
		{"template's", "#AA0033", branded, style.RGB{R: 0xAA, G: 0, B: 0x33}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Accent(&doc.Timeline{Color: tc.color}, tc.p))
		})
	}
}

// benchTimeline is a status report's chart: every role, a dozen rows.
func benchTimeline(testing.TB) *doc.Timeline {
	tl := &doc.Timeline{Today: date.Of(2025, 11, 15), TodayLabel: "Rapportdatum 2025-11-15"}
	for i := range 12 {
		from := date.OfMonth(2025, time.Month(i%12+1))
		tl.Rows = append(tl.Rows, doc.TimelineRow{ID: "DA" + strconv.Itoa(i), Label: "En aktivitet med ett namn", Note: "Försenad", Level: doc.Red,
			Marks: []doc.TimelineMark{
				{Role: doc.Planned, From: from, To: date.OfMonth(2025, 12)},
				{Role: doc.Forecast, From: from, To: date.OfMonth(2026, 3), Level: doc.Red},
			}})
	}
	return tl
}

func BenchmarkLayout(b *testing.B) {
	l, err := New()
	require.NoError(b, err)
	tl := benchTimeline(b)
	p := style.Default()
	b.ReportAllocs()
	for b.Loop() {
		l.Layout(tl, textWidth, p)
	}
}

// BenchmarkLayoutLongLabels lays out the same chart with labels as long
// as the examples' (two lines, the second cut with an ellipsis).
func BenchmarkLayoutLongLabels(b *testing.B) {
	l, err := New()
	require.NoError(b, err)
	tl := benchTimeline(b)
	for i := range tl.Rows {
		tl.Rows[i].Label = "Säkerställa aktivt bidrag i framtagandet av den gemensamma planen för primärvårdens utveckling i regionen"
	}
	p := style.Default()
	b.ReportAllocs()
	for b.Loop() {
		l.Layout(tl, textWidth, p)
	}
}

func BenchmarkEMF(b *testing.B) {
	l, err := New()
	require.NoError(b, err)
	d := l.Layout(benchTimeline(b), textWidth, style.Default())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.EMF(); err != nil {
			b.Fatal(err)
		}
	}
}

// The grid has a line at every step of the axis's second row, and the
// month the chart adds for the last date's text does not change its unit.
func TestGridFollowsAxis(t *testing.T) {
	l := layouter(t)
	from, to := must(t, "2025-01"), must(t, "2026-06")
	d := l.Layout(&doc.Timeline{Rows: []doc.TimelineRow{
		{ID: "A", Marks: []doc.TimelineMark{{Role: doc.Plan, From: from, To: to}}},
		{ID: "B", Marks: []doc.TimelineMark{{Role: doc.Plan, From: to, Text: "2026-06"}}},
	}}, textWidth, style.Default())
	months, lines := 0, 0
	for _, s := range d.Shapes {
		if s.Kind == Text && strings.Contains(strings.Join(monthShort[:], " "), s.Text) && len(s.Text) == 3 {
			months++
		}
		if s.Kind == Line && s.W == 0 && s.H > rowH {
			lines++
		}
	}
	assert.Equal(t, 19, months, "18 months and one for the text")
	assert.Equal(t, months+1, lines, "a line at each month's start and after the last")
}

// Whatever the data, a layout ends, and draws inside its figure.
func TestOddTimelines(t *testing.T) {
	l := layouter(t)
	p := style.Default()
	row := func(ms ...doc.TimelineMark) doc.TimelineRow {
		return doc.TimelineRow{ID: "X", Label: strings.Repeat("långt ", 40), Note: strings.Repeat("Försenad ", 10), Level: doc.Red, Marks: ms}
	}
	for _, tc := range []struct {
		name  string
		tl    doc.Timeline
		empty bool
	}{
		{"nothing", doc.Timeline{}, true},
		{"only headings", doc.Timeline{Rows: []doc.TimelineRow{{Label: "Faser", Group: true}}}, true},
		{"end before start", doc.Timeline{Rows: []doc.TimelineRow{row(doc.TimelineMark{From: must(t, "2026-03"), To: must(t, "2025-01")})}}, false},
		{"one day", doc.Timeline{Rows: []doc.TimelineRow{row(doc.TimelineMark{From: must(t, "2025-03-14"), To: must(t, "2025-03-14")})}}, false},
		{"two centuries", doc.Timeline{Rows: []doc.TimelineRow{row(doc.TimelineMark{From: must(t, "1900"), To: must(t, "2099")})}}, false},
		{"year one", doc.Timeline{Rows: []doc.TimelineRow{row(doc.TimelineMark{From: date.OfYear(1), Text: "år 1"})}, Today: date.OfYear(2)}, false},
		{"today far away", doc.Timeline{Rows: []doc.TimelineRow{row(doc.TimelineMark{From: must(t, "2025-05")})}, Today: must(t, "2030-01-01"), TodayLabel: "Rapportdatum"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := l.Layout(&tc.tl, textWidth, p)
			assert.Equal(t, tc.empty, d.H == 0)
			for _, s := range d.Shapes {
				x0, x1, _, y1 := extent(l, s)
				assert.GreaterOrEqual(t, x0, -0.01, "%+v", s)
				assert.LessOrEqual(t, x1, d.W+0.01, "%+v", s)
				assert.LessOrEqual(t, y1, d.H+0.01, "%+v", s)
			}
		})
	}
}

// TestLayoutRoom: the room a drawing starts with, learnt from the
// Layouter's earlier drawings, changes no drawing: a chart laid out
// first, after a larger one and after a smaller one is the same, and the
// room stays bounded.
func TestLayoutRoom(t *testing.T) {
	big := benchTimeline(t)
	small := &doc.Timeline{Alt: "Liten", Rows: big.Rows[:2]}
	p := style.Default()
	fresh := func(tl *doc.Timeline) *Drawing {
		l, err := New()
		require.NoError(t, err)
		return l.Layout(tl, textWidth, p)
	}
	l, err := New()
	require.NoError(t, err)
	for _, tl := range []*doc.Timeline{small, big, small, big, big} {
		got := l.Layout(tl, textWidth, p)
		want := fresh(tl)
		assert.Equal(t, want.Shapes, got.Shapes, tl.Alt)
		assert.Equal(t, want.H, got.H, tl.Alt)
		assert.LessOrEqual(t, l.shapes.Load(), int64(maxShapesHint))
	}
	assert.Equal(t, int64(len(fresh(big).Shapes)), l.shapes.Load(), "the most shapes seen")
}

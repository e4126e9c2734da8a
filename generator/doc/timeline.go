package doc

import "github.com/underlag/underlag/generator/date"

// Timeline is a Gantt chart: rows of bars (a phase, an activity, from its
// start to its end) and diamonds (a milestone), on a scale of months,
// quarters or years, with an optional line for the day a report is made
// and a legend. The composer builds it from the data (generator/kind for
// the directive and the status report, generator/compose for a kind
// defined in data); generator/gantt lays it out once, the same for every
// format, and each renderer draws that layout: vectors in the PDF, a
// picture in the DOCX, SVG in HTML.
//
// Dates keep their precision: a bar from 2025-09 to 2025-10 covers
// September and October, a milestone in 2025-Q4 sits in the middle of the
// quarter over a band that shows the whole quarter.
//
// Colour is never the only thing that tells marks apart: the role of a mark
// has its own pattern (solid, outlined, hatched), a point is a diamond, a
// row may end in a Note in words, and Alt says everything in text.
type Timeline struct {
	Rows []TimelineRow
	// Today draws a dashed line on that day: the date a status report
	// is made as of. The zero Date draws none.
	Today      date.Date
	TodayLabel string // the line's label, such as "Rapportdatum 15 nov. 2025"
	Legend     []LegendItem
	// Alt is the chart in words, for who cannot see it: every row with
	// its dates. The PDF tags the figure with it, the DOCX sets it as the
	// picture's description, HTML as the SVG's title.
	Alt string
	// Caption is printed under the chart ("Figur 1. Tidslinje"); "" for
	// none.
	Caption string
	// Color is the organisation's colour for the bars and diamonds of a
	// plan, as #RRGGBB; "" for the style profile's.
	Color string
}

// TimelineRow is one row of the chart: a label and its marks, or a group
// heading ("Delaktiviteter") when Group is set.
type TimelineRow struct {
	ID    string // short id printed in bold before the label: "BP1"
	Label string
	Group bool
	Marks []TimelineMark
	// Note is printed at the row's end, in words: "Försenad", "Klar".
	Note string
	// Level colours the note's mark; 0 for none.
	Level StatusLevel
}

// MarkRole is what a mark stands for; each role is drawn in its own way,
// whatever its colour.
type MarkRole uint8

const (
	// Plan is a directive's plan: a solid bar or diamond in the
	// organisation's colour.
	Plan MarkRole = iota
	// Planned is the plan a report compares with: outlined.
	Planned
	// Forecast is when it is now expected: hatched.
	Forecast
	// Actual is what happened: solid.
	Actual
)

// TimelineMark is a bar from From to To, or a diamond at From when To is
// zero (or the same as From).
type TimelineMark struct {
	Role     MarkRole
	From, To date.Date
	// Level is the traffic light of a forecast or an actual mark; 0 for
	// the role's own colour.
	Level StatusLevel
	// Text is printed beside the mark, such as its date: "okt. 2025".
	Text string
}

// Point reports whether the mark is a diamond rather than a bar.
func (m TimelineMark) Point() bool { return m.To.IsZero() || m.To == m.From }

// LegendItem is one entry of the legend: a sample of a mark (or the
// today line, or a traffic light) and what it means.
type LegendItem struct {
	Role  MarkRole
	Point bool // a diamond rather than a bar
	Level StatusLevel
	Today bool // the today line
	// Swatch is a traffic-light sample alone: a square of Level's colour.
	Swatch bool
	Text   string
}

func (*Timeline) Kind() Kind { return KindTimeline }

package doctest

import (
	"strconv"
	"time"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
)

// TimelineAlt is the alternative text of Timeline's chart.
const TimelineAlt = "Planerat, prognos och utfall. Aktiviteter: DA1 Gemensam plan, planerat mars 2025, utfall 27 mars 2025, grön, klar; " +
	"DA2 Implementeringsplan, planerat januari 2025 till september 2025, prognos januari 2025 till december 2025, röd, försenad. " +
	"Milstolpar: BP3 Leverans, planerat 31 oktober 2025, prognos kvartal 1 2026, gul, ej nådd. Rapportdatum 15 november 2025."

// Timeline returns a memo that holds a timeline of every role and traffic
// light, at day, month and quarter precision, with the report's day and a
// legend, under a heading and over its caption.
func Timeline() *doc.Document {
	m := func(s string) date.Date {
		d, err := date.Parse(s)
		if err != nil {
			panic(err) // the dates below are valid
		}
		return d
	}
	tl := &doc.Timeline{
		Alt: TimelineAlt,
		Rows: []doc.TimelineRow{
			{Label: "Aktiviteter", Group: true},
			{ID: "DA1", Label: "Gemensam plan", Note: "Klar", Level: doc.Green, Marks: []doc.TimelineMark{
				{Role: doc.Planned, From: m("2025-03"), Text: "2025-03"},
				{Role: doc.Actual, From: m("2025-03-27"), Level: doc.Green, Text: "2025-03-27"},
			}},
			{ID: "DA2", Label: "Implementeringsplan", Note: "Försenad", Level: doc.Red, Marks: []doc.TimelineMark{
				{Role: doc.Planned, From: m("2025-01"), To: m("2025-09")},
				{Role: doc.Forecast, From: m("2025-01"), To: m("2025-12"), Level: doc.Red},
			}},
			{Label: "Milstolpar", Group: true},
			{ID: "BP3", Label: "Leverans", Note: "Ej nådd", Level: doc.Yellow, Marks: []doc.TimelineMark{
				{Role: doc.Planned, From: m("2025-10-31"), Text: "2025-10-31"},
				{Role: doc.Forecast, From: m("2026-Q1"), Level: doc.Yellow, Text: "2026-Q1"},
			}},
		},
		Today:      date.Of(2025, time.November, 15),
		TodayLabel: "Rapportdatum 2025-11-15",
		Legend: []doc.LegendItem{
			{Role: doc.Planned, Point: true, Text: "Planerat"}, {Role: doc.Forecast, Text: "Prognos"},
			{Role: doc.Actual, Point: true, Text: "Utfall"},
			{Swatch: true, Level: doc.Green, Text: "Grön"}, {Swatch: true, Level: doc.Yellow, Text: "Gul"}, {Swatch: true, Level: doc.Red, Text: "Röd"},
			{Today: true, Text: "Rapportdatum"},
		},
	}
	return &doc.Document{Meta: Meta(), Blocks: []doc.Block{
		&doc.Heading{Level: 1, Text: []doc.Inline{doc.Text("Tidslinje")}},
		tl,
		&doc.Paragraph{Text: []doc.Inline{{Text: "Figur 1. Planerat, prognos och utfall", Style: doc.Italic}}, Small: true},
	}}
}

// TallTimeline returns a document whose timeline has n rows: more than a
// page holds when n is large.
func TallTimeline(n int) *doc.Document {
	tl := &doc.Timeline{Alt: "Många faser."}
	for i := range n {
		from := date.Of(2025, time.Month(i%12+1), 1)
		tl.Rows = append(tl.Rows, doc.TimelineRow{ID: "F" + strconv.Itoa(i+1), Label: "Fas", Marks: []doc.TimelineMark{
			{Role: doc.Plan, From: from, To: date.OfMonth(2026, time.Month(i%12+1))},
		}})
	}
	return &doc.Document{Meta: Meta(), Blocks: []doc.Block{tl}}
}

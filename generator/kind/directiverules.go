package kind

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"sync"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// The directive's review rules' ids; see Rule.
const (
	RuleTimelineMilestone     = "timeline-milestone-date"
	RuleActivityOutsidePeriod = "activity-outside-period"
	RuleHeadingYear           = "heading-year"
)

// directiveRules are the review rules of a directive: dates within it
// that disagree.
func directiveRules() []Rule {
	return []Rule{
		{ID: RuleTimelineMilestone, Severity: diag.Warning, Check: timelineMilestone,
			Summary: "A decision point's date in milstolpar falls outside its phase in tidplan.",
			Hint:    "Make tidplan and milstolpar agree: move the milestone's datum into the phase, or the phase's start/slut around it."},
		{ID: RuleActivityOutsidePeriod, Severity: diag.Warning, Check: activityOutsidePeriod,
			Summary: "An activity's date falls outside the commission's period (its timeline, or its year).",
			Hint:    "Correct the activity's start/slut, or widen the timeline if the commission really runs longer."},
		{ID: RuleHeadingYear, Severity: diag.Warning, Check: headingYear,
			Summary: "A heading names a year that none of the dates under it is in.",
			Hint:    "Correct the year in the heading (rubriker), or the dates under it."},
	}
}

// span is the days a phase or period covers, from the first day of its
// first date to the last day of its last; a phase with only a start or
// only an end is that date.
type span struct{ from, to date.Date }

func phaseSpan(p model.Phase) (span, bool) {
	switch {
	case p.Start.IsZero() && p.End.IsZero():
		return span{}, false
	case p.Start.IsZero():
		return span{p.End, p.End}, true
	case p.End.IsZero():
		return span{p.Start, p.Start}, true
	}
	return span{p.Start, p.End}, true
}

// outside reports whether d lies wholly before or wholly after the span.
func (s span) outside(d date.Date) bool {
	return d.Before(s.from) || s.to.Before(d)
}

func (s span) String() string {
	if s.from == s.to {
		return s.from.String()
	}
	return s.from.String() + "–" + s.to.String()
}

func timelineMilestone(c Reporter, in RuleInput) {
	d, ok := in.Doc.(*model.Directive)
	if !ok {
		return
	}
	for i, m := range d.Milestones {
		if m.ID == "" || m.Date.IsZero() {
			continue
		}
		for j, p := range d.Timeline {
			if p.ID != m.ID {
				continue
			}
			s, ok := phaseSpan(p)
			if !ok || !s.outside(m.Date) {
				break
			}
			c.Report(fmt.Sprintf("milstolpar[%d].datum", i), "%s is dated %s in milstolpar, but its phase in tidplan (line %d) is %s",
				m.ID, m.Date, d.Source.Pos(fmt.Sprintf("tidplan[%d]", j)).Line, s)
			break
		}
	}
}

// period is the commission's period: from its timeline's first date to
// its last, or failing a timeline its year.
func period(d *model.Directive) (span, string, bool) {
	var s span
	for _, p := range d.Timeline {
		ps, ok := phaseSpan(p)
		if !ok {
			continue
		}
		if s.from.IsZero() || ps.from.First().Before(s.from.First()) {
			s.from = ps.from
		}
		if s.to.IsZero() || ps.to.Last().After(s.to.Last()) {
			s.to = ps.to
		}
	}
	if !s.from.IsZero() {
		return s, "the timeline (tidplan)", true
	}
	if d.Year > 0 {
		y := date.OfYear(d.Year)
		return span{y, y}, "the commission's year (år)", true
	}
	return span{}, "", false
}

func activityOutsidePeriod(c Reporter, in RuleInput) {
	d, ok := in.Doc.(*model.Directive)
	if !ok {
		return
	}
	s, what, ok := period(d)
	if !ok {
		return
	}
	for i, a := range d.Activities {
		for _, f := range []struct {
			key string
			d   date.Date
		}{{"start", a.Start}, {"slut", a.End}} {
			if !f.d.IsZero() && s.outside(f.d) {
				c.Report(fmt.Sprintf("delaktiviteter[%d].%s", i, f.key), "the activity's %s %s is outside %s, %s", f.key, f.d, what, s)
				break
			}
		}
	}
}

var yearPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(19|20)\d\d\b`) })

func headingYear(c Reporter, in RuleInput) {
	d, ok := in.Doc.(*model.Directive)
	if !ok {
		return
	}
	// The tables whose heading may be renamed, with the dates under them.
	tables := map[string][]date.Date{}
	for _, p := range d.Timeline {
		tables["tidplan"] = append(tables["tidplan"], p.Start, p.End)
	}
	for _, m := range d.Milestones {
		tables["milstolpar"] = append(tables["milstolpar"], m.Date)
	}
	for _, a := range d.Activities {
		tables["delaktiviteter"] = append(tables["delaktiviteter"], a.Start, a.End)
	}
	keys := make([]string, 0, len(d.Labels))
	for k := range d.Labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		label := d.Labels[key]
		m := yearPattern().FindString(label)
		if m == "" {
			continue
		}
		y, _ := strconv.Atoi(m)
		years := map[int]bool{}
		for _, dt := range tables[key] {
			if dt.IsZero() {
				continue
			}
			for yy := dt.First().Year(); yy <= dt.Last().Year(); yy++ {
				years[yy] = true
			}
		}
		if len(years) == 0 || years[y] {
			continue
		}
		c.ReportWord("rubriker."+key, m, "the heading %q names %d, but the dates in %s are in %s", label, y, key, yearList(years))
	}
}

func yearList(years map[int]bool) string {
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	s := ""
	for i, y := range ys {
		switch {
		case i == 0:
		case i == len(ys)-1:
			s += " and "
		default:
			s += ", "
		}
		s += strconv.Itoa(y)
	}
	return s
}

package kind

import (
	"fmt"
	"strings"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// The status report's review rules' ids; see Rule.
const (
	RuleStatusBeforeDirective = "status-before-directive"
	RuleStatusUnknownID       = "status-unknown-id"
	RuleStatusComment         = "status-comment"
)

// statusRules are the review rules of a status report: how it agrees with
// its directive, and whether its status says why.
func statusRules() []Rule {
	return []Rule{
		{ID: RuleStatusBeforeDirective, Severity: diag.Error, Check: statusBeforeDirective,
			Summary: "A status report is dated before the directive it reports on.",
			Hint:    "Correct the report's datum (or period), or point uppdragsdirektiv at the right directive."},
		{ID: RuleStatusUnknownID, Severity: diag.Error, Check: statusUnknownID,
			Summary: "A status report names an activity or milestone its directive does not have.",
			Hint:    "Use an id from the directive's delaktiviteter or milstolpar/tidplan, or add the row to the directive."},
		{ID: RuleStatusComment, Severity: diag.Warning, Check: statusComment,
			Summary: "A status report's overall status has no comment.",
			Hint:    "Say in status.kommentar why the status is what it is, so that it is never a colour alone."},
	}
}

func statusBeforeDirective(c Reporter, in RuleInput) {
	s, ok := in.Doc.(*model.StatusReport)
	if !ok || in.Directive == nil || in.Directive.Date.IsZero() {
		return
	}
	path, asOf := "datum", s.Date
	if asOf.IsZero() {
		path, asOf = "period.till", s.Period.To
	}
	if asOf.Before(in.Directive.Date) {
		c.Report(path, "the report is dated %s, before its directive %s (%s)", asOf, s.Directive, in.Directive.Date)
	}
}

func statusUnknownID(c Reporter, in RuleInput) {
	s, ok := in.Doc.(*model.StatusReport)
	if !ok || in.Directive == nil {
		return
	}
	dir := in.Directive
	acts, points := dir.ActivityIDs(), dir.PointIDs()
	for i, a := range s.Activities {
		if _, ok := dir.Activity(a.ID); a.ID != "" && !ok {
			c.Report(fmt.Sprintf("aktiviteter[%d].id", i), "the directive %s has no delaktivitet with id %q; %s", s.Directive, a.ID, check.Valid(acts, "its delaktiviteter have no id"))
		}
	}
	for i, m := range s.Milestones {
		if _, ok := dir.Point(m.ID); m.ID != "" && !ok {
			c.Report(fmt.Sprintf("milstolpar[%d].beslutspunkt", i), "the directive %s has no milstolpe or beslutspunkt %q; %s", s.Directive, m.ID, check.Valid(points, "it has no milstolpar"))
		}
	}
}

func statusComment(c Reporter, in RuleInput) {
	s, ok := in.Doc.(*model.StatusReport)
	if ok && s.Status.Level != "" && strings.TrimSpace(string(s.Status.Comment)) == "" {
		c.Report("status", "the status %s has no kommentar", s.Status.Level)
	}
}

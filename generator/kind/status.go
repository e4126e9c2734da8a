package kind

import (
	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// KindStatus is the statusrapport's name.
const KindStatus model.Kind = "statusrapport"

// StatusReport is the statusrapport: how a commission stands against its
// directive's milestones and activities.
func StatusReport() Kind {
	return Kind{
		Name:     KindStatus,
		Doc:      "Statusrapport: hur ett uppdrag ligger till mot direktivets milstolpar och delaktiviteter.",
		New:      func() model.Document { return new(model.StatusReport) },
		Template: "statusrapport.md.tmpl",
		Check:    func(c *check.Checker, d model.Document) { checkStatus(c, d.(*model.StatusReport)) },
		Funcs:    statusFuncs,
		Rules:    statusRules(),
		Timeline: func(b Builder, d model.Document, o TimelineOptions) *doc.Timeline {
			return statusTimeline(b, d.(*model.StatusReport), o)
		},
		// A report is judged as of its date.
		Requires: []string{"datum"},
	}
}

func checkStatus(c *check.Checker, s *model.StatusReport) {
	c.Order("period", "från", s.Period.From, "till", s.Period.To)
	c.Person("rapportör", s.Author)
	c.Duplicates("aktiviteter", len(s.Activities), func(i int) (string, string) { return "id", s.Activities[i].ID })
	c.Duplicates("milstolpar", len(s.Milestones), func(i int) (string, string) { return "beslutspunkt", s.Milestones[i].ID })
	// Whether the rows name the directive's ids, and whether the status
	// says why, are review rules (statusrules.go: status-unknown-id,
	// status-comment), so a profile can tune them.
}

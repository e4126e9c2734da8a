package kind

import (
	"fmt"
	"slices"
	"strings"

	"github.com/underlag/underlag/generator/check"
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
	}
}

func checkStatus(c *check.Checker, s *model.StatusReport) {
	c.Order("period", "från", s.Period.From, "till", s.Period.To)
	c.Person("rapportör", s.Author)
	if s.Status.Level != "" && strings.TrimSpace(string(s.Status.Comment)) == "" {
		c.Warnf("status", "the status %s has no kommentar; say why, so the status is never a colour alone", s.Status.Level)
	}
	c.Duplicates("aktiviteter", len(s.Activities), func(i int) (string, string) { return "id", s.Activities[i].ID })
	c.Duplicates("milstolpar", len(s.Milestones), func(i int) (string, string) { return "beslutspunkt", s.Milestones[i].ID })
	dir := c.Directive
	if dir == nil {
		return
	}
	acts, points := dir.ActivityIDs(), dir.PointIDs()
	for i, a := range s.Activities {
		if a.ID != "" && !slices.Contains(acts, a.ID) {
			c.Errorf(fmt.Sprintf("aktiviteter[%d].id", i), "the directive %s has no delaktivitet with id %q; %s", s.Directive, a.ID, check.Valid(acts, "its delaktiviteter have no id"))
		}
	}
	for i, m := range s.Milestones {
		if _, ok := dir.Point(m.ID); m.ID != "" && !ok {
			c.Errorf(fmt.Sprintf("milstolpar[%d].beslutspunkt", i), "the directive %s has no milstolpe or beslutspunkt %q; %s", s.Directive, m.ID, check.Valid(points, "it has no milstolpar"))
		}
	}
}

package kind

import (
	"fmt"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// KindDirective is the uppdragsdirektiv's name.
const KindDirective model.Kind = "uppdragsdirektiv"

// Directive is the uppdragsdirektiv: a commission directive with numbered
// sections, timeline, milestones, activities, organisation, definitions
// and signatures.
func Directive() Kind {
	return Kind{
		Name:     KindDirective,
		Doc:      "Uppdragsdirektiv: ett uppdrag med bakgrund, mål, tidplan, milstolpar, delaktiviteter, organisation och underskrifter.",
		New:      func() model.Document { return new(model.Directive) },
		Template: "uppdragsdirektiv.md.tmpl",
		Check:    func(c *check.Checker, d model.Document) { checkDirective(c, d.(*model.Directive)) },
		Rules:    directiveRules(),
		Timeline: func(b Builder, d model.Document, o TimelineOptions) *doc.Timeline {
			return directiveTimeline(b, d.(*model.Directive), o)
		},
		// A directive without its timeline or its signature block is not
		// a commission anyone can be held to; both come last in the file,
		// so their absence is also how a cut-off file shows.
		Requires: []string{"tidplan", "underskrifter"},
	}
}

// AsDirective returns a loaded document as a directive, the one kind
// other documents refer to; false for any other value.
func AsDirective(v any) (*model.Directive, bool) {
	d, ok := v.(*model.Directive)
	return d, ok
}

func checkDirective(c *check.Checker, d *model.Directive) {
	for i, abbr := range d.Committees {
		c.Committee(fmt.Sprintf("nämnder[%d]", i), abbr)
	}
	for i, p := range d.Timeline {
		c.Order(fmt.Sprintf("tidplan[%d]", i), "start", p.Start, "slut", p.End)
	}
	for i, a := range d.Activities {
		c.Order(fmt.Sprintf("delaktiviteter[%d]", i), "start", a.Start, "slut", a.End)
	}
	c.Duplicates("tidplan", len(d.Timeline), func(i int) (string, string) { return "beslutspunkt", d.Timeline[i].ID })
	c.Duplicates("milstolpar", len(d.Milestones), func(i int) (string, string) { return "beslutspunkt", d.Milestones[i].ID })
	c.Duplicates("delaktiviteter", len(d.Activities), func(i int) (string, string) { return "id", d.Activities[i].ID })

	o := d.Organisation
	roles := []struct {
		key  string
		role model.Role
	}{
		{"uppdragsägare", o.Owner}, {"uppdragsledare", o.Leader}, {"uppdragsmedlemmar", o.Members},
		{"mottagare_av_resultatet", o.Recipient}, {"övriga_intressenter", o.Stakeholders},
	}
	for _, r := range roles {
		checkRole(c, "organisation."+r.key, r.role)
	}
	for i, r := range o.Other {
		checkRole(c, fmt.Sprintf("organisation.övriga_roller[%d]", i), r.Role)
	}
}

func checkRole(c *check.Checker, path string, r model.Role) {
	for i, p := range r.People {
		c.Person(fmt.Sprintf("%s.personer[%d]", path, i), p)
	}
}

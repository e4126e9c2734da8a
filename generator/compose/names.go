package compose

import "github.com/underlag/underlag/generator/model"

// names lists the names of people and organisations the document and its
// registries know, for doc.Meta.Names: the renderers never hyphenate
// them ("Moni-ca").
func (r *run) names() []string {
	var out []string
	add := func(s string) {
		if s != "" {
			out = append(out, s)
		}
	}
	for _, p := range model.PeopleOf(r.in.Doc) {
		add(r.person(p.Person).Name)
	}
	if r.in.Registries != nil && r.in.Registries.People != nil {
		for _, e := range r.in.Registries.People.Entries {
			add(e.Name)
		}
	}
	if r.org != nil {
		add(r.org.Name)
		for _, c := range r.org.Committees {
			add(c.Name)
		}
		for _, o := range r.org.Offices {
			add(o.Name)
		}
	}
	return out
}

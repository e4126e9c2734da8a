package compose

import (
	"fmt"
	"strings"

	"github.com/underlag/underlag/generator/model"
)

// contactParts are the parts of a person `kontakt` prints, by the name a
// template gives them, in the default order.
var contactParts = []struct {
	name string
	get  func(model.Person) string
}{
	{"namn", func(p model.Person) string { return p.Name }},
	{"titel", func(p model.Person) string { return p.Title }},
	{"enhet", func(p model.Person) string { return p.Unit }},
	{"telefon", func(p model.Person) string { return p.Phone }},
	{"epost", func(p model.Person) string { return p.Email }},
}

// fnContact is `kontakt`: a person (or a person id) looked up in the
// people registry, as one line of the parts asked for, joined with ", ":
// `kontakt .CaseOfficer "namn" "telefon"`; without parts, every part the
// person has. A part the person lacks is left out.
func (r *run) fnContact(v any, parts ...string) (string, error) {
	p, err := r.fnPerson(v)
	if err != nil {
		return "", fmt.Errorf("kontakt: %w", err)
	}
	if len(parts) == 0 {
		for _, c := range contactParts {
			parts = append(parts, c.name)
		}
	}
	var out []string
	for _, name := range parts {
		i := contactPart(name)
		if i < 0 {
			valid := make([]string, len(contactParts))
			for j, c := range contactParts {
				valid[j] = c.name
			}
			return "", fmt.Errorf("kontakt: no part %q; valid parts: %s", name, strings.Join(valid, ", "))
		}
		if s := strings.TrimSpace(contactParts[i].get(p)); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", "), nil
}

func contactPart(name string) int {
	for i, c := range contactParts {
		if c.name == name {
			return i
		}
	}
	return -1
}

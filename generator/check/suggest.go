package check

import (
	"fmt"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// The names officials get wrong most: a committee written by its full name
// ("Kommunstyrelsen" for KS) or with a typo (KSS), a person id with a typo
// (ana-andersson) or written as the name. Each message says which was
// likely meant, and lists the valid names only when there are few.

// maxListed is how many valid names a message lists; beyond it the message
// says how many there are and where.
const maxListed = 12

// committeeHint is the end of the message for a committee abbreviation the
// profile does not list: the committee likely meant, or the valid ones.
func committeeHint(abbr string, cs []model.Committee) string {
	var keys, names []string
	for _, cm := range cs {
		keys = append(keys, cm.Key())
		names = append(names, cm.Name)
	}
	for _, cm := range cs {
		t := strings.TrimSpace(abbr)
		if strings.EqualFold(t, cm.Key()) || strings.EqualFold(t, strings.TrimSpace(cm.Name)) {
			return fmt.Sprintf("did you mean %q (%s)? Committees are named exactly as the profile writes them", cm.Key(), cm.Name)
		}
	}
	if s := diag.Closest(abbr, keys); s != "" {
		return fmt.Sprintf("did you mean %q (%s)?", s, nameOf(cs, s))
	}
	if s := diag.Closest(abbr, names); s != "" {
		for _, cm := range cs {
			if cm.Name == s {
				return fmt.Sprintf("did you mean %q (%s)?", cm.Key(), cm.Name)
			}
		}
	}
	return listed(keys, "it lists no committees", "committees")
}

func nameOf(cs []model.Committee, key string) string {
	for _, cm := range cs {
		if cm.Key() == key {
			return cm.Name
		}
	}
	return ""
}

// personHint is the end of the message for a person id the registry does
// not hold: the id likely meant (by the id, or by the name when the name
// was written as an id), or the valid ids.
func personHint(id string, es []model.PersonEntry) string {
	var ids, names []string
	for _, e := range es {
		ids = append(ids, e.ID)
		names = append(names, e.Name)
	}
	if s := diag.Closest(id, ids); s != "" {
		return fmt.Sprintf("did you mean %q (%s)?", s, personName(es, s))
	}
	spoken := strings.NewReplacer("-", " ", "_", " ", ".", " ").Replace(id)
	if s := diag.Closest(spoken, names); s != "" {
		for _, e := range es {
			if e.Name == s {
				return fmt.Sprintf("did you mean %q (%s)?", e.ID, e.Name)
			}
		}
	}
	return listed(ids, "it is empty", "people")
}

func personName(es []model.PersonEntry, id string) string {
	for _, e := range es {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}

// listed is valid's message for a short list; a long one is counted.
func listed(names []string, none, what string) string {
	if len(names) > maxListed {
		return fmt.Sprintf("it lists %d %s, none close to this", len(names), what)
	}
	return valid(names, none)
}

package schema

import (
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/model"
)

// What the schema says beyond the Go types, so that the editor completes
// more than key names: the organisation's committees and people by name,
// an example for each key (taken from its description's "till exempel …"),
// a Markdown description, and a snippet that starts a file of each kind.

// Named is a value an organisation defines, with the name the editor shows
// beside it: a committee's abbreviation and its full name, a person's id
// and name.
type Named struct{ Value, Name string }

// Org is what a data tree's registries hold that the schema enumerates.
// The zero Org (no registries) leaves committees and person ids free text.
type Org struct {
	Committees []Named
	People     []Named
}

// OrgOf collects the committees and people of a data tree's registries.
func OrgOf(reg *model.Registries) Org {
	var o Org
	if reg == nil {
		return o
	}
	if reg.Organisation != nil {
		for _, c := range reg.Organisation.Committees {
			o.Committees = append(o.Committees, Named{c.Abbrev, c.Name})
		}
	}
	if reg.People != nil {
		for _, p := range reg.People.Entries {
			name := p.Name
			if p.Title != "" {
				name += ", " + p.Title
			}
			o.People = append(o.People, Named{p.ID, name})
		}
	}
	return o
}

// Definition names of the enumerated values.
const (
	committeeDef = "Nämnd"
	personIDDef  = "Personid"
)

// committeeKeys are the keys of a document that name committees by
// abbreviation: a string (nämnd) or a list of them (nämnder).
var committeeKeys = map[string]bool{"nämnd": true, "nämnder": true}

// ref returns the definition a field refers to by name, if any: a
// committee abbreviation, or a person's id.
func ref(owner reflect.Type, key string, t reflect.Type) string {
	switch {
	case committeeKeys[key] && (t.Kind() == reflect.String || t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String):
		return committeeDef
	case owner == reflect.TypeFor[model.Person]() && key == "id":
		return personIDDef
	}
	return ""
}

// namedDef is the definition of a value an organisation names: free text
// without a registry, else an enum with each value's name as its
// description.
func namedDef(what string, values []Named) obj {
	o := obj{{"type", "string"}, {"description", what}}
	if len(values) == 0 {
		return o
	}
	enum := make([]string, len(values))
	var cases []any
	var md []string
	for i, v := range values {
		enum[i] = v.Value
		cases = append(cases, obj{{"const", v.Value}, {"description", v.Name}})
		md = append(md, "**"+v.Value+"** — "+v.Name)
	}
	return append(o,
		kv{"enum", enum},
		kv{"oneOf", cases},
		// VS Code and the YAML language server show these beside the
		// completions.
		kv{"enumDescriptions", names(values)},
		kv{"markdownEnumDescriptions", md},
		kv{"examples", []string{values[0].Value}},
	)
}

func names(vs []Named) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Name
	}
	return out
}

// example is an example value for a key, from its description ("… till
// exempel HSN."), its enum or its type; nil when there is none to give.
func example(key, desc, enum string, t reflect.Type) any {
	if enum != "" {
		return strings.Split(enum, ",")[0]
	}
	const marker = "till exempel "
	if i := strings.Index(strings.ToLower(desc), marker); i >= 0 {
		s := desc[i+len(marker):]
		if j := strings.Index(s, ". "); j >= 0 {
			s = s[:j]
		}
		// "till exempel HSN, eller namnet …": the example ends before
		// the alternative.
		for _, alt := range []string{", eller ", ", och ", "; "} {
			if j := strings.Index(s, alt); j >= 0 && !strings.HasPrefix(s, "[") {
				s = s[:j]
			}
		}
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
		if strings.HasPrefix(s, "[") || strings.HasPrefix(s, "{") {
			var v any
			if yaml.Unmarshal([]byte(s), &v) == nil {
				return v
			}
		}
		return strings.Trim(s, "\"”`")
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if ex, ok := examples[key]; ok && (t.Kind() == reflect.String || t.Kind() == reflect.Int || t.Kind() == reflect.Float64) {
		return ex
	}
	switch {
	case t == reflect.TypeFor[date.Date]():
		return "2024-11-20"
	case t.Kind() == reflect.Bool:
		return true
	}
	return nil
}

// markdown is a key's description for editors that render Markdown: the
// description, then the key written with its example.
func markdown(key, desc string, ex any) string {
	if ex == nil {
		return desc
	}
	b, err := yaml.Marshal(map[string]any{key: ex})
	if err != nil {
		return desc
	}
	return desc + "\n\n```yaml\n" + string(b) + "```"
}

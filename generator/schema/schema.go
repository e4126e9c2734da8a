// Package schema generates the JSON Schema of underlag's data format from
// the Go types in generator/model, so that an editor with the YAML
// language server offers completion, shows each key's description and
// marks mistakes while the user types.
//
// The schema follows the loader: it is built from the same list of keys
// (load.Keys), the same required and enum tags, and the same rule for
// which types may be written as a plain scalar (load.TakesText). It is
// JSON Schema draft-07, which the YAML language server supports best.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// ID is the schema's $id.
const ID = "https://github.com/underlag/underlag/schema/underlag.schema.json"

// datePattern matches a day, a month or a year: 2024-11-18, 2025-03, 2025.
const datePattern = `^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-[Qq][1-4]|-[Hh][12])?$`

// obj is a JSON object that keeps its keys in the order they were added,
// so that the schema reads in the order of the Go types.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(e.k)
		if err != nil {
			return nil, err
		}
		v, err := marshal(e.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// generator collects the definitions a schema refers to.
type generator struct {
	defs  map[string]obj
	order []string

	anon   map[reflect.Type]string // names given to structs made at run time
	anonN  int
	prefix string // the name for the next such struct: after the kind being defined

	org Org // the committees and people a data tree names (org.go)
}

// JSON returns the schema, indented, ending in a newline. The output is
// deterministic, so that a test can compare it with the committed file.
func JSON(kinds *kind.Registry) ([]byte, error) {
	return JSONFor(kinds, Org{})
}

// JSONFor is JSON for a data tree whose registries name org's committees
// and people: nämnd and every person id complete from them.
func JSONFor(kinds *kind.Registry, org Org) ([]byte, error) {
	raw, err := marshal(schemaFor(kinds, org))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// Schema returns the schema of the files of the given kinds and the
// registries, as a value that encoding/json marshals.
func Schema(reg *kind.Registry) any {
	return schemaFor(reg, Org{})
}

func schemaFor(reg *kind.Registry, org Org) any {
	g := &generator{defs: map[string]obj{}, anon: map[reflect.Type]string{}, org: org}
	g.defs[committeeDef] = namedDef("Förkortning för en nämnd eller styrelse i organisationsprofilen (organisation.yaml), till exempel KS.", org.Committees)
	g.defs[personIDDef] = namedDef("Id för en person i personregistret (personer.yaml), till exempel anna-andersson.", org.People)
	g.order = append(g.order, committeeDef, personIDDef)
	l := load.New(reg)
	var kinds []string
	var cases, snippets []any
	for _, name := range l.KindNames() {
		k := model.Kind(name)
		t, _ := l.TypeOf(k)
		name := g.kind(k, t)
		snippets = append(snippets, g.snippet(k, t))
		kinds = append(kinds, string(k))
		cases = append(cases, obj{
			{"if", obj{{"properties", obj{{"typ", obj{{"const", string(k)}}}}}, {"required", []string{"typ"}}}},
			{"then", obj{{"$ref", "#/definitions/" + name}}},
		})
	}
	defs := obj{}
	for _, name := range g.order {
		defs = append(defs, kv{name, g.defs[name]})
	}
	return obj{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"$id", ID},
		{"title", "underlag data file"},
		{"description", "A data file for underlag: a document (uppdragsdirektiv, tjänsteskrivelse, statusrapport) or a registry (organisation, ordlista, personer). Generated from the Go types by `underlag schema`; do not edit."},
		{"type", "object"},
		{"required", []string{"typ", "version"}},
		{"properties", obj{
			{"typ", obj{{"description", desc(reflect.TypeFor[model.Head](), "Type")}, {"enum", kinds}}},
			{"version", obj{{"description", desc(reflect.TypeFor[model.Head](), "Version")}, {"const", model.FormatVersion}}},
		}},
		{"allOf", cases},
		{"defaultSnippets", snippets},
		{"definitions", defs},
	}
}

// schemaName is a kind's name as a definition name: ASCII letters and
// digits.
func schemaName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'å', 'ä':
			r = 'a'
		case 'ö':
			r = 'o'
		}
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func desc(t reflect.Type, field string) string {
	f, _ := t.FieldByName(field)
	return f.Tag.Get("desc")
}

// kind defines the top-level type of one kind of file, with typ fixed to
// that kind.
func (g *generator) kind(k model.Kind, t reflect.Type) string {
	g.prefix, g.anonN = "Dokumenttyp_"+schemaName(string(k)), 0
	name := g.define(t)
	var props obj
	for _, e := range g.defs[name] {
		if e.k == "properties" {
			props = e.v.(obj)
		}
	}
	for i, p := range props {
		switch p.k {
		case "typ":
			props[i].v = obj{{"description", desc(reflect.TypeFor[model.Head](), "Type")}, {"const", string(k)}}
		case "version":
			props[i].v = obj{{"description", desc(reflect.TypeFor[model.Head](), "Version")}, {"const", model.FormatVersion}}
		}
	}
	return name
}

// define adds a struct type's definition once and returns its name. A
// struct made at run time (the fields of a kind defined in data) has no
// Go name and is named after the kind being defined.
func (g *generator) define(t reflect.Type) string {
	name := t.Name()
	if name == "" {
		if n, ok := g.anon[t]; ok {
			name = n
		} else {
			g.anonN++
			name = fmt.Sprintf("%s%d", g.prefix, g.anonN)
			if g.anonN == 1 {
				name = g.prefix
			}
			g.anon[t] = name
		}
	}
	if _, ok := g.defs[name]; ok {
		return name
	}
	g.defs[name] = nil // reserve against recursion (Section holds Sections)
	g.order = append(g.order, name)
	g.defs[name] = g.object(t)
	return name
}

// object is a struct's schema. A type that may be written as a plain
// scalar is that text or the mapping; when the scalar fills a field with
// fixed values (a Status written as just "grön"), the text is limited to
// those values.
func (g *generator) object(t reflect.Type) obj {
	props := obj{}
	var required []string
	var textEnum []string
	for _, k := range load.Keys(t) {
		ft := t.FieldByIndex(k.Index).Type
		f := g.field(ft, k.Tag)
		if r := ref(t, k.Name, ft); r != "" {
			f = g.named(f, r, ft)
		}
		props = append(props, kv{k.Name, withExample(f, k.Name, k.Tag, ft)})
		if k.Tag.Get("required") == "true" {
			required = append(required, k.Name)
			if e := k.Tag.Get("enum"); e != "" && textEnum == nil {
				textEnum = strings.Split(e, ",")
			}
		}
	}
	o := obj{{"type", "object"}, {"additionalProperties", false}, {"properties", props}}
	if len(required) > 0 {
		o = append(o, kv{"required", required})
	}
	if !load.TakesText(t) {
		return o
	}
	text := obj{{"type", "string"}}
	if textEnum != nil {
		text = append(text, kv{"enum", textEnum})
	}
	return obj{{"anyOf", []any{text, o}}}
}

// field is the schema of one field's type, carrying its description and
// enum.
func (g *generator) field(t reflect.Type, tag reflect.StructTag) obj {
	s := g.typ(t)
	out := obj{}
	if d := tag.Get("desc"); d != "" {
		out = append(out, kv{"description", d})
	}
	out = append(out, s...)
	if enum := tag.Get("enum"); enum != "" {
		out = append(out, kv{"enum", strings.Split(enum, ",")})
	}
	// Which register the value is taken from ("nämnder", "personer"): an
	// annotation JSON Schema leaves to tools, which a form (underlag
	// serve) offers the register's entries for.
	if r := tag.Get("register"); r != "" {
		out = append(out, kv{"x-register", r})
	}
	return out
}

func (g *generator) typ(t reflect.Type) obj {
	if t == reflect.TypeFor[date.Date]() {
		if _, ok := g.defs["Date"]; !ok {
			g.order = append(g.order, "Date")
			g.defs["Date"] = obj{
				{"description", "A day (2024-11-18), a month (2025-03), a quarter (2025-Q4), a half year (2025-H2) or a year (2025)."},
				{"anyOf", []any{
					obj{{"type", "string"}, {"pattern", datePattern}},
					obj{{"type", "integer"}, {"minimum", 1}, {"maximum", 9999}},
				}},
			}
		}
		return obj{{"$ref", "#/definitions/Date"}}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.typ(t.Elem())
	case reflect.String:
		if t == reflect.TypeFor[model.Markdown]() {
			// Free text in Markdown, as JSON Schema names it (draft-07
			// contentMediaType): a form offers a text area.
			return obj{{"type", "string"}, {"contentMediaType", "text/markdown"}}
		}
		return obj{{"type", "string"}}
	case reflect.Int:
		return obj{{"type", "integer"}}
	case reflect.Float64:
		return obj{{"type", "number"}}
	case reflect.Bool:
		return obj{{"type", "boolean"}}
	case reflect.Slice:
		arr := obj{{"type", "array"}, {"items", g.typ(t.Elem())}}
		if load.TakesText(t) {
			// One value as text, or several as a list (diarienummer).
			return obj{{"anyOf", []any{obj{{"type", "string"}}, arr}}}
		}
		return arr
	case reflect.Map:
		return obj{{"type", "object"}, {"additionalProperties", g.typ(t.Elem())}}
	case reflect.Struct:
		return obj{{"$ref", "#/definitions/" + g.define(t)}}
	}
	panic(fmt.Sprintf("schema: no JSON Schema for %s", t))
}

// named makes a field that names a committee or a person refer to the
// definition that enumerates them.
func (g *generator) named(f obj, def string, t reflect.Type) obj {
	out := obj{}
	for _, e := range f {
		if e.k == "description" || e.k == "x-register" {
			out = append(out, e)
		}
	}
	r := obj{{"$ref", "#/definitions/" + def}}
	if t.Kind() == reflect.Slice {
		return append(out, kv{"type", "array"}, kv{"items", r})
	}
	return append(out, r...)
}

// withExample adds the key's example and its Markdown description.
func withExample(f obj, key string, tag reflect.StructTag, t reflect.Type) obj {
	desc := tag.Get("desc")
	ex := example(key, desc, tag.Get("enum"), t)
	if desc != "" {
		f = append(f, kv{"markdownDescription", markdown(key, desc, ex)})
	}
	if ex != nil {
		f = append(f, kv{"examples", []any{ex}})
	}
	return f
}

// snippet is the editor's starting point for a new file of kind k: typ,
// version and every required key, with its example where it has one.
func (g *generator) snippet(k model.Kind, t reflect.Type) obj {
	body := obj{{"typ", string(k)}, {"version", model.FormatVersion}}
	for _, key := range load.Keys(t) {
		if key.Tag.Get("required") != "true" || key.Name == "typ" || key.Name == "version" {
			continue
		}
		ft := t.FieldByIndex(key.Index).Type
		var v any = ""
		if ex := example(key.Name, key.Tag.Get("desc"), key.Tag.Get("enum"), ft); ex != nil {
			v = ex
		} else if ft.Kind() == reflect.Slice {
			v = []any{}
		}
		if r := ref(t, key.Name, ft); r == committeeDef && len(g.org.Committees) > 0 {
			v = g.org.Committees[0].Value
		}
		body = append(body, kv{key.Name, v})
	}
	return obj{
		{"label", string(k)},
		{"description", "En ny fil av typen " + string(k) + " med de nycklar som krävs"},
		{"body", body},
	}
}

package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/schema"
)

// The schema in the repository is what editors use; it must match the Go
// types.
func TestCommittedSchemaIsCurrent(t *testing.T) {
	t.Parallel()
	want, err := schema.JSON(kind.Default())
	require.NoError(t, err)
	got, err := os.ReadFile("../../schema/underlag.schema.json")
	require.NoError(t, err)
	if !bytes.Equal(got, want) {
		t.Fatal("schema/underlag.schema.json is out of date: run `go run ./cmd/underlag schema -o schema/underlag.schema.json`")
	}
}

func TestSchema(t *testing.T) {
	t.Parallel()
	b, err := schema.JSON(kind.Default())
	require.NoError(t, err)
	again, err := schema.JSON(kind.Default())
	require.NoError(t, err)
	assert.Equal(t, b, again, "deterministic")

	var s struct {
		Schema      string `json:"$schema"`
		AllOf       []map[string]any
		Definitions map[string]map[string]any
	}
	require.NoError(t, json.Unmarshal(b, &s))
	assert.Equal(t, "http://json-schema.org/draft-07/schema#", s.Schema)
	// One case per kind, in the table's order: the documents' kinds, the
	// registries', dokumenttyp.
	want := kind.Default().Names()
	for _, k := range model.RegistryKinds {
		want = append(want, string(k))
	}
	want = append(want, string(model.KindDefinition))
	var got []string
	for _, c := range s.AllOf {
		typ := c["if"].(map[string]any)["properties"].(map[string]any)["typ"].(map[string]any)
		got = append(got, typ["const"].(string))
	}
	assert.Equal(t, want, got)
	for _, name := range []string{"Directive", "Memo", "StatusReport", "OrgProfile", "Glossary", "People", "KindSpec", "Date", "Person", "Phase"} {
		assert.Contains(t, s.Definitions, name)
	}

	memo := s.Definitions["Memo"]
	assert.Equal(t, false, memo["additionalProperties"])
	assert.Subset(t, memo["required"], []any{"typ", "version", "nämnd", "sammanfattning", "förslag_till_beslut"})
	props := memo["properties"].(map[string]any)
	assert.Equal(t, map[string]any{"description": props["typ"].(map[string]any)["description"], "const": "tjänsteskrivelse"}, props["typ"])
	officer := memo["properties"].(map[string]any)["handläggare"].(map[string]any)
	assert.Equal(t, "#/definitions/Person", officer["$ref"])
	assert.Equal(t, officer["description"], officer["markdownDescription"], "no example for a mapping")

	// A Person may be written as just a name; a Status as just its level.
	assert.Contains(t, s.Definitions["Person"], "anyOf")
	status := s.Definitions["Status"]["anyOf"].([]any)
	assert.Equal(t, map[string]any{"type": "string", "enum": []any{"grön", "gul", "röd"}}, status[0])
	// A NamedRole embeds Role but is never just text.
	assert.NotContains(t, s.Definitions["NamedRole"], "anyOf")
}

// restates reports whether a description says no more than its key: at
// most one word besides the key's own ("Kommentar.", "Budget: kostnader.",
// "Startdatum." for start).
func restates(key, desc string) bool {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "_", " ")), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
	}
	keyWords := words(key)
	var rest []string
	for _, w := range words(desc) {
		if !slices.Contains(keyWords, w) {
			rest = append(rest, w)
		}
	}
	return len(rest) < 2
}

func TestRestates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		key, desc string
		want      bool
	}{
		{"kommentar", "Kommentar.", true},
		{"kostnader", "Budget: kostnader.", true},
		{"start", "Startdatum.", true},
		{"nästa_steg", "Nästa steg.", true},
		{"start", "När delaktiviteten börjar: dag, månad eller år.", false},
		{"miljö", "Miljö och hållbarhet.", false},
	} {
		assert.Equal(t, tc.want, restates(tc.key, tc.desc), "%s: %s", tc.key, tc.desc)
	}
}

// Every property has a description that says more than its key, a Markdown description, and every
// property of a single value (text, number, date, committee, person id) an
// example, so that the editor shows what to write.
func TestEveryPropertyDescribed(t *testing.T) {
	t.Parallel()
	b, err := schema.JSON(kind.Default())
	require.NoError(t, err)
	var s struct {
		Definitions map[string]map[string]any
	}
	require.NoError(t, json.Unmarshal(b, &s))
	single := func(p map[string]any) bool {
		switch p["type"] {
		case "string", "integer", "number", "boolean":
			return true
		}
		ref, _ := p["$ref"].(string)
		return strings.HasSuffix(ref, "/Date") || strings.HasSuffix(ref, "/Nämnd") || strings.HasSuffix(ref, "/Personid")
	}
	for name, d := range s.Definitions {
		obj := d
		if alts, ok := d["anyOf"].([]any); ok {
			for _, a := range alts {
				if m := a.(map[string]any); m["type"] == "object" {
					obj = m
				}
			}
		}
		props, _ := obj["properties"].(map[string]any)
		for key, v := range props {
			p := v.(map[string]any)
			assert.NotEmpty(t, p["description"], "%s.%s has a description", name, key)
			d, _ := p["description"].(string)
			assert.False(t, restates(key, d), "%s.%s: the description %q says more than the key", name, key, d)
			if _, isConst := p["const"]; isConst {
				continue
			}
			assert.NotEmpty(t, p["markdownDescription"], "%s.%s has a Markdown description", name, key)
			if single(p) {
				assert.NotEmpty(t, p["examples"], "%s.%s has an example", name, key)
			}
		}
	}
}

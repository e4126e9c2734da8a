package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

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
	assert.Equal(t, map[string]any{"description": "Handläggare.", "markdownDescription": "Handläggare.", "$ref": "#/definitions/Person"}, props["handläggare"])

	// A Person may be written as just a name; a Status as just its level.
	assert.Contains(t, s.Definitions["Person"], "anyOf")
	status := s.Definitions["Status"]["anyOf"].([]any)
	assert.Equal(t, map[string]any{"type": "string", "enum": []any{"grön", "gul", "röd"}}, status[0])
	// A NamedRole embeds Role but is never just text.
	assert.NotContains(t, s.Definitions["NamedRole"], "anyOf")
}

package schema_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/schema"
)

// What issue 25 added is in the schema, so that an editor completes it:
// several case numbers, references to documents, people's phones, the
// field type dokument, the date style ord and a document's own review.
func TestSchemaHasContentFields(t *testing.T) {
	t.Parallel()
	b, err := schema.JSON(kind.Default())
	require.NoError(t, err)
	var s struct {
		Definitions map[string]map[string]any
	}
	require.NoError(t, json.Unmarshal(b, &s))
	props := func(def string) map[string]any {
		t.Helper()
		d := s.Definitions[def]
		if alts, ok := d["anyOf"].([]any); ok {
			d = alts[len(alts)-1].(map[string]any)
		}
		p, ok := d["properties"].(map[string]any)
		require.True(t, ok, "%s has properties", def)
		return p
	}
	prop := func(def, key string) map[string]any {
		t.Helper()
		p, ok := props(def)[key].(map[string]any)
		require.True(t, ok, "%s.%s", def, key)
		return p
	}

	// diarienummer: one as text, several as a list.
	cases := prop("Memo", "diarienummer")["anyOf"].([]any)
	assert.Equal(t, map[string]any{"type": "string"}, cases[0])
	assert.Equal(t, "array", cases[1].(map[string]any)["type"])

	// A decision basis entry refers to a document: a path, or fil and
	// paragraf.
	assert.Equal(t, "#/definitions/DocRef", prop("BasisDocument", "dokument")["$ref"])
	assert.Contains(t, props("DocRef"), "fil")
	assert.Contains(t, props("DocRef"), "paragraf")
	assert.Contains(t, s.Definitions["DocRef"], "anyOf", "a plain path is a reference")

	// People's phones, in a document and in the registry.
	for _, def := range []string{"Person", "PersonEntry"} {
		assert.Contains(t, props(def), "telefon", def)
		assert.Contains(t, props(def), "epost", def)
	}

	// A kind's field of typ dokument, limited by dokumenttyper.
	assert.Contains(t, prop("FieldSpec", "typ")["enum"], "dokument")
	assert.Contains(t, props("FieldSpec"), "dokumenttyper")

	// A committee's abbreviation is optional.
	assert.Equal(t, []any{"namn"}, s.Definitions["Committee"]["required"])

	// A document's own allow-list.
	assert.Equal(t, "#/definitions/DocReview", prop("Memo", "granskning")["$ref"])
	assert.Contains(t, props("DocReview"), "tillåtna")
}

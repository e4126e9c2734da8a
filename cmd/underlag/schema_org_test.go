package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// `underlag schema DIR` enumerates the committees and people of DIR's
// registries, with their names as descriptions: a draft-07 validator
// accepts a memo to a committee of the organisation, by a person of it,
// and rejects a committee or a person id the registries do not hold.
func TestSchemaEnumeratesOrganisation(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("testdata", "didyoumean")
	code, out, errOut := execute(t, "schema", dir)
	require.Equal(t, 0, code, errOut)

	var s struct {
		Definitions map[string]struct {
			Enum  []string
			OneOf []struct{ Const, Description string }
		}
		DefaultSnippets []struct{ Label string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &s))

	// The enums are the registries', in order, named.
	var org struct {
		Nämnder []struct{ Förkortning, Namn string }
	}
	var people struct {
		Personer []struct{ ID, Namn, Titel string }
	}
	readYAMLFile(t, filepath.Join(dir, "organisation.yaml"), &org)
	readYAMLFile(t, filepath.Join(dir, "personer.yaml"), &people)
	committees := s.Definitions["Nämnd"]
	require.Len(t, committees.Enum, len(org.Nämnder))
	for i, c := range org.Nämnder {
		assert.Equal(t, c.Förkortning, committees.Enum[i])
		assert.Equal(t, c.Namn, committees.OneOf[i].Description)
	}
	ids := s.Definitions["Personid"]
	require.Len(t, ids.Enum, len(people.Personer))
	for i, p := range people.Personer {
		assert.Equal(t, p.ID, ids.Enum[i])
		assert.Contains(t, ids.OneOf[i].Description, p.Namn)
	}
	var labels []string
	for _, sn := range s.DefaultSnippets {
		labels = append(labels, sn.Label)
	}
	assert.Subset(t, labels, []string{"uppdragsdirektiv", "tjänsteskrivelse", "statusrapport"}, "a snippet per kind")

	// A draft-07 validator opens it and holds data to it.
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(out)))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	const url = "https://example.se/underlag.schema.json"
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err)
	for _, tc := range []struct {
		file  string
		valid bool
	}{
		{"ok.yaml", true},
		{"committee-typo.yaml", false},
		{"committee-by-name.yaml", false},
		{"person-typo.yaml", false},
		{"organisation.yaml", true},
		{"personer.yaml", true},
	} {
		inst := yamlInstance(t, filepath.Join(dir, tc.file))
		err := sch.Validate(inst)
		if tc.valid {
			assert.NoError(t, err, tc.file)
		} else {
			assert.Error(t, err, tc.file)
		}
	}
}

func readYAMLFile(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, yaml.Unmarshal(b, v), path)
}

// yamlInstance reads a YAML file as the JSON value an editor validates:
// dates as text, numbers as numbers.
func yamlInstance(t *testing.T, path string) any {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var n yaml.Node
	require.NoError(t, yaml.Unmarshal(b, &n))
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return conv(n.Content[0])
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			l := []any{}
			for _, c := range n.Content {
				l = append(l, conv(c))
			}
			return l
		}
		switch n.Tag {
		case "!!int", "!!float":
			f, err := strconv.ParseFloat(n.Value, 64)
			require.NoError(t, err)
			return json.Number(strconv.FormatFloat(f, 'f', -1, 64))
		case "!!bool":
			return n.Value == "true"
		case "!!null":
			return nil
		}
		return n.Value
	}
	return conv(&n)
}

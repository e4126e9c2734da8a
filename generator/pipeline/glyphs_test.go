package pipeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/model"
)

// TestRegistryGlyphsBounded checks that a folder's registries are
// glyph-checked as check.RegistryGlyphs checks them, and that the checks
// kept stay within their bound however many folders a build has: keeping
// all of them kept every tree's registries alive to the end of the build.
func TestRegistryGlyphsBounded(t *testing.T) {
	p, err := New(Config{Formats: []Format{}})
	require.NoError(t, err)
	names := []string{"Exempelby kommun", "Region 中 Norr", "Kommun\u0007", "Ålund"}
	for i := range 3 * maxRegistryChecks {
		reg := &model.Registries{Organisation: &model.OrgProfile{Name: names[i%len(names)], Source: &model.Source{Path: "organisation.yaml"}}}
		want := check.RegistryGlyphs(reg, p.draws...)
		assert.Equal(t, want, p.registryGlyphs(reg), "folder %d", i)
		assert.Equal(t, want, p.registryGlyphs(reg), "folder %d, again", i)
		assert.LessOrEqual(t, len(p.registryChecks.m), maxRegistryChecks, "folder %d", i)
	}
}

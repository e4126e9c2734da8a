package pipeline_test

import (
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
)

type alien struct{}

func (alien) Kind() doc.Kind { return doc.Kind(200) }

// TestUnknownBlockNamesFormat checks that a block no renderer knows fails
// in every format of the table with the one error type, named by the
// table's name of the format.
func TestUnknownBlockNamesFormat(t *testing.T) {
	t.Parallel()
	table := pipeline.DefaultTable()
	p, err := pipeline.New(pipeline.Config{Formats: table})
	require.NoError(t, err)
	for _, f := range table {
		_, err := p.Render(io.Discard, f.Name, &doc.Document{Blocks: []doc.Block{alien{}}})
		var ue *doc.UnknownBlockError
		require.True(t, errors.As(err, &ue), "%s: %v", f.Name, err)
		assert.Equal(t, f.Name, ue.Format)
		assert.Equal(t, f.Name+": cannot render block kind Kind(200) (pipeline_test.alien)", err.Error())
	}
}

// TestFormatTable checks what the table carries instead of code that
// names formats: aliases and extensions, the packet's format, the
// formats that take a reference document.
func TestFormatTable(t *testing.T) {
	t.Parallel()
	table := pipeline.DefaultTable()
	for _, f := range table {
		g, err := table.Lookup(" " + f.Name + " ")
		require.NoError(t, err)
		assert.Equal(t, f.Name, g.Name)
		for _, a := range f.Aliases {
			g, err := table.Lookup(a)
			require.NoError(t, err)
			assert.Equal(t, f.Name, g.Name, "alias %s", a)
		}
		for _, e := range append([]string{f.Ext}, f.Exts...) {
			g, ok := table.ByExt("dir/name" + e)
			require.True(t, ok, e)
			assert.Equal(t, f.Name, g.Name, "extension %s", e)
		}
		_, err = table.Register(f)
		assert.Error(t, err, "%s is in the table already", f.Name)
	}
	_, err := table.Lookup("fax")
	assert.ErrorContains(t, err, "valid formats are")
	pk, ok := table.Packet()
	require.True(t, ok)
	assert.True(t, pk.Parts)
	pp, ok := table.PacketPage()
	require.True(t, ok)
	assert.True(t, pp.PacketPage)
	assert.NotEqual(t, pk.Ext, pp.Ext, "a packet's page is not written over the packet")
	for _, f := range table.WithReference() {
		assert.NotNil(t, f.Reference.Profile, f.Name)
		assert.NotNil(t, f.Reference.Write, f.Name)
	}
	taking := map[string]bool{}
	for _, f := range table.TakingReference() {
		taking[f.Name] = true
	}
	for _, f := range table {
		assert.Equal(t, f.Reference != nil || f.ReferenceLook, taking[f.Name], "does a reference document apply to %s", f.Name)
	}
}

package pipeline

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/diag"
)

// TestLoadReusesDocuments: a rendering pipeline loads and composes a file
// once per content for the build, and the packet stage gets the same
// document; a file whose bytes changed is loaded again; a pipeline that
// renders nothing (validate) keeps nothing. Each caller's diagnostics are
// its own.
func TestLoadReusesDocuments(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		formats []Format // nil: every format
		change  bool     // the file is rewritten between the two loads
		same    bool
	}{
		{name: "rendering", same: true},
		{name: "changed between", change: true},
		{name: "validate", formats: []Format{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := contentTree(t, map[string]string{"memo.yaml": contentMemo})
			path := filepath.Join(dir, "memo.yaml")
			p, err := New(Config{Version: "test", Formats: c.formats})
			require.NoError(t, err)
			d1, ds1 := p.Load(path)
			require.NotNil(t, d1, "%v", ds1)
			t1, _ := p.Compose(d1)
			if c.change {
				require.NoError(t, os.WriteFile(path, []byte(contentMemo+"miljö: Ändrad.\n"), 0o644))
			}
			d2, ds2 := stages{p}.LoadDoc(path)
			require.NotNil(t, d2, "%v", ds2)
			t2, _ := stages{p}.ComposeDoc(d2)
			assert.Equal(t, c.same, d1 == d2.(*Doc), "the same loaded document")
			assert.Equal(t, c.same, t1 == t2, "the same composed tree")
			n := len(ds2)
			_ = append(ds1, diag.Diagnostic{Msg: "a caller's own"})
			assert.Len(t, ds2, n, "diagnostics are not shared")
		})
	}
}

// TestReuseBounded keeps more documents than the bound: the oldest go.
func TestReuseBounded(t *testing.T) {
	var c reuse
	first := c.get("0")
	for i := 1; i < reuseSize+5; i++ {
		c.get(strconv.Itoa(i))
	}
	assert.Len(t, c.byKey, reuseSize)
	assert.NotSame(t, first, c.get("0"), "the oldest was dropped and is made anew")
}

package pipeline

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Check and compose ask the model the same question, so they agree: a
// status report may report on a decision point that only the directive's
// timeline names (BP1 here). Check used to accept it while compose warned
// and drew it without a date.
func TestStatusOnTimelinePoint(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir, "direktiv.yaml", `typ: uppdragsdirektiv
version: 1
titel: Uppdrag
år: 2025
bakgrund: Text.
tidplan:
  - beslutspunkt: BP1
    rubrik: Beslut om inriktning
    beskrivning: Inriktningen beslutas.
    start: 2025-01
    slut: 2025-03
milstolpar:
  - {datum: 2025-12, beslut: Slutrapport, beslutspunkt: BP2}
`)
	src := writeFile(t, dir, "status.yaml", `typ: statusrapport
version: 1
datum: 2025-11-15
uppdragsdirektiv: direktiv.yaml
status: {nivå: gul, kommentar: Inriktningen dröjer.}
milstolpar:
  - beslutspunkt: BP1
    nådd: false
  - beslutspunkt: BP9
    nådd: false
`)
	p, err := New(Config{Version: "test"})
	require.NoError(t, err)
	d, diags := p.Load(src)
	require.Len(t, diags, 1, "only BP9 is unknown: %v", diags)
	assert.Contains(t, diags[0].Error(), `status.yaml:9:19: milstolpar[1].beslutspunkt: the directive direktiv.yaml has no milstolpe or beslutspunkt "BP9"; valid: BP2, BP1`)
	assert.Nil(t, d)

	writeFile(t, dir, "status.yaml", `typ: statusrapport
version: 1
datum: 2025-11-15
uppdragsdirektiv: direktiv.yaml
status: {nivå: gul, kommentar: Inriktningen dröjer.}
milstolpar:
  - beslutspunkt: BP1
    nådd: false
`)
	d, diags = p.Load(src)
	require.Empty(t, diags)
	tree, diags := p.Compose(d)
	require.Empty(t, diags, "compose agrees with check on BP1")
	var md bytes.Buffer
	_, err = p.Render(&md, "md", tree)
	require.NoError(t, err)
	assert.Contains(t, md.String(), "| BP1 | Beslut om inriktning | 2025-03 |  |  | **Försenad** |", "the timeline's end is BP1's date, and it has passed")
	assert.Contains(t, md.String(), "Milstolpe BP1 Beslut om inriktning (planerat 2025-03)")
}

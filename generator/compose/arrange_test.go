package compose

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/model"
)

func TestArrangeSections(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	for _, tc := range []struct {
		name      string
		edit      func(in *Input)
		wantOrder []string // substrings, in this order
		absent    []string
		wantErr   string
	}{
		{
			name:      "document order swaps two sections",
			edit:      func(in *Input) { in.Doc.Base().Order = []string{"förslag_till_beslut", "sammanfattning"} },
			wantOrder: []string{"Förslag till beslut", "Sammanfattning", "Bedömda resultat"},
		},
		{
			name: "profile order for the kind",
			edit: func(in *Input) {
				org := *in.Registries.Organisation
				org.Order = map[string][]string{"tjänsteskrivelse": {"beslutsunderlag", "förslag_till_beslut"}}
				in.Registries = &model.Registries{Organisation: &org, People: in.Registries.People}
			},
			wantOrder: []string{"Sammanfattning", "Beslutsunderlag", "Bedömda resultat", "Förslag till beslut", "Beslutet expedieras"},
		},
		{
			name:   "leave a section out",
			edit:   func(in *Input) { in.Doc.Base().Omit = []string{"bedömda_resultat_och_konsekvenser"} },
			absent: []string{"Bedömda resultat"},
		},
		{
			name: "extra section before another",
			edit: func(in *Input) {
				in.Doc.Base().Extra = []model.Section{{Heading: "Faktaruta", Text: "Kort om ärendet.", Before: "sammanfattning"}}
			},
			wantOrder: []string{"Faktaruta", "Sammanfattning"},
		},
		{
			name:    "unknown key in ordning",
			edit:    func(in *Input) { in.Doc.Base().Order = []string{"förslag_till_beslut", "sammanfatning"} },
			wantErr: `ordning[1]: no section "sammanfatning" to put in order; did you mean "sammanfattning"?`,
		},
		{
			name:    "unknown key in utelämna",
			edit:    func(in *Input) { in.Doc.Base().Omit = []string{"konsekvenser_och_resultat"} },
			wantErr: `utelämna[0]: no section "konsekvenser_och_resultat" to leave out`,
		},
		{
			name: "both efter and före",
			edit: func(in *Input) {
				in.Doc.Base().Extra = []model.Section{{Heading: "X", Text: "Y.", Before: "sammanfattning", After: "jämställdhet"}}
			},
			wantErr: "extra_avsnitt[0].före: give efter or före, not both",
		},
		{
			name: "unknown key in the profile",
			edit: func(in *Input) {
				org := *in.Registries.Organisation
				org.Omit = map[string][]string{"tjänsteskrivelse": {"miljöö"}}
				in.Registries = &model.Registries{Organisation: &org}
			},
			wantErr: `utelämna.tjänsteskrivelse[0]: no section "miljöö" to leave out; did you mean "miljö"?`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := fixture(t, testdata("tjansteskrivelse.yaml"))
			tc.edit(&in)
			d, ds := c.Compose(in)
			if tc.wantErr != "" {
				require.True(t, ds.HasErrors(), "want an error")
				assert.Contains(t, ds.Error(), tc.wantErr)
				return
			}
			require.False(t, ds.HasErrors(), ds.Error())
			md := renderMD(t, d)
			at := 0
			for _, w := range tc.wantOrder {
				i := strings.Index(md[at:], "## "+w)
				require.GreaterOrEqual(t, i, 0, "%q after position %d in\n%s", w, at, md)
				at += i + 1
			}
			for _, a := range tc.absent {
				assert.NotContains(t, md, "## "+a)
			}
		})
	}
}

// A directive with no signers gets the template's blank line for the
// owner to sign on; one that says underskrifter: [] gets none.
func TestEmptySignerLineOptional(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	in := fixture(t, testdata("uppdragsdirektiv.yaml"))
	in.Doc.Base().Signers = nil
	md := renderMD(t, compose(t, c, in))
	assert.Contains(t, md, "Underskrift Uppdragsägare")

	in.Doc.Base().Signers = []model.Signer{}
	md = renderMD(t, compose(t, c, in))
	assert.NotContains(t, md, "Underskrift")
	assert.NotContains(t, md, "Namnförtydligande")
}

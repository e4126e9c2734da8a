package compose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

func signatureBlocks(d *doc.Document) []*doc.Signatures {
	var out []*doc.Signatures
	_ = doc.Walk(d.Blocks, func(b doc.Block, entering bool) (doc.WalkStatus, error) {
		if s, ok := b.(*doc.Signatures); ok && entering {
			out = append(out, s)
		}
		return doc.WalkContinue, nil
	})
	return out
}

// The signature block is drawn as the document says, else as its
// profile says, else in the default layout; people come from the
// registry, and each signer gets a field name of its own.
func TestSignatureSettings(t *testing.T) {
	t.Parallel()
	yes, no := true, false
	owner := model.Signer{Role: "Uppdragsägare", Person: model.Person{ID: "erika-frohm"}}
	director := model.Signer{Role: "Regiondirektör", Place: "Umeå"}
	tests := []struct {
		name         string
		profile, own *model.SignatureBlock
		signers      []model.Signer
		date         string
		want         doc.Signatures // Labels are not compared
	}{
		{name: "defaults", signers: []model.Signer{owner},
			want: doc.Signatures{Layout: doc.FormLines, Signable: true, Signers: []doc.Signer{
				{Role: "Uppdragsägare", Name: "Erika Frohm", Title: "Samordnare nära vård", Field: "underskrift-uppdragsagare-erika-frohm"}}}},
		{name: "the profile's layout, beside, place and date",
			profile: &model.SignatureBlock{Layout: "namn_under_linje", Placement: "bredvid", PlaceDate: &yes, Place: "Kungsbacka"},
			signers: []model.Signer{owner, director}, date: "2025-08-22",
			want: doc.Signatures{Layout: doc.NameUnderLine, Beside: true, PlaceDate: true, Place: "Kungsbacka", Date: "2025-08-22", Signable: true, Signers: []doc.Signer{
				{Role: "Uppdragsägare", Name: "Erika Frohm", Title: "Samordnare nära vård", Field: "underskrift-uppdragsagare-erika-frohm"},
				{Role: "Regiondirektör", Place: "Umeå", ShowPlace: true, Field: "underskrift-regiondirektor"}}}},
		{name: "the document over the profile",
			profile: &model.SignatureBlock{Layout: "namn_under_linje", Placement: "bredvid", Signable: &yes},
			own:     &model.SignatureBlock{Layout: "formulär", Signable: &no},
			signers: []model.Signer{director},
			want: doc.Signatures{Layout: doc.FormLines, Beside: true, Signers: []doc.Signer{
				{Role: "Regiondirektör", Place: "Umeå", ShowPlace: true}}}},
		{name: "the first signer's place; a month is no date to sign on",
			own:     &model.SignatureBlock{PlaceDate: &yes},
			signers: []model.Signer{director}, date: "2025-08",
			want: doc.Signatures{PlaceDate: true, Place: "Umeå", Signable: true, Signers: []doc.Signer{
				{Role: "Regiondirektör", Place: "Umeå", ShowPlace: true, Field: "underskrift-regiondirektor"}}}},
		{name: "the same role twice gets two fields",
			signers: []model.Signer{{Role: "Ledamot"}, {Role: "Ledamot"}},
			want: doc.Signatures{Signable: true, Signers: []doc.Signer{
				{Role: "Ledamot", Field: "underskrift-ledamot"}, {Role: "Ledamot", Field: "underskrift-ledamot-2"}}}},
	}
	c := newComposer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := fixture(t, testdata("uppdragsdirektiv.yaml"))
			org := *in.Registries.Organisation
			org.SignatureBlock = tt.profile
			in.Registries = &model.Registries{Organisation: &org, People: in.Registries.People}
			b := in.Doc.Base()
			b.SignatureBlock, b.Signers = tt.own, tt.signers
			if tt.date != "" {
				d, err := date.Parse(tt.date)
				require.NoError(t, err)
				b.Date = d
			}
			ss := signatureBlocks(compose(t, c, in))
			require.Len(t, ss, 1)
			got := *ss[0]
			assert.Equal(t, "Underskrift", got.Labels.Signature)
			got.Labels = doc.SignatureLabels{}
			assert.Equal(t, tt.want, got)
		})
	}
}

// A template names its default signers by role or, with undertecknare,
// by person id from personer.yaml; an id the registry does not have is an
// error at the template's line.
func TestTemplateSigners(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, call string
		want       []doc.Signer
		err        string
	}{
		{name: "roles and people", call: `underskrifter .Signers (undertecknare "Förvaltningschef" "erika-frohm") "Uppdragsägare"`,
			want: []doc.Signer{
				{Role: "Förvaltningschef", Name: "Erika Frohm", Title: "Samordnare nära vård", Field: "underskrift-forvaltningschef-erika-frohm"},
				{Role: "Uppdragsägare", Field: "underskrift-uppdragsagare"}}},
		{name: "unknown person", call: `underskrifter .Signers (undertecknare "Förvaltningschef" "erika-from")`,
			err: `uppdragsdirektiv.md.tmpl:3:`},
		{name: "unknown person, the message", call: `underskrifter .Signers (undertecknare "Förvaltningschef" "erika-from")`,
			err: `no "erika-from" in the people registry (personer.yaml)`},
		{name: "not a signer", call: `underskrifter .Signers 3`, err: "must be a role (text) or undertecknare"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			tmpl := "# {{ titel }}\n\n{{ " + tt.call + " }}\n"
			require.NoError(t, os.WriteFile(filepath.Join(dir, "uppdragsdirektiv.md.tmpl"), []byte(tmpl), 0o644))
			c := newComposer(t, WithTemplateDir(dir))
			in := fixture(t, testdata("uppdragsdirektiv.yaml"))
			in.Doc.Base().Signers = nil
			d, ds := c.Compose(in)
			if tt.err != "" {
				require.True(t, ds.HasErrors())
				assert.Contains(t, ds.Error(), tt.err)
				return
			}
			require.False(t, ds.HasErrors(), "%v", ds)
			ss := signatureBlocks(d)
			require.Len(t, ss, 1)
			assert.Equal(t, tt.want, ss[0].Signers)
		})
	}
}

// The Markdown output draws the layouts too.
func TestSignatureLayoutsInMarkdown(t *testing.T) {
	t.Parallel()
	yes := true
	c := newComposer(t)
	in := fixture(t, testdata("uppdragsdirektiv.yaml"))
	b := in.Doc.Base()
	b.Signers = []model.Signer{{Role: "Uppdragsägare", Person: model.Person{ID: "erika-frohm"}}, {Role: "Regiondirektör"}}
	b.SignatureBlock = &model.SignatureBlock{Layout: "namn_under_linje", PlaceDate: &yes, Place: "Umeå"}
	md := renderMD(t, compose(t, c, in))
	i := strings.Index(md, "Umeå 2024-11-18")
	require.GreaterOrEqual(t, i, 0, md)
	assert.Contains(t, md[i:], "……………………\\\nErika Frohm\\\nSamordnare nära vård\n\n……………………\\\nRegiondirektör")
}

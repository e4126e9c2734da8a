package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each capability an organisation sets up in data gets a positioned error
// for its bad inputs, through the whole pipeline (load, check, compose).
func TestOrganisationBadInput(t *testing.T) {
	t.Parallel()
	const memo = "typ: tjänsteskrivelse\nversion: 1\nnämnd: KS\nsammanfattning: S.\nförslag_till_beslut: F.\n"
	png := []byte("\x89PNG\r\n\x1a\n")
	for _, tc := range []struct {
		name  string
		files map[string]string
		check string // the file validated
		want  string // file-relative "line:col: path: message" fragment
	}{
		{
			name:  "quarter that does not exist",
			files: map[string]string{"m.yaml": memo + "datum: 2025-Q5\n"},
			check: "m.yaml", want: `m.yaml:6:8: datum: "2025-Q5": quarter 5 does not exist (Q1–Q4)`,
		},
		{
			name:  "unknown section in ordning",
			files: map[string]string{"m.yaml": memo + "ordning: [förslag_till_beslut, sammanfatning]\n"},
			check: "m.yaml", want: `m.yaml:6:32: ordning[1]: no section "sammanfatning" to put in order; did you mean "sammanfattning"?`,
		},
		{
			name:  "unknown section in the profile's ordning",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": "ordning:\n  tjänsteskrivelse: [beslutsunderlagg]\n"},
			check: "m.yaml", want: `organisation.yaml:6:22: ordning.tjänsteskrivelse[0]: no section "beslutsunderlagg" to put in order; did you mean "beslutsunderlag"?`,
		},
		{
			name:  "table row with the wrong number of cells",
			files: map[string]string{"m.yaml": memo + "jämställdhet: |\n  | A | B |\n  | --- | --- |\n  | 1 | 2 | 3 |\n"},
			check: "m.yaml", want: "m.yaml:9:3: jämställdhet: this table row has 3 cells but the header has 2",
		},
		{
			name:  "image without alt text",
			files: map[string]string{"m.yaml": memo + "jämställdhet: |\n  Text.\n\n  ![](karta.png \"Karta\")\n", "karta.png": string(png)},
			check: "m.yaml", want: "m.yaml:9:3: jämställdhet: the image karta.png has no alt text",
		},
		{
			name:  "image outside the data tree",
			files: map[string]string{"m.yaml": memo + "jämställdhet: \"![Karta](/etc/hostname)\"\n"},
			check: "m.yaml", want: "m.yaml:6:16: jämställdhet: /etc/hostname is outside the data tree",
		},
		{
			name:  "image that is not PNG or JPEG",
			files: map[string]string{"m.yaml": memo + "jämställdhet: \"![Karta](karta.gif)\"\n", "karta.gif": "GIF89a"},
			check: "m.yaml", want: "m.yaml:6:16: jämställdhet: the image karta.gif is not a PNG or JPEG image",
		},
		{
			name: "custom kind with an unknown field type",
			files: map[string]string{
				"organisation.yaml": "dokumenttyper: [pb.yaml]\n",
				"pb.yaml":           "typ: dokumenttyp\nversion: 1\nnamn: projektbeställning\nfält:\n  - {nyckel: budget, typ: belopp}\n",
			},
			check: "pb.yaml", want: `pb.yaml:5:27: fält[0].typ: "belopp" is not valid; valid values: text, markdown, datum, person, nämnd, lista, tabell, underskrifter`,
		},
		{
			name: "custom kind with a key every document has",
			files: map[string]string{
				"organisation.yaml": "dokumenttyper: [pb.yaml]\n",
				"pb.yaml":           "typ: dokumenttyp\nversion: 1\nnamn: projektbeställning\nfält:\n  - {nyckel: datum, typ: datum}\n",
			},
			check: "pb.yaml", want: `pb.yaml:5:14: fält[0].nyckel: the key "datum" is one every document has already`,
		},
		{
			name: "document of a custom kind with a misspelt field",
			files: map[string]string{
				"organisation.yaml": "dokumenttyper: [pb.yaml]\n",
				"pb.yaml":           "typ: dokumenttyp\nversion: 1\nnamn: projektbeställning\nfält:\n  - {nyckel: beställare, typ: person, obligatorisk: true}\n",
				"d.yaml":            "typ: projektbeställning\nversion: 1\nbeställre: {namn: A}\n",
			},
			check: "d.yaml", want: `d.yaml:3:1: beställre: unknown key "beställre"; did you mean "beställare"?`,
		},
		{
			name:  "unknown office",
			files: map[string]string{"m.yaml": memo + "förvaltning: bum\n", "organisation.yaml": "förvaltningar: [{id: bun, namn: Barn- och utbildningsförvaltningen}]\n"},
			check: "m.yaml", want: `m.yaml:6:14: förvaltning: no office (förvaltning) "bum" in the organisation profile; did you mean "bun"?`,
		},
		{
			name:  "unknown header field",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": "sidhuvud:\n  höger: [dokumenttyp, sidnummer]\n"},
			check: "m.yaml", want: `organisation.yaml:6:24: sidhuvud.höger[1]: no field "sidnummer"`,
		},
		{
			name:  "unknown signature layout in the profile",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": "underskriftsblock:\n  layout: tvåspaltig\n"},
			check: "m.yaml", want: `organisation.yaml:6:11: underskriftsblock.layout: "tvåspaltig" is not valid`,
		},
		{
			name:  "unknown signature placement in a document",
			files: map[string]string{"m.yaml": memo + "underskriftsblock: {placering: bredvd}\n"},
			check: "m.yaml", want: `m.yaml:6:32: underskriftsblock.placering: "bredvd" is not valid; did you mean "bredvid"?`,
		},
		{
			name:  "unknown signer",
			files: map[string]string{"m.yaml": memo + "underskrifter:\n  - roll: Förvaltningschef\n    person: {id: anna-ek}\n", "personer.yaml": "typ: personer\nversion: 1\npersoner: [{id: anna-ekh, namn: Anna Ekh}]\n"},
			check: "m.yaml", want: `m.yaml:8:18: underskrifter[0].person.id: person id "anna-ek" is not in the people registry`,
		},
		{
			name:  "unknown date style",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": "datumformat:\n  tidplan: amerikansk\n"},
			check: "m.yaml", want: `organisation.yaml:6:12: datumformat.tidplan: unknown date style "amerikansk": valid styles are iso, namn, lång, kort, ord`,
		},
		{
			name:  "a date style near a valid one",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": "datumformat:\n  tidplan: långt\n"},
			check: "m.yaml", want: `organisation.yaml:6:12: datumformat.tidplan: unknown date style "långt": valid styles are iso, namn, lång, kort, ord; did you mean "lång"?`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			org := "typ: organisation\nversion: 1\nnamn: Min kommun\nnämnder: [{förkortning: KS, namn: Kommunstyrelsen}]\n"
			if extra, ok := tc.files["organisation.yaml"]; ok {
				org += extra
			}
			// The cases' memos leave out datum and diarienummer, which
			// review requires; that rule is not what they test.
			org += "granskning: {regler: {required-field: av}}\n"
			require.NoError(t, os.WriteFile(filepath.Join(dir, "organisation.yaml"), []byte(org), 0o644))
			for name, body := range tc.files {
				if name != "organisation.yaml" {
					require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
				}
			}
			p, err := New(Config{Version: "test", Formats: []Format{}})
			require.NoError(t, err)
			diags := p.Validate(filepath.Join(dir, tc.check))
			var got []string
			for _, d := range diags {
				got = append(got, strings.TrimPrefix(strings.TrimPrefix(d.Error(), dir), string(filepath.Separator)))
			}
			joined := strings.Join(got, "\n")
			assert.Contains(t, joined, tc.want)
		})
	}
}

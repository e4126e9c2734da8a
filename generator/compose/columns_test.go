package compose

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// tableWith is the first bordered table whose header (or, without one,
// first row) starts with first, as rows of cell texts, the header first.
func tableWith(d *doc.Document, first string) (header []string, rows [][]string) {
	for _, b := range d.Blocks {
		t, ok := b.(*doc.Table)
		if !ok || t.Borderless {
			continue
		}
		text := func(r doc.Row) []string {
			var out []string
			for _, c := range r.Cells {
				var s []string
				for _, bl := range c.Blocks {
					switch bl := bl.(type) {
					case *doc.Paragraph:
						s = append(s, doc.Plain(bl.Text))
					case *doc.Status:
						s = append(s, "("+bl.Word+")")
					}
				}
				out = append(out, strings.Join(s, " "))
			}
			return out
		}
		var h []string
		if len(t.Header) > 0 {
			h = text(t.Header[0])
		}
		var rs [][]string
		for _, r := range t.Rows {
			rs = append(rs, text(r))
		}
		if (len(h) > 0 && h[0] == first) || (len(h) == 0 && len(rs) > 0 && rs[0][0] == first) {
			return h, rs
		}
	}
	return nil, nil
}

func TestComputedTableColumns(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		choice  map[string]model.TableChoice // the profile's kolumner for statusrapport
		tmpl    string                       // the statusrapport template's table line; "" for the built-in
		first   string
		header  []string
		row     []string // the row of DA2, late as of the report
		wantErr string
	}{
		{
			name: "default", first: "Aktivitet",
			header: []string{"Aktivitet", "Ansvarig", "Status", "Planerat slut", "Prognos", "Utfall"},
		},
		{
			name:   "the region's columns, comment its own column",
			choice: map[string]model.TableChoice{"aktivitetsstatus": {Columns: []string{"nr", "aktivitet", "ansvarig", "planerat_slut", "status", "kommentar"}, Headings: map[string]string{"planerat_slut": "Planerat klart"}}},
			first:  "Nr",
			header: []string{"Nr", "Aktivitet", "Ansvarig", "Planerat klart", "Status", "Kommentar"},
			row:    []string{"DA2", "Gemensam implementeringsplan", "OC NSV Umeå", "2025-09", "Försenad", ""},
		},
		{
			name:   "empty columns dropped, date style, traffic light and lateness apart",
			choice: map[string]model.TableChoice{"aktivitetsstatus": {Columns: []string{"nr", "utfall", "trafikljus", "försenad", "prognos"}, DropEmpty: true, DateStyle: "namn"}},
			first:  "Nr",
			header: []string{"Nr", "Utfall", "Försenad", "Prognos"},
			row:    []string{"DA2", "", "Försenad", "December 2025"},
		},
		{
			name:   "columns from the template",
			tmpl:   `{{ aktivitetsstatus . "nr" "status" }}`,
			first:  "Nr",
			header: []string{"Nr", "Status"},
			row:    []string{"DA2", "Försenad"},
		},
		{
			name:   "without header row",
			choice: map[string]model.TableChoice{"aktivitetsstatus": {Columns: []string{"nr", "status"}, NoHeader: true}},
			first:  "DA1",
			row:    []string{"DA2", "Försenad"},
		},
		{
			name:    "unknown column in the template",
			tmpl:    `{{ aktivitetsstatus . "nr" "statsu" }}`,
			wantErr: `aktivitetsstatus has no column "statsu"; did you mean "status"?`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var opts []Option
			if tc.tmpl != "" {
				opts = append(opts, WithTemplateDir(templateDir(t, map[string]string{"statusrapport.md.tmpl": "# {{ titel }}\n\n" + tc.tmpl + "\n"})))
			}
			in := fixture(t, testdata("statusrapport.yaml"))
			in.Registries.Organisation.Columns = map[string]map[string]model.TableChoice{"statusrapport": tc.choice}
			d, ds := newComposer(t, opts...).Compose(in)
			if tc.wantErr != "" {
				require.True(t, ds.HasErrors())
				assert.Contains(t, ds.Error(), tc.wantErr)
				return
			}
			require.False(t, ds.HasErrors(), ds.Error())
			header, rows := tableWith(d, tc.first)
			require.NotNil(t, rows, "no table starting with %q", tc.first)
			assert.Equal(t, tc.header, header)
			if tc.row != nil {
				require.GreaterOrEqual(t, len(rows), 2)
				got := rows[1]
				require.Len(t, got, len(tc.row))
				for i, want := range tc.row {
					assert.True(t, strings.HasPrefix(got[i], want), "cell %d: %q does not start with %q", i, got[i], want)
				}
			}
		})
	}
}

func TestTablesListsAndSubsections(t *testing.T) {
	t.Parallel()
	tmpl := "# {{ titel }}\n\n{{ numrerade_rubriker }}\n\n## Sammanfattning\n{{ underavsnitt .Summary }}\n\n## Mottagare\n{{ rader .DispatchTo }}\n\n{{ rader (beslutsunderlag .Basis) }}\n\n## Tabell\n{{ md .Legal }}\n"
	c := newComposer(t, WithTemplateDir(templateDir(t, map[string]string{"tjansteskrivelse.md.tmpl": tmpl})))
	in := fixture(t, testdata("tjansteskrivelse.yaml"))
	m := in.Doc.(*model.Memo)
	m.Summary = "Inledning.\n\n## Bakgrund\n\nText.\n\n### Närmare\n\nMer.\n\n## Bedömning\n\nSlut."
	m.Legal = "| | |\n|---|---|\n| Nämnd | Teknik |\n| Datum | 2025-03-12 |\n"
	d := compose(t, c, in)
	assert.Equal(t, []string{"1. Sammanfattning", "1.1. Bakgrund", "1.1.1. Närmare", "1.2. Bedömning", "2. Mottagare", "3. Tabell"}, headings(d)[1:])
	var kv *doc.Table
	for _, b := range d.Blocks {
		if tb, ok := b.(*doc.Table); ok && !tb.Borderless {
			kv = tb
		}
		assert.NotEqual(t, doc.KindList, b.Kind(), "rader draws no list")
	}
	require.NotNil(t, kv)
	assert.Empty(t, kv.Header, "an empty header row is no header row")
	assert.Len(t, kv.Rows, 2)
}

func TestDirectiveTableColumns(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		table  string
		choice model.TableChoice
		first  string
		header []string
	}{
		{"delaktiviteter", model.TableChoice{}, "Aktivitet", []string{"Aktivitet", "Startdatum", "Slutdatum", "Ansvarig"}},
		{"delaktiviteter", model.TableChoice{Columns: []string{"nr", "aktivitet", "ansvarig", "slutdatum"}, Headings: map[string]string{"slutdatum": "Klart"}}, "Nr", []string{"Nr", "Aktivitet", "Ansvarig", "Klart"}},
		{"tidplan", model.TableChoice{Columns: []string{"beslutspunkt", "beskrivning", "slut"}}, "Beslutspunkt", []string{"Beslutspunkt", "Beskrivning", "Slut"}},
		{"milstolpar", model.TableChoice{Columns: []string{"beslutspunkt", "datum", "kommentar"}, DropEmpty: true}, "Beslutspunkt", []string{"Beslutspunkt", "Datum"}},
	} {
		t.Run(tc.table+"/"+tc.first, func(t *testing.T) {
			t.Parallel()
			in := fixture(t, testdata("uppdragsdirektiv.yaml"))
			in.Registries.Organisation.Columns = map[string]map[string]model.TableChoice{"uppdragsdirektiv": {tc.table: tc.choice}}
			d := compose(t, newComposer(t), in)
			header, rows := tableWith(d, tc.first)
			require.NotEmpty(t, rows)
			assert.Equal(t, tc.header, header)
			assert.Len(t, rows[0], len(tc.header))
		})
	}
}

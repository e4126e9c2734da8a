package compose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// templateDir writes files into a fresh template directory.
func templateDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	return dir
}

// bandText is a band's rows, each cell's lines joined by "/" and the
// cells by " | ", with page fields as {sida} and {antal}.
func bandText(b *doc.Band) []string {
	if b == nil {
		return nil
	}
	line := func(l doc.Line) string {
		var s strings.Builder
		for _, in := range l {
			switch in.Field {
			case doc.PageField:
				s.WriteString("{sida}")
			case doc.PagesField:
				s.WriteString("{antal}")
			default:
				if in.Style&doc.Bold != 0 {
					s.WriteString("*" + in.Text + "*")
				} else {
					s.WriteString(in.Text)
				}
			}
		}
		return s.String()
	}
	var out []string
	for _, r := range b.Rows {
		var cells []string
		for _, c := range r.Cells {
			var ls []string
			if c.Logo {
				ls = append(ls, "[logo]")
			}
			for _, l := range c.Lines {
				ls = append(ls, line(l))
			}
			cells = append(cells, strings.Join(ls, "/"))
		}
		out = append(out, strings.Join(cells, " | "))
	}
	return out
}

func TestFurnitureTemplates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		files map[string]string
		check func(t *testing.T, m doc.Meta)
	}{
		{
			name: "built-in: the profile's shorthand, as before",
			check: func(t *testing.T, m doc.Meta) {
				assert.Nil(t, m.HeaderBand)
				assert.Nil(t, m.FooterBand)
				assert.NotEmpty(t, m.Header.Right)
				assert.NotEmpty(t, m.Footer)
			},
		},
		{
			name:  "two-column footer with labels above values",
			files: map[string]string{"_sidfot.md.tmpl": `{{ linje }}{{ rutnät (kolumn (över "Postadress" .Address.Postal) (över "Handläggare" (namn_titel .CaseOfficer))) (kolumn (över "Telefon" .Address.Phone) (över "Fax" "")) }}`},
			check: func(t *testing.T, m doc.Meta) {
				require.NotNil(t, m.FooterBand)
				assert.True(t, m.FooterBand.Rule)
				assert.Equal(t, []string{"*Postadress*/901 89 Umeå/*Handläggare*/Erika Frohm, Samordnare nära vård | *Telefon*/090-785 00 00"}, bandText(m.FooterBand))
				assert.Equal(t, []doc.Column{{Width: 1}, {Width: 1}}, m.FooterBand.Rows[0].Columns)
				assert.Nil(t, m.HeaderBand, "the header stays the profile's")
				assert.NotEmpty(t, m.Header.Left)
			},
		},
		{
			name:  "an empty footer template is no footer",
			files: map[string]string{"_sidfot.md.tmpl": `{{/* ingen sidfot */}}`},
			check: func(t *testing.T, m doc.Meta) {
				require.NotNil(t, m.FooterBand)
				assert.True(t, m.FooterBand.Empty())
			},
		},
		{
			name:  "capitals, bold, widths, alignment, page format",
			files: map[string]string{"_sidhuvud.md.tmpl": `{{ rutnät (bredd 2 (kolumn (fet (versaler .Organisation)) .Office)) (höger (kolumn (före "Dnr " .CaseNumber) (före "Dnr " "") (sida "Sida {sida} av {antal}"))) }}`},
			check: func(t *testing.T, m doc.Meta) {
				assert.Equal(t, []string{"*REGION VÄSTERBOTTEN*/Hälso- och sjukvårdsförvaltningen | Dnr HSN 1203-2024/Sida {sida} av {antal}"}, bandText(m.HeaderBand))
				assert.Equal(t, []doc.Column{{Width: 2}, {Width: 1, Align: doc.AlignRight}}, m.HeaderBand.Rows[0].Columns)
				assert.Nil(t, m.First, "the same on every page")
			},
		},
		{
			name: "page one differs; the kind's own partial comes first",
			files: map[string]string{
				"_sidhuvud.md.tmpl":                  `{{ rutnät (kolumn "alla dokumenttyper") }}`,
				"_sidhuvud.tjansteskrivelse.md.tmpl": "{{ if .FirstPage }}{{ rutnät (kolumn (fet .Kind) (datum .Date)) }}{{ else }}{{ rutnät (kolumn (sida)) }}{{ end }}",
			},
			check: func(t *testing.T, m doc.Meta) {
				require.NotNil(t, m.First)
				assert.Equal(t, []string{"*Tjänsteskrivelse*/2024-11-20"}, bandText(m.First.HeaderBand))
				assert.Equal(t, []string{"{sida} ({antal})"}, bandText(m.HeaderBand))
			},
		},
		{
			name:  "free text and the logo",
			files: map[string]string{"_sidfot.md.tmpl": "Justerandes signatur: **______**\n\n{{ rutnät (mitten (kolumn logotyp)) }}"},
			check: func(t *testing.T, m doc.Meta) {
				assert.Equal(t, []string{"Justerandes signatur: *______*", "[logo]"}, bandText(m.FooterBand))
				assert.Equal(t, doc.AlignCenter, m.FooterBand.Rows[1].Columns[0].Align)
			},
		},
		{
			name:  "numbering from data",
			files: map[string]string{"_sidhuvud.md.tmpl": `{{ sidnumrering "5" 53 }}{{ rutnät (kolumn (sida)) }}`},
			check: func(t *testing.T, m doc.Meta) {
				assert.Equal(t, [2]int{5, 53}, [2]int{m.Numbering.Start, m.Numbering.Total})
				assert.Equal(t, "_sidhuvud.md.tmpl", filepath.Base(m.Numbering.From), "where it was set, for errors")
				n, total := m.Numbering.Page(2, 3)
				assert.Equal(t, [2]int{6, 53}, [2]int{n, total})
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := newComposer(t, WithTemplateDir(templateDir(t, tc.files)))
			d := compose(t, c, fixture(t, testdata("tjansteskrivelse.yaml")))
			tc.check(t, d.Meta)
		})
	}
}

func TestNumberingCount(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		nb              doc.Numbering
		n, total        int
		wantN, wantPage int
	}{
		{doc.Numbering{}, 1, 3, 1, 3},
		{doc.Numbering{Start: 1}, 2, 3, 2, 3},
		{doc.Numbering{Start: 5}, 1, 3, 5, 7},
		{doc.Numbering{Start: 5, Total: 53}, 3, 3, 7, 53},
		{doc.Numbering{Total: 10}, 2, 3, 2, 10},
	} {
		n, total := tc.nb.Page(tc.n, tc.total)
		assert.Equal(t, [2]int{tc.wantN, tc.wantPage}, [2]int{n, total}, "%+v page %d of %d", tc.nb, tc.n, tc.total)
	}
}

func TestFurnitureErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, tmpl, want string
	}{
		{"unknown page placeholder", `{{ rutnät (kolumn (sida "{sid}")) }}`, "the format knows {sida} and {antal} only"},
		{"width not a number", `{{ rutnät (bredd "bred" (kolumn "x")) }}`, "bredd takes a positive number"},
		{"numbering not a number", `{{ sidnumrering "fem" "" }}`, "sidnumrering takes whole numbers"},
		{"first page after the last", `{{ sidnumrering 9 5 }}`, "the first page 9 is after the last 5"},
		{"block function in a column", `{{ rutnät (kolumn (md .Doc.Summary)) }}`, "not a block function's output"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := templateDir(t, map[string]string{"_sidhuvud.md.tmpl": tc.tmpl})
			c := newComposer(t, WithTemplateDir(dir))
			d, ds := c.Compose(fixture(t, testdata("tjansteskrivelse.yaml")))
			assert.Nil(t, d)
			require.True(t, ds.HasErrors())
			assert.Contains(t, ds.Error(), tc.want)
			assert.Contains(t, ds.Error(), "_sidhuvud.md.tmpl:1", "the template's file and line")
		})
	}
}

// facts is the first borderless table's rows, label and value.
func facts(d *doc.Document) [][2]string {
	for _, b := range d.Blocks {
		if t, ok := b.(*doc.Table); ok && t.Borderless {
			var out [][2]string
			for _, r := range t.Rows {
				out = append(out, [2]string{cellText(r.Cells[0]), cellText(r.Cells[1])})
			}
			return out
		}
	}
	return nil
}

func cellText(c doc.Cell) string {
	var s []string
	for _, b := range c.Blocks {
		if p, ok := b.(*doc.Paragraph); ok {
			s = append(s, doc.Plain(p.Text))
		}
	}
	return strings.Join(s, "/")
}

func TestFactBoxPartial(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		file string // doc file in testdata
		tmpl string // the organisation's _fakta for it; "" for the built-in
		part string // its name
		want [][2]string
		line string // a paragraph the partial writes instead
	}{
		{name: "built-in memo", file: "tjansteskrivelse.yaml",
			want: [][2]string{{"Diarienummer", "HSN 1203-2024"}, {"Datum", "2024-11-20"}, {"Till", "Hälso- och sjukvårdsnämnden"}, {"Handläggare", "Erika Frohm, Samordnare nära vård"}}},
		{name: "trimmed and reordered", file: "tjansteskrivelse.yaml", part: "_fakta.tjansteskrivelse.md.tmpl",
			tmpl: `{{ fakta "handläggare" .CaseOfficer "diarienummer" .CaseNumber }}`,
			want: [][2]string{{"Handläggare", "Erika Frohm, Samordnare nära vård"}, {"Diarienummer", "HSN 1203-2024"}}},
		{name: "none", file: "tjansteskrivelse.yaml", part: "_fakta.tjansteskrivelse.md.tmpl", tmpl: "{{/* ingen */}}"},
		{name: "the case officer by function", file: "tjansteskrivelse.yaml", part: "_fakta.tjansteskrivelse.md.tmpl",
			tmpl: `{{ fakta "handläggare" handläggare }}`,
			want: [][2]string{{"Handläggare", "Erika Frohm, Samordnare nära vård"}}},
		{name: "one line", file: "tjansteskrivelse.yaml", part: "_fakta.tjansteskrivelse.md.tmpl", tmpl: "**Dnr {{ .CaseNumber }}**  {{ datum .Date }}",
			line: "Dnr HSN 1203-2024  2024-11-20"},
		{name: "own rows interleaved", file: "statusrapport.yaml", part: "_fakta.statusrapport.md.tmpl",
			tmpl: `{{ fakta "rapportdatum" .Date .Facts "rapportör" .Author }}`,
			want: [][2]string{{"Rapportdatum", "2025-11-15"}, {"Uppdragsägare", "Isabell Zemrén"}, {"Rapportör", "Erika Frohm, Samordnare nära vård"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var opts []Option
			if tc.part != "" {
				opts = append(opts, WithTemplateDir(templateDir(t, map[string]string{tc.part: tc.tmpl})))
			}
			in := fixture(t, testdata(tc.file))
			if sr, ok := in.Doc.(*model.StatusReport); ok {
				sr.Facts = []model.Fact{{Label: "Uppdragsägare", Value: "Isabell Zemrén"}}
			}
			d := compose(t, newComposer(t, opts...), in)
			assert.Equal(t, tc.want, facts(d))
			if tc.line != "" {
				require.IsType(t, &doc.Paragraph{}, d.Blocks[1])
				assert.Equal(t, tc.line, doc.Plain(d.Blocks[1].(*doc.Paragraph).Text))
			}
		})
	}
}

// TestDocumentedFooter runs the worked example of docs/templates.md, so
// that the documentation shows what underlag does.
func TestDocumentedFooter(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "templates.md"))
	require.NoError(t, err)
	text := string(b)
	at := strings.Index(text, "### Example: a two-column footer with labels above values")
	require.GreaterOrEqual(t, at, 0)
	text = text[at:]
	start := strings.Index(text, "```\n") + len("```\n")
	end := start + strings.Index(text[start:], "```")
	tmpl := text[start:end]
	require.Contains(t, tmpl, "rutnät")
	c := newComposer(t, WithTemplateDir(templateDir(t, map[string]string{"_sidfot.md.tmpl": tmpl})))
	d := compose(t, c, fixture(t, testdata("tjansteskrivelse.yaml")))
	require.NotNil(t, d.Meta.FooterBand)
	assert.True(t, d.Meta.FooterBand.Rule)
	got := bandText(d.Meta.FooterBand)
	require.Len(t, got, 1)
	cols := strings.Split(got[0], " | ")
	require.Len(t, cols, 2)
	assert.True(t, strings.HasPrefix(cols[0], "*Småfjälls kommun*/Hälso- och sjukvårdsförvaltningen/*Postadress*/901 89 Umeå/*Handläggare*/Erika Frohm"), cols[0])
	assert.True(t, strings.HasPrefix(cols[1], "*Besöksadress*/Köksvägen 11, Umeå/*Telefon*/090-785 00 00/*Webb*/www.regionvasterbotten.se"), cols[1])
}

package pipeline

import (
	"bytes"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/testenv"
)

// markdownOf loads, composes and renders one document as Markdown, with
// its header and footer lines.
func markdownOf(t *testing.T, p *Pipeline, path string) (string, *doc.Document) {
	t.Helper()
	d, diags := p.Load(path)
	require.False(t, diags.HasErrors(), "%s: %v", path, diags)
	require.NotNil(t, d, path)
	tree, diags := p.Compose(d)
	require.False(t, diags.HasErrors(), "%s: %v", path, diags)
	var b bytes.Buffer
	_, err := p.Render(&b, "md", tree)
	require.NoError(t, err)
	return b.String(), tree
}

func lines(ls []doc.Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, doc.Plain(l))
	}
	return out
}

// Every document of the example tree, of both organisations, loads and
// composes without an error and is not thin.
func TestDataTree(t *testing.T) {
	t.Parallel()
	p, err := New(Config{Version: "test", Formats: []Format{}})
	require.NoError(t, err)
	files, err := p.Find([]string{filepath.Join(testenv.RepoRoot(t), "data")})
	require.NoError(t, err)
	docs := 0
	for _, f := range files {
		d, diags := p.Load(f)
		require.False(t, diags.HasErrors(), "%s: %v", f, diags)
		if d == nil {
			continue // a registry
		}
		docs++
		tree, diags := p.Compose(d)
		require.False(t, diags.HasErrors(), "%s: %v", f, diags)
		assert.GreaterOrEqual(t, len(tree.Blocks), 3, f)
		assert.NotEmpty(t, tree.Meta.Title, f)
		assert.NotEmpty(t, tree.Meta.Organisation, f)
	}
	assert.Equal(t, 9, docs, "seven documents of the region (five transcribed or example documents, two meetings), two of the municipality")
}

// Two organisations in one build: each document in its own
// organisation's look, and neither organisation's templates, labels,
// order or header reach the other's documents, however the documents are
// interleaved.
func TestTwoOrganisations(t *testing.T) {
	t.Parallel()
	root := filepath.Join(testenv.RepoRoot(t), "data")
	region := filepath.Join(root, "tjansteskrivelse-hsn-1203-2024.yaml")
	town := filepath.Join(root, "exempelby", "bun", "tjansteskrivelse-skolskjuts-2025.yaml")
	order := filepath.Join(root, "exempelby", "klf", "projektbestallning-e-arkiv.yaml")
	directive := filepath.Join(root, "uppdragsdirektiv-nara-vard-2025.yaml")
	p, err := New(Config{Version: "test", Formats: []Format{mustFormat(t, "md")}})
	require.NoError(t, err)

	// Composed at once, on one pipeline, so that a leak between the
	// organisations' templates would show.
	paths := []string{region, town, order, directive, town, region}
	out := make([]string, len(paths))
	trees := make([]*doc.Document, len(paths))
	var wg sync.WaitGroup
	for i, path := range paths {
		wg.Go(func() { out[i], trees[i] = markdownOf(t, p, path) })
	}
	wg.Wait()

	regionMD, townMD, orderMD, dirMD := out[0], out[1], out[2], out[3]
	assert.Equal(t, regionMD, out[5], "the same document composes the same")
	assert.Equal(t, townMD, out[4])

	// The region: built-in template and labels, its own order.
	assert.Contains(t, regionMD, "## Sammanfattning\n")
	assert.Contains(t, regionMD, "## Beslutet expedieras till")
	assert.Contains(t, regionMD, "## Bedömda resultat och konsekvenser")
	assert.Less(t, strings.Index(regionMD, "## Sammanfattning"), strings.Index(regionMD, "## Förslag till beslut"))
	for _, own := range []string{"Sammanfattning av ärendet", "Förvaltningens förslag", "Beslutet skickas till", "Ärendebeskrivning", "Kontaktperson", "Dnr "} {
		assert.NotContains(t, regionMD, own, "the municipality's label %q in the region's memo", own)
	}
	assert.Equal(t, []string{"Region Västerbotten"}, lines(trees[0].Meta.Header.Left))
	assert.Equal(t, []string{"Tjänsteskrivelse", " ()", "2024-11-20", "HSN 1203-2024"}, lines(trees[0].Meta.Header.Right))
	assert.Nil(t, trees[0].Meta.First)

	// The municipality: its template, labels, order, left-out sections,
	// office, header and footer.
	assert.Less(t, strings.Index(townMD, "## Förvaltningens förslag till beslut"), strings.Index(townMD, "## Sammanfattning av ärendet"))
	assert.Contains(t, townMD, "## Ärendebeskrivning")
	assert.Contains(t, townMD, "## Beslutet skickas till")
	assert.Contains(t, townMD, "| Kontaktperson | Ájlin Sárri, Utredare |")
	for _, gone := range []string{"Bedömda resultat", "Barnperspektiv", "## Sammanfattning\n", "Beslutet expedieras till"} {
		assert.NotContains(t, townMD, gone)
	}
	assert.Equal(t, []string{"Exempelby kommun", "Barn- och utbildningsförvaltningen"}, lines(trees[1].Meta.Header.Left))
	assert.Equal(t, []string{"Tjänsteskrivelse", "2025-11-03", "Dnr BUN 2025/118", " ()"}, lines(trees[1].Meta.Header.Right))
	assert.Empty(t, trees[1].Meta.Footer, "the footer stands on page one only")
	require.NotNil(t, trees[1].Meta.First)
	assert.Equal(t, []string{
		"Barn- och utbildningsförvaltningen · Box 100, 999 99 Exempelby · Besöksadress: Skolgatan 4",
		"Telefon: 0999-12 35 00 · E-post: bun@exempelby.se · www.exempelby.se",
	}, lines(trees[1].Meta.First.Footer), "the office's address over the organisation's")

	// Tables, figures with numbered captions, and the kind defined in data.
	assert.Contains(t, townMD, "| F–3 | 312 | 341 | \\+29 |")
	assert.Contains(t, townMD, "Figur 1. Trafikfarliga vägavsnitt enligt trafikutredningen 2025")
	assert.Contains(t, orderMD, "| Förstudie | Kvartal 4 2025 | Kvartal 1 2026 |")
	assert.Contains(t, orderMD, "| Införande och första leveransen | Andra halvåret 2026 | Kvartal 4 2027 |")
	assert.Contains(t, orderMD, "| Beställare | Zeynep Yılmaz, Kommundirektör |")
	assert.Equal(t, "Projektbeställning", trees[2].Meta.KindLabel)

	// The region's directive prints its milestones as its original does.
	assert.Contains(t, dirMD, "| December 2024 | Beredande av uppdragsdirektiv | BP0 |")
	assert.Contains(t, dirMD, "| Januari 2025 | Start av uppdraget | BP1 |")
	assert.Contains(t, dirMD, "| 31 oktober 2025 | Leverans till uppdragsägare | BP3 |")
}

func mustFormat(t *testing.T, name string) Format {
	t.Helper()
	f, err := LookupFormat(name)
	require.NoError(t, err)
	return f
}

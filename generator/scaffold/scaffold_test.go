package scaffold_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/docs"
	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/generator/scaffold"
)

func schema(t *testing.T, p *pipeline.Pipeline) []byte {
	t.Helper()
	b, err := p.Schema()
	require.NoError(t, err)
	return b
}

// Whatever the organisation is called and whether it names an office,
// the scaffold validates without an error or a warning, and every data
// file points at the schema it writes.
func TestPlanValidates(t *testing.T) {
	t.Parallel()
	p, err := pipeline.New(pipeline.Config{Formats: []pipeline.Format{}})
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		opts   scaffold.Options
		commit string // a committee the profile must have
	}{
		{"municipality", scaffold.Options{Name: "Exempelby kommun"}, "KS"},
		{"region with an office", scaffold.Options{Name: "Region Norrland", Office: "Hälso- och sjukvårdsförvaltningen"}, "RS"},
		{"name YAML must quote", scaffold.Options{Name: "Kommun: #1 'Ö'", Office: "Förvaltning: Ö"}, "KF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.opts.Schema = schema(t, p)
			tc.opts.Year = 2026
			files, err := scaffold.Plan(tc.opts)
			require.NoError(t, err)
			dir := t.TempDir()
			_, err = scaffold.Write(dir, files)
			require.NoError(t, err)

			data := filepath.Join(dir, scaffold.DataDir)
			found, err := p.Find([]string{data})
			require.NoError(t, err)
			require.Len(t, found, 6, "three registries and three documents")
			diags := p.ValidateAll(found, 1)
			assert.Empty(t, diags, "%v", diags)

			var org struct {
				Namn    string
				Nämnder []struct{ Förkortning string }
			}
			b, err := os.ReadFile(filepath.Join(data, "organisation.yaml"))
			require.NoError(t, err)
			require.NoError(t, yaml.Unmarshal(b, &org))
			assert.Equal(t, tc.opts.Name, org.Namn)
			assert.Contains(t, string(b), "förkortning: "+tc.commit)

			for _, f := range found {
				b, err := os.ReadFile(f)
				require.NoError(t, err)
				first, _, _ := strings.Cut(string(b), "\n")
				assert.Equal(t, "# yaml-language-server: $schema=../schema/underlag.schema.json", first, f)
				assert.FileExists(t, filepath.Join(filepath.Dir(f), "../schema/underlag.schema.json"))
			}
			assert.FileExists(t, filepath.Join(dir, ".github", "workflows", "dokument.yml"))
			assert.FileExists(t, filepath.Join(dir, ".gitlab-ci.yml"))
			assert.FileExists(t, filepath.Join(dir, "README.md"))
			settings, err := os.ReadFile(filepath.Join(dir, ".vscode", "settings.json"))
			require.NoError(t, err)
			assert.Contains(t, string(settings), `"./schema/underlag.schema.json": ["data/**/*.yaml"`)
		})
	}
}

// A scaffold never overwrites: one file in the way and nothing is
// written, and the error lists every file in the way.
func TestWriteRefusesToOverwrite(t *testing.T) {
	t.Parallel()
	files := []scaffold.File{{Path: "README.md", Data: []byte("ny")}, {Path: "data/organisation.yaml", Data: []byte("ny")}, {Path: "data/ny.yaml", Data: []byte("ny")}}
	for _, tc := range []struct {
		name  string
		exist []string
	}{
		{"one", []string{"README.md"}},
		{"two", []string{"README.md", "data/organisation.yaml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for _, e := range tc.exist {
				p := filepath.Join(dir, filepath.FromSlash(e))
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, []byte("gammal"), 0o644))
			}
			wrote, err := scaffold.Write(dir, files)
			var ee *scaffold.ExistsError
			require.True(t, errors.As(err, &ee), "%v", err)
			assert.Empty(t, wrote)
			assert.Len(t, ee.Paths, len(tc.exist))
			for _, e := range tc.exist {
				assert.Contains(t, err.Error(), filepath.Join(dir, filepath.FromSlash(e)))
				b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(e)))
				assert.Equal(t, "gammal", string(b))
			}
			assert.NoFileExists(t, filepath.Join(dir, "data", "ny.yaml"), "nothing was written")
		})
	}
}

func TestPlanNeedsNameAndSchema(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		opts scaffold.Options
		want string
	}{
		{scaffold.Options{Name: "  ", Schema: []byte("{}")}, "needs a name"},
		{scaffold.Options{Name: "Kommun"}, "no schema"},
		{scaffold.Options{Name: "Kommun", Office: "––", Schema: []byte("{}")}, "no letters"},
	} {
		_, err := scaffold.Plan(tc.opts)
		assert.ErrorContains(t, err, tc.want)
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Barn- och utbildningsförvaltningen": "barn-och-utbildningsforvaltningen",
		"Kommunledningsförvaltningen":        "kommunledningsforvaltningen",
		"  Åre kommun 2 ":                    "are-kommun-2",
		"Ájlin Sárri":                        "ajlin-sarri",
		"––":                                 "",
	} {
		assert.Equal(t, want, scaffold.Slug(in), in)
	}
}

// The repository stands alone: every file or folder a generated file
// points at (a Markdown link, a docs/… page, a $schema) is in the
// scaffold, and the CI files and README pin the running release.
func TestPlanStandsAlone(t *testing.T) {
	t.Parallel()
	p, err := pipeline.New(pipeline.Config{Formats: []pipeline.Format{}})
	require.NoError(t, err)
	for _, tc := range []struct {
		version, want string
	}{
		{"v1.2.3", "v1.2.3"},
		{"v1.2.3-4-gabcdef-dirty", ""}, // a development build: the workflows' own pin
		{"dev", ""},
	} {
		files, err := scaffold.Plan(scaffold.Options{Name: "Exempelby kommun", Schema: schema(t, p), Version: tc.version})
		require.NoError(t, err)
		have := map[string]bool{}
		for _, f := range files {
			have[f.Path] = true
			for d := filepath.Dir(f.Path); d != "."; d = filepath.Dir(d) {
				have[filepath.ToSlash(d)] = true
			}
		}
		refs := regexp.MustCompile("\\]\\(([^)#:]+)[)#]|[\\s(`]docs/[\\w./-]+\\.md")
		for _, f := range files {
			for _, m := range refs.FindAllStringSubmatch(string(f.Data), -1) {
				ref := m[1]
				if ref == "" {
					ref = m[0][1:]
				}
				if strings.Contains(ref, "<") || strings.Contains(ref, " ") {
					continue // an example in prose, not a link
				}
				target := filepath.ToSlash(filepath.Join(filepath.Dir(f.Path), ref))
				assert.True(t, have[target] || have[ref], "%s points at %s, which the repository does not have", f.Path, ref)
			}
		}
		want := tc.want
		if want == "" {
			want = regexp.MustCompile(`UNDERLAG_VERSION: (v\S+)`).FindStringSubmatch(string(docs.GitHubActions))[1]
		}
		pins := 0
		for _, f := range files {
			switch f.Path {
			case ".github/workflows/dokument.yml", ".gitlab-ci.yml":
				assert.Contains(t, string(f.Data), "UNDERLAG_VERSION: "+want+"\n", "%s: %s", tc.version, f.Path)
				pins++
			case "README.md":
				assert.Contains(t, string(f.Data), "cmd/underlag@"+want+"`", tc.version)
				pins++
			}
		}
		assert.Equal(t, 3, pins, "both CI files and the README")
	}
}

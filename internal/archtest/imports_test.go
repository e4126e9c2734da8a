package archtest

import (
	"fmt"
	"os/exec"
	"path"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/underlag/underlag/"

// layer is where a package stands in the pipeline (docs/architecture.md,
// "Imports"). A package may import only the layers its entry allows.
type layer string

const (
	leaf     layer = "leaf"     // data types and helpers every stage shares
	render   layer = "render"   // the renderers of the document tree
	stage    layer = "stage"    // the stages from data to tree
	packet   layer = "packet"   // a packet: stages and the PDF renderer
	pipeline layer = "pipeline" // the one pipeline over all of them
	batch    layer = "batch"    // many documents, through the pipeline
	serve    layer = "serve"    // the local web page, through the pipeline
	command  layer = "command"  // the cobra commands
	free     layer = "free"     // tests' helpers and benchmarks: not checked
)

// layers assigns packages to layers by path, longest prefix first.
var layers = []struct {
	prefix string
	layer  layer
}{
	{"generator/atomic", leaf}, {"generator/confine", leaf}, {"generator/date", leaf}, {"generator/diag", leaf},
	{"generator/filename", leaf}, {"generator/style", leaf}, {"generator/doc", leaf}, {"generator/gantt", leaf},
	{"generator/model", leaf}, {"generator/scaffold", leaf}, {"generator/watch", leaf},
	{"generator/pdf", render}, {"generator/docx", render}, {"generator/markdown", render},
	{"generator/html", render},
	{"generator/load", stage}, {"generator/check", stage}, {"generator/kind", stage},
	{"generator/lint", stage}, {"generator/compose", stage}, {"generator/schema", stage},
	{"generator/packet", packet},
	{"generator/pipeline", pipeline},
	{"generator/batch", batch},
	{"generator/serve", serve},
	{"cmd/", command},
	{"templates", leaf}, {"docs", leaf}, // embedded files: the built-in templates, the examples
	{"internal/", free}, {"bench/", free},
}

// allowed are the layers each layer may import.
var allowed = map[layer][]layer{
	leaf:     {leaf},
	render:   {leaf, render},
	stage:    {leaf, stage},
	packet:   {leaf, stage, render},
	pipeline: {leaf, stage, render, packet},
	batch:    {leaf, pipeline, batch},
	serve:    {leaf, pipeline},
	command:  {leaf, pipeline, batch, serve},
}

// forbidden are single edges the layers allow but the design does not:
// the tree and the data know nothing of each other, and a renderer reads
// the tree (and the style), never the model. (That renderers do not
// import each other is the render layer's own rule, in TestImports.)
var forbidden = [][2]string{
	{"generator/doc", "generator/model"},
	{"generator/model", "generator/doc"},
	{"generator/pdf", "generator/model"},
	{"generator/docx", "generator/model"},
	{"generator/markdown", "generator/model"},
	{"generator/html", "generator/model"},
}

func layerOf(pkg string) (layer, bool) {
	best, found := "", layer("")
	for _, l := range layers {
		if (pkg == l.prefix || strings.HasPrefix(pkg, strings.TrimSuffix(l.prefix, "/")+"/")) && len(l.prefix) > len(best) {
			best, found = l.prefix, l.layer
		}
	}
	return found, best != ""
}

// renderer is the renderer a package belongs to: "generator/pdf" for
// generator/pdf/coverage.
func renderer(pkg string) string {
	parts := strings.SplitN(pkg, "/", 3)
	return path.Join(parts[0], parts[1])
}

// under reports whether pkg is p or inside it.
func under(pkg, p string) bool { return pkg == p || strings.HasPrefix(pkg, p+"/") }

// violations lists the edges of the import graph (package → its imports,
// paths inside the module) that the layers or the forbidden edges rule
// out, each with the rule, and counts the edges checked.
func violations(graph map[string][]string) (out []string, edges int) {
	for from, imps := range graph {
		fl, ok := layerOf(from)
		if !ok {
			out = append(out, from+" is in no layer: add it to the table of layers here and to docs/architecture.md")
			continue
		}
		if fl == free {
			continue
		}
		for _, to := range imps {
			edges++
			tl, ok := layerOf(to)
			switch {
			case !ok:
				out = append(out, fmt.Sprintf("%s imports %s, which is in no layer", from, to))
			case tl == render && fl == render && renderer(from) != renderer(to):
				out = append(out, fmt.Sprintf("%s imports %s: a renderer imports only its own packages", from, to))
			case !slices.Contains(allowed[fl], tl):
				out = append(out, fmt.Sprintf("%s (%s) imports %s (%s): a %s package may import only %v", from, fl, to, tl, fl, allowed[fl]))
			}
			for _, f := range forbidden {
				if under(from, f[0]) && under(to, f[1]) {
					out = append(out, fmt.Sprintf("%s imports %s: forbidden (%s must not import %s)", from, to, f[0], f[1]))
				}
			}
		}
	}
	slices.Sort(out)
	return out, edges
}

// TestImports runs go list over the module and fails on every import that
// the layers or the forbidden edges rule out, naming it and the rule.
func TestImports(t *testing.T) {
	root, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...")
	cmd.Dir = strings.TrimSpace(string(root))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	graph := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		from := strings.TrimPrefix(fields[0], module)
		graph[from] = nil
		for _, imp := range fields[1:] {
			if strings.HasPrefix(imp, module) {
				graph[from] = append(graph[from], strings.TrimPrefix(imp, module))
			}
		}
	}
	bad, edges := violations(graph)
	for _, v := range bad {
		t.Error(v)
	}
	if edges == 0 {
		t.Fatal("go list found no imports between the module's packages")
	}
}

// TestViolations checks the rules on edges the project once had and
// must not have again: each is reported, and an allowed one is not.
func TestViolations(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		bad      bool
	}{
		{"generator/check", "generator/pdf/coverage", true},
		{"generator/compose", "generator/batch/filename", true},
		{"generator/batch", "generator/packet", true},
		{"cmd/underlag", "generator/lint", true},
		{"cmd/underlag", "generator/packet", true},
		{"generator/docx", "generator/pdf", true},
		{"generator/pdf", "generator/model", true},
		{"generator/doc", "generator/model", true},
		{"generator/packet", "generator/pipeline", true},
		{"generator/newthing", "generator/doc", true},
		{"generator/compose", "generator/filename", false},
		{"generator/pdf", "generator/pdf/sfnt", false},
		{"generator/pipeline", "generator/packet", false},
		{"cmd/underlag", "generator/pipeline", false},
	} {
		bad, _ := violations(map[string][]string{tc.from: {tc.to}})
		if got := len(bad) > 0; got != tc.bad {
			t.Errorf("%s → %s: reported %v (%v), want %v", tc.from, tc.to, got, bad, tc.bad)
		}
	}
}

// TestLayerTable checks the tables themselves: every layer that is
// checked has its allowed list, and each forbidden edge is between
// packages of the table.
func TestLayerTable(t *testing.T) {
	for _, l := range layers {
		if _, ok := allowed[l.layer]; !ok && l.layer != free {
			t.Errorf("layer %s of %s has no allowed list", l.layer, l.prefix)
		}
	}
	for _, f := range forbidden {
		for _, p := range f {
			if _, ok := layerOf(p); !ok {
				t.Errorf("forbidden edge %s → %s names %s, which is in no layer", f[0], f[1], p)
			}
		}
	}
}

// Package docs holds the project's documentation; this test keeps its
// example CI workflows valid YAML with the structure each CI system needs.
package docs

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

func readYAML(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, yaml.Unmarshal(data, &m), path)
	return m
}

func mapping(t *testing.T, v any, what string) map[string]any {
	t.Helper()
	m, ok := v.(map[string]any)
	require.True(t, ok, "%s is a mapping", what)
	return m
}

func list(t *testing.T, v any, what string) []any {
	t.Helper()
	l, ok := v.([]any)
	require.True(t, ok, "%s is a list", what)
	require.NotEmpty(t, l, what)
	return l
}

// step finds the step of a job with the given name.
func step(t *testing.T, job map[string]any, name string) map[string]any {
	t.Helper()
	for _, s := range list(t, job["steps"], "steps") {
		st := mapping(t, s, "step")
		if st["name"] == name {
			return st
		}
	}
	t.Fatalf("no step %q", name)
	return nil
}

func TestGitHubActions(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("github-actions.yml")
	require.NoError(t, err)
	assert.NotContains(t, string(data), "@latest", "the version is pinned")
	w := readYAML(t, "github-actions.yml")
	assert.Contains(t, w, "name")
	assert.Contains(t, w, "on")
	env := mapping(t, w["env"], "env")
	assert.Regexp(t, `^v\d+\.\d+\.\d+$`, env["UNDERLAG_VERSION"], "a pinned release")
	jobs := mapping(t, w["jobs"], "jobs")
	for _, j := range []string{"install", "lint", "build", "collect"} {
		require.Contains(t, jobs, j)
	}
	for name, j := range jobs {
		job := mapping(t, j, name)
		assert.Equal(t, "ubuntu-latest", job["runs-on"])
		for i, s := range list(t, job["steps"], name+".steps") {
			step := mapping(t, s, "step")
			_, uses := step["uses"]
			_, hasRun := step["run"]
			assert.True(t, uses != hasRun, "%s step %d has either uses or run", name, i)
		}
	}

	// The binary is built once per version and cached, and handed to the
	// other jobs as an artifact of the run; the cache keeps only the pinned
	// version, never the fallback to main.
	install := mapping(t, jobs["install"], "jobs.install")
	cache := step(t, install, "Cached underlag")
	assert.Equal(t, "actions/cache/restore@v4", cache["uses"])
	key := mapping(t, cache["with"], "with")["key"].(string)
	assert.Contains(t, key, "${{ env.UNDERLAG_VERSION }}")
	inst := step(t, install, "Install underlag")
	assert.Equal(t, "steps.cache.outputs.cache-hit != 'true'", inst["if"])
	save := step(t, install, "Keep underlag for later runs")
	assert.Equal(t, "steps.install.outputs.pinned == 'true'", save["if"])
	assert.Equal(t, key, mapping(t, save["with"], "with")["key"])
	for _, tc := range []struct {
		name      string
		published []string // the versions the fake go can install
		pinned    bool
		warning   bool
	}{
		{"pinned version published", []string{"v0.1.0", "main"}, true, false},
		{"not tagged yet", []string{"main"}, false, true},
	} {
		out, installed := runInstall(t, inst["run"].(string), tc.published, nil)
		assert.Equal(t, tc.pinned, strings.Contains(out, "pinned=true"), tc.name)
		assert.Equal(t, tc.warning, strings.Contains(out, "::warning::underlag v0.1.0 could not be installed"), tc.name)
		assert.NotEmpty(t, installed, "%s: something is installed", tc.name)
	}
	assert.Contains(t, mapping(t, w["env"], "env")["GOPROXY"], "vars.GOPROXY", "a proxy of one's own")
	for _, name := range []string{"lint", "build"} {
		job := mapping(t, jobs[name], name)
		assert.Equal(t, "install", job["needs"], "%s needs only the binary", name)
		found := false
		for _, s := range list(t, job["steps"], name+".steps") {
			st := mapping(t, s, "step")
			if st["uses"] == "actions/download-artifact@v4" {
				found = true
				assert.Equal(t, "underlag", mapping(t, st["with"], "with")["name"])
			}
		}
		assert.True(t, found, "%s downloads the binary", name)
	}

	// Lint: SARIF to code scanning where it is on, strict on the default
	// branch unless turned off, the report kept.
	lint := mapping(t, jobs["lint"], "jobs.lint")
	perms := mapping(t, lint["permissions"], "permissions")
	assert.Equal(t, "write", perms["security-events"])
	assert.Equal(t, "read", perms["actions"], "upload-sarif in a private repository")
	lintStep := step(t, lint, "Lint")
	run := lintStep["run"].(string)
	assert.Contains(t, run, "underlag lint data/")
	assert.Contains(t, run, "--format sarif")
	strict := mapping(t, lintStep["env"], "env")["STRICT"].(string)
	assert.Contains(t, strict, "github.event.repository.default_branch")
	assert.Contains(t, strict, "vars.UNDERLAG_STRICT != 'false'")
	upload := step(t, lint, "Upload to code scanning")
	assert.Equal(t, "github/codeql-action/upload-sarif@v4", upload["uses"])
	assert.Equal(t, true, upload["continue-on-error"], "no code scanning (a private repository) never fails the lint")
	assert.Contains(t, upload["if"], "vars.UNDERLAG_CODE_SCANNING != 'false'")
	assert.Equal(t, "underlag.sarif", mapping(t, upload["with"], "with")["sarif_file"])
	assert.Equal(t, "actions/upload-artifact@v4", step(t, lint, "Upload lint report")["uses"])

	// Build: shards numbered from 1, as many as the documents need.
	build := mapping(t, jobs["build"], "jobs.build")
	matrix := mapping(t, mapping(t, build["strategy"], "strategy")["matrix"], "matrix")
	shards := list(t, matrix["shard"], "matrix.shard")
	for i, s := range shards {
		assert.Equal(t, i+1, s, "shards are numbered from 1")
	}
	plan := step(t, build, "Plan shards")
	assert.Equal(t, itoa(len(shards)), mapping(t, plan["env"], "env")["MAX_SHARDS"])
	buildRun := step(t, build, "Build documents")["run"].(string)
	assert.Contains(t, buildRun, "underlag build data/")
	assert.Contains(t, buildRun, "--shard ${{ matrix.shard }}/${{ steps.plan.outputs.count }}")
	assert.Contains(t, buildRun, "--report")
	assert.Contains(t, mapping(t, step(t, build, "Restore earlier outputs")["with"], "with")["key"], "${{ steps.plan.outputs.count }}-${{ matrix.shard }}")
	assert.Equal(t, "actions/upload-artifact@v4", step(t, build, "Upload documents")["uses"])

	// The plan balances by document count: three documents are one
	// shard's work, not four shards' with three idle.
	script := plan["run"].(string)
	for _, tc := range []struct{ docs, shard, count, active int }{
		{3, 1, 1, 1}, {3, 2, 1, 0}, {3, 4, 1, 0}, {60, 3, 3, 1}, {60, 4, 3, 0}, {500, 4, 4, 1},
	} {
		out := runPlan(t, script, tc.docs, map[string]string{"SHARD": itoa(tc.shard), "MAX_SHARDS": "4", "PER_SHARD": "25"})
		assert.Contains(t, out, "count="+itoa(tc.count)+"\n", "%d documents", tc.docs)
		assert.Contains(t, out, "active="+itoa(tc.active)+"\n", "%d documents, shard %d", tc.docs, tc.shard)
	}

	collect := mapping(t, jobs["collect"], "jobs.collect")
	assert.Equal(t, "build", collect["needs"])
	list(t, collect["steps"], "collect.steps")
}

// runPlan runs a shard-planning script with bash in a data tree of n
// documents and the three registries, and returns what it wrote to
// GITHUB_OUTPUT and standard output.
func runPlan(t *testing.T, script string, n int, env map[string]string) string {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "data", "hsn"), 0o755))
	for _, r := range []string{"organisation.yaml", "ordlista.yaml", "personer.yaml"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "data", r), nil, 0o644))
	}
	for i := 0; i < n; i++ {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "data", "hsn", "d"+strconv.Itoa(i)+".yaml"), nil, 0o644))
	}
	output := filepath.Join(dir, "github-output")
	cmd := exec.Command(bash, "-e", "-c", script)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "GITHUB_OUTPUT=" + output}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	stdout, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", stdout)
	written, _ := os.ReadFile(output)
	return string(written) + string(stdout)
}

func TestGitLabCI(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("gitlab-ci.yml")
	require.NoError(t, err)
	assert.NotContains(t, string(data), "@latest", "the version is pinned")
	w := readYAML(t, "gitlab-ci.yml")
	var stages []string
	for _, s := range list(t, w["stages"], "stages") {
		stages = append(stages, s.(string))
	}
	vars := mapping(t, w["variables"], "variables")
	assert.Regexp(t, `^v\d+\.\d+\.\d+$`, vars["UNDERLAG_VERSION"], "a pinned release")
	jobs := 0
	for name, v := range w {
		if name == "stages" || name == "variables" || name == "default" || strings.HasPrefix(name, ".") {
			continue
		}
		jobs++
		job := mapping(t, v, name)
		assert.Contains(t, stages, job["stage"], "job %s is in a declared stage", name)
		script := list(t, job["script"], name+".script")
		var all []string
		for _, s := range script {
			all = append(all, s.(string))
		}
		joined := strings.Join(all, "\n")
		switch name {
		case "install-underlag":
			assert.Contains(t, joined, `go install "github.com/underlag/underlag/cmd/underlag@$UNDERLAG_VERSION"`)
			artifacts := mapping(t, job["artifacts"], "artifacts")
			assert.Equal(t, []any{".underlag/bin/underlag"}, artifacts["paths"], "the binary is an artifact, not only cached")
			for _, tc := range []struct {
				name      string
				published []string
				cached    string // the cache's content before the job
				want      string
				marked    bool
			}{
				{"pinned version published", []string{"v0.1.0", "main"}, "", "v0.1.0", false},
				{"not tagged yet", []string{"main"}, "", "main", true},
				{"pinned from the cache", nil, "v0.1.0", "v0.1.0", false},
				{"main in the cache is not taken for the pin", []string{"v0.1.0"}, "main", "v0.1.0", false},
			} {
				out, installed := runInstall(t, joined, tc.published, &tc.cached)
				assert.Equal(t, tc.want, installed, "%s: %s", tc.name, out)
				assert.Equal(t, tc.marked, strings.Contains(out, "WARNING: underlag v0.1.0 could not be installed"), tc.name)
			}
		case "lint-documents":
			assert.Equal(t, ".underlag-binary", job["extends"])
			assert.Contains(t, joined, "$LINT_FLAGS")
			assert.Contains(t, joined, "underlag lint data/ --format gitlab -o gl-code-quality-report.json $LINT_FLAGS")
			rules := list(t, job["rules"], "rules")
			first := mapping(t, rules[0], "rule")
			assert.Equal(t, `$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $UNDERLAG_STRICT != "false"`, first["if"])
			assert.Equal(t, "--strict", mapping(t, first["variables"], "variables")["LINT_FLAGS"])
			artifacts := mapping(t, job["artifacts"], "artifacts")
			assert.Equal(t, "always", artifacts["when"])
			assert.Equal(t, "gl-code-quality-report.json", mapping(t, artifacts["reports"], "reports")["codequality"])
		case "build-documents":
			assert.Equal(t, ".underlag-binary", job["extends"], "needs only install, not the lint")
			assert.Equal(t, 4, job["parallel"])
			assert.Contains(t, joined, "underlag build data/")
			assert.Contains(t, joined, `--shard "$CI_NODE_INDEX/$n"`)
			assert.Contains(t, joined, "--report")
			artifacts := mapping(t, job["artifacts"], "artifacts")
			list(t, artifacts["paths"], "artifacts.paths")
			// The plan: the first lines count the documents and choose
			// the shards, as on GitHub.
			plan := strings.Join(all[:3], "\n")
			for _, tc := range []struct{ docs, count int }{{3, 1}, {60, 3}, {500, 4}} {
				out := runPlan(t, plan, tc.docs, map[string]string{"CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "4"})
				assert.Contains(t, out, itoa(tc.docs)+" documents in "+itoa(tc.count)+" shards", "%d documents", tc.docs)
			}
		}
	}
	assert.Equal(t, 4, jobs)
	// The jobs after install take the binary from its artifact, and need
	// nothing else: a strict lint on the default branch never stops the
	// documents from being built.
	base := mapping(t, w[".underlag-binary"], ".underlag-binary")
	needs := list(t, base["needs"], "needs")
	assert.Equal(t, map[string]any{"job": "install-underlag", "artifacts": true}, needs[0])
	assert.Len(t, needs, 1)
	assert.NotContains(t, base, "cache", "no shared cache needed")
}

// runInstall runs an install script with a fake go that can install only
// the versions in published, in a fresh directory whose .underlag/bin holds
// cached (when given: "v0.1.0", or "main" with its mark). It returns the
// script's output (and GITHUB_OUTPUT) and the version installed.
func runInstall(t *testing.T, script string, published []string, cached *string) (string, string) {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "fakebin")
	bin := filepath.Join(dir, ".underlag", "bin")
	require.NoError(t, os.MkdirAll(fake, 0o755))
	require.NoError(t, os.MkdirAll(bin, 0o755))
	// go install MODULE@V writes a "binary" holding V into $GOBIN.
	goScript := "#!/bin/sh\nv=${2##*@}\ncase \" " + strings.Join(published, " ") + " \" in *\" $v \"*) printf '%s' \"$v\" > \"$GOBIN/underlag\"; chmod +x \"$GOBIN/underlag\";; *) echo \"go: $2: unknown revision\" >&2; exit 1;; esac\n"
	require.NoError(t, os.WriteFile(filepath.Join(fake, "go"), []byte(goScript), 0o755))
	if cached != nil && *cached != "" {
		require.NoError(t, os.WriteFile(filepath.Join(bin, "underlag"), []byte(*cached), 0o755))
		if *cached == "main" {
			require.NoError(t, os.WriteFile(filepath.Join(bin, ".main"), nil, 0o644))
		}
	}
	home := filepath.Join(dir, "home")
	require.NoError(t, os.MkdirAll(filepath.Join(home, ".local", "bin"), 0o755))
	output := filepath.Join(dir, "github-output")
	cmd := exec.Command(bash, "-e", "-c", script)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + fake + ":/usr/bin:/bin", "HOME=" + home, "GITHUB_OUTPUT=" + output,
		"UNDERLAG_VERSION=v0.1.0", "UNDERLAG_BIN=" + bin, "GOBIN=" + bin}
	stdout, err := cmd.CombinedOutput()
	// The last line of GitLab's script runs the binary, a text file here.
	if err != nil && !strings.Contains(script, `"$UNDERLAG_BIN/underlag" version`) {
		require.NoError(t, err, "%s", stdout)
	}
	written, _ := os.ReadFile(output)
	installed, _ := os.ReadFile(filepath.Join(bin, "underlag"))
	if len(installed) == 0 {
		installed, _ = os.ReadFile(filepath.Join(home, ".local", "bin", "underlag"))
	}
	return string(written) + string(stdout), string(installed)
}

func itoa(n int) string { return strconv.Itoa(n) }

// The GitHub workflow passes actionlint (a go.mod tool, so offline once
// the modules are downloaded), which checks the expressions, the actions'
// inputs and, where shellcheck is installed, the run scripts. GitLab has no
// such linter that runs offline: its CI schema is fetched (TestGitLabCISchema).
func TestActionlint(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles actionlint")
	}
	t.Parallel()
	if _, err := exec.LookPath("shellcheck"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("shellcheck is missing (.ci/run installs it)")
		}
		t.Log("shellcheck is missing: the run scripts are not checked")
	}
	cmd := exec.Command("go", "tool", "actionlint", "-no-color", "github-actions.yml")
	out, err := cmd.CombinedOutput()
	assert.NoError(t, err, "actionlint:\n%s", out)
}

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

	// The binary is built once per version and cached; no job compiles
	// it on a cache hit.
	install := mapping(t, jobs["install"], "jobs.install")
	cache := step(t, install, "Cached underlag")
	key := mapping(t, cache["with"], "with")["key"].(string)
	assert.Contains(t, key, "${{ env.UNDERLAG_VERSION }}")
	assert.Equal(t, "steps.cache.outputs.cache-hit != 'true'", step(t, install, "Install underlag")["if"])
	for _, name := range []string{"lint", "build"} {
		restore := step(t, mapping(t, jobs[name], name), "Restore underlag")
		assert.Equal(t, "actions/cache/restore@v4", restore["uses"])
		assert.Equal(t, key, mapping(t, restore["with"], "with")["key"], "%s restores the installed binary", name)
	}

	// Lint: SARIF to code scanning, strict on main, the report kept.
	lint := mapping(t, jobs["lint"], "jobs.lint")
	assert.Equal(t, "install", lint["needs"])
	assert.Equal(t, "write", mapping(t, lint["permissions"], "permissions")["security-events"])
	run := step(t, lint, "Lint")["run"].(string)
	assert.Contains(t, run, "underlag lint data/")
	assert.Contains(t, run, "--format sarif")
	assert.Contains(t, run, "${{ github.ref == 'refs/heads/main' && '--strict' || '' }}")
	upload := step(t, lint, "Upload to code scanning")
	assert.Equal(t, "github/codeql-action/upload-sarif@v3", upload["uses"])
	assert.Equal(t, "underlag.sarif", mapping(t, upload["with"], "with")["sarif_file"])
	assert.Equal(t, "actions/upload-artifact@v4", step(t, lint, "Upload lint report")["uses"])

	// Build: shards numbered from 1, as many as the documents need.
	build := mapping(t, jobs["build"], "jobs.build")
	assert.Equal(t, "lint", build["needs"])
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
			assert.Contains(t, joined, `test -x "$UNDERLAG_BIN/underlag" ||`, "installs only on a cache miss")
			assert.Contains(t, joined, `go install "github.com/underlag/underlag/cmd/underlag@$UNDERLAG_VERSION"`)
			assert.Equal(t, "pull-push", mapping(t, job["cache"], "cache")["policy"])
		case "lint-documents":
			assert.Equal(t, ".underlag-binary", job["extends"])
			assert.Contains(t, joined, "underlag lint data/ --format gitlab -o gl-code-quality-report.json $LINT_FLAGS")
			rules := list(t, job["rules"], "rules")
			first := mapping(t, rules[0], "rule")
			assert.Equal(t, "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", first["if"])
			assert.Equal(t, "--strict", mapping(t, first["variables"], "variables")["LINT_FLAGS"])
			artifacts := mapping(t, job["artifacts"], "artifacts")
			assert.Equal(t, "always", artifacts["when"])
			assert.Equal(t, "gl-code-quality-report.json", mapping(t, artifacts["reports"], "reports")["codequality"])
		case "build-documents":
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
}

func itoa(n int) string { return strconv.Itoa(n) }

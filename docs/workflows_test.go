// Package docs holds the project's documentation; this test keeps its
// example CI workflows valid YAML with the structure each CI system needs.
package docs

import (
	"os"
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

func TestGitHubActions(t *testing.T) {
	t.Parallel()
	w := readYAML(t, "github-actions.yml")
	assert.Contains(t, w, "name")
	assert.Contains(t, w, "on")
	jobs := mapping(t, w["jobs"], "jobs")
	require.Contains(t, jobs, "build")
	require.Contains(t, jobs, "collect")

	build := mapping(t, jobs["build"], "jobs.build")
	assert.Equal(t, "ubuntu-latest", build["runs-on"])
	matrix := mapping(t, mapping(t, build["strategy"], "strategy")["matrix"], "matrix")
	shards := list(t, matrix["shard"], "matrix.shard")
	for i, s := range shards {
		assert.Equal(t, i+1, s, "shards are numbered from 1")
	}
	var run string
	for i, s := range list(t, build["steps"], "steps") {
		step := mapping(t, s, "step")
		_, uses := step["uses"]
		_, hasRun := step["run"]
		assert.True(t, uses != hasRun, "step %d has either uses or run", i)
		if r, ok := step["run"].(string); ok && strings.Contains(r, "underlag build") {
			run = r
		}
	}
	require.NotEmpty(t, run, "a step runs underlag build")
	assert.Contains(t, run, "--shard ${{ matrix.shard }}/"+itoa(len(shards)))
	assert.Contains(t, run, "--report")

	collect := mapping(t, jobs["collect"], "jobs.collect")
	assert.Equal(t, "build", collect["needs"])
	list(t, collect["steps"], "collect.steps")
}

func TestGitLabCI(t *testing.T) {
	t.Parallel()
	w := readYAML(t, "gitlab-ci.yml")
	var stages []string
	for _, s := range list(t, w["stages"], "stages") {
		stages = append(stages, s.(string))
	}
	jobs := 0
	for name, v := range w {
		if name == "stages" || name == "variables" || name == "default" {
			continue
		}
		jobs++
		job := mapping(t, v, name)
		assert.Contains(t, stages, job["stage"], "job %s is in a declared stage", name)
		script := list(t, job["script"], name+".script")
		if name == "build-documents" {
			assert.Equal(t, 4, job["parallel"])
			var all []string
			for _, s := range script {
				all = append(all, s.(string))
			}
			joined := strings.Join(all, "\n")
			assert.Contains(t, joined, "underlag build")
			assert.Contains(t, joined, `--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"`)
			assert.Contains(t, joined, "--report")
			artifacts := mapping(t, job["artifacts"], "artifacts")
			list(t, artifacts["paths"], "artifacts.paths")
		}
	}
	assert.Equal(t, 2, jobs)
}

func itoa(n int) string { return string(rune('0' + n)) }

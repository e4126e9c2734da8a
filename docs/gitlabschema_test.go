package docs

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// gitlabSchemaEnv names a copy of GitLab's own CI schema (draft-07; in
// GitLab's repository app/assets/javascripts/editor/schema/ci.json, what
// its pipeline editor checks with). It is not in this repository: GitLab
// changes it with every release, so .ci/run fetches the current one.
const gitlabSchemaEnv = "UNDERLAG_GITLAB_CI_SCHEMA"

// The GitLab example passes GitLab's CI schema, and a job with a
// misspelt keyword does not (so that the schema checks jobs at all).
// Without the schema the test skips.
func TestGitLabCISchema(t *testing.T) {
	t.Parallel()
	path := os.Getenv(gitlabSchemaEnv)
	if path == "" {
		// Not fatal in CI either: the schema is fetched from gitlab.com,
		// which a CI machine may not reach.
		t.Skipf("%s does not name GitLab's CI schema (ci.json; .ci/run fetches it when gitlab.com is reachable)", gitlabSchemaEnv)
	}
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	require.NoError(t, err, "%s is JSON", path)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	const url = "https://gitlab.com/.gitlab-ci.yml"
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err)

	data, err := os.ReadFile("gitlab-ci.yml")
	require.NoError(t, err)
	assert.NoError(t, sch.Validate(asJSON(t, data)), "docs/gitlab-ci.yml against GitLab's CI schema")

	broken := strings.Replace(string(data), "\n  script:", "\n  scrpit:", 1)
	require.NotEqual(t, string(data), broken, "the example has a job script to misspell")
	assert.Error(t, sch.Validate(asJSON(t, []byte(broken))), "a misspelt keyword is refused")
}

// asJSON reads YAML as the validator's JSON values.
func asJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, yaml.Unmarshal(data, &v))
	b, err := json.Marshal(v)
	require.NoError(t, err)
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return out
}

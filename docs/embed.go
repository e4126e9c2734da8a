// Package docs holds the project's documentation. It embeds the example CI
// workflows so that `underlag init` writes the same files these pages
// describe, from one copy.
package docs

import _ "embed"

// GitHubActions is the example GitHub Actions workflow, github-actions.yml.
//
//go:embed github-actions.yml
var GitHubActions []byte

// GitLabCI is the example GitLab CI configuration, gitlab-ci.yml.
//
//go:embed gitlab-ci.yml
var GitLabCI []byte

// Package templates holds the default templates that decide what goes into
// each kind of document: one Go text/template around Markdown per kind, and
// the labels (headings, column names, status words) in etiketter.yaml.
//
// They are embedded in the binary so that underlag works with no files
// beside it; a directory given with --templates overrides them file by
// file, as a Hugo site's layouts override its theme. See docs/templates.md.
package templates

import "embed"

// FS holds the default templates: *.md.tmpl and etiketter.yaml.
//
//go:embed *.md.tmpl etiketter.yaml
var FS embed.FS

// Labels is the name of the labels file.
const Labels = "etiketter.yaml"

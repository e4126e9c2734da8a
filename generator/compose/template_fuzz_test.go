package compose

import (
	"testing"
	"time"
)

// FuzzTemplate composes a document with an arbitrary template, as an
// organisation's templates folder or a kind defined in data may bring:
// it parses or is refused, runs or fails, within the limits, and never
// panics (issue 23). `go test` runs the seeds.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{
		"# {{ titel }}\n\n{{ md .Summary }}\n",
		"{{ range 10000000000 }}{{ end }}",
		"{{ range 100000 }}ord {{ end }}",
		"{{ printf \"%0999999999d\" 1 }}",
		"{{ define \"a\" }}{{ template \"a\" }}{{ end }}{{ template \"a\" }}",
		"## {{ rubrik \"okänd\" }}\n{{ .Nope }}",
		"{{ okänd }}",
		"| a | b |\n| - | - |\n| {{ .Title }} | x |\n",
	} {
		f.Add(s)
	}
	c, err := New(WithTimeLimit(200 * time.Millisecond))
	if err != nil {
		f.Fatal(err)
	}
	in := fixture(f, testdata("tjansteskrivelse.yaml"))
	f.Fuzz(func(t *testing.T, tmpl string) {
		o, err := c.Overlay("mallar", map[string][]byte{"tjansteskrivelse.md.tmpl": []byte(tmpl)}, nil)
		if err != nil {
			return // does not parse: an error at its line
		}
		o.Compose(in)
	})
}

package testenv

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// PDFPages returns the text of each page of the PDF at path as pdftotext
// lays it out, the way a reader copying from the document sees it.
func PDFPages(t testing.TB, path string) []string {
	t.Helper()
	pages := strings.Split(Run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

var softBreak = regexp.MustCompile(`\x{00AD}\s*`)

// Squash joins words the PDF hyphenated at a line's end (a soft hyphen,
// U+00AD, then the break) and makes every run of whitespace one space, so
// that phrases can be found whatever the layout's line breaks and column
// gaps.
func Squash(s string) string {
	return strings.Join(strings.Fields(softBreak.ReplaceAllString(s, "")), " ")
}

// AssertInOrder checks that each phrase occurs in text, squashed, after
// the one before it.
func AssertInOrder(t testing.TB, text string, phrases ...string) {
	t.Helper()
	text = Squash(text)
	at := 0
	for _, p := range phrases {
		i := strings.Index(text[at:], p)
		if !assert.GreaterOrEqual(t, i, 0, "%q missing after position %d in\n%s", p, at, text) {
			return
		}
		at += i + len(p)
	}
}
